package org.rialto.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdIndexTest {

  @Test
  void agreesWithAHashMapUnderAddsAndTruncations() {
    SplittableRandom random = new SplittableRandom(9);
    IdIndex index = new IdIndex(0);
    List<Id128> added = new ArrayList<>();
    Map<Id128, Integer> model = new HashMap<>();
    for (int round = 0; round < 200_000; round++) {
      int roll = random.nextInt(100);
      if (roll < 80) {
        // Clustered ids (same high word, nearby lows) stress the probing.
        Id128 id = new Id128(random.nextInt(3), random.nextInt(50_000));
        if (model.containsKey(id)) {
          assertThat(index.find(id.high(), id.low())).isEqualTo(model.get(id));
          assertThatThrownBy(() -> index.add(id.high(), id.low())).isInstanceOf(IllegalStateException.class);
        } else {
          int i = index.add(id.high(), id.low());
          assertThat(i).isEqualTo(added.size());
          added.add(id);
          model.put(id, i);
        }
      } else if (roll < 82 && !added.isEmpty()) {
        int newSize = Math.max(0, added.size() - 1 - random.nextInt(20));
        index.truncate(newSize);
        while (added.size() > newSize) {
          model.remove(added.remove(added.size() - 1));
        }
      } else {
        Id128 probe = new Id128(random.nextInt(3), random.nextInt(50_000));
        assertThat(index.find(probe.high(), probe.low())).isEqualTo(model.getOrDefault(probe, -1));
      }
    }
    assertThat(index.size()).isEqualTo(added.size());
    for (int i = 0; i < added.size(); i++) {
      assertThat(index.find(added.get(i).high(), added.get(i).low())).isEqualTo(i);
      assertThat(index.id(i)).isEqualTo(added.get(i));
    }
  }

  @Test
  void truncateRejectsBadSizes() {
    IdIndex index = new IdIndex(4);
    index.add(0, 1);
    assertThatThrownBy(() -> index.truncate(2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
    index.truncate(0);
    assertThat(index.find(0, 1)).isEqualTo(-1);
    assertThatThrownBy(() -> new IdIndex(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
