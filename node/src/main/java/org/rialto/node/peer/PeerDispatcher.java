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
  static final long REQUEST_TIMEOUT_MILLIS = 15_000;

  /** What operators see about a link to a peer. */
  public record LinkStatus(String peerNode, boolean up, long downSinceMillis, int backlog, int awaitingDecision, long delivered) {}

  /**
   * How the link batches, for benchmarks and operators: messages sent and the transactions they
   * carried (forwarded transfers in pacs.008s, status requests in pacs.028s). Per-message work
   * (a signature each way, a round trip, a turn on each node) is shared by a message's transactions.
   */
  public record LinkCounts(long transferMessages, long transfers, long statusMessages, long statusRequests) {}

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
  private final Object wake = new Object();
  private volatile boolean running = true;
  private volatile boolean up = true;
  private volatile long downSinceMillis;
  private volatile long delivered;
  private volatile long transferMessages;
  private volatile long transfersSent;
  private volatile long statusMessages;
  private volatile long statusRequestsSent;

  private record Awaiting(PeerMessage.Transfer transfer, long nextAskAtMillis, long intervalMillis) {}

  public PeerDispatcher(String nodeId, String peerNode, String peerUrl, NodeEngine engine, PeerWire wire,
      org.rialto.node.client.PeerClient client) {
    this.nodeId = nodeId;
    this.wire = wire;
    this.peerNode = peerNode;
    this.endpoint = URI.create(peerUrl.replaceAll("/+$", "") + "/peer/v1/messages");
    this.engine = engine;
    this.client = client;
    this.thread = new Thread(this::run, "rialto-peer-" + peerNode);
    this.thread.setDaemon(true);
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
    if (any) {
      synchronized (wake) {
        wake.notifyAll();
      }
    }
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
    return new LinkCounts(transferMessages, transfersSent, statusMessages, statusRequestsSent);
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("rialto.peer");

  private void run() {
    org.rialto.node.log.Logs.node(nodeId);
    org.slf4j.MDC.put(org.rialto.node.log.Logs.PEER, peerNode);
    long backoffMillis = 50;
    while (running) {
      try {
        drainIncoming();
        long now = System.currentTimeMillis();
        var transfers = new ArrayList<PeerMessage.Transfer>();
        var rowIds = new ArrayList<Long>();
        for (OutboxRow row : toSend.values()) {
          if (transfers.size() >= MAX_BATCH) break;
          transfers.add(row.forwarded());
          rowIds.add(row.id());
        }
        for (var t : resend) {
          if (transfers.size() >= MAX_BATCH) break;
          transfers.add(t);
          rowIds.add(0L);
        }
        var asked = new ArrayList<PeerMessage.Transfer>();
        synchronized (awaiting) {
          for (var e : awaiting.entrySet()) {
            if (asked.size() >= MAX_BATCH) break;
            if (e.getValue().nextAskAtMillis() <= now) asked.add(e.getValue().transfer());
          }
        }
        if (transfers.isEmpty() && asked.isEmpty()) {
          synchronized (wake) {
            wake.wait(20);
          }
          continue;
        }
        if (!transfers.isEmpty()) exchange(transfers, rowIds, false);
        if (!asked.isEmpty()) exchange(asked, null, true);
        up = true;
        backoffMillis = 50;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (up) {
          up = false;
          downSinceMillis = System.currentTimeMillis();
          LOG.warn("link to {} down: {}", peerNode, e.toString());
        }
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
      } finally {
        org.slf4j.MDC.remove(org.rialto.node.log.Logs.UETRS);
      }
    }
  }

  /**
   * One message and its pacs.002: forwarded transfers (a pacs.008, {@code rowIds} naming their
   * outbox rows, 0 for a transfer forwarded again) or status requests (a pacs.028).
   */
  private void exchange(List<PeerMessage.Transfer> transfers, List<Long> rowIds, boolean statusRequest) throws Exception {
    var uetrs = new java.util.LinkedHashSet<UUID>(transfers.size() * 2);
    for (var t : transfers) {
      if (!uetrs.add(UUID.fromString(t.uetr()))) throw new IllegalStateException("UETR " + t.uetr() + " twice in one batch");
    }
    // Whatever is logged about this exchange (here or when it fails, in run) names its payments.
    org.rialto.node.log.Logs.batch(uetrs);
    long now = System.currentTimeMillis();
    byte[] body = statusRequest ? wire.statusRequests(peerNode, transfers, now) : wire.transfers(peerNode, transfers, now);
    // Only this thread writes the counts; a reader may see one message's figures a moment apart.
    if (statusRequest) {
      statusMessages++;
      statusRequestsSent += transfers.size();
    } else {
      transferMessages++;
      transfersSent += transfers.size();
    }
    // A malformed answer must not reach the writer, where it would stop the node: PeerWire refuses it.
    Map<UUID, PeerReply> replies = wire.replies(send(body), peerNode, uetrs);
    var delivered = new ArrayList<DeliveredReply>(replies.size());
    for (int i = 0; i < transfers.size(); i++) {
      PeerReply reply = replies.get(UUID.fromString(transfers.get(i).uetr()));
      if (reply.status() == PeerReply.Status.UNKNOWN && !statusRequest) {
        throw new IllegalStateException(peerNode + " says it has no transfer " + reply.uetr() + " in answer to that very transfer");
      }
      if (reply.status() != PeerReply.Status.UNKNOWN) delivered.add(new DeliveredReply(statusRequest ? 0L : rowIds.get(i), reply));
    }
    // Wait until the answers are durable here before forgetting the rows: a crash in between
    // only means sending them again, and the peer answers the same.
    if (!delivered.isEmpty()) engine.peerReplies(delivered).get(REQUEST_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    long after = System.currentTimeMillis();
    synchronized (awaiting) {
      for (int i = 0; i < transfers.size(); i++) {
        PeerMessage.Transfer t = transfers.get(i);
        UUID uetr = UUID.fromString(t.uetr());
        PeerReply reply = replies.get(uetr);
        if (!statusRequest) {
          long rowId = rowIds.get(i);
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
          awaiting.put(uetr, new Awaiting(t, after + interval, interval));
        }
      }
    }
    this.delivered += replies.size();
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
    client.close();
  }
}
