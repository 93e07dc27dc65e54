package org.rialto.store;

import org.rialto.ledger.AccountFlags;
import org.rialto.ledger.AccountKind;
import org.rialto.ledger.Id128;
import org.rialto.ledger.LedgerEvent;
import org.rialto.ledger.TransferFlags;

/** Small builders for test events. */
final class Events {
  private Events() {}

  static LedgerEvent.CreateAccount issuance(long id, String currency) {
    return new LedgerEvent.CreateAccount(Id128.of(id), currency, 2, "CBANK" + currency, AccountKind.CENTRAL_BANK_ISSUANCE, 0, 0);
  }

  static LedgerEvent.CreateAccount bank(long id, String currency) {
    return new LedgerEvent.CreateAccount(Id128.of(id), currency, 2, "BANK" + id, AccountKind.SETTLEMENT,
        AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, 0);
  }

  static LedgerEvent.CreateTransfer transfer(long id, long debit, long credit, long amountMinor) {
    return LedgerEvent.CreateTransfer.posted(Id128.of(id), Id128.of(debit), Id128.of(credit), amountMinor);
  }

  static LedgerEvent.CreateTransfer linked(long id, long debit, long credit, long amountMinor) {
    return new LedgerEvent.CreateTransfer(Id128.of(id), Id128.of(debit), Id128.of(credit), amountMinor, Id128.ZERO,
        Id128.ZERO, 0, TransferFlags.LINKED);
  }

  static LedgerEvent.CreateTransfer pending(long id, long debit, long credit, long amountMinor, long timeoutSeconds) {
    return new LedgerEvent.CreateTransfer(Id128.of(id), Id128.of(debit), Id128.of(credit), amountMinor, Id128.ZERO,
        Id128.ZERO, timeoutSeconds, TransferFlags.PENDING);
  }

  static LedgerEvent.CreateTransfer post(long id, long pendingId) {
    return new LedgerEvent.CreateTransfer(Id128.of(id), Id128.ZERO, Id128.ZERO, 0, Id128.of(pendingId), Id128.ZERO, 0,
        TransferFlags.POST_PENDING);
  }
}
