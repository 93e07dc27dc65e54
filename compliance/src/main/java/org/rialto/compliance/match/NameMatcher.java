package org.rialto.compliance.match;

import java.util.ArrayList;
import java.util.List;
import org.rialto.compliance.text.NameNormalizer;
import org.rialto.compliance.text.NameToken;
import org.rialto.compliance.text.NormalizedName;
import org.rialto.compliance.text.Phonetic;

/**
 * Scores how likely two names designate the same person or organisation, across scripts and
 * transliterations. This is the production scoring: screening and `rialto screen --pairs` both
 * use it.
 *
 * <p>Words are paired regardless of order. Two words are similar when they belong to the same
 * variant family (Mohammad / Мухаммад / محمد), or by a phonetic edit distance over consonant
 * skeletons (which is all Arabic script writes) blended, for two Latin-script words, with
 * Jaro-Winkler over a vowel-keeping form. A word pairs only above {@link #WORD_MIN_SIMILARITY}; a
 * word of one name written as two words in the other ("Gazpromneft" / "Gazprom Neft") pairs with
 * both.
 *
 * <p>The name score is the mean of the two names' weighted coverage (rare words weigh more than
 * Muhammad, Ali or Bank; see {@link TokenWeights}), less a penalty when BOTH names keep words
 * the other lacks: a missing middle name is missing information, while two different first names
 * are contradicting information.
 *
 * <p>Immutable and thread-safe.
 */
public final class NameMatcher {
  /** The production threshold: a pair scoring at least this is a match. */
  public static final double DEFAULT_THRESHOLD = 0.80;
  public static final double WORD_MIN_SIMILARITY = 0.80;
  /** A word written as two words must be nearly identical to them to count. */
  public static final double JOINED_MIN_SIMILARITY = 0.90;
  /** Credit falls faster than similarity: Rudenko/Rudnev (0.82) must not count like a variant. */
  static final double CREDIT_SLOPE = 1.6;
  /** Karim / Karimi, Ivan / Ivanov: a suffix that makes another name (see isDerivedName). */
  static final double DERIVED_MAX_SIMILARITY = 0.6;
  static final double CONFLICT_PENALTY = 0.5;
  static final double CONFLICT_MIN_WEIGHT = 0.4;
  static final double INITIAL_SIMILARITY = 0.85;
  private static final double PHONETIC_SHARE = 0.6;

  private static final NameMatcher STANDARD = new NameMatcher(NameNormalizer.standard(), null);

  private final NameNormalizer normalizer;
  private volatile TokenWeights weights;

  private NameMatcher(NameNormalizer normalizer, TokenWeights weights) {
    this.normalizer = normalizer;
    this.weights = weights;
  }

  public static NameMatcher standard() {
    return STANDARD;
  }

  private TokenWeights weights() {
    TokenWeights w = weights;
    if (w == null) {
      w = TokenWeights.standard();
      weights = w;
    }
    return w;
  }

  public NameNormalizer normalizer() {
    return normalizer;
  }

  public PreparedName prepare(String raw) {
    return prepare(raw, normalizer.normalize(raw));
  }

  public PreparedName prepare(String raw, NormalizedName normalized) {
    TokenWeights w = weights();
    double[] ws = new double[normalized.tokens().size()];
    for (int i = 0; i < ws.length; i++) {
      ws[i] = w.weight(normalized.tokens().get(i));
    }
    return new PreparedName(raw, normalized, ws);
  }

  /** The production score of two raw names (the `--pairs` measure). */
  public double score(String a, String b) {
    return score(prepare(a), prepare(b));
  }

  public double score(PreparedName a, PreparedName b) {
    return align(a, b, false, null).score();
  }

  /**
   * The score, with the word pairing behind it left in {@code trail} (overwritten by each call),
   * from which {@link Trail#alignment} keeps it for {@link #match(PreparedName, PreparedName,
   * double, Alignment)}: a screener scores many names and explains a few of them.
   */
  public double score(PreparedName a, PreparedName b, Trail trail) {
    return align(a, b, false, trail).score();
  }

  /** Score with the word pairing behind it. */
  public NameMatch match(PreparedName a, PreparedName b) {
    return align(a, b, true, null);
  }

  /**
   * What {@link #match(PreparedName, PreparedName)} gives, from the score and alignment that
   * {@link #score(PreparedName, PreparedName, Trail)} found for the same two names, without
   * comparing their words again.
   */
  public NameMatch match(PreparedName a, PreparedName b, double score, Alignment alignment) {
    return explained(a, b, score, alignment.steps(), alignment.similarities(), alignment.steps().length);
  }

  /**
   * The pairings of two names in the order they were made: in each step, bits 0-1 say how
   * ({@link #STEP_PAIR} word i of the first name with word j of the second, {@link #STEP_JOINED}
   * word i of the first with words j and j+1 of the second, {@link #STEP_JOINED_SWAPPED} word i
   * of the second with words j and j+1 of the first), bits 2-15 hold i and bits 16-29 j.
   */
  public record Alignment(int[] steps, double[] similarities) {
    public Alignment {
      if (steps.length != similarities.length) {
        throw new IllegalArgumentException(steps.length + " steps, " + similarities.length + " similarities");
      }
    }
  }

  /** A thread's buffer for the alignment of the last names it scored. Not thread-safe. */
  public static final class Trail {
    private int[] steps = new int[NameNormalizer.MAX_TOKENS];
    private double[] similarities = new double[NameNormalizer.MAX_TOKENS];
    private int count;

    void clear() {
      count = 0;
    }

    void add(int step, double similarity) {
      if (count == steps.length) {
        // A pairing uses a word of each name, so a name of more words than MAX_TOKENS (built
        // without the normaliser's bound) is the only way here; bounded by that name.
        steps = java.util.Arrays.copyOf(steps, 2 * count);
        similarities = java.util.Arrays.copyOf(similarities, 2 * count);
      }
      steps[count] = step;
      similarities[count++] = similarity;
    }

    /** The alignment of the last names scored, as a value that stays. */
    public Alignment alignment() {
      return new Alignment(java.util.Arrays.copyOf(steps, count), java.util.Arrays.copyOf(similarities, count));
    }
  }

  static final int STEP_PAIR = 0;
  static final int STEP_JOINED = 1;
  static final int STEP_JOINED_SWAPPED = 2;
  /** Words per name a step can number (14 bits each). */
  private static final int STEP_MAX_WORDS = 1 << 14;

  private static int step(int kind, int i, int j) {
    if (i >= STEP_MAX_WORDS || j >= STEP_MAX_WORDS) {
      throw new IllegalArgumentException("names of more than " + STEP_MAX_WORDS + " words: " + i + ", " + j);
    }
    return kind | i << 2 | j << 16;
  }

  private static NameMatch align(PreparedName a, PreparedName b, boolean explain, Trail given) {
    int n = a.size();
    int m = b.size();
    Trail trail = explain ? new Trail() : given;
    if (trail != null) {
      trail.clear();
    }
    if (n == 0 || m == 0) {
      return new NameMatch(0, List.of(), List.of(), List.of());
    }
    double[] sim = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = wordSimilarity(a.token(i), b.token(j));
        sim[i * m + j] = s >= WORD_MIN_SIMILARITY ? s : 0;
      }
    }
    double[] creditA = new double[n];
    double[] creditB = new double[m];
    boolean[] usedA = new boolean[n];
    boolean[] usedB = new boolean[m];
    int rounds = Math.min(n, m);
    for (int round = 0; round < rounds; round++) {
      int bi = -1;
      int bj = -1;
      double best = 0;
      double bestWeight = 0;
      for (int i = 0; i < n; i++) {
        if (usedA[i]) {
          continue;
        }
        for (int j = 0; j < m; j++) {
          double s = sim[i * m + j];
          if (s <= 0 || usedB[j]) {
            continue;
          }
          double w = a.weight(i) + b.weight(j);
          if (s > best || s == best && w > bestWeight) {
            best = s;
            bestWeight = w;
            bi = i;
            bj = j;
          }
        }
      }
      if (bi < 0) {
        break;
      }
      usedA[bi] = true;
      usedB[bj] = true;
      creditA[bi] = credit(best);
      creditB[bj] = credit(best);
      if (trail != null) {
        trail.add(step(STEP_PAIR, bi, bj), best);
      }
    }
    if (countUnused(usedA) > 0 && countUnused(usedB) > 1) {
      mergeAdjacent(a, b, usedA, usedB, creditA, creditB, trail, false);
    }
    if (countUnused(usedB) > 0 && countUnused(usedA) > 1) {
      mergeAdjacent(b, a, usedB, usedA, creditB, creditA, trail, true);
    }
    double matchedA = 0;
    double conflictA = 0;
    double pairedA = 0;
    for (int i = 0; i < n; i++) {
      matchedA += creditA[i] * a.weight(i);
      if (usedA[i]) {
        pairedA += a.weight(i);
      } else {
        conflictA += Math.max(a.weight(i), CONFLICT_MIN_WEIGHT);
      }
    }
    double matchedB = 0;
    double conflictB = 0;
    double pairedB = 0;
    for (int j = 0; j < m; j++) {
      matchedB += creditB[j] * b.weight(j);
      if (usedB[j]) {
        pairedB += b.weight(j);
      } else {
        conflictB += Math.max(b.weight(j), CONFLICT_MIN_WEIGHT);
      }
    }
    double coverage = 0.5 * (matchedA / a.totalWeight() + matchedB / b.totalWeight());
    // Common words count little towards a match, but two different ones (Bank / Insurance,
    // Reza / Mohammad) still contradict each other: they weigh at least CONFLICT_MIN_WEIGHT here.
    double conflict = Math.min(conflictA / (pairedA + conflictA), conflictB / (pairedB + conflictB));
    double score = clamp(coverage - CONFLICT_PENALTY * conflict);
    if (!explain) {
      return new NameMatch(score, List.of(), List.of(), List.of());
    }
    return explained(a, b, score, trail.steps, trail.similarities, trail.count);
  }

  /** The explanation of an alignment: its pairs in the order made, then the words left unpaired. */
  private static NameMatch explained(PreparedName a, PreparedName b, double score, int[] steps, double[] similarities,
      int count) {
    int n = a.size();
    int m = b.size();
    boolean[] usedA = new boolean[n];
    boolean[] usedB = new boolean[m];
    TokenPair[] pairs = new TokenPair[count];
    for (int k = 0; k < count; k++) {
      int kind = steps[k] & 3;
      int i = steps[k] >>> 2 & STEP_MAX_WORDS - 1;
      int j = steps[k] >>> 16 & STEP_MAX_WORDS - 1;
      double s = similarities[k];
      switch (kind) {
        case STEP_PAIR -> {
          usedA[i] = true;
          usedB[j] = true;
          pairs[k] = new TokenPair(a.token(i).text(), b.token(j).text(), s);
        }
        case STEP_JOINED -> {
          usedA[i] = true;
          usedB[j] = true;
          usedB[j + 1] = true;
          pairs[k] = new TokenPair(a.token(i).text(), b.token(j).text() + "+" + b.token(j + 1).text(), s);
        }
        case STEP_JOINED_SWAPPED -> {
          usedB[i] = true;
          usedA[j] = true;
          usedA[j + 1] = true;
          pairs[k] = new TokenPair(a.token(j).text() + "+" + a.token(j + 1).text(), b.token(i).text(), s);
        }
        default -> throw new IllegalStateException("step kind " + kind);
      }
    }
    List<String> leftA = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!usedA[i]) {
        leftA.add(a.token(i).text());
      }
    }
    List<String> leftB = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      if (!usedB[j]) {
        leftB.add(b.token(j).text());
      }
    }
    return new NameMatch(score, List.of(pairs), leftA, leftB);
  }

  /** Pairs a lone word of {@code x} with two adjacent unpaired words of {@code y} written apart. */
  private static void mergeAdjacent(PreparedName x, PreparedName y, boolean[] usedX, boolean[] usedY,
      double[] creditX, double[] creditY, Trail trail, boolean swapped) {
    for (int i = 0; i < x.size(); i++) {
      if (usedX[i]) {
        continue;
      }
      NameToken word = x.token(i);
      for (int j = 0; j + 1 < y.size(); j++) {
        if (usedY[j] || usedY[j + 1]) {
          continue;
        }
        NameToken first = y.token(j);
        NameToken second = y.token(j + 1);
        int joinedLength = first.skeleton().length() + second.skeleton().length();
        if (Math.abs(joinedLength - word.skeleton().length()) > 2) {
          continue;
        }
        double s = joinedSimilarity(word, first, second);
        if (s >= JOINED_MIN_SIMILARITY) {
          usedX[i] = true;
          usedY[j] = true;
          usedY[j + 1] = true;
          creditX[i] = credit(s);
          creditY[j] = credit(s);
          creditY[j + 1] = credit(s);
          if (trail != null) {
            trail.add(step(swapped ? STEP_JOINED_SWAPPED : STEP_JOINED, i, j), s);
          }
          break;
        }
      }
    }
  }

  /** Similarity of one word with two adjacent words written as one ("Gazpromneft", "Gazprom Neft"). */
  public static double joinedSimilarity(NameToken word, NameToken first, NameToken second) {
    String text = word.text();
    if (text.length() == first.text().length() + second.text().length()
        && text.startsWith(first.text()) && text.endsWith(second.text())) {
      return 1.0;
    }
    boolean latin = !word.abjad() && !first.abjad() && !second.abjad();
    double s = Phonetic.similarity(word.skeleton(), first.skeleton() + second.skeleton(), JOINED_MIN_SIMILARITY);
    if (latin) {
      s = PHONETIC_SHARE * s + (1 - PHONETIC_SHARE) * JaroWinkler.similarity(word.vowelKey(), first.vowelKey() + second.vowelKey());
    }
    return s;
  }

  private static double credit(double similarity) {
    return Math.max(0, 1 - (1 - similarity) * CREDIT_SLOPE);
  }

  private static int countUnused(boolean[] used) {
    int c = 0;
    for (boolean u : used) {
      if (!u) {
        c++;
      }
    }
    return c;
  }

  /**
   * Similarity of two words, 0..1. Same variant family: 1; different families: 0 (Hasan is not
   * Husayn even though Arabic script writes them almost alike); otherwise phonetic.
   */
  public static double wordSimilarity(NameToken a, NameToken b) {
    if (a.canonical() != null && b.canonical() != null) {
      return a.canonical().equals(b.canonical()) ? 1.0 : 0.0;
    }
    if (a.text().equals(b.text()) || a.core().equals(b.core())) {
      return 1.0;
    }
    if (a.initial() || b.initial()) {
      if (a.initial() && b.initial()) {
        return 0;
      }
      NameToken initial = a.initial() ? a : b;
      NameToken word = a.initial() ? b : a;
      return word.core().charAt(0) == initial.text().charAt(0) ? INITIAL_SIMILARITY : 0;
    }
    boolean latin = !a.abjad() && !b.abjad();
    // Below this phonetic similarity a pair cannot reach WORD_MIN_SIMILARITY, whatever Jaro-Winkler says.
    double needed = latin ? (WORD_MIN_SIMILARITY - (1 - PHONETIC_SHARE)) / PHONETIC_SHARE : WORD_MIN_SIMILARITY;
    double s = Phonetic.similarity(a.skeleton(), b.skeleton(), needed);
    if (a.hasCore() || b.hasCore()) {
      s = Math.max(s, Phonetic.similarity(a.coreSkeleton(), b.coreSkeleton(), needed));
    }
    if (latin) {
      if (PHONETIC_SHARE * s + (1 - PHONETIC_SHARE) < WORD_MIN_SIMILARITY) {
        // Even a perfect Jaro-Winkler could not lift the pair to a match: skip computing it.
        return PHONETIC_SHARE * s;
      }
      s = PHONETIC_SHARE * s + (1 - PHONETIC_SHARE) * JaroWinkler.similarity(a.vowelKey(), b.vowelKey());
    }
    if (isDerivedName(a.coreSkeleton(), b.coreSkeleton())) {
      s = Math.min(s, DERIVED_MAX_SIMILARITY);
    }
    return s;
  }

  /**
   * One name derived from the other by a suffix that makes a different name: the Persian and
   * Arabic nisba -i (Karim / Karimi, Dehghan / Dehghani), the Slavic -ov surname of a given name
   * (Ivan / Ivanov, Ahmad / Ahmadov) and -ovich on an -ov name (Abramov / Abramovich).
   */
  static boolean isDerivedName(String x, String y) {
    String shorter = x.length() < y.length() ? x : y;
    String longer = x.length() < y.length() ? y : x;
    if (shorter.length() < 3 || !longer.startsWith(shorter)) {
      return false;
    }
    String suffix = longer.substring(shorter.length());
    char last = shorter.charAt(shorter.length() - 1);
    boolean afterConsonant = last != 'Y' && last != 'W';
    switch (suffix) {
      case "Y":
        // Russian adjectives in -sky/-skiy keep their stem's meaning (Norilsk / Norilskiy).
        return afterConsonant && !shorter.endsWith("SK");
      case "V":
        return afterConsonant && last != 'V';
      case "YC":
        return last == 'V';
      case "N":
        // Persian -ian: Eslami / Eslamian, Karimi / Karimian.
        return last == 'Y';
      default:
        return false;
    }
  }

  /** Jaro-Winkler (Apache Commons Text's definition, see {@link JaroWinkler}) of two vowel-keeping phonetic forms. */
  public static double jaroWinkler(String a, String b) {
    return JaroWinkler.similarity(a, b);
  }

  /** The Latin-to-Latin word similarity from its phonetic and Jaro-Winkler parts. */
  public static double blend(double phonetic, double jaroWinkler) {
    return PHONETIC_SHARE * phonetic + (1 - PHONETIC_SHARE) * jaroWinkler;
  }

  private static double clamp(double v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }
}
