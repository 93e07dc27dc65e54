package org.rialto.fx;

/**
 * What an FX provider charges on one rate: a fixed fee and/or a percentage. Both are in the
 * source currency and come on top of the amount converted: the source amount debited is the
 * principal converted plus every fee.
 *
 * <p>The percentage applies to the source amount debited (fees included) and is rounded down,
 * so the payer never pays more than the stated basis points. Taking it on the debited amount
 * keeps the principal a non-decreasing function of the debited amount, which is what lets a
 * quote for a target amount find the smallest debit exactly (see {@link Conversion}).
 *
 * @param fixedFeeMinor 0 or more, in source minor units
 * @param percentageBasisPoints 0 to {@link #MAX_BASIS_POINTS}
 */
public record FeeSchedule(long fixedFeeMinor, int percentageBasisPoints) {

  /**
   * 10%. Far above any FX fee; low enough that a mistyped schedule (2500 for 0.25%) is refused
   * rather than charged.
   */
  public static final int MAX_BASIS_POINTS = 1_000;

  public static final FeeSchedule NONE = new FeeSchedule(0, 0);

  public FeeSchedule {
    if (fixedFeeMinor < 0 || fixedFeeMinor > Conversion.MAX_AMOUNT_MINOR) {
      throw new IllegalArgumentException("fixedFeeMinor " + fixedFeeMinor + " is not in 0.."
          + Conversion.MAX_AMOUNT_MINOR);
    }
    if (percentageBasisPoints < 0 || percentageBasisPoints > MAX_BASIS_POINTS) {
      throw new IllegalArgumentException("percentageBasisPoints " + percentageBasisPoints
          + " is not in 0.." + MAX_BASIS_POINTS);
    }
  }
}
