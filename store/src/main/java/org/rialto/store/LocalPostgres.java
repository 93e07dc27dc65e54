package org.rialto.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server for tests and benchmarks: the one named by {@code RIALTO_PG_URL} when set,
 * else an embedded server (zonky's PostgreSQL binaries) started in a temporary folder and removed
 * on {@link #close()}.
 *
 * <p>The embedded server runs with {@code fsync}, {@code synchronous_commit} and {@code
 * full_page_writes} on. zonky turns them off by default to make tests fast; a durability
 * comparison against a server that does not fsync would be dishonest, and a crash test against it
 * would prove little.
 */
public final class LocalPostgres implements AutoCloseable {
  /** Environment variable naming an existing server, e.g. {@code jdbc:postgresql://localhost/postgres?user=me}. */
  public static final String URL_ENV = "RIALTO_PG_URL";

  private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final EmbeddedPostgres embedded;
  private final String adminUrl;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook;

  private LocalPostgres(EmbeddedPostgres embedded, String adminUrl) {
    this.embedded = embedded;
    this.adminUrl = adminUrl;
    // A CLI that exits without closing must not leave a postgres process and its folder behind.
    this.shutdownHook = new Thread(this::stop, "local-postgres-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Uses {@code RIALTO_PG_URL} when set, else starts an embedded server. */
  public static LocalPostgres start() {
    String external = System.getenv(URL_ENV);
    if (external != null && !external.isBlank()) {
      return external(external.strip());
    }
    return embedded();
  }

  /** Uses an existing server; {@link #close()} leaves it running. */
  public static LocalPostgres external(String adminUrl) {
    if (!adminUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(URL_ENV + " must be a jdbc:postgresql: URL, got " + redact(adminUrl));
    }
    try (Connection c = DriverManager.getConnection(adminUrl)) {
      if (!c.isValid(10)) {
        throw new StoreException("PostgreSQL at " + redact(adminUrl) + " does not answer");
      }
    } catch (SQLException e) {
      throw new StoreException("cannot connect to PostgreSQL at " + redact(adminUrl) + ": " + e.getMessage(), e);
    }
    return new LocalPostgres(null, adminUrl);
  }

  /** Starts an embedded PostgreSQL on a free local port, with every durability setting on. */
  public static LocalPostgres embedded() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("max_connections", "100")
          .setPGStartupWait(STARTUP_WAIT)
          .start();
      String url = pg.getJdbcUrl("postgres", "postgres");
      LocalPostgres local = new LocalPostgres(pg, url);
      local.requireDurable();
      return local;
    } catch (IOException e) {
      throw new StoreException("cannot start embedded PostgreSQL: " + e.getMessage()
          + " (set " + URL_ENV + " to use an existing server instead)", e);
    }
  }

  private void requireDurable() {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
      rs.next();
      for (int i = 1; i <= 3; i++) {
        if (!"on".equals(rs.getString(i))) {
          throw new IllegalStateException("embedded PostgreSQL started with a durability setting off: column " + i + " = " + rs.getString(i));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot check embedded PostgreSQL settings: " + e.getMessage(), e);
    }
  }

  /** True when this process started the server. */
  public boolean isEmbedded() {
    return embedded != null;
  }

  /** URL of the server's maintenance database, with credentials. */
  public String adminUrl() {
    return adminUrl;
  }

  /**
   * Creates a new, empty database and returns its JDBC URL. Each test or bench phase gets its own
   * so they never see each other's tables. With {@code RIALTO_PG_URL} the user needs CREATEDB.
   */
  public String createDatabase(String prefix) {
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + name);
    }
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new StoreException("cannot create database " + name + " on " + redact(adminUrl) + ": " + e.getMessage(), e);
    }
    return embedded != null ? embedded.getJdbcUrl("postgres", name) : withDatabase(adminUrl, name);
  }

  /** Replaces the database in a {@code jdbc:postgresql://hosts/db?params} URL. */
  static String withDatabase(String url, String database) {
    String prefix = "jdbc:postgresql://";
    if (!url.startsWith(prefix)) {
      throw new IllegalArgumentException("expected a jdbc:postgresql://host/database URL, got " + redact(url));
    }
    int q = url.indexOf('?');
    String params = q < 0 ? "" : url.substring(q);
    String head = q < 0 ? url : url.substring(0, q);
    int slash = head.indexOf('/', prefix.length());
    String hosts = slash < 0 ? head : head.substring(0, slash);
    return hosts + "/" + database + params;
  }

  static String redact(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?…";
  }

  private void stop() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        System.err.println("warning: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
      }
    }
  }

  /** Stops the embedded server (fast shutdown: clients are disconnected) and removes its folder. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run; stop() is idempotent.
    }
  }

  @Override
  public String toString() {
    return (embedded != null ? "embedded PostgreSQL " : "PostgreSQL ") + redact(adminUrl);
  }
}
