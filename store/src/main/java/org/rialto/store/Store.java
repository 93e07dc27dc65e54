package org.rialto.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.rialto.ledger.LedgerEvent;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The durable home of a node: the hash-chained ledger journal plus whatever tables the node adds
 * (its own Flyway migrations, written in the same transaction as the journal rows they belong to).
 *
 * <p>One thread commits (the ledger writer); {@link #commit} refuses a second one. Any number of
 * threads may {@link #read}. After a failed commit the store refuses further commits: it cannot
 * know whether the database kept the transaction, and the caller's in-memory ledger is ahead of
 * it, so the only safe continuation is a restart that rebuilds from what is on disk.
 */
public final class Store implements AutoCloseable {
  /** Journal entries one commit may carry; a writer turn has a handful, never thousands. */
  public static final int MAX_ENTRIES_PER_COMMIT = 1024;
  /** Pool size: the writer plus a few readers. SQLite has one writer anyway. */
  private static final int POOL_CONNECTIONS = 4;
  private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;
  /**
   * Pages per connection cache (negative: KiB). The node's tables are indexed by random keys
   * (UETRs); with SQLite's default 2 MiB every insert re-reads index pages from the OS.
   */
  static final int SQLITE_CACHE_KIB = 64 * 1024;
  /** Rows per round trip while replaying; rows are up to about a megabyte each. */
  private static final int REPLAY_FETCH_ROWS = 16;

  static final String STORE_MIGRATIONS = "db/store";
  /** The sub-folder of a migration base whose migrations every dialect runs. */
  static final String COMMON_MIGRATIONS = "common";
  static final String INSERT_JOURNAL =
      "INSERT INTO ledger_journal (seq, timestamp_nanos, event_count, events, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)";
  static final String SELECT_JOURNAL =
      "SELECT seq, timestamp_nanos, event_count, events, prev_hash, hash FROM ledger_journal WHERE seq >= ? ORDER BY seq";

  private final StoreUrl url;
  private final HikariDataSource pool;
  /** SQLite only: copies the WAL into the database off the commit path (null for PostgreSQL). */
  private final SqliteCheckpointer checkpointer;

  // The journal's tail; read and written only by the committing thread after open.
  private long tailSeq;
  private byte[] tailHash;
  private long tailTimestampNanos;
  private int tailEventCount;

  private volatile Thread committer;
  private volatile Throwable failure;
  /** The committing thread's own (see {@link #committerConnection}); volatile for {@link #close}. */
  private volatile Connection committerConnection;
  /** When the running commit started, until its WAL write and fsync begin; 0 between commits. For {@link #sampler}. */
  private volatile long rowsStartNanos;
  /** Null unless asked for (see {@link SlowCommitSampler}); set by {@link #open} once the store is open. */
  private volatile SlowCommitSampler sampler;

  private Store(StoreUrl url, HikariDataSource pool, SqliteCheckpointer checkpointer) {
    this.url = url;
    this.pool = pool;
    this.checkpointer = checkpointer;
  }

  long rowsStartNanos() {
    return rowsStartNanos;
  }

  Thread committerThread() {
    return committer;
  }

  /**
   * The committing thread's stacks taken while a commit that started at or after {@code
   * sinceNanos} was still writing its rows past the threshold of {@value
   * SlowCommitSampler#PROPERTY}; empty when that property is not set.
   */
  public List<SlowCommitSampler.Sample> slowCommitSamples(long sinceNanos) {
    return sampler == null ? List.of() : sampler.since(sinceNanos);
  }

  /** Opens (creating if needed) the store at {@code url} with the store's own schema only. */
  public static Store open(String url) {
    return open(StoreUrl.parse(url), List.of());
  }

  /**
   * Opens (creating if needed) the store and brings its schema up to date.
   *
   * @param extraMigrationBases classpath folders of other modules' migrations, e.g. {@code
   *     "db/node"}; the dialect's sub-folder ({@code db/node/sqlite} or {@code
   *     db/node/postgresql}) is used, and with it {@code db/node/common} where that folder
   *     exists: migrations whose SQL both dialects run alike, kept once so that the two copies
   *     cannot drift. They share one Flyway history with the store, whose own migrations use
   *     versions 1 to 99, so others number theirs from 100.
   */
  public static Store open(StoreUrl url, List<String> extraMigrationBases) {
    return open(url, extraMigrationBases, url.dialect() == Dialect.SQLITE ? new SqliteCheckpointer(url) : null);
  }

  /** As {@link #open(StoreUrl, List)}, with the SQLite checkpointer given (tests use small thresholds). */
  static Store open(StoreUrl url, List<String> extraMigrationBases, SqliteCheckpointer checkpointer) {
    Objects.requireNonNull(url, "url");
    for (String base : extraMigrationBases) {
      if (base.isBlank() || base.startsWith("classpath:") || base.endsWith("/")) {
        throw new IllegalArgumentException(
            "a migration base is a plain classpath folder such as \"db/node\", got \"" + base + "\"");
      }
    }
    HikariDataSource pool = pool(url);
    try {
      migrate(pool, url.dialect(), extraMigrationBases);
      Store store = new Store(url, pool, checkpointer);
      store.loadTail();
      if (store.checkpointer != null) {
        store.checkpointer.start();
        // The migrations just written are in the WAL too.
        store.checkpointer.committed();
      }
      store.sampler = SlowCommitSampler.startIfAsked(store);
      return store;
    } catch (RuntimeException | Error e) {
      pool.close();
      throw e;
    }
  }

  private static HikariDataSource pool(StoreUrl url) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("rialto-store");
    config.setMaximumPoolSize(POOL_CONNECTIONS);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(30_000);
    if (url.dialect() == Dialect.SQLITE) {
      try {
        Files.createDirectories(url.sqliteFile().toAbsolutePath().getParent());
      } catch (java.io.IOException e) {
        throw new StoreException("cannot create the folder of SQLite store " + url.sqliteFile(), e);
      }
      createWithPageSize(url.sqliteFile());
      config.setDataSource(sqliteDataSource(url, false));
      // No connection checkpoints inside its own commit: the store's checkpointer thread does it.
      config.setConnectionInitSql("PRAGMA wal_autocheckpoint = 0");
    } else {
      config.setJdbcUrl(url.jdbcUrl());
      // Without this pgjdbc enforces setReadOnly only inside explicit transactions.
      config.addDataSourceProperty("readOnlyMode", "always");
    }
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to store " + url.redacted() + ": " + rootMessage(e), e);
    }
  }

  /**
   * Page size of a SQLite store created from now on (an existing store keeps its own). 16 KiB, not
   * SQLite's 4: a commit writes each page it dirtied to the WAL as a frame (two write calls and a
   * checksum), and most of a node's pages are appends (payment rows, packed rows, the signed
   * bodies kept as evidence), so the same bytes go in a quarter of the frames, the B-trees are
   * shallower, and the checkpointer copies fewer, larger pages. Corridor, same jar, both at once:
   * committer 98 -> 78 us and checkpointer 9.8 -> 6.3 us per payment at the same rate.
   * The system property {@code rialto.store.sqlitePageSize} sets another, to compare.
   */
  static final int SQLITE_PAGE_BYTES = 16 * 1024;
  static final String PAGE_SIZE_PROPERTY = "rialto.store.sqlitePageSize";

  /**
   * Creates a SQLite store's empty file with its page size ({@link #SQLITE_PAGE_BYTES}) when the
   * file does not exist yet. The pool's connections switch to WAL as they open, which writes the
   * header with SQLite's default size before a page_size pragma of theirs would apply.
   */
  private static void createWithPageSize(java.nio.file.Path file) {
    createWithPageSize(file, Integer.getInteger(PAGE_SIZE_PROPERTY, SQLITE_PAGE_BYTES));
  }

  /** As above with the page size given (tests of thresholds set in pages); does nothing if the file exists. */
  static void createWithPageSize(java.nio.file.Path file, int pageSize) {
    if (Files.exists(file)) return;
    if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
      throw new StoreException(PAGE_SIZE_PROPERTY + " must be a power of two from 512 to 65536, got " + pageSize);
    }
    var plain = new SQLiteDataSource();
    plain.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    try (Connection c = plain.getConnection(); Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = " + pageSize);
      s.execute("PRAGMA journal_mode = WAL");
    } catch (SQLException e) {
      throw new StoreException("cannot create SQLite store " + file + " with pages of " + pageSize + " bytes", e);
    }
  }

  static SQLiteDataSource sqliteDataSource(StoreUrl url, boolean readOnly) {
    SQLiteConfig sqlite = new SQLiteConfig();
    // WAL lets readers run beside the writer; FULL fsyncs the WAL at every commit, which is
    // what makes an acknowledged batch survive power loss, not only a process crash.
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
    sqlite.setCacheSize(-SQLITE_CACHE_KIB);
    sqlite.enforceForeignKeys(true);
    sqlite.setReadOnly(readOnly);
    SQLiteDataSource ds = new SQLiteDataSource(sqlite);
    ds.setUrl(url.jdbcUrl());
    return ds;
  }

  private static void migrate(HikariDataSource pool, Dialect dialect, List<String> extraBases) {
    List<String> locations = new ArrayList<>();
    locations.add("classpath:" + STORE_MIGRATIONS + "/" + dialect.migrationFolder());
    for (String base : extraBases) {
      locations.add("classpath:" + base + "/" + dialect.migrationFolder());
      // Flyway keys an applied migration by version and checks its description, type and
      // checksum (of the text), not the folder it was found in: a migration moved unchanged
      // from the dialect folders to the common one still validates against stores it built.
      if (Store.class.getClassLoader().getResource(base + "/" + COMMON_MIGRATIONS) != null) {
        locations.add("classpath:" + base + "/" + COMMON_MIGRATIONS);
      }
    }
    try {
      var config = Flyway.configure()
          .dataSource(pool)
          .locations(locations.toArray(String[]::new))
          .failOnMissingLocations(true)
          .cleanDisabled(true);
      // Each module numbers its migrations in its own range (store 1-99, node 100-199,
      // security 200-299) in one shared history, so a module's next migration is lower than
      // another module's last applied one in every store that already exists. Flyway refuses
      // those unless out-of-order is on; the ranges' tables are disjoint, so applying a lower
      // version after a higher one from another range changes nothing the higher one built.
      // Checksums of applied migrations are validated either way. Out-of-order is turned on
      // only when such a migration is pending, so that Flyway's warning about it appears in
      // the log of the start that applies it and not at every start.
      boolean lowerPending = false;
      var info = config.load().info();
      var current = info.current();
      for (MigrationInfo m : info.all()) {
        if (current != null && !m.getState().isApplied() && m.getVersion() != null
            && m.getVersion().compareTo(current.getVersion()) < 0) {
          lowerPending = true;
          break;
        }
      }
      config.outOfOrder(lowerPending).load().migrate();
    } catch (FlywayException e) {
      throw new StoreException("schema migration failed (" + String.join(", ", locations) + "): " + e.getMessage(), e);
    }
  }

  private void loadTail() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT seq, timestamp_nanos, event_count, hash FROM ledger_journal ORDER BY seq DESC LIMIT 1")) {
      if (rs.next()) {
        tailSeq = rs.getLong(1);
        tailTimestampNanos = rs.getLong(2);
        tailEventCount = rs.getInt(3);
        tailHash = rs.getBytes(4);
        if (tailHash == null || tailHash.length != JournalRow.HASH_BYTES) {
          throw new JournalCorruptException(tailSeq, "stored hash is not " + JournalRow.HASH_BYTES + " bytes");
        }
      } else {
        tailSeq = 0;
        tailTimestampNanos = 0;
        tailEventCount = 0;
        tailHash = JournalRow.GENESIS_HASH.clone();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the journal tail of " + url.redacted() + ": " + e.getMessage(), e);
    }
  }

  public StoreUrl url() {
    return url;
  }

  public Dialect dialect() {
    return url.dialect();
  }

  /** The last committed journal row's position; seq 0 and the genesis hash for an empty journal. */
  public JournalTail tail() {
    return new JournalTail(tailSeq, tailHash.clone(), tailTimestampNanos, tailEventCount);
  }

  /** Where the journal ends. {@code nextMinTimestampNanos} is the least timestamp the next batch may have. */
  public record JournalTail(long seq, byte[] hash, long timestampNanos, int eventCount) {
    public long nextMinTimestampNanos() {
      return seq == 0 ? 1 : timestampNanos + Math.max(eventCount, 1);
    }
  }

  /**
   * Appends {@code entries} to the journal and runs {@code extra} in the same database
   * transaction, then commits. Returns the seq of the last row written (the tail's seq when
   * {@code entries} is empty: a transaction of node rows only).
   *
   * @throws StoreException when anything fails; the store then refuses every later commit
   */
  public long commit(List<JournalEntry> entries, TxWork extra) {
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(extra, "extra");
    checkCommitter();
    if (failure != null) {
      throw new StoreException("store " + url.redacted() + " stopped after a failed commit; restart to rebuild", failure);
    }
    if (entries.size() > MAX_ENTRIES_PER_COMMIT) {
      throw new IllegalArgumentException("at most " + MAX_ENTRIES_PER_COMMIT + " journal entries per commit, got " + entries.size());
    }
    long writeStartNanos = System.nanoTime();
    List<JournalRow> rows = chainRows(entries);
    rowsStartNanos = writeStartNanos;
    try {
      Connection c = committerConnection();
      lastCommitConnectionNanos = System.nanoTime() - writeStartNanos;
      // A copy asked for and left undone by afterCommit for a while (a committer that never
      // calls it, or never runs out of work): made now, so the WAL stays bounded.
      lastCommitCatchUpNanos = 0;
      if (checkpointer != null && checkpointer.catchUpWanted() && ++commitsWithCatchUpWanted > MAX_COMMITS_BEFORE_CATCH_UP) {
        lastCommitCatchUpNanos = catchUp(c);
      }
      try {
        if (!rows.isEmpty()) {
          try (PreparedStatement ps = c.prepareStatement(INSERT_JOURNAL)) {
            for (JournalRow row : rows) {
              ps.setLong(1, row.seq());
              ps.setLong(2, row.timestampNanos());
              ps.setInt(3, row.eventCount());
              ps.setBytes(4, row.events());
              ps.setBytes(5, row.prevHash());
              ps.setBytes(6, row.hash());
              ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            if (counts.length != rows.size()) {
              throw new SQLException("journal insert reported " + counts.length + " results for " + rows.size() + " rows");
            }
          }
        }
        extra.run(c);
        long syncStartNanos = System.nanoTime();
        rowsStartNanos = 0;
        c.commit();
        long endNanos = System.nanoTime();
        if (checkpointer != null) checkpointer.committed();
        lastCommitWriteNanos = syncStartNanos - writeStartNanos - lastCommitCatchUpNanos - lastCommitConnectionNanos;
        lastCommitSyncNanos = endNanos - syncStartNanos;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      }
    } catch (SQLException | RuntimeException | Error e) {
      rowsStartNanos = 0;
      failure = e;
      // No commit follows a failed one (see the class comment), so the connection is not kept.
      closeCommitterConnection(e);
      long firstSeq = rows.isEmpty() ? tailSeq : rows.get(0).seq();
      throw new StoreException("commit of journal seq " + firstSeq + " (" + rows.size() + " rows) to "
          + url.redacted() + " failed: " + rootMessage(e), e);
    }
    if (!rows.isEmpty()) {
      JournalRow last = rows.get(rows.size() - 1);
      tailSeq = last.seq();
      tailHash = last.hash();
      tailTimestampNanos = last.timestampNanos();
      tailEventCount = last.eventCount();
    }
    return tailSeq;
  }

  /**
   * Copies the rest of the WAL into the database if the checkpointer asked for it (so the next
   * commit restarts the WAL); otherwise returns at once. For the committing thread, after it has
   * answered the callers of its last commit and when no commit is waiting: the copy then delays
   * no answer. A commit made while a copy is still wanted makes it first.
   */
  public void afterCommit() {
    checkCommitter();
    lastAfterCommitNanos = 0;
    if (checkpointer == null || !checkpointer.catchUpWanted() || failure != null) return;
    try {
      lastAfterCommitNanos = catchUp(committerConnection());
    } catch (SQLException e) {
      // Only opening the connection failed; the copy is tried again after a later commit, and
      // the commit that needs the connection fails the store if it still cannot be opened.
      lastAfterCommitNanos = 0;
    }
  }

  /**
   * The committing thread's own connection, opened at its first commit and kept: its prepared
   * statements stay prepared from one commit to the next (on SQLite, see {@link
   * StatementCachingConnection}; pgjdbc keeps a connection's server-side statements itself),
   * and it never goes back to the pool, which would close them. Not from the pool on SQLite, so
   * the readers keep all {@value #POOL_CONNECTIONS} of theirs. Always in a transaction
   * (auto-commit off): each commit ends one and the next statement begins the next.
   */
  private Connection committerConnection() throws SQLException {
    Connection c = committerConnection;
    if (c != null) return c;
    if (url.dialect() == Dialect.SQLITE) {
      c = StatementCachingConnection.open(url);
      try (Statement s = c.createStatement()) {
        // As the pool's connections: the store's checkpointer thread copies the WAL.
        s.execute("PRAGMA wal_autocheckpoint = 0");
      } catch (SQLException | RuntimeException e) {
        closeQuietly(c, e);
        throw e;
      }
    } else {
      c = pool.getConnection();
    }
    try {
      c.setAutoCommit(false);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c, e);
      throw e;
    }
    committerConnection = c;
    return c;
  }

  private void closeCommitterConnection(Throwable cause) {
    Connection c = committerConnection;
    committerConnection = null;
    if (c != null) closeQuietly(c, cause);
  }

  private static void closeQuietly(Connection c, Throwable cause) {
    try {
      c.close();
    } catch (SQLException | RuntimeException closing) {
      cause.addSuppressed(closing);
    }
  }

  /** For tests: the committer's connection, null before the first commit and after a failed one. */
  Connection committerConnectionForTests() {
    return committerConnection;
  }

  /** The copy's nanoseconds (0 when none was wanted); never throws, see SqliteCheckpointer.catchUp. */
  private long catchUp(Connection c) {
    if (checkpointer == null || !checkpointer.catchUpWanted()) return 0;
    long startNanos = System.nanoTime();
    checkpointer.catchUp(c);
    // Still wanted when the copy met another checkpoint: the next commit tries again.
    if (!checkpointer.catchUpWanted()) commitsWithCatchUpWanted = 0;
    return System.nanoTime() - startNanos;
  }

  // Where the last commit's time went, for the node bench's account of slow answers. Committing
  // thread only, like commit itself.
  private long lastCommitWriteNanos;
  private long lastCommitConnectionNanos;
  private long lastCommitSyncNanos;
  private long lastCommitCatchUpNanos;
  private long lastAfterCommitNanos;
  private int commitsWithCatchUpWanted;
  /** Commits that may pass while a WAL copy is wanted before one of them makes it: a fraction of a second at full rate. */
  static final int MAX_COMMITS_BEFORE_CATCH_UP = 64;

  /**
   * How the last {@link #commit}'s time was spent: writing its rows, making them durable (the
   * WAL's fsync), and, before them, copying the WAL into the database when the checkpointer had
   * asked for it and {@link #afterCommit} had not done it, and before all that, waiting for a
   * connection of the pool ({@code [write, sync, catchUp, connection]} nanoseconds). Committing
   * thread only.
   */
  public long[] lastCommitNanos() {
    return new long[] {lastCommitWriteNanos, lastCommitSyncNanos, lastCommitCatchUpNanos, lastCommitConnectionNanos};
  }

  /** Nanoseconds the last {@link #afterCommit} spent copying the WAL (0 when it had nothing to do). */
  public long lastAfterCommitNanos() {
    return lastAfterCommitNanos;
  }

  /**
   * The background WAL copies that started at or after {@code sinceNanos} (System.nanoTime), as
   * {@code [start, length, walFrames]}; none for PostgreSQL. Read while they run: a diagnostic.
   */
  public List<long[]> recentCheckpoints(long sinceNanos) {
    return checkpointer == null ? List.of() : checkpointer.recent(sinceNanos);
  }

  private List<JournalRow> chainRows(List<JournalEntry> entries) {
    List<JournalRow> rows = new ArrayList<>(entries.size());
    long seq = tailSeq;
    byte[] prev = tailHash;
    long minTimestamp = new JournalTail(tailSeq, tailHash, tailTimestampNanos, tailEventCount).nextMinTimestampNanos();
    for (JournalEntry entry : entries) {
      if (entry.timestampNanos() < minTimestamp) {
        // Replay applies batches in seq order; a timestamp that went back would be refused there.
        throw new IllegalArgumentException("journal entry timestamp " + entry.timestampNanos()
            + " is before " + minTimestamp + ", the least the next batch may carry");
      }
      seq++;
      byte[] blob = JournalCodec.encode(entry.timestampNanos(), entry.events());
      JournalRow row = JournalRow.chain(seq, entry.timestampNanos(), entry.events().size(), blob, prev);
      rows.add(row);
      prev = row.hash();
      minTimestamp = entry.timestampNanos() + Math.max(entry.events().size(), 1);
    }
    return rows;
  }

  private void checkCommitter() {
    Thread current = Thread.currentThread();
    Thread bound = committer;
    if (bound == null) {
      synchronized (this) {
        if (committer == null) {
          committer = current;
        }
        bound = committer;
      }
    }
    if (bound != current) {
      throw new IllegalStateException("store commits belong to thread " + bound.getName()
          + " (the ledger writer); " + current.getName() + " may only read");
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  /** A visitor of journal batches during replay. */
  @FunctionalInterface
  public interface BatchVisitor {
    void visit(long seq, long timestampNanos, List<LedgerEvent> events);
  }

  /**
   * Streams every journal batch in seq order, checking the hash chain and each row's shape as it
   * goes, and ends by checking that the last row is the tail this store opened with.
   *
   * @throws JournalCorruptException at the first row that fails a check
   */
  public void replay(BatchVisitor visitor) {
    long expectedTail = tailSeq;
    byte[] expectedHash = tailHash;
    ChainCheck chain = new ChainCheck();
    try (Connection c = pool.getConnection()) {
      forEachRow(c, url.dialect(), row -> {
        String problem = chain.check(row);
        if (problem != null) {
          throw new JournalCorruptException(chain.problemSeq(), problem);
        }
        var batch = JournalCodec.decodeRow(row);
        visitor.visit(row.seq(), row.timestampNanos(), batch.events());
      });
    } catch (SQLException e) {
      throw new StoreException("cannot read the journal of " + url.redacted() + ": " + e.getMessage(), e);
    }
    if (chain.lastSeq() != expectedTail || !java.util.Arrays.equals(chain.lastHash(), expectedHash)) {
      throw new JournalCorruptException(chain.lastSeq() + 1,
          "journal changed while replaying: ended at seq " + chain.lastSeq() + ", expected " + expectedTail);
    }
  }

  @FunctionalInterface
  interface RowVisitor {
    void visit(JournalRow row);
  }

  /** Streams rows in seq order without holding the journal in memory. */
  static void forEachRow(Connection c, Dialect dialect, RowVisitor visitor) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    if (dialect == Dialect.POSTGRESQL) {
      // pgjdbc streams with a cursor only inside a transaction; otherwise it loads every row.
      c.setAutoCommit(false);
    }
    try (PreparedStatement ps = c.prepareStatement(SELECT_JOURNAL)) {
      ps.setFetchSize(REPLAY_FETCH_ROWS);
      ps.setLong(1, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          visitor.visit(readRow(rs));
        }
      }
    } finally {
      if (dialect == Dialect.POSTGRESQL) {
        c.rollback();
        c.setAutoCommit(autoCommit);
      }
    }
  }

  private static JournalRow readRow(ResultSet rs) throws SQLException {
    long seq = rs.getLong(1);
    if (seq < 1) {
      throw new JournalCorruptException(seq, "seq must be 1 or more");
    }
    int eventCount = rs.getInt(3);
    if (eventCount < 0) {
      throw new JournalCorruptException(seq, "negative event_count " + eventCount);
    }
    byte[] events = rs.getBytes(4);
    byte[] prevHash = rs.getBytes(5);
    byte[] hash = rs.getBytes(6);
    if (events == null || prevHash == null || hash == null) {
      throw new JournalCorruptException(seq, "events, prev_hash or hash is NULL");
    }
    return new JournalRow(seq, rs.getLong(2), eventCount, events, prevHash, hash);
  }

  /** SQL that reads; runs on the calling thread with its own pooled connection. */
  @FunctionalInterface
  public interface SqlRead<T> {
    T read(Connection connection) throws SQLException;
  }

  /**
   * Runs read-only SQL on a pooled connection. Readers see only committed transactions, so they
   * never see a batch before its callers were acknowledged.
   */
  public <T> T read(SqlRead<T> work) {
    try (Connection c = pool.getConnection()) {
      setReadOnly(c, true);
      try {
        return work.read(c);
      } finally {
        setReadOnly(c, false);
      }
    } catch (SQLException e) {
      throw new StoreException("read from " + url.redacted() + " failed: " + e.getMessage(), e);
    }
  }

  /** Guards against a reader that writes by mistake. */
  private void setReadOnly(Connection c, boolean readOnly) throws SQLException {
    if (url.dialect() == Dialect.SQLITE) {
      // xerial's driver cannot flip Connection.setReadOnly on an open connection; the pragma can.
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA query_only = " + (readOnly ? "ON" : "OFF"));
      }
    } else {
      c.setReadOnly(readOnly);
    }
  }

  /** The SQLite checkpointer (null for PostgreSQL), for tests. */
  SqliteCheckpointer checkpointer() {
    return checkpointer;
  }

  /** True once a commit failed; the store then only serves reads. */
  public boolean failed() {
    return failure != null;
  }

  @Override
  public void close() {
    // Stopped first: closing the last connection checkpoints the WAL (SQLite does it at close).
    if (sampler != null) sampler.close();
    if (checkpointer != null) checkpointer.close();
    // The committer's thread has stopped by now (the ledger writer is closed first).
    Connection c = committerConnection;
    committerConnection = null;
    if (c != null) {
      try {
        // Every commit ended its own transaction; closing rolls back an empty one (SQLite, or
        // Hikari for a pool connection).
        c.close();
      } catch (SQLException e) {
        // Closing: what was committed is in the WAL either way.
      }
    }
    pool.close();
    // After the pool: closing the checkpointer's own descriptor of the file earlier would drop
    // the POSIX locks SQLite's connections hold on it.
    if (checkpointer != null) checkpointer.closeDatabaseFile();
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 16; depth++) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  @Override
  public String toString() {
    return "Store{" + url.redacted() + "}";
  }
}
