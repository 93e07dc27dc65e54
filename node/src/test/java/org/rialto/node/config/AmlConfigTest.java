package org.rialto.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aml section of a node's YAML: a rules file, inline rules, or none. */
class AmlConfigTest {
  @TempDir Path dir;

  @Test
  void theSampleConfigNamesItsRulesFileAndTheFileHoldsLargePayments() throws Exception {
    var config = ConfigLoader.load(Path.of("../config/rub-node.yaml"));
    assertThat(Path.of(config.aml().rulesFile())).isEqualTo(Path.of("../config/aml-rules.yaml").toAbsolutePath().normalize());
    var rules = ConfigLoader.amlRules(config);
    assertThat(rules.amountThresholds()).hasSize(1);
    assertThat(rules.amountThresholds().get(0).amountMinor()).isEqualTo(100_000_000L);
  }

  @Test
  void inlineRulesNoneAndRefusals() throws Exception {
    String base = Files.readString(Path.of("../config/rub-node.yaml")).replaceAll("(?m)^aml:.*$", "");
    Path inline = dir.resolve("inline.yaml");
    Files.writeString(inline, base + "aml:\n  rules:\n    amountThresholds:\n"
        + "      - { id: big, currency: RUB, amountMinor: 500, action: flag }\n");
    assertThat(ConfigLoader.amlRules(ConfigLoader.load(inline)).amountThresholds().get(0).id()).isEqualTo("big");

    Path none = dir.resolve("none.yaml");
    Files.writeString(none, base);
    assertThat(ConfigLoader.load(none).aml().none()).isTrue();

    Path byAccount = dir.resolve("account.yaml");
    Files.writeString(byAccount, base + "aml:\n  rules:\n    velocity:\n"
        + "      - { id: v, subject: debtorAccount, windowSeconds: 3600, maxCount: 5 }\n");
    assertThatThrownBy(() -> ConfigLoader.load(byAccount)).hasMessageContaining("no customer accounts");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, base + "aml:\n  rules:\n    amountThresholds:\n"
        + "      - { id: big, currency: RUB, amountMinor: 5.5 }\n");
    assertThatThrownBy(() -> ConfigLoader.load(bad)).hasMessageContaining("aml:").hasMessageContaining("whole number");
  }
}
