package org.rialto.fx;

import java.util.Arrays;

/**
 * Quotes that served their payment (filled) or whose payment was rejected (released), kept as a
 * 64-bit fingerprint of the id and one state byte each instead of the whole quote, so a book
 * at ten thousand payments a second can remember every used quote for its validity in a few
 * hundred megabytes at most. Open addressing with linear probing and backward-shift deletion (no
 * tombstones), growing by doubling up to {@link #MAX_CAPACITY} slots.
 *
 * <p>A fingerprint collision can only make an id that was never used look used (a 2^-64 chance
 * per lookup), which refuses a payment with DUPL instead of NARR: both refuse it.
 */
final class ClosedQuotes {
  static final byte FILLED = 1;
  static final byte RELEASED = 2;
  /** Slots at most; the book bounds what it tracks well below this. */
  static final int MAX_CAPACITY = 1 << 26;
  private static final int INITIAL_CAPACITY = 1 << 10;
  /** Zero marks an empty slot, so the fingerprint 0 is stored as this instead. */
  private static final long ZERO_STAND_IN = 0x9E3779B97F4A7C15L;

  private long[] keys = new long[INITIAL_CAPACITY];
  private byte[] states = new byte[INITIAL_CAPACITY];
  private int size;

  int size() {
    return size;
  }

  /** The state of a closed quote, or 0 when the fingerprint is not here. */
  byte get(long fingerprint) {
    long key = key(fingerprint);
    int mask = keys.length - 1;
    // Bounded: the table is never full (load at most 1/2), so an empty slot ends the probe.
    for (int i = slot(key, mask), probes = 0; probes < keys.length; i = (i + 1) & mask, probes++) {
      if (keys[i] == 0) return 0;
      if (keys[i] == key) return states[i];
    }
    throw new IllegalStateException("closed-quote table has no empty slot");
  }

  void put(long fingerprint, byte state) {
    if (state != FILLED && state != RELEASED) throw new IllegalArgumentException("state " + state);
    if ((size + 1) * 2 > keys.length) grow();
    long key = key(fingerprint);
    int mask = keys.length - 1;
    for (int i = slot(key, mask), probes = 0; probes < keys.length; i = (i + 1) & mask, probes++) {
      if (keys[i] == 0) {
        keys[i] = key;
        states[i] = state;
        size++;
        return;
      }
      if (keys[i] == key) {
        states[i] = state;
        return;
      }
    }
    throw new IllegalStateException("closed-quote table has no empty slot");
  }

  /** Removes the fingerprint; returns whether it was there. */
  boolean remove(long fingerprint) {
    long key = key(fingerprint);
    int mask = keys.length - 1;
    int i = slot(key, mask);
    for (int probes = 0; ; i = (i + 1) & mask, probes++) {
      if (probes >= keys.length) throw new IllegalStateException("closed-quote table has no empty slot");
      if (keys[i] == 0) return false;
      if (keys[i] == key) break;
    }
    // Backward shift: move later members of the probe run into the hole so lookups stay exact.
    int hole = i;
    for (int j = (hole + 1) & mask, probes = 0; keys[j] != 0 && probes < keys.length; j = (j + 1) & mask, probes++) {
      int home = slot(keys[j], mask);
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        keys[hole] = keys[j];
        states[hole] = states[j];
        hole = j;
      }
    }
    keys[hole] = 0;
    states[hole] = 0;
    size--;
    return true;
  }

  private void grow() {
    if (keys.length >= MAX_CAPACITY) {
      throw new IllegalStateException("closed-quote table at its limit of " + MAX_CAPACITY / 2 + " quotes");
    }
    long[] oldKeys = keys;
    byte[] oldStates = states;
    keys = new long[oldKeys.length * 2];
    states = new byte[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int k = 0; k < oldKeys.length; k++) {
      if (oldKeys[k] == 0) continue;
      int i = slot(oldKeys[k], mask);
      while (keys[i] != 0) i = (i + 1) & mask;
      keys[i] = oldKeys[k];
      states[i] = oldStates[k];
    }
  }

  private static long key(long fingerprint) {
    return fingerprint == 0 ? ZERO_STAND_IN : fingerprint;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  @Override
  public String toString() {
    return "ClosedQuotes{" + size + " of " + keys.length + " slots}";
  }

  /** For tests: the stored keys, sorted. */
  long[] keysForTest() {
    long[] out = new long[size];
    int n = 0;
    for (long k : keys) if (k != 0) out[n++] = k;
    Arrays.sort(out);
    return out;
  }
}
