/**
 * What other modules and clients may use of broker_account: the HTTP command bodies, the query inputs and the views
 * the queries answer with. Other domains read the views through the QueryBus into their own records.
 */
package io.tradecore.brokeraccount.api;
