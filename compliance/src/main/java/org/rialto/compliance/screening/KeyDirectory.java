package org.rialto.compliance.screening;

import java.util.List;

/**
 * One open-addressing table over the blocking keys of several lists (a screener's): per slot the
 * key, then for each list its primary and its secondary posting range (start | end << 32, 0 when
 * it has none). A screening looks each query key up once here instead of once in every list's
 * own directory, where most probes are cache misses (the lists' directories are megabytes).
 *
 * <p>Built from the lists' own directories, and checked against them: every key of every list
 * has here exactly the ranges it has there, so a search reading its ranges from this table makes
 * the same candidates. Immutable; a list update builds a new screener and with it a new table
 * (the lists' indexes themselves are reused).
 */
final class KeyDirectory {
  /** At most this many lists, so that a slot stays a few cache lines. */
  static final int MAX_LISTS = 8;
  private final long[] table;
  private final int stride;
  private final int mask;

  private KeyDirectory(long[] table, int stride) {
    this.table = table;
    this.stride = stride;
    this.mask = table.length / stride - 1;
  }

  static KeyDirectory of(List<ListIndex> indexes) {
    if (indexes.isEmpty() || indexes.size() > MAX_LISTS) {
      throw new IllegalArgumentException("a key directory covers 1 to " + MAX_LISTS + " lists, not " + indexes.size());
    }
    int own = ListIndex.directoryStride();
    long keys = 0;
    for (ListIndex index : indexes) {
      long[] d = index.directory();
      for (int i = 0; i < d.length; i += own) {
        if (d[i] != 0) {
          keys++; // an upper bound: a key of several lists counts once per list
        }
      }
    }
    if (keys > 1 << 28) {
      throw new IllegalArgumentException("too many blocking keys for one directory: " + keys);
    }
    int stride = 1 + 2 * indexes.size();
    long[] table = fill(indexes, Integer.highestOneBit((int) Math.max(16, keys * 2 - 1)) << 1, stride);
    // A key of several lists counted once per list above: with the distinct keys counted, the
    // table is at most half full in the least power of two (UN + OFAC: 30,000 keys in 2.6 MB,
    // not 5.2), so that fewer of its lines compete for the cache.
    long distinct = 0;
    for (int i = 0; i < table.length; i += stride) {
      if (table[i] != 0) {
        distinct++;
      }
    }
    int capacity = Integer.highestOneBit((int) Math.max(16, distinct * 2 - 1)) << 1;
    if (capacity < table.length / stride) {
      table = fill(indexes, capacity, stride);
    }
    KeyDirectory directory = new KeyDirectory(table, stride);
    directory.check(indexes);
    return directory;
  }

  /** The lists' keys and ranges in a table of {@code capacity} slots (a power of two, more than twice the keys). */
  private static long[] fill(List<ListIndex> indexes, int capacity, int stride) {
    int own = ListIndex.directoryStride();
    long[] table = new long[capacity * stride];
    for (int column = 0; column < indexes.size(); column++) {
      long[] d = indexes.get(column).directory();
      for (int i = 0; i < d.length; i += own) {
        long key = d[i];
        if (key == 0) {
          continue;
        }
        int slot = (int) (key ^ (key >>> 32)) & (capacity - 1);
        for (int probes = 0; table[slot * stride] != 0 && table[slot * stride] != key; probes++) {
          if (probes >= capacity) {
            throw new IllegalStateException("key directory full");
          }
          slot = (slot + 1) & (capacity - 1);
        }
        table[slot * stride] = key;
        table[slot * stride + 1 + 2 * column] = d[i + 1];
        table[slot * stride + 2 + 2 * column] = d[i + 2];
      }
    }
    return table;
  }

  /** Every key of every list has its own ranges here, and the table holds no other key. */
  private void check(List<ListIndex> indexes) {
    int own = ListIndex.directoryStride();
    long listed = 0;
    for (int column = 0; column < indexes.size(); column++) {
      long[] d = indexes.get(column).directory();
      for (int i = 0; i < d.length; i += own) {
        if (d[i] == 0) {
          continue;
        }
        int slot = slot(d[i]);
        if (slot < 0 || table[slot * stride + 1 + 2 * column] != d[i + 1] || table[slot * stride + 2 + 2 * column] != d[i + 2]) {
          throw new IllegalStateException("key directory out of step with list " + column + " at key " + d[i]);
        }
        listed++;
      }
    }
    long held = 0;
    for (int i = 0; i < table.length; i += stride) {
      if (table[i] != 0) {
        held++;
      }
    }
    if (held > listed) {
      throw new IllegalStateException("key directory holds " + held + " keys, the lists " + listed);
    }
  }

  /** The slot of {@code key}, or -1; a key 0 is read as 1, as {@link Postings} stores it. */
  int slot(long key) {
    return slotIn(table, stride, mask, key);
  }

  /**
   * The slot of {@code key} in an open-addressed table of {@code mask + 1} slots of {@code stride}
   * longs, each slot's key first (0 for an empty slot), or -1: the probe of this directory and of
   * each list's own ({@link ListIndex}), which are laid out alike.
   */
  static int slotIn(long[] table, int stride, int mask, long key) {
    long k = key == 0 ? 1 : key;
    int i = (int) (k ^ (k >>> 32)) & mask;
    // At most half the slots are used, so an empty slot ends every probe sequence long before this.
    for (int probes = 0; probes <= mask; probes++) {
      long at = table[i * stride];
      if (at == k) {
        return i;
      }
      if (at == 0) {
        return -1;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  long[] table() {
    return table;
  }

  int stride() {
    return stride;
  }
}
