package org.rialto.node.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.UUID;
import org.rialto.node.client.PeerClient;
import org.rialto.node.http.ApiServer;
import org.rialto.node.http.Inbox;
import org.rialto.node.security.MessageGate;
import org.rialto.store.Store;

/**
 * {@code GET /peer/v1/payments/{uetr}/history} on the peer listener: a cross-border payment's
 * story on this node ({@link PaymentStory}) for the peer node's console. The gate has
 * authenticated the caller by its node certificate (mTLS, a pinned peer CA) and signs the
 * answer; this route tells a peer only about payments that peer took part in, and an unknown
 * payment and someone else's look the same. Reads only, through the store's read connections,
 * never on the writer.
 */
public final class PaymentHistoryApi implements ApiServer.RouteRegistrar {
  private final String nodeId;
  private final Store store;
  private final ConsoleReads reads;
  private final Inbox inbox;
  private final ObjectMapper json = new ObjectMapper();

  private final java.time.Clock clock;

  public PaymentHistoryApi(String nodeId, Store store, Inbox inbox, java.time.Clock clock) {
    this.clock = clock;
    this.nodeId = nodeId;
    this.store = store;
    this.reads = new ConsoleReads(store, inbox.paymentIndex());
    this.inbox = inbox;
  }

  @Override
  public void register(Javalin app) {
    app.get(PeerClient.HISTORY_PATH + "{uetr}/history", this::history);
  }

  private void history(Context ctx) throws Exception {
    String caller = MessageGate.peerNode(ctx);
    UUID uetr = uetr(ctx.pathParam("uetr"));
    if (uetr == null) {
      refuse(ctx, 400, "FF01", "uetr: a UUID (RFC 4122)");
      return;
    }
    var cb = reads.crossBorder(uetr);
    if (cb.isEmpty() || !cb.get().peerNode().equals(caller)) {
      refuse(ctx, 404, "NOOR", "no payment " + uetr + " with " + caller + " on " + nodeId);
      return;
    }
    var story = PaymentStory.read(nodeId, store, reads, inbox, clock, uetr);
    if (story.isEmpty()) {
      refuse(ctx, 404, "NOOR", "no payment " + uetr + " with " + caller + " on " + nodeId);
      return;
    }
    ctx.contentType("application/json").result(json.writeValueAsBytes(story.get()));
  }

  private static UUID uetr(String text) {
    try {
      UUID u = UUID.fromString(text);
      return u.toString().equalsIgnoreCase(text) ? u : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void refuse(Context ctx, int status, String reasonCode, String message) throws Exception {
    var m = new java.util.LinkedHashMap<String, String>();
    m.put("reasonCode", reasonCode);
    m.put("message", message);
    ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(m));
  }
}
