package org.rialto.node.engine;

/** Balance figures of one settlement account as banks and operators see them. */
public final class Balances {
  private Balances() {}

  /**
   * @param balanceMinor credits posted − debits posted (may be negative up to the credit line)
   * @param reservedMinor debits pending (for example leg 1 of cross-border payments in flight)
   * @param availableMinor what the participant can pay now: balance − reserved + credit line
   * @param queuedMinor sum of its payments waiting in the RTGS queue
   */
  public record AccountBalance(
      String bic,
      String currency,
      long balanceMinor,
      long reservedMinor,
      long creditLineMinor,
      long availableMinor,
      int queuedCount,
      long queuedMinor) {}
}
