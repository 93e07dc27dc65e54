package org.rialto.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UInt128Test {
  static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);

  @Test
  void arithmeticNeverWrapsSilently() {
    assertThat(UInt128.MAX.toBigInteger()).isEqualTo(TWO_128.subtract(BigInteger.ONE));
    assertThatThrownBy(() -> UInt128.MAX.plus(UInt128.of(1))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> UInt128.ZERO.minus(UInt128.of(1))).isInstanceOf(ArithmeticException.class);
    assertThat(new UInt128(0, -1).plus(UInt128.of(1))).isEqualTo(new UInt128(1, 0));
    assertThat(new UInt128(1, 0).minus(UInt128.of(1))).isEqualTo(new UInt128(0, -1));
    assertThatThrownBy(() -> UInt128.of(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UInt128.of(TWO_128)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UInt128.of(BigInteger.valueOf(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(new UInt128(0, -1).toString()).isEqualTo("18446744073709551615");
    assertThat(UInt128.MAX.toString()).isEqualTo(TWO_128.subtract(BigInteger.ONE).toString());
    assertThat(new UInt128(0, -1).compareTo(new UInt128(1, 0))).isNegative();
    assertThat(new UInt128(-1, 0).compareTo(new UInt128(1, 0))).isPositive();
  }

  @Test
  void agreesWithBigIntegerOnRandomValues() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 30_000; i++) {
      UInt128 a = next(random);
      UInt128 b = next(random);
      BigInteger sum = a.toBigInteger().add(b.toBigInteger());
      boolean overflows = sum.compareTo(TWO_128) >= 0;
      assertThat(UInt128.addOverflows(a.high(), a.low(), b.high(), b.low())).isEqualTo(overflows);
      if (!overflows) {
        assertThat(a.plus(b).toBigInteger()).isEqualTo(sum);
      }
      long small = random.nextLong() & Long.MAX_VALUE;
      assertThat(UInt128.addOverflows(a.high(), a.low(), small))
          .isEqualTo(a.toBigInteger().add(BigInteger.valueOf(small)).compareTo(TWO_128) >= 0);
      assertThat(Integer.signum(a.compareTo(b))).isEqualTo(a.toBigInteger().compareTo(b.toBigInteger()));
      if (a.compareTo(b) >= 0) {
        assertThat(a.minus(b).toBigInteger()).isEqualTo(a.toBigInteger().subtract(b.toBigInteger()));
      }
      assertThat(UInt128.of(a.toBigInteger())).isEqualTo(a);
    }
  }

  private static UInt128 next(SplittableRandom random) {
    // Bias towards the edges, where carries and overflows happen.
    long high = switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> -1;
      case 2 -> -1 - random.nextInt(3);
      default -> random.nextLong();
    };
    long low = random.nextInt(3) == 0 ? -1 - random.nextInt(3) : random.nextLong();
    return new UInt128(high, low);
  }
}
