/**
 * The user_account bounded context: registration with a unique username and email, profiles, email changes,
 * deactivation and deletion, as an event-sourced aggregate per user; the {@code users} read model; and token issue
 * for registered users. Passwords are hashed with Argon2id into a write-side credentials table in the same
 * transaction as the registration event, and never appear in events or logs.
 *
 * <p><b>Deletion</b> ({@code POST /api/users/{userId}/delete}, the module's verb-route style): the user themselves,
 * re-confirming with their password ({@code password-mismatch} 422 otherwise; a stolen token alone cannot erase an
 * account), or an administrator. Deleted is a lifecycle state: every later command answers 404 {@code user-deleted},
 * sign-in fails ({@code invalid-credentials}), and the account never comes back. The event {@code user.deleted}
 * carries only the user id. In its transaction the username and email claims are released (they are personal data;
 * a new account may take them), the password hash and the stream's snapshot are deleted. The projector deletes the
 * {@code users} row (no anonymized husk: nothing personal stays in the read model) and evicts
 * {@code user:{id}:profile}. broker_connection reacts by disconnecting the user's connections and destroying their
 * credential key (crypto-shredding).
 *
 * <p>Known limits. Tokens are stateless JWTs: a deleted user's token is refused by every user_account command (the
 * aggregate is deleted) and finds nothing in its queries, and broker_connection refuses to seal new credentials for
 * them, but other domains accept the token until it expires ({@code tradecore.security.token-lifetime}, 1 h); a
 * kernel-wide revocation check would close that. The earlier events of the stream ({@code user.registered},
 * {@code user.profile-updated}, {@code user.email-changed}) still hold the username, email and profile in the event
 * store and on {@code eventstore.user_account}; crypto-shredding covers broker credentials only. Erasing those too
 * means encrypting the profile fields per user (as the credentials are) or rewriting the archive; not done here.
 */
package io.tradecore.useraccount;
