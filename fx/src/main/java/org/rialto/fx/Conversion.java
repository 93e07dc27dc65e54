package org.rialto.fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact currency conversion with stated rounding. All arithmetic is on integers (minor units) and
 * exact decimals; nothing is ever a double.
 *
 * <p>Definitions: {@code rate} is target major units per one source major unit (for example
 * 0.0123 RUB per IRR). Its minor-unit form is {@code r = rate * 10^(target.minorUnits -
 * source.minorUnits)} (target minor units per source minor unit). {@code S} is the source amount
 * debited, {@code P} the principal converted, {@code T} the target amount the creditor receives,
 * {@code fees(S) = fixed + floor(S * bp / 10000)}, and {@code P = S - fees(S)}.
 *
 * <p>Rounding rules:
 *
 * <ul>
 *   <li>Source amount given: {@code T = floor(P * r)}. The target is rounded DOWN to the target
 *       minor unit, so the FX provider never pays more than the rate implies; the creditor's
 *       shortfall against the exact product is less than one target minor unit.
 *   <li>Target amount given: {@code P = ceil(T / r)}, the smallest principal whose conversion
 *       covers {@code T}, and {@code S} is the smallest debit with {@code S - fees(S) >= P}
 *       (then {@code S - fees(S) == P}). The source is rounded UP; the creditor receives exactly
 *       {@code T}; the provider keeps {@code P * r - T}, less than one source minor unit's worth.
 *   <li>The percentage fee is rounded DOWN (the payer never pays more than the stated rate).
 * </ul>
 *
 * <p>Nothing is created or lost beyond these roundings: {@code S == P + every fee}, and
 * {@code 0 <= P * r - T < max(1, r)} in target minor units.
 */
public final class Conversion {

  /** Largest amount handled, as in the ledger: every amount is below 10^18 minor units. */
  public static final long MAX_AMOUNT_MINOR = 999_999_999_999_999_999L;

  /** Rates carry at most this many decimal places: ample for any currency pair. */
  public static final int MAX_RATE_SCALE = 12;

  /** And at most this many significant digits, which bounds the size of every product. */
  public static final int MAX_RATE_PRECISION = 24;

  private static final int BASIS_POINTS_PER_UNIT = 10_000;

  /** Bound on the binary search for the smallest debit: 2^64 covers every long. */
  private static final int MAX_SEARCH_STEPS = 64;

  private Conversion() {}

  /** The outcome of a conversion: amounts, or why there are none. */
  public sealed interface Outcome permits Converted, NotConverted {}

  /**
   * Converted amounts, with the invariants of the class checked on construction.
   *
   * @param fees itemised: one entry per configured part of the schedule (even when it rounds to
   *     0, so the payer sees the schedule applied)
   */
  public record Converted(
      long sourceAmountMinor, long principalMinor, long targetAmountMinor, List<Fee> fees)
      implements Outcome {

    public Converted {
      fees = List.copyOf(fees);
      long sum = principalMinor;
      for (Fee fee : fees) {
        sum = Math.addExact(sum, fee.amountMinor());
      }
      if (sum != sourceAmountMinor) {
        throw new IllegalStateException("source amount " + sourceAmountMinor
            + " is not principal " + principalMinor + " plus fees " + fees);
      }
      if (principalMinor < 1 || targetAmountMinor < 1 || sourceAmountMinor > MAX_AMOUNT_MINOR
          || targetAmountMinor > MAX_AMOUNT_MINOR) {
        throw new IllegalStateException("converted amounts out of range: " + sourceAmountMinor
            + " / " + principalMinor + " / " + targetAmountMinor);
      }
    }

    public long totalFeesMinor() {
      return sourceAmountMinor - principalMinor;
    }
  }

  /** No conversion: the amount is too small to survive fees and rounding, or too large. */
  public record NotConverted(DeclineReason reason, String detail) implements Outcome {}

  /**
   * Checks a published rate's shape.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static BigDecimal requireRate(BigDecimal rate) {
    if (rate == null) {
      throw new IllegalArgumentException("rate is missing");
    }
    if (rate.signum() <= 0) {
      throw new IllegalArgumentException("rate " + rate.toPlainString() + " must be positive");
    }
    if (rate.scale() < 0 || rate.scale() > MAX_RATE_SCALE) {
      throw new IllegalArgumentException("rate " + rate.toPlainString() + " has scale "
          + rate.scale() + "; state it with 0.." + MAX_RATE_SCALE + " decimal places");
    }
    if (rate.precision() > MAX_RATE_PRECISION) {
      throw new IllegalArgumentException("rate " + rate.toPlainString() + " has "
          + rate.precision() + " significant digits; at most " + MAX_RATE_PRECISION);
    }
    return rate;
  }

  /** {@code rate} as target minor units per source minor unit (exact). */
  public static BigDecimal minorUnitRate(BigDecimal rate, Currency source, Currency target) {
    return requireRate(rate).movePointRight(target.minorUnits() - source.minorUnits());
  }

  /** {@code floor(amountMinor * basisPoints / 10000)} without overflow. */
  public static long percentageFee(long amountMinor, int basisPoints) {
    if (amountMinor < 0 || amountMinor > MAX_AMOUNT_MINOR) {
      throw new IllegalArgumentException("amount " + amountMinor + " out of range");
    }
    if (basisPoints < 0 || basisPoints > FeeSchedule.MAX_BASIS_POINTS) {
      throw new IllegalArgumentException("basis points " + basisPoints + " out of range");
    }
    // amount = q * 10000 + rest: the product of the whole amount would overflow a long.
    long q = amountMinor / BASIS_POINTS_PER_UNIT;
    long rest = amountMinor % BASIS_POINTS_PER_UNIT;
    return q * basisPoints + rest * basisPoints / BASIS_POINTS_PER_UNIT;
  }

  private static long principalOf(long sourceAmountMinor, FeeSchedule fees) {
    return sourceAmountMinor - fees.fixedFeeMinor()
        - percentageFee(sourceAmountMinor, fees.percentageBasisPoints());
  }

  /** The debtor sends exactly {@code sourceAmountMinor}, fees included; target rounded down. */
  public static Outcome fromSource(long sourceAmountMinor, BigDecimal rate, FeeSchedule fees,
      Currency source, Currency target) {
    requireAmount(sourceAmountMinor, "source amount");
    BigDecimal r = minorUnitRate(rate, source, target);
    long principal = principalOf(sourceAmountMinor, fees);
    if (principal < 1) {
      return new NotConverted(DeclineReason.AMOUNT_TOO_SMALL, "source amount "
          + sourceAmountMinor + " does not cover the fees ("
          + (sourceAmountMinor - principal) + ")");
    }
    BigDecimal exact = r.multiply(BigDecimal.valueOf(principal));
    BigDecimal targetDecimal = exact.setScale(0, RoundingMode.FLOOR);
    if (targetDecimal.signum() <= 0) {
      return new NotConverted(DeclineReason.AMOUNT_TOO_SMALL, "principal " + principal
          + " converts to less than one " + target.code() + " minor unit");
    }
    if (targetDecimal.compareTo(BigDecimal.valueOf(MAX_AMOUNT_MINOR)) > 0) {
      return new NotConverted(DeclineReason.AMOUNT_TOO_LARGE, "target amount "
          + targetDecimal.toPlainString() + " exceeds " + MAX_AMOUNT_MINOR);
    }
    long targetAmount = targetDecimal.longValueExact();
    // Post-condition of the stated rule: 0 <= exact - T < 1.
    BigDecimal lost = exact.subtract(targetDecimal);
    if (lost.signum() < 0 || lost.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalStateException("target rounding out of bounds: " + exact + " -> "
          + targetAmount);
    }
    return new Converted(sourceAmountMinor, principal, targetAmount,
        itemise(sourceAmountMinor, fees, source));
  }

  /**
   * The creditor receives exactly {@code targetAmountMinor}; the smallest source debit that pays
   * for it (principal rounded up, fees added).
   */
  public static Outcome fromTarget(long targetAmountMinor, BigDecimal rate, FeeSchedule fees,
      Currency source, Currency target) {
    requireAmount(targetAmountMinor, "target amount");
    BigDecimal r = minorUnitRate(rate, source, target);
    BigDecimal targetDecimal = BigDecimal.valueOf(targetAmountMinor);
    BigDecimal principalDecimal = targetDecimal.divide(r, 0, RoundingMode.CEILING);
    if (principalDecimal.compareTo(BigDecimal.valueOf(MAX_AMOUNT_MINOR)) > 0) {
      return new NotConverted(DeclineReason.AMOUNT_TOO_LARGE, "principal "
          + principalDecimal.toPlainString() + " exceeds " + MAX_AMOUNT_MINOR);
    }
    long principal = principalDecimal.longValueExact();
    // P is the least principal covering T: P*r >= T > (P-1)*r.
    if (r.multiply(principalDecimal).compareTo(targetDecimal) < 0
        || r.multiply(BigDecimal.valueOf(principal - 1)).compareTo(targetDecimal) >= 0) {
      throw new IllegalStateException("principal " + principal + " is not the least covering "
          + targetAmountMinor + " at " + r);
    }
    long debit = smallestDebitFor(principal, fees);
    if (debit < 0) {
      return new NotConverted(DeclineReason.AMOUNT_TOO_LARGE, "source amount for principal "
          + principal + " plus fees exceeds " + MAX_AMOUNT_MINOR);
    }
    if (principalOf(debit, fees) != principal) {
      throw new IllegalStateException("debit " + debit + " yields principal "
          + principalOf(debit, fees) + ", expected " + principal);
    }
    return new Converted(debit, principal, targetAmountMinor, itemise(debit, fees, source));
  }

  /**
   * The least {@code S} with {@code S - fees(S) >= principal}, or -1 when above the maximum.
   * {@code S - fees(S)} grows by 0 or 1 per unit of {@code S} (the percentage is below 100%), so
   * the least such {@code S} has {@code S - fees(S) == principal} exactly.
   */
  private static long smallestDebitFor(long principal, FeeSchedule fees) {
    long lo = principal + fees.fixedFeeMinor(); // fees(S) >= fixed, so no smaller S works
    if (lo > MAX_AMOUNT_MINOR || principalOf(MAX_AMOUNT_MINOR, fees) < principal) {
      return -1;
    }
    long hi = MAX_AMOUNT_MINOR;
    for (int step = 0; step < MAX_SEARCH_STEPS && lo < hi; step++) {
      long mid = lo + (hi - lo) / 2;
      if (principalOf(mid, fees) >= principal) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    if (lo != hi) {
      throw new IllegalStateException("debit search did not converge for principal " + principal);
    }
    return lo;
  }

  private static List<Fee> itemise(long sourceAmountMinor, FeeSchedule fees, Currency source) {
    List<Fee> items = new ArrayList<>(2);
    if (fees.fixedFeeMinor() > 0) {
      items.add(new Fee(FeeKind.FIXED, source.code(), fees.fixedFeeMinor(), 0));
    }
    if (fees.percentageBasisPoints() > 0) {
      items.add(new Fee(FeeKind.PERCENTAGE, source.code(),
          percentageFee(sourceAmountMinor, fees.percentageBasisPoints()),
          fees.percentageBasisPoints()));
    }
    return items;
  }

  private static void requireAmount(long amountMinor, String what) {
    if (amountMinor < 1 || amountMinor > MAX_AMOUNT_MINOR) {
      throw new IllegalArgumentException(what + " " + amountMinor + " is not in 1.."
          + MAX_AMOUNT_MINOR);
    }
  }
}
