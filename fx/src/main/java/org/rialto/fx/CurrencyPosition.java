package org.rialto.fx;

/**
 * An FX provider's position in one currency of a currency pair. "Bought" is what the provider
 * receives in this currency (principal and its fees: what its settlement account is credited),
 * "sold" what it pays out. Pending amounts belong to reserved quotes whose payment is not yet
 * settled or voided.
 *
 * @param maxOpenMinor the limit on the open position either way; -1 when none is set (no quotes)
 */
public record CurrencyPosition(
    String currency,
    long boughtMinor,
    long soldMinor,
    long pendingBoughtMinor,
    long pendingSoldMinor,
    long maxOpenMinor) {

  /** Settled net position: positive long, negative short. */
  public long netMinor() {
    return boughtMinor - soldMinor;
  }

  /** The longest the position can become if every pending purchase settles and no sale does. */
  public long worstLongMinor() {
    return boughtMinor + pendingBoughtMinor - soldMinor;
  }

  /** The shortest it can become if every pending sale settles and no purchase does (as a positive number). */
  public long worstShortMinor() {
    return soldMinor + pendingSoldMinor - boughtMinor;
  }
}
