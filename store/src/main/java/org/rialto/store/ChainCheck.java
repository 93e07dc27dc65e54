package org.rialto.store;

import java.util.Arrays;

/**
 * Checks journal rows one at a time, in seq order, against the rows before them: no gap, the
 * previous hash carried over, the row's own hash, time moving forward. Shared by replay (which
 * refuses a bad journal) and {@link Verifier} (which reports it).
 */
final class ChainCheck {
  private long expectedSeq = 1;
  private byte[] prevHash = JournalRow.GENESIS_HASH;
  private long minTimestampNanos = 1;
  private long problemSeq;

  /** Returns null when the row is good (and advances), else what is wrong; {@link #problemSeq()} says where. */
  String check(JournalRow row) {
    if (row.seq() != expectedSeq) {
      problemSeq = Math.min(row.seq(), expectedSeq);
      return row.seq() > expectedSeq
          ? "row missing: expected seq " + expectedSeq + " but the next row is seq " + row.seq()
          : "rows out of order: expected seq " + expectedSeq + ", found seq " + row.seq();
    }
    problemSeq = row.seq();
    if (row.hash().length != JournalRow.HASH_BYTES || row.prevHash().length != JournalRow.HASH_BYTES) {
      return "hash and prev_hash must be " + JournalRow.HASH_BYTES + " bytes";
    }
    if (!Arrays.equals(row.prevHash(), prevHash)) {
      return "prev_hash " + JournalRow.hex(row.prevHash()) + " is not the hash of the row before ("
          + JournalRow.hex(prevHash) + "): a row before it was removed, replaced or moved";
    }
    if (!row.hashMatches()) {
      return "hash " + JournalRow.hex(row.hash()) + " does not match the row's seq, timestamp and events: the row was altered";
    }
    if (row.timestampNanos() < minTimestampNanos) {
      return "timestamp " + row.timestampNanos() + " is before " + minTimestampNanos + ", the least after the previous batch";
    }
    expectedSeq = row.seq() + 1;
    prevHash = row.hash();
    minTimestampNanos = row.timestampNanos() + Math.max(row.eventCount(), 1);
    problemSeq = 0;
    return null;
  }

  long problemSeq() {
    return problemSeq;
  }

  /** The seq of the last good row (0 before any). */
  long lastSeq() {
    return expectedSeq - 1;
  }

  byte[] lastHash() {
    return prevHash;
  }
}
