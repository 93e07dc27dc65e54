package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.RU_CB;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4: a node process under load from several bank clients, killed with SIGKILL at random
 * moments and restarted on the same store. Every payment a bank got an answer for must be there
 * exactly once, in a state at least as final as the one it was told; queues come back; money is
 * conserved and each bank's balance is exactly what its settled payments say.
 *
 * <p>Kill count: {@code -Drialto.crash.kills=N} (default 5) for longer runs.
 */
class NodeCrashTest {
  static final List<String> BANKS = List.of("BNKARUMM", "BNKBRUMM", "BNKCRUMM", "BNKDRUMM", "BNKERUMM", "BNKFRUMM");
  static final long OPENING_MINOR = 5_000_00;
  static final int KILLS = Integer.getInteger("rialto.crash.kills", 5);
  static final int CLIENTS = 4;
  /** A client gives up on one message after this long; the node must be back well before. */
  static final long ANSWER_DEADLINE_MILLIS = 180_000;

  @TempDir Path dir;
  NodeProcess node;
  final AtomicBoolean stop = new AtomicBoolean();

  /** What a client sent: enough to resend it identically and to compute balances. */
  record Sent(UUID uetr, String debtor, String creditor, long amountMinor, String json) {}

  final Map<UUID, Sent> sent = new ConcurrentHashMap<>();
  /** The state each payment had in the first answer its bank received. */
  final Map<UUID, String> acknowledged = new ConcurrentHashMap<>();

  @AfterEach
  void tearDown() throws Exception {
    stop.set(true);
    if (node != null) node.close();
  }

  static int freePort() throws Exception {
    // Reserves the operator listener's port (bank port + 1) too: see FreePorts.
    return org.rialto.node.config.FreePorts.bankAndOperator();
  }

  @Test
  void everyAcknowledgedPaymentSurvivesKillNineUnderLoad() throws Exception {
    long seed = Long.getLong("rialto.crash.seed", System.nanoTime());
    System.out.println("NodeCrashTest seed " + seed + " (-Drialto.crash.seed to repeat), kills " + KILLS);
    var random = new Random(seed);
    int port = freePort();
    var participants = new ArrayList<NodeYaml.Participant>();
    participants.add(new NodeYaml.Participant(RU_CB, "Central Bank", "RU", "0"));
    for (String b : BANKS) participants.add(new NodeYaml.Participant(b, "Bank " + b.charAt(3), "RU", "5000.00"));
    Path config = dir.resolve("node.yaml");
    Files.writeString(config, NodeYaml.config("RU-CRASH", "RUB", 2, RU_CB, port, dir.resolve("node.db"), participants,
        List.of(), List.of(), 30));
    Path log = dir.resolve("node.log");
    node = NodeProcess.start(config, log);
    var http = new Http(port, "RU-CRASH");

    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    var running = new ArrayList<Future<Integer>>();
    for (int c = 0; c < CLIENTS; c++) {
      long clientSeed = random.nextLong();
      int id = c;
      running.add(clients.submit(() -> client(id, new Random(clientSeed), http)));
    }
    try {
      // A clean stop under load first: it must lose nothing either (and it lets the JVM write the
      // class-data archive that makes the following restarts faster).
      Thread.sleep(1_000);
      node.stop();
      node = NodeProcess.start(config, log);
      for (int k = 0; k < KILLS; k++) {
        Thread.sleep(300 + random.nextInt(1_500));
        node.kill();
        if (random.nextBoolean()) Thread.sleep(random.nextInt(300));
        node = NodeProcess.start(config, log);
      }
      Thread.sleep(500);
    } finally {
      stop.set(true);
      clients.shutdown();
    }
    int messages = 0;
    for (var f : running) messages += f.get(ANSWER_DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
    assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    System.out.println("NodeCrashTest: " + messages + " messages, " + sent.size() + " payments, " + KILLS + " kills");
    assertThat(acknowledged.keySet()).as("every payment sent was answered in the end").isEqualTo(sent.keySet());
    assertThat(acknowledged).isNotEmpty();

    // Give the restarted node a moment to run its queues once, then read every payment.
    Thread.sleep(200);
    var now = new HashMap<UUID, String>();
    for (Sent s : sent.values()) {
      var r = http.get(s.debtor(), "/v1/payments/" + s.uetr());
      assertThat(r.status()).as("payment %s acknowledged as %s is present", s.uetr(), acknowledged.get(s.uetr())).isEqualTo(200);
      String state = r.body().get("state").asText();
      now.put(s.uetr(), state);
      assertThat(atLeastAsFinal(state, acknowledged.get(s.uetr())))
          .as("payment %s acknowledged %s is now %s", s.uetr(), acknowledged.get(s.uetr()), state).isTrue();
    }

    // Idempotency forever: each UETR sent again (new MsgId, same content) gets its state back and
    // moves no money a second time.
    var byDebtor = new HashMap<String, List<Sent>>();
    for (Sent s : sent.values()) byDebtor.computeIfAbsent(s.debtor(), k -> new ArrayList<>()).add(s);
    int resendBatch = 0;
    for (var e : byDebtor.entrySet()) {
      var list = e.getValue();
      for (int from = 0; from < list.size(); from += 100) {
        var part = list.subList(from, Math.min(list.size(), from + 100));
        var body = new StringBuilder("{\"msgId\":\"RESEND-" + (resendBatch++) + "\",\"payments\":[");
        for (int i = 0; i < part.size(); i++) body.append(i == 0 ? "" : ",").append(part.get(i).json());
        var r = http.post(e.getKey(), "/v1/payments", body.append("]}").toString());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode o : r.body().get("payments")) {
          UUID uetr = UUID.fromString(o.get("uetr").asText());
          assertThat(o.get("state").asText()).as("resent %s", uetr).isEqualTo(now.get(uetr));
        }
      }
    }

    // Money: conserved in total, and each bank's balance is exactly its settled payments' sum, so
    // no payment settled twice and none settled without its record.
    var expected = new HashMap<String, Long>();
    for (String b : BANKS) expected.put(b, OPENING_MINOR);
    var queuedCount = new HashMap<String, Integer>();
    var queuedMinor = new HashMap<String, Long>();
    int queuedTotal = 0;
    for (Sent s : sent.values()) {
      String state = now.get(s.uetr());
      if (state.equals("SETTLED")) {
        expected.merge(s.debtor(), -s.amountMinor(), Long::sum);
        expected.merge(s.creditor(), s.amountMinor(), Long::sum);
      } else if (state.equals("QUEUED")) {
        queuedCount.merge(s.debtor(), 1, Integer::sum);
        queuedMinor.merge(s.debtor(), s.amountMinor(), Long::sum);
        queuedTotal++;
      }
    }
    var admin = Http.operator(node.operatorPort(), TestOperators.VIEWER);
    var accounts = admin.get(null, "/v1/admin/accounts");
    assertThat(accounts.status()).as(accounts.raw()).isEqualTo(200);
    long total = 0;
    for (JsonNode a : accounts.body()) {
      String bic = a.get("bic").asText();
      long balance = minor(a.get("balance").asText());
      total += balance;
      assertThat(minor(a.get("reserved").asText())).as("reserved of %s", bic).isZero();
      if (bic.equals(RU_CB)) {
        assertThat(balance).isZero();
        continue;
      }
      assertThat(balance).as("balance of %s", bic).isEqualTo(expected.get(bic));
      assertThat(a.get("queuedCount").asInt()).as("queued payments of %s", bic).isEqualTo(queuedCount.getOrDefault(bic, 0));
      assertThat(minor(a.get("queued").asText())).as("queued amount of %s", bic).isEqualTo(queuedMinor.getOrDefault(bic, 0L));
    }
    assertThat(total).as("RUB conserved").isEqualTo(OPENING_MINOR * BANKS.size());
    assertThat(admin.get(null, "/v1/admin/queues").body().get("total").asInt()).isEqualTo(queuedTotal);

    // Each bank was told each settlement once: one pacs.002 per settled payment, never two.
    for (String bank : BANKS) {
      var inbox = CrashNetwork.inbox(http, bank);
      for (Sent s : sent.values()) {
        if (!s.debtor().equals(bank)) continue;
        int told = inbox.getOrDefault("pacs.002:" + s.uetr(), List.of()).size();
        assertThat(told).as("pacs.002 to %s for %s (%s)", bank, s.uetr(), now.get(s.uetr()))
            .isEqualTo(now.get(s.uetr()).equals("SETTLED") ? 1 : 0);
      }
    }
    node.stop();
    node = null;
  }

  static boolean atLeastAsFinal(String now, String acknowledged) {
    return switch (acknowledged) {
      case "SETTLED", "REJECTED", "RETURNED" -> now.equals(acknowledged) || (acknowledged.equals("SETTLED") && now.equals("RETURNED"));
      case "QUEUED", "HELD" -> !now.equals("RECEIVED");
      default -> true;
    };
  }

  static long minor(String amount) {
    return new BigDecimal(amount).movePointRight(2).longValueExact();
  }

  /** One bank client: sends until told to stop, resending a message until it is answered. */
  int client(int id, Random random, Http http) throws Exception {
    int messages = 0;
    while (!stop.get()) {
      String debtor = BANKS.get(random.nextInt(BANKS.size()));
      int count = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(19);
      var batch = new ArrayList<Sent>(count);
      for (int i = 0; i < count; i++) {
        String creditor;
        do {
          creditor = BANKS.get(random.nextInt(BANKS.size()));
        } while (creditor.equals(debtor));
        // Mostly small; now and then one larger than any bank's opening, which must queue.
        long amountMinor = random.nextInt(20) == 0 ? 6_000_00 + random.nextInt(3_000_00) : 1_00 + random.nextInt(1_500_00);
        UUID uetr = UUID.randomUUID();
        String priority = random.nextInt(10) == 0 ? ",\"priority\":\"HIGH\"" : "";
        String json = "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + debtor + "\",\"creditorAgent\":\"" + creditor
            + "\",\"amount\":\"" + BigDecimal.valueOf(amountMinor, 2).toPlainString() + "\",\"currency\":\"RUB\"" + priority
            + ",\"debtor\":{\"name\":\"Debtor " + id + "\"},\"creditor\":{\"name\":\"Creditor\"}}";
        batch.add(new Sent(uetr, debtor, creditor, amountMinor, json));
      }
      String body;
      if (count == 1) {
        body = batch.get(0).json();
      } else {
        var b = new StringBuilder("{\"msgId\":\"C" + id + "-" + messages + "-" + UUID.randomUUID() + "\",\"payments\":[");
        for (int i = 0; i < count; i++) b.append(i == 0 ? "" : ",").append(batch.get(i).json());
        body = b.append("]}").toString();
      }
      for (Sent s : batch) sent.put(s.uetr(), s);
      JsonNode answer = postUntilAnswered(http, debtor, body);
      var outcomes = answer.get("payments");
      assertThat(outcomes.size()).isEqualTo(count);
      for (int i = 0; i < count; i++) {
        var o = outcomes.get(i);
        assertThat(o.get("uetr").asText()).isEqualTo(batch.get(i).uetr().toString());
        String state = o.get("state").asText();
        assertThat(state).as(o.toString()).isIn("SETTLED", "QUEUED");
        acknowledged.put(batch.get(i).uetr(), state);
      }
      messages++;
    }
    return messages;
  }

  /**
   * Sends the same message until the node answers it: a kill may take the first attempt with it
   * (or only its answer); the identical resend then gets the original answer or is processed once.
   */
  static JsonNode postUntilAnswered(Http http, String bank, String body) throws Exception {
    long deadline = System.currentTimeMillis() + ANSWER_DEADLINE_MILLIS;
    while (true) {
      try {
        var r = http.post(bank, "/v1/payments", body);
        if (r.status() == 200) return r.body();
        // 503 while the node stops; anything else is a wrong answer to a valid message.
        assertThat(r.status()).as(r.raw()).isEqualTo(503);
      } catch (org.rialto.node.client.NodeLinkException e) {
        // Connection refused or reset: the node is down or restarting.
      }
      if (System.currentTimeMillis() > deadline) throw new AssertionError("no answer within " + ANSWER_DEADLINE_MILLIS + " ms");
      Thread.sleep(50);
    }
  }
}
