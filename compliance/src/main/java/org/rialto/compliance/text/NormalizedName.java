package org.rialto.compliance.text;

import java.util.List;

/**
 * A name after normalisation: its words in the order written (matching ignores the order).
 *
 * @param tokens the words, at most {@link NameNormalizer#MAX_TOKENS}
 * @param legalForm a legal form (LLC, ООО, PJSC, Sherkat...) was removed: the name is an
 *     organisation's
 * @param truncated the input exceeded the length or word limits and was cut; a screening of a
 *     truncated name is incomplete
 */
public record NormalizedName(List<NameToken> tokens, boolean legalForm, boolean truncated) {
  public NormalizedName {
    tokens = List.copyOf(tokens);
    if (tokens.size() > NameNormalizer.MAX_TOKENS) {
      throw new IllegalArgumentException("too many tokens: " + tokens.size());
    }
  }

  public boolean isEmpty() {
    return tokens.isEmpty();
  }

  /** The words joined by single spaces: a stable key for caches and a readable form for logs. */
  public String key() {
    StringBuilder b = new StringBuilder();
    for (NameToken t : tokens) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(t.abjad() ? "~" : "").append(t.text());
    }
    return b.toString();
  }
}
