package org.rialto.compliance.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rialto.compliance.lists.BuiltinLists;
import org.rialto.compliance.lists.EntryName;
import org.rialto.compliance.lists.ListEntry;
import org.rialto.compliance.lists.SanctionsList;
import org.rialto.compliance.text.NameNormalizer;
import org.rialto.compliance.text.NameToken;
import org.rialto.compliance.text.NormalizedName;

/**
 * How much a word says about who a name designates: an inverse document frequency over the
 * names of the shipped UN and OFAC lists, capped by a curated table of words that are common in
 * the population even when rare on the lists (Ivan, Sergey, Reza, Bank, Trading...).
 *
 * <p>A word unseen anywhere weighs 1.0; "Muhammad", "Ali" and "Bank" weigh a fraction of that,
 * so two names sharing only such words do not match. The weights depend only on the shipped
 * data, so a pair of names scores the same on every node whatever lists it has configured.
 */
public final class TokenWeights {
  static final double MIN_WEIGHT = 0.06;
  private static final double CONTRAST = 1.5;
  /** Initials ("A." of "A. Rudenko") and bare numbers say little about identity. */
  static final double INITIAL_FACTOR = 0.3;
  /** An unmatched patronymic is expected (lists often omit it) and must not sink a match. */
  static final double PATRONYMIC_FACTOR = 0.35;

  private final Map<String, Double> weightByKey;
  private final double unseenWeight;

  private TokenWeights(Map<String, Double> weightByKey, double unseenWeight) {
    this.weightByKey = Map.copyOf(weightByKey);
    this.unseenWeight = unseenWeight;
  }

  private static final class Standard {
    static final TokenWeights INSTANCE = build(
        List.of(BuiltinLists.un(), BuiltinLists.ofac()), NameNormalizer.standard(), "common-tokens.txt");
  }

  /** The production weights: computed once per process from the shipped lists. */
  public static TokenWeights standard() {
    return Standard.INSTANCE;
  }

  /**
   * The key under which a word is counted: its canonical family, else its phonetic skeleton, so
   * "Melli" and Persian ملی (mly) count as one word.
   */
  static String key(NameToken t) {
    if (t.canonical() != null) {
      return t.canonical();
    }
    return t.coreSkeleton().isEmpty() ? t.core() : t.coreSkeleton();
  }

  public double weight(NameToken t) {
    Double w = weightByKey.get(key(t));
    double base = w != null ? w : unseenWeight;
    if (t.initial() || isNumber(t.text())) {
      base *= INITIAL_FACTOR;
    }
    if (t.patronymic()) {
      base *= PATRONYMIC_FACTOR;
    }
    return Math.max(base, MIN_WEIGHT * INITIAL_FACTOR * PATRONYMIC_FACTOR);
  }

  private static boolean isNumber(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  static TokenWeights build(List<SanctionsList> corpus, NameNormalizer normalizer, String curatedResource) {
    Map<String, Integer> df = new HashMap<>();
    int documents = 0;
    Set<String> seen = new HashSet<>();
    for (SanctionsList list : corpus) {
      for (ListEntry e : list.entries()) {
        for (EntryName n : e.names()) {
          NormalizedName name = normalizer.normalize(n.name());
          if (name.isEmpty()) {
            continue;
          }
          documents++;
          seen.clear();
          for (NameToken t : name.tokens()) {
            if (seen.add(key(t))) {
              df.merge(key(t), 1, Integer::sum);
            }
          }
        }
      }
    }
    if (documents < 100) {
      throw new IllegalStateException("token weights need a corpus of at least 100 names, got " + documents);
    }
    double logN = Math.log(documents);
    Map<String, Double> weights = new HashMap<>(df.size() * 2);
    for (Map.Entry<String, Integer> e : df.entrySet()) {
      weights.put(e.getKey(), idf(e.getValue(), documents, logN));
    }
    applyCurated(weights, normalizer, curatedResource, documents, logN);
    return new TokenWeights(weights, 1.0);
  }

  private static double idf(int df, int documents, double logN) {
    // A word seen once or twice is as telling as an unseen one.
    // The power widens the gap between common and rare words beyond plain log-IDF.
    double w = Math.log((double) documents / Math.max(df, 2)) / logN;
    return Math.max(MIN_WEIGHT, Math.min(1.0, Math.pow(w / idf0(documents, logN), CONTRAST)));
  }

  /** Normalises so that a word seen twice weighs 1.0. */
  private static double idf0(int documents, double logN) {
    return Math.log(documents / 2.0) / logN;
  }

  private static void applyCurated(Map<String, Double> weights, NameNormalizer normalizer, String resource,
      int documents, double logN) {
    try (InputStream in = TokenWeights.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " next to " + TokenWeights.class.getName());
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        double cap;
        try {
          cap = Double.parseDouble(line.substring(0, Math.max(colon, 0)).strip());
        } catch (NumberFormatException e) {
          throw new IllegalStateException(resource + ": expected 'weight: word, word, ...': " + line, e);
        }
        if (colon < 0 || cap < MIN_WEIGHT || cap > 1.0) {
          throw new IllegalStateException(resource + ": expected 'weight: word, ...' with weight in ["
              + MIN_WEIGHT + ", 1]: " + line);
        }
        for (String word : line.substring(colon + 1).split(",")) {
          if (word.isBlank()) {
            continue;
          }
          NormalizedName n = normalizer.normalize(word.strip());
          for (NameToken t : n.tokens()) {
            weights.merge(key(t), cap, Math::min);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Weight of a word written in isolation (for diagnostics and the weights table test). */
  public double weightOf(String word) {
    NormalizedName n = NameNormalizer.standard().normalize(word);
    if (n.tokens().size() != 1) {
      throw new IllegalArgumentException("'" + word + "' is not a single word after normalisation: " + n.key());
    }
    return weight(n.tokens().get(0));
  }
}
