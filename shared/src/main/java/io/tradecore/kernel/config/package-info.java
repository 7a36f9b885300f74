/**
 * Wiring: the {@code tradecore.*} configuration, the kernel's auto-configuration, per-module schema migrations,
 * the Spring Cloud Stream bindings derived from the function catalog, and the local scheduler for job functions.
 */
package io.tradecore.kernel.config;
