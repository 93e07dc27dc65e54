package org.rialto.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What the slowest requests of an open-loop phase waited on: the collector's pauses (from the
 * JVM's own notifications, which stop the node and the load generator alike, since both run in
 * this process) and the node's commits (the committer's own record of each commit's start and
 * length). A request is attributed to a pause or a commit when one overlaps the interval from
 * its due instant to its answer. Observation only: the node does the same work.
 */
final class TailAttribution implements AutoCloseable {
  /** A commit is a suspect when it took longer than this. */
  static final long SLOW_COMMIT_NANOS = 10_000_000L;
  /** Pauses kept per phase; a phase of minutes at several pauses a second stays below. */
  static final int MAX_PAUSES = 100_000;

  /** A stop-the-world pause, in System.nanoTime terms. */
  record Pause(String cause, long startNanos, long endNanos) {}

  /** One request of the phase: when it was due and when its answer came, in System.nanoTime terms. */
  record Request(long dueNanos, long doneNanos) {
    long latencyNanos() {
      return doneNanos - dueNanos;
    }
  }

  private final List<Pause> pauses = new ArrayList<>();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;
  /** System.nanoTime minus the JVM's uptime, so GC notifications (uptime ms) map onto request times. */
  private final long uptimeOriginNanos;

  TailAttribution() {
    uptimeOriginNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      // The concurrent cycles of G1 and ZGC are reported too; they stop nothing.
      if (gc.getName().contains("Concurrent") || gc.getName().contains("Cycles")) continue;
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
  }

  private void onGc(Notification n, Object handback) {
    if (!"com.sun.management.gc.notification".equals(n.getType())) return;
    var info = com.sun.management.GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    var gc = info.getGcInfo();
    synchronized (pauses) {
      if (pauses.size() < MAX_PAUSES) {
        pauses.add(new Pause(info.getGcName() + " (" + info.getGcCause() + ")", uptimeOriginNanos + gc.getStartTime() * 1_000_000L,
            uptimeOriginNanos + gc.getEndTime() * 1_000_000L));
      }
    }
  }

  @Override
  public void close() {
    for (var e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (javax.management.ListenerNotFoundException ignored) {
        // Already gone: nothing to stop.
      }
    }
  }

  /**
   * Prints which of the requests at or above {@code thresholdNanos} overlapped a pause or a slow
   * commit, and the worst few with what they overlapped. {@code commits} gives the commits
   * ({@code [start, length, write, sync, catchUp, turns, afterCommit, connection]}) and {@code checkpoints} the store's
   * background WAL copies ({@code [start, length, walFrames]}) that started at or after an instant.
   */
  void print(List<Request> requests, long thresholdNanos, long phaseStartNanos, LongFunction<List<long[]>> commits,
      LongFunction<List<long[]>> checkpoints, PrintStream out) {
    List<Pause> ps;
    synchronized (pauses) {
      ps = new ArrayList<>(pauses);
    }
    ps.removeIf(p -> p.endNanos() < phaseStartNanos);
    var slowCommits = new ArrayList<long[]>();
    long commitCount = 0;
    long longestCommit = 0;
    for (long[] c : commits.apply(phaseStartNanos - 1_000_000_000L)) {
      commitCount++;
      // The committer's time on a commit includes the WAL copy it made right after, if any.
      c[1] += c[6];
      longestCommit = Math.max(longestCommit, c[1]);
      if (c[1] > SLOW_COMMIT_NANOS) slowCommits.add(c);
    }
    var slow = new ArrayList<Request>();
    for (var r : requests) if (r.latencyNanos() >= thresholdNanos) slow.add(r);
    slow.sort(Comparator.comparingLong(Request::latencyNanos).reversed());
    int byPause = 0, byCommit = 0, byBoth = 0, neither = 0;
    for (var r : slow) {
      boolean p = pauseNanos(ps, r) > 0;
      boolean c = longestCommit(slowCommits, r) > 0;
      if (p && c) byBoth++;
      else if (p) byPause++;
      else if (c) byCommit++;
      else neither++;
    }
    long pauseTotal = 0, pauseMax = 0;
    for (var p : ps) {
      pauseTotal += p.endNanos() - p.startNanos();
      pauseMax = Math.max(pauseMax, p.endNanos() - p.startNanos());
    }
    out.printf(Locale.ROOT, "    tail: %d requests at or above p99 (%.1f ms): %d overlap a GC pause, %d a commit over %d ms, %d both, %d neither;"
        + " pauses in the phase %d (total %.0f ms, longest %.1f ms), commits %d (longest %.1f ms, %d over %d ms)%n",
        slow.size(), thresholdNanos / 1e6, byPause, byCommit, SLOW_COMMIT_NANOS / 1_000_000, byBoth, neither,
        ps.size(), pauseTotal / 1e6, pauseMax / 1e6, commitCount, longestCommit / 1e6, slowCommits.size(), SLOW_COMMIT_NANOS / 1_000_000);
    // Where the slow commits' time went: their rows, the WAL's fsync, a WAL copy this thread was
    // asked to make, and whether the checkpointer was copying at the same time (its writes and
    // the database's fsync share the disk with the WAL's).
    var cps = checkpoints.apply(phaseStartNanos - 2_000_000_000L);
    int duringCheckpoint = 0, withCatchUp = 0;
    long write = 0, sync = 0, catchUp = 0, turns = 0, connection = 0;
    for (long[] c : slowCommits) {
      write += c[2];
      sync += c[3];
      catchUp += c[4] + c[6];
      turns += c[5];
      connection += c[7];
      if (c[4] + c[6] > 1_000_000L) withCatchUp++;
      for (long[] k : cps) {
        if (k[0] < c[0] + c[1] && k[0] + k[1] > c[0]) {
          duringCheckpoint++;
          break;
        }
      }
    }
    long cpLongest = 0, cpTotal = 0, framesMax = 0;
    int cpInPhase = 0;
    for (long[] k : cps) {
      if (k[0] + k[1] < phaseStartNanos) continue;
      cpInPhase++;
      cpTotal += k[1];
      cpLongest = Math.max(cpLongest, k[1]);
      framesMax = Math.max(framesMax, k[2]);
    }
    if (!slowCommits.isEmpty()) {
      int n = slowCommits.size();
      out.printf(Locale.ROOT, "    slow commits: mean %.1f ms connection, %.1f ms rows, %.1f ms sync, %.1f ms catch-up, %.1f turns; %d during a background"
          + " checkpoint, %d with a catch-up; checkpoints in the phase %d (total %.0f ms, longest %.1f ms, WAL up to %d frames)%n",
          connection / 1e6 / n, write / 1e6 / n, sync / 1e6 / n, catchUp / 1e6 / n, (double) turns / n, duringCheckpoint, withCatchUp, cpInPhase,
          cpTotal / 1e6, cpLongest / 1e6, framesMax);
    }
    for (int i = 0; i < Math.min(8, slow.size()); i++) {
      var r = slow.get(i);
      long[] c = longestCommitOf(slowCommits, r);
      out.printf(Locale.ROOT, "      due at %6.3f s, %6.1f ms: GC pauses %5.1f ms, longest commit overlapping %5.1f ms%s%n",
          (r.dueNanos() - phaseStartNanos) / 1e9, r.latencyNanos() / 1e6, pauseNanos(ps, r) / 1e6, c == null ? 0 : c[1] / 1e6,
          c == null ? "" : String.format(Locale.ROOT, " (at %.3f s: connection %.1f, rows %.1f, sync %.1f, catch-up %.1f ms, %d turns)",
              (c[0] - phaseStartNanos) / 1e9, c[7] / 1e6, c[2] / 1e6, c[3] / 1e6, (c[4] + c[6]) / 1e6, c[5]));
    }
  }

  private static long pauseNanos(List<Pause> ps, Request r) {
    long sum = 0;
    for (var p : ps) sum += Math.max(0, Math.min(p.endNanos(), r.doneNanos()) - Math.max(p.startNanos(), r.dueNanos()));
    return sum;
  }

  private static long longestCommit(List<long[]> cs, Request r) {
    long[] c = longestCommitOf(cs, r);
    return c == null ? 0 : c[1];
  }

  private static long[] longestCommitOf(List<long[]> cs, Request r) {
    long[] longest = null;
    for (long[] c : cs) {
      if (c[0] < r.doneNanos() && c[0] + c[1] > r.dueNanos() && (longest == null || c[1] > longest[1])) longest = c;
    }
    return longest;
  }
}
