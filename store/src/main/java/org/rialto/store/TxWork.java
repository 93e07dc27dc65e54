package org.rialto.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * SQL that must become durable in the same transaction as a journal append (payment records,
 * outbox rows). It runs on the writer thread, after the journal rows are inserted and before the
 * commit. It must not commit, roll back or change auto-commit; if it throws, nothing of the
 * transaction is kept and the writer stops (the in-memory ledger is then ahead of the store).
 */
@FunctionalInterface
public interface TxWork {
  TxWork NONE = connection -> {};

  void run(Connection connection) throws SQLException;
}
