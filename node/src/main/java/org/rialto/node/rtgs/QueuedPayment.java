package org.rialto.node.rtgs;

import org.rialto.ledger.Id128;

/**
 * A payment waiting for liquidity.
 *
 * @param id the payment's transfer id (from its UETR)
 * @param arrivalSeq monotonic order of arrival in the queue: FIFO within a priority
 */
public record QueuedPayment(
    Id128 id, String debtor, String creditor, long amountMinor, Priority priority, long arrivalSeq) {
  public QueuedPayment {
    if (amountMinor <= 0) throw new IllegalArgumentException("amountMinor must be > 0");
    if (debtor.equals(creditor)) throw new IllegalArgumentException("debtor equals creditor");
  }

  public QueuedPayment withPriority(Priority newPriority, long newArrivalSeq) {
    return new QueuedPayment(id, debtor, creditor, amountMinor, newPriority, newArrivalSeq);
  }
}
