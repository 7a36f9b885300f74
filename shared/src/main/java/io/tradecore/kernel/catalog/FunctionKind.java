package io.tradecore.kernel.catalog;

/** What a function is, which decides how it is triggered and deployed. */
public enum FunctionKind {
    COMMAND, QUERY, PROJECTOR, POLICY, SAGA_STEP, JOB
}
