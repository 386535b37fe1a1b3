package no.samnav.conformance.harness;

import java.util.Arrays;

/** Percentiles of a set of latencies in nanoseconds. */
record Latencies(int count, double p50Millis, double p99Millis, double maxMillis) {

    static Latencies of(long[] nanos) {
        if (nanos.length == 0) return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)),
                millis(sorted[sorted.length - 1]));
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d messages)", p50Millis, p99Millis, maxMillis, count);
    }
}
