package org.rialto.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples the committing thread's stack while one commit's rows run long (before its WAL write and
 * fsync), for the benches' account of a slow commit. That account times the phases but cannot
 * say what a commit whose rows took 181 ms, one turn and no fsync, was waiting on (session 8's
 * quiet corridor run): a lock, SQLite reading pages, a safepoint, or the CPU. Off unless the
 * system property {@value #PROPERTY} gives the threshold in milliseconds (the benches set it):
 * the sampler thread wakes every half threshold, reads one volatile field, and takes a stack only
 * from a commit already past the threshold.
 */
public final class SlowCommitSampler implements AutoCloseable {
  public static final String PROPERTY = "rialto.store.sampleCommitsOverMillis";
  /** Samples kept: the slow commits of a phase, several samples each. */
  private static final int RECENT = 512;
  /** Frames kept of each sample, the innermost first; enough to see the node's own caller of SQLite. */
  private static final int FRAMES = 14;

  /** One stack of the committing thread, taken {@code atNanos}, of the commit that started {@code commitStartNanos}. */
  public record Sample(long commitStartNanos, long atNanos, List<String> frames) {}

  private final Store store;
  private final long thresholdNanos;
  private final Thread thread;
  private final Sample[] recent = new Sample[RECENT];
  private long taken;
  private volatile boolean running = true;

  private SlowCommitSampler(Store store, long thresholdMillis) {
    this.store = store;
    this.thresholdNanos = thresholdMillis * 1_000_000L;
    this.thread = new Thread(() -> run(Math.max(1, thresholdMillis / 2)), "rialto-store-commit-sampler");
    this.thread.setDaemon(true);
  }

  /** A started sampler when {@value #PROPERTY} is set to a positive number of milliseconds, else null. */
  static SlowCommitSampler startIfAsked(Store store) {
    long millis = Long.getLong(PROPERTY, 0);
    if (millis <= 0) return null;
    if (millis > 60_000) throw new IllegalArgumentException(PROPERTY + ": at most 60000 ms, got " + millis);
    var sampler = new SlowCommitSampler(store, millis);
    sampler.thread.start();
    return sampler;
  }

  private void run(long periodMillis) {
    try {
      while (running) {
        Thread.sleep(periodMillis);
        long start = store.rowsStartNanos();
        Thread committer = store.committerThread();
        if (start == 0 || committer == null || System.nanoTime() - start < thresholdNanos) continue;
        StackTraceElement[] stack = committer.getStackTrace();
        long at = System.nanoTime();
        // The commit may have reached its fsync (or ended) while the stack was taken: dropped then.
        if (store.rowsStartNanos() != start) continue;
        var frames = new ArrayList<String>(FRAMES);
        for (int i = 0; i < stack.length && i < FRAMES; i++) frames.add(stack[i].toString());
        synchronized (recent) {
          recent[(int) (taken % RECENT)] = new Sample(start, at, List.copyOf(frames));
          taken++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The samples of commits that started at or after {@code sinceNanos}, oldest first. */
  List<Sample> since(long sinceNanos) {
    var out = new ArrayList<Sample>();
    synchronized (recent) {
      for (long i = Math.max(0, taken - RECENT); i < taken; i++) {
        Sample s = recent[(int) (i % RECENT)];
        if (s.commitStartNanos() - sinceNanos >= 0) out.add(s);
      }
    }
    return out;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
