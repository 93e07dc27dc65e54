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
      // The first commit opens the committer's connection and loads classes, which on a loaded
      // machine itself runs past 2 ms and is sampled there (CI, session 10): done before the one watched.
      store.commit(List.of(), c -> {});
      long since = System.nanoTime();
      store.commit(List.of(), c -> waitForASample(store, since));
      var samples = store.slowCommitSamples(since);
      // A sample may also land before the rows are reached, when the thread was descheduled;
      // the one taken in the waiting rows must be there, with the committing thread's own frames.
      var inRows = samples.stream().filter(SlowCommitSamplerTest::inWaitingRows).toList();
      assertThat(inRows).as("samples in the waiting rows, of %s", samples).isNotEmpty();
      assertThat(inRows.get(0).atNanos() - inRows.get(0).commitStartNanos()).isGreaterThanOrEqualTo(2_000_000L);
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

  private static boolean inWaitingRows(SlowCommitSampler.Sample sample) {
    return sample.frames().stream().anyMatch(f -> f.contains("waitForASample"));
  }

  /** Rows that wait, as a slow commit's do, until the sampler has seen them waiting here (at most 30 s). */
  private static void waitForASample(Store store, long since) {
    for (int i = 0; i < 30_000 && store.slowCommitSamples(since).stream().noneMatch(SlowCommitSamplerTest::inWaitingRows); i++) sleep(1);
  }
}
