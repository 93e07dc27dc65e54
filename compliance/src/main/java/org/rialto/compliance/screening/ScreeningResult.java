package org.rialto.compliance.screening;

import java.util.List;
import org.rialto.compliance.lists.ListVersion;

/**
 * The outcome of screening a payment's parties.
 *
 * @param listsUsed every list version the screening consulted (recorded with the payment)
 * @param hits the matches, best first
 * @param incomplete reasons the screening could not cover a name in full (a name longer than the
 *     limits); an incomplete screening must be treated like a hit
 */
public record ScreeningResult(List<ListVersion> listsUsed, List<ScreeningHit> hits, List<String> incomplete) {
  public ScreeningResult {
    listsUsed = List.copyOf(listsUsed);
    hits = List.copyOf(hits);
    incomplete = List.copyOf(incomplete);
  }

  /** Nothing matched and every name was screened in full: the payment may proceed. */
  public boolean clear() {
    return hits.isEmpty() && incomplete.isEmpty();
  }
}
