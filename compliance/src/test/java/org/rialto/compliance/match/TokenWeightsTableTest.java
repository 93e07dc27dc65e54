package org.rialto.compliance.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The shipped weight table is exactly what the shipped lists and normaliser give. */
class TokenWeightsTableTest {
  private static final Path TABLE = Path.of("src/main/resources/org/rialto/compliance/match", TokenWeights.TABLE_RESOURCE);

  @Test
  void shippedTableEqualsTheWeightsComputedFromTheShippedLists() throws IOException {
    TokenWeights computed = TokenWeights.computeStandard();
    if (Boolean.getBoolean("rialto.regenerate")) {
      try (Writer w = Files.newBufferedWriter(TABLE, StandardCharsets.UTF_8)) {
        computed.writeTable(w);
      }
    }
    SortedMap<String, Double> expected = computed.table();
    SortedMap<String, Double> shipped = TokenWeights.standard().table();
    assertThat(shipped.keySet())
        .as("keys of %s; regenerate with -Drialto.regenerate=true after changing the normaliser or lists", TABLE)
        .isEqualTo(expected.keySet());
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      assertThat(shipped.get(e.getKey())).as("weight of %s", e.getKey()).isCloseTo(e.getValue(), org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void commonWordsWeighLessThanRareOnes() {
    TokenWeights w = TokenWeights.standard();
    assertThat(w.weightOf("Mohammad")).isLessThan(0.25);
    assertThat(w.weightOf("Ali")).isLessThan(0.25);
    assertThat(w.weightOf("Bank")).isLessThan(0.2);
    assertThat(w.weightOf("Мухаммад")).isEqualTo(w.weightOf("Mohammed"));
    assertThat(w.weightOf("Rudenko")).isGreaterThan(0.9);
    assertThat(w.weightOf("Prigozhin")).isGreaterThan(0.9);
    assertThat(w.weightOf("Ivanov")).isLessThan(w.weightOf("Rudenko"));
  }

  @Test
  void theFlatTableGivesTheMapsWeightForEveryKeyAndNoneForOthers() {
    TokenWeights w = TokenWeights.standard();
    int keys = 0;
    for (String key : w.table().keySet()) {
      assertThat(Double.doubleToRawLongBits(w.flatWeightOr(key, -1)))
          .as(key).isEqualTo(Double.doubleToRawLongBits(w.tableWeight(key)));
      // Keys one char longer or shorter, or with one char changed, are mostly not in the table.
      for (String other : new String[] {key + "a", key.substring(1), key.substring(0, key.length() - 1), "Y" + key}) {
        Double expected = w.tableWeight(other);
        assertThat(w.flatWeightOr(other, -1)).as(other).isEqualTo(expected == null ? -1 : expected);
      }
      keys++;
    }
    assertThat(keys).isGreaterThan(10_000);
    assertThat(w.flatWeightOr("", -1)).isEqualTo(-1);
    assertThat(w.flatWeightOr("\u0645\u062d\u0645\u062f", -1)).isEqualTo(-1);
  }
}
