package org.rialto.node.peer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.engine.PeerProtocol;

/**
 * Delivers forwarded transfers to one peer node and brings back its decisions. At least once on
 * the wire, exactly once in effect: the peer deduplicates by UETR and answers a repeat with the
 * decision it already made; this node marks the outbox row done only in the same transaction
 * that applies the answer. While a payment is undecided it asks again (pacs.028), with backoff,
 * for as long as it takes: the sending node never decides on its own. Transfers travel as one
 * pacs.008 per batch, status requests as one pacs.028, each answered by a pacs.002 ({@link PeerWire}).
 */
public final class PeerDispatcher implements AutoCloseable {
  public static final int MAX_BATCH = 1_000;
  /** The in-memory backlog is bounded; beyond it rows stay in the store and are read back. */
  public static final int MAX_BACKLOG = 1_000_000;
  static final long POLL_INTERVAL_MILLIS = 500;
  static final long MAX_BACKOFF_MILLIS = 2_000;
  static final long MIN_BACKOFF_MILLIS = 50;
  /** How long the dispatcher sleeps when it has nothing to send and nothing came back. */
  static final long IDLE_WAIT_MILLIS = 20;
  /**
   * Messages on the wire to this peer at once. One at a time, a batch that reached the outbox
   * during an exchange waited for the whole of it (both ways, the peer's commit, then this node's
   * commit of the answers) before it left: at half rate that was most of a payment's latency.
   * A few suffice to overlap those waits; each holds an exchange thread and a connection.
   */
  public static final int MAX_IN_FLIGHT = 4;
  static final long REQUEST_TIMEOUT_MILLIS = 15_000;

  /** What operators see about a link to a peer. */
  public record LinkStatus(String peerNode, boolean up, long downSinceMillis, int backlog, int awaitingDecision, long delivered) {}

  /**
   * How the link batches, for benchmarks and operators: messages sent and the transactions they
   * carried (forwarded transfers in pacs.008s, status requests in pacs.028s). Per-message work
   * (a signature each way, a round trip, a turn on each node) is shared by a message's transactions.
   */
  public record LinkCounts(long transferMessages, long transfers, long statusMessages, long statusRequests, long exchanges,
      long exchangeNanos, long answerNanos, long outboxWaitMillis) {}

  private final String nodeId;
  private final String peerNode;
  private final URI endpoint;
  private final NodeEngine engine;
  private final org.rialto.node.client.PeerClient client;
  private final ConcurrentLinkedQueue<OutboxRow> incoming = new ConcurrentLinkedQueue<>();
  private final LinkedHashMap<Long, OutboxRow> toSend = new LinkedHashMap<>();
  private final Map<UUID, Awaiting> awaiting = new HashMap<>();
  /** Transfers the peer said it never received, in answer to a status request: forwarded again. */
  private final java.util.LinkedHashSet<PeerMessage.Transfer> resend = new java.util.LinkedHashSet<>();
  private final PeerWire wire;
  private final Thread thread;
  /** Runs the exchanges, at most {@link #MAX_IN_FLIGHT} at once (the dispatcher starts no more). */
  private final java.util.concurrent.ThreadPoolExecutor exchanges;
  /** Outcomes of finished exchanges, for the dispatcher's thread, which alone owns the backlog. */
  private final ConcurrentLinkedQueue<Outcome> finished = new ConcurrentLinkedQueue<>();
  /** Payments in a message on the wire (transfers and status requests): none goes out twice at once. */
  private final java.util.HashSet<UUID> inFlight = new java.util.HashSet<>();
  private int inFlightMessages;
  private final Object wake = new Object();
  /** Set (under {@code wake}) by whatever gives the dispatcher work, so that no wake-up is lost between its look and its wait. */
  private boolean signalled;
  private volatile boolean running = true;
  private volatile boolean up = true;
  private volatile long downSinceMillis;
  private volatile long delivered;
  private volatile long transferMessages;
  private volatile long transfersSent;
  private volatile long statusMessages;
  private volatile long statusRequestsSent;
  /**
   * Exchanges that succeeded, with the time they took in sum: the peer's part (the message written,
   * sent, decided and committed there, its answer read back) and the whole, which adds this node's
   * commit of the answers. Where a payment's latency goes between the nodes.
   */
  private final java.util.concurrent.atomic.AtomicLong exchangesDone = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong exchangeNanos = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong answerNanos = new java.util.concurrent.atomic.AtomicLong();
  /** Summed over forwarded transfers: from the writer's turn that wrote the outbox row to the message that carried it. */
  private volatile long outboxWaitMillis;

  private record Awaiting(PeerMessage.Transfer transfer, long nextAskAtMillis, long intervalMillis) {}

  /** Dates the messages; waits and retries keep the system's time, which always moves. */
  private final java.time.Clock clock;

  /**
   * @param clock the node's clock, which dates the messages: their creation time must be of the
   *     same clock as the business day that sets their settlement date, or the peer's rules refuse them
   */
  public PeerDispatcher(String nodeId, String peerNode, String peerUrl, NodeEngine engine, PeerWire wire,
      org.rialto.node.client.PeerClient client, java.time.Clock clock) {
    this.nodeId = nodeId;
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
    this.wire = wire;
    this.peerNode = peerNode;
    this.endpoint = URI.create(peerUrl.replaceAll("/+$", "") + "/peer/v1/messages");
    this.engine = engine;
    this.client = client;
    this.thread = new Thread(this::run, "rialto-peer-" + peerNode);
    this.thread.setDaemon(true);
    var names = new java.util.concurrent.atomic.AtomicInteger();
    this.exchanges = new java.util.concurrent.ThreadPoolExecutor(MAX_IN_FLIGHT, MAX_IN_FLIGHT, 0, TimeUnit.MILLISECONDS,
        new java.util.concurrent.ArrayBlockingQueue<>(MAX_IN_FLIGHT), r -> {
          var t = new Thread(r, "rialto-peer-" + peerNode + "-exchange-" + names.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  public String peerNode() {
    return peerNode;
  }

  /** Rows restored at start: unanswered ones are resent, answered-pending ones are asked about. */
  public void restore(List<OutboxRow> resend, List<OutboxRow> ask) {
    incoming.addAll(resend);
    long now = System.currentTimeMillis();
    synchronized (awaiting) {
      for (OutboxRow row : ask) {
        awaiting.put(row.uetr(), new Awaiting(row.forwarded(), now, POLL_INTERVAL_MILLIS));
      }
    }
  }

  /** Called by the writer after a commit: new rows for this peer. */
  public void enqueue(List<OutboxRow> rows) {
    boolean any = false;
    for (OutboxRow row : rows) {
      if (row.peerNode().equals(peerNode)) {
        incoming.add(row);
        any = true;
      }
    }
    if (any) signal();
  }

  public void start() {
    thread.start();
  }

  public LinkStatus status() {
    int waiting;
    synchronized (awaiting) {
      waiting = awaiting.size();
    }
    return new LinkStatus(peerNode, up, downSinceMillis, incoming.size() + toSend.size(), waiting, delivered);
  }

  public LinkCounts counts() {
    return new LinkCounts(transferMessages, transfersSent, statusMessages, statusRequestsSent, exchangesDone.get(), exchangeNanos.get(),
        answerNanos.get(), outboxWaitMillis);
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("rialto.peer");

  private void run() {
    org.rialto.node.log.Logs.node(nodeId);
    org.slf4j.MDC.put(org.rialto.node.log.Logs.PEER, peerNode);
    long backoffMillis = MIN_BACKOFF_MILLIS;
    long retryAtMillis = 0;
    while (running) {
      try {
        synchronized (wake) {
          signalled = false;
        }
        // Outcomes first: they free their transactions and their slot for the next message.
        Outcome outcome;
        int outcomes = 0;
        while ((outcome = outcomes < MAX_BATCH ? finished.poll() : null) != null) {
          outcomes++;
          inFlightMessages--;
          for (var t : outcome.transfers()) inFlight.remove(UUID.fromString(t.uetr()));
          if (outcome.failure() == null) {
            settle(outcome);
            up = true;
            backoffMillis = MIN_BACKOFF_MILLIS;
          } else {
            if (up) {
              up = false;
              downSinceMillis = System.currentTimeMillis();
              // The line names the payments of the message that failed, as the exchange's own lines do.
              var uetrs = new java.util.LinkedHashSet<UUID>(outcome.transfers().size() * 2);
              for (var t : outcome.transfers()) uetrs.add(UUID.fromString(t.uetr()));
              org.rialto.node.log.Logs.batch(uetrs);
              try {
                LOG.warn("link to {} down: {}", peerNode, outcome.failure().toString());
              } finally {
                org.slf4j.MDC.remove(org.rialto.node.log.Logs.UETRS);
              }
            }
            // Nothing new leaves before the backoff is over; what failed is sent again then.
            retryAtMillis = System.currentTimeMillis() + backoffMillis;
            backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
          }
        }
        drainIncoming();
        long now = System.currentTimeMillis();
        boolean sent = false;
        if (now >= retryAtMillis && inFlightMessages < MAX_IN_FLIGHT) sent = startTransfers();
        if (now >= retryAtMillis && inFlightMessages < MAX_IN_FLIGHT) sent |= startStatusRequests(now);
        if (!sent) {
          synchronized (wake) {
            if (!signalled) wake.wait(now < retryAtMillis ? Math.max(1, Math.min(IDLE_WAIT_MILLIS, retryAtMillis - now)) : IDLE_WAIT_MILLIS);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // A message that cannot be written, say: keep the link's loop alive and try again later.
        LOG.error("link to {}: {}", peerNode, e.toString(), e);
        retryAtMillis = System.currentTimeMillis() + backoffMillis;
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
      }
    }
  }

  private void signal() {
    synchronized (wake) {
      signalled = true;
      wake.notifyAll();
    }
  }

  /** Starts one pacs.008 with the transfers waiting and not in flight; false when there are none. */
  private boolean startTransfers() {
    var transfers = new ArrayList<PeerMessage.Transfer>();
    var rowIds = new ArrayList<Long>();
    long now = System.currentTimeMillis();
    long waited = 0;
    for (OutboxRow row : toSend.values()) {
      if (transfers.size() >= MAX_BATCH) break;
      if (inFlight.contains(row.uetr())) continue;
      transfers.add(row.forwarded());
      rowIds.add(row.id());
      if (row.createdAtMillis() > 0) waited += Math.max(0, now - row.createdAtMillis());
    }
    for (var t : resend) {
      if (transfers.size() >= MAX_BATCH) break;
      if (inFlight.contains(UUID.fromString(t.uetr()))) continue;
      transfers.add(t);
      rowIds.add(0L);
    }
    if (transfers.isEmpty()) return false;
    outboxWaitMillis += waited;
    transferMessages++;
    transfersSent += transfers.size();
    start(transfers, rowIds, false);
    return true;
  }

  /** Starts one pacs.028 asking about the payments due for a question and not in flight; false when there are none. */
  private boolean startStatusRequests(long now) {
    var asked = new ArrayList<PeerMessage.Transfer>();
    synchronized (awaiting) {
      for (var e : awaiting.entrySet()) {
        if (asked.size() >= MAX_BATCH) break;
        if (e.getValue().nextAskAtMillis() <= now && !inFlight.contains(e.getKey())) asked.add(e.getValue().transfer());
      }
    }
    if (asked.isEmpty()) return false;
    statusMessages++;
    statusRequestsSent += asked.size();
    start(asked, null, true);
    return true;
  }

  private void start(List<PeerMessage.Transfer> transfers, List<Long> rowIds, boolean statusRequest) {
    for (var t : transfers) {
      if (!inFlight.add(UUID.fromString(t.uetr()))) throw new IllegalStateException("UETR " + t.uetr() + " twice in flight");
    }
    inFlightMessages++;
    try {
      exchanges.execute(() -> exchangeAndReport(transfers, rowIds, statusRequest));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Only when closing: the payments stay in the backlog, not marked as on the wire.
      inFlightMessages--;
      for (var t : transfers) inFlight.remove(UUID.fromString(t.uetr()));
      throw e;
    }
  }

  /** On an exchange thread: one message, its outcome handed to the dispatcher's thread. */
  private void exchangeAndReport(List<PeerMessage.Transfer> transfers, List<Long> rowIds, boolean statusRequest) {
    org.rialto.node.log.Logs.node(nodeId);
    org.slf4j.MDC.put(org.rialto.node.log.Logs.PEER, peerNode);
    Outcome outcome;
    try {
      outcome = exchange(transfers, rowIds, statusRequest);
    } catch (Exception | AssertionError e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      outcome = new Outcome(transfers, rowIds, statusRequest, null, 0, e);
    } finally {
      org.slf4j.MDC.remove(org.rialto.node.log.Logs.UETRS);
    }
    finished.add(outcome);
    signal();
  }

  /** What came of one message: the peer's replies (durable here by then), or why there are none. */
  private record Outcome(List<PeerMessage.Transfer> transfers, List<Long> rowIds, boolean statusRequest, Map<UUID, PeerReply> replies,
      long answeredAtMillis, Throwable failure) {}

  /**
   * One message and its pacs.002: forwarded transfers (a pacs.008, {@code rowIds} naming their
   * outbox rows, 0 for a transfer forwarded again) or status requests (a pacs.028). Runs on one
   * of the link's exchange threads, several messages at once; returns once the answers are
   * durable here.
   */
  private Outcome exchange(List<PeerMessage.Transfer> transfers, List<Long> rowIds, boolean statusRequest) throws Exception {
    var uetrs = new java.util.LinkedHashSet<UUID>(transfers.size() * 2);
    for (var t : transfers) {
      if (!uetrs.add(UUID.fromString(t.uetr()))) throw new IllegalStateException("UETR " + t.uetr() + " twice in one batch");
    }
    // Whatever is logged about this exchange (here or when it fails, in run) names its payments.
    org.rialto.node.log.Logs.batch(uetrs);
    long started = System.nanoTime();
    long createdMillis = clock.millis();
    byte[] body = statusRequest ? wire.statusRequests(peerNode, transfers, createdMillis) : wire.transfers(peerNode, transfers, createdMillis);
    // A malformed answer must not reach the writer, where it would stop the node: PeerWire refuses it.
    Map<UUID, PeerReply> replies = wire.replies(send(body), peerNode, uetrs);
    long answered = System.nanoTime();
    var delivered = new ArrayList<DeliveredReply>(replies.size());
    for (int i = 0; i < transfers.size(); i++) {
      PeerReply reply = replies.get(UUID.fromString(transfers.get(i).uetr()));
      if (reply.status() == PeerReply.Status.UNKNOWN && !statusRequest) {
        throw new IllegalStateException(peerNode + " says it has no transfer " + reply.uetr() + " in answer to that very transfer");
      }
      if (reply.status() != PeerReply.Status.UNKNOWN) delivered.add(new DeliveredReply(statusRequest ? 0L : rowIds.get(i), reply));
    }
    // Wait until the answers are durable here before forgetting the rows: a crash in between
    // only means sending them again, and the peer answers the same. Other messages of this link
    // are on the wire meanwhile, so this wait no longer holds up the next batch.
    if (!delivered.isEmpty()) engine.peerReplies(delivered).get(REQUEST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    answerNanos.addAndGet(answered - started);
    exchangeNanos.addAndGet(System.nanoTime() - started);
    exchangesDone.incrementAndGet();
    return new Outcome(transfers, rowIds, statusRequest, replies, System.currentTimeMillis(), null);
  }

  /** On the dispatcher's thread, once a message's answers are durable: forget what is done, keep asking about the rest. */
  private void settle(Outcome o) {
    synchronized (awaiting) {
      for (int i = 0; i < o.transfers().size(); i++) {
        PeerMessage.Transfer t = o.transfers().get(i);
        UUID uetr = UUID.fromString(t.uetr());
        PeerReply reply = o.replies().get(uetr);
        if (!o.statusRequest()) {
          long rowId = o.rowIds().get(i);
          if (rowId > 0) toSend.remove(rowId);
          else resend.remove(t);
        }
        if (reply.status() == PeerReply.Status.UNKNOWN) {
          // The peer never got it (or lost it): forward the transfer again, stop asking meanwhile.
          awaiting.remove(uetr);
          if (resend.size() < MAX_BACKLOG) resend.add(t);
        } else if (reply.isFinal()) {
          awaiting.remove(uetr);
        } else {
          var prev = awaiting.get(uetr);
          long interval = prev == null ? POLL_INTERVAL_MILLIS : Math.min(prev.intervalMillis() * 2, 10_000);
          awaiting.put(uetr, new Awaiting(t, o.answeredAtMillis() + interval, interval));
        }
      }
    }
    this.delivered += o.replies().size();
  }

  private void drainIncoming() {
    OutboxRow row;
    while (toSend.size() < MAX_BACKLOG && (row = incoming.poll()) != null) toSend.put(row.id(), row);
  }

  private byte[] send(byte[] body) throws Exception {
    // Mutual TLS, the body signed as produced, the answer's signature verified (PeerClient).
    var response = client.exchange(body, PeerWire.CONTENT_TYPE);
    if (response.status() != 200) {
      throw new IllegalStateException("peer " + peerNode + " answered HTTP " + response.status() + ": " + response.text());
    }
    return response.body();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(5_000);
    exchanges.shutdownNow();
    exchanges.awaitTermination(5_000, TimeUnit.MILLISECONDS);
    client.close();
  }
}
