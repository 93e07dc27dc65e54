package org.rialto.node.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.rialto.ledger.AccountFlags;
import org.rialto.ledger.AccountKind;
import org.rialto.ledger.EventResult;
import org.rialto.ledger.Id128;
import org.rialto.ledger.LedgerEvent;
import org.rialto.ledger.TransferFlags;
import org.rialto.node.payment.Payment;
import org.rialto.node.payment.PaymentState;
import org.rialto.node.rtgs.LiquiditySaving;
import org.rialto.node.rtgs.PaymentQueues;
import org.rialto.node.rtgs.Priority;
import org.rialto.node.rtgs.QueuedPayment;

/**
 * The node's single writer. It owns the ledger, the payments, the RTGS queues and the banks'
 * inboxes; everything else talks to it through one bounded queue. Each loop turn takes what is
 * waiting (up to {@link #MAX_COMMANDS_PER_BATCH}), validates it fully against current state,
 * applies the resulting ledger events, runs the liquidity-saving mechanism, makes the whole turn
 * durable in ONE database transaction, and only then answers the callers. A caller that got an
 * answer therefore never loses it, whatever happens next (DESIGN invariant 6).
 */
public final class NodeEngine implements AutoCloseable {
  public static final int MAX_COMMANDS_PER_BATCH = 4_096;
  public static final int QUEUE_CAPACITY = 65_536;
  /** How long callers wait for queue space before they are told the node is overloaded. */
  public static final long ENQUEUE_TIMEOUT_MILLIS = 2_000;
  /** The writer wakes at least this often to expire reject times and retry the queues. */
  public static final long TICK_MILLIS = 50;
  /**
   * Turns applied in memory but not yet durable. The writer applies turn N+1 while turn N is
   * being committed (fsync); a few turns of slack let the committer group them into one
   * transaction when the disk is slower than the writer.
   */
  public static final int MAX_TURNS_IN_FLIGHT = 8;
  /** Turns one group commit may carry (each turn also keeps its journal batches under the store's limit). */
  public static final int MAX_TURNS_PER_COMMIT = 8;
  /**
   * System property that makes the writer wait for each turn's commit before it starts the next
   * (no pipelining, so no group commit): how the node worked before, kept as the benchmark's
   * baseline only. Never set in production; it costs most of the throughput.
   */
  public static final String SERIAL_COMMITS_PROPERTY = "rialto.writer.serialCommits";
  private final boolean serialCommits = Boolean.getBoolean(SERIAL_COMMITS_PROPERTY);

  /** How long the writer waits for the committer before it calls the store stuck and stops. */
  public static final long DURABLE_WAIT_MILLIS = 120_000;

  /**
   * A caller's command and the future the caller holds. The command's own future is completed by
   * the turn on the writer thread (its answer reads the state of that turn); the caller's future
   * is completed from it only once that turn is durable.
   */
  private record Envelope(Command command, CompletableFuture<Object> reply) {}

  /** A turn applied in memory, with what must happen once it is durable. */
  private record Sealed(long turnNumber, Turn turn, List<Envelope> envelopes, long bankMessageHighWater, long applyNanos) {}

  /** One credit transfer instruction (one transaction of a pacs.008, or one JSON payment). */
  public record Instruction(
      UUID uetr,
      String endToEndId,
      String debtorBic,
      String creditorBic,
      long amountMinor,
      String currency,
      Priority priority,
      long rejectAtMillis,
      String debtorName,
      String creditorName,
      String remittance,
      String quoteId,
      String contentHash,
      org.rialto.node.payment.PartyDetails debtorDetails,
      org.rialto.node.payment.PartyDetails creditorDetails) {
    /** An instruction naming its customers only. */
    public Instruction(UUID uetr, String endToEndId, String debtorBic, String creditorBic, long amountMinor, String currency,
        Priority priority, long rejectAtMillis, String debtorName, String creditorName, String remittance, String quoteId,
        String contentHash) {
      this(uetr, endToEndId, debtorBic, creditorBic, amountMinor, currency, priority, rejectAtMillis, debtorName, creditorName,
          remittance, quoteId, contentHash, null, null);
    }
  }

  /** What a bank is told about one transaction: one of the externally visible states. */
  public record Outcome(UUID uetr, PaymentState state, String reasonCode) {}

  /** @param duplicateMessage the MsgId was seen before with the same content: original answer */
  public record SubmitResult(String msgId, List<Outcome> outcomes, boolean duplicateMessage) {}

  /** Read-only view of the writer's state, used by queries that run on the writer thread. */
  public interface View {
    /** The writer's record of a payment; a final one kept only in compact form is {@link NodeEngine#storedPayment}. */
    Optional<Payment> payment(UUID uetr);

    Optional<Participants.Participant> participant(String bic);

    List<Participants.Participant> participants();

    Balances.AccountBalance balance(String bic);

    PaymentQueues queues();

    long bankMessageHighWater();

    /**
     * Checks DESIGN invariants 1, 2 and 4 over the whole ledger and the node tables against it;
     * throws on any breach. Returns the per-currency totals and the payment counts by state.
     */
    Map<String, Object> verifyInvariants();

    List<Hold> holds(boolean openOnly);

    /** FX providers' positions on this node's quote book (empty without FX providers). */
    List<org.rialto.fx.FxPosition> fxPositions();

    String centralBankBic();

    /** BICs that quote on this node now: configured, and added since by four eyes. */
    java.util.Set<String> fxProviders();
  }

  private final String currency;
  private final Clock clock;
  private final NodeState state;
  private final ArrayBlockingQueue<Envelope> commands = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  /** Turns applied in memory, waiting for the committer; bounded so the writer cannot run far ahead of the disk. */
  private final ArrayBlockingQueue<Sealed> sealed = new ArrayBlockingQueue<>(MAX_TURNS_IN_FLIGHT);
  private final Thread writer;
  private final Thread committer;
  /** Turns handed to the committer (writer-only) and turns durable (committer writes, anyone reads). */
  private long sealedTurns;
  private volatile long durableTurns;
  /** Database transactions the committer made (several turns each when they queue up). */
  private volatile long commits;
  private final Object durableSignal = new Object();
  private volatile boolean running = true;
  private volatile Throwable failure;

  public NodeEngine(NodeState state, Clock clock) {
    this.state = state;
    this.currency = state.currency();
    this.clock = clock;
    this.writer = new Thread(this::runWriter, "rialto-writer-" + currency);
    this.writer.setDaemon(true);
    this.committer = new Thread(this::runCommitter, "rialto-committer-" + currency);
    this.committer.setDaemon(true);
  }

  public void start() {
    committer.start();
    writer.start();
  }

  // ---- Submitting work (any thread) ----

  public CompletableFuture<SubmitResult> submit(
      String senderBic, String msgId, String messageHash, List<Instruction> instructions) {
    var screenings = new java.util.ArrayList<Screening>(instructions.size());
    var sc = screener();
    for (var in : instructions) screenings.add(Screening.of(sc, in.debtorName(), in.debtorDetails(), in.creditorName(), in.creditorDetails()));
    return offer(new Command.Submit(senderBic, msgId, messageHash, List.copyOf(instructions), screenings, new CompletableFuture<>()));
  }

  public CompletableFuture<Outcome> cancel(UUID uetr, String requesterBic) {
    return offer(new Command.Cancel(uetr, requesterBic, new CompletableFuture<>()));
  }

  public CompletableFuture<Outcome> reorder(UUID uetr, Priority priority, boolean toFront, String requesterBic) {
    return offer(new Command.Reorder(uetr, priority, toFront, requesterBic, new CompletableFuture<>()));
  }

  public CompletableFuture<Outcome> returnPayment(
      UUID originalUetr, UUID returnUetr, long amountMinor, String reasonCode, String requesterBic) {
    return offer(new Command.Return(originalUetr, returnUetr, amountMinor, reasonCode, requesterBic, new CompletableFuture<>()));
  }

  /** @param actor who does it, for the audit trail (an operator, or "config" at start) */
  public CompletableFuture<Void> addParticipant(String actor, String bic, String name, String country, long creditLineMinor) {
    return offer(new Command.AddParticipant(actor, bic, name, country, creditLineMinor, new CompletableFuture<>()));
  }

  public CompletableFuture<Void> changeCreditLine(String actor, String bic, long creditLineMinor) {
    return offer(new Command.ChangeCreditLine(actor, bic, creditLineMinor, new CompletableFuture<>()));
  }

  public CompletableFuture<Void> liquidity(String actor, UUID requestId, String bic, long amountMinor, boolean inject) {
    return offer(new Command.Liquidity(actor, requestId, bic, amountMinor, inject, new CompletableFuture<>()));
  }

  public CompletableFuture<List<org.rialto.node.peer.PeerReply>> peerInbound(List<org.rialto.node.peer.PeerMessage> messages) {
    var screenings = new java.util.ArrayList<Screening>(messages.size());
    var sc = screener();
    for (var m : messages) {
      // A status request carries no names; it decides nothing new, so there is nothing to screen.
      screenings.add(m instanceof org.rialto.node.peer.PeerMessage.Transfer t
          ? Screening.of(sc, t.debtorName(), t.debtorDetails(), t.creditorName(), t.creditorDetails()) : Screening.NOT_SCREENED);
    }
    return offer(new Command.PeerInbound(List.copyOf(messages), screenings, new CompletableFuture<>()));
  }

  public CompletableFuture<Void> peerReplies(List<org.rialto.node.peer.DeliveredReply> replies) {
    return offer(new Command.PeerReplies(List.copyOf(replies), new CompletableFuture<>()));
  }

  /** Called on the writer thread after each commit, with what the dispatcher must send. */
  public interface CommitListener {
    void committed(List<org.rialto.node.peer.OutboxRow> newOutboxRows);
  }

  private volatile CommitListener commitListener;

  public void onCommit(CommitListener listener) {
    this.commitListener = listener;
  }

  public CompletableFuture<org.rialto.fx.PublishedRate> publishRate(String fxpBic, String sourceCurrency,
      String targetCurrency, long minSourceAmountMinor, long maxSourceAmountMinor, String rate, long fixedFeeMinor,
      int feeBasisPoints) {
    return offer(new Command.PublishRate(new QuoteDesk.RateInput(fxpBic, sourceCurrency, targetCurrency,
        minSourceAmountMinor, maxSourceAmountMinor, rate, fixedFeeMinor, feeBasisPoints), new CompletableFuture<>()));
  }

  public CompletableFuture<org.rialto.fx.QuoteResult> requestQuotes(String requesterBic, String sourceCurrency,
      String targetCurrency, long sourceAmountMinor, long targetAmountMinor) {
    return offer(new Command.RequestQuotes(new QuoteDesk.QuotesInput(requesterBic, sourceCurrency, targetCurrency,
        sourceAmountMinor, targetAmountMinor), new CompletableFuture<>()));
  }

  /** @return how many statements were produced */
  public CompletableFuture<Integer> dayClose(String actor, String businessDate) {
    return offer(new Command.DayClose(actor, businessDate, new CompletableFuture<>()));
  }

  /** How long a payment waits for the screener at start before the node says it is not ready. */
  public static final long SCREENER_WAIT_MILLIS = 120_000;

  private volatile java.util.concurrent.CompletableFuture<org.rialto.compliance.screening.Screener> screener;

  /**
   * The lists this node screens against (null: none); swapped whole when a new list version is
   * imported. A future, because indexing takes seconds and runs while the node starts.
   */
  public void useScreener(java.util.concurrent.CompletableFuture<org.rialto.compliance.screening.Screener> newScreener) {
    this.screener = newScreener;
  }

  /** The AML/CFT rules every payment is judged by; called before {@link #start()}, like the configuration it comes from. */
  public void useAml(org.rialto.compliance.aml.AmlRules rules) {
    if (writer.isAlive()) throw new IllegalStateException("AML rules are set before the writer starts");
    state.aml = NodeAml.of(rules, state.minorUnits);
  }

  private org.rialto.compliance.screening.Screener screener() {
    var future = screener;
    if (future == null) return null;
    try {
      return future.get(SCREENER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new NodeUnavailableException("sanctions lists are still being indexed; retry shortly");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new NodeUnavailableException("sanctions lists could not be loaded: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeUnavailableException("interrupted");
    }
  }

  public CompletableFuture<String> releaseHold(java.util.UUID uetr, String operator, String reason) {
    return offer(new Command.ReleaseHold(uetr, operator, reason, new CompletableFuture<>()));
  }

  public CompletableFuture<String> rejectHold(java.util.UUID uetr, String operator, String reasonCode, String reason) {
    return offer(new Command.RejectHold(uetr, operator, reasonCode, reason, new CompletableFuture<>()));
  }

  /**
   * Keeps accepted signed messages with their signatures. Enqueued before the work a message
   * asks for, so its evidence is durable in the same or an earlier transaction than its effects.
   */
  public CompletableFuture<Void> recordEvidence(List<org.rialto.security.jws.Evidence> evidence) {
    return offer(new Command.RecordEvidence(List.copyOf(evidence), new CompletableFuture<>()));
  }

  public CompletableFuture<Void> ensureSystemAccounts() {
    return offer(new Command.EnsureSystemAccounts(new CompletableFuture<>()));
  }

  /** Runs operator work on the writer, durable with its turn; see {@link OperatorWork}. */
  public <T> CompletableFuture<T> operators(OperatorWork<T> work) {
    return offer(new Command.Operators<>(work, new CompletableFuture<>()));
  }

  public <T> CompletableFuture<T> query(Function<View, T> read) {
    return offer(new Command.Query<>(read, new CompletableFuture<>()));
  }

  @SuppressWarnings("unchecked")
  private <T> CompletableFuture<T> offer(Command command) {
    var reply = new CompletableFuture<T>();
    if (failure != null) {
      reply.completeExceptionally(new NodeUnavailableException("node stopped: " + failure, failure));
      return reply;
    }
    try {
      if (!commands.offer(new Envelope(command, (CompletableFuture<Object>) reply), ENQUEUE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        reply.completeExceptionally(new NodeUnavailableException("node overloaded: queue full"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply.completeExceptionally(new NodeUnavailableException("interrupted"));
    }
    return reply;
  }

  /**
   * One bank's inbox as its long polls see it: the highest message id for it made durable since
   * the node started (0 before the first), guarded by the object itself, which is also what its
   * polls wait on. Per bank, so that a commit wakes only the polls of the banks it wrote to: one
   * monitor for all woke every poll of the node at every commit, and each woken poll read the
   * store again to find nothing (the node's 4 to 8 polls at 40-80 commits/s in the corridor).
   */
  private static final class BankInbox {
    long durableHighWater;
  }

  /** One entry per bank that has long-polled since the start: bounded by the node's participants. */
  private final java.util.concurrent.ConcurrentHashMap<String, BankInbox> bankInboxes = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Where bank {@code bic}'s inbox stands now. Take it before reading the inbox, then
   * {@link #awaitInbox} with it: a commit between the read and the wait is not slept through.
   */
  public long inboxMark(String bic) {
    BankInbox inbox = bankInboxes.computeIfAbsent(bic, b -> new BankInbox());
    synchronized (inbox) {
      return inbox.durableHighWater;
    }
  }

  /** Blocks until a commit wrote to bank {@code bic}'s inbox after {@code mark} was taken, or the wait ends. */
  public void awaitInbox(String bic, long mark, long waitMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    BankInbox inbox = bankInboxes.computeIfAbsent(bic, b -> new BankInbox());
    synchronized (inbox) {
      while (inbox.durableHighWater <= mark) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) return;
        inbox.wait(left);
      }
    }
  }

  /** After a commit: wakes the polls of the banks whose inboxes it wrote to, and only those. */
  private void signalInboxes(List<Sealed> group) {
    // Hundreds of messages a commit for a handful of banks: each bank's monitor taken once.
    var highest = new java.util.HashMap<String, Long>();
    for (var g : group) {
      for (var m : g.turn().bankMessages) highest.merge(m.bic(), m.id(), Math::max);
    }
    for (var e : highest.entrySet()) {
      BankInbox inbox = bankInboxes.get(e.getKey());
      // A bank that never polled has no waiter; when it polls it reads the store, which has these.
      if (inbox == null) continue;
      synchronized (inbox) {
        if (e.getValue() > inbox.durableHighWater) {
          inbox.durableHighWater = e.getValue();
          inbox.notifyAll();
        }
      }
    }
  }

  /** Where each payment's row is, for readers on other threads. */
  public PaymentIndex paymentIndex() {
    return state.paymentIndex;
  }

  /**
   * The stored row of a payment the writer no longer holds as a record (a final one, compacted;
   * see NodeState#payments), for a caller whose {@link View#payment} query found none. Read on
   * the caller's thread, not the writer's: a store read on the writer would hold up every payment
   * behind it, and the row of a compacted payment is durable and no longer changes but by a
   * return, which takes the payment back as a record first.
   */
  public Optional<Payment> storedPayment(UUID uetr) {
    var key = state.paymentIndex.rowOf(uetr);
    if (key.isEmpty()) return Optional.empty();
    return state.persistence.payment(key.getAsLong());
  }

  /** Highest inbox message id that is durable (for any bank). */
  public long inboxHighWater() {
    return state.bankMessageHighWater();
  }

  /**
   * The transfer a payment forwards to its peer, built from its payment and cross-border records
   * as the writer built it when it prepared leg 1 (both are fixed from then on). Read at start,
   * before the writer runs, for the outbox rows still waiting for an answer.
   */
  public org.rialto.node.peer.PeerMessage.Transfer forwardedTransfer(UUID uetr) {
    if (writer.isAlive()) throw new IllegalStateException("the writer owns the payments once it runs");
    var p = state.payments.get(uetr);
    var cb = state.crossBorder.get(uetr);
    if (p == null || cb == null || cb.role() != org.rialto.node.payment.CrossBorder.Role.OUTGOING) {
      throw new IllegalStateException("outbox row of " + uetr + " without its outgoing payment and cross-border rows");
    }
    return PeerProtocol.transfer(state.nodeId, p, cb);
  }

  /** Turns applied and transactions committed so far: how much work is shared per turn, for benchmarks. */
  public record WriterCounts(long turns, long commits) {}

  public WriterCounts writerCounts() {
    return new WriterCounts(durableTurns, commits);
  }

  /** How many of the last commits {@link #recentCommits} keeps: a few seconds of commits at full rate. */
  static final int RECENT_COMMITS = 8_192;
  /**
   * Per commit: start, length, then the store's write, sync and catch-up nanoseconds, the turns it
   * held, the WAL copy made after it, and the wait for a store connection.
   */
  private static final int COMMIT_FIELDS = 8;
  /** The last commits, a ring the committer alone writes. */
  private final long[] recentCommitNanos = new long[COMMIT_FIELDS * RECENT_COMMITS];

  /**
   * The commits that started at or after {@code sinceNanos} (of the last {@link
   * #RECENT_COMMITS}), each {@code [start, length, write, sync, catchUp, turns, afterCommit, connection]} in System.nanoTime
   * nanoseconds (turns a count), for the bench's attribution of slow answers to slow commits.
   * Read while the committer runs: an entry being overwritten may be off, which a diagnostic
   * tolerates.
   */
  public List<long[]> recentCommits(long sinceNanos) {
    long n = commits;
    var out = new ArrayList<long[]>();
    for (long i = Math.max(0, n - RECENT_COMMITS); i < n; i++) {
      int at = (int) (i % RECENT_COMMITS) * COMMIT_FIELDS;
      if (recentCommitNanos[at] - sinceNanos >= 0) out.add(java.util.Arrays.copyOfRange(recentCommitNanos, at, at + COMMIT_FIELDS));
    }
    return out;
  }

  /** The store's background WAL copies since {@code sinceNanos}, {@code [start, length, walFrames]}, for the same account. */
  public List<long[]> recentCheckpoints(long sinceNanos) {
    return state.persistence.recentCheckpoints(sinceNanos);
  }

  /** The committer's stacks in commits whose rows ran long, for the same account (see {@code Store#slowCommitSamples}). */
  public List<org.rialto.store.SlowCommitSampler.Sample> slowCommitSamples(long sinceNanos) {
    return state.persistence.slowCommitSamples(sinceNanos);
  }

  public boolean isHealthy() {
    return running && failure == null && writer.isAlive() && committer.isAlive();
  }

  public Throwable failure() {
    return failure;
  }

  // ---- The writer ----

  static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("rialto.node");

  private void runWriter() {
    org.rialto.node.log.Logs.node(state.nodeId);
    var drained = new ArrayList<Envelope>(MAX_COMMANDS_PER_BATCH);
    long lastTick = 0;
    try {
      while (running && failure == null) {
        Envelope first = commands.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
        if (first != null) {
          drained.add(first);
          commands.drainTo(drained, MAX_COMMANDS_PER_BATCH - 1);
        }
        long nowMillis = clock.millis();
        boolean tick = nowMillis - lastTick >= TICK_MILLIS;
        // Not only on ticks: a node catching up on missed cut-offs closes one day per turn.
        var dayClose = automaticDayClose(nowMillis);
        if (drained.isEmpty() && !tick && dayClose == null) continue;
        if (tick) lastTick = nowMillis;
        processTurn(drained, nowMillis, tick, dayClose);
        drained = new ArrayList<>(MAX_COMMANDS_PER_BATCH);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      // Fail-stop: the in-memory state may be ahead of the disk; only a restart (which rebuilds
      // from the store) is safe. Tell every waiting caller.
      fail(t);
      for (Envelope e : drained) e.reply().completeExceptionally(new NodeUnavailableException("node stopped", t));
      LOG.error("writer stopped", t);
    } finally {
      writerDone = true;
    }
  }

  private volatile boolean writerDone;

  private void fail(Throwable t) {
    if (failure == null) failure = t;
    running = false;
    Envelope e;
    while ((e = commands.poll()) != null) e.reply().completeExceptionally(new NodeUnavailableException("node stopped", t));
    synchronized (durableSignal) {
      durableSignal.notifyAll();
    }
  }

  /** Payments a sealed turn made final, waiting (writer-only) for that turn to be durable. */
  private record FinalPayments(long turnNumber, List<org.rialto.node.payment.Payment> payments) {}

  /** Bounded by the turns in flight (the sealed queue) plus the one being applied. */
  private final java.util.ArrayDeque<FinalPayments> awaitingCompaction = new java.util.ArrayDeque<>();

  /**
   * Moves the final domestic payments of durable turns out of the writer's records into the
   * compact index (see NodeState#payments). Only once durable: from then on the row in the store
   * is the payment's whole story, so a reader sent there finds it, and a crash cannot take back
   * what the compact record says. A payment changed again by a later turn (a return) is left
   * for that turn.
   */
  void compactDurable() {
    long durable = durableTurns;
    while (!awaitingCompaction.isEmpty() && awaitingCompaction.peekFirst().turnNumber() <= durable) {
      for (var p : awaitingCompaction.pollFirst().payments()) {
        if (state.payments.get(p.uetr()) != p) continue;
        // Its cross-border record leaves with it: the index keeps the side and the peer, the store the rest.
        var cb = state.crossBorder.remove(p.uetr());
        state.paymentIndex.compact(p.uetr(), p.state(), p.reasonCode(), p.amountMinor(), p.senderBic(), p.debtorBic(),
            p.creditorBic(), p.contentHash(), cb == null ? null : cb.role(), cb == null ? null : cb.peerNode());
        state.payments.remove(p.uetr());
      }
    }
  }

  private void processTurn(List<Envelope> drained, long nowMillis, boolean tick, Command.DayClose dayClose) throws Exception {
    compactDurable();
    boolean readsStore = dayClose != null;
    for (Envelope e : drained) readsStore |= e.command() instanceof Command.DayClose;
    // A day close sums the bookings already on disk: every turn before it must be durable first.
    if (readsStore) awaitDurable(sealedTurns);
    long startNanos = System.nanoTime();
    var turn = new Turn(state, nowMillis);
    for (Envelope e : drained) {
      Command command = e.command();
      try {
        handle(command, turn);
      } catch (RejectException ex) {
        turn.afterCommit(() -> command.future().completeExceptionally(ex));
      }
    }
    if (dayClose != null) {
      try {
        handle(dayClose, turn);
      } catch (RejectException | org.rialto.store.StoreException ex) {
        // Refused (an operator closed ahead) or the bookings could not be read: nothing changed
        // yet (the sums are read before anything else), so the writer goes on and tries later.
        LOG.warn("automatic day close of {} not done: {}", dayClose.businessDate(), ex.getMessage());
        autoCloseSuspendedUntilMillis = nowMillis + AUTO_CLOSE_RETRY_MILLIS;
      }
    }
    turn.applyLedger();
    if (tick) turn.expireRejectTimes();
    turn.settleQueues();
    turn.finish();
    // Answers are read now, from this turn's state, and handed to callers once it is durable.
    turn.completeAll();
    long applyNanos = System.nanoTime() - startNanos;
    state.metrics.turn(drained.size(), turn.ledgerEventCount);
    for (var pr : org.rialto.node.rtgs.Priority.values()) state.metrics.queueDepth(pr.name(), state.queues.countByPriority(pr));
    var item = new Sealed(++sealedTurns, turn, drained, state.allocatedBankMessageHighWater(), applyNanos);
    var finals = new ArrayList<org.rialto.node.payment.Payment>();
    for (var p : turn.changedPayments.values()) {
      // Cross-border ones too: once final, the peer protocol needs only the state, the reason and
      // the cross-border record (kept), and the ledger cross-check the state and the legs.
      if (p.state().isFinal()) finals.add(p);
    }
    if (!finals.isEmpty()) awaitingCompaction.addLast(new FinalPayments(item.turnNumber(), finals));
    while (!sealed.offer(item, TICK_MILLIS, TimeUnit.MILLISECONDS)) {
      if (failure != null) throw new NodeUnavailableException("committer stopped: " + failure, failure);
    }
    if (serialCommits) awaitDurable(item.turnNumber());
  }

  /** Who closes a business day when its cut-off passes, in the audit trail. */
  public static final String AUTOMATIC_DAY_CLOSE_ACTOR = "system:day-close";
  /** After a refused automatic close (an operator closed ahead, say), when to look again. */
  static final long AUTO_CLOSE_RETRY_MILLIS = 60_000;
  private long autoCloseSuspendedUntilMillis;

  /**
   * The business day to close now, if one has ended and is not closed: the day after the last
   * closed one (or the node's first business day), once the calendar's value date has moved past
   * it (cut-off passed; midnight for 24/7). One day per tick, so a node that was down over
   * several cut-offs closes each missed day in order.
   */
  private Command.DayClose automaticDayClose(long nowMillis) {
    if (nowMillis < autoCloseSuspendedUntilMillis) return null;
    String next = state.lastClosedDate != null ? state.hours.nextBusinessDay(state.lastClosedDate) : state.firstBusinessDate;
    if (next == null) return null;
    String current = state.hours.valueDate(nowMillis);
    if (next.compareTo(current) >= 0) return null;
    return new Command.DayClose(AUTOMATIC_DAY_CLOSE_ACTOR, next, new CompletableFuture<>());
  }

  /** Blocks the writer until turn {@code turnNumber} and every turn before it are durable. */
  private void awaitDurable(long turnNumber) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DURABLE_WAIT_MILLIS);
    synchronized (durableSignal) {
      while (durableTurns < turnNumber) {
        if (failure != null) throw new NodeUnavailableException("committer stopped: " + failure, failure);
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMillis <= 0) throw new IllegalStateException("turn " + turnNumber + " not durable after " + DURABLE_WAIT_MILLIS + " ms");
        durableSignal.wait(leftMillis);
      }
    }
  }

  // ---- The committer ----

  /**
   * Makes sealed turns durable in order, several per transaction when they queue up, then
   * answers their callers, publishes their inbox rows and hands their outbox rows to the peers.
   * Nothing a turn did is visible outside the node before this.
   */
  private void runCommitter() {
    org.rialto.node.log.Logs.node(state.nodeId);
    var group = new ArrayList<Sealed>(MAX_TURNS_PER_COMMIT);
    try {
      while (true) {
        Sealed first = sealed.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (writerDone || failure != null) return;
          continue;
        }
        group.add(first);
        int entries = first.turn().ledgerBatches.size();
        Sealed next;
        while (group.size() < MAX_TURNS_PER_COMMIT && (next = sealed.peek()) != null
            && entries + next.turn().ledgerBatches.size() <= org.rialto.store.Store.MAX_ENTRIES_PER_COMMIT) {
          group.add(sealed.poll());
          entries += next.turn().ledgerBatches.size();
        }
        var turns = new ArrayList<Turn>(group.size());
        for (int i = 0; i < group.size(); i++) {
          var g = group.get(i);
          if (g.turnNumber() != durableTurns + 1 + i) {
            throw new IllegalStateException("turn " + g.turnNumber() + " out of order; expected " + (durableTurns + 1 + i));
          }
          turns.add(g.turn());
        }
        long commitStartNanos = System.nanoTime();
        state.persistence.commitAll(turns);
        long commitNanos = System.nanoTime() - commitStartNanos;
        int at = (int) (commits % RECENT_COMMITS) * COMMIT_FIELDS;
        long[] parts = state.persistence.lastCommitNanos();
        recentCommitNanos[at] = commitStartNanos;
        recentCommitNanos[at + 1] = commitNanos;
        recentCommitNanos[at + 2] = parts[0];
        recentCommitNanos[at + 3] = parts[1];
        recentCommitNanos[at + 4] = parts[2];
        recentCommitNanos[at + 5] = group.size();
        recentCommitNanos[at + 7] = parts[3];
        commits++;
        Sealed last = group.get(group.size() - 1);
        state.publishBankMessageHighWater(last.bankMessageHighWater());
        var listener = commitListener;
        for (var g : group) {
          if (listener != null && !g.turn().outbox.isEmpty()) listener.committed(g.turn().outbox);
          for (Envelope e : g.envelopes()) deliver(e);
          // A turn's time: applied on the writer, then its share of the group's commit.
          if (!g.envelopes().isEmpty()) state.metrics.turnTimes(g.applyNanos() + commitNanos, commitNanos);
          PaymentLog.committed(state.nodeId, g.turn().paymentEvents);
        }
        synchronized (durableSignal) {
          durableTurns = last.turnNumber();
          durableSignal.notifyAll();
        }
        signalInboxes(group);
        group.clear();
        // The store's WAL copy, when it wants one, only once this commit's callers have their
        // answers and no turn waits: then it delays nobody (the store makes it in a later commit
        // when the committer never runs out of work).
        if (sealed.isEmpty()) recentCommitNanos[at + 6] = state.persistence.afterCommit();
        else recentCommitNanos[at + 6] = 0;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      fail(t);
      for (var g : group) for (Envelope e : g.envelopes()) e.reply().completeExceptionally(new NodeUnavailableException("node stopped", t));
      Sealed s;
      while ((s = sealed.poll()) != null) for (Envelope e : s.envelopes()) e.reply().completeExceptionally(new NodeUnavailableException("node stopped", t));
      LOG.error("committer stopped", t);
    }
  }

  /** Passes the turn's answer (already fixed on the writer) to the caller, now that it is durable. */
  private static void deliver(Envelope e) {
    e.command().future().whenComplete((value, error) -> {
      if (error != null) e.reply().completeExceptionally(error);
      else e.reply().complete(value);
    });
  }

  private void handle(Command command, Turn turn) {
    switch (command) {
      case Command.Submit s -> turn.submit(s);
      case Command.Cancel c -> turn.cancel(c);
      case Command.Reorder r -> turn.reorder(r);
      case Command.Return r -> turn.returnPayment(r);
      case Command.AddParticipant a -> turn.addParticipant(a);
      case Command.ChangeCreditLine c -> turn.changeCreditLine(c);
      case Command.Liquidity l -> turn.liquidity(l);
      case Command.Query<?> q -> turn.query(q);
      case Command.EnsureSystemAccounts e -> turn.ensureSystemAccounts(e);
      case Command.RecordEvidence r -> turn.recordEvidence(r);
      case Command.PeerInbound p -> turn.peerInbound(p);
      case Command.PeerReplies r -> turn.peerReplies(r);
      case Command.PublishRate r -> turn.publishRate(r);
      case Command.RequestQuotes q -> turn.requestQuotes(q);
      case Command.DayClose d -> turn.dayClose(d);
      case Command.ReleaseHold r -> turn.releaseHold(r);
      case Command.RejectHold r -> turn.rejectHold(r);
      case Command.Operators<?> o -> turn.operators(o);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    writer.join(10_000);
    // The committer finishes the turns already applied, so their callers get their answers.
    committer.join(10_000);
  }
}
