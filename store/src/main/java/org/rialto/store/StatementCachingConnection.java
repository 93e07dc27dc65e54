package org.rialto.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.jdbc4.JDBC4Connection;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/**
 * The SQLite committer's own connection: {@code prepareStatement(sql)} hands back the statement
 * prepared for that SQL before, reset, instead of compiling it again, and closing it returns it.
 * A commit prepares ten or more statements (the payment upsert alone costs about 24 us to
 * compile, session 9), so the committer's transactions pay that once per process instead of once
 * per commit, with no change to the code that writes its rows (node, security).
 *
 * <p>One thread only (the committer), like the store's commits. Bounded: SQL past {@value
 * #MAX_CACHED_STATEMENTS} distinct texts, or a text whose cached statement is still open, gets
 * a plain statement, closed as usual. Not for the pool: Hikari wraps its connections and closes
 * their statements when one goes back.
 */
final class StatementCachingConnection extends JDBC4Connection {
  /** Distinct SQL texts kept prepared; the commit path has about fifteen. */
  static final int MAX_CACHED_STATEMENTS = 64;
  private static final String URL_PREFIX = "jdbc:sqlite:";

  private final Map<String, Cached> cache = new HashMap<>();
  /** Statements handed out from the cache (for tests). */
  private long reuses;

  private StatementCachingConnection(String url, Properties properties) throws SQLException {
    super(url, url.substring(URL_PREFIX.length()), properties);
  }

  /** Opens a connection with the same settings as the pool's ({@link Store#sqliteDataSource}). */
  static StatementCachingConnection open(StoreUrl url) throws SQLException {
    SQLiteConfig config = Store.sqliteDataSource(url, false).getConfig();
    String jdbcUrl = url.jdbcUrl();
    if (!jdbcUrl.startsWith(URL_PREFIX)) throw new IllegalArgumentException("not a SQLite URL: " + url.redacted());
    return new StatementCachingConnection(jdbcUrl, config.toProperties());
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
    if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY
        || holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
      return super.prepareStatement(sql, type, concurrency, holdability);
    }
    checkOpen();
    Cached s = cache.get(sql);
    if (s == null) {
      if (cache.size() >= MAX_CACHED_STATEMENTS) return super.prepareStatement(sql, type, concurrency, holdability);
      s = new Cached(this, sql);
      cache.put(sql, s);
    } else if (s.inUse) {
      // The same SQL open twice at once: the second is an ordinary statement.
      return super.prepareStatement(sql, type, concurrency, holdability);
    } else {
      reuses++;
    }
    s.inUse = true;
    return s;
  }

  long reuses() {
    return reuses;
  }

  int cachedStatements() {
    return cache.size();
  }

  @Override
  public void close() throws SQLException {
    for (Cached s : cache.values()) s.closeForGood();
    cache.clear();
    super.close();
  }

  /** A cached statement: close() resets it for the next use, and keeps it prepared. */
  private static final class Cached extends JDBC4PreparedStatement {
    private final StatementCachingConnection owner;
    private boolean inUse;

    Cached(StatementCachingConnection owner, String sql) throws SQLException {
      super(owner, sql);
      this.owner = owner;
    }

    @Override
    public void close() throws SQLException {
      if (!inUse) return; // JDBC allows closing twice
      inUse = false;
      if (owner.isClosed()) {
        super.close();
        return;
      }
      try {
        // What a closed statement would drop: the rows still unread (a reset ends the
        // statement's read of the database) and the values bound (a body of 150 kB stays
        // bound otherwise until the next use).
        if (rs.isOpen()) rs.close();
        clearBatch();
        clearParameters();
      } catch (SQLException | RuntimeException e) {
        owner.cache.remove(sql, this);
        try {
          super.close();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
    }

    void closeForGood() throws SQLException {
      inUse = false;
      super.close();
    }
  }
}
