package org.rialto.security.jws;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Refuses a message seen before (same sender, same message id) or signed outside the window
 * around now. A message id is remembered until its signing time leaves the window, after which
 * the window check alone refuses it, so memory is bounded by the traffic of one window.
 *
 * <p>Bound: at most {@code maxEntries} ids (about 200 bytes each, so 1,000,000 ids is about 200
 * MB; size it to peak messages per second times twice the window). When full of live ids it
 * refuses new messages (fails closed) rather than forgetting ids. The durable, forever check of
 * invariant 3 is the evidence table's unique (sender, message id).
 *
 * <p>Thread-safe by a monitor: it sits on the gateway, before the writer, not on the hot path of
 * the ledger.
 */
public final class ReplayGuard {
  private record Key(String sender, String messageId) {}

  private record Seen(Key key, Instant forgetAt) {}

  private final Duration window;
  private final int maxEntries;
  private final Set<Key> keys = new HashSet<>();
  private final PriorityQueue<Seen> byExpiry = new PriorityQueue<>((a, b) -> a.forgetAt().compareTo(b.forgetAt()));

  public ReplayGuard(Duration window, int maxEntries) {
    if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException("window must be within (0, 24h], got " + window);
    }
    if (maxEntries < 1 || maxEntries > 10_000_000) {
      throw new IllegalArgumentException("maxEntries must be 1..10,000,000, got " + maxEntries);
    }
    this.window = window;
    this.maxEntries = maxEntries;
  }

  /** Accepts the message once, or throws {@link JwsException} (REPLAYED, OUTSIDE_WINDOW, REPLAY_GUARD_FULL). */
  public synchronized void accept(String sender, String messageId, Instant signedAt, Instant now) {
    java.util.Objects.requireNonNull(sender, "sender");
    java.util.Objects.requireNonNull(messageId, "messageId");
    if (signedAt.isBefore(now.minus(window)) || signedAt.isAfter(now.plus(window))) {
      throw new JwsException(JwsException.Reason.OUTSIDE_WINDOW,
          "message " + messageId + " from " + sender + " was signed at " + signedAt + ", outside " + window + " of " + now);
    }
    forgetUntil(now);
    Key key = new Key(sender, messageId);
    if (keys.contains(key)) {
      throw new JwsException(JwsException.Reason.REPLAYED, "message " + messageId + " from " + sender + " was already accepted");
    }
    if (keys.size() >= maxEntries) {
      throw new JwsException(JwsException.Reason.REPLAY_GUARD_FULL,
          "more than " + maxEntries + " messages inside the window; refusing rather than forgetting ids");
    }
    keys.add(key);
    byExpiry.add(new Seen(key, signedAt.plus(window)));
    if (keys.size() != byExpiry.size()) {
      throw new IllegalStateException("replay guard index out of step: " + keys.size() + " != " + byExpiry.size());
    }
  }

  public synchronized int size() {
    return keys.size();
  }

  private void forgetUntil(Instant now) {
    while (!byExpiry.isEmpty() && byExpiry.peek().forgetAt().isBefore(now)) {
      Seen s = byExpiry.poll();
      keys.remove(s.key());
    }
  }
}
