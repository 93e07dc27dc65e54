package org.rialto.compliance.aml;

import java.util.List;

/** The AML rules a payment triggered. */
public record AmlResult(List<AmlHit> hits) {
  public AmlResult {
    hits = List.copyOf(hits);
  }

  /** At least one hit holds the payment. */
  public boolean hold() {
    return hits.stream().anyMatch(h -> h.action() == AmlAction.HOLD);
  }

  /** The first hit whose rule rejects the payment outright, if any. */
  public java.util.Optional<AmlHit> rejection() {
    return hits.stream().filter(h -> h.action() == AmlAction.REJECT).findFirst();
  }

  public boolean clear() {
    return hits.isEmpty();
  }
}
