/**
 * Bearer-token security for the gateway: tokens are verified on every route but the catalog's public ones, the
 * acting user always comes from the verified token, passwords are hashed with Argon2id, and local-dev issues
 * its own HMAC-signed tokens (a deploy can point the resource server at any issuer instead).
 */
package io.tradecore.kernel.security;
