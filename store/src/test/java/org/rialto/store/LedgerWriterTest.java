package org.rialto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rialto.store.Events.bank;
import static org.rialto.store.Events.issuance;
import static org.rialto.store.Events.linked;
import static org.rialto.store.Events.pending;
import static org.rialto.store.Events.post;
import static org.rialto.store.Events.transfer;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rialto.ledger.AccountView;
import org.rialto.ledger.EventResult;
import org.rialto.ledger.Id128;
import org.rialto.ledger.LedgerEvent;
import org.rialto.ledger.PendingStatus;
import org.rialto.ledger.TransferView;

class LedgerWriterTest {
  private static final long SECOND = 1_000_000_000L;

  @TempDir Path dir;

  private StoreUrl newStore(Dialect dialect) {
    return dialect == Dialect.SQLITE
        ? StoreUrl.parse(dir.resolve("ledger-" + System.nanoTime() + ".db").toString())
        : StoreUrl.parse(TestPostgres.newDatabase("writer"));
  }

  private static LedgerWriter.Config config(AtomicLong clock) {
    return LedgerWriter.Config.defaults().withClock(clock::get).withTickInterval(Duration.ofMillis(5));
  }

  /** Everything a read can see, to compare state before and after a restart. */
  private record State(List<AccountView> accounts, List<TransferView> transfers, Object totals) {}

  private static State state(LedgerWriter writer, List<Id128> transferIds) throws Exception {
    return writer.query(r -> {
      List<AccountView> accounts = new ArrayList<>();
      r.forEachAccount(accounts::add);
      List<TransferView> transfers = new ArrayList<>();
      for (Id128 id : transferIds) {
        transfers.add(r.transfer(id).orElse(null));
      }
      return new State(accounts, transfers, r.currencyTotals());
    }).get(30, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void restartRebuildsIdenticalState(Dialect dialect) throws Exception {
    StoreUrl url = newStore(dialect);
    AtomicLong clock = new AtomicLong(1_000 * SECOND);
    List<Id128> ids = new ArrayList<>();
    State before;
    try (Store store = Store.open(url, List.of()); LedgerWriter writer = LedgerWriter.start(store, config(clock))) {
      assertThat(writer.submitAll(List.of(issuance(1, "RUB"), bank(2, "RUB"), bank(3, "RUB"), issuance(4, "IRR"), bank(5, "IRR")))
          .get()).containsOnly(EventResult.OK);
      List<CompletableFuture<EventResult>> singles = new ArrayList<>();
      for (long i = 0; i < 300; i++) {
        long id = 100 + i;
        ids.add(Id128.of(id));
        singles.add(writer.submit(i % 3 == 0 ? transfer(id, 1, 2, 1_000) : transfer(id, 2, 3, 10)));
        clock.addAndGet(SECOND / 1000);
      }
      for (CompletableFuture<EventResult> f : singles) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isNotNull();
      }
      // A linked chain that fails leaves nothing; one that succeeds leaves all.
      assertThat(writer.submitAll(List.of(linked(500, 4, 5, 70), transfer(501, 5, 4, 1_000_000))).get())
          .containsExactly(EventResult.LINKED_EVENT_FAILED, EventResult.EXCEEDS_CREDITS);
      assertThat(writer.submitAll(List.of(linked(502, 4, 5, 70), transfer(503, 5, 4, 20))).get()).containsOnly(EventResult.OK);
      assertThat(writer.submit(pending(504, 2, 3, 5, 3_600)).get()).isEqualTo(EventResult.OK);
      assertThat(writer.submit(post(505, 504)).get()).isEqualTo(EventResult.OK);
      ids.addAll(List.of(Id128.of(500), Id128.of(501), Id128.of(502), Id128.of(503), Id128.of(504), Id128.of(505)));
      // Idempotent forever, across the restart too.
      assertThat(writer.submit(transfer(100, 1, 2, 1_000)).get()).isEqualTo(EventResult.EXISTS);
      before = state(writer, ids);
      assertThat(before.transfers().get(ids.indexOf(Id128.of(500)))).isNull();
      assertThat(before.transfers().get(ids.indexOf(Id128.of(503)))).isNotNull();
      assertThat(writer.stats().get().events()).isGreaterThan(300);
    }
    try (Store store = Store.open(url, List.of()); LedgerWriter writer = LedgerWriter.start(store, config(clock))) {
      State after = state(writer, ids);
      assertThat(after).isEqualTo(before);
      assertThat(writer.submit(transfer(100, 1, 2, 1_000)).get()).isEqualTo(EventResult.EXISTS);
    }
    assertThat(Verifier.verify(url).problem()).isNull();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void futureCompletesOnlyOnceItsBatchIsCommittedAndFailedCommitStopsTheWriter(Dialect dialect) throws Exception {
    StoreUrl url = newStore(dialect);
    AtomicLong clock = new AtomicLong(1_000 * SECOND);
    try (Store store = Store.open(url, List.of("db/storetest"));
        LedgerWriter writer = LedgerWriter.start(store, config(clock))) {
      writer.submitAll(List.of(issuance(1, "RUB"), bank(2, "RUB"))).get();
      // When the future completes, another connection already sees the journal row and the
      // caller's row written in the same transaction.
      CompletableFuture<List<EventResult>> ok = writer.submitAll(List.of(transfer(10, 1, 2, 500)), (c, results) -> {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO payment_note (transfer_low, result) VALUES (?, ?)")) {
          ps.setLong(1, 10);
          ps.setString(2, results.get(0).name());
          ps.executeUpdate();
        }
      });
      long[] visibleAtCompletion = ok.thenApply(r -> store.read(c -> new long[] {count(c, "ledger_journal"), count(c, "payment_note")}))
          .get(30, TimeUnit.SECONDS);
      assertThat(visibleAtCompletion).containsExactly(2, 1);
      String note = store.read(c -> {
        try (var rs = c.createStatement().executeQuery("SELECT result FROM payment_note WHERE transfer_low = 10")) {
          rs.next();
          return rs.getString(1);
        }
      });
      assertThat(note).isEqualTo("OK");

      // The caller's SQL fails: the whole transaction is rolled back, its futures fail, and the
      // writer stops, because the in-memory ledger now holds a batch the store does not.
      CompletableFuture<List<EventResult>> doomed = writer.submitAll(List.of(transfer(11, 1, 2, 700)), (c, results) -> {
        try (var s = c.createStatement()) {
          s.executeUpdate("INSERT INTO no_such_table VALUES (1)");
        }
      });
      assertThatThrownBy(() -> doomed.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(WriterStoppedException.class).hasMessageContaining("restart the node");
      assertThat(writer.failed()).isTrue();
      assertThat(store.failed()).isTrue();
      assertThatThrownBy(() -> writer.submit(transfer(12, 1, 2, 1)).get())
          .cause().isInstanceOf(WriterStoppedException.class);
      assertThatThrownBy(() -> writer.query(r -> r.accountCount()).get())
          .cause().isInstanceOf(WriterStoppedException.class);
      assertThat(journalRows(store)).isEqualTo(2);
    }
    try (Store store = Store.open(url, List.of("db/storetest"));
        LedgerWriter writer = LedgerWriter.start(store, config(clock))) {
      assertThat(writer.query(r -> r.transfer(Id128.of(11))).get()).isEmpty();
      assertThat(writer.query(r -> r.account(Id128.of(2)).orElseThrow().creditsPosted().toBigInteger().longValue()).get())
          .isEqualTo(500);
      assertThat(writer.submit(transfer(11, 1, 2, 700)).get()).isEqualTo(EventResult.OK);
    }
  }

  private static long journalRows(Store store) {
    Long rows = store.read(c -> count(c, "ledger_journal"));
    return rows;
  }

  private static long count(java.sql.Connection c, String table) throws SQLException {
    try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void pendingTransfersLapseWithoutTrafficAndTheLapseIsJournaled() throws Exception {
    StoreUrl url = newStore(Dialect.SQLITE);
    AtomicLong clock = new AtomicLong(1_000 * SECOND);
    try (Store store = Store.open(url, List.of()); LedgerWriter writer = LedgerWriter.start(store, config(clock))) {
      writer.submitAll(List.of(issuance(1, "RUB"), bank(2, "RUB"), bank(3, "RUB"), transfer(9, 1, 2, 100))).get();
      assertThat(writer.submit(pending(10, 2, 3, 60, 2)).get()).isEqualTo(EventResult.OK);
      long rowsBefore = journalRows(store);
      clock.addAndGet(3 * SECOND);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      PendingStatus status;
      do {
        Thread.sleep(5);
        status = writer.query(r -> r.transfer(Id128.of(10)).orElseThrow().status()).get();
      } while (status == PendingStatus.PENDING && System.nanoTime() < deadline);
      assertThat(status).isEqualTo(PendingStatus.EXPIRED);
      assertThat(writer.query(r -> r.account(Id128.of(2)).orElseThrow().debitsPending().toBigInteger().longValue()).get())
          .isZero();
      assertThat(journalRows(store)).isEqualTo(rowsBefore + 1);
      // Idle ticks that lapse nothing are not journaled.
      Thread.sleep(50);
      assertThat(journalRows(store)).isEqualTo(rowsBefore + 1);
    }
    try (Store store = Store.open(url, List.of()); LedgerWriter writer = LedgerWriter.start(store, config(clock))) {
      assertThat(writer.query(r -> r.transfer(Id128.of(10)).orElseThrow().status()).get()).isEqualTo(PendingStatus.EXPIRED);
      assertThat(writer.submit(post(11, 10)).get()).isEqualTo(EventResult.PENDING_TRANSFER_EXPIRED);
    }
  }

  @Test
  void fullQueueRefusesAfterTheSubmitTimeout() throws Exception {
    StoreUrl url = newStore(Dialect.SQLITE);
    AtomicLong clock = new AtomicLong(1_000 * SECOND);
    // One event per batch, so what the writer holds is counted in submissions.
    LedgerWriter.Config config = config(clock).withQueueCapacity(2).withSubmitTimeout(Duration.ofMillis(50)).withMaxBatchEvents(1);
    try (Store store = Store.open(url, List.of()); LedgerWriter writer = LedgerWriter.start(store, config)) {
      writer.submit(issuance(1, "RUB")).get();
      writer.submit(bank(2, "RUB")).get();
      CountDownLatch inWork = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      // The caller's SQL holds the commit: the writer applies what the committer can hold, then
      // the queue fills, then submissions are refused.
      CompletableFuture<List<EventResult>> blocker = writer.submitAll(List.of(transfer(10, 1, 2, 1)), (c, r) -> {
        inWork.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      assertThat(inWork.await(10, TimeUnit.SECONDS)).isTrue();
      List<CompletableFuture<EventResult>> submitted = new ArrayList<>();
      // Held at most: the queue, and the batches applied but not yet durable.
      int held = config.queueCapacity() + LedgerWriter.MAX_BATCHES_AHEAD;
      int bound = held + 10;
      try {
        for (int i = 0; i < bound; i++) {
          submitted.add(writer.submit(transfer(11 + i, 1, 2, 1)));
        }
      } finally {
        release.countDown();
      }
      long refused = submitted.stream().filter(f -> f.isCompletedExceptionally()).count();
      assertThat(refused).isGreaterThanOrEqualTo(10);
      assertThat(blocker.get(10, TimeUnit.SECONDS)).containsExactly(EventResult.OK);
      for (int i = 0; i < bound; i++) {
        CompletableFuture<EventResult> f = submitted.get(i);
        Id128 id = Id128.of(11 + i);
        if (f.isCompletedExceptionally()) {
          assertThatThrownBy(f::get).cause().isInstanceOf(WriterOverloadedException.class).hasMessageContaining("queue full");
          assertThat(writer.query(r -> r.transfer(id)).get()).isEmpty();
        } else {
          assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(EventResult.OK);
        }
      }
    }
  }

  @Test
  void linkedSubmissionIsNeverSplitAcrossBatches() throws Exception {
    StoreUrl url = newStore(Dialect.SQLITE);
    AtomicLong clock = new AtomicLong(1_000 * SECOND);
    LedgerWriter.Config config = config(clock).withMaxBatchEvents(4);
    try (Store store = Store.open(url, List.of()); LedgerWriter writer = LedgerWriter.start(store, config)) {
      writer.submitAll(List.of(issuance(1, "RUB"), bank(2, "RUB"), bank(3, "RUB"))).get();
      List<CompletableFuture<List<EventResult>>> chains = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        long base = 100 + i * 3L;
        chains.add(writer.submitAll(List.of(linked(base, 1, 2, 10), linked(base + 1, 2, 3, 10), transfer(base + 2, 3, 2, 5))));
      }
      for (var chain : chains) {
        assertThat(chain.get(30, TimeUnit.SECONDS)).containsOnly(EventResult.OK);
      }
      assertThatThrownBy(() -> writer.submitAll(List.of(transfer(1, 1, 2, 1), transfer(2, 1, 2, 1), transfer(3, 1, 2, 1),
          transfer(4, 1, 2, 1), transfer(5, 1, 2, 1)))).isInstanceOf(IllegalArgumentException.class);
      // Every journal row holds whole chains only: 3 events per row at most 4 per batch.
      store.read(c -> {
        try (var rs = c.createStatement().executeQuery("SELECT event_count FROM ledger_journal WHERE seq > 1")) {
          while (rs.next()) {
            assertThat(rs.getInt(1)).isEqualTo(3);
          }
        }
        return null;
      });
    }
  }

  @Test
  void queriesRunOnTheWriterThreadAndReadsCannotLeak() throws Exception {
    StoreUrl url = newStore(Dialect.SQLITE);
    try (Store store = Store.open(url, List.of());
        LedgerWriter writer = LedgerWriter.start(store, config(new AtomicLong(1_000 * SECOND)))) {
      LedgerReads leaked = writer.query(r -> r).get();
      assertThatThrownBy(() -> leaked.accountCount()).isInstanceOf(IllegalStateException.class);
      assertThat(writer.query(r -> Thread.currentThread()).get()).isSameAs(writer.thread());
      writer.close();
      assertThatThrownBy(() -> writer.submit(issuance(1, "RUB")).get()).cause().isInstanceOf(WriterStoppedException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void readsCannotWrite(Dialect dialect) {
    try (Store store = Store.open(newStore(dialect), List.of())) {
      assertThatThrownBy(() -> store.read(c -> c.createStatement().executeUpdate("CREATE TABLE sneaky (a INTEGER)")))
          .isInstanceOf(StoreException.class);
      Long rows = store.read(c -> count(c, "ledger_journal"));
      assertThat(rows).isZero();
    }
  }

  @Test
  void aSecondThreadMayNotCommit() throws Exception {
    StoreUrl url = newStore(Dialect.SQLITE);
    try (Store store = Store.open(url, List.of())) {
      LedgerEvent e = issuance(1, "RUB");
      store.commit(List.of(new JournalEntry(10, List.of(e))), TxWork.NONE);
      CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
        try {
          store.commit(List.of(new JournalEntry(20, List.of(bank(2, "RUB")))), TxWork.NONE);
          return null;
        } catch (Throwable t) {
          return t;
        }
      });
      assertThat(other.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("may only read");
      assertThatThrownBy(() -> store.commit(List.of(new JournalEntry(10, List.of(bank(2, "RUB")))), TxWork.NONE))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
      assertThat(store.tail().seq()).isEqualTo(1);
    }
  }
}
