package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.ServerSocket;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5: two node processes (RUB and IRR), random cross-border payments in both directions
 * through an FX provider with accounts on both, while either node is killed with SIGKILL and
 * restarted at random moments. Once both are up and quiet: every payment is settled on both
 * nodes or on neither, each currency is conserved on its own node (and each account holds
 * exactly what its settled legs say), nothing is left in doubt, and every sending bank was told
 * the final state once.
 *
 * <p>Kill count: {@code -Drialto.corridor.kills=N} (default 20).
 */
class CorridorCrashTest {
  static final int KILLS = Integer.getInteger("rialto.corridor.kills", 20);
  /** Per direction: a client sends from one node only, so it keeps working while the other is down. */
  static final int CLIENTS_PER_DIRECTION = 4;
  static final long ANSWER_DEADLINE_MILLIS = 180_000;
  static final String DEALER = "DLRXRUMM";

  /** One node of the corridor as the test drives it. */
  static final class Side {
    final String nodeId;
    final String currency;
    final int minorUnits;
    final String centralBank;
    final List<String> banks;
    final long bankOpeningMinor;
    final long dealerOpeningMinor;
    final String rateToOther;
    /** Ordinary payments' source amounts, and the occasional one no FX provider can cover. */
    final long minAmountMinor;
    final long maxAmountMinor;
    final long hugeAmountMinor;
    int port;
    Path config;
    Path log;
    volatile NodeProcess process;
    Http http;
    Side other;

    Side(String nodeId, String currency, int minorUnits, String centralBank, List<String> banks, long bankOpeningMinor,
        long dealerOpeningMinor, String rateToOther, long minAmountMinor, long maxAmountMinor, long hugeAmountMinor) {
      this.nodeId = nodeId;
      this.currency = currency;
      this.minorUnits = minorUnits;
      this.centralBank = centralBank;
      this.banks = banks;
      this.bankOpeningMinor = bankOpeningMinor;
      this.dealerOpeningMinor = dealerOpeningMinor;
      this.rateToOther = rateToOther;
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

    void start() throws Exception {
      process = NodeProcess.start(config, log);
    }
  }

  /** A payment as its bank sent it, with the quote it paid on. */
  record Sent(UUID uetr, Side from, String debtor, String creditor, long sourceMinor, long targetMinor, String json) {}

  @TempDir Path dir;
  final AtomicBoolean stop = new AtomicBoolean();
  final ExecutorService quoting = Executors.newFixedThreadPool(32);
  final Map<UUID, Sent> sent = new ConcurrentHashMap<>();
  final Map<UUID, String> acknowledged = new ConcurrentHashMap<>();
  Side ru;
  Side ir;

  static int freePort() throws Exception {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    stop.set(true);
    quoting.shutdownNow();
    for (Side s : new Side[] {ru, ir}) {
      if (s != null && s.process != null) s.process.close();
    }
  }

  void configure(Side s, int decisionWindowSeconds) throws Exception {
    var participants = new ArrayList<NodeYaml.Participant>();
    participants.add(new NodeYaml.Participant(s.centralBank, "Central Bank " + s.nodeId, s.centralBank.substring(4, 6), "0"));
    for (String b : s.banks) participants.add(new NodeYaml.Participant(b, "Bank " + b, b.substring(4, 6), s.format(s.bankOpeningMinor)));
    participants.add(new NodeYaml.Participant(DEALER, "Dealer Bank", "RU", s.format(s.dealerOpeningMinor)));
    var peer = new NodeYaml.Peer(s.other.nodeId, s.other.port, s.other.currency, s.other.minorUnits,
        List.of(s.other.centralBank.substring(4, 6)));
    s.config = dir.resolve(s.nodeId + ".yaml");
    s.log = dir.resolve(s.nodeId + ".log");
    Files.writeString(s.config, NodeYaml.config(s.nodeId, s.currency, s.minorUnits, s.centralBank, s.port,
        dir.resolve(s.nodeId + ".db"), participants, List.of(peer), List.of(DEALER), decisionWindowSeconds));
  }

  void startCorridor() throws Exception {
    ru = new Side("RU-NODE", "RUB", 2, "CBRURUMM", List.of("VOLGRUMM", "KAMARUMM"), 100_000_000_00L, 5_000_000_00L,
        "520.5", 1_00, 5_000_00, 9_000_000_00L);
    ir = new Side("IR-NODE", "IRR", 0, "CBIRIRTH", List.of("TEHRIRTH", "ISFAIRTH"), 100_000_000_000L, 3_000_000_000L,
        "0.0019", 10_000, 2_000_000, 10_000_000_000L);
    ru.other = ir;
    ir.other = ru;
    ru.port = freePort();
    ir.port = freePort();
    configure(ru, 30);
    configure(ir, 30);
    ru.http = new Http(ru.port, ru.nodeId);
    ir.http = new Http(ir.port, ir.nodeId);
    startBoth();
    for (Side s : new Side[] {ru, ir}) {
      var r = s.http.post(DEALER, "/v1/fx/rates", "{\"targetCurrency\":\"" + s.other.currency + "\",\"rate\":\"" + s.rateToOther + "\"}");
      assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }
  }

  /** Both at once: two JVMs starting in parallel use the two cores better than one after the other. */
  void startBoth() throws Exception {
    var pool = Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> {
        ru.start();
        return null;
      });
      var b = pool.submit(() -> {
        ir.start();
        return null;
      });
      a.get();
      b.get();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void bothLegsOrNeitherWhileEitherNodeIsKilled() throws Exception {
    long seed = Long.getLong("rialto.corridor.seed", System.nanoTime());
    System.out.println("CorridorCrashTest seed " + seed + " (-Drialto.corridor.seed to repeat), kills " + KILLS);
    var random = new Random(seed);
    startCorridor();

    ExecutorService clients = Executors.newFixedThreadPool(2 * CLIENTS_PER_DIRECTION);
    var running = new ArrayList<Future<Integer>>();
    for (int c = 0; c < 2 * CLIENTS_PER_DIRECTION; c++) {
      long clientSeed = random.nextLong();
      int id = c;
      Side from = c % 2 == 0 ? ru : ir;
      running.add(clients.submit(() -> client(id, from, new Random(clientSeed))));
    }
    int kills = 0;
    long started = System.currentTimeMillis();
    // Restarts run in the background: while one node starts again the other keeps working (and
    // may be killed too), so both being down at once happens as well.
    ExecutorService restarts = Executors.newFixedThreadPool(2);
    try {
      Thread.sleep(1_000);
      // A clean stop of both first (lets the JVM write the class-data archive the restarts use).
      ru.process.stop();
      ir.process.stop();
      startBoth();
      var restarting = new HashMap<Side, Future<?>>();
      while (kills < KILLS) {
        Thread.sleep(200 + random.nextInt(800));
        for (var it = restarting.entrySet().iterator(); it.hasNext(); ) {
          var e = it.next();
          if (e.getValue().isDone()) {
            e.getValue().get();
            it.remove();
          }
        }
        var up = new ArrayList<Side>();
        for (Side s : new Side[] {ru, ir}) if (!restarting.containsKey(s)) up.add(s);
        if (up.isEmpty()) continue;
        Side victim = up.get(random.nextInt(up.size()));
        victim.process.kill();
        kills++;
        long pauseMillis = random.nextBoolean() ? random.nextInt(500) : 0;
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
    System.out.println("CorridorCrashTest: " + messages + " messages, " + sent.size() + " payments, " + kills
        + " kills in " + (System.currentTimeMillis() - started) + " ms");
    assertThat(acknowledged.keySet()).isEqualTo(sent.keySet());
    assertThat(sent).isNotEmpty();

    // Both nodes are up: wait until nothing is in doubt, then check everything.
    var finalStates = awaitAllFinal(60_000);
    checkBothLegsOrNeither(finalStates);
    checkResendsGetTheSameAnswer(finalStates);
    checkMoney(ru, finalStates);
    checkMoney(ir, finalStates);
    checkBanksWereTold(finalStates);
    ru.process.stop();
    ir.process.stop();
  }

  // ---- The load ----

  int client(int id, Side from, Random random) throws Exception {
    int messages = 0;
    while (!stop.get()) {
      String debtor = from.banks.get(random.nextInt(from.banks.size()));
      int count = random.nextInt(10) < 5 ? 1 : 2 + random.nextInt(19);
      var amounts = new long[count];
      var quotes = new ArrayList<Future<JsonNode>>(count);
      for (int i = 0; i < count; i++) {
        long amount = random.nextInt(50) == 0 ? from.hugeAmountMinor
            : from.minAmountMinor + (long) (random.nextDouble() * (from.maxAmountMinor - from.minAmountMinor));
        amounts[i] = amount;
        // A quote serves one payment: a batch needs as many, asked for together like a bank would.
        quotes.add(quoting.submit(() -> quote(from, debtor, amount)));
      }
      var batch = new ArrayList<Sent>(count);
      for (int i = 0; i < count; i++) {
        String creditor = from.other.banks.get(random.nextInt(from.other.banks.size()));
        JsonNode quote = quotes.get(i).get();
        UUID uetr = UUID.randomUUID();
        long amount = amounts[i];
        long target = from.other.minor(quote.get("targetAmount").asText());
        assertThat(from.minor(quote.get("sourceAmount").asText())).isEqualTo(amount);
        String json = "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + debtor + "\",\"creditorAgent\":\"" + creditor
            + "\",\"amount\":\"" + from.format(amount) + "\",\"currency\":\"" + from.currency + "\",\"quoteId\":\""
            + quote.get("quoteId").asText() + "\",\"debtor\":{\"name\":\"Trader " + id + "\"},\"creditor\":{\"name\":\"Importer\"}}";
        batch.add(new Sent(uetr, from, debtor, creditor, amount, target, json));
      }
      String body;
      if (count == 1) {
        body = batch.get(0).json();
      } else {
        var b = new StringBuilder("{\"msgId\":\"X" + id + "-" + UUID.randomUUID() + "\",\"payments\":[");
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
    }
    return messages;
  }

  JsonNode quote(Side from, String bank, long sourceMinor) throws Exception {
    var answer = postUntilAnswered(from, bank, "/v1/quotes",
        "{\"targetCurrency\":\"" + from.other.currency + "\",\"sourceAmount\":\"" + from.format(sourceMinor) + "\"}");
    var quotes = answer.get("quotes");
    assertThat(quotes.size()).as(answer.toString()).isEqualTo(1);
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

  /** A payment's state on its sending node, and on its receiving node (ABSENT if never there). */
  record Final(String sender, String senderReason, String receiver, String receiverReason) {}

  Final read(Sent s) throws Exception {
    var a = s.from().http.get(s.debtor(), "/v1/payments/" + s.uetr());
    assertThat(a.status()).as("%s on %s: %s", s.uetr(), s.from().nodeId, a.raw()).isEqualTo(200);
    var b = s.from().other.http.get(s.creditor(), "/v1/payments/" + s.uetr());
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
        assertThat(f.receiver()).as("%s settled on the sending node", s.uetr()).isEqualTo("SETTLED");
      } else {
        assertThat(f.sender()).isEqualTo("REJECTED");
        assertThat(f.receiver()).as("%s rejected on the sending node", s.uetr()).isIn("REJECTED", "ABSENT");
        if (f.receiver().equals("REJECTED")) {
          assertThat(f.senderReason()).as("%s: the receiving node's reason travels back", s.uetr()).isEqualTo(f.receiverReason());
        }
      }
    }
  }

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
   * account holds its opening plus exactly its settled legs (so no leg was posted twice).
   */
  void checkMoney(Side node, Map<UUID, Final> states) throws Exception {
    var expected = new HashMap<String, Long>();
    for (String b : node.banks) expected.put(b, node.bankOpeningMinor);
    expected.put(DEALER, node.dealerOpeningMinor);
    expected.put(node.centralBank, 0L);
    for (Sent s : sent.values()) {
      if (!states.get(s.uetr()).sender().equals("SETTLED")) continue;
      if (s.from() == node) {
        expected.merge(s.debtor(), -s.sourceMinor(), Long::sum);
        expected.merge(DEALER, s.sourceMinor(), Long::sum);
      } else {
        expected.merge(DEALER, -s.targetMinor(), Long::sum);
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
        .isEqualTo(node.bankOpeningMinor * node.banks.size() + node.dealerOpeningMinor);
  }

  /** The debtor's bank got one final pacs.002 per payment; the creditor's bank one pacs.008 per settled one. */
  void checkBanksWereTold(Map<UUID, Final> states) throws Exception {
    for (Side node : new Side[] {ru, ir}) {
      for (String bank : node.banks) {
        var inbox = inbox(node, bank);
        for (Sent s : sent.values()) {
          var f = states.get(s.uetr());
          if (s.from() == node && s.debtor().equals(bank)) {
            String expectedDetail = f.sender().equals("SETTLED") ? "ACSC" : "RJCT:" + f.senderReason();
            assertThat(inbox.getOrDefault("pacs.002:" + s.uetr(), List.of())).as("pacs.002 to %s about %s", bank, s.uetr())
                .containsExactly(expectedDetail);
          }
          if (s.from() == node.other && s.creditor().equals(bank)) {
            assertThat(inbox.getOrDefault("pacs.008:" + s.uetr(), List.of()).size()).as("pacs.008 to %s about %s", bank, s.uetr())
                .isEqualTo(f.receiver().equals("SETTLED") ? 1 : 0);
          }
        }
      }
    }
  }

  /** kind:uetr → the details of every message of that kind about that payment, in order. */
  static Map<String, List<String>> inbox(Side node, String bank) throws Exception {
    return inbox(node.http, bank);
  }

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
}
