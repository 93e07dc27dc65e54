package org.rialto.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowCommitSamplerTest {
  @TempDir Path dir;

  @Test
  void aCommitWhoseRowsRunLongIsSampledWhereItWaits() throws Exception {
    String before = System.getProperty(SlowCommitSampler.PROPERTY);
    System.setProperty(SlowCommitSampler.PROPERTY, "2");
    try (Store store = Store.open(dir.resolve("sampled.db").toString())) {
      long since = System.nanoTime();
      store.commit(List.of(), c -> waitForASample(store, since));
      var samples = store.slowCommitSamples(since);
      assertThat(samples).isNotEmpty();
      // The committing thread's own frames, the waiting rows' method among them, innermost first.
      assertThat(samples.get(0).frames()).anyMatch(f -> f.contains("waitForASample"));
      assertThat(samples.get(0).atNanos() - samples.get(0).commitStartNanos()).isGreaterThanOrEqualTo(2_000_000L);
    } finally {
      if (before == null) System.clearProperty(SlowCommitSampler.PROPERTY);
      else System.setProperty(SlowCommitSampler.PROPERTY, before);
    }
    // Without the property a store samples nothing.
    try (Store store = Store.open(dir.resolve("plain.db").toString())) {
      long since = System.nanoTime();
      store.commit(List.of(), c -> sleep(20));
      assertThat(store.slowCommitSamples(since)).isEmpty();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Rows that wait, as a slow commit's do, until the sampler has seen them (at most 30 s). */
  private static void waitForASample(Store store, long since) {
    for (int i = 0; i < 30_000 && store.slowCommitSamples(since).isEmpty(); i++) sleep(1);
  }
}
