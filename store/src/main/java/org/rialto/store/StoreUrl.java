package org.rialto.store;

import java.nio.file.Path;

/**
 * Where a store lives, as an operator writes it: a SQLite file path, a {@code jdbc:sqlite:} URL
 * or a {@code jdbc:postgresql:} URL.
 *
 * @param sqliteFile the database file for SQLite, else null
 */
public record StoreUrl(Dialect dialect, String jdbcUrl, Path sqliteFile) {
  /** Long enough for any real URL with credentials; bounded so a typo cannot become a huge string. */
  public static final int MAX_URL_CHARS = 4096;

  private static final String SQLITE_PREFIX = "jdbc:sqlite:";
  private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

  public StoreUrl {
    if (dialect == null || jdbcUrl == null) {
      throw new IllegalArgumentException("dialect and jdbcUrl are required");
    }
    if ((dialect == Dialect.SQLITE) != (sqliteFile != null)) {
      throw new IllegalArgumentException("a SQLite store names its file, a PostgreSQL store does not");
    }
  }

  public static StoreUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("store URL is empty: give a SQLite file path or a jdbc:postgresql: URL");
    }
    String u = url.strip();
    if (u.length() > MAX_URL_CHARS) {
      throw new IllegalArgumentException("store URL longer than " + MAX_URL_CHARS + " characters");
    }
    if (u.startsWith(POSTGRESQL_PREFIX)) {
      return new StoreUrl(Dialect.POSTGRESQL, u, null);
    }
    String file;
    if (u.startsWith(SQLITE_PREFIX)) {
      file = u.substring(SQLITE_PREFIX.length());
      int params = file.indexOf('?');
      if (params >= 0) {
        // Pragmas are the store's business (WAL, synchronous=FULL); a URL must not weaken them.
        throw new IllegalArgumentException("SQLite URL parameters are not accepted: " + u);
      }
      if (file.startsWith("file:")) {
        file = file.substring("file:".length());
      }
    } else if (u.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "unsupported store URL " + u + ": use a SQLite file path, jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB");
    } else {
      file = u;
    }
    if (file.isEmpty() || file.equals(":memory:") || file.startsWith(":resource:")) {
      throw new IllegalArgumentException("a SQLite store needs a file path (in-memory databases are not durable): " + u);
    }
    Path path = Path.of(file).toAbsolutePath().normalize();
    return new StoreUrl(Dialect.SQLITE, SQLITE_PREFIX + path, path);
  }

  /** The URL without credentials, for messages and logs. */
  public String redacted() {
    int q = jdbcUrl.indexOf('?');
    return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q) + "?…";
  }

  @Override
  public String toString() {
    return redacted();
  }
}
