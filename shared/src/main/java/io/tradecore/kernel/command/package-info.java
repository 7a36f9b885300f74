/**
 * Command handling: rehydrate an aggregate per invocation (snapshot plus newer events), decide, append in one
 * transaction with the idempotency record and any set-wide claims, and retry a lost race a bounded number of
 * times before answering with a conflict.
 */
package io.tradecore.kernel.command;
