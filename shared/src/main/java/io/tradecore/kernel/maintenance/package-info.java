/**
 * Read-model maintenance for every projection that declares its tables: rebuild (replay the event store into shadow
 * copies while the live tables serve, then swap them in with the checkpoints in one short transaction), integrity
 * checks (replay up to the live checkpoints and compare row by row; differences recorded in {@code integrity_issues}
 * and relayed from there to {@code alerts.data-integrity}) and repair (a rebuild that resolves the issues). Kernel
 * functions, so every module's process can maintain its own read models.
 */
package io.tradecore.kernel.maintenance;
