package org.rialto.ledger;

/**
 * Everything that can change the ledger. A batch of events plus its timestamp is the unit the
 * store journals and replays, so this set is closed: a new kind of change is a new record here
 * and a new tag in {@link BatchCodec}.
 */
public sealed interface LedgerEvent
    permits LedgerEvent.CreateAccount, LedgerEvent.CreateTransfer, LedgerEvent.ChangeCreditLimit {

  /**
   * Longest currency string an event can carry. A valid code has 3 letters; the ledger answers
   * {@link EventResult#CURRENCY_INVALID} for anything else, but the string is bounded here so that
   * every event that can exist can also be journaled and replayed.
   */
  int MAX_CURRENCY_CHARS = 16;

  /** Longest participant string (a BIC has 8 or 11 characters), bounded for the same reason. */
  int MAX_PARTICIPANT_CHARS = 64;

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
      implements LedgerEvent {
    /**
     * Rejects only what cannot be represented (nulls, unbounded strings); everything else that is
     * wrong is answered by the ledger with a precise {@link EventResult}.
     */
    public CreateAccount {
      requireNonNull(id, "id");
      requireNonNull(currency, "currency");
      requireNonNull(participant, "participant");
      requireNonNull(kind, "kind");
      if (currency.length() > MAX_CURRENCY_CHARS) {
        throw new IllegalArgumentException(
            "currency longer than " + MAX_CURRENCY_CHARS + " characters: " + currency.length());
      }
      if (participant.length() > MAX_PARTICIPANT_CHARS) {
        throw new IllegalArgumentException(
            "participant longer than " + MAX_PARTICIPANT_CHARS + " characters: " + participant.length());
      }
    }
  }

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
      implements LedgerEvent {
    /** Zero ids are {@link Id128#ZERO}, never null: null has no encoding in the journal. */
    public CreateTransfer {
      requireNonNull(id, "id");
      requireNonNull(debitAccountId, "debitAccountId");
      requireNonNull(creditAccountId, "creditAccountId");
      requireNonNull(pendingId, "pendingId");
      requireNonNull(userData, "userData");
    }

    /** A plain transfer that moves money at once. */
    public static CreateTransfer posted(Id128 id, Id128 debitAccountId, Id128 creditAccountId, long amountMinor) {
      return new CreateTransfer(id, debitAccountId, creditAccountId, amountMinor, Id128.ZERO, Id128.ZERO, 0, 0);
    }
  }

  /** Changes an account's intraday credit line (operators do this under dual control). */
  record ChangeCreditLimit(Id128 accountId, long creditLimitMinor) implements LedgerEvent {
    public ChangeCreditLimit {
      requireNonNull(accountId, "accountId");
    }
  }

  private static void requireNonNull(Object value, String field) {
    if (value == null) {
      throw new NullPointerException(field + " must not be null (use Id128.ZERO for \"none\")");
    }
  }
}
