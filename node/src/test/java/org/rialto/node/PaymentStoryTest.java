package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.IR_CB;
import static org.rialto.node.Participants.TEHRAN;
import static org.rialto.node.Participants.VOLGA;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.config.NodeConfig;

/**
 * A cross-border payment's page shows its whole life on both nodes: two real nodes (mTLS + JWS
 * between them), the console of each asking the other over the peer listener. Also: the peer
 * route tells a peer only about payments it took part in, and a down peer is named, not waited for.
 */
class PaymentStoryTest {
  private static final Pattern WHEN = Pattern.compile("<li data-node=\"([A-Z-]+)\"><span class=\"when\">([0-9: .-]+)</span>");

  @TempDir Path dir;
  /** The two nodes of {@link CrossBorderTest} (an instance of it, not a subclass: its own tests run once, there), with operators. */
  CrossBorderTest nodes;

  @BeforeEach
  void start() throws Exception {
    nodes = new CrossBorderTest() {
      @Override
      NodeConfig ruConfig() {
        return super.ruConfig().withOperators(TestOperators.all());
      }

      @Override
      NodeConfig irConfig() {
        return super.irConfig().withOperators(TestOperators.all());
      }
    };
    nodes.dir = dir;
    nodes.start();
  }

  @AfterEach
  void stop() throws Exception {
    nodes.stop();
  }

  @Test
  void eachConsoleShowsBothNodesStepsInTimeOrderAndTheMessages() throws Exception {
    String uetr = UUID.randomUUID().toString();
    nodes.pay(uetr, "1000.00", nodes.quote("1000.00"));
    assertThat(nodes.awaitFinal(uetr, 10_000)).isEqualTo("SETTLED");
    assertThat(nodes.stateOn(nodes.irHttp, TEHRAN, uetr)).isEqualTo("SETTLED");

    for (var side : List.of(new Object[] {nodes.ru, "RU-NODE", "IR-NODE"}, new Object[] {nodes.ir, "IR-NODE", "RU-NODE"})) {
      Node node = (Node) side[0];
      String self = (String) side[1];
      String other = (String) side[2];
      String page = Http.operator(node.operatorPort(), TestOperators.VIEWER).get(null, "/console/payments/" + uetr).raw();
      assertThat(page).contains("History on " + self + " and " + other).doesNotContain("peer-unreachable");
      var steps = steps(page);
      assertThat(steps).extracting(s -> s[0]).contains(self, other);
      // Merged in time order (each node stamps its own clock; here both share the test's).
      for (int i = 1; i < steps.size(); i++) assertThat(steps.get(i)[1]).isGreaterThanOrEqualTo(steps.get(i - 1)[1]);
      // Both legs, each with the state on the node that holds it.
      assertThat(page).containsPattern("id=\"leg1-state\"><span class=\"pill SETTLED\"")
          .containsPattern("id=\"leg2-state\"><span class=\"pill SETTLED\"");
      // The messages of both nodes: the bank's instruction as RU received it, RU's pacs.008 as IR
      // received it (signed evidence), and what each node sent its bank.
      assertThat(page).contains("id=\"iso-messages\"", "received from VOLGRUMM", "received from node:RU-NODE", "pacs.008.001.08",
          "sent to " + TEHRAN, "sent to " + VOLGA, uetr);
    }

    // The peer route itself: over mTLS, the answer signed (verified by the client), about this payment.
    try (var asRu = TestPki.peer("RU-NODE", "IR-NODE", nodes.irPort)) {
      var r = asRu.history(UUID.fromString(uetr), 3_000);
      assertThat(r.status()).as(r.text()).isEqualTo(200);
      var story = new ObjectMapper().readTree(r.body());
      assertThat(story.get("node").asText()).isEqualTo("IR-NODE");
      assertThat(story.get("role").asText()).isEqualTo("INCOMING");
      assertThat(story.get("leg").get("number").asInt()).isEqualTo(2);
      assertThat(story.get("leg").get("amountMinor").asLong()).isEqualTo(520_500);
      assertThat(story.get("leg").get("state").asText()).isEqualTo("SETTLED");
      assertThat(story.get("steps").size()).isPositive();

      // A payment RU-NODE took no part in (domestic on IR) looks like no payment at all.
      String domestic = UUID.randomUUID().toString();
      var d = nodes.irHttp.post(TEHRAN, "/v1/payments", "{\"uetr\":\"" + domestic + "\",\"debtorAgent\":\"" + TEHRAN
          + "\",\"creditorAgent\":\"" + IR_CB + "\",\"amount\":\"100\",\"currency\":\"IRR\"}");
      assertThat(d.body().get("payments").get(0).get("state").asText()).as(d.raw()).isEqualTo("SETTLED");
      assertThat(asRu.history(UUID.fromString(domestic), 3_000).status()).isEqualTo(404);
      assertThat(asRu.history(UUID.randomUUID(), 3_000).status()).isEqualTo(404);
    }
    // A bank's certificate does not open the peer door.
    var bank = nodes.irHttp.get(TEHRAN, "/peer/v1/payments/" + uetr + "/history");
    assertThat(bank.status()).isEqualTo(403);
  }

  @Test
  void aDownPeerIsNamedAndThePageStillShowsThisNodesSide() throws Exception {
    String uetr = UUID.randomUUID().toString();
    nodes.pay(uetr, "10.00", nodes.quote("10.00"));
    assertThat(nodes.awaitFinal(uetr, 10_000)).isEqualTo("SETTLED");
    nodes.ir.close();
    nodes.ir = null;
    long start = System.nanoTime();
    String page = Http.operator(nodes.ru.operatorPort(), TestOperators.VIEWER).get(null, "/console/payments/" + uetr).raw();
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(page).contains("id=\"peer-unreachable\"", "Peer unreachable: IR-NODE");
    assertThat(steps(page)).isNotEmpty().allSatisfy(s -> assertThat(s[0]).isEqualTo("RU-NODE"));
    assertThat(page).containsPattern("id=\"leg2-state\"><span class=\"pill unknown\"");
    assertThat(tookMillis).isLessThan(2 * org.rialto.node.console.Console.PEER_HISTORY_TIMEOUT_MILLIS + 2_000);
  }

  /** (node, time) of each step of the page's timeline, in page order. */
  private static List<String[]> steps(String page) {
    var out = new ArrayList<String[]>();
    var m = WHEN.matcher(page);
    while (m.find()) out.add(new String[] {m.group(1), m.group(2)});
    return out;
  }
}
