/** What other modules may use of user_account: the query inputs and the views the queries answer with. */
package io.tradecore.useraccount.api;
