package org.rialto.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.rialto.ledger.EventResult;

/**
 * The caller's own SQL for one submission, run in the same transaction as the journal row of the
 * batch that carried its events, knowing how the ledger answered them (so a payment record can
 * say "prepared" exactly when its pending transfer was accepted). Same rules as {@link TxWork}:
 * runs on the writer thread, must not commit, and a failure stops the writer.
 */
@FunctionalInterface
public interface LedgerTxWork {
  void run(Connection connection, List<EventResult> results) throws SQLException;
}
