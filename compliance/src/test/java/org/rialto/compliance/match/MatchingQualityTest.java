package org.rialto.compliance.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rialto.compliance.lists.Csv;

/**
 * Matching quality on the labelled pairs in test resources (see pairs/make_pairs.py for how they
 * were built): names across Latin, Cyrillic and Persian/Arabic script in many transliterations,
 * persons and organisations, with hard negatives. The bar: recall >= 0.95 at precision >= 0.90,
 * at the production threshold.
 */
class MatchingQualityTest {
  private record Counts(int tp, int fp, int fn, int tn, List<String> errors) {
    double precision() {
      return tp / (double) (tp + fp);
    }

    double recall() {
      return tp / (double) (tp + fn);
    }
  }

  private static Counts evaluate(String resource) throws IOException {
    List<List<String>> rows;
    try (InputStream in = MatchingQualityTest.class.getResourceAsStream("/org/rialto/compliance/pairs/" + resource)) {
      rows = Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), 100_000, 8);
    }
    NameMatcher m = NameMatcher.standard();
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    List<String> errors = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      double score = m.score(r.get(0), r.get(1));
      boolean match = score >= NameMatcher.DEFAULT_THRESHOLD;
      boolean label = r.get(2).equals("1");
      if (match && label) {
        tp++;
      } else if (match) {
        fp++;
        errors.add(String.format(Locale.ROOT, "false match %.3f: %s | %s", score, r.get(0), r.get(1)));
      } else if (label) {
        fn++;
        errors.add(String.format(Locale.ROOT, "missed %.3f: %s | %s", score, r.get(0), r.get(1)));
      } else {
        tn++;
      }
    }
    return new Counts(tp, fp, fn, tn, errors);
  }

  @Test
  void labelledSetMeetsTheBar() throws IOException {
    Counts c = evaluate("labelled-pairs.csv");
    assertThat(c.tp + c.fp + c.fn + c.tn).isGreaterThan(1000);
    assertThat(c.tp + c.fn).as("positives").isGreaterThan(500);
    assertThat(c.fp + c.tn).as("negatives").isGreaterThan(300);
    assertThat(c.recall()).as("recall; errors: %s", c.errors).isGreaterThanOrEqualTo(0.95);
    assertThat(c.precision()).as("precision; errors: %s", c.errors).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void holdoutSetWrittenAfterTuningMeetsTheBarToo() throws IOException {
    Counts c = evaluate("holdout-pairs.csv");
    assertThat(c.recall()).as("recall; errors: %s", c.errors).isGreaterThanOrEqualTo(0.95);
    assertThat(c.precision()).as("precision; errors: %s", c.errors).isGreaterThanOrEqualTo(0.90);
  }
}
