package org.rialto.ledger;

import java.math.BigInteger;

/**
 * The four balances summed over every account of one currency. Invariant 1 says
 * {@code debitsPosted == creditsPosted} and {@code debitsPending == creditsPending}. BigInteger
 * because a sum over many 128-bit balances may itself exceed 128 bits.
 */
public record CurrencyTotals(
    String currency,
    int accounts,
    BigInteger debitsPending,
    BigInteger debitsPosted,
    BigInteger creditsPending,
    BigInteger creditsPosted) {

  public boolean balanced() {
    return debitsPending.equals(creditsPending) && debitsPosted.equals(creditsPosted);
  }
}
