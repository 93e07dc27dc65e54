package org.rialto.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.rialto.node.config.Amounts;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.engine.NodeUnavailableException;
import org.rialto.node.engine.RejectException;
import org.rialto.node.payment.Payment;
import org.rialto.node.rtgs.Priority;
import org.rialto.node.security.MessageGate;
import org.rialto.node.security.NodeSecurity;

/**
 * The node's HTTP API for banks (operators have their own listener: {@link OperatorServer}). Every answer is JSON or ISO 20022 with a reason;
 * no request ends in a bare 500: unexpected failures are caught and reported with a reason code.
 *
 * <p>Identity: the listener is TLS 1.3; a bank or peer node is whoever its client certificate
 * says ({@link MessageGate}), every message it sends is verified against its detached JWS, and
 * every answer is signed. A bank only debits its own account and only reads its own payments,
 * messages and statements.
 */
public final class ApiServer implements AutoCloseable {
  /** Long polls are bounded so a bank's idle connection cannot pin a server thread forever. */
  public static final long MAX_WAIT_MILLIS = 30_000;
  public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
  public static final long ANSWER_TIMEOUT_MILLIS = 30_000;

  private final NodeEngine engine;
  private final Inbox inbox;
  private final String nodeId;
  private final String currency;
  private final int minorUnits;
  private final ObjectMapper json;
  private final Javalin app;
  private final List<RouteRegistrar> extraRoutes;
  private final NodeSecurity security;
  private volatile String listenHost;
  private volatile int listenPort;

  /** Lets other parts of the node (ISO 20022 gateway, peers, console) add their routes. */
  public interface RouteRegistrar {
    void register(Javalin app);
  }

  public ApiServer(NodeEngine engine, Inbox inbox, String nodeId, String currency, int minorUnits,
      ObjectMapper json, List<RouteRegistrar> extraRoutes, NodeSecurity security, MessageGate gate) {
    this.engine = engine;
    this.inbox = inbox;
    this.nodeId = nodeId;
    this.currency = currency;
    this.minorUnits = minorUnits;
    this.json = json;
    this.extraRoutes = List.copyOf(extraRoutes);
    this.security = java.util.Objects.requireNonNull(security, "security");
    this.app = Javalin.create(config -> {
      config.jetty.addConnector((server, httpConfig) -> tlsConnector(server, httpConfig));
      config.showJavalinBanner = false;
      config.useVirtualThreads = true;
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.jsonMapper(new JavalinJackson(json, false));
    });
    org.rialto.node.log.Logs.perRequest(app, nodeId);
    gate.install(app);
    routes();
  }

  public int start(String host, int port) {
    this.listenHost = host;
    this.listenPort = port;
    app.start();
    return app.port();
  }

  /**
   * TLS 1.3 only. The client certificate is demanded at the handshake, where the verifier
   * refuses a missing one, an unknown CA, an expired or a revoked one outright; the gate still
   * requires it on every bank and peer route and checks it again per request, because a
   * revocation must bite on connections that are already open.
   */
  private org.eclipse.jetty.server.Connector tlsConnector(org.eclipse.jetty.server.Server server,
      org.eclipse.jetty.server.HttpConfiguration httpConfig) {
    var tls = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
    tls.setSslContext(security.serverContext());
    tls.setIncludeProtocols(org.rialto.security.tls.TlsConfig.PROTOCOL);
    tls.setWantClientAuth(true);
    tls.setNeedClientAuth(NodeSecurity.NEED_CLIENT_AUTH);
    var https = new org.eclipse.jetty.server.HttpConfiguration(httpConfig);
    // Identity is the certificate's SAN, not a host name: no SNI host check.
    https.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
    var connector = new org.eclipse.jetty.server.ServerConnector(server,
        new org.eclipse.jetty.server.SslConnectionFactory(tls, "http/1.1"),
        new org.eclipse.jetty.server.HttpConnectionFactory(https));
    connector.setHost(listenHost);
    connector.setPort(listenPort);
    return connector;
  }

  private void routes() {
    app.exception(MessageGate.Refused.class, (e, ctx) -> JsonApi.respondError(ctx, e.status, e.reasonCode, e.getMessage()));
    app.exception(JsonApi.BadRequest.class, (e, ctx) -> JsonApi.respondError(ctx, 400, e.reasonCode, e.getMessage()));
    app.exception(RejectException.class, (e, ctx) -> JsonApi.respondError(ctx, 422, e.reasonCode(), e.getMessage()));
    app.exception(NodeUnavailableException.class, (e, ctx) -> JsonApi.respondError(ctx, 503, "NARR", e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      org.rialto.node.log.Logs.unexpected(ctx, e);
      JsonApi.respondError(ctx, 500, "NARR", "internal error: " + e);
    });

    app.get("/health/live", ctx -> ctx.json(Map.of("status", "up")));
    app.get("/health/ready", ctx -> {
      if (engine.isHealthy()) {
        ctx.json(Map.of("status", "ready", "node", nodeId));
      } else {
        ctx.status(503).json(Map.of("status", "down", "reason", String.valueOf(engine.failure())));
      }
    });

    app.post("/v1/payments", this::postPayments);
    app.get("/v1/payments/{uetr}", this::getPayment);
    app.post("/v1/payments/{uetr}/cancel", this::cancel);
    app.post("/v1/payments/{uetr}/priority", this::reorder);
    app.post("/v1/payments/{uetr}/return", this::returnPayment);
    app.get("/v1/accounts/{bic}", this::getAccount);
    app.get("/v1/messages", this::getMessages);

    // Operators use their own listener (OperatorServer, AdminApi): nothing for them is served to banks.
    app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document(nodeId, currency)));

    for (var r : extraRoutes) r.register(app);
  }

  /** The calling bank: the BIC its TLS client certificate names, verified by the gate. */
  static String participant(Context ctx) {
    return MessageGate.participant(ctx);
  }

  /**
   * A bank instructs debits of its own settlement account only. Refused whole, before the writer
   * sees it, so a foreign debit leaves no payment and no message behind.
   */
  static void requireOwnDebits(String sender, List<NodeEngine.Instruction> instructions) {
    for (var in : instructions) {
      if (!sender.equals(in.debtorBic())) {
        throw new MessageGate.Refused(403, "AG01", sender + " may only debit its own account, not " + in.debtorBic()
            + " (payment " + in.uetr() + "); the certificate says who is sending");
      }
    }
  }

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(ANSWER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) throw re;
      throw new CompletionException(cause);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new NodeUnavailableException("no answer from the node within " + ANSWER_TIMEOUT_MILLIS + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeUnavailableException("interrupted");
    }
  }

  private void postPayments(Context ctx) {
    String sender = participant(ctx);
    var parsed = JsonApi.parsePayments(json, ctx.bodyAsBytes(), minorUnits);
    requireOwnDebits(sender, parsed.instructions());
    var result = await(engine.submit(sender, parsed.msgId(), parsed.messageHash(), parsed.instructions()));
    var out = new LinkedHashMap<String, Object>();
    out.put("msgId", result.msgId());
    out.put("duplicateMessage", result.duplicateMessage());
    var list = new ArrayList<Map<String, Object>>();
    for (var o : result.outcomes()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("uetr", o.uetr().toString());
      m.put("state", o.state().name());
      if (o.reasonCode() != null) m.put("reasonCode", o.reasonCode());
      list.add(m);
    }
    out.put("payments", list);
    ctx.json(out);
  }

  private Payment ownPayment(Context ctx, String bic) {
    UUID uetr = JsonApi.uuidV4(ctx.pathParam("uetr"));
    Payment p = await(engine.query(v -> v.payment(uetr).orElse(null)));
    if (p == null) p = engine.storedPayment(uetr).orElse(null);
    // A bank may only read payments it is party to; an unknown and a foreign one look the same.
    if (p == null || !(bic.equals(p.senderBic()) || bic.equals(p.debtorBic()) || bic.equals(p.creditorBic()))) {
      throw new RejectException("NOOR", "no payment " + uetr + " for " + bic);
    }
    return p;
  }

  private void getPayment(Context ctx) {
    String bic = participant(ctx);
    ctx.json(bankView(ownPayment(ctx, bic)));
  }

  Map<String, Object> bankView(Payment p) {
    var m = new LinkedHashMap<String, Object>();
    m.put("uetr", p.uetr().toString());
    m.put("msgId", p.msgId());
    m.put("endToEndId", p.endToEndId());
    m.put("debtorAgent", p.debtorBic());
    m.put("creditorAgent", p.creditorBic());
    m.put("amount", Amounts.format(p.amountMinor(), minorUnits));
    m.put("currency", p.currency());
    m.put("priority", p.priority().name());
    m.put("state", p.state().name());
    if (p.reasonCode() != null) m.put("reasonCode", p.reasonCode());
    if (p.valueDate() != null) m.put("valueDate", p.valueDate());
    m.put("receivedAt", java.time.Instant.ofEpochMilli(p.receivedAtMillis()).toString());
    m.put("updatedAt", java.time.Instant.ofEpochMilli(p.updatedAtMillis()).toString());
    return m;
  }

  private void cancel(Context ctx) {
    String bic = participant(ctx);
    UUID uetr = JsonApi.uuidV4(ctx.pathParam("uetr"));
    var o = await(engine.cancel(uetr, bic));
    boolean cancelled = "CUST".equals(o.reasonCode());
    ctx.json(Map.of("uetr", uetr.toString(), "cancelled", cancelled, "state", o.state().name()));
  }

  private void reorder(Context ctx) {
    String bic = participant(ctx);
    UUID uetr = JsonApi.uuidV4(ctx.pathParam("uetr"));
    var body = readObject(ctx);
    String pr = JsonApi.text(body, "priority", true);
    Priority priority;
    try {
      priority = Priority.valueOf(pr);
    } catch (IllegalArgumentException e) {
      throw new JsonApi.BadRequest("FF01", "priority: URGENT, HIGH or NORMAL");
    }
    boolean toFront = body.has("toFront") && body.get("toFront").asBoolean(false);
    var o = await(engine.reorder(uetr, priority, toFront, bic));
    ctx.json(Map.of("uetr", uetr.toString(), "state", o.state().name(), "priority", priority.name()));
  }

  private void returnPayment(Context ctx) {
    String bic = participant(ctx);
    UUID uetr = JsonApi.uuidV4(ctx.pathParam("uetr"));
    var body = readObject(ctx);
    UUID returnId = JsonApi.uuidV4(JsonApi.text(body, "returnUetr", true));
    String reason = JsonApi.text(body, "reasonCode", false);
    if (reason == null) reason = "NARR";
    if (!reason.matches("[A-Z0-9]{4}")) throw new JsonApi.BadRequest("FF01", "reasonCode: a 4-character ISO code");
    Payment original = ownPayment(ctx, bic);
    String amountText = JsonApi.text(body, "amount", false);
    long amount = amountText == null ? original.amountMinor() : JsonApi.amountMinor(amountText, minorUnits);
    var o = await(engine.returnPayment(uetr, returnId, amount, reason, bic));
    ctx.json(Map.of("uetr", uetr.toString(), "state", o.state().name()));
  }

  private void getAccount(Context ctx) {
    String bic = participant(ctx);
    String target = JsonApi.bic(ctx.pathParam("bic"), "bic");
    if (!bic.equals(target)) throw new RejectException("AG01", bic + " may not read the account of " + target);
    var b = await(engine.query(v -> v.balance(target)));
    ctx.json(accountView(b));
  }

  Map<String, Object> accountView(org.rialto.node.engine.Balances.AccountBalance b) {
    var m = new LinkedHashMap<String, Object>();
    m.put("bic", b.bic());
    m.put("currency", b.currency());
    m.put("balance", Amounts.format(b.balanceMinor(), minorUnits));
    m.put("reserved", Amounts.format(b.reservedMinor(), minorUnits));
    m.put("creditLine", Amounts.format(b.creditLineMinor(), minorUnits));
    m.put("available", Amounts.format(b.availableMinor(), minorUnits));
    m.put("queuedCount", b.queuedCount());
    m.put("queued", Amounts.format(b.queuedMinor(), minorUnits));
    return m;
  }

  private void getMessages(Context ctx) throws Exception {
    String bic = participant(ctx);
    long after = parseLong(ctx.queryParam("after"), 0, "after");
    long waitMillis = Math.min(MAX_WAIT_MILLIS, parseLong(ctx.queryParam("waitMillis"), 0, "waitMillis"));
    int limit = (int) Math.min(Inbox.MAX_PAGE, parseLong(ctx.queryParam("limit"), Inbox.MAX_PAGE, "limit"));
    // xml=false: states only (kind, UETR, detail), for banks that do not read the ISO documents.
    String xml = ctx.queryParam("xml");
    if (xml != null && !xml.equals("true") && !xml.equals("false")) throw new JsonApi.BadRequest("FF01", "xml: true or false");
    boolean withXml = !"false".equals(xml);
    long mark = engine.inboxMark(bic);
    var page = withXml ? inbox.read(bic, after, limit) : inbox.readStatuses(bic, after, limit);
    long deadline = System.currentTimeMillis() + waitMillis;
    // Long poll: sleep until a commit writes to this bank's inbox, then look again; bounded by waitMillis.
    while (page.isEmpty() && System.currentTimeMillis() < deadline) {
      engine.awaitInbox(bic, mark, deadline - System.currentTimeMillis());
      mark = engine.inboxMark(bic);
      page = withXml ? inbox.read(bic, after, limit) : inbox.readStatuses(bic, after, limit);
    }
    long next = page.isEmpty() ? after : page.get(page.size() - 1).id();
    ctx.contentType("application/json").result(InboxJson.page(page, next));
  }

  private static long parseLong(String s, long dflt, String name) {
    if (s == null) return dflt;
    try {
      long v = Long.parseLong(s);
      if (v < 0) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw new JsonApi.BadRequest("FF01", name + ": a non-negative integer");
    }
  }

  private ObjectNode readObject(Context ctx) {
    return JsonApi.readObject(json, ctx.bodyAsBytes());
  }

  @Override
  public void close() {
    app.stop();
  }
}
