package org.rialto.store.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.rialto.ledger.AccountFlags;
import org.rialto.ledger.Id128;
import org.rialto.ledger.LedgerEvent;

/**
 * The ledger most teams build on PostgreSQL, as the baseline: an accounts table with balance
 * columns and a transfers table; each transfer is its own SQL transaction that locks both
 * accounts with {@code SELECT … FOR UPDATE} (in id order, so two transfers never deadlock),
 * checks the debit account's limit, updates both balances and inserts the transfer. N client
 * threads, each with its own connection, run for a bounded time.
 */
final class RowLockBaseline {
  /** Result of a timed run. {@code refused} transfers hit the debit limit and were rolled back. */
  record Result(long committed, long refused, long failed, double seconds, int threads) {
    double tps() {
      return seconds == 0 ? 0 : committed / seconds;
    }
  }

  private static final String LOCK =
      "SELECT id, flags, credit_limit, debits_posted, credits_posted FROM accounts WHERE id IN (?, ?) ORDER BY id FOR UPDATE";
  private static final String DEBIT = "UPDATE accounts SET debits_posted = debits_posted + ? WHERE id = ?";
  private static final String CREDIT = "UPDATE accounts SET credits_posted = credits_posted + ? WHERE id = ?";
  private static final String INSERT =
      "INSERT INTO transfers (id, debit_account_id, credit_account_id, amount, user_data) VALUES (?, ?, ?, ?, ?)";

  private RowLockBaseline() {}

  /** Creates the schema and the accounts, already funded the way the workload's funding transfers would. */
  static void setUp(String url, List<LedgerEvent.CreateAccount> accounts, List<LedgerEvent> funding) throws SQLException {
    Map<Id128, long[]> balances = new HashMap<>();
    for (LedgerEvent e : funding) {
      LedgerEvent.CreateTransfer t = (LedgerEvent.CreateTransfer) e;
      balances.computeIfAbsent(t.debitAccountId(), k -> new long[2])[0] += t.amountMinor();
      balances.computeIfAbsent(t.creditAccountId(), k -> new long[2])[1] += t.amountMinor();
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("""
          CREATE TABLE accounts (
            id UUID PRIMARY KEY,
            currency TEXT NOT NULL,
            flags INT NOT NULL,
            credit_limit BIGINT NOT NULL,
            debits_posted BIGINT NOT NULL,
            credits_posted BIGINT NOT NULL)""");
      s.execute("""
          CREATE TABLE transfers (
            id UUID PRIMARY KEY,
            debit_account_id UUID NOT NULL REFERENCES accounts(id),
            credit_account_id UUID NOT NULL REFERENCES accounts(id),
            amount BIGINT NOT NULL CHECK (amount > 0),
            user_data UUID,
            created_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO accounts (id, currency, flags, credit_limit, debits_posted, credits_posted) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (LedgerEvent.CreateAccount a : accounts) {
          long[] b = balances.getOrDefault(a.id(), new long[2]);
          ps.setObject(1, a.id().toUuid());
          ps.setString(2, a.currency());
          ps.setInt(3, a.flags());
          ps.setLong(4, a.creditLimitMinor());
          ps.setLong(5, b[0]);
          ps.setLong(6, b[1]);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }

  /**
   * Runs {@code threads} clients over {@code transfers} (plain transfers between two accounts;
   * posts and voids of pending transfers name no accounts and are skipped) for at most {@code
   * seconds}, or until the transfers run out.
   */
  static Result run(String url, List<LedgerEvent> transfers, int threads, double seconds) throws Exception {
    List<LedgerEvent.CreateTransfer> plain = new ArrayList<>(transfers.size());
    for (LedgerEvent e : transfers) {
      if (e instanceof LedgerEvent.CreateTransfer t && !t.debitAccountId().isZero() && !t.creditAccountId().isZero()) {
        plain.add(t);
      }
    }
    AtomicInteger next = new AtomicInteger();
    AtomicLong committed = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "baseline-client");
      t.setDaemon(true);
      return t;
    });
    long started = System.nanoTime();
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        clients.add(pool.submit(() -> {
          client(url, plain, next, deadline, committed, refused, failed);
          return null;
        }));
      }
      for (Future<?> f : clients) {
        f.get(Math.max(60, (long) seconds * 4), TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    return new Result(committed.get(), refused.get(), failed.get(), elapsed, threads);
  }

  private static void client(String url, List<LedgerEvent.CreateTransfer> plain, AtomicInteger next, long deadline,
      AtomicLong committed, AtomicLong refused, AtomicLong failed) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      try (PreparedStatement lock = c.prepareStatement(LOCK);
          PreparedStatement debit = c.prepareStatement(DEBIT);
          PreparedStatement credit = c.prepareStatement(CREDIT);
          PreparedStatement insert = c.prepareStatement(INSERT)) {
        while (System.nanoTime() < deadline) {
          int i = next.getAndIncrement();
          if (i >= plain.size()) {
            return;
          }
          LedgerEvent.CreateTransfer t = plain.get(i);
          try {
            if (transfer(c, lock, debit, credit, insert, t)) {
              committed.incrementAndGet();
            } else {
              refused.incrementAndGet();
            }
          } catch (SQLException e) {
            c.rollback();
            failed.incrementAndGet();
          }
        }
      }
    }
  }

  private static boolean transfer(Connection c, PreparedStatement lock, PreparedStatement debit, PreparedStatement credit,
      PreparedStatement insert, LedgerEvent.CreateTransfer t) throws SQLException {
    UUID debitId = t.debitAccountId().toUuid();
    UUID creditId = t.creditAccountId().toUuid();
    lock.setObject(1, debitId);
    lock.setObject(2, creditId);
    boolean allowed = false;
    int found = 0;
    try (ResultSet rs = lock.executeQuery()) {
      while (rs.next()) {
        found++;
        if (rs.getObject(1).equals(debitId)) {
          int flags = rs.getInt(2);
          long limit = rs.getLong(3);
          long debits = rs.getLong(4);
          long credits = rs.getLong(5);
          allowed = (flags & AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS) == 0 || debits + t.amountMinor() <= credits + limit;
        }
      }
    }
    if (found != 2 || !allowed) {
      c.rollback();
      return false;
    }
    debit.setLong(1, t.amountMinor());
    debit.setObject(2, debitId);
    debit.executeUpdate();
    credit.setLong(1, t.amountMinor());
    credit.setObject(2, creditId);
    credit.executeUpdate();
    insert.setObject(1, t.id().toUuid());
    insert.setObject(2, debitId);
    insert.setObject(3, creditId);
    insert.setLong(4, t.amountMinor());
    insert.setObject(5, t.userData().isZero() ? null : t.userData().toUuid());
    insert.executeUpdate();
    c.commit();
    return true;
  }
}
