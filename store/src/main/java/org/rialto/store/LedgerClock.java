package org.rialto.store;

import java.time.Instant;

/**
 * Where the writer takes batch timestamps from: nanoseconds since the epoch. Injected so tests
 * control time (expiry of pending transfers) exactly. The writer makes timestamps strictly
 * increasing itself, so a clock that stalls or steps back cannot break replay.
 */
@FunctionalInterface
public interface LedgerClock {
  long nowNanos();

  static LedgerClock system() {
    return () -> {
      Instant now = Instant.now();
      return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    };
  }
}
