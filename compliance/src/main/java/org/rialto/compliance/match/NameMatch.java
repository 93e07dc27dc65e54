package org.rialto.compliance.match;

import java.util.List;

/**
 * The comparison of two names.
 *
 * @param score 0..1, the production name score
 * @param pairs the words paired, best first
 * @param unmatchedQuery words of the first name left without a partner
 * @param unmatchedList words of the second name left without a partner
 */
public record NameMatch(double score, List<TokenPair> pairs, List<String> unmatchedQuery, List<String> unmatchedList) {
  public NameMatch {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalStateException("name score out of [0, 1]: " + score);
    }
    pairs = List.copyOf(pairs);
    unmatchedQuery = List.copyOf(unmatchedQuery);
    unmatchedList = List.copyOf(unmatchedList);
  }
}
