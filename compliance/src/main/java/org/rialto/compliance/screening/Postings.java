package org.rialto.compliance.screening;

import java.util.Arrays;

/**
 * An immutable map from 64-bit blocking keys to posting lists of longs, in two flat arrays
 * (open addressing over the keys, each key beside its posting range; one shared array of
 * postings): no boxing and no per-key object, and a lookup that finds its key reads one place
 * of the table, not three arrays (a screening looks up some 150 keys, most of them misses in
 * the cache).
 */
final class Postings {
  private static final long EMPTY = 0L;
  /** Per slot, two longs: the key, then start (low 32 bits) and end (high 32 bits) of its postings. */
  private final long[] table;
  /**
   * 32 bits a posting (see {@link ListIndex}'s layout): a walk reads half the bytes of 64-bit
   * postings, and the index holds half.
   */
  private final int[] postings;
  private final int mask;

  private Postings(long[] table, int[] postings) {
    this.table = table;
    this.postings = postings;
    this.mask = table.length / 2 - 1;
  }

  /** The posting array; a key's postings are {@code [start(slot), end(slot))}. */
  int[] postings() {
    return postings;
  }

  /** The slot of {@code key}, or -1. */
  int slot(long key) {
    long k = key == EMPTY ? 1 : key;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (true) {
      long at = table[2 * i];
      if (at == k) {
        return i;
      }
      if (at == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Slots of the table, for building a directory over several tables: {@link #keyAt} of each. */
  int capacity() {
    return table.length / 2;
  }

  /** The key at {@code slot}, or 0 for an empty slot (a key 0 is stored as 1, as {@link #slot} reads it). */
  long keyAt(int slot) {
    return table[2 * slot];
  }

  int start(int slot) {
    return (int) table[2 * slot + 1];
  }

  int end(int slot) {
    return (int) (table[2 * slot + 1] >>> 32);
  }

  int keyCount() {
    int n = 0;
    for (int i = 0; i < table.length; i += 2) {
      if (table[i] != EMPTY) {
        n++;
      }
    }
    return n;
  }

  int postingCount() {
    return postings.length;
  }

  /** Collects (key, posting) pairs, then freezes them. */
  static final class Builder {
    private long[] pairKeys = new long[1024];
    private long[] pairValues = new long[1024];
    private int size;

    /** {@code posting}: an unsigned 32-bit value, kept as a long so that it sorts unsigned. */
    void add(long key, long posting) {
      if (posting >>> 32 != 0) {
        throw new IllegalArgumentException("a posting holds 32 bits: " + posting);
      }
      if (size == pairKeys.length) {
        pairKeys = Arrays.copyOf(pairKeys, size * 2);
        pairValues = Arrays.copyOf(pairValues, size * 2);
      }
      pairKeys[size] = key == EMPTY ? 1 : key;
      pairValues[size] = posting;
      size++;
    }

    Postings build() {
      // Sort pairs by key (then posting) so each key's postings are contiguous and ordered.
      sort(pairKeys, pairValues, 0, size - 1);
      int distinct = 0;
      for (int i = 0; i < size; i++) {
        if (i == 0 || pairKeys[i] != pairKeys[i - 1]) {
          distinct++;
        }
      }
      int capacity = Integer.highestOneBit(Math.max(16, distinct * 2 - 1)) << 1;
      long[] table = new long[2 * capacity];
      int[] postings = new int[size];
      int written = 0;
      int i = 0;
      while (i < size) {
        long key = pairKeys[i];
        int start = written;
        long previous = -1;
        while (i < size && pairKeys[i] == key) {
          long v = pairValues[i];
          if (v != previous) {
            postings[written++] = (int) v;
            previous = v;
          }
          i++;
        }
        int slot = (int) (key ^ (key >>> 32)) & (capacity - 1);
        while (table[2 * slot] != EMPTY) {
          slot = (slot + 1) & (capacity - 1);
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = start | (long) written << 32;
      }
      return new Postings(table, Arrays.copyOf(postings, written));
    }

    private static boolean less(long[] k, long[] v, int a, int b) {
      return k[a] < k[b] || k[a] == k[b] && v[a] < v[b];
    }

    private static void swap(long[] k, long[] v, int a, int b) {
      long tk = k[a];
      k[a] = k[b];
      k[b] = tk;
      long tv = v[a];
      v[a] = v[b];
      v[b] = tv;
    }

    /** Quicksort of the parallel arrays; recursion only into the smaller half bounds the depth. */
    private static void sort(long[] k, long[] v, int lo, int hi) {
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        swap(k, v, mid, hi);
        int store = lo;
        for (int i = lo; i < hi; i++) {
          if (less(k, v, i, hi)) {
            swap(k, v, i, store++);
          }
        }
        swap(k, v, store, hi);
        if (store - lo < hi - store) {
          sort(k, v, lo, store - 1);
          lo = store + 1;
        } else {
          sort(k, v, store + 1, hi);
          hi = store - 1;
        }
      }
    }
  }
}
