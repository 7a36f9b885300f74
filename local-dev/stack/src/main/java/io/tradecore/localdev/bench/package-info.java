/**
 * Benchmark tools run by {@code local-dev/bench/run.sh} against the running stack: the user setup for the load
 * generators ({@link io.tradecore.localdev.bench.BenchUsers}), a fixed-rate load generator for the projection-lag
 * measurement ({@link io.tradecore.localdev.bench.PacedLoad}), and the aggregate load-time measurement
 * ({@link io.tradecore.localdev.bench.LoadTimeBench}). wrk does the saturation runs; these do what wrk cannot.
 */
package io.tradecore.localdev.bench;
