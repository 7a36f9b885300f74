/**
 * The {@code alerts} read model: one row per alert with its status and latest trigger, kept by the
 * {@code projectAlerts} projector in the checkpoint's transaction, read per owner by the query functions.
 */
package io.tradecore.automation.readmodel;
