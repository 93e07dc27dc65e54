package org.rialto.store;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.rialto.ledger.AccountView;
import org.rialto.ledger.CurrencyTotals;
import org.rialto.ledger.Id128;
import org.rialto.ledger.TransferView;

/**
 * What a query may read from the ledger. Handed to {@link LedgerWriter#query} functions, which run
 * on the writer thread between batches; valid only during that call.
 */
public interface LedgerReads {
  Optional<AccountView> account(Id128 id);

  Optional<TransferView> transfer(Id128 id);

  /** Every account in creation order. */
  void forEachAccount(Consumer<AccountView> consumer);

  Map<String, CurrencyTotals> currencyTotals();

  int accountCount();

  int transferCount();

  long lastTimestampNanos();

  /** Recomputes every balance from the recorded transfers; throws on any inconsistency. */
  void verifyFully();
}
