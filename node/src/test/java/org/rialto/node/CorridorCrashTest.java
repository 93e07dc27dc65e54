package org.rialto.node;

import static org.rialto.node.Participants.DEALER;
import static org.rialto.node.Participants.IR_CB;
import static org.rialto.node.Participants.RU_CB;
import static org.rialto.node.Participants.TEHRAN;
import static org.rialto.node.Participants.VOLGA;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5: two node processes (RUB and IRR), random cross-border payments in both directions
 * through an FX provider with accounts on both, while either node is killed with SIGKILL and
 * restarted at random moments. Once both are up and quiet: every payment is settled on both
 * nodes or on neither, each currency is conserved on its own node (and each account holds
 * exactly what its settled legs say), nothing is left in doubt, every sending bank was told the
 * final state once, and sending any payment again gets its final state back. The harness is
 * {@link CrashNetwork}, shared with {@link TriangleCrashTest}.
 *
 * <p>Kill count: {@code -Drialto.corridor.kills=N} (default 20).
 */
class CorridorCrashTest {
  static final int KILLS = Integer.getInteger("rialto.corridor.kills", 20);
  /** Four banks per node sending back to back; kills every 0.2–1 s, a killed node down up to 0.5 s. */
  static final CrashNetwork.Pace PACE = new CrashNetwork.Pace(4, 0, 200, 800, 500);

  @TempDir Path dir;
  /** Closed after the test, whatever happened: no node process outlives it. */
  @AutoClose CrashNetwork network;

  @Test
  void bothLegsOrNeitherWhileEitherNodeIsKilled() throws Exception {
    network = new CrashNetwork("CorridorCrashTest", dir, "rialto.corridor.seed", KILLS);
    var ru = network.node(new CrashNetwork.Side("RU-NODE", "RUB", 2, RU_CB, "", List.of(VOLGA, "KAMARUMM"),
        100_000_000_00L, 5_000_000_00L, 1_00, 5_000_00, 9_000_000_00L));
    var ir = network.node(new CrashNetwork.Side("IR-NODE", "IRR", 0, IR_CB, "", List.of(TEHRAN, "ISFAIRTH"),
        100_000_000_000L, 3_000_000_000L, 10_000, 2_000_000, 10_000_000_000L));
    CrashNetwork.corridor(ru, ir, DEALER, "520.5", "0.0019");
    network.start(30);

    network.loadWhileKilling(KILLS, PACE);

    // Both nodes are up: wait until nothing is in doubt, then check everything.
    var finalStates = network.awaitAllFinal(60_000);
    network.checkBothLegsOrNeither(finalStates);
    network.checkResendsGetTheSameAnswer(finalStates);
    network.checkMoney(ru, finalStates);
    network.checkMoney(ir, finalStates);
    network.checkBanksWereTold(finalStates);
    ru.process.stop();
    ir.process.stop();
  }
}
