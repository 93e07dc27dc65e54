package org.rialto.ledger;

/**
 * The outcome of one {@link LedgerEvent}. Precise on purpose: a bank or operator must learn
 * exactly why money did not move. Order is by precedence: the first failing check wins, so
 * that replaying the same input always yields the same code.
 */
public enum EventResult {
  OK,
  /** Another event of its linked chain failed; this one was rolled back. */
  LINKED_EVENT_FAILED,
  /** The batch ended inside a linked chain: none of that chain's events was applied. */
  LINKED_EVENT_CHAIN_OPEN,

  ID_MUST_NOT_BE_ZERO,
  FLAGS_ARE_MUTUALLY_EXCLUSIVE,
  FLAGS_UNKNOWN,

  // Accounts.
  /** Not three upper-case ASCII letters (ISO 4217 alphabetic code). */
  CURRENCY_INVALID,
  /** Outside 0..9, or different from the minor units of the currency's existing accounts. */
  MINOR_UNITS_INVALID,
  PARTICIPANT_MISSING,
  CREDIT_LIMIT_NEGATIVE,
  /**
   * A credit line only means something on an account with
   * {@link AccountFlags#DEBITS_MUST_NOT_EXCEED_CREDITS}; accepting one elsewhere would let an
   * operator believe a limit is enforced when it is not.
   */
  CREDIT_LIMIT_REQUIRES_DEBITS_MUST_NOT_EXCEED_CREDITS,
  ACCOUNT_EXISTS_WITH_DIFFERENT_FIELDS,
  ACCOUNT_NOT_FOUND,

  // Transfers: shape.
  DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO,
  CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO,
  ACCOUNTS_MUST_BE_DIFFERENT,
  PENDING_ID_MUST_BE_ZERO,
  PENDING_ID_MUST_NOT_BE_ZERO,
  PENDING_ID_MUST_BE_DIFFERENT,
  TIMEOUT_RESERVED_FOR_PENDING_TRANSFER,
  TIMEOUT_MUST_NOT_BE_NEGATIVE,
  AMOUNT_MUST_NOT_BE_ZERO,
  AMOUNT_MUST_NOT_BE_NEGATIVE,
  /** The amount is 10^18 minor units or more. */
  AMOUNT_TOO_LARGE,

  // Transfers: idempotency (same id seen before).
  EXISTS_WITH_DIFFERENT_FLAGS,
  EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID,
  EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID,
  EXISTS_WITH_DIFFERENT_AMOUNT,
  EXISTS_WITH_DIFFERENT_PENDING_ID,
  EXISTS_WITH_DIFFERENT_USER_DATA,
  EXISTS_WITH_DIFFERENT_TIMEOUT,
  /**
   * Same id, same fields: the original outcome stands (idempotent forever). Also used for an
   * account created again with the same fields. Like every result other than {@link #OK} it
   * fails a linked chain: the chain was already applied, or it was not and must not half-apply.
   */
  EXISTS,

  // Transfers: against state.
  DEBIT_ACCOUNT_NOT_FOUND,
  CREDIT_ACCOUNT_NOT_FOUND,
  CURRENCIES_DIFFER,
  PENDING_TRANSFER_NOT_FOUND,
  PENDING_TRANSFER_NOT_PENDING,
  PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID,
  PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID,
  EXCEEDS_PENDING_TRANSFER_AMOUNT,
  PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT,
  PENDING_TRANSFER_ALREADY_POSTED,
  PENDING_TRANSFER_ALREADY_VOIDED,
  /** Its timeout elapsed at or before this event's timestamp (whether or not it was swept yet). */
  PENDING_TRANSFER_EXPIRED,
  OVERFLOWS_DEBITS_PENDING,
  OVERFLOWS_CREDITS_PENDING,
  OVERFLOWS_DEBITS_POSTED,
  OVERFLOWS_CREDITS_POSTED,
  OVERFLOWS_DEBITS,
  OVERFLOWS_CREDITS,
  OVERFLOWS_TIMEOUT,
  /** The debit would take the account past its credits plus credit line. */
  EXCEEDS_CREDITS,
  /** The credit would take the account past its debits. */
  EXCEEDS_DEBITS;

  public boolean isOk() {
    return this == OK;
  }
}
