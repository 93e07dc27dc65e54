package org.rialto.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** store.expectedTransfers: what the ledger is sized for at start, defaulted and bounded. */
class StoreCapacityConfigTest {
  @TempDir Path dir;

  @Test
  void defaultedWhenAbsentReadWhenGivenAndRefusedOutOfRange() throws Exception {
    // The sample names its AML rules file beside it; the copies here go without one.
    String sample = Files.readString(Path.of("../config/rub-node.yaml")).replaceAll("(?m)^aml:.*$", "");
    assertThat(sample).contains("store: { url: data/ru-node.db }");
    Path plain = dir.resolve("plain.yaml");
    Files.writeString(plain, sample);
    assertThat(ConfigLoader.load(plain).store().expectedTransfers()).isEqualTo(NodeConfig.StoreConfig.DEFAULT_EXPECTED_TRANSFERS);

    Path sized = dir.resolve("sized.yaml");
    Files.writeString(sized, sample.replace("store: { url: data/ru-node.db }", "store: { url: data/ru-node.db, expectedTransfers: 4000000 }"));
    assertThat(ConfigLoader.load(sized).store().expectedTransfers()).isEqualTo(4_000_000);

    Path zero = dir.resolve("zero.yaml");
    Files.writeString(zero, sample.replace("store: { url: data/ru-node.db }", "store: { url: data/ru-node.db, expectedTransfers: 0 }"));
    assertThatThrownBy(() -> ConfigLoader.load(zero)).hasMessageContaining("store.expectedTransfers");

    Path huge = dir.resolve("huge.yaml");
    Files.writeString(huge, sample.replace("store: { url: data/ru-node.db }", "store: { url: data/ru-node.db, expectedTransfers: 2000000000 }"));
    assertThatThrownBy(() -> ConfigLoader.load(huge)).hasMessageContaining("store.expectedTransfers");
  }
}
