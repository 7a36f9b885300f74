package io.tradecore.kernel.function;

/** What a scheduled job function answers: how much it did. */
public record JobReport(String job, long processed) {
}
