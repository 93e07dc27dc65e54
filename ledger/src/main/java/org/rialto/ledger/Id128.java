package org.rialto.ledger;

import java.util.UUID;

/**
 * A 128-bit identifier (accounts, transfers). 128 bits so that a UETR (a UUID) maps onto a
 * transfer id one to one, and so ids can be minted without coordination across nodes.
 * Zero is reserved: it means "none" and is never a valid id.
 */
public record Id128(long high, long low) implements Comparable<Id128> {
  public static final Id128 ZERO = new Id128(0, 0);

  public static Id128 of(long low) {
    return new Id128(0, low);
  }

  public static Id128 fromUuid(UUID uuid) {
    return new Id128(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
  }

  public UUID toUuid() {
    return new UUID(high, low);
  }

  public boolean isZero() {
    return high == 0 && low == 0;
  }

  @Override
  public int compareTo(Id128 other) {
    int c = Long.compareUnsigned(high, other.high);
    return c != 0 ? c : Long.compareUnsigned(low, other.low);
  }

  @Override
  public int hashCode() {
    // Mix both halves: sequential ids differ only in the low bits.
    long h = high * 0x9E3779B97F4A7C15L ^ low;
    h ^= (h >>> 32);
    return (int) (h * 0xC2B2AE3D27D4EB4FL >>> 32);
  }

  @Override
  public String toString() {
    return high == 0 ? Long.toUnsignedString(low) : toUuid().toString();
  }
}
