package org.rialto.store.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rialto.ledger.LedgerEvent;
import org.rialto.ledger.TransferFlags;
import org.rialto.ledger.Workload;

/** The bench is a command, not a timed test: this only checks that a tiny run works end to end. */
class LedgerBenchTest {
  @Test
  void tinyRunMeasuresAllFourWaysAndAgreesOnResults() throws Exception {
    var out = new ByteArrayOutputStream();
    var options = new LedgerBench.Options(7, 50, 5, 80, 5_000, 512, 3, 1_000, 4, 0.5, null);
    LedgerBench.Result r = LedgerBench.run(options, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(r.inMemoryTps()).isPositive();
    assertThat(r.sqlite().okEvents()).isEqualTo(r.inMemoryOk());
    assertThat(r.postgres().okEvents()).isEqualTo(r.inMemoryOk());
    assertThat(r.baseline().committed()).isPositive();
    assertThat(r.json()).startsWith("{\"in_memory_tps\":").contains("\"ratio_postgres_vs_baseline\":", "\"batch_p99_ms\":");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("in-memory:", "SQLite:", "PostgreSQL:", "baseline:");
  }

  @Test
  void lanesKeepAPendingTransferAndItsSettlementOnOneSubmitterInOrder() {
    Workload w = Workload.generate(3, 20, 2, 80, 20_000);
    List<LedgerEvent> work = w.transfers().subList(w.fundingTransferCount(), w.transfers().size());
    List<List<LedgerEvent>> lanes = LedgerBench.lanes(work, 4);
    assertThat(lanes.stream().mapToInt(List::size).sum()).isEqualTo(work.size());
    int settlements = 0;
    for (List<LedgerEvent> lane : lanes) {
      var seenPending = new java.util.HashSet<org.rialto.ledger.Id128>();
      for (LedgerEvent e : lane) {
        var t = (LedgerEvent.CreateTransfer) e;
        if ((t.flags() & TransferFlags.PENDING) != 0) {
          seenPending.add(t.id());
        }
        if ((t.flags() & (TransferFlags.POST_PENDING | TransferFlags.VOID_PENDING)) != 0) {
          assertThat(seenPending).contains(t.pendingId());
          settlements++;
        }
      }
    }
    assertThat(settlements).isPositive();
  }
}
