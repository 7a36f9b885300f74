/**
 * What other modules and clients may use of the order domain: the request bodies of its commands, the inputs of
 * its queries and the views they answer with.
 */
package io.tradecore.order.api;
