package org.rialto.ledger;

import java.math.BigInteger;

/**
 * An unsigned 128-bit integer: the width of every balance, so that no realistic volume of
 * transfers can wrap a balance. Arithmetic never wraps silently: {@link #plus} and
 * {@link #minus} throw {@link ArithmeticException}; the ledger itself checks for overflow before
 * it mutates anything and answers an {@code OVERFLOWS_*} result instead.
 *
 * <p>The static helpers on (high, low) pairs let the ledger's hot path work on primitive arrays
 * without allocating.
 */
public record UInt128(long high, long low) implements Comparable<UInt128> {
  public static final UInt128 ZERO = new UInt128(0, 0);
  public static final UInt128 MAX = new UInt128(-1L, -1L);

  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger TWO_TO_128 = BigInteger.ONE.shiftLeft(128);

  /** A non-negative long as an unsigned 128-bit value. */
  public static UInt128 of(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("UInt128.of needs a non-negative value, got " + value);
    }
    return value == 0 ? ZERO : new UInt128(0, value);
  }

  public static UInt128 of(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(TWO_TO_128) >= 0) {
      throw new IllegalArgumentException("value out of the unsigned 128-bit range: " + value);
    }
    return new UInt128(value.shiftRight(64).longValue(), value.longValue());
  }

  public boolean isZero() {
    return (high | low) == 0;
  }

  public UInt128 plus(UInt128 other) {
    long lo = low + other.low;
    long carry = Long.compareUnsigned(lo, low) < 0 ? 1 : 0;
    long hi = high + other.high + carry;
    if (addOverflows(high, low, other.high, other.low)) {
      throw new ArithmeticException("UInt128 overflow: " + this + " + " + other);
    }
    return new UInt128(hi, lo);
  }

  public UInt128 minus(UInt128 other) {
    if (compareTo(other) < 0) {
      throw new ArithmeticException("UInt128 underflow: " + this + " - " + other);
    }
    long lo = low - other.low;
    long borrow = Long.compareUnsigned(low, other.low) < 0 ? 1 : 0;
    return new UInt128(high - other.high - borrow, lo);
  }

  public BigInteger toBigInteger() {
    BigInteger hi = new BigInteger(Long.toUnsignedString(high));
    return hi.multiply(TWO_TO_64).add(new BigInteger(Long.toUnsignedString(low)));
  }

  @Override
  public int compareTo(UInt128 other) {
    return compare(high, low, other.high, other.low);
  }

  @Override
  public String toString() {
    return high == 0 ? Long.toUnsignedString(low) : toBigInteger().toString();
  }

  // ---- Primitive helpers for the hot path. ----

  /** Unsigned comparison of (aHigh, aLow) and (bHigh, bLow). */
  public static int compare(long aHigh, long aLow, long bHigh, long bLow) {
    int c = Long.compareUnsigned(aHigh, bHigh);
    return c != 0 ? c : Long.compareUnsigned(aLow, bLow);
  }

  /** True when (aHigh, aLow) + (bHigh, bLow) does not fit in 128 bits. */
  public static boolean addOverflows(long aHigh, long aLow, long bHigh, long bLow) {
    long lo = aLow + bLow;
    long carry = Long.compareUnsigned(lo, aLow) < 0 ? 1 : 0;
    long hi = aHigh + bHigh;
    if (Long.compareUnsigned(hi, aHigh) < 0) {
      return true;
    }
    return carry != 0 && hi == -1L;
  }

  /** True when (high, low) + an unsigned 64-bit addend does not fit in 128 bits. */
  public static boolean addOverflows(long high, long low, long addend) {
    return high == -1L && Long.compareUnsigned(low + addend, low) < 0;
  }
}
