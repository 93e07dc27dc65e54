package org.rialto.ledger;

import java.util.Arrays;

/**
 * An append-only set of 128-bit ids that hands out dense indexes 0, 1, 2... in insertion order,
 * so that the ledger can keep everything else about an account or transfer in primitive arrays
 * indexed by that number. Open addressing with linear probing; each slot packs a 32-bit hash
 * fingerprint with the index so that a probe rarely has to touch the key arrays. Only the most
 * recent entries can be removed ({@link #truncate}), which is all that rolling back a linked chain
 * needs.
 *
 * <p>Not thread-safe: owned by the ledger's single writer.
 */
final class IdIndex {
  /** Load factor 1/2 keeps unsuccessful probes (the common case: a new id) short. */
  private static final int MAX_TABLE_SLOTS = 1 << 30;
  static final int MAX_ENTRIES = MAX_TABLE_SLOTS / 2;

  private long[] highs;
  private long[] lows;
  private int size;
  /** 0 = empty; else (fingerprint << 32) | (index + 1). */
  private long[] slots;
  private int mask;
  /** Where the last unsuccessful find() stopped, for the add() that usually follows; -1 if stale. */
  private int missSlot = -1;
  private int missHash;
  private long missHigh;
  private long missLow;

  IdIndex(int expectedEntries) {
    if (expectedEntries < 0 || expectedEntries > MAX_ENTRIES) {
      throw new IllegalArgumentException("expectedEntries out of range: " + expectedEntries);
    }
    int capacity = Math.max(16, expectedEntries);
    highs = new long[capacity];
    lows = new long[capacity];
    int tableSlots = Integer.highestOneBit(Math.max(32, capacity * 2 - 1)) << 1;
    tableSlots = Math.min(tableSlots, MAX_TABLE_SLOTS);
    slots = new long[tableSlots];
    mask = tableSlots - 1;
  }

  int size() {
    return size;
  }

  long high(int index) {
    return highs[index];
  }

  long low(int index) {
    return lows[index];
  }

  Id128 id(int index) {
    return new Id128(highs[index], lows[index]);
  }

  static int hash(long high, long low) {
    long h = high * 0x9E3779B97F4A7C15L + low;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }

  /**
   * The raw slot an id hashes to. Reading it for every id of a batch before the batch is applied
   * lets the CPU fetch many cache lines at once instead of stalling on each lookup in turn.
   */
  long peek(long high, long low) {
    return slots[hash(high, low) & mask];
  }

  /** The index of the id, or -1. */
  int find(long high, long low) {
    int hash = hash(high, low);
    long fingerprint = (long) hash << 32;
    int slot = hash & mask;
    // At most half the slots are used, so an empty one is always reached; the bound only guards that.
    for (int probes = 0; probes <= mask; probes++) {
      long entry = slots[slot];
      if (entry == 0) {
        // The usual next step is add(high, low): remember where it goes to save a second probe.
        missSlot = slot;
        missHash = hash;
        missHigh = high;
        missLow = low;
        return -1;
      }
      if ((entry & 0xFFFF_FFFF_0000_0000L) == fingerprint) {
        int index = (int) entry - 1;
        if (highs[index] == high && lows[index] == low) {
          return index;
        }
      }
      slot = (slot + 1) & mask;
    }
    throw new IllegalStateException("id table has no free slot: " + size + " entries in " + slots.length);
  }

  /** Appends an id that is not present and returns its index. */
  int add(long high, long low) {
    if (size == MAX_ENTRIES) {
      throw new IllegalStateException("id index full at " + MAX_ENTRIES + " entries");
    }
    if (size == highs.length) {
      int capacity = (int) Math.min((long) highs.length * 2, MAX_ENTRIES);
      highs = Arrays.copyOf(highs, capacity);
      lows = Arrays.copyOf(lows, capacity);
    }
    if ((long) (size + 1) * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    int index = size;
    highs[index] = high;
    lows[index] = low;
    if (missSlot >= 0 && missHigh == high && missLow == low) {
      // Nothing changed the table since find() proved the id absent and stopped at this slot.
      int slot = missSlot;
      missSlot = -1;
      if (slots[slot] != 0) {
        throw new IllegalStateException("remembered free slot " + slot + " is taken");
      }
      slots[slot] = ((long) missHash << 32) | (index + 1L);
      size = index + 1;
      return index;
    }
    int hash = hash(high, low);
    int slot = hash & mask;
    long fingerprint = (long) hash << 32;
    while (slots[slot] != 0) {
      long entry = slots[slot];
      int other = (int) entry - 1;
      if ((entry & 0xFFFF_FFFF_0000_0000L) == fingerprint && highs[other] == high && lows[other] == low) {
        throw new IllegalStateException("id already present: " + new Id128(high, low));
      }
      slot = (slot + 1) & mask;
    }
    slots[slot] = ((long) hash << 32) | (index + 1L);
    size = index + 1;
    missSlot = -1;
    return index;
  }

  /** Removes the entries with index &gt;= newSize (the most recently added). */
  void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IllegalArgumentException("truncate to " + newSize + " of " + size);
    }
    missSlot = -1;
    for (int index = size - 1; index >= newSize; index--) {
      remove(index);
      size = index;
    }
  }

  private void remove(int index) {
    int slot = hash(highs[index], lows[index]) & mask;
    while ((int) slots[slot] - 1 != index) {
      if (slots[slot] == 0) {
        throw new IllegalStateException("index " + index + " missing from its table");
      }
      slot = (slot + 1) & mask;
    }
    // Backward-shift deletion keeps every remaining entry reachable from its home slot.
    int hole = slot;
    int next = (hole + 1) & mask;
    while (slots[next] != 0) {
      int home = (int) (slots[next] >>> 32) & mask;
      // Move the entry back if its home is not cyclically within (hole, next].
      boolean homeAfterHole = ((next - home) & mask) >= ((next - hole) & mask);
      if (homeAfterHole) {
        slots[hole] = slots[next];
        hole = next;
      }
      next = (next + 1) & mask;
    }
    slots[hole] = 0;
  }

  private void rehash(int newSlots) {
    if (newSlots > MAX_TABLE_SLOTS) {
      throw new IllegalStateException("id index cannot grow beyond " + MAX_TABLE_SLOTS + " slots");
    }
    missSlot = -1;
    long[] old = slots;
    slots = new long[newSlots];
    mask = newSlots - 1;
    for (long entry : old) {
      if (entry != 0) {
        int slot = (int) (entry >>> 32) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = entry;
      }
    }
  }
}
