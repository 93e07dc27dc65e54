package org.rialto.compliance.match;

/**
 * Jaro-Winkler similarity with the exact definition and arithmetic of Apache Commons Text 1.12
 * ({@code JaroWinklerSimilarity}: match window max(len)/2 - 1, half transpositions, a common
 * prefix of up to four characters boosting with factor 0.1 from a Jaro score of 0.7), computed
 * without allocating: name words are short, so the matched positions fit in two 64-bit masks.
 * Screening scores a few words per candidate, thousands of times a second; the library version
 * allocates three arrays per call. Words longer than {@value #MAX_CHARS} characters go to the
 * library, so the result is the same for every input.
 */
final class JaroWinkler {
  static final int MAX_CHARS = 64;
  private static final org.apache.commons.text.similarity.JaroWinklerSimilarity LIBRARY =
      new org.apache.commons.text.similarity.JaroWinklerSimilarity();

  private JaroWinkler() {}

  static double similarity(String first, String second) {
    if (first.equals(second)) {
      return 1d;
    }
    if (first.length() > MAX_CHARS || second.length() > MAX_CHARS) {
      return LIBRARY.apply(first, second);
    }
    String max;
    String min;
    if (first.length() > second.length()) {
      max = first;
      min = second;
    } else {
      max = second;
      min = first;
    }
    int range = Math.max(max.length() / 2 - 1, 0);
    long minMatched = 0;
    long maxMatched = 0;
    int matches = 0;
    for (int mi = 0; mi < min.length(); mi++) {
      char c1 = min.charAt(mi);
      for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, max.length()); xi < xn; xi++) {
        if ((maxMatched & (1L << xi)) == 0 && c1 == max.charAt(xi)) {
          minMatched |= 1L << mi;
          maxMatched |= 1L << xi;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0d;
    }
    // The matched characters of each word, in order, compared pairwise.
    int transpositions = 0;
    long a = minMatched;
    long b = maxMatched;
    while (a != 0) {
      int i = Long.numberOfTrailingZeros(a);
      int j = Long.numberOfTrailingZeros(b);
      if (min.charAt(i) != max.charAt(j)) {
        transpositions++;
      }
      a &= a - 1;
      b &= b - 1;
    }
    if (b != 0) {
      throw new IllegalStateException("Jaro-Winkler: matched positions out of step");
    }
    int prefix = 0;
    for (int mi = 0, n = Math.min(4, min.length()); mi < n; mi++) {
      if (first.charAt(mi) != second.charAt(mi)) {
        break;
      }
      prefix++;
    }
    double m = matches;
    double j = (m / first.length() + m / second.length() + (m - transpositions / 2d) / m) / 3;
    return j < 0.7d ? j : j + 0.1d * prefix * (1d - j);
  }
}
