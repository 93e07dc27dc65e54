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

  public boolean clear() {
    return hits.isEmpty();
  }
}
