package org.rialto.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  @Test
  void sameSeedSameWorkloadDifferentSeedDifferent() {
    Workload a = Workload.generate(7, 100, 10, 80, 20_000);
    Workload b = Workload.generate(7, 100, 10, 80, 20_000);
    Workload c = Workload.generate(8, 100, 10, 80, 20_000);
    assertThat(a.accounts()).isEqualTo(b.accounts());
    assertThat(a.transfers()).isEqualTo(b.transfers());
    assertThat(a.transfers()).isNotEqualTo(c.transfers());
  }

  @Test
  void shapeAndHotShare() {
    int accounts = 200;
    int transfers = 50_000;
    Workload w = Workload.generate(1, accounts, 10, 80, transfers);
    assertThat(w.accounts()).hasSize(accounts + 2);
    assertThat(w.fundingTransferCount()).isEqualTo(accounts);
    assertThat(w.transfers()).hasSize(accounts + transfers);
    assertThat(w.hotAccountIds()).hasSize(10);
    Set<Id128> hot = new HashSet<>(w.hotAccountIds());
    int touchingHot = 0;
    int payments = 0;
    int pendings = 0;
    int settlements = 0;
    for (LedgerEvent e : w.transfers().subList(accounts, accounts + transfers)) {
      LedgerEvent.CreateTransfer t = (LedgerEvent.CreateTransfer) e;
      if (t.pendingId().isZero()) {
        payments++;
        if (hot.contains(t.debitAccountId()) || hot.contains(t.creditAccountId())) {
          touchingHot++;
        }
        if ((t.flags() & TransferFlags.PENDING) != 0) {
          pendings++;
        }
      } else {
        settlements++;
      }
    }
    assertThat(settlements).isEqualTo(pendings);
    assertThat(touchingHot / (double) payments).isBetween(0.78, 0.82);
    assertThat(pendings / (double) payments).isBetween(0.08, 0.12);
  }

  @Test
  void appliesCleanlyToALedger() {
    Workload w = Workload.generate(2, 1000, 10, 80, 100_000);
    Ledger ledger = new Ledger();
    long now = 1;
    for (List<LedgerEvent> batch : Workload.batches(w.accounts(), 8190)) {
      assertThat(ledger.apply(now, batch).okCount()).isEqualTo(batch.size());
      now = ledger.lastTimestampNanos() + 1;
    }
    int ok = 0;
    for (List<LedgerEvent> batch : Workload.batches(w.transfers(), 8190)) {
      ok += ledger.apply(now, batch).okCount();
      now = ledger.lastTimestampNanos() + 1;
    }
    assertThat(ok).isEqualTo(w.transfers().size());
    assertThat(ledger.transferCount()).isEqualTo(w.transfers().size());
    ledger.verifyFully();
    ledger.currencyTotals().values().forEach(t -> assertThat(t.balanced()).isTrue());
    assertThat(ledger.currencyTotals().get("RUB").debitsPending()).isZero(); // every reservation settled
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> Workload.generate(1, 3, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Workload.generate(1, 10, 11, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Workload.generate(1, 10, 0, 50, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Workload.generate(1, 10, 1, 101, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Workload.generate(1, 10, 1, 50, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Workload.batches(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Workload.generate(1, 4, 0, 0, 0).transfers()).hasSize(4);
    assertThat(Workload.generate(1, 4, 4, 100, 1000).transfers()).hasSize(1004);
  }
}
