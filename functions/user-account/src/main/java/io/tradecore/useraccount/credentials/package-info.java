/**
 * Sign-in: the write-side password store, the registration and token-request inputs, and the rules that keep
 * credentials out of events, read models and logs.
 */
package io.tradecore.useraccount.credentials;
