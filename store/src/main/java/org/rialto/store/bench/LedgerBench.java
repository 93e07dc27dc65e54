package org.rialto.store.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.rialto.ledger.BatchResult;
import org.rialto.ledger.CurrencyTotals;
import org.rialto.ledger.EventResult;
import org.rialto.ledger.Ledger;
import org.rialto.ledger.LedgerEvent;
import org.rialto.ledger.TransferFlags;
import org.rialto.ledger.Workload;
import org.rialto.store.LedgerWriter;
import org.rialto.store.LocalPostgres;
import org.rialto.store.Store;
import org.rialto.store.StoreUrl;

/**
 * {@code rialto bench ledger}: one seeded workload, measured four ways in one run: the pure
 * in-memory ledger; the durable {@link LedgerWriter} on SQLite and on PostgreSQL (several client
 * threads submitting single transfers, so batches fill the way they do under real load); and the
 * row-lock PostgreSQL ledger most teams build, on the same PostgreSQL server, as the baseline.
 */
public final class LedgerBench {
  /**
   * @param batch the most events per batch, for the in-memory run and the writers
   * @param submitters client threads submitting to a writer
   * @param inFlightPerSubmitter how many submissions each client has outstanding at once
   * @param baselineThreads client threads of the row-lock baseline
   * @param baselineSeconds the baseline runs this long (or until the workload is exhausted)
   * @param postgresUrl an existing server's URL, or null to start an embedded one
   */
  public record Options(long seed, int accounts, int hotAccounts, int hotPercent, int transfers, int batch, int submitters,
      int inFlightPerSubmitter, int baselineThreads, double baselineSeconds, String postgresUrl) {
    public Options {
      if (batch < 1 || batch > Ledger.MAX_BATCH_EVENTS) {
        throw new IllegalArgumentException("--batch must be 1.." + Ledger.MAX_BATCH_EVENTS + ": " + batch);
      }
      if (submitters < 1 || submitters > 64) {
        throw new IllegalArgumentException("submitters must be 1..64: " + submitters);
      }
      if (inFlightPerSubmitter < 1 || inFlightPerSubmitter > 1 << 20) {
        throw new IllegalArgumentException("in-flight per submitter must be 1.." + (1 << 20) + ": " + inFlightPerSubmitter);
      }
      if (baselineThreads < 1 || baselineThreads > 256) {
        throw new IllegalArgumentException("baseline threads must be 1..256: " + baselineThreads);
      }
      if (!(baselineSeconds > 0 && baselineSeconds <= 600)) {
        throw new IllegalArgumentException("baseline seconds must be in (0, 600]: " + baselineSeconds);
      }
    }

    public static Options defaults() {
      return new Options(42, 10_000, 10, 80, 1_000_000, Ledger.MAX_BATCH_EVENTS, 4, 16_384, 16, 10, null);
    }
  }

  /** One durable run. */
  public record DurableRun(double tps, long events, long okEvents, double seconds, long batches, double batchP50Millis,
      double batchP99Millis, double batchMaxMillis) {}

  public record Result(Options options, double inMemoryTps, long inMemoryOk, DurableRun sqlite, DurableRun postgres,
      RowLockBaselineResult baseline, String postgresServer) {
    public double ratioPostgresVsBaseline() {
      return baseline.tps() == 0 ? 0 : postgres.tps() / baseline.tps();
    }

    /** The worse of the two durable runs' p99 batch latency (drain to durable). */
    public double batchP99Millis() {
      return Math.max(sqlite.batchP99Millis(), postgres.batchP99Millis());
    }

    public String json() {
      return String.format(Locale.ROOT,
          "{\"in_memory_tps\":%.0f,\"sqlite_tps\":%.0f,\"postgres_tps\":%.0f,\"baseline_postgres_tps\":%.1f,"
              + "\"ratio_postgres_vs_baseline\":%.1f,\"batch_p99_ms\":%.2f,\"sqlite_batch_p99_ms\":%.2f,"
              + "\"postgres_batch_p99_ms\":%.2f,\"accounts\":%d,\"hot_accounts\":%d,\"hot_percent\":%d,\"transfers\":%d,"
              + "\"batch\":%d,\"submitters\":%d,\"baseline_threads\":%d,\"baseline_transfers\":%d,\"baseline_seconds\":%.1f,"
              + "\"postgres_server\":\"%s\",\"cores\":%d}",
          inMemoryTps, sqlite.tps(), postgres.tps(), baseline.tps(), ratioPostgresVsBaseline(), batchP99Millis(),
          sqlite.batchP99Millis(), postgres.batchP99Millis(), options.accounts(), options.hotAccounts(), options.hotPercent(),
          options.transfers(), options.batch(), options.submitters(), options.baselineThreads(), baseline.committed(),
          baseline.seconds(), postgresServer, Runtime.getRuntime().availableProcessors());
    }
  }

  /** The baseline's figures. */
  public record RowLockBaselineResult(long committed, long refused, long failed, double seconds, int threads) {
    public double tps() {
      return seconds == 0 ? 0 : committed / seconds;
    }
  }

  private static final int IN_MEMORY_ROUNDS = 3;
  private static final int WARM_UP_TRANSFERS = 200_000;

  private final Options options;
  private final PrintStream log;

  private LedgerBench(Options options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  public static Result run(Options options, PrintStream log) throws Exception {
    return new LedgerBench(options, log).run();
  }

  private Result run() throws Exception {
    log.printf(Locale.ROOT, "workload: %,d accounts (%d hot, %d%% of transfers), %,d transfers, seed %d%n",
        options.accounts(), options.hotAccounts(), options.hotPercent(), options.transfers(), options.seed());
    Workload w = Workload.generate(options.seed(), options.accounts(), options.hotAccounts(), options.hotPercent(),
        options.transfers());
    List<LedgerEvent> all = w.transfers();
    List<LedgerEvent> funding = all.subList(0, w.fundingTransferCount());
    List<LedgerEvent> work = all.subList(w.fundingTransferCount(), all.size());

    long[] inMemory = inMemory(w, funding, work);
    double inMemoryTps = work.size() / (inMemory[0] / 1e9);
    log.printf(Locale.ROOT, "in-memory: %,.0f transfers/s (best of %d, batches of %d)%n", inMemoryTps, IN_MEMORY_ROUNDS,
        options.batch());

    Path dir = Files.createTempDirectory("rialto-bench-");
    DurableRun sqlite;
    try {
      durable("SQLite warm-up", StoreUrl.parse(dir.resolve("warm-up.db").toString()), w, funding, warmUp(work));
      sqlite = durable("SQLite", StoreUrl.parse(dir.resolve("ledger.db").toString()), w, funding, work);
    } finally {
      deleteRecursively(dir);
    }

    DurableRun postgres;
    RowLockBaselineResult baseline;
    String server;
    try (LocalPostgres pg = options.postgresUrl() != null ? LocalPostgres.external(options.postgresUrl()) : LocalPostgres.start()) {
      server = pg.isEmbedded() ? "embedded (fsync on)" : "external";
      durable("PostgreSQL warm-up", StoreUrl.parse(pg.createDatabase("bench_warm_up")), w, funding, warmUp(work));
      postgres = durable("PostgreSQL", StoreUrl.parse(pg.createDatabase("bench_rialto")), w, funding, work);
      String baselineUrl = pg.createDatabase("bench_baseline");
      RowLockBaseline.setUp(baselineUrl, w.accounts(), funding);
      log.printf(Locale.ROOT, "baseline: row-lock PostgreSQL ledger, %d client threads, up to %.0f s…%n",
          options.baselineThreads(), options.baselineSeconds());
      RowLockBaseline.Result r = RowLockBaseline.run(baselineUrl, work, options.baselineThreads(), options.baselineSeconds());
      baseline = new RowLockBaselineResult(r.committed(), r.refused(), r.failed(), r.seconds(), r.threads());
      log.printf(Locale.ROOT, "baseline: %,.0f transfers/s (%,d committed, %,d refused by limit, %,d failed in %.1f s)%n",
          baseline.tps(), r.committed(), r.refused(), r.failed(), r.seconds());
    }
    Result result = new Result(options, inMemoryTps, inMemory[1], sqlite, postgres, baseline, server);
    log.printf(Locale.ROOT, "PostgreSQL durable vs row-lock baseline: %.1fx%n", result.ratioPostgresVsBaseline());
    if (sqlite.okEvents() != inMemory[1] || postgres.okEvents() != inMemory[1]) {
      throw new IllegalStateException("durable runs disagree with the in-memory run on successful transfers: in-memory "
          + inMemory[1] + ", SQLite " + sqlite.okEvents() + ", PostgreSQL " + postgres.okEvents());
    }
    return result;
  }

  /**
   * The JIT compiles the writer, codec and JDBC paths during the first second or so; a short
   * untimed run on a throwaway store first means the figures describe the steady state.
   */
  private static List<LedgerEvent> warmUp(List<LedgerEvent> work) {
    return work.subList(0, Math.min(work.size(), WARM_UP_TRANSFERS));
  }

  /** Returns the best round's nanoseconds for the work transfers and their OK count. */
  private long[] inMemory(Workload w, List<LedgerEvent> funding, List<LedgerEvent> work) {
    long best = Long.MAX_VALUE;
    long ok = -1;
    for (int round = 0; round < IN_MEMORY_ROUNDS; round++) {
      Ledger ledger = new Ledger(w.accounts().size(), funding.size() + work.size());
      long ts = 1;
      for (List<LedgerEvent> b : Workload.batches(w.accounts(), options.batch())) {
        ledger.apply(ts, b);
        ts += b.size();
      }
      for (List<LedgerEvent> b : Workload.batches(funding, options.batch())) {
        ledger.apply(ts, b);
        ts += b.size();
      }
      long okThisRound = 0;
      long started = System.nanoTime();
      for (List<LedgerEvent> b : Workload.batches(work, options.batch())) {
        BatchResult r = ledger.apply(ts, b);
        okThisRound += r.okCount();
        ts += b.size();
      }
      long elapsed = System.nanoTime() - started;
      best = Math.min(best, elapsed);
      if (ok >= 0 && ok != okThisRound) {
        throw new IllegalStateException("the ledger is not deterministic: " + ok + " then " + okThisRound + " OK");
      }
      ok = okThisRound;
      ledger.verifyFully();
    }
    return new long[] {best, ok};
  }

  private DurableRun durable(String name, StoreUrl url, Workload w, List<LedgerEvent> funding, List<LedgerEvent> work)
      throws Exception {
    log.printf(Locale.ROOT, "%s: durable writer, %d submitting threads…%n", name, options.submitters());
    LedgerWriter.Config config = LedgerWriter.Config.defaults()
        .withMaxBatchEvents(options.batch())
        .withSubmitTimeout(Duration.ofSeconds(30));
    try (Store store = Store.open(url, List.of()); LedgerWriter writer = LedgerWriter.start(store, config)) {
      for (List<LedgerEvent> b : Workload.batches(w.accounts(), options.batch())) {
        requireAllOk(writer.submitAll(b).get(), "account creation");
      }
      for (List<LedgerEvent> b : Workload.batches(funding, options.batch())) {
        requireAllOk(writer.submitAll(b).get(), "funding");
      }
      LedgerWriter.Stats before = writer.statsAndReset().get();
      List<List<LedgerEvent>> lanes = lanes(work, options.submitters());
      AtomicLong ok = new AtomicLong();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Thread> threads = new ArrayList<>();
      long started = System.nanoTime();
      for (List<LedgerEvent> lane : lanes) {
        Thread t = new Thread(() -> submitLane(writer, lane, ok, failure), "bench-submitter");
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join();
      }
      long elapsed = System.nanoTime() - started;
      if (failure.get() != null) {
        throw new IllegalStateException(name + " run failed: " + failure.get().getMessage(), failure.get());
      }
      LedgerWriter.Stats after = writer.stats().get();
      Map<String, CurrencyTotals> totals = writer.query(r -> r.currencyTotals()).get();
      for (CurrencyTotals t : totals.values()) {
        if (!t.balanced()) {
          throw new IllegalStateException(name + ": " + t.currency() + " does not balance after the run");
        }
      }
      double seconds = elapsed / 1e9;
      DurableRun run = new DurableRun(work.size() / seconds, work.size(), ok.get(), seconds, after.batches() - before.batches(),
          after.batchP50Millis(), after.batchP99Millis(), after.batchMaxMillis());
      log.printf(Locale.ROOT, "%s: %,.0f transfers/s durable (%,d batches of avg %.0f events in %,d commits; batch latency p50 %.2f ms,"
          + " p99 %.2f ms, max %.2f ms)%n", name, run.tps(), run.batches(), (double) work.size() / Math.max(1, run.batches()),
          after.commits() - before.commits(), run.batchP50Millis(), run.batchP99Millis(), run.batchMaxMillis());
      return run;
    }
  }

  private void submitLane(LedgerWriter writer, List<LedgerEvent> lane, AtomicLong ok, AtomicReference<Throwable> failure) {
    Semaphore window = new Semaphore(options.inFlightPerSubmitter());
    try {
      for (LedgerEvent e : lane) {
        if (failure.get() != null) {
          return;
        }
        window.acquire();
        CompletableFuture<EventResult> f = writer.submit(e);
        f.whenComplete((r, t) -> {
          if (t != null) {
            failure.compareAndSet(null, t);
          } else if (r == EventResult.OK) {
            ok.incrementAndGet();
          }
          window.release();
        });
      }
      if (!window.tryAcquire(options.inFlightPerSubmitter(), 10, TimeUnit.MINUTES)) {
        failure.compareAndSet(null, new IllegalStateException("submissions still in flight after 10 minutes"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
    }
  }

  /**
   * Splits the transfers among submitters so that a pending transfer and its post or void go to
   * the same submitter, in order: a client never posts a reservation it has not yet asked for.
   */
  static List<List<LedgerEvent>> lanes(List<LedgerEvent> work, int submitters) {
    List<List<LedgerEvent>> lanes = new ArrayList<>(submitters);
    for (int i = 0; i < submitters; i++) {
      lanes.add(new ArrayList<>(work.size() / submitters + 1));
    }
    int index = 0;
    for (LedgerEvent e : work) {
      int key = index++;
      if (e instanceof LedgerEvent.CreateTransfer t) {
        boolean settles = (t.flags() & (TransferFlags.POST_PENDING | TransferFlags.VOID_PENDING)) != 0;
        key = (settles ? t.pendingId() : t.id()).hashCode();
      }
      lanes.get(Math.floorMod(key, submitters)).add(e);
    }
    return lanes;
  }

  private static void requireAllOk(List<EventResult> results, String what) {
    for (EventResult r : results) {
      if (r != EventResult.OK) {
        throw new IllegalStateException(what + " failed: " + r);
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove bench folder " + dir, e);
    }
  }
}
