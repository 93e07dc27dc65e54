package org.rialto.node.rtgs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.rialto.ledger.Id128;

/**
 * The RTGS queues of one node: per debtor, per priority, FIFO. Owned by the node's single
 * writer, so it is not thread-safe and takes no locks.
 *
 * <p>Why per debtor: T2 and Fedwire forbid a debtor's later payment from overtaking an earlier
 * one of the same or higher priority, so settlement order is a property of each debtor's queue
 * alone; the liquidity-saving mechanism then only ever settles a prefix of each queue.
 */
public final class PaymentQueues {
  /** Hard cap: a queue that grows without bound hides a liquidity crisis instead of showing it. */
  public static final int MAX_QUEUED_PAYMENTS = 1_000_000;

  private final Map<String, EnumMap<Priority, LinkedHashMap<Id128, QueuedPayment>>> byDebtor =
      new HashMap<>();
  private final Map<Id128, QueuedPayment> byId = new HashMap<>();
  private long nextArrivalSeq = 1;

  public int size() {
    return byId.size();
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }

  public boolean isFull() {
    return byId.size() >= MAX_QUEUED_PAYMENTS;
  }

  public Optional<QueuedPayment> get(Id128 id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** True if the debtor already waits: a new payment of that debtor must queue behind. */
  public boolean hasQueued(String debtor, Priority atOrAbove) {
    var queues = byDebtor.get(debtor);
    if (queues == null) return false;
    for (Priority p : Priority.values()) {
      if (p.ordinal() > atOrAbove.ordinal()) break;
      var q = queues.get(p);
      if (q != null && !q.isEmpty()) return true;
    }
    return false;
  }

  /** Queues a payment at the end of its debtor's priority FIFO, stamping its arrival order. */
  public QueuedPayment enqueue(
      Id128 id, String debtor, String creditor, long amountMinor, Priority priority) {
    if (isFull()) throw new IllegalStateException("RTGS queue is full (" + MAX_QUEUED_PAYMENTS + ")");
    if (byId.containsKey(id)) throw new IllegalStateException("payment already queued: " + id);
    return restore(new QueuedPayment(id, debtor, creditor, amountMinor, priority, nextArrivalSeq++));
  }

  /** Puts back a payment with its original arrival order (used when rebuilding after restart). */
  public QueuedPayment restore(QueuedPayment payment) {
    if (byId.containsKey(payment.id())) throw new IllegalStateException("already queued: " + payment.id());
    nextArrivalSeq = Math.max(nextArrivalSeq, payment.arrivalSeq() + 1);
    var queue =
        byDebtor
            .computeIfAbsent(payment.debtor(), d -> new EnumMap<>(Priority.class))
            .computeIfAbsent(payment.priority(), p -> new LinkedHashMap<>());
    queue.put(payment.id(), payment);
    byId.put(payment.id(), payment);
    return payment;
  }

  /** After restore() of many payments in any order, FIFO must follow arrivalSeq again. */
  public void sortAfterRestore() {
    for (var queues : byDebtor.values()) {
      for (var entry : queues.entrySet()) {
        var sorted = new ArrayList<>(entry.getValue().values());
        sorted.sort((a, b) -> Long.compare(a.arrivalSeq(), b.arrivalSeq()));
        var rebuilt = new LinkedHashMap<Id128, QueuedPayment>();
        for (var p : sorted) rebuilt.put(p.id(), p);
        entry.setValue(rebuilt);
      }
    }
  }

  public Optional<QueuedPayment> remove(Id128 id) {
    QueuedPayment payment = byId.remove(id);
    if (payment == null) return Optional.empty();
    var queues = byDebtor.get(payment.debtor());
    var queue = queues.get(payment.priority());
    QueuedPayment removed = queue.remove(id);
    if (removed == null) throw new IllegalStateException("queue index out of step for " + id);
    if (queue.isEmpty()) queues.remove(payment.priority());
    if (queues.isEmpty()) byDebtor.remove(payment.debtor());
    return Optional.of(payment);
  }

  /**
   * A bank re-orders its own queue: a new priority puts the payment at the end of that priority's
   * FIFO (it must not overtake payments that were waiting there first); {@code toFront} instead
   * puts it first within its priority, which only reorders the bank's own payments.
   */
  public Optional<QueuedPayment> reorder(Id128 id, Priority newPriority, boolean toFront) {
    var existing = remove(id);
    if (existing.isEmpty()) return existing;
    long seq;
    if (toFront) {
      var queue = queueOf(existing.get().debtor(), newPriority);
      long first = queue.isEmpty() ? nextArrivalSeq : queue.values().iterator().next().arrivalSeq();
      seq = first - 1;
    } else {
      seq = nextArrivalSeq++;
    }
    QueuedPayment moved = existing.get().withPriority(newPriority, seq);
    if (toFront) {
      var queue = byDebtor
          .computeIfAbsent(moved.debtor(), d -> new EnumMap<>(Priority.class))
          .computeIfAbsent(newPriority, p -> new LinkedHashMap<>());
      var rebuilt = new LinkedHashMap<Id128, QueuedPayment>();
      rebuilt.put(moved.id(), moved);
      rebuilt.putAll(queue);
      queue.clear();
      queue.putAll(rebuilt);
      byId.put(moved.id(), moved);
    } else {
      restore(moved);
    }
    return Optional.of(moved);
  }

  private LinkedHashMap<Id128, QueuedPayment> queueOf(String debtor, Priority priority) {
    var queues = byDebtor.get(debtor);
    if (queues == null) return new LinkedHashMap<>();
    var queue = queues.get(priority);
    return queue == null ? new LinkedHashMap<>() : queue;
  }

  /** The debtor's payments in settlement order: urgent, high, normal; FIFO within each. */
  public List<QueuedPayment> debtorQueue(String debtor) {
    var queues = byDebtor.get(debtor);
    if (queues == null) return List.of();
    var out = new ArrayList<QueuedPayment>();
    for (Priority p : Priority.values()) {
      var q = queues.get(p);
      if (q != null) out.addAll(q.values());
    }
    return out;
  }

  public List<String> debtors() {
    return new ArrayList<>(byDebtor.keySet());
  }

  public void forEach(Consumer<QueuedPayment> action) {
    for (var debtor : byDebtor.keySet()) debtorQueue(debtor).forEach(action);
  }

  public int countByPriority(Priority priority) {
    int n = 0;
    for (var queues : byDebtor.values()) {
      var q = queues.get(priority);
      if (q != null) n += q.size();
    }
    return n;
  }
}
