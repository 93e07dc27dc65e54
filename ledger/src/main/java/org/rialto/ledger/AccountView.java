package org.rialto.ledger;

import java.math.BigInteger;

/**
 * An immutable snapshot of one account, taken when it was read.
 *
 * @param creditLimitMinor the credit line in force now (it may differ from the one the account
 *     was created with: see {@link LedgerEvent.ChangeCreditLimit})
 * @param timestampNanos when the account was created (the ledger's event timestamp)
 */
public record AccountView(
    Id128 id,
    String currency,
    int minorUnits,
    String participant,
    AccountKind kind,
    int flags,
    long creditLimitMinor,
    UInt128 debitsPending,
    UInt128 debitsPosted,
    UInt128 creditsPending,
    UInt128 creditsPosted,
    long timestampNanos) {

  /** Credits posted minus debits posted: what the participant holds, negative when it uses its credit line. */
  public BigInteger balancePostedMinor() {
    return creditsPosted.toBigInteger().subtract(debitsPosted.toBigInteger());
  }

  /**
   * What the account can still send now: credits posted plus the credit line minus every debit,
   * pending included. Meaningful for accounts with {@link AccountFlags#DEBITS_MUST_NOT_EXCEED_CREDITS}.
   */
  public BigInteger availableMinor() {
    return creditsPosted
        .toBigInteger()
        .add(BigInteger.valueOf(creditLimitMinor))
        .subtract(debitsPosted.toBigInteger())
        .subtract(debitsPending.toBigInteger());
  }
}
