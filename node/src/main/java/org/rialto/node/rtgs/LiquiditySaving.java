package org.rialto.node.rtgs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Liquidity-saving mechanism: finds the largest set of queued payments that can settle together,
 * simultaneously, although none of them (or no subset the simple FIFO pass would try) could
 * settle alone. This is T2's multilateral optimisation, and it subsumes bilateral offsetting.
 *
 * <p>The set is built as the greatest fixpoint: start from every queued payment, and while some
 * participant's position (available liquidity + incoming − outgoing, over the set) is negative,
 * drop that participant's outgoing payments from the end of its queue until it is covered.
 * Dropping from the end keeps each debtor's selection a prefix of its queue, so FIFO and priority
 * order are respected; and since a payment is only dropped when the remaining set cannot pay it,
 * the result is the largest prefix-closed set that is feasible.
 */
public final class LiquiditySaving {
  /** Bounds the work of one run; the oldest payments are considered first. */
  public static final int MAX_CANDIDATES = 50_000;

  private LiquiditySaving() {}

  /**
   * @param queues the node's queues
   * @param availableMinor liquidity a participant can spend now: credits posted − debits posted −
   *     debits pending + credit line (never below zero)
   * @return the payments to settle together; empty when nothing can move
   */
  public static List<QueuedPayment> select(
      PaymentQueues queues, ToLongFunction<String> availableMinor) {
    // Per debtor, its queue in settlement order and how long a prefix is still selected.
    Map<String, List<QueuedPayment>> ordered = new HashMap<>();
    Map<String, Integer> selectedCount = new HashMap<>();
    Map<String, BigInteger> position = new HashMap<>();
    int candidates = 0;
    for (String debtor : queues.debtors()) {
      List<QueuedPayment> q = queues.debtorQueue(debtor);
      if (candidates + q.size() > MAX_CANDIDATES) q = q.subList(0, Math.max(0, MAX_CANDIDATES - candidates));
      if (q.isEmpty()) continue;
      candidates += q.size();
      ordered.put(debtor, q);
      selectedCount.put(debtor, q.size());
    }
    for (var entry : ordered.entrySet()) {
      for (QueuedPayment p : entry.getValue()) {
        position.merge(p.debtor(), BigInteger.valueOf(-p.amountMinor()), BigInteger::add);
        position.merge(p.creditor(), BigInteger.valueOf(p.amountMinor()), BigInteger::add);
      }
    }
    for (var entry : position.entrySet()) {
      long available = availableMinor.applyAsLong(entry.getKey());
      if (available < 0) throw new IllegalStateException("negative available liquidity for " + entry.getKey());
      entry.setValue(entry.getValue().add(BigInteger.valueOf(available)));
    }

    // Each pass drops at least one payment or ends, so candidates + 1 passes bound the loop.
    for (int pass = 0; pass <= candidates; pass++) {
      boolean dropped = false;
      for (String debtor : ordered.keySet()) {
        BigInteger pos = position.get(debtor);
        int count = selectedCount.get(debtor);
        List<QueuedPayment> q = ordered.get(debtor);
        while (pos.signum() < 0 && count > 0) {
          QueuedPayment last = q.get(count - 1);
          count--;
          pos = pos.add(BigInteger.valueOf(last.amountMinor()));
          position.merge(last.creditor(), BigInteger.valueOf(-last.amountMinor()), BigInteger::add);
          dropped = true;
        }
        position.put(debtor, pos);
        selectedCount.put(debtor, count);
      }
      if (!dropped) break;
      if (pass == candidates) throw new IllegalStateException("liquidity-saving did not converge");
    }

    var result = new ArrayList<QueuedPayment>();
    for (var entry : ordered.entrySet()) {
      result.addAll(entry.getValue().subList(0, selectedCount.get(entry.getKey())));
    }
    // Post-condition: every participant covered by the set itself.
    for (var entry : position.entrySet()) {
      if (entry.getValue().signum() < 0) {
        throw new IllegalStateException("liquidity-saving chose an uncovered set for " + entry.getKey());
      }
    }
    result.sort((a, b) -> Long.compare(a.arrivalSeq(), b.arrivalSeq()));
    return result;
  }
}
