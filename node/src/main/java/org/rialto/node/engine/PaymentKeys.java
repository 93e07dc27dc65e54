package org.rialto.node.engine;

import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each payment's row is: its UETR to the row's key, a sequence the node hands out in order
 * of first write (the SQLite rowid). The payment table has no index on the UETR: a UETR is
 * random, so such an index took each new payment to a random leaf page, one 4 KiB WAL page per
 * payment at group-commit sizes (three quarters of what a payment wrote). This map is that index,
 * kept in memory beside the payments the writer already holds, and rebuilt from the table at start.
 *
 * <p>Keys are handed out by the committing thread as it writes a payment's first row; any thread
 * may look one up. A key can be seen before its row is durable: a reader then finds no row, as it
 * would have before the row existed.
 */
public final class PaymentKeys {
  private final ConcurrentHashMap<UUID, Long> keys = new ConcurrentHashMap<>();
  /** Committer-only once the node runs (the loader before that). */
  private long next = 1;

  /** The row key of a payment the node has written, or empty. */
  public OptionalLong rowOf(UUID uetr) {
    Long key = keys.get(uetr);
    return key == null ? OptionalLong.empty() : OptionalLong.of(key);
  }

  /** The payment's row key, handed out now if it has none (its first row is being written). */
  long keyFor(UUID uetr) {
    Long key = keys.get(uetr);
    if (key != null) return key;
    long k = next++;
    keys.put(uetr, k);
    return k;
  }

  /** At start, one row read back; a second row for a UETR means the table is corrupt. */
  void restore(UUID uetr, long key) {
    if (key < 1) throw new IllegalStateException("payment " + uetr + " has row key " + key);
    Long other = keys.putIfAbsent(uetr, key);
    if (other != null) throw new IllegalStateException("payment " + uetr + " stored twice, rows " + other + " and " + key);
    if (key >= next) next = key + 1;
  }

  int size() {
    return keys.size();
  }
}
