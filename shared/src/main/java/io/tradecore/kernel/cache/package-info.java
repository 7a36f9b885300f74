/**
 * Redis cache-aside for read models. Queries read through it; projectors invalidate after their transaction
 * commits. Redis is an accelerator here, never a source of truth: when it is unreachable, queries go to
 * PostgreSQL and the failure is logged.
 */
package io.tradecore.kernel.cache;
