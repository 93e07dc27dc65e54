package org.rialto.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples the committing thread's stack while one commit's rows run long (before its WAL write and
 * fsync), for the benches' account of a slow commit. That account times the phases but cannot
 * say what a commit whose rows took 181 ms, one turn and no fsync, was waiting on (session 8's
 * quiet corridor run): a lock, SQLite reading pages, a safepoint, or the CPU. Off unless the
 * system property {@value #PROPERTY} gives the threshold in milliseconds (the benches set it):
 * one thread for the process wakes once per threshold, reads one volatile field per store, and
 * takes a stack only from a commit already past the threshold.
 */
public final class SlowCommitSampler implements AutoCloseable {
  public static final String PROPERTY = "rialto.store.sampleCommitsOverMillis";
  /** Samples kept: the slow commits of a phase, several samples each. */
  private static final int RECENT = 512;
  /** Frames kept of each sample, the innermost first; enough to see the node's own caller of SQLite. */
  private static final int FRAMES = 14;

  /** One stack of the committing thread, taken {@code atNanos}, of the commit that started {@code commitStartNanos}. */
  public record Sample(long commitStartNanos, long atNanos, List<String> frames) {}

  /** The samplers of the open stores that asked for one; the thread below serves them all. */
  private static final java.util.concurrent.CopyOnWriteArrayList<SlowCommitSampler> OPEN =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  /** One thread for every store of the process, started with the first: a corridor bench has two nodes. */
  private static Thread thread;
  /** Its period; the threshold of the first store that asked (a process runs its nodes with one). */
  private static long periodMillis;

  private final Store store;
  private final long thresholdNanos;
  private final Sample[] recent = new Sample[RECENT];
  private long taken;

  private SlowCommitSampler(Store store, long thresholdMillis) {
    this.store = store;
    this.thresholdNanos = thresholdMillis * 1_000_000L;
  }

  /** A started sampler when {@value #PROPERTY} is set to a positive number of milliseconds, else null. */
  static SlowCommitSampler startIfAsked(Store store) {
    long millis = Long.getLong(PROPERTY, 0);
    if (millis <= 0) return null;
    if (millis > 60_000) throw new IllegalArgumentException(PROPERTY + ": at most 60000 ms, got " + millis);
    var sampler = new SlowCommitSampler(store, millis);
    OPEN.add(sampler);
    synchronized (SlowCommitSampler.class) {
      if (thread == null) {
        // Woken once per threshold, not more often: the wake-ups are CPU the bench counts
        // (every 10 ms for each of two nodes cost 2 to 3 us per payment under load).
        periodMillis = millis;
        thread = new Thread(SlowCommitSampler::run, "rialto-store-commit-sampler");
        thread.setDaemon(true);
        thread.start();
      }
    }
    return sampler;
  }

  /**
   * Stacks taken per second at most, for every store together. A stack costs tens of
   * microseconds; on a loaded machine most commits run past the threshold, and sampling each (up
   * to 100 a second) cost the bench 2 to 28 us per payment, all of it counted in its CPU figures.
   */
  public static final int MAX_SAMPLES_PER_SECOND = 10;

  private static void run() {
    try {
      long windowStart = System.nanoTime();
      int inWindow = 0;
      while (true) {
        Thread.sleep(periodMillis);
        long now = System.nanoTime();
        if (now - windowStart >= 1_000_000_000L) {
          windowStart = now;
          inWindow = 0;
        }
        for (SlowCommitSampler sampler : OPEN) {
          if (inWindow < MAX_SAMPLES_PER_SECOND && sampler.sample()) inWindow++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Takes the committing thread's stack if its commit has been writing rows for longer than the threshold; true if it took one. */
  private boolean sample() {
    long start = store.rowsStartNanos();
    Thread committer = store.committerThread();
    if (start == 0 || committer == null || System.nanoTime() - start < thresholdNanos) return false;
    StackTraceElement[] stack = committer.getStackTrace();
    long at = System.nanoTime();
    // The commit may have reached its fsync (or ended) while the stack was taken: dropped then.
    if (store.rowsStartNanos() != start) return true;
    var frames = new ArrayList<String>(FRAMES);
    for (int i = 0; i < stack.length && i < FRAMES; i++) frames.add(stack[i].toString());
    synchronized (recent) {
      recent[(int) (taken % RECENT)] = new Sample(start, at, List.copyOf(frames));
      taken++;
    }
    return true;
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
    OPEN.remove(this);
  }
}
