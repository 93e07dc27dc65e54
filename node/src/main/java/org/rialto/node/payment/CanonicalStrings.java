package org.rialto.node.payment;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per distinct value of a payment's small-vocabulary fields (BICs, currency,
 * value date, step, reason code). The writer keeps every payment it knows in its heap, and each
 * payment parsed from a message brought its own copies of these few values: about 60 bytes and
 * one object apiece, which every young collection copied once more and the old generation kept.
 * Sharing them shortens the collector's pauses, the node's latency tail.
 *
 * <p>Bounded: past {@link #MAX_VALUES} distinct values (a hostile flood of made-up BICs) a value
 * is returned as it came, unshared, so the table cannot grow without limit.
 */
final class CanonicalStrings {
  /** Far above participants x currencies x business days a node sees in years. */
  static final int MAX_VALUES = 65_536;
  /** Longer texts are not vocabulary (a step or BIC is short); they are kept as they came. */
  static final int MAX_LENGTH_CHARS = 64;

  private static final ConcurrentHashMap<String, String> VALUES = new ConcurrentHashMap<>();

  private CanonicalStrings() {}

  static String of(String value) {
    if (value == null || value.length() > MAX_LENGTH_CHARS) return value;
    String shared = VALUES.get(value);
    if (shared != null) return shared;
    if (VALUES.size() >= MAX_VALUES) return value;
    shared = VALUES.putIfAbsent(value, value);
    return shared == null ? value : shared;
  }
}
