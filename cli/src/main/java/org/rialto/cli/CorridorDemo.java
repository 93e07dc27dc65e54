package org.rialto.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The seed scenario: a RUB node and an IRR node in two separate processes on loopback, each on
 * its own SQLite store, fictional banks on each side, two FX providers per direction (a dealer
 * bank and a central bank on a swap line), trade settled in national currencies both ways, a
 * payment queued for liquidity, one rejected on an expired quote, and the IRR node killed with
 * SIGKILL and restarted while a payment is in flight. Everything goes through the nodes' public
 * HTTP APIs, as a bank would use them.
 */
final class CorridorDemo {
  static final String RU_CB = "CBRURUMM";
  static final String VOLGA = "VOLGRUMM";
  static final String URAL = "URALRUMM";
  static final String NEVA = "NEVARUMM";
  static final String KAMA = "KAMARUMM";
  static final String IR_CB = "CBIRIRTH";
  static final String PERSEPOLIS = "PRSPIRTH";
  static final String ZAGROS = "ZAGRIRTH";
  static final String CASPIAN = "CSPNIRTH";
  /** The demo shortens quote validity so it can show an expiry within a minute. */
  static final int DEMO_QUOTE_VALIDITY_SECONDS = 12;
  /** Generous: a loaded machine can take long to start a JVM, replay a store and open a port. */
  static final long START_TIMEOUT_MILLIS = 180_000;

  record Line(String what, String uetr, String from, String to, String debtorAmount, String creditorAmount,
      String rate, String fxp, String state, String reason, boolean crossBorder, boolean outOfRu) {}

  private final Path dir;
  private final PrintStream out;
  private final ObjectMapper json = new ObjectMapper();
  /**
   * Operators' client, on the nodes' operator listeners (HTTPS, trusting both node CAs as an
   * operator's machine does); banks use their own certificates, below. Made once the CAs exist.
   */
  private HttpClient http;
  /** Both nodes' CAs and every bank's certificate, made at the start of each run. */
  private DemoPki pki;
  private final Map<String, org.rialto.node.client.BankClient> clients = new java.util.HashMap<>();

  /** A verified, signed answer from a node to a bank. */
  private record Answer(int statusCode, String body) {}
  private final List<Line> lines = new ArrayList<>();
  private final Map<String, String> names = new LinkedHashMap<>();
  private NodeProcess ru;
  private NodeProcess ir;
  private int ruPort;
  private int irPort;
  private int ruOperatorPort;
  private int irOperatorPort;
  /** One password for every demo operator, made up at each run and printed: never a default to forget. */
  private final String operatorPassword = "demo-" + java.util.HexFormat.of().formatHex(randomBytes());
  private final Map<String, String> operatorTokens = new java.util.HashMap<>();

  private static byte[] randomBytes() {
    byte[] b = new byte[6];
    new java.security.SecureRandom().nextBytes(b);
    return b;
  }

  CorridorDemo(Path dir, PrintStream out) {
    this.dir = dir;
    this.out = out;
    names.put(RU_CB, "Central Bank (RU node)");
    names.put(VOLGA, "Volga Commercial Bank");
    names.put(URAL, "Ural Energy Bank");
    names.put(NEVA, "Neva Trade Bank");
    names.put(KAMA, "Kama Dealer Bank (FX)");
    names.put(IR_CB, "Central Bank (IR node)");
    names.put(PERSEPOLIS, "Persepolis Bank");
    names.put(ZAGROS, "Zagros Industrial Bank");
    names.put(CASPIAN, "Caspian Agricultural Bank");
  }

  /** A node in its own process; its output goes to a log file beside its store. */
  static final class NodeProcess {
    final String name;
    final Path config;
    final Path log;
    Process process;

    NodeProcess(String name, Path config, Path log) {
      this.name = name;
      this.config = config;
      this.log = log;
    }

    void start() throws Exception {
      String java = ProcessHandle.current().info().command().orElse("java");
      var pb = new ProcessBuilder(java, "-XX:+UseParallelGC", "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-cp", System.getProperty("java.class.path"), "org.rialto.node.NodeMain", config.toString());
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      process = pb.start();
      long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
      while (System.currentTimeMillis() < deadline) {
        if (!process.isAlive()) throw new IllegalStateException(name + " exited at start; see " + log);
        String text = Files.exists(log) ? Files.readString(log) : "";
        // One "listening" line per start: the node prints it once it serves banks (its "operators on" line comes first).
        if (text.lines().filter(l -> l.startsWith("rialto node ") && l.contains(" listening on ")).count() > starts) {
          starts++;
          return;
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException(name + " did not start within " + START_TIMEOUT_MILLIS + " ms; see " + log);
    }

    private long starts;

    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
    }

    void stop() throws InterruptedException {
      if (process != null && process.isAlive()) {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
      }
    }
  }

  record Summary(int payments, int settled, int rejected, boolean bothLegsConsistent, boolean conserved) {}

  Summary run(boolean keep) throws Exception {
    ruPort = freePort();
    irPort = freePort();
    ruOperatorPort = freePort();
    irOperatorPort = freePort();
    Path ruConfig = dir.resolve("ru-node.yaml");
    Path irConfig = dir.resolve("ir-node.yaml");
    pki = new DemoPki(dir);
    out.println("Making each node's certificate authority (as `rialto pki init` does), the nodes' TLS certificates and a");
    out.println("certificate for every bank and FX provider (as `rialto pki issue` does); each node pins the other's CA ...");
    int certificates = 0;
    for (String bic : List.of(RU_CB, VOLGA, URAL, NEVA, KAMA, IR_CB)) {
      pki.bank("RU-NODE", bic);
      certificates++;
    }
    for (String bic : List.of(IR_CB, PERSEPOLIS, ZAGROS, CASPIAN, KAMA, RU_CB)) {
      pki.bank("IR-NODE", bic);
      certificates++;
    }
    out.println("  " + certificates + " participant certificates (EC P-256) in " + dir.resolve("RU-NODE-ca") + " and "
        + dir.resolve("IR-NODE-ca") + "; every bank and peer link is TLS 1.3 with client certificates, every message a"
        + " detached JWS (ES256) checked before anything else reads it");
    Files.writeString(ruConfig, ruYaml() + pki.yaml("RU-NODE", List.of("IR-NODE")));
    Files.writeString(irConfig, irYaml() + pki.yaml("IR-NODE", List.of("RU-NODE")));
    http = HttpClient.newBuilder().sslContext(pki.operatorTrust()).connectTimeout(Duration.ofSeconds(3)).build();
    ru = new NodeProcess("RU-NODE", ruConfig, dir.resolve("ru-node.log"));
    ir = new NodeProcess("IR-NODE", irConfig, dir.resolve("ir-node.log"));
    try {
      out.println("Starting the RUB node and the IRR node in two processes (stores in " + dir + ") ...");
      ru.start();
      ir.start();
      out.println("  RU-NODE (RUB) on https://127.0.0.1:" + ruPort + "   IR-NODE (IRR) on https://127.0.0.1:" + irPort
          + " (mutual TLS; the nodes pin each other's CA)");
      out.println("  Operators sign in on their own listeners over HTTPS: RU console https://127.0.0.1:" + ruOperatorPort
          + "/console, IR console https://127.0.0.1:" + irOperatorPort + "/console");
      return scenario(keep);
    } finally {
      clients.values().forEach(org.rialto.node.client.BankClient::close);
      clients.clear();
      if (!keep) {
        ru.stop();
        ir.stop();
      }
    }
  }

  private Summary scenario(boolean keep) throws Exception {
    out.println("FX providers publish rates (dealer bank and central banks on swap lines) ...");
    // The dealer prices sharper but charges a fixed fee: it wins large tickets, the central
    // banks' swap lines win small ones. Banks get every quote and pick.
    publish(ru, KAMA, "IRR", "521.40", "1500.00", 0);
    publish(ru, RU_CB, "IRR", "520.10", null, 0);
    publish(ir, KAMA, "RUB", "0.001930", "2000000", 0);
    publish(ir, IR_CB, "RUB", "0.001921", null, 0);

    // Taken now, used after the restart: by then it has expired.
    String staleQuote = bestQuote(ru, VOLGA, "IRR", "sourceAmount", "40000.00").get("quoteId").asText();

    out.println("Trade settled in national currencies ...");
    crossBorder("Gas deliveries (swap)", ru, VOLGA, PERSEPOLIS, "IRR", "sourceAmount", "12500000.00", true);
    crossBorder("Sirik power plant: turbine equipment", ir, ZAGROS, URAL, "RUB", "targetAmount", "45000000.00", false);
    crossBorder("Wheat exports", ir, CASPIAN, VOLGA, "RUB", "targetAmount", "8200000.00", false);
    crossBorder("Citrus and pistachio imports", ru, NEVA, CASPIAN, "IRR", "sourceAmount", "350000.00", true);
    crossBorder("Remittance to family", ru, VOLGA, PERSEPOLIS, "IRR", "sourceAmount", "15000.00", true);
    crossBorder("Student remittance", ir, PERSEPOLIS, NEVA, "RUB", "sourceAmount", "20000000", false);

    out.println("A domestic payment waits for liquidity, then settles when liquidity arrives ...");
    String queued = domestic("Neva pays Volga (more than it holds)", NEVA, VOLGA, "2000000.00");
    out.println("  " + shortId(queued) + " is " + paymentState(ru, NEVA, queued));
    domestic("Ural pays Neva (liquidity arrives)", URAL, NEVA, "3000000.00");
    awaitFinal(ru, NEVA, queued, 10_000);
    refresh(queued, ru, NEVA);
    out.println("  " + shortId(queued) + " is now " + paymentState(ru, NEVA, queued));

    out.println("Sanctions screening: each node screens against its own jurisdiction's lists (here the UN list) ...");
    String held = crossBorderNoWait("Consulting fee", ru, VOLGA, PERSEPOLIS, "IRR", "sourceAmount", "75000.00", true,
        "Mahfouz Ould al-Walid");
    waitForState(ru, held, "HELD", 10_000);
    out.println("  " + shortId(held) + " names a listed person: HELD on RU-NODE before any money moves");
    var rejected = operatorPost(ru, "officer.ivanova", "/v1/admin/cases/" + held + "/reject",
        "{\"reasonCode\":\"RR04\",\"reason\":\"true match on the UN list\"}");
    out.println("  officer.ivanova rejects it (HTTP " + rejected.statusCode() + ", RR04)");
    refresh(held, ru, VOLGA);

    String namesake = crossBorderNoWait("Carpet purchase", ir, PERSEPOLIS, NEVA, "RUB", "sourceAmount", "3000000", false,
        "Mahfouz Ould al-Walid Trading House");
    waitForState(ir, namesake, "HELD", 10_000);
    operatorPost(ir, "officer.karimi", "/v1/admin/cases/" + namesake + "/release", "{\"reason\":\"a company, not the listed person\"}");
    var twice = operatorPost(ir, "officer.karimi", "/v1/admin/cases/" + namesake + "/release", "{\"reason\":\"again\"}");
    out.println("  " + shortId(namesake) + " (a namesake) HELD on IR-NODE; officer.karimi approves the release; approving"
        + " twice is refused (HTTP " + twice.statusCode() + "): dual control");
    operatorPost(ir, "supervisor.rahimi", "/v1/admin/cases/" + namesake + "/release", "{\"reason\":\"confirmed namesake\"}");
    out.println("  supervisor.rahimi confirms; the payment goes on to RU-NODE, which screens it against its own lists ...");
    waitForState(ru, namesake, "HELD", 10_000);
    operatorPost(ru, "officer.ivanova", "/v1/admin/cases/" + namesake + "/release", "{\"reason\":\"namesake, documents checked\"}");
    operatorPost(ru, "supervisor.petrov", "/v1/admin/cases/" + namesake + "/release", "{\"reason\":\"confirmed\"}");
    out.println("  ... HELD there too, released by officer.ivanova and supervisor.petrov, then settled on both nodes");
    awaitFinal(ir, PERSEPOLIS, namesake, 15_000);
    refresh(namesake, ir, PERSEPOLIS);

    out.println("Four eyes on credit lines: a supervisor proposes, another approves, only then is it applied ...");
    var proposed = json.readTree(operatorPut(ru, "supervisor.petrov", "/v1/admin/participants/" + NEVA + "/credit-line",
        "{\"creditLine\":\"1000000.00\"}").body());
    String change = proposed.get("id").asText();
    var own = operatorPost(ru, "supervisor.petrov", "/v1/admin/changes/" + change + "/approve", "{}");
    out.println("  supervisor.petrov proposes " + change + " (Neva: credit line 1,000,000.00 RUB); approving it himself is"
        + " refused (HTTP " + own.statusCode() + ")");
    var approved = operatorPost(ru, "supervisor.smirnova", "/v1/admin/changes/" + change + "/approve", "{}");
    out.println("  supervisor.smirnova approves it (HTTP " + approved.statusCode() + "): Neva's line is now "
        + accountField(ru, NEVA, "creditLine") + " RUB");

    out.println("The IRR node is killed (SIGKILL) with a payment in flight, then restarted ...");
    String inFlight = crossBorderNoWait("Power-line spare parts", ru, URAL, ZAGROS, "IRR", "sourceAmount", "95000000.00", true);
    ir.kill();
    String stateAtKill = paymentState(ru, URAL, inFlight);
    // On a fast machine the IR node may have decided before the kill; say which case this run hit.
    boolean decided = stateAtKill.equals("SETTLED") || stateAtKill.equals("REJECTED");
    out.println("  IR-NODE killed; payment " + shortId(inFlight) + " on RU-NODE is " + stateAtKill
        + (decided ? " (the IR node had decided before it died)" : " (leg 1 reserved, decision pending)"));
    ir.start();
    out.println("  IR-NODE restarted from its store");
    awaitFinal(ru, URAL, inFlight, 20_000);
    refresh(inFlight, ru, URAL);

    long waitMillis = DEMO_QUOTE_VALIDITY_SECONDS * 1000L;
    out.println("A payment on a quote that has expired (quotes are firm for " + DEMO_QUOTE_VALIDITY_SECONDS + " s in the demo) ...");
    Thread.sleep(Math.max(0, waitMillis - 1000));
    pay("Remittance on a stale quote", ru, VOLGA, PERSEPOLIS, "40000.00", "RUB", staleQuote, true, null);

    return report(keep);
  }

  // ---- Scenario steps ----

  private void publish(NodeProcess node, String fxp, String target, String rate, String fixedFee, int bps) throws Exception {
    var body = new LinkedHashMap<String, Object>();
    body.put("targetCurrency", target);
    body.put("rate", rate);
    if (fixedFee != null) body.put("fixedFee", fixedFee);
    body.put("feeBasisPoints", bps);
    var r = post(node, fxp, "/v1/fx/rates", json.writeValueAsString(body));
    if (r.statusCode() != 201) throw new IllegalStateException("rate refused: " + r.body());
  }

  /** Asks every FX provider and takes the quote that gives the creditor most for the debtor's money. */
  private JsonNode bestQuote(NodeProcess node, String bank, String target, String basis, String amount) throws Exception {
    var r = post(node, bank, "/v1/quotes", "{\"targetCurrency\":\"" + target + "\",\"" + basis + "\":\"" + amount + "\"}");
    var quotes = json.readTree(r.body()).get("quotes");
    if (quotes == null || quotes.isEmpty()) throw new IllegalStateException("no quote: " + r.body());
    JsonNode best = null;
    for (JsonNode q : quotes) {
      if (best == null) {
        best = q;
        continue;
      }
      // Per unit debited, the better quote delivers more to the creditor.
      var mine = new java.math.BigDecimal(q.get("targetAmount").asText()).divide(new java.math.BigDecimal(q.get("sourceAmount").asText()), 12, java.math.RoundingMode.DOWN);
      var theirs = new java.math.BigDecimal(best.get("targetAmount").asText()).divide(new java.math.BigDecimal(best.get("sourceAmount").asText()), 12, java.math.RoundingMode.DOWN);
      if (mine.compareTo(theirs) > 0) best = q;
    }
    return best;
  }

  private void crossBorder(String what, NodeProcess node, String debtor, String creditor, String target, String basis,
      String amount, boolean outOfRu) throws Exception {
    String uetr = crossBorderNoWait(what, node, debtor, creditor, target, basis, amount, outOfRu);
    awaitFinal(node, debtor, uetr, 15_000);
    refresh(uetr, node, debtor);
  }

  private String crossBorderNoWait(String what, NodeProcess node, String debtor, String creditor, String target,
      String basis, String amount, boolean outOfRu) throws Exception {
    return crossBorderNoWait(what, node, debtor, creditor, target, basis, amount, outOfRu, null);
  }

  private String crossBorderNoWait(String what, NodeProcess node, String debtor, String creditor, String target,
      String basis, String amount, boolean outOfRu, String creditorName) throws Exception {
    JsonNode q = bestQuote(node, debtor, target, basis, amount);
    String source = q.get("sourceCurrency").asText();
    return pay(what, node, debtor, creditor, q.get("sourceAmount").asText(), source, q.get("quoteId").asText(), outOfRu, q,
        creditorName);
  }

  private String pay(String what, NodeProcess node, String debtor, String creditor, String amount, String currency,
      String quoteId, boolean outOfRu, JsonNode quote) throws Exception {
    return pay(what, node, debtor, creditor, amount, currency, quoteId, outOfRu, quote, null);
  }

  private String pay(String what, NodeProcess node, String debtor, String creditor, String amount, String currency,
      String quoteId, boolean outOfRu, JsonNode quote, String creditorName) throws Exception {
    String uetr = UUID.randomUUID().toString();
    var body = new LinkedHashMap<String, Object>();
    body.put("uetr", uetr);
    body.put("debtorAgent", debtor);
    body.put("creditorAgent", creditor);
    body.put("amount", amount);
    body.put("currency", currency);
    if (quoteId != null) body.put("quoteId", quoteId);
    body.put("debtor", Map.of("name", names.get(debtor) + " customer"));
    body.put("creditor", Map.of("name", creditorName != null ? creditorName : names.get(creditor) + " customer"));
    body.put("remittance", what);
    var r = post(node, debtor, "/v1/payments", json.writeValueAsString(body));
    if (r.statusCode() != 200) throw new IllegalStateException(what + ": " + r.body());
    var outcome = json.readTree(r.body()).get("payments").get(0);
    lines.add(new Line(what, uetr, debtor, creditor, amount + " " + currency,
        quote == null ? "-" : quote.get("targetAmount").asText() + " " + quote.get("targetCurrency").asText(),
        quote == null ? "-" : quote.get("rate").asText(), quote == null ? "-" : quote.get("fxp").asText(),
        outcome.get("state").asText(), outcome.has("reasonCode") ? outcome.get("reasonCode").asText() : null,
        quoteId != null, outOfRu));
    return uetr;
  }

  private String domestic(String what, String debtor, String creditor, String amount) throws Exception {
    return pay(what, ru, debtor, creditor, amount, "RUB", null, true, null);
  }

  private void refresh(String uetr, NodeProcess node, String bic) throws Exception {
    for (int i = 0; i < lines.size(); i++) {
      var l = lines.get(i);
      if (!l.uetr().equals(uetr)) continue;
      var p = json.readTree(get(node, bic, "/v1/payments/" + uetr).body());
      lines.set(i, new Line(l.what(), l.uetr(), l.from(), l.to(), l.debtorAmount(), l.creditorAmount(), l.rate(),
          l.fxp(), p.get("state").asText(), p.has("reasonCode") ? p.get("reasonCode").asText() : null,
          l.crossBorder(), l.outOfRu()));
    }
  }

  /** Signs the operator in on the node's operator listener once; the session token is reused. */
  private String token(NodeProcess node, String operator) throws Exception {
    String key = node.name + "/" + operator;
    String token = operatorTokens.get(key);
    if (token != null) return token;
    var r = http.send(HttpRequest.newBuilder(URI.create(operatorBase(node) + "/v1/admin/session")).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"name\":\"" + operator + "\",\"password\":\"" + operatorPassword + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != 201) throw new IllegalStateException(operator + " could not sign in on " + node.name + ": " + r.body());
    token = json.readTree(r.body()).get("token").asText();
    operatorTokens.put(key, token);
    return token;
  }

  private HttpResponse<String> operatorPost(NodeProcess node, String operator, String path, String body) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(operatorBase(node) + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(node, operator))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> operatorPut(NodeProcess node, String operator, String path, String body) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(operatorBase(node) + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(node, operator))
        .PUT(HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** An operator's read (the demo reads as a viewer: reading needs no more). */
  private HttpResponse<String> adminGet(NodeProcess node, String path) throws Exception {
    var b = HttpRequest.newBuilder(URI.create(operatorBase(node) + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token(node, "viewer.demo")).GET();
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private String accountField(NodeProcess node, String bic, String field) throws Exception {
    for (JsonNode a : json.readTree(adminGet(node, "/v1/admin/accounts").body())) {
      if (a.get("bic").asText().equals(bic)) return a.get(field).asText();
    }
    return "?";
  }

  /** Waits until the node's operator view shows the payment in {@code state}. */
  private void waitForState(NodeProcess node, String uetr, String state, long timeoutMillis) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      var r = adminGet(node, "/v1/admin/payments/" + uetr);
      if (r.statusCode() == 200 && json.readTree(r.body()).get("state").asText().equals(state)) return;
      Thread.sleep(50);
    }
    throw new IllegalStateException("payment " + uetr + " did not reach " + state + " on " + node.name);
  }

  private String paymentState(NodeProcess node, String bic, String uetr) throws Exception {
    var r = get(node, bic, "/v1/payments/" + uetr);
    return r.statusCode() == 200 ? json.readTree(r.body()).get("state").asText() : "ABSENT";
  }

  private void awaitFinal(NodeProcess node, String bic, String uetr, long timeoutMillis) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      String s = paymentState(node, bic, uetr);
      if (s.equals("SETTLED") || s.equals("REJECTED") || s.equals("RETURNED")) return;
      Thread.sleep(50);
    }
  }

  // ---- Report ----

  private Summary report(boolean keep) throws Exception {
    for (var l : List.copyOf(lines)) refresh(l.uetr(), l.outOfRu() ? ru : ir, l.from());
    out.println();
    out.println("Payments");
    out.println(String.format("  %-38s %-9s %-9s %20s %20s %10s %-9s %s", "what", "debtor", "creditor",
        "debtor pays", "creditor receives", "rate", "FXP", "state"));
    int settled = 0;
    int rejected = 0;
    boolean consistent = true;
    for (var l : lines) {
      String state = l.state() + (l.reason() != null ? " " + l.reason() : "");
      String otherSide = "";
      if (l.crossBorder()) {
        NodeProcess other = l.outOfRu() ? ir : ru;
        String there = paymentState(other, l.to(), l.uetr());
        boolean same = l.state().equals("SETTLED") ? there.equals("SETTLED") : !there.equals("SETTLED");
        consistent &= same && (l.state().equals("SETTLED") || l.state().equals("REJECTED"));
        otherSide = "  (" + (l.outOfRu() ? "IR" : "RU") + " node: " + there + ")";
      }
      if (l.state().equals("SETTLED")) settled++;
      if (l.state().equals("REJECTED")) rejected++;
      out.println(String.format("  %-38s %-9s %-9s %20s %20s %10s %-9s %s%s", truncate(l.what(), 38), l.from(), l.to(),
          l.debtorAmount(), l.creditorAmount(), l.rate(), l.fxp(), state, otherSide));
    }
    out.println();
    boolean conserved = true;
    for (var node : List.of(ru, ir)) {
      out.println("Balances on " + node.name);
      var accounts = json.readTree(adminGet(node, "/v1/admin/accounts").body());
      for (JsonNode a : accounts) {
        out.println(String.format("  %-9s %-28s %22s %s  (available %s, queued %d)", a.get("bic").asText(),
            truncate(a.get("name").asText(), 28), a.get("balance").asText(), a.get("currency").asText(),
            a.get("available").asText(), a.get("queuedCount").asInt()));
      }
      var inv = adminGet(node, "/v1/admin/invariants");
      var invariants = json.readTree(inv.body());
      boolean ok = inv.statusCode() == 200 && invariants.path("conserved").asBoolean(false);
      conserved &= ok;
      out.println("  invariants: " + (ok ? "hold (debits = credits per currency, no limit breached, every pending"
          + " transfer resolved once, " + invariants.get("issuedMinor").asText() + " minor units issued = held by participants)"
          : "BROKEN: " + inv.body()));
      out.println();
    }
    out.println("Both legs consistent on both nodes: " + consistent + "; money conserved on each node: " + conserved);
    if (keep) {
      out.println();
      out.println("The nodes keep running (--keep):");
      out.println("  RU-NODE console https://127.0.0.1:" + ruOperatorPort + "/console   API https://127.0.0.1:" + ruPort
          + "/openapi.json   (pid " + ru.process.pid() + ", log " + ru.log + ")");
      out.println("  IR-NODE console https://127.0.0.1:" + irOperatorPort + "/console   API https://127.0.0.1:" + irPort
          + "/openapi.json   (pid " + ir.process.pid() + ", log " + ir.log + ")");
      out.println("  The consoles' certificates are issued by the node CAs: import " + dir.resolve("RU-NODE-ca").resolve("ca.pem") + " and "
          + dir.resolve("IR-NODE-ca").resolve("ca.pem") + " as trusted authorities in your browser (or accept its warning)");
      out.println("  Sign in to a console as any of: " + String.join(", ", DEMO_OPERATORS.keySet()) + " (roles: "
          + String.join(", ", DEMO_OPERATORS.values()) + "), password " + operatorPassword);
      out.println("  Banks: TLS 1.3 with their certificates (PKCS#12 in " + dir.resolve("RU-NODE-ca") + " and "
          + dir.resolve("IR-NODE-ca") + ", password in " + dir.resolve("bank-keys.password") + "), e.g. GET https://127.0.0.1:"
          + ruPort + "/v1/accounts/VOLGRUMM with Volga's certificate; a POST needs a detached JWS in X-JWS-Signature"
          + " (org.rialto.node.client.BankClient does both)");
      out.println("  Stop them with: kill " + ru.process.pid() + " " + ir.process.pid());
    } else {
      out.println("Run './rialto demo --keep' to leave both nodes running afterwards and sign in to their operator consoles"
          + " (the demo prints the addresses, the operators and their password).");
      out.println("Check a store yourself: ./rialto ledger verify --store " + dir.resolve("ru-node.db"));
    }
    return new Summary(lines.size(), settled, rejected, consistent, conserved);
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  private static String shortId(String uetr) {
    return uetr.substring(0, 8);
  }

  // ---- HTTP and configuration ----

  /** Bank {@code bic}'s mutual-TLS, signing client to {@code node}. */
  private synchronized org.rialto.node.client.BankClient client(NodeProcess node, String bic) {
    java.util.Objects.requireNonNull(bic, "a bank call needs the bank's certificate");
    return clients.computeIfAbsent(node.name + "/" + bic, k -> pki.client(node.name, node == ru ? ruPort : irPort, bic));
  }

  private Answer post(NodeProcess node, String bic, String path, String body) throws Exception {
    var r = client(node, bic).post(path, body);
    return new Answer(r.status(), r.text());
  }

  private Answer get(NodeProcess node, String bic, String path) throws Exception {
    var r = client(node, bic).get(path);
    return new Answer(r.status(), r.text());
  }

  private String operatorBase(NodeProcess node) {
    return "https://127.0.0.1:" + (node == ru ? ruOperatorPort : irOperatorPort);
  }

  /** The demo's operators (on both nodes) and their roles. */
  static final Map<String, String> DEMO_OPERATORS = new java.util.LinkedHashMap<>(Map.of());

  static {
    DEMO_OPERATORS.put("viewer.demo", "VIEWER");
    DEMO_OPERATORS.put("officer.ivanova", "OPERATOR");
    DEMO_OPERATORS.put("officer.karimi", "OPERATOR");
    DEMO_OPERATORS.put("supervisor.petrov", "SUPERVISOR");
    DEMO_OPERATORS.put("supervisor.smirnova", "SUPERVISOR");
    DEMO_OPERATORS.put("supervisor.rahimi", "SUPERVISOR");
    DEMO_OPERATORS.put("admin.demo", "ADMINISTRATOR");
  }

  private String operatorHash;

  /** The operators block of a node's YAML: hashes only (Argon2id), computed once per run. */
  private String operatorsYaml(int operatorPort) {
    if (operatorHash == null) operatorHash = org.rialto.security.operators.PasswordHasher.hash(operatorPassword.toCharArray());
    var y = new StringBuilder("operatorListen: { host: 127.0.0.1, port: " + operatorPort + " }\noperators:\n");
    for (var e : DEMO_OPERATORS.entrySet()) {
      y.append("  - { name: ").append(e.getKey()).append(", role: ").append(e.getValue()).append(", passwordHash: '")
          .append(operatorHash).append("' }\n");
    }
    return y.toString();
  }

  static int freePort() throws IOException {
    // Below the ephemeral range: the node restarted mid-demo binds its port again while the demo's
    // clients hold outgoing connections, whose local ports come from that range (see FreePorts).
    return org.rialto.node.config.FreePorts.one();
  }

  private String ruYaml() {
    return """
        # The demo's RUB node. Banks are fictional.
        node: RU-NODE
        currency: { code: RUB, minorUnits: 2 }
        centralBank: %s
        listen: { host: 127.0.0.1, port: %d }
        store: { url: "%s" }
        quoteValiditySeconds: %d
        # The jurisdiction's sanctions lists: every payment's parties are screened before money moves.
        screening: { lists: [UN] }
        # FX providers of the corridor, in both directions: they quote here or settle leg 2 here.
        fxProviders: [%s, %s, %s]
        participants:
          - { bic: %s, name: "Central Bank (RU node)", country: RU, creditLine: "0", openingBalance: "0" }
          - { bic: %s, name: "Volga Commercial Bank", country: RU, creditLine: "0", openingBalance: "250000000.00" }
          - { bic: %s, name: "Ural Energy Bank", country: RU, creditLine: "5000000.00", openingBalance: "180000000.00" }
          - { bic: %s, name: "Neva Trade Bank", country: RU, creditLine: "0", openingBalance: "500000.00" }
          - { bic: %s, name: "Kama Dealer Bank (FX)", country: RU, creditLine: "0", openingBalance: "100000000.00" }
          - { bic: %s, name: "Central Bank (IR node), swap line", country: IR, creditLine: "0", openingBalance: "500000000.00" }
        peers:
          - { node: IR-NODE, url: "https://127.0.0.1:%d", currency: { code: IRR, minorUnits: 0 }, bics: [IR],
              consoleUrl: "https://127.0.0.1:%d" }
        """.formatted(RU_CB, ruPort, dir.resolve("ru-node.db"), DEMO_QUOTE_VALIDITY_SECONDS, KAMA, RU_CB, IR_CB,
        RU_CB, VOLGA, URAL, NEVA, KAMA, IR_CB, irPort, irOperatorPort) + operatorsYaml(ruOperatorPort);
  }

  private String irYaml() {
    return """
        # The demo's IRR node. Banks are fictional.
        node: IR-NODE
        currency: { code: IRR, minorUnits: 0 }
        centralBank: %s
        listen: { host: 127.0.0.1, port: %d }
        store: { url: "%s" }
        quoteValiditySeconds: %d
        screening: { lists: [UN] }
        # FX providers of the corridor, in both directions: they quote here or settle leg 2 here.
        fxProviders: [%s, %s, %s]
        participants:
          - { bic: %s, name: "Central Bank (IR node)", country: IR, creditLine: "0", openingBalance: "0" }
          - { bic: %s, name: "Persepolis Bank", country: IR, creditLine: "0", openingBalance: "50000000000" }
          - { bic: %s, name: "Zagros Industrial Bank", country: IR, creditLine: "0", openingBalance: "80000000000" }
          - { bic: %s, name: "Caspian Agricultural Bank", country: IR, creditLine: "0", openingBalance: "20000000000" }
          - { bic: %s, name: "Kama Dealer Bank (FX)", country: RU, creditLine: "0", openingBalance: "400000000000" }
          - { bic: %s, name: "Central Bank (RU node), swap line", country: RU, creditLine: "0", openingBalance: "300000000000" }
        peers:
          - { node: RU-NODE, url: "https://127.0.0.1:%d", currency: { code: RUB, minorUnits: 2 }, bics: [RU],
              consoleUrl: "https://127.0.0.1:%d" }
        """.formatted(IR_CB, irPort, dir.resolve("ir-node.db"), DEMO_QUOTE_VALIDITY_SECONDS, KAMA, IR_CB, RU_CB,
        IR_CB, PERSEPOLIS, ZAGROS, CASPIAN, KAMA, RU_CB, ruPort, ruOperatorPort) + operatorsYaml(irOperatorPort);
  }
}
