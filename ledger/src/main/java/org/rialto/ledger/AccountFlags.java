package org.rialto.ledger;

/** Bit flags of an account. */
public final class AccountFlags {
  /** debits (pending + posted) must not exceed credits posted + credit limit: a settlement account. */
  public static final int DEBITS_MUST_NOT_EXCEED_CREDITS = 1;
  /** credits (pending + posted) must not exceed debits posted: an issuance-style account. */
  public static final int CREDITS_MUST_NOT_EXCEED_DEBITS = 1 << 1;

  private AccountFlags() {}
}
