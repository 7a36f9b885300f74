/**
 * The user_account bounded context: registration with a unique username and email, profiles, email changes and
 * deactivation, as an event-sourced aggregate per user; the {@code users} read model; and token issue for
 * registered users. Passwords are hashed with Argon2id into a write-side credentials table in the same
 * transaction as the registration event, and never appear in events or logs.
 */
package io.tradecore.useraccount;
