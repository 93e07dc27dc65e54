package org.rialto.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies a SQLite store's write-ahead log into the database file on a thread of its own, so the
 * committing thread never does it. SQLite's automatic checkpoint runs inside the commit that
 * crosses the page threshold: that commit (and every payment waiting on it) then also copies up to
 * the whole WAL into the database and fsyncs the database file, tens to hundreds of milliseconds
 * on the node's hot path. A PASSIVE checkpoint on another connection takes no writer lock, so
 * commits go on appending to the WAL while it copies.
 *
 * <p>The WAL must stay bounded, and PASSIVE checkpoints alone do not bound it under steady load:
 * SQLite starts the WAL again from its beginning only when a commit finds every frame already
 * copied, and with commits arriving while the copy runs that never happens (measured: past 25,000
 * pages in 20 s). So once the WAL holds more than {@link #WAL_RESTART_BYTES}, this thread copies
 * again what was appended during its last copy, each round shorter, until every frame is copied
 * or only a few commits' worth is left; then it asks the committing thread to copy that rest
 * between two commits ({@link #catchUp}, from {@link
 * Store#afterCommit} once the commit's callers have their answers, or from a later commit): one
 * short write and one fsync, and the commit after that writes from the start of the WAL again.
 * (A RESTART checkpoint from this thread would have to catch the writer lock between two
 * commits, which a busy node may never leave free long enough.) Durability does not depend on
 * any of this: a committed transaction is in the fsynced WAL, which SQLite replays at open.
 */
final class SqliteCheckpointer implements AutoCloseable {
  /**
   * How often the WAL is copied into the database while commits arrive. Short enough that the WAL
   * (and the copy) stays small, long enough that a page rewritten by many commits (B-tree roots,
   * inner pages, the packed rows' tails) is copied once per period rather than once per commit.
   * The system property {@code rialto.store.checkpointPeriodMillis} sets another, to compare.
   */
  static final long PERIOD_MILLIS = 1_000;
  /**
   * WAL size past which the WAL is restarted (SQLite's automatic threshold before, 16,384 pages of
   * 4 KiB); in frames of the store's own page size, unless {@code rialto.store.walRestartPages} gives them.
   */
  static final long WAL_RESTART_BYTES = 64L << 20;
  /**
   * What is left uncopied that the committing thread may be asked to copy: a few commits' worth,
   * so its copy is one short write and one fsync of the database between two commits (256 frames
   * of 4 KiB, 64 of 16 KiB).
   */
  static final long CATCH_UP_BYTES = 1L << 20;
  /** Copies in a row to bring the uncopied rest under {@link #catchUpFrames}; each is shorter than the one before. */
  static final int MAX_CONVERGE_ROUNDS = 8;
  /** WAL size, in restart sizes, that says restarts keep failing (a reader that never ends): reported. */
  static final long WAL_WARN_FACTOR = 4;
  /** Between reports of a checkpoint that keeps failing; the WAL keeps every commit meanwhile. */
  private static final long FAILURE_LOG_MILLIS = 60_000;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("rialto.store");

  private final StoreUrl url;
  private final long periodMillis;
  /** Frames past which the WAL is restarted; 0 until this thread has read the store's page size. Checkpointer thread only. */
  private long walRestartPages;
  /** Frames left uncopied that the catch-up may be asked to copy; set with {@link #walRestartPages}. Checkpointer thread only. */
  private long catchUpFrames;
  private final Thread thread;
  private final Object signal = new Object();
  /** Commits since the last checkpoint; counted by the committer without a lock, reset here. */
  private final AtomicLong commitsSinceCheckpoint = new AtomicLong();
  private volatile boolean running = true;
  private volatile long checkpoints;
  private volatile long catchUps;
  /** Times this thread's rounds copied every frame, leaving the catch-up only what came after. */
  private volatile long convergedCopies;
  /** The database file, for {@link #flushDatabaseFile}; opened by this thread, closed by {@link #closeDatabaseFile}. */
  private volatile FileChannel databaseFile;
  /** Set here when the WAL is past its restart size; taken by the committing thread after a commit. */
  private volatile boolean catchUpWanted;
  private volatile long lastLogFrames;

  SqliteCheckpointer(StoreUrl url) {
    this(url, Long.getLong("rialto.store.checkpointPeriodMillis", PERIOD_MILLIS), Integer.getInteger("rialto.store.walRestartPages", 0));
  }

  /** With other thresholds, for tests that must see a restart without writing 64 MiB. */
  SqliteCheckpointer(StoreUrl url, long periodMillis, int walRestartPages) {
    if (periodMillis < 1 || walRestartPages < 0) throw new IllegalArgumentException("period must be positive, restart size not negative");
    this.url = url;
    this.periodMillis = periodMillis;
    this.walRestartPages = walRestartPages;
    this.thread = new Thread(this::run, "rialto-store-checkpoint");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Background checkpoints {@link #recent} keeps: minutes of them at one a second. */
  private static final int RECENT = 1_024;
  /** Start, length (System.nanoTime) and WAL frames of the last checkpoints; this thread alone writes. */
  private final long[] recentNanos = new long[3 * RECENT];

  /** The checkpoints that started at or after {@code sinceNanos}; an entry being overwritten may be off. */
  java.util.List<long[]> recent(long sinceNanos) {
    long n = checkpoints;
    var out = new java.util.ArrayList<long[]>();
    for (long i = Math.max(0, n - RECENT); i < n; i++) {
      int at = (int) (i % RECENT) * 3;
      if (recentNanos[at] - sinceNanos >= 0) out.add(new long[] {recentNanos[at], recentNanos[at + 1], recentNanos[at + 2]});
    }
    return out;
  }

  /** Called after every commit: there is WAL to copy. Cheap; the copy happens on the checkpointer's own time. */
  void committed() {
    commitsSinceCheckpoint.incrementAndGet();
  }

  /** Checkpoints run so far (for tests and diagnostics). */
  long checkpoints() {
    return checkpoints;
  }

  /**
   * Called by the committing thread between two commits: if the WAL is past its restart size,
   * copies what is left of it (what was appended since this thread's last copy) so that the next
   * commit starts the WAL again. Never throws: the commit
   * before it is durable whatever happens here, and a failed try is made again later.
   */
  boolean catchUpWanted() {
    return catchUpWanted;
  }

  void catchUp(Connection committed) {
    if (!catchUpWanted) return;
    catchUpWanted = false;
    try {
      boolean autoCommit = committed.getAutoCommit();
      // A checkpoint cannot run inside a transaction of its own connection.
      if (!autoCommit) committed.setAutoCommit(true);
      try {
        long[] frames = checkpoint(committed, "PASSIVE");
        if (frames[2] != 0) {
          // Another connection was checkpointing (this thread, or another process): nothing
          // was copied, so the WAL would not restart. Asked again at once (a busy try costs
          // next to nothing): dropped, the next request came only after this thread's next
          // rounds and 64 more commits, and the WAL grew past 14 MB in a 26 MB test on CI.
          catchUpWanted = true;
        } else {
          catchUps++;
        }
      } finally {
        if (!autoCommit) committed.setAutoCommit(false);
      }
    } catch (SQLException | RuntimeException e) {
      if (now() - lastCatchUpFailureLogMillis >= FAILURE_LOG_MILLIS) {
        lastCatchUpFailureLogMillis = now();
        LOG.warn("SQLite checkpoint after a commit on {} failed (tried again later): {}", url.redacted(), e.toString());
      }
    }
  }

  /** Committing thread only. */
  private long lastCatchUpFailureLogMillis;

  /** Catch-up checkpoints the committing thread ran (each followed by a WAL restart), for tests and diagnostics. */
  long catchUps() {
    return catchUps;
  }

  /** Times this thread's rounds copied the WAL whole, for tests and diagnostics. */
  long convergedCopies() {
    return convergedCopies;
  }

  /** WAL frames the last checkpoint found (for tests and diagnostics). */
  long lastLogFrames() {
    return lastLogFrames;
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  private void run() {
    long lastFailureLogMillis = 0;
    long lastWarnMillis = 0;
    Connection connection = null;
    try {
      while (running) {
        synchronized (signal) {
          signal.wait(periodMillis);
        }
        if (!running) break;
        if (commitsSinceCheckpoint.getAndSet(0) == 0) continue;
        try {
          if (connection == null) {
            connection = Store.sqliteDataSource(url, false).getConnection();
            long pageBytes = pageSize(connection);
            if (walRestartPages == 0) walRestartPages = WAL_RESTART_BYTES / pageBytes;
            catchUpFrames = Math.max(16, CATCH_UP_BYTES / pageBytes);
          }
          long startNanos = System.nanoTime();
          long[] frames = checkpoint(connection, "PASSIVE");
          long logFrames = frames[0];
          if (logFrames > walRestartPages) {
            // Copy again what the commits appended during the copy before, each round shorter,
            // so that what the committing thread is asked to copy (between two of its commits,
            // its callers waiting) is a few frames and one fsync, not a second of commits; when
            // a round ends with every frame copied, the next commit restarts the WAL by itself.
            for (int round = 0; round < MAX_CONVERGE_ROUNDS && frames[0] - frames[1] > catchUpFrames; round++) {
              frames = checkpoint(connection, "PASSIVE");
            }
            // Even with every frame copied a commit may have come since: only a copy between two
            // commits of the committing thread is sure to leave the next commit nothing to copy.
            if (frames[0] == frames[1]) convergedCopies++;
            flushDatabaseFile();
            catchUpWanted = true;
          } else {
            flushDatabaseFile();
          }
          int at = (int) (checkpoints % RECENT) * 3;
          recentNanos[at] = startNanos;
          recentNanos[at + 1] = System.nanoTime() - startNanos;
          recentNanos[at + 2] = logFrames;
          if (logFrames > WAL_WARN_FACTOR * walRestartPages && now() - lastWarnMillis >= FAILURE_LOG_MILLIS) {
            lastWarnMillis = now();
            LOG.warn("SQLite WAL of {} at {} pages: a reader keeps an old snapshot, so the WAL cannot restart", url.redacted(),
                logFrames);
          }
          lastLogFrames = logFrames;
          checkpoints++;
        } catch (SQLException | RuntimeException e) {
          // Nothing committed is at risk (it is in the WAL); the WAL only grows until a later try works.
          if (now() - lastFailureLogMillis >= FAILURE_LOG_MILLIS) {
            lastFailureLogMillis = now();
            LOG.warn("SQLite checkpoint of {} failed (retried every {} ms): {}", url.redacted(), periodMillis, e.toString());
          }
          closeQuietly(connection);
          connection = null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(connection);
    }
  }

  /**
   * Makes what the checkpoints copied into the database file durable now, on this thread. SQLite
   * fsyncs the database only in the checkpoint that copies the WAL to its very end; under steady
   * commits this thread's copies rarely get there, so that fsync fell to the committing thread's
   * catch-up, which then flushed seconds of copied pages (22-100 ms measured, every payment
   * waiting). Flushed here, the catch-up's fsync has only its own few pages. Durability does not
   * depend on it: SQLite still fsyncs the database before it lets the WAL restart.
   */
  private void flushDatabaseFile() {
    try {
      FileChannel file = databaseFile;
      if (file == null) {
        // Read-only: this descriptor never writes; fsync needs only an open descriptor.
        file = FileChannel.open(url.sqliteFile(), StandardOpenOption.READ);
        databaseFile = file;
      }
      file.force(true);
    } catch (IOException | RuntimeException e) {
      if (now() - lastFlushFailureLogMillis >= FAILURE_LOG_MILLIS) {
        lastFlushFailureLogMillis = now();
        LOG.warn("fsync of SQLite store {} from the checkpointer failed (SQLite's own fsync still runs): {}", url.redacted(), e.toString());
      }
    }
  }

  /** Checkpointer thread only. */
  private long lastFlushFailureLogMillis;

  /**
   * Closes the database file this thread fsyncs. Only once every SQLite connection of the
   * process to the file is closed: closing any descriptor of a file drops every POSIX lock the
   * process holds on it, SQLite's included.
   */
  void closeDatabaseFile() {
    FileChannel file = databaseFile;
    databaseFile = null;
    if (file == null) return;
    try {
      file.close();
    } catch (IOException e) {
      // A read-only descriptor we no longer use; nothing to do about it.
    }
  }

  private static long pageSize(Connection connection) throws SQLException {
    try (var s = connection.createStatement(); var rs = s.executeQuery("PRAGMA page_size")) {
      rs.next();
      long bytes = rs.getLong(1);
      if (bytes < 512) throw new SQLException("page size " + bytes);
      return bytes;
    }
  }

  /**
   * Runs one checkpoint; returns the frames in the WAL, the frames copied into the database so
   * far, as SQLite reports them ({@code -1, -1} if it could not tell), and 1 if SQLite found
   * another checkpoint running and did nothing (else 0).
   */
  private static long[] checkpoint(Connection connection, String mode) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
      return rs.next() ? new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(1)} : new long[] {-1, -1, 0};
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException e) {
      // Closing a connection we no longer use; nothing to do about it.
    }
  }

  @Override
  public void close() {
    running = false;
    synchronized (signal) {
      signal.notifyAll();
    }
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
