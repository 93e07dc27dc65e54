package org.rialto.ledger;

/**
 * Everything that can change the ledger. A batch of events plus its timestamp is the unit the
 * store journals and replays, so this set is closed: a new kind of change is a new record here
 * and a new tag in {@link BatchCodec}.
 */
public sealed interface LedgerEvent
    permits LedgerEvent.CreateAccount, LedgerEvent.CreateTransfer, LedgerEvent.ChangeCreditLimit {

  /**
   * Opens an account.
   *
   * @param currency ISO 4217 alphabetic code; transfers only move between accounts of one currency
   * @param minorUnits the currency's minor units (2 for RUB, 0 for IRR); fixed for the account's life
   * @param participant the owner (a BIC for participants)
   * @param flags {@link AccountFlags}
   * @param creditLimitMinor intraday credit line: how far debits may exceed credits when
   *     {@link AccountFlags#DEBITS_MUST_NOT_EXCEED_CREDITS} is set; 0 for none
   */
  record CreateAccount(
      Id128 id,
      String currency,
      int minorUnits,
      String participant,
      AccountKind kind,
      int flags,
      long creditLimitMinor)
      implements LedgerEvent {}

  /**
   * Moves money (or reserves, posts or voids it).
   *
   * @param pendingId for POST_PENDING / VOID_PENDING: the pending transfer acted on; else zero
   * @param amountMinor for a plain or pending transfer: &gt; 0 and &lt; 10^18. For POST_PENDING:
   *     0 posts the full pending amount, less posts part and releases the rest. For VOID_PENDING:
   *     0 or the pending amount.
   * @param timeoutSeconds only for PENDING: the reservation lapses (is voided) once a batch's
   *     timestamp reaches the pending transfer's timestamp plus this; 0 means never
   * @param userData links the transfer to the payment it serves (for example the UETR)
   * @param flags {@link TransferFlags}
   */
  record CreateTransfer(
      Id128 id,
      Id128 debitAccountId,
      Id128 creditAccountId,
      long amountMinor,
      Id128 pendingId,
      Id128 userData,
      long timeoutSeconds,
      int flags)
      implements LedgerEvent {}

  /** Changes an account's intraday credit line (operators do this under dual control). */
  record ChangeCreditLimit(Id128 accountId, long creditLimitMinor) implements LedgerEvent {}
}
