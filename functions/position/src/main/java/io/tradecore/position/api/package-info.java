/** What other modules may use of position: the query inputs and the views the queries answer with. */
package io.tradecore.position.api;
