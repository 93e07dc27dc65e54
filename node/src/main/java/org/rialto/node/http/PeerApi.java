package org.rialto.node.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Set;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.engine.PeerProtocol;

/**
 * The peer-facing endpoint: transfers and status requests from configured peer nodes. The
 * answer is sent only after the decisions it carries are durable here.
 */
public final class PeerApi implements ApiServer.RouteRegistrar {
  public static final String NODE_HEADER = "X-Rialto-Node";

  private final NodeEngine engine;
  private final Set<String> peers;

  public PeerApi(NodeEngine engine, Set<String> peers) {
    this.engine = engine;
    this.peers = Set.copyOf(peers);
  }

  @Override
  public void register(Javalin app) {
    app.post("/peer/v1/messages", this::messages);
  }

  private void messages(Context ctx) {
    String from = ctx.header(NODE_HEADER);
    if (from == null || !peers.contains(from)) {
      JsonApi.respondError(ctx, 403, "AG01", "not a configured peer node: " + from);
      return;
    }
    java.util.List<org.rialto.node.peer.PeerMessage> messages;
    try {
      messages = PeerProtocol.decodeMessages(ctx.bodyAsBytes());
    } catch (IllegalArgumentException e) {
      JsonApi.respondError(ctx, 400, "FF01", e.getMessage());
      return;
    }
    for (var m : messages) {
      var t = m instanceof org.rialto.node.peer.PeerMessage.StatusRequest sr ? sr.transfer() : (org.rialto.node.peer.PeerMessage.Transfer) m;
      if (!from.equals(t.fromNode())) {
        JsonApi.respondError(ctx, 403, "AG01", "message " + m.uetr() + " claims to come from " + t.fromNode());
        return;
      }
    }
    var replies = ApiServer.await(engine.peerInbound(messages));
    ctx.contentType("application/json").result(PeerProtocol.encodeReplies(replies));
  }
}
