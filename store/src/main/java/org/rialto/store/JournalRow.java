package org.rialto.store;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One journal row exactly as stored. {@code hash = SHA-256(prevHash || seq || timestampNanos ||
 * events)} with the numbers as 8-byte big-endian, so a row cannot be edited, dropped, or moved to
 * another seq without breaking the chain at that row.
 *
 * @param events the batch as encoded by {@code BatchCodec}
 */
public record JournalRow(long seq, long timestampNanos, int eventCount, byte[] events, byte[] prevHash, byte[] hash) {
  public static final int HASH_BYTES = 32;
  /** The chain starts from 32 zero bytes: row 1 has nothing before it. */
  public static final byte[] GENESIS_HASH = new byte[HASH_BYTES];

  public JournalRow {
    if (seq < 1) {
      throw new IllegalArgumentException("journal seq starts at 1: " + seq);
    }
    if (eventCount < 0) {
      throw new IllegalArgumentException("eventCount must not be negative: " + eventCount);
    }
    if (events == null || prevHash == null || hash == null) {
      throw new IllegalArgumentException("events, prevHash and hash are required (seq " + seq + ")");
    }
  }

  /** Builds the row that follows {@code prevHash} at {@code seq}, computing its hash. */
  public static JournalRow chain(long seq, long timestampNanos, int eventCount, byte[] events, byte[] prevHash) {
    if (prevHash.length != HASH_BYTES) {
      throw new IllegalArgumentException("prevHash must be " + HASH_BYTES + " bytes, got " + prevHash.length);
    }
    return new JournalRow(seq, timestampNanos, eventCount, events, prevHash.clone(),
        computeHash(prevHash, seq, timestampNanos, events));
  }

  public static byte[] computeHash(byte[] prevHash, long seq, long timestampNanos, byte[] events) {
    MessageDigest sha256 = sha256();
    sha256.update(prevHash);
    sha256.update(ByteBuffer.allocate(16).putLong(seq).putLong(timestampNanos).array());
    sha256.update(events);
    return sha256.digest();
  }

  /** True when the stored hash is the hash of the stored fields. */
  public boolean hashMatches() {
    return MessageDigest.isEqual(hash, computeHash(prevHash, seq, timestampNanos, events));
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JournalRow r
        && seq == r.seq && timestampNanos == r.timestampNanos && eventCount == r.eventCount
        && Arrays.equals(events, r.events) && Arrays.equals(prevHash, r.prevHash) && Arrays.equals(hash, r.hash);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seq) * 31 + Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "JournalRow{seq=" + seq + ", timestampNanos=" + timestampNanos + ", events=" + eventCount
        + ", bytes=" + events.length + ", hash=" + hex(hash) + "}";
  }
}
