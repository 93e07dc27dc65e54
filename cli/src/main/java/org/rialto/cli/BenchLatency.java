package org.rialto.cli;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Latency samples of one load-generator thread, weighted by the payments each stands for: a batch
 * of 100 answered after 8 ms is 100 payments that took 8 ms. Percentiles are over payments.
 */
final class BenchLatency {
  /** Samples per thread; a phase of seconds at thousands of requests per second stays far below. */
  static final int MAX_SAMPLES = 4_000_000;

  private long[] nanos = new long[1024];
  private int[] weights = new int[1024];
  private int size;
  private long payments;

  void record(long latencyNanos, int paymentCount) {
    if (size == MAX_SAMPLES) throw new IllegalStateException("more than " + MAX_SAMPLES + " latency samples in one phase");
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
      weights = Arrays.copyOf(weights, size * 2);
    }
    nanos[size] = latencyNanos;
    weights[size] = paymentCount;
    size++;
    payments += paymentCount;
  }

  long payments() {
    return payments;
  }

  /** Percentiles in milliseconds over all payments of all threads: {p50, p99, p99.9, max}. */
  static double[] percentilesMillis(List<BenchLatency> parts) {
    int n = 0;
    for (var p : parts) n += p.size;
    if (n == 0) return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    long[] packed = new long[n];
    int[] w = new int[n];
    Integer[] order = new Integer[n];
    int i = 0;
    long total = 0;
    for (var p : parts) {
      for (int j = 0; j < p.size; j++, i++) {
        packed[i] = p.nanos[j];
        w[i] = p.weights[j];
        order[i] = i;
        total += p.weights[j];
      }
    }
    Arrays.sort(order, (a, b) -> Long.compare(packed[a], packed[b]));
    double[] quantiles = {0.50, 0.99, 0.999};
    double[] out = new double[4];
    long seen = 0;
    int q = 0;
    for (int k = 0; k < n && q < quantiles.length; k++) {
      seen += w[order[k]];
      while (q < quantiles.length && seen >= Math.ceil(quantiles[q] * total)) {
        out[q++] = packed[order[k]] / 1e6;
      }
    }
    out[3] = packed[order[n - 1]] / 1e6;
    return out;
  }

  /** A version-4 UUID from a fast generator: UETRs must be unique, not unpredictable, in a bench. */
  static UUID uetr(SplittableRandom random) {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }

  /** Occurrences of {@code needle} in {@code haystack}: how many payments an answer says settled. */
  static int count(byte[] haystack, byte[] needle) {
    int found = 0;
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      found++;
      i += needle.length - 1;
    }
    return found;
  }
}
