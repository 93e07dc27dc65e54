package org.rialto.node.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Set;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.peer.PeerWire;

/**
 * The peer-facing endpoint: a pacs.008 (forwarded transfers) or a pacs.028 (status requests)
 * from a configured peer node, in an ISO 20022 Envelope with its AppHdr, answered by a pacs.002.
 * The answer is sent only after the decisions it carries are durable here. A body that is not a
 * valid message from that peer is refused whole (HTTP 400, the reason in the text), before the
 * writer sees any of it.
 */
public final class PeerApi implements ApiServer.RouteRegistrar {

  private final NodeEngine engine;
  private final PeerWire wire;
  private final Set<String> peers;
  /** The node's clock, which dates the answers as it dates everything else the node decides. */
  private final java.time.Clock clock;

  public PeerApi(NodeEngine engine, PeerWire wire, Set<String> peers, java.time.Clock clock) {
    this.engine = engine;
    this.wire = wire;
    this.peers = Set.copyOf(peers);
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void register(Javalin app) {
    app.post("/peer/v1/messages", this::messages);
  }

  private void messages(Context ctx) {
    // The peer is whoever its node certificate (from its pinned CA) says; the gate checked it.
    String from = org.rialto.node.security.MessageGate.peerNode(ctx);
    if (!peers.contains(from)) {
      JsonApi.respondError(ctx, 403, "AG01", "not a configured peer node: " + from);
      return;
    }
    PeerWire.Request request;
    try {
      request = wire.request(ctx.bodyAsBytes(), from);
    } catch (IllegalArgumentException e) {
      JsonApi.respondError(ctx, 400, "FF01", e.getMessage());
      return;
    }
    var replies = ApiServer.await(engine.peerInbound(request.messages()));
    ctx.contentType(PeerWire.CONTENT_TYPE).result(wire.answer(request, replies, clock.millis()));
  }
}
