package org.rialto.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rialto.ledger.Ledger;
import org.rialto.node.config.Amounts;
import org.rialto.node.config.NodeConfig;
import org.rialto.node.engine.BusinessHours;
import org.rialto.node.engine.FxDesk;
import org.rialto.node.engine.NodeTables;
import org.rialto.node.engine.Routes;
import org.rialto.node.http.FxApi;
import org.rialto.node.http.PeerApi;
import org.rialto.node.peer.PeerDispatcher;
import org.rialto.node.engine.NodeEngine;
import org.rialto.node.engine.NodeStartup;
import org.rialto.node.engine.TransferIds;
import org.rialto.node.http.ApiServer;
import org.rialto.node.http.Inbox;
import org.rialto.store.Store;
import org.rialto.store.StoreUrl;

/**
 * One running Rialto node: store opened and replayed, writer started, configuration applied,
 * HTTP API listening. Start order matters: nothing is served before the state is rebuilt.
 */
public final class Node implements AutoCloseable {
  private static final long STARTUP_STEP_TIMEOUT_SECONDS = 60;
  /** Participants and the node's own accounts are few; the ledger grows past this at start if needed. */
  private static final int LEDGER_EXPECTED_ACCOUNTS = 1024;

  private final NodeConfig config;
  private final Store store;
  private final NodeEngine engine;
  private final ApiServer api;
  private final int port;
  private final org.rialto.node.http.OperatorServer operatorServer;
  private final int operatorPort;

  private final List<PeerDispatcher> dispatchers;
  private final org.rialto.node.security.NodeSecurity security;
  private final List<org.rialto.node.client.PeerClient> consoleLinks;

  private Node(NodeConfig config, Store store, NodeEngine engine, ApiServer api, int port, List<PeerDispatcher> dispatchers,
      org.rialto.node.http.OperatorServer operatorServer, int operatorPort, org.rialto.node.security.NodeSecurity security,
      List<org.rialto.node.client.PeerClient> consoleLinks) {
    this.security = security;
    this.consoleLinks = consoleLinks;
    this.operatorServer = operatorServer;
    this.operatorPort = operatorPort;
    this.dispatchers = dispatchers;
    this.config = config;
    this.store = store;
    this.engine = engine;
    this.api = api;
    this.port = port;
  }

  /** System property: collect the heap once after start-up, before serving (the launcher sets it). */
  public static final String COLLECT_BEFORE_SERVING_PROPERTY = "rialto.node.collectBeforeServing";

  public static Node start(NodeConfig config, Clock clock) throws Exception {
    // Machine identities first: a node with a broken CA folder must not open anything.
    var security = org.rialto.node.security.NodeSecurity.open(config);
    // Indexing the lists is the slowest part of a start: it begins first, while the store opens
    // and the ledger is rebuilt, so payments wait for it as little as possible.
    var screener = screener(config);
    Store store = Store.open(StoreUrl.parse(config.store().url()), List.of("db/node", "db/security"));
    var dispatchers = new java.util.ArrayList<PeerDispatcher>();
    // The console's own links to the peers (a payment's story on the other node), apart from the dispatchers'.
    var consoleLinks = new java.util.HashMap<String, org.rialto.node.client.PeerClient>();
    NodeEngine engine = null;
    ApiServer api = null;
    org.rialto.node.http.OperatorServer operatorServer = null;
    try {
      BusinessHours hours = CalendarHours.of(config.calendar());
      var routes = new Routes(config.peers().stream()
          .map(p -> new Routes.Route(p.node(), p.url(), p.currency().code(), p.bics())).toList());
      FxDesk fx = fxDesk(config, store, clock);
      var metrics = new org.rialto.node.metrics.NodeMetrics(config.node(), config.currency().code());
      engine = NodeStartup.rebuild(config.node(), config.currency().code(), config.currency().minorUnits(),
          config.centralBank(), store, new Ledger(LEDGER_EXPECTED_ACCOUNTS, config.store().expectedTransfers()), hours, clock, routes, fx,
          new java.util.HashSet<>(config.fxProviders()), config.decisionWindowSeconds() * 1_000L, metrics);
      var wire = new org.rialto.node.peer.PeerWire(config.node(), config.centralBank(), minorUnitsByCurrency(config), true);
      for (var peer : config.peers()) {
        var d = new PeerDispatcher(config.node(), peer.node(), peer.url(), engine, wire,
            new org.rialto.node.client.PeerClient(java.net.URI.create(peer.url()), peer.node(), security.verifier(),
                security.serverKey()), clock);
        dispatchers.add(d);
        metrics.gauge("rialto_peer_outbox_backlog", "forwarded transfers not yet answered", "peer", peer.node(), () -> d.status().backlog());
        metrics.gauge("rialto_peer_awaiting_decision", "payments the peer holds undecided", "peer", peer.node(), () -> d.status().awaitingDecision());
        metrics.gauge("rialto_peer_up", "1 when the last exchange with the peer succeeded", "peer", peer.node(), () -> d.status().up() ? 1 : 0);
      }
      NodeEngine restored = engine;
      var inFlight = store.read(c -> NodeTables.inFlight(c, restored::forwardedTransfer));
      for (var d : dispatchers) {
        d.restore(inFlight.resend().stream().filter(r -> r.peerNode().equals(d.peerNode())).toList(),
            inFlight.ask().stream().filter(r -> r.peerNode().equals(d.peerNode())).toList());
      }
      for (var peer : config.peers()) {
        consoleLinks.put(peer.node(), new org.rialto.node.client.PeerClient(java.net.URI.create(peer.url()), peer.node(),
            security.verifier(), security.serverKey(), java.time.Duration.ofMillis(org.rialto.node.console.Console.PEER_HISTORY_TIMEOUT_MILLIS)));
      }
      var ds = List.copyOf(dispatchers);
      engine.onCommit(rows -> {
        for (var d : ds) d.enqueue(rows);
      });
      engine.useScreener(screener);
      engine.useAml(org.rialto.node.config.ConfigLoader.amlRules(config));
      if (config.screening().lists().isEmpty()) {
        org.slf4j.MDC.put(org.rialto.node.log.Logs.NODE, config.node());
        org.slf4j.LoggerFactory.getLogger("rialto.node").warn("screening.lists is empty: this node screens against no sanctions list");
        org.slf4j.MDC.remove(org.rialto.node.log.Logs.NODE);
      }
      engine.start();
      applyConfiguration(config, engine);
      security.restoreReplayWindow(store);
      final NodeEngine evidenceSink = engine;
      var gate = new org.rialto.node.security.MessageGate(security, evidence -> evidenceSink.recordEvidence(evidence));
      var peerApi = new PeerApi(engine, wire, config.peers().stream().map(NodeConfig.PeerConfig::node).collect(java.util.stream.Collectors.toSet()), clock);
      ApiServer.RouteRegistrar metricsRoute = app -> app.get("/metrics",
          ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
      var inbox = new Inbox(store, engine.paymentIndex());
      inbox.renderWith(config.centralBank(), config.currency().code(), config.currency().minorUnits());
      api = new ApiServer(engine, inbox, config.node(), config.currency().code(),
          config.currency().minorUnits(), new ObjectMapper(), List.of(peerApi,
              new org.rialto.node.console.PaymentHistoryApi(config.node(), store, inbox, clock),
              new org.rialto.node.http.IsoGateway(engine, config.centralBank(), config.currency().minorUnits()),
              new FxApi(engine,
              config.currency().code(), minorUnitsByCurrency(config), new ObjectMapper())), security, gate);
      var access = new org.rialto.node.operators.OperatorAccess(store, engine,
          org.rialto.security.operators.LoginPolicy.DEFAULT, clock);
      bootstrapOperators(config, access);
      var changes = new org.rialto.node.operators.PendingChanges(store, engine);
      var cases = new org.rialto.node.operators.Cases(engine);
      // HTTPS with the node's own certificate unless plain HTTP is asked for, and then only on loopback.
      javax.net.ssl.SSLContext operatorTls = operatorPlainHttp(config) ? null : security.serverContext();
      boolean operatorHttps = operatorTls != null;
      operatorServer = new org.rialto.node.http.OperatorServer(config.node(), engine, access, new ObjectMapper(), operatorTls, List.of(metricsRoute,
          new org.rialto.node.http.AdminApi(engine, api, inbox, access, changes, cases, new ObjectMapper(), config.currency().minorUnits(), config.node()),
          new org.rialto.node.console.Console(config, store, engine, ds, fx, clock, access, changes, cases, operatorHttps,
          consoleLinks)));
      // What start-up loaded (the ledger's tables sized for the day, the payment and message
      // indexes, the screening lists once built) lives as long as the node. Left in the young
      // generation, the first young collections under load copy it, about 200 MB, through the
      // survivor spaces into the old generation: pauses of 0.3 to 1.2 s while payments flow
      // (BENCHMARKS.md, Node: the half-rate tail, session 6). One full collection now, before
      // anything is served, moves it there at once. The launcher asks for it; a test JVM that
      // starts many nodes does not.
      if (Boolean.getBoolean(COLLECT_BEFORE_SERVING_PROPERTY)) System.gc();
      int port = api.start(config.listen().host(), config.listen().port());
      int operatorPort = operatorServer.start(config.operatorListen().host(), config.operatorListen().port());
      security.startPeerCrlFetcher();
      for (var d : dispatchers) d.start();
      return new Node(config, store, engine, api, port, ds, operatorServer, operatorPort, security, List.copyOf(consoleLinks.values()));
    } catch (Exception | Error e) {
      security.close();
      for (var d : dispatchers) d.close();
      for (var l : consoleLinks.values()) l.close();
      if (operatorServer != null) operatorServer.close();
      if (api != null) api.close();
      if (engine != null) engine.close();
      store.close();
      throw e;
    }
  }

  /**
   * Whether the operator listener is plain HTTP: only when security.operatorPlainHttp says so and
   * it listens on a loopback address (passwords and session cookies never cross a network in clear).
   */
  static boolean operatorPlainHttp(NodeConfig config) {
    if (!config.security().operatorPlainHttp()) return false;
    String host = config.operatorListen().host();
    boolean loopback;
    try {
      loopback = java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new IllegalStateException("security.operatorPlainHttp: plain HTTP for operators is allowed only on a loopback address; operatorListen.host is "
          + host + " (remove operatorPlainHttp to serve operators over HTTPS with the node's certificate)");
    }
    return true;
  }

  /** Built screeners by (lists, threshold): list versions are immutable, so nodes in one JVM share them. */
  private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<org.rialto.compliance.screening.Screener>>
      SCREENERS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The screener over this jurisdiction's lists, built in the background: indexing a list takes
   * seconds, and the node can rebuild its ledger and open its API meanwhile. Payments wait for
   * it (bounded) rather than pass unscreened. Null when the node screens against no list.
   */
  private static java.util.concurrent.CompletableFuture<org.rialto.compliance.screening.Screener> screener(NodeConfig config) {
    if (config.screening().lists().isEmpty()) return null;
    double threshold = config.screening().threshold() != null ? config.screening().threshold()
        : org.rialto.compliance.match.NameMatcher.DEFAULT_THRESHOLD;
    String key = config.screening().lists() + "@" + threshold;
    return SCREENERS.computeIfAbsent(key, k -> {
      long startNanos = System.nanoTime();
      // One thread per list reads and indexes it; each index prepares its names on all cores.
      var perList = new java.util.ArrayList<java.util.concurrent.CompletableFuture<org.rialto.compliance.screening.ListIndex>>();
      for (String name : config.screening().lists()) {
        var one = new java.util.concurrent.CompletableFuture<org.rialto.compliance.screening.ListIndex>();
        var builder = new Thread(() -> {
          try {
            one.complete(org.rialto.compliance.screening.ListIndex.build(org.rialto.compliance.lists.BuiltinLists.get(name), threshold));
          } catch (RuntimeException | Error e) {
            one.completeExceptionally(e);
          }
        }, "rialto-screener-build-" + name);
        builder.setDaemon(true);
        builder.start();
        perList.add(one);
      }
      return java.util.concurrent.CompletableFuture.allOf(perList.toArray(new java.util.concurrent.CompletableFuture<?>[0]))
          .thenApply(done -> {
            var indexes = perList.stream().map(java.util.concurrent.CompletableFuture::join).toList();
            // The cache serves repeat names (the same companies pay every day); results depend
            // only on the name and the list versions, which a screener never changes.
            var built = org.rialto.compliance.screening.Screener.of(indexes).withCache(200_000);
            org.slf4j.LoggerFactory.getLogger("rialto.screening").info("sanctions index {} ready in {} ms ({} names and aliases)",
                built, (System.nanoTime() - startNanos) / 1_000_000, indexes.stream().mapToInt(ix -> ix.nameCount()).sum());
            return built;
          });
    });
  }

  private static java.util.Map<String, Integer> minorUnitsByCurrency(NodeConfig config) {
    var m = new java.util.HashMap<String, Integer>();
    m.put(config.currency().code(), config.currency().minorUnits());
    for (var peer : config.peers()) m.put(peer.currency().code(), peer.currency().minorUnits());
    return m;
  }

  /**
   * The FX desk: a quote book over this node's currency and its peers', with this node's FX
   * providers, each assumed to hold a settlement account on every peer node it quotes for.
   */
  private static FxDesk fxDesk(NodeConfig config, Store store, Clock clock) {
    if (config.fxProviders().isEmpty()) return FxDesk.NONE;
    var currencies = new java.util.ArrayList<org.rialto.fx.Currency>();
    currencies.add(new org.rialto.fx.Currency(config.currency().code(), config.currency().minorUnits()));
    var codes = new java.util.ArrayList<String>();
    codes.add(config.currency().code());
    for (var peer : config.peers()) {
      if (codes.contains(peer.currency().code())) continue;
      currencies.add(new org.rialto.fx.Currency(peer.currency().code(), peer.currency().minorUnits()));
      codes.add(peer.currency().code());
    }
    var providers = config.fxProviders().stream().map(b -> new org.rialto.fx.FxProvider(b, codes)).toList();
    return store.read(c -> org.rialto.node.engine.QuoteDesk.load(c, currencies, providers,
        java.time.Duration.ofSeconds(config.quoteValiditySeconds()), clock.millis()));
  }

  /**
   * Brings the ledger in line with the configuration: system accounts, and each configured
   * participant that does not exist yet, with its opening liquidity. Idempotent: a restart finds
   * everything in place and changes nothing (opening liquidity has a transfer id derived from the
   * node and the BIC, so it can never be provided twice).
   */
  private static void applyConfiguration(NodeConfig config, NodeEngine engine) throws Exception {
    engine.ensureSystemAccounts().get(STARTUP_STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    int minor = config.currency().minorUnits();
    for (var p : config.participants()) {
      boolean exists = engine.query(v -> v.participant(p.bic()).isPresent()).get(STARTUP_STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (exists) continue;
      long creditLine = Amounts.parseMinor(p.creditLine() == null ? "0" : p.creditLine(), minor, p.bic() + ".creditLine");
      engine.addParticipant("config", p.bic(), p.name(), p.country(), creditLine).get(STARTUP_STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      long opening = Amounts.parseMinor(p.openingBalance() == null ? "0" : p.openingBalance(), minor, p.bic() + ".openingBalance");
      if (opening > 0) {
        engine.liquidity("config", TransferIds.nameUuid(config.node() + "/opening/" + p.bic()), p.bic(), opening, true)
            .get(STARTUP_STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    }
  }

  /** Operator accounts named in the configuration, created once (an existing account is left as it is). */
  private static void bootstrapOperators(NodeConfig config, org.rialto.node.operators.OperatorAccess access) {
    for (var o : config.operators()) {
      if (access.exists(o.name())) continue;
      access.addOperator("config", new org.rialto.security.operators.Operator(o.name(),
          org.rialto.security.operators.Role.valueOf(o.role()), o.passwordHash(), 0, java.time.Instant.EPOCH, false));
    }
  }

  public int port() {
    return port;
  }

  /** Whether the console and the admin API are served over HTTPS (the default). */
  public boolean operatorHttps() {
    return operatorServer.https();
  }

  /** Where the console and the admin API listen. */
  public int operatorPort() {
    return operatorPort;
  }

  public NodeEngine engine() {
    return engine;
  }

  public NodeConfig config() {
    return config;
  }

  public Store store() {
    return store;
  }

  public List<PeerDispatcher.LinkCounts> linkCounts() {
    return dispatchers.stream().map(PeerDispatcher::counts).toList();
  }

  public List<PeerDispatcher.LinkStatus> links() {
    return dispatchers.stream().map(PeerDispatcher::status).toList();
  }

  @Override
  public void close() throws Exception {
    security.close();
    for (var d : dispatchers) d.close();
    for (var l : consoleLinks) l.close();
    operatorServer.close();
    api.close();
    engine.close();
    store.close();
  }
}
