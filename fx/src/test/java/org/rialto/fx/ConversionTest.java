package org.rialto.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConversionTest {

  private static final Currency RUB = new Currency("RUB", 2);
  private static final Currency IRR = new Currency("IRR", 0);

  private static Conversion.Converted converted(Conversion.Outcome outcome) {
    assertThat(outcome).isInstanceOf(Conversion.Converted.class);
    return (Conversion.Converted) outcome;
  }

  @Test
  void sourceAmountWithFeesRoundsTheTargetDown() {
    // 1,000.00 RUB at 523.456789 IRR/RUB, fee 50.00 RUB + 25 bp of the debit.
    FeeSchedule fees = new FeeSchedule(5_000, 25);
    Conversion.Converted c = converted(Conversion.fromSource(100_000, new BigDecimal("523.456789"),
        fees, RUB, IRR));
    // 25 bp of 100,000 kopecks = 250; principal = 100,000 - 5,000 - 250 = 94,750 kopecks.
    assertThat(c.principalMinor()).isEqualTo(94_750);
    // 947.50 RUB * 523.456789 = 495,975.307... IRR, rounded down.
    assertThat(c.targetAmountMinor()).isEqualTo(495_975);
    assertThat(c.fees()).containsExactly(new Fee(FeeKind.FIXED, "RUB", 5_000, 0),
        new Fee(FeeKind.PERCENTAGE, "RUB", 250, 25));
    assertThat(c.totalFeesMinor()).isEqualTo(5_250);
  }

  @Test
  void targetAmountRoundsTheSourceUpAndDeliversExactly() {
    // The creditor must receive exactly 1,000,000 IRR at 523.456789 IRR per RUB, no fees.
    Conversion.Converted c = converted(Conversion.fromTarget(1_000_000,
        new BigDecimal("523.456789"), FeeSchedule.NONE, RUB, IRR));
    // 1,000,000 / 5.23456789 IRR per kopeck = 191,037.74 -> 191,038 kopecks.
    assertThat(c.principalMinor()).isEqualTo(191_038);
    assertThat(c.sourceAmountMinor()).isEqualTo(191_038);
    assertThat(c.targetAmountMinor()).isEqualTo(1_000_000);
    assertThat(c.fees()).isEmpty();
  }

  @Test
  void otherDirectionWithMoreMinorUnitsOnTheTarget() {
    // IRR -> RUB: 0.00191 RUB per IRR. 1,000,000 IRR -> 1,910.00 RUB = 191,000 kopecks.
    Conversion.Converted c = converted(Conversion.fromSource(1_000_000, new BigDecimal("0.00191"),
        FeeSchedule.NONE, IRR, RUB));
    assertThat(c.targetAmountMinor()).isEqualTo(191_000);
    // 1 IRR is 0.191 kopecks: the target rounds to 0, nothing to pay.
    assertThat(Conversion.fromSource(1, new BigDecimal("0.00191"), FeeSchedule.NONE, IRR, RUB))
        .isEqualTo(new Conversion.NotConverted(DeclineReason.AMOUNT_TOO_SMALL,
            "principal 1 converts to less than one RUB minor unit"));
  }

  @Test
  void feesLargerThanTheAmountAndOversizedAmountsAreDeclined() {
    assertThat(Conversion.fromSource(4_999, BigDecimal.TEN, new FeeSchedule(5_000, 0), RUB, IRR))
        .isInstanceOf(Conversion.NotConverted.class)
        .extracting(o -> ((Conversion.NotConverted) o).reason())
        .isEqualTo(DeclineReason.AMOUNT_TOO_SMALL);
    assertThat(Conversion.fromSource(Conversion.MAX_AMOUNT_MINOR, new BigDecimal("1000"),
        FeeSchedule.NONE, IRR, RUB))
        .extracting(o -> ((Conversion.NotConverted) o).reason())
        .isEqualTo(DeclineReason.AMOUNT_TOO_LARGE);
    assertThat(Conversion.fromTarget(Conversion.MAX_AMOUNT_MINOR, new BigDecimal("0.001"),
        FeeSchedule.NONE, IRR, new Currency("XAA", 0)))
        .extracting(o -> ((Conversion.NotConverted) o).reason())
        .isEqualTo(DeclineReason.AMOUNT_TOO_LARGE);
  }

  @Test
  void ratesAreCheckedForShape() {
    assertThatThrownBy(() -> Conversion.requireRate(new BigDecimal("0")))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> Conversion.requireRate(new BigDecimal("1E+3")))
        .hasMessageContaining("has scale -3");
    assertThatThrownBy(() -> Conversion.requireRate(new BigDecimal("1.0000000000001")))
        .hasMessageContaining("has scale 13");
    assertThatThrownBy(() -> new FeeSchedule(0, 1_001)).hasMessageContaining("not in 0..1000");
    assertThatThrownBy(() -> new Currency("IRR", 9)).hasMessageContaining("not in 0..8");
    assertThatThrownBy(() -> new Currency("irr", 0)).hasMessageContaining("three upper-case");
  }

  @Test
  void percentageFeeDoesNotOverflowAtTheMaximum() {
    assertThat(Conversion.percentageFee(Conversion.MAX_AMOUNT_MINOR, 1_000))
        .isEqualTo(99_999_999_999_999_999L);
    assertThat(Conversion.percentageFee(9_999, 1)).isZero();
    assertThat(Conversion.percentageFee(10_000, 1)).isEqualTo(1);
  }

  /**
   * The rounding rules hold for many random amounts, rates, fees and minor units, checked
   * against arithmetic done independently here in BigInteger.
   */
  @Test
  void roundingPropertiesHoldForRandomInputs() {
    SplittableRandom random = new SplittableRandom(20260321L);
    int sourceChecked = 0;
    int targetChecked = 0;
    for (int i = 0; i < 20_000; i++) {
      Currency source = new Currency("AAA", random.nextInt(0, 5));
      Currency target = new Currency("BBB", random.nextInt(0, 5));
      BigDecimal rate = randomRate(random);
      FeeSchedule fees = new FeeSchedule(random.nextBoolean() ? 0 : random.nextLong(0, 10_000),
          random.nextBoolean() ? 0 : random.nextInt(0, FeeSchedule.MAX_BASIS_POINTS + 1));
      long amount = logUniform(random);
      // r as the exact fraction num/den (target minor units per source minor unit).
      BigDecimal r = rate.movePointRight(target.minorUnits() - source.minorUnits());
      BigInteger num = r.unscaledValue().multiply(BigInteger.TEN.pow(Math.max(0, -r.scale())));
      BigInteger den = BigInteger.TEN.pow(Math.max(0, r.scale()));

      if (Conversion.fromSource(amount, rate, fees, source, target)
          instanceof Conversion.Converted c) {
        long s = c.sourceAmountMinor();
        long pct = BigInteger.valueOf(s).multiply(BigInteger.valueOf(fees.percentageBasisPoints()))
            .divide(BigInteger.valueOf(10_000)).longValueExact();
        assertThat(s).isEqualTo(amount);
        assertThat(c.principalMinor()).isEqualTo(s - fees.fixedFeeMinor() - pct);
        // T = floor(P * num / den): 0 <= P*num - T*den < den.
        BigInteger scaledProduct = BigInteger.valueOf(c.principalMinor()).multiply(num);
        BigInteger paid = BigInteger.valueOf(c.targetAmountMinor()).multiply(den);
        BigInteger lost = scaledProduct.subtract(paid);
        assertThat(lost.signum()).as("case %d: nothing created", i).isGreaterThanOrEqualTo(0);
        assertThat(lost).as("case %d: less than one minor unit lost", i).isLessThan(den);
        sourceChecked++;
      }

      if (Conversion.fromTarget(amount, rate, fees, source, target)
          instanceof Conversion.Converted c) {
        assertThat(c.targetAmountMinor()).isEqualTo(amount);
        BigInteger t = BigInteger.valueOf(amount).multiply(den);
        BigInteger p = BigInteger.valueOf(c.principalMinor());
        // Least principal covering T: (P-1)*r < T <= P*r.
        assertThat(p.multiply(num)).as("case %d: covers", i).isGreaterThanOrEqualTo(t);
        assertThat(p.subtract(BigInteger.ONE).multiply(num)).as("case %d: least", i).isLessThan(t);
        long s = c.sourceAmountMinor();
        long pct = Conversion.percentageFee(s, fees.percentageBasisPoints());
        assertThat(s - fees.fixedFeeMinor() - pct).isEqualTo(c.principalMinor());
        // Least debit: one minor unit less would not cover the principal.
        long less = s - 1;
        assertThat(less - fees.fixedFeeMinor()
            - Conversion.percentageFee(less, fees.percentageBasisPoints()))
            .as("case %d: least debit", i).isLessThan(c.principalMinor());
        // Round trip: debiting that source amount delivers at least the target.
        Conversion.Outcome back = Conversion.fromSource(s, rate, fees, source, target);
        assertThat(((Conversion.Converted) back).targetAmountMinor()).isGreaterThanOrEqualTo(amount);
        targetChecked++;
      }
    }
    assertThat(sourceChecked).isGreaterThan(10_000);
    assertThat(targetChecked).isGreaterThan(10_000);
  }

  private static BigDecimal randomRate(SplittableRandom random) {
    int scale = random.nextInt(0, Conversion.MAX_RATE_SCALE + 1);
    long unscaled = random.nextLong(1, 1_000_000_000_000L);
    BigDecimal rate = BigDecimal.valueOf(unscaled, scale);
    return rate;
  }

  private static long logUniform(SplittableRandom random) {
    int digits = random.nextInt(1, 16);
    long bound = 1;
    for (int d = 0; d < digits; d++) {
      bound *= 10;
    }
    return random.nextLong(1, bound);
  }
}
