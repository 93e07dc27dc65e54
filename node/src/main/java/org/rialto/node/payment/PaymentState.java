package org.rialto.node.payment;

/**
 * The only states a bank ever sees (DESIGN.md). Internal steps (prepared, forwarded, in doubt…)
 * live in {@link Payment#step()} and are for operators.
 */
public enum PaymentState {
  RECEIVED,
  QUEUED,
  HELD,
  SETTLED,
  REJECTED,
  RETURNED;

  public boolean isFinal() {
    return this == SETTLED || this == REJECTED || this == RETURNED;
  }
}
