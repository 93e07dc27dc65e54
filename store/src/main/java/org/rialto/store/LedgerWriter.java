package org.rialto.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rialto.ledger.AccountView;
import org.rialto.ledger.BatchResult;
import org.rialto.ledger.CurrencyTotals;
import org.rialto.ledger.EventResult;
import org.rialto.ledger.Id128;
import org.rialto.ledger.InvariantViolationError;
import org.rialto.ledger.Ledger;
import org.rialto.ledger.LedgerEvent;
import org.rialto.ledger.TransferView;

/**
 * The single writer of a node's ledger (LMAX style): one thread owns the {@link Ledger}; callers
 * hand it events through a bounded queue and get futures. The writer thread drains what is queued
 * (up to a batch limit, never splitting a submission), stamps a strictly increasing timestamp and
 * applies the batch; a second thread, the committer, makes applied batches durable in one database
 * transaction and only then completes their futures. An acknowledged event therefore survives a
 * crash at any moment.
 *
 * <p>Why two threads: a commit is mostly waiting for fsync, and applying is pure CPU, so while
 * batch N is being fsynced the writer applies N+1. Whatever accumulated while a commit was in
 * flight goes into the next commit together (group commit, at most {@value #MAX_GROUP_BATCHES}
 * batches), so a slow disk costs larger commits, not fewer events per second. The ledger is then
 * ahead of the disk by at most {@link #MAX_BATCHES_AHEAD} batches, none of them acknowledged.
 *
 * <p>Reads are queries run on the writer thread, between batches ({@link #query}), rather than a
 * published snapshot: they need no lock and no copy of the ledger (copying millions of balances
 * after every batch would cost more than the batch), and cost a hash lookup. A query's answer is
 * released only once every batch applied before it is durable, so nobody ever sees a state that a
 * crash could take back.
 *
 * <p>Fail-stop: if a batch cannot be made durable (or the ledger reports a broken invariant), the
 * in-memory ledger is ahead of the store. Every submission not yet acknowledged, queued or made
 * later then fails with {@link WriterStoppedException}; the node must restart, which rebuilds the
 * ledger from the journal. A commit that failed may still have reached the disk (the database can
 * fail after committing): callers retry with the same transfer ids, which answer {@code EXISTS}.
 *
 * <p>Futures complete on the committer thread: callers should do heavy work in {@code *Async}
 * continuations, not in the completing thread.
 */
public final class LedgerWriter implements AutoCloseable {
  /** Latencies kept for percentiles: the last this many batches. */
  private static final int LATENCY_WINDOW = 1 << 16;
  /** Applied batches the committer may have in hand: bounds how far memory runs ahead of disk. */
  static final int MAX_GROUP_BATCHES = 4;
  /** One group being committed, one waiting in the hand-over, one the writer is handing over. */
  static final int MAX_BATCHES_AHEAD = 2 * MAX_GROUP_BATCHES + 1;

  /**
   * @param queueCapacity submissions the queue holds (a submission is one event or one list of up
   *     to {@code maxBatchEvents})
   * @param maxBatchEvents events per batch, at most {@link Ledger#MAX_BATCH_EVENTS}
   * @param submitTimeout how long a submission waits for room in a full queue before it is refused
   * @param tickInterval how often an idle writer checks whether pending transfers are due to lapse
   */
  public record Config(int queueCapacity, int maxBatchEvents, Duration submitTimeout, Duration tickInterval, LedgerClock clock) {
    public Config {
      if (queueCapacity < 1 || queueCapacity > 1 << 22) {
        throw new IllegalArgumentException("queueCapacity must be 1.." + (1 << 22) + ": " + queueCapacity);
      }
      if (maxBatchEvents < 1 || maxBatchEvents > Ledger.MAX_BATCH_EVENTS) {
        throw new IllegalArgumentException("maxBatchEvents must be 1.." + Ledger.MAX_BATCH_EVENTS + ": " + maxBatchEvents);
      }
      if (submitTimeout.isNegative() || submitTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("submitTimeout must be 0..1 min: " + submitTimeout);
      }
      if (tickInterval.toMillis() < 1 || tickInterval.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("tickInterval must be 1 ms..1 min: " + tickInterval);
      }
      Objects.requireNonNull(clock, "clock");
    }

    public static Config defaults() {
      return new Config(65_536, Ledger.MAX_BATCH_EVENTS, Duration.ofMillis(500), Duration.ofMillis(100), LedgerClock.system());
    }

    public Config withClock(LedgerClock c) {
      return new Config(queueCapacity, maxBatchEvents, submitTimeout, tickInterval, c);
    }

    public Config withMaxBatchEvents(int n) {
      return new Config(queueCapacity, n, submitTimeout, tickInterval, clock);
    }

    public Config withQueueCapacity(int n) {
      return new Config(n, maxBatchEvents, submitTimeout, tickInterval, clock);
    }

    public Config withSubmitTimeout(Duration d) {
      return new Config(queueCapacity, maxBatchEvents, d, tickInterval, clock);
    }

    public Config withTickInterval(Duration d) {
      return new Config(queueCapacity, maxBatchEvents, submitTimeout, d, clock);
    }
  }

  /**
   * Counters and batch latency percentiles (drain to durable) over the last {@value #LATENCY_WINDOW}
   * batches; {@code commits} counts database transactions (a commit carries up to {@value
   * #MAX_GROUP_BATCHES} batches).
   */
  public record Stats(long batches, long events, long journalRows, long commits, long ticks, double batchP50Millis,
      double batchP99Millis, double batchMaxMillis, long journalSeq) {}

  private sealed interface Request permits Single, Multi, Query, StatsRequest, Stop {}

  private record Single(LedgerEvent event, CompletableFuture<EventResult> future) implements Request {}

  private record Multi(List<LedgerEvent> events, LedgerTxWork work, CompletableFuture<List<EventResult>> future)
      implements Request {}

  private record Query<T>(Function<LedgerReads, T> function, CompletableFuture<T> future) implements Request {}

  /** Answered by the committer, which owns the counters. */
  private record StatsRequest(boolean reset, CompletableFuture<Stats> future) implements Request {}

  private record Stop() implements Request {}

  /** A query's answer, held until the batches before it are durable. */
  private record Answer(CompletableFuture<Object> future, Object value, Throwable error) {}

  /**
   * One applied batch on its way to the disk.
   *
   * @param entry the journal row to write, or null (a batch of queries or caller work only)
   */
  private record Applied(List<Request> requests, JournalEntry entry, List<EventResult> results, List<Answer> answers,
      boolean hasWork, long startedNanos) {}

  /** Tells the committer that the writer thread has finished. */
  private static final Applied END = new Applied(List.of(), null, List.of(), List.of(), false, 0);

  private final Store store;
  private final Config config;
  private final Ledger ledger;
  private final ArrayBlockingQueue<Request> queue;
  private final ArrayBlockingQueue<Applied> applied = new ArrayBlockingQueue<>(MAX_GROUP_BATCHES);
  private final Thread thread;
  private final Thread committer;
  private final Reads reads = new Reads();

  private volatile Throwable failure;
  private volatile boolean closing;
  /** Set by the writer thread before its final drain; submitters re-check it after enqueuing. */
  private volatile boolean terminated;

  // Owned by the writer thread.
  private final ArrayList<Request> drained = new ArrayList<>();
  /** Submissions taken off the queue but not yet in a batch, in order; at most one batch's worth. */
  private final ArrayDeque<Request> taken = new ArrayDeque<>();
  private final ArrayList<LedgerEvent> events = new ArrayList<>();
  private volatile long ticks;

  // Owned by the committer thread.
  private final ArrayList<Applied> group = new ArrayList<>(MAX_GROUP_BATCHES + 1);
  private final long[] latencyNanos = new long[LATENCY_WINDOW];
  private long recorded;
  private long batches;
  private long eventsApplied;
  private long journalRows;
  private long commits;

  private LedgerWriter(Store store, Config config, Ledger ledger) {
    this.store = store;
    this.config = config;
    this.ledger = ledger;
    this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    this.thread = new Thread(this::run, "ledger-writer");
    this.committer = new Thread(this::commitLoop, "ledger-committer");
    // Daemons: dying with the JVM mid-batch is a crash, and crashes are safe by construction.
    thread.setDaemon(true);
    committer.setDaemon(true);
  }

  /**
   * Rebuilds the ledger by replaying the store's journal (checking its hash chain) and starts the
   * writer thread.
   *
   * @throws JournalCorruptException when the journal fails a check; the writer does not start
   */
  public static LedgerWriter start(Store store, Config config) {
    Ledger ledger = rebuild(store);
    LedgerWriter writer = new LedgerWriter(store, config, ledger);
    writer.committer.start();
    writer.thread.start();
    return writer;
  }

  /** Replays the whole journal into a new ledger and checks every invariant from scratch. */
  public static Ledger rebuild(Store store) {
    Ledger ledger = new Ledger();
    store.replay((seq, timestampNanos, batch) -> {
      try {
        ledger.apply(timestampNanos, batch);
      } catch (RuntimeException | AssertionError e) {
        throw new JournalCorruptException(seq, "replaying the batch failed: " + e.getMessage(), e);
      }
    });
    ledger.verifyFully();
    return ledger;
  }

  // ---------------------------------------------------------------------------------------
  // Submitting.
  // ---------------------------------------------------------------------------------------

  /** Submits one event; the future completes with its result once its batch is durable. */
  public CompletableFuture<EventResult> submit(LedgerEvent event) {
    Objects.requireNonNull(event, "event");
    CompletableFuture<EventResult> future = new CompletableFuture<>();
    enqueue(new Single(event, future), future);
    return future;
  }

  /**
   * Submits events that go into one batch together (so a linked chain is never split), in order.
   * The future completes with one result per event once the batch is durable.
   */
  public CompletableFuture<List<EventResult>> submitAll(List<LedgerEvent> batch) {
    return submitAll(batch, null);
  }

  /**
   * Like {@link #submitAll(List)}, and runs {@code work} with the events' results in the same
   * database transaction as their journal row. {@code batch} may be empty to make only {@code
   * work} durable in order with the ledger.
   */
  public CompletableFuture<List<EventResult>> submitAll(List<LedgerEvent> batch, LedgerTxWork work) {
    List<LedgerEvent> copy = List.copyOf(batch);
    if (copy.size() > config.maxBatchEvents()) {
      throw new IllegalArgumentException(
          "a submission of " + copy.size() + " events exceeds the batch limit of " + config.maxBatchEvents());
    }
    if (copy.isEmpty() && work == null) {
      throw new IllegalArgumentException("an empty submission needs work to do");
    }
    CompletableFuture<List<EventResult>> future = new CompletableFuture<>();
    enqueue(new Multi(copy, work, future), future);
    return future;
  }

  /**
   * Runs {@code function} on the writer thread between batches. It sees every batch acknowledged
   * before the call and possibly batches submitted concurrently; its answer is released only once
   * every batch it saw is durable. It must be quick and must not keep {@link LedgerReads} beyond
   * the call.
   */
  public <T> CompletableFuture<T> query(Function<LedgerReads, T> function) {
    Objects.requireNonNull(function, "function");
    CompletableFuture<T> future = new CompletableFuture<>();
    enqueue(new Query<>(function, future), future);
    return future;
  }

  /** Counters and latency percentiles, as of every batch submitted before this call. */
  public CompletableFuture<Stats> stats() {
    CompletableFuture<Stats> future = new CompletableFuture<>();
    enqueue(new StatsRequest(false, future), future);
    return future;
  }

  /** Like {@link #stats()}, then starts the latency window afresh (for interval metrics, benchmarks). */
  public CompletableFuture<Stats> statsAndReset() {
    CompletableFuture<Stats> future = new CompletableFuture<>();
    enqueue(new StatsRequest(true, future), future);
    return future;
  }

  private void enqueue(Request request, CompletableFuture<?> future) {
    Throwable failed = failure;
    if (failed != null) {
      future.completeExceptionally(stoppedAfterFailure(failed));
      return;
    }
    if (closing) {
      future.completeExceptionally(new WriterStoppedException("ledger writer is closed", null));
      return;
    }
    boolean taken;
    try {
      taken = queue.offer(request, config.submitTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.completeExceptionally(new WriterStoppedException("interrupted while waiting for room in the ledger writer queue", e));
      return;
    }
    if (!taken) {
      future.completeExceptionally(new WriterOverloadedException("ledger writer queue full (" + config.queueCapacity()
          + " submissions) for " + config.submitTimeout().toMillis() + " ms; nothing was applied, retry later"));
      return;
    }
    // The writer may have finished its last drain just before our offer: take the request back.
    if (terminated && queue.remove(request)) {
      Throwable f = failure;
      future.completeExceptionally(f != null ? stoppedAfterFailure(f) : new WriterStoppedException("ledger writer is closed", null));
    }
  }

  private WriterStoppedException stoppedAfterFailure(Throwable cause) {
    return new WriterStoppedException("ledger writer stopped: a batch failed to apply or to become durable, so the"
        + " in-memory ledger may be ahead of the store; restart the node to rebuild from the journal ("
        + Store.rootMessage(cause) + ")", cause);
  }

  /** True when the writer has stopped after a failure; submissions then fail at once. */
  public boolean failed() {
    return failure != null;
  }

  // ---------------------------------------------------------------------------------------
  // The writer thread: drain, apply, hand over.
  // ---------------------------------------------------------------------------------------

  private void run() {
    try {
      loop();
    } catch (InterruptedException e) {
      fail(new WriterStoppedException("ledger writer thread interrupted", e));
    } catch (Throwable e) {
      fail(e);
    } finally {
      terminated = true;
      drainAfterStop();
      handOverEnd();
    }
  }

  private void loop() throws InterruptedException {
    final int maxEvents = config.maxBatchEvents();
    while (failure == null) {
      Request first = taken.isEmpty() ? queue.poll(pollTimeoutNanos(), TimeUnit.NANOSECONDS) : taken.pollFirst();
      if (first == null) {
        if (config.clock().nowNanos() >= ledger.nextExpiryNanos()) {
          tick();
        }
        continue;
      }
      if (first instanceof Stop) {
        return;
      }
      drained.add(first);
      int count = eventCount(first);
      boolean stop = false;
      while (count < maxEvents) {
        if (taken.isEmpty()) {
          // One lock round trip for many submissions; never more than the batch has room for,
          // so the writer's own backlog stays bounded by one batch.
          queue.drainTo(taken, maxEvents - count);
          if (taken.isEmpty()) {
            break;
          }
        }
        Request next = taken.peekFirst();
        int n = eventCount(next);
        if (count + n > maxEvents) {
          break; // Stays first in line for the next batch: a submission is never split.
        }
        taken.pollFirst();
        if (next instanceof Stop) {
          stop = true;
          break;
        }
        drained.add(next);
        count += n;
      }
      applyBatch();
      if (stop) {
        return;
      }
    }
  }

  private long pollTimeoutNanos() {
    long tick = config.tickInterval().toNanos();
    long next = ledger.nextExpiryNanos();
    if (next == Long.MAX_VALUE) {
      return tick;
    }
    long untilDue = next - config.clock().nowNanos();
    return Math.max(1_000_000L, Math.min(tick, untilDue));
  }

  private static int eventCount(Request r) {
    return switch (r) {
      case Single s -> 1;
      case Multi m -> m.events().size();
      case Query<?> q -> 0;
      case StatsRequest s -> 0;
      case Stop s -> 0;
    };
  }

  private long nextTimestamp() {
    long floor = ledger.lastTimestampNanos() + 1;
    return Math.max(config.clock().nowNanos(), floor);
  }

  /** An empty batch: lapses due pending transfers, journaled only when it lapsed any. */
  private void tick() throws InterruptedException {
    long started = System.nanoTime();
    long timestamp = nextTimestamp();
    BatchResult result = ledger.apply(timestamp, List.of());
    ticks++;
    if (!result.expiredPendingIds().isEmpty()) {
      handOver(new Applied(List.of(), new JournalEntry(timestamp, List.of()), List.of(), List.of(), false, started));
    }
  }

  private void applyBatch() throws InterruptedException {
    long started = System.nanoTime();
    boolean hasWork = false;
    List<Answer> answers = List.of();
    try {
      for (Request r : drained) {
        switch (r) {
          case Single s -> events.add(s.event());
          case Multi m -> {
            events.addAll(m.events());
            hasWork |= m.work() != null;
          }
          case Query<?> q -> {}
          case StatsRequest s -> {}
          case Stop s -> throw new IllegalStateException("stop request inside a batch");
        }
      }
      JournalEntry entry = null;
      List<EventResult> results = List.of();
      if (!events.isEmpty() || hasWork) {
        long timestamp = nextTimestamp();
        BatchResult result = ledger.apply(timestamp, events);
        if (result.size() != events.size()) {
          throw new IllegalStateException("ledger answered " + result.size() + " results for " + events.size() + " events");
        }
        results = result.results();
        if (!events.isEmpty() || !result.expiredPendingIds().isEmpty()) {
          entry = new JournalEntry(timestamp, events);
        }
      }
      // Queries read the state just applied; their answers wait for the commit with the batch.
      for (Request r : drained) {
        if (r instanceof Query<?> q) {
          if (answers.isEmpty()) {
            answers = new ArrayList<>();
          }
          answers.add(answer(q));
        }
      }
      handOver(new Applied(List.copyOf(drained), entry, results, answers, hasWork, started));
    } catch (Throwable e) {
      fail(e);
      for (Request r : drained) {
        failRequest(r, e);
      }
      throw e;
    } finally {
      drained.clear();
      events.clear();
    }
  }

  @SuppressWarnings("unchecked")
  private Answer answer(Query<?> q) {
    CompletableFuture<Object> future = (CompletableFuture<Object>) q.future();
    try {
      return new Answer(future, q.function().apply(reads), null);
    } catch (RuntimeException e) {
      return new Answer(future, null, e);
    }
    // An InvariantViolationError propagates: a read that finds the ledger inconsistent stops the
    // writer like a batch would.
  }

  /** Waits for room in the committer's hands, giving up once the committer has failed. */
  private void handOver(Applied a) throws InterruptedException {
    while (!applied.offer(a, 10, TimeUnit.MILLISECONDS)) {
      Throwable f = failure;
      if (f != null) {
        throw new BatchFailed(f);
      }
    }
  }

  /** Always delivered, so the committer learns the writer is done even after a failure. */
  private void handOverEnd() {
    boolean interrupted = false;
    while (true) {
      try {
        applied.put(END);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Unwinds the writer loop after the committer failed; the futures are failed by the committer. */
  private static final class BatchFailed extends RuntimeException {
    BatchFailed(Throwable cause) {
      super(cause);
    }
  }

  private void fail(Throwable e) {
    if (failure == null) {
      failure = e instanceof BatchFailed ? e.getCause() : e;
    }
  }

  private void failRequest(Request r, Throwable cause) {
    WriterStoppedException stopped = cause == null
        ? new WriterStoppedException("ledger writer is closed", null)
        : stoppedAfterFailure(cause instanceof BatchFailed ? cause.getCause() : cause);
    switch (r) {
      case Single s -> s.future().completeExceptionally(stopped);
      case Multi m -> m.future().completeExceptionally(stopped);
      case Query<?> q -> q.future().completeExceptionally(stopped);
      case StatsRequest s -> s.future().completeExceptionally(stopped);
      case Stop s -> {}
    }
  }

  private void drainAfterStop() {
    Request r;
    while ((r = taken.pollFirst()) != null) {
      failRequest(r, failure);
    }
    while ((r = queue.poll()) != null) {
      failRequest(r, failure);
    }
  }

  // ---------------------------------------------------------------------------------------
  // The committer thread: group commit, then acknowledge.
  // ---------------------------------------------------------------------------------------

  private void commitLoop() {
    boolean ended = false;
    while (!ended) {
      Applied first;
      try {
        first = applied.take();
      } catch (InterruptedException e) {
        fail(new WriterStoppedException("ledger committer thread interrupted", e));
        continue; // Keep draining until the writer's END, failing what arrives.
      }
      group.add(first);
      applied.drainTo(group, MAX_GROUP_BATCHES - 1);
      if (group.get(group.size() - 1) == END) {
        group.remove(group.size() - 1);
        ended = true;
      }
      if (group.contains(END)) {
        throw new IllegalStateException("END handed over before other batches");
      }
      commitGroup();
      group.clear();
    }
  }

  private void commitGroup() {
    if (group.isEmpty()) {
      return;
    }
    Throwable f = failure;
    if (f == null) {
      try {
        List<JournalEntry> entries = new ArrayList<>(group.size());
        boolean hasWork = false;
        for (Applied a : group) {
          if (a.entry() != null) {
            entries.add(a.entry());
          }
          hasWork |= a.hasWork();
        }
        if (!entries.isEmpty() || hasWork) {
          store.commit(entries, hasWork ? this::runWork : TxWork.NONE);
          commits++;
          journalRows += entries.size();
        }
      } catch (Throwable e) {
        fail(e);
        f = failure;
      }
    }
    long now = System.nanoTime();
    for (Applied a : group) {
      if (f != null) {
        for (Request r : a.requests()) {
          failRequest(r, f);
        }
        continue;
      }
      if (a.entry() != null || a.hasWork()) {
        batches++;
        eventsApplied += a.results().size();
        latencyNanos[(int) (recorded++ % LATENCY_WINDOW)] = now - a.startedNanos();
      }
      complete(a);
    }
  }

  private void runWork(Connection connection) throws SQLException {
    for (Applied a : group) {
      if (!a.hasWork()) {
        continue;
      }
      int offset = 0;
      for (Request r : a.requests()) {
        int n = eventCount(r);
        if (r instanceof Multi m && m.work() != null) {
          m.work().run(connection, a.results().subList(offset, offset + n));
        }
        offset += n;
      }
    }
  }

  private void complete(Applied a) {
    int offset = 0;
    List<EventResult> results = a.results();
    for (Request r : a.requests()) {
      switch (r) {
        case Single s -> s.future().complete(results.get(offset++));
        case Multi m -> {
          int n = m.events().size();
          m.future().complete(List.copyOf(results.subList(offset, offset + n)));
          offset += n;
        }
        case StatsRequest s -> {
          s.future().complete(statsNow());
          if (s.reset()) {
            recorded = 0;
          }
        }
        case Query<?> q -> {}
        case Stop s -> {}
      }
    }
    if (offset != results.size()) {
      throw new IllegalStateException("completed " + offset + " of " + results.size() + " results");
    }
    for (Answer answer : a.answers()) {
      if (answer.error() != null) {
        answer.future().completeExceptionally(answer.error());
      } else {
        answer.future().complete(answer.value());
      }
    }
  }

  private Stats statsNow() {
    int n = (int) Math.min(recorded, LATENCY_WINDOW);
    long[] sorted = Arrays.copyOf(latencyNanos, n);
    Arrays.sort(sorted);
    return new Stats(batches, eventsApplied, journalRows, commits, ticks, percentileMillis(sorted, 0.50),
        percentileMillis(sorted, 0.99), n == 0 ? 0 : sorted[n - 1] / 1e6, store.tail().seq());
  }

  private static double percentileMillis(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  // ---------------------------------------------------------------------------------------
  // Shutdown.
  // ---------------------------------------------------------------------------------------

  /**
   * Lets the writer finish what was submitted before this call, makes it durable, then stops both
   * threads. Later submissions fail with {@link WriterStoppedException}. Does not close the store.
   */
  @Override
  public void close() {
    closing = true;
    try {
      if (thread.isAlive() && !queue.offer(new Stop(), 1, TimeUnit.MINUTES)) {
        thread.interrupt();
      }
      thread.join(TimeUnit.MINUTES.toMillis(1));
      committer.join(TimeUnit.MINUTES.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive() || committer.isAlive()) {
      throw new IllegalStateException("ledger writer did not stop within a minute");
    }
  }

  /** The writer thread, for tests that must know who runs queries. */
  Thread thread() {
    return thread;
  }

  /** Read access for queries; refuses any thread but the writer's so it cannot leak. */
  private final class Reads implements LedgerReads {
    private void check() {
      if (Thread.currentThread() != thread) {
        throw new IllegalStateException("LedgerReads used outside its query, on thread " + Thread.currentThread().getName());
      }
    }

    @Override
    public Optional<AccountView> account(Id128 id) {
      check();
      return ledger.account(id);
    }

    @Override
    public Optional<TransferView> transfer(Id128 id) {
      check();
      return ledger.transfer(id);
    }

    @Override
    public void forEachAccount(Consumer<AccountView> consumer) {
      check();
      ledger.forEachAccount(consumer);
    }

    @Override
    public Map<String, CurrencyTotals> currencyTotals() {
      check();
      return ledger.currencyTotals();
    }

    @Override
    public int accountCount() {
      check();
      return ledger.accountCount();
    }

    @Override
    public int transferCount() {
      check();
      return ledger.transferCount();
    }

    @Override
    public long lastTimestampNanos() {
      check();
      return ledger.lastTimestampNanos();
    }

    @Override
    public void verifyFully() {
      check();
      ledger.verifyFully();
    }
  }
}
