package org.rialto.ledger;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of one {@link Ledger#apply} call: one {@link EventResult} per event, in order, and
 * the pending transfers that lapsed before the batch's events were applied.
 */
public final class BatchResult {
  private final long timestampNanos;
  private final EventResult[] results;
  private final List<Id128> expiredPendingIds;
  private final int okCount;

  BatchResult(long timestampNanos, EventResult[] results, List<Id128> expiredPendingIds) {
    this.timestampNanos = timestampNanos;
    this.results = results;
    this.expiredPendingIds = List.copyOf(expiredPendingIds);
    int ok = 0;
    for (EventResult r : results) {
      if (r == null) {
        throw new IllegalStateException("batch result without a code");
      }
      if (r == EventResult.OK) {
        ok++;
      }
    }
    this.okCount = ok;
  }

  /** The batch's timestamp; event i carried {@code timestampNanos + i}. */
  public long timestampNanos() {
    return timestampNanos;
  }

  public int size() {
    return results.length;
  }

  public EventResult result(int eventIndex) {
    return results[eventIndex];
  }

  public List<EventResult> results() {
    return List.of(results);
  }

  public int okCount() {
    return okCount;
  }

  /** Pending transfers voided by expiry at the start of this batch, in the order they lapsed (expiry, then id). */
  public List<Id128> expiredPendingIds() {
    return expiredPendingIds;
  }

  @Override
  public String toString() {
    int shown = Math.min(results.length, 32);
    return "BatchResult{timestamp=" + timestampNanos + ", ok=" + okCount + "/" + results.length
        + ", expired=" + expiredPendingIds.size() + ", results=" + Arrays.toString(Arrays.copyOf(results, shown))
        + (shown < results.length ? "..." : "") + "}";
  }
}
