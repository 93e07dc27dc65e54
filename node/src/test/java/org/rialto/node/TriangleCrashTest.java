package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.DEALER;
import static org.rialto.node.Participants.IR_CB;
import static org.rialto.node.Participants.RU_CB;
import static org.rialto.node.Participants.TEHRAN;
import static org.rialto.node.Participants.VOLGA;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three node processes, three currencies, three calendars: RUB (Europe/Moscow), IRR
 * (Asia/Tehran, Solar Hijri) and INR (Asia/Kolkata). Each corridor has its own FX provider, a
 * dealer bank with a settlement account on the two nodes of the corridor it serves and on no
 * other. Random cross-border payments flow among all three pairs, each node routing by the
 * creditor agent's country, over the ISO 20022 peer wire, while random nodes are killed with
 * SIGKILL and restarted at random moments (several may be down at once). Once all are up and
 * quiet: every payment is settled on both of its nodes or on neither, each currency is conserved
 * on its own node and each account holds exactly its opening plus its settled legs (nothing
 * settled twice), nothing is in doubt, and every bank was told the final state once. The
 * harness is {@link CrashNetwork}, shared with {@link CorridorCrashTest}.
 *
 * <p>Kill count: {@code -Drialto.triangle.kills=N} (default 10; with CorridorCrashTest's 20 that
 * is 30 kills across the two- and three-node tests).
 */
class TriangleCrashTest {
  static final int KILLS = Integer.getInteger("rialto.triangle.kills", 10);
  /**
   * Two banks per node, paced like banks rather than a benchmark (the checks at the end read
   * every payment on two nodes); kills every 0.3–1.2 s, a killed node down up to 0.7 s.
   */
  static final CrashNetwork.Pace PACE = new CrashNetwork.Pace(2, 150, 300, 900, 700);

  @TempDir Path dir;
  /** Closed after the test, whatever happened: no node process outlives it. */
  @AutoClose CrashNetwork network;

  @Test
  void threeNodesThreeCorridorsBothLegsOrNeitherWhileNodesAreKilled() throws Exception {
    network = new CrashNetwork("TriangleCrashTest", dir, "rialto.triangle.seed", KILLS);
    var ru = network.node(new CrashNetwork.Side("RU-NODE", "RUB", 2, RU_CB, CrashNetwork.calendar("Europe/Moscow", false),
        List.of(VOLGA, "KAMARUMM"), 100_000_000_00L, 5_000_000_00L, 1_00, 5_000_00, 9_000_000_00L));
    var ir = network.node(new CrashNetwork.Side("IR-NODE", "IRR", 0, IR_CB, CrashNetwork.calendar("Asia/Tehran", true),
        List.of(TEHRAN, "ISFAIRTH"), 100_000_000_000L, 3_000_000_000L, 10_000, 2_000_000, 10_000_000_000L));
    var in = network.node(new CrashNetwork.Side("IN-NODE", "INR", 2, "RBISINBB", CrashNetwork.calendar("Asia/Kolkata", false),
        List.of("GANGINBB", "DECCINBB"), 100_000_000_00L, 5_000_000_00L, 1_00, 5_000_00, 9_000_000_00L));
    CrashNetwork.corridor(ru, ir, DEALER, "520.5", "0.0019");
    CrashNetwork.corridor(ir, in, "DLRXIRTH", "0.002", "500");
    CrashNetwork.corridor(in, ru, "DLRXINBB", "1.05", "0.95");
    network.start(60);

    network.loadWhileKilling(KILLS, PACE);
    var perCorridor = new HashMap<String, Integer>();
    for (var s : network.sent.values()) perCorridor.merge(s.from().currency + "->" + s.to().currency, 1, Integer::sum);
    assertThat(perCorridor).as("payments on all six directed corridors").hasSize(6);

    var finalStates = network.awaitAllFinal(60_000);
    network.checkBothLegsOrNeither(finalStates);
    for (var s : network.nodes) network.checkMoney(s, finalStates);
    network.checkBanksWereTold(finalStates);
    long settled = finalStates.values().stream().filter(f -> f.sender().equals("SETTLED")).count();
    var reasons = new java.util.TreeMap<String, Integer>();
    for (var f : finalStates.values()) if (f.senderReason() != null) reasons.merge(f.senderReason(), 1, Integer::sum);
    System.out.println("TriangleCrashTest: " + settled + " settled on both nodes, " + (network.sent.size() - settled) + " rejected " + reasons);
    assertThat(settled).as("some payments settle").isPositive();
    for (var s : network.nodes) s.process.stop();
  }
}
