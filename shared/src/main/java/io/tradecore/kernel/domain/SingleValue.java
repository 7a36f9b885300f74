package io.tradecore.kernel.domain;

/**
 * Marks a value-object record with exactly one component ({@code record Email(String value)}). The kernel's
 * JSON mapping writes such a record as its bare value and reads it back through the canonical constructor,
 * so the record's own validation runs on every read, without any annotation in domain code.
 */
public interface SingleValue {
}
