package org.rialto.fx;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Makes quote ids: 128-bit random values written as version-4 UUIDs. Called only by the quote
 * book's single writer. A node uses {@link #secure()}: ids are bearer references a bank quotes
 * back, so they must not be guessable. Tests and replays use {@link #seeded(long)}, which gives
 * the same ids for the same seed.
 */
@FunctionalInterface
public interface QuoteIdGenerator {

  /** The next id, a canonical lower-case UUID. */
  String nextId();

  /** Deterministic ids from {@code seed} (not for production: predictable). */
  static QuoteIdGenerator seeded(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return () -> uuid(random.nextLong(), random.nextLong());
  }

  /** Unpredictable ids from the platform's secure random source. */
  static QuoteIdGenerator secure() {
    SecureRandom random = new SecureRandom();
    return () -> uuid(random.nextLong(), random.nextLong());
  }

  private static String uuid(long high, long low) {
    // Version 4 (random) and the IETF variant, as java.util.UUID.randomUUID sets them.
    long versioned = (high & ~0xF000L) | 0x4000L;
    long varied = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(versioned, varied).toString();
  }
}
