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
      String contentHash) {}

  /** What a bank is told about one transaction: one of the externally visible states. */
  public record Outcome(UUID uetr, PaymentState state, String reasonCode) {}

  /** @param duplicateMessage the MsgId was seen before with the same content: original answer */
  public record SubmitResult(String msgId, List<Outcome> outcomes, boolean duplicateMessage) {}

  /** Read-only view of the writer's state, used by queries that run on the writer thread. */
  public interface View {
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
  }

  private final String currency;
  private final Clock clock;
  private final NodeState state;
  private final ArrayBlockingQueue<Command> commands = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread writer;
  private volatile boolean running = true;
  private volatile Throwable failure;
  private final Object inboxSignal = new Object();

  public NodeEngine(NodeState state, Clock clock) {
    this.state = state;
    this.currency = state.currency();
    this.clock = clock;
    this.writer = new Thread(this::runWriter, "rialto-writer-" + currency);
    this.writer.setDaemon(true);
  }

  public void start() {
    writer.start();
  }

  // ---- Submitting work (any thread) ----

  public CompletableFuture<SubmitResult> submit(
      String senderBic, String msgId, String messageHash, List<Instruction> instructions) {
    var screenings = new java.util.ArrayList<Screening>(instructions.size());
    var sc = screener();
    for (var in : instructions) screenings.add(Screening.of(sc, in.debtorName(), in.creditorName()));
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
          ? Screening.of(sc, t.debtorName(), t.creditorName()) : Screening.NOT_SCREENED);
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
    var future = (CompletableFuture<T>) command.future();
    if (failure != null) {
      future.completeExceptionally(new NodeUnavailableException("node stopped: " + failure, failure));
      return future;
    }
    try {
      if (!commands.offer(command, ENQUEUE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        future.completeExceptionally(new NodeUnavailableException("node overloaded: queue full"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.completeExceptionally(new NodeUnavailableException("interrupted"));
    }
    return future;
  }

  /** Blocks until a message for the bank beyond {@code afterId} exists or the wait ends. */
  public void awaitInbox(long afterId, long waitMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    synchronized (inboxSignal) {
      while (state.bankMessageHighWater() <= afterId) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) return;
        inboxSignal.wait(left);
      }
    }
  }

  /** Highest inbox message id that is durable (for any bank). */
  public long inboxHighWater() {
    return state.bankMessageHighWater();
  }

  public boolean isHealthy() {
    return running && failure == null && writer.isAlive();
  }

  public Throwable failure() {
    return failure;
  }

  // ---- The writer ----

  private void runWriter() {
    var drained = new ArrayList<Command>(MAX_COMMANDS_PER_BATCH);
    long lastTick = 0;
    try {
      while (running) {
        Command first = commands.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
        if (first != null) {
          drained.add(first);
          commands.drainTo(drained, MAX_COMMANDS_PER_BATCH - 1);
        }
        long nowMillis = clock.millis();
        boolean tick = nowMillis - lastTick >= TICK_MILLIS;
        if (drained.isEmpty() && !tick) continue;
        if (tick) lastTick = nowMillis;
        processTurn(drained, nowMillis, tick);
        drained.clear();
        synchronized (inboxSignal) {
          inboxSignal.notifyAll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      // Fail-stop: the in-memory state may be ahead of the disk; only a restart (which rebuilds
      // from the store) is safe. Tell every waiting caller.
      failure = t;
      running = false;
      for (Command c : drained) c.future().completeExceptionally(new NodeUnavailableException("node stopped", t));
      Command c;
      while ((c = commands.poll()) != null) c.future().completeExceptionally(new NodeUnavailableException("node stopped", t));
      System.err.println("rialto: writer stopped: " + t);
      t.printStackTrace();
    }
  }

  private void processTurn(List<Command> drained, long nowMillis, boolean tick) throws Exception {
    long startNanos = System.nanoTime();
    var turn = new Turn(state, nowMillis);
    for (Command command : drained) {
      try {
        handle(command, turn);
      } catch (RejectException e) {
        turn.afterCommit(() -> command.future().completeExceptionally(e));
      }
    }
    turn.applyLedger();
    if (tick) turn.expireRejectTimes();
    turn.settleQueues();
    turn.finish();
    long commitNanos = System.nanoTime();
    state.commit(turn);
    long doneNanos = System.nanoTime();
    state.metrics.turn(drained.size(), turn.ledgerEventCount);
    if (!drained.isEmpty()) state.metrics.turnTimes(doneNanos - startNanos, doneNanos - commitNanos);
    PaymentLog.committed(state.nodeId, turn.paymentEvents);
    for (var pr : org.rialto.node.rtgs.Priority.values()) state.metrics.queueDepth(pr.name(), state.queues.countByPriority(pr));
    var listener = commitListener;
    if (listener != null && !turn.outbox.isEmpty()) listener.committed(turn.outbox);
    turn.completeAll();
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
  }
}
