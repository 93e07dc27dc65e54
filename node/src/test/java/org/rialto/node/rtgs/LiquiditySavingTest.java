package org.rialto.node.rtgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rialto.ledger.Id128;

class LiquiditySavingTest {
  private final PaymentQueues queues = new PaymentQueues();
  private final Map<String, Long> available = new HashMap<>();
  private long nextId = 1;

  private QueuedPayment queue(String debtor, String creditor, long amount, Priority priority) {
    return queues.enqueue(Id128.of(nextId++), debtor, creditor, amount, priority);
  }

  private QueuedPayment queue(String debtor, String creditor, long amount) {
    return queue(debtor, creditor, amount, Priority.NORMAL);
  }

  private List<QueuedPayment> select() {
    return LiquiditySaving.select(queues, p -> available.getOrDefault(p, 0L));
  }

  @Test
  void bilateralGridlockWithNoLiquiditySettlesBoth() {
    var ab = queue("A", "B", 100);
    var ba = queue("B", "A", 100);
    assertThat(select()).containsExactly(ab, ba);
  }

  @Test
  void circularGridlockOfThreeSettlesTogether() {
    var ab = queue("A", "B", 100);
    var bc = queue("B", "C", 100);
    var ca = queue("C", "A", 100);
    assertThat(select()).containsExactly(ab, bc, ca);
  }

  @Test
  void unevenCycleUsesTheLiquidityThatCoversTheDifference() {
    available.put("A", 50L);
    var ab = queue("A", "B", 100);
    var bc = queue("B", "C", 100);
    var ca = queue("C", "A", 50);
    assertThat(select()).containsExactly(ab, bc, ca);
  }

  @Test
  void infeasibleSetSettlesNothing() {
    queue("A", "B", 100);
    queue("B", "A", 50);
    assertThat(select()).isEmpty();
  }

  @Test
  void dropsFromTheEndOfTheDebtorsQueueSoFifoHolds() {
    var ab = queue("A", "B", 100);
    queue("A", "C", 10);
    var ba = queue("B", "A", 100);
    assertThat(select()).containsExactly(ab, ba);
  }

  @Test
  void highPriorityIsServedBeforeEarlierNormal() {
    available.put("A", 30L);
    queue("A", "B", 30, Priority.NORMAL);
    var high = queue("A", "C", 30, Priority.HIGH);
    assertThat(select()).containsExactly(high);
  }

  @Test
  void removedAndReorderedPaymentsLeaveTheSelection() {
    var ab = queue("A", "B", 100);
    var ba = queue("B", "A", 100);
    queues.remove(ba.id());
    assertThat(select()).isEmpty();
    var ba2 = queue("B", "A", 100);
    queues.reorder(ab.id(), Priority.HIGH, false);
    assertThat(select()).extracting(QueuedPayment::id).containsExactlyInAnyOrder(ab.id(), ba2.id());
  }

  /**
   * Against brute force on small random cases: the chosen set is feasible, prefix-closed per
   * debtor, and no larger prefix-closed feasible set exists.
   */
  @Test
  void agreesWithBruteForceOnRandomSmallCases() {
    var random = new Random(20261123L);
    String[] banks = {"A", "B", "C", "D"};
    for (int round = 0; round < 2_000; round++) {
      var q = new PaymentQueues();
      var avail = new HashMap<String, Long>();
      for (String b : banks) avail.put(b, (long) random.nextInt(3) * 50);
      int n = 1 + random.nextInt(7);
      for (int i = 0; i < n; i++) {
        String d = banks[random.nextInt(banks.length)];
        String c;
        do c = banks[random.nextInt(banks.length)]; while (c.equals(d));
        q.enqueue(Id128.of(i + 1), d, c, 10 + random.nextInt(10) * 10, Priority.NORMAL);
      }
      var chosen = LiquiditySaving.select(q, b -> avail.getOrDefault(b, 0L));
      assertThat(feasible(chosen, avail)).isTrue();
      assertThat(chosen.size()).isEqualTo(bestPrefixClosedSize(q, avail, banks));
    }
  }

  private static boolean feasible(List<QueuedPayment> set, Map<String, Long> avail) {
    var pos = new HashMap<String, Long>(avail);
    for (var p : set) {
      pos.merge(p.debtor(), -p.amountMinor(), Long::sum);
      pos.merge(p.creditor(), p.amountMinor(), Long::sum);
    }
    return pos.values().stream().allMatch(v -> v >= 0);
  }

  private static int bestPrefixClosedSize(PaymentQueues q, Map<String, Long> avail, String[] banks) {
    List<List<QueuedPayment>> perDebtor = new java.util.ArrayList<>();
    for (String b : banks) perDebtor.add(q.debtorQueue(b));
    return search(perDebtor, 0, new java.util.ArrayList<>(), avail);
  }

  private static int search(
      List<List<QueuedPayment>> perDebtor, int index, List<QueuedPayment> acc, Map<String, Long> avail) {
    if (index == perDebtor.size()) return feasible(acc, avail) ? acc.size() : -1;
    int best = -1;
    var queue = perDebtor.get(index);
    for (int k = 0; k <= queue.size(); k++) {
      var next = new java.util.ArrayList<>(acc);
      next.addAll(queue.subList(0, k));
      best = Math.max(best, search(perDebtor, index + 1, next, avail));
    }
    return best;
  }
}
