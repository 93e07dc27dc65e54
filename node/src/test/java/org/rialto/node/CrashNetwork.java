package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The harness of the crash tests with node processes ({@link CorridorCrashTest}: two nodes,
 * {@link TriangleCrashTest}: three): nodes joined by corridors, each with its own FX provider;
 * banks sending random cross-border payments (single and batched, now and then one no provider
 * can cover) while random nodes are killed with SIGKILL and restarted; then the checks, once all
 * are up and quiet: every payment settled on both of its nodes or on neither, nothing in doubt,
 * each account exactly its opening plus its settled legs, each currency conserved on its node,
 * every bank told once.
 */
final class CrashNetwork implements AutoCloseable {
  static final long ANSWER_DEADLINE_MILLIS = 180_000;

  /** One node as the test drives it. */
  static final class Side {
    final String nodeId;
    final String currency;
    final int minorUnits;
    final String centralBank;
    final String country;
    /** Extra YAML (a calendar), or empty. */
    final String calendarYaml;
    final List<String> banks;
    final long bankOpeningMinor;
    final long dealerOpeningMinor;
    /** Ordinary payments' source amounts, and the occasional one no FX provider can cover. */
    final long minAmountMinor;
    final long maxAmountMinor;
    final long hugeAmountMinor;
    /** Rate from this node's currency to each other node's, and the dealer serving that corridor. */
    final Map<Side, String> rates = new HashMap<>();
    final Map<Side, String> dealers = new HashMap<>();
    final List<Side> others = new ArrayList<>();
    int port;
    Path config;
    Path log;
    volatile NodeProcess process;
    Http http;

    Side(String nodeId, String currency, int minorUnits, String centralBank, String calendarYaml, List<String> banks,
        long bankOpeningMinor, long dealerOpeningMinor, long minAmountMinor, long maxAmountMinor, long hugeAmountMinor) {
      this.nodeId = nodeId;
      this.currency = currency;
      this.minorUnits = minorUnits;
      this.centralBank = centralBank;
      this.country = centralBank.substring(4, 6);
      this.calendarYaml = calendarYaml;
      this.banks = banks;
      this.bankOpeningMinor = bankOpeningMinor;
      this.dealerOpeningMinor = dealerOpeningMinor;
      this.minAmountMinor = minAmountMinor;
      this.maxAmountMinor = maxAmountMinor;
      this.hugeAmountMinor = hugeAmountMinor;
    }

    String format(long minor) {
      return BigDecimal.valueOf(minor, minorUnits).toPlainString();
    }

    long minor(String amount) {
      return new BigDecimal(amount).movePointRight(minorUnits).longValueExact();
    }

    List<String> dealersHere() {
      return others.stream().map(dealers::get).toList();
    }

    void start() throws Exception {
      process = NodeProcess.start(config, log);
    }
  }

  /** A payment as its bank sent it, with the quote it paid on. */
  record Sent(UUID uetr, Side from, Side to, String debtor, String creditor, String dealer, long sourceMinor, long targetMinor,
      String json) {}

  /** A payment's state on its sending node, and on its receiving node (ABSENT if never there). */
  record Final(String sender, String senderReason, String receiver, String receiverReason) {}

  /**
   * How the load and the kills are paced.
   *
   * @param clientsPerNode banks sending from each node (a client sends from one node only, so it keeps working while others are down)
   * @param clientPauseMillis a client's pause after each message, at most (0: back to back)
   * @param killEveryMillis the least time between two kills; {@code killSpreadMillis} more at random
   * @param restartPauseMillis a killed node stays down up to this long (half the time: not at all)
   */
  record Pace(int clientsPerNode, int clientPauseMillis, int killEveryMillis, int killSpreadMillis, int restartPauseMillis) {}

  final String name;
  final Path dir;
  final List<Side> nodes = new ArrayList<>();
  final AtomicBoolean stop = new AtomicBoolean();
  final ExecutorService quoting = Executors.newFixedThreadPool(32);
  final Map<UUID, Sent> sent = new ConcurrentHashMap<>();
  final Map<UUID, String> acknowledged = new ConcurrentHashMap<>();

  /** The test's randomness: from the system property {@code seedProperty} when given, to repeat a run. */
  final Random random;

  CrashNetwork(String name, Path dir, String seedProperty, int kills) {
    this.name = name;
    this.dir = dir;
    long seed = Long.getLong(seedProperty, System.nanoTime());
    System.out.println(name + " seed " + seed + " (-D" + seedProperty + " to repeat), kills " + kills);
    this.random = new Random(seed);
  }

  Side node(Side s) {
    nodes.add(s);
    return s;
  }

  /** A corridor between two nodes, served by {@code dealer}, a participant of both. */
  static void corridor(Side a, Side b, String dealer, String rateAtoB, String rateBtoA) {
    a.others.add(b);
    b.others.add(a);
    a.dealers.put(b, dealer);
    b.dealers.put(a, dealer);
    a.rates.put(b, rateAtoB);
    b.rates.put(a, rateBtoA);
  }

  /**
   * Open 24/7 (the test runs at any hour of any day) in the node's own time zone, which fixes its
   * business dates and so the value dates of its legs.
   */
  static String calendar(String zone, boolean solarHijri) {
    return "calendar:\n  zone: " + zone + "\n  alwaysOpen: true\n  solarHijri: " + solarHijri + "\n";
  }

  /** Writes every node's configuration, starts them all and publishes each corridor's rates. */
  void start(int decisionWindowSeconds) throws Exception {
    // Reserves each operator listener's port (bank port + 1) too: see FreePorts.
    for (Side s : nodes) s.port = org.rialto.node.config.FreePorts.bankAndOperator();
    for (Side s : nodes) {
      configure(s, decisionWindowSeconds);
      s.http = new Http(s.port, s.nodeId);
    }
    startAll(nodes);
    for (Side s : nodes) {
      for (Side o : s.others) {
        var r = s.http.post(s.dealers.get(o), "/v1/fx/rates", "{\"targetCurrency\":\"" + o.currency + "\",\"rate\":\"" + s.rates.get(o) + "\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
      }
    }
  }

  private void configure(Side s, int decisionWindowSeconds) throws Exception {
    var participants = new ArrayList<NodeYaml.Participant>();
    participants.add(new NodeYaml.Participant(s.centralBank, "Central Bank " + s.nodeId, s.country, "0"));
    for (String b : s.banks) participants.add(new NodeYaml.Participant(b, "Bank " + b, s.country, s.format(s.bankOpeningMinor)));
    for (String d : s.dealersHere()) {
      participants.add(new NodeYaml.Participant(d, "Dealer " + d, d.substring(4, 6), s.format(s.dealerOpeningMinor)));
    }
    var peers = new ArrayList<NodeYaml.Peer>();
    for (Side o : s.others) peers.add(new NodeYaml.Peer(o.nodeId, o.port, o.currency, o.minorUnits, List.of(o.country)));
    s.config = dir.resolve(s.nodeId + ".yaml");
    s.log = dir.resolve(s.nodeId + ".log");
    Files.writeString(s.config, NodeYaml.config(s.nodeId, s.currency, s.minorUnits, s.centralBank, s.port,
        dir.resolve(s.nodeId + ".db"), participants, peers, s.dealersHere(), decisionWindowSeconds) + s.calendarYaml);
  }

  /** In parallel: JVMs starting together use the cores better than one after the other. */
  static void startAll(List<Side> sides) throws Exception {
    var pool = Executors.newFixedThreadPool(sides.size());
    try {
      var started = new ArrayList<Future<?>>();
      for (Side s : sides) {
        started.add(pool.submit(() -> {
          s.start();
          return null;
        }));
      }
      for (var f : started) f.get();
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Banks send from every node while random nodes are killed {@code kills} times and restarted in
   * the background (while one starts again others keep working, and may be killed too, so several
   * down at once happens as well). Returns once every client has stopped and every node is up.
   */
  void loadWhileKilling(int kills, Pace pace) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(nodes.size() * pace.clientsPerNode());
    var running = new ArrayList<Future<Integer>>();
    for (int c = 0; c < nodes.size() * pace.clientsPerNode(); c++) {
      long clientSeed = random.nextLong();
      int id = c;
      Side from = nodes.get(c % nodes.size());
      running.add(clients.submit(() -> client(id, from, new Random(clientSeed), pace.clientPauseMillis())));
    }
    int killed = 0;
    long started = System.currentTimeMillis();
    ExecutorService restarts = Executors.newFixedThreadPool(nodes.size());
    try {
      Thread.sleep(1_000);
      // A clean stop of all first (lets each JVM write the class-data archive the restarts use).
      for (Side s : nodes) s.process.stop();
      startAll(nodes);
      var restarting = new HashMap<Side, Future<?>>();
      while (killed < kills) {
        Thread.sleep(pace.killEveryMillis() + random.nextInt(pace.killSpreadMillis()));
        for (var it = restarting.entrySet().iterator(); it.hasNext(); ) {
          var e = it.next();
          if (e.getValue().isDone()) {
            e.getValue().get();
            it.remove();
          }
        }
        var up = new ArrayList<Side>();
        for (Side s : nodes) if (!restarting.containsKey(s)) up.add(s);
        if (up.isEmpty()) continue;
        Side victim = up.get(random.nextInt(up.size()));
        victim.process.kill();
        killed++;
        long pauseMillis = random.nextBoolean() ? random.nextInt(pace.restartPauseMillis()) : 0;
        restarting.put(victim, restarts.submit(() -> {
          Thread.sleep(pauseMillis);
          victim.start();
          return null;
        }));
      }
      for (var f : restarting.values()) f.get();
      Thread.sleep(500);
    } finally {
      stop.set(true);
      clients.shutdown();
      restarts.shutdown();
    }
    int messages = 0;
    for (var f : running) messages += f.get(ANSWER_DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
    var perCorridor = new java.util.TreeMap<String, Integer>();
    for (Sent s : sent.values()) perCorridor.merge(s.from().currency + "->" + s.to().currency, 1, Integer::sum);
    System.out.println(name + ": " + messages + " messages, " + sent.size() + " payments " + perCorridor + ", " + killed
        + " kills in " + (System.currentTimeMillis() - started) + " ms");
    assertThat(acknowledged.keySet()).isEqualTo(sent.keySet());
    assertThat(sent).isNotEmpty();
  }

  // ---- The load ----

  private int client(int id, Side from, Random random, int pauseMillis) throws Exception {
    int messages = 0;
    while (!stop.get()) {
      Side to = from.others.get(random.nextInt(from.others.size()));
      String debtor = from.banks.get(random.nextInt(from.banks.size()));
      int count = random.nextInt(10) < 5 ? 1 : 2 + random.nextInt(19);
      var amounts = new long[count];
      var quotes = new ArrayList<Future<JsonNode>>(count);
      for (int i = 0; i < count; i++) {
        long amount = random.nextInt(50) == 0 ? from.hugeAmountMinor
            : from.minAmountMinor + (long) (random.nextDouble() * (from.maxAmountMinor - from.minAmountMinor));
        amounts[i] = amount;
        // A quote serves one payment: a batch needs as many, asked for together like a bank would.
        quotes.add(quoting.submit(() -> quote(from, to, debtor, amount)));
      }
      var batch = new ArrayList<Sent>(count);
      for (int i = 0; i < count; i++) {
        String creditor = to.banks.get(random.nextInt(to.banks.size()));
        JsonNode quote = quotes.get(i).get();
        UUID uetr = UUID.randomUUID();
        long target = to.minor(quote.get("targetAmount").asText());
        assertThat(from.minor(quote.get("sourceAmount").asText())).isEqualTo(amounts[i]);
        String json = "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + debtor + "\",\"creditorAgent\":\"" + creditor
            + "\",\"amount\":\"" + from.format(amounts[i]) + "\",\"currency\":\"" + from.currency + "\",\"quoteId\":\""
            + quote.get("quoteId").asText() + "\",\"debtor\":{\"name\":\"Trader " + id + "\"},\"creditor\":{\"name\":\"Importer\"}}";
        batch.add(new Sent(uetr, from, to, debtor, creditor, from.dealers.get(to), amounts[i], target, json));
      }
      String body;
      if (count == 1) {
        body = batch.get(0).json();
      } else {
        var b = new StringBuilder("{\"msgId\":\"C" + id + "-" + UUID.randomUUID() + "\",\"payments\":[");
        for (int i = 0; i < count; i++) b.append(i == 0 ? "" : ",").append(batch.get(i).json());
        body = b.append("]}").toString();
      }
      for (Sent s : batch) sent.put(s.uetr(), s);
      JsonNode answer = postUntilAnswered(from, debtor, "/v1/payments", body);
      var outcomes = answer.get("payments");
      assertThat(outcomes.size()).isEqualTo(count);
      for (int i = 0; i < count; i++) {
        var o = outcomes.get(i);
        assertThat(o.get("uetr").asText()).isEqualTo(batch.get(i).uetr().toString());
        String state = o.get("state").asText();
        assertThat(state).as(o.toString()).isIn("RECEIVED", "SETTLED", "REJECTED");
        if (state.equals("REJECTED")) {
          // The sending node refuses on its own only for want of the debtor's liquidity (the
          // quote was fresh and unused); everything else is the receiving node's decision.
          assertThat(o.get("reasonCode").asText()).as(o.toString()).isIn("AM04");
        }
        acknowledged.put(batch.get(i).uetr(), state);
      }
      messages++;
      if (pauseMillis > 0) Thread.sleep(random.nextInt(pauseMillis));
    }
    return messages;
  }

  private JsonNode quote(Side from, Side to, String bank, long sourceMinor) throws Exception {
    var answer = postUntilAnswered(from, bank, "/v1/quotes",
        "{\"targetCurrency\":\"" + to.currency + "\",\"sourceAmount\":\"" + from.format(sourceMinor) + "\"}");
    var quotes = answer.get("quotes");
    assertThat(quotes.size()).as("one FX provider per corridor: %s", answer).isEqualTo(1);
    assertThat(quotes.get(0).get("fxp").asText()).isEqualTo(from.dealers.get(to));
    return quotes.get(0);
  }

  static JsonNode postUntilAnswered(Side side, String bank, String path, String body) throws Exception {
    long deadline = System.currentTimeMillis() + ANSWER_DEADLINE_MILLIS;
    while (true) {
      try {
        var r = side.http.post(bank, path, body);
        if (r.status() == 200) return r.body();
        assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(503);
      } catch (org.rialto.node.client.NodeLinkException e) {
        // The node is down or restarting.
      }
      if (System.currentTimeMillis() > deadline) throw new AssertionError("no answer from " + side.nodeId + " for " + path);
      Thread.sleep(50);
    }
  }

  // ---- The checks ----

  Final read(Sent s) throws Exception {
    var a = s.from().http.get(s.debtor(), "/v1/payments/" + s.uetr());
    assertThat(a.status()).as("%s on %s: %s", s.uetr(), s.from().nodeId, a.raw()).isEqualTo(200);
    var b = s.to().http.get(s.creditor(), "/v1/payments/" + s.uetr());
    String receiver = "ABSENT";
    String receiverReason = null;
    if (b.status() == 200) {
      receiver = b.body().get("state").asText();
      receiverReason = b.body().has("reasonCode") ? b.body().get("reasonCode").asText() : null;
    } else {
      assertThat(b.body().get("reasonCode").asText()).as(b.raw()).isEqualTo("NOOR");
    }
    return new Final(a.body().get("state").asText(), a.body().has("reasonCode") ? a.body().get("reasonCode").asText() : null,
        receiver, receiverReason);
  }

  /** Waits until no payment is in doubt on its sending node; the final states of all. */
  Map<UUID, Final> awaitAllFinal(long timeoutMillis) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    var states = new HashMap<UUID, Final>();
    var open = new ArrayList<>(sent.values());
    while (true) {
      var stillOpen = new ArrayList<Sent>();
      for (Sent s : open) {
        var f = read(s);
        states.put(s.uetr(), f);
        if (!(f.sender().equals("SETTLED") || f.sender().equals("REJECTED"))) stillOpen.add(s);
      }
      open = stillOpen;
      if (open.isEmpty()) return states;
      assertThat(System.currentTimeMillis()).as("%d payments still in doubt, e.g. %s: %s", open.size(), open.get(0).uetr(),
          states.get(open.get(0).uetr())).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  void checkBothLegsOrNeither(Map<UUID, Final> states) {
    for (Sent s : sent.values()) {
      var f = states.get(s.uetr());
      String ack = acknowledged.get(s.uetr());
      if (ack.equals("SETTLED") || ack.equals("REJECTED")) assertThat(f.sender()).as("%s acknowledged %s", s.uetr(), ack).isEqualTo(ack);
      if (f.sender().equals("SETTLED")) {
        assertThat(f.receiver()).as("%s settled on %s", s.uetr(), s.from().nodeId).isEqualTo("SETTLED");
      } else {
        assertThat(f.sender()).isEqualTo("REJECTED");
        assertThat(f.receiver()).as("%s rejected on %s", s.uetr(), s.from().nodeId).isIn("REJECTED", "ABSENT");
        if (f.receiver().equals("REJECTED")) {
          assertThat(f.senderReason()).as("%s: the receiving node's reason travels back", s.uetr()).isEqualTo(f.receiverReason());
        }
      }
    }
  }

  /** Every payment sent again, in batches per debtor, is answered with its final state, nothing new. */
  void checkResendsGetTheSameAnswer(Map<UUID, Final> states) throws Exception {
    var byDebtor = new HashMap<String, List<Sent>>();
    for (Sent s : sent.values()) byDebtor.computeIfAbsent(s.debtor(), k -> new ArrayList<>()).add(s);
    int n = 0;
    for (var e : byDebtor.entrySet()) {
      var list = e.getValue();
      Side from = list.get(0).from();
      for (int i = 0; i < list.size(); i += 100) {
        var part = list.subList(i, Math.min(list.size(), i + 100));
        var body = new StringBuilder("{\"msgId\":\"RESEND-" + (n++) + "\",\"payments\":[");
        for (int j = 0; j < part.size(); j++) body.append(j == 0 ? "" : ",").append(part.get(j).json());
        var r = from.http.post(e.getKey(), "/v1/payments", body.append("]}").toString());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode o : r.body().get("payments")) {
          assertThat(o.get("state").asText()).as("resent %s", o.get("uetr").asText())
              .isEqualTo(states.get(UUID.fromString(o.get("uetr").asText())).sender());
        }
      }
    }
  }

  /**
   * Each currency on its own node: the total never changes, nothing stays reserved, and each
   * account holds its opening plus exactly its settled legs (so no leg was posted twice). A dealer
   * is debited or credited here only for payments of the corridor it serves.
   */
  void checkMoney(Side node, Map<UUID, Final> states) throws Exception {
    var expected = new HashMap<String, Long>();
    for (String b : node.banks) expected.put(b, node.bankOpeningMinor);
    for (String d : node.dealersHere()) expected.put(d, node.dealerOpeningMinor);
    expected.put(node.centralBank, 0L);
    for (Sent s : sent.values()) {
      if (!states.get(s.uetr()).sender().equals("SETTLED")) continue;
      if (s.from() == node) {
        expected.merge(s.debtor(), -s.sourceMinor(), Long::sum);
        expected.merge(s.dealer(), s.sourceMinor(), Long::sum);
      } else if (s.to() == node) {
        expected.merge(s.dealer(), -s.targetMinor(), Long::sum);
        expected.merge(s.creditor(), s.targetMinor(), Long::sum);
      }
    }
    var accounts = Http.operator(node.process.operatorPort(), TestOperators.VIEWER).get(null, "/v1/admin/accounts");
    assertThat(accounts.status()).as(accounts.raw()).isEqualTo(200);
    long total = 0;
    for (JsonNode a : accounts.body()) {
      String bic = a.get("bic").asText();
      long balance = node.minor(a.get("balance").asText());
      total += balance;
      assertThat(node.minor(a.get("reserved").asText())).as("%s reserved on %s", bic, node.nodeId).isZero();
      assertThat(balance).as("%s balance on %s", bic, node.nodeId).isEqualTo(expected.get(bic));
    }
    assertThat(total).as("%s conserved on %s", node.currency, node.nodeId)
        .isEqualTo(node.bankOpeningMinor * node.banks.size() + node.dealerOpeningMinor * node.dealersHere().size());
  }

  /** The debtor's bank got one final pacs.002 per payment; the creditor's bank one pacs.008 per settled one. */
  void checkBanksWereTold(Map<UUID, Final> states) throws Exception {
    for (Side node : nodes) {
      for (String bank : node.banks) {
        var inbox = inbox(node.http, bank);
        for (Sent s : sent.values()) {
          var f = states.get(s.uetr());
          if (s.from() == node && s.debtor().equals(bank)) {
            String expectedDetail = f.sender().equals("SETTLED") ? "ACSC" : "RJCT:" + f.senderReason();
            assertThat(inbox.getOrDefault("pacs.002:" + s.uetr(), List.of())).as("pacs.002 to %s about %s", bank, s.uetr())
                .containsExactly(expectedDetail);
          }
          if (s.to() == node && s.creditor().equals(bank)) {
            assertThat(inbox.getOrDefault("pacs.008:" + s.uetr(), List.of()).size()).as("pacs.008 to %s about %s", bank, s.uetr())
                .isEqualTo(f.receiver().equals("SETTLED") ? 1 : 0);
          }
        }
      }
    }
  }

  /** kind:uetr → the details of every message of that kind about that payment, in order. */
  static Map<String, List<String>> inbox(Http http, String bank) throws Exception {
    var out = new HashMap<String, List<String>>();
    long after = 0;
    for (int page = 0; page < 10_000; page++) {
      var r = http.get(bank, "/v1/messages?after=" + after + "&limit=1000&xml=false");
      assertThat(r.status()).as(r.raw()).isEqualTo(200);
      var list = r.body().get("messages");
      if (list.isEmpty()) break;
      for (JsonNode m : list) {
        String detail = m.hasNonNull("detail") ? m.get("detail").asText() : "";
        out.computeIfAbsent(m.get("kind").asText() + ":" + m.get("uetr").asText(), k -> new ArrayList<>()).add(detail);
      }
      after = r.body().get("next").asLong();
    }
    return out;
  }

  /** Stops the load and kills whatever node is still running. */
  @Override
  public void close() throws Exception {
    stop.set(true);
    quoting.shutdownNow();
    for (Side s : nodes) if (s.process != null) s.process.close();
  }
}
