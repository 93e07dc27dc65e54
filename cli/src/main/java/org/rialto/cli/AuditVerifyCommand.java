package org.rialto.cli;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rialto.security.audit.AuditVerifier;
import org.rialto.store.Dialect;
import org.rialto.store.StoreUrl;
import org.sqlite.SQLiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute the audit trail's hash chain from entry 1. Read-only: the database is opened read-only",
      "and never migrated. Exit 0 when intact, 1 at the first edited, removed or reordered entry",
      "(named by seq), 2 when the store cannot be read."
    })
public final class AuditVerifyCommand implements Callable<Integer> {
  @Option(names = "--store", required = true, paramLabel = "URL",
      description = "A SQLite file path, jdbc:sqlite:PATH, or jdbc:postgresql://HOST/DB?user=...")
  String store;

  @Option(names = "--anchor", paramLabel = "SEQ:HASH",
      description = "A published (seq, hex hash) the trail must still contain: catches removal of the newest entries.")
  String anchor;

  @Override
  public Integer call() {
    QuietLibraries.apply();
    Optional<AuditVerifier.Anchor> a = Optional.empty();
    StoreUrl url;
    try {
      url = StoreUrl.parse(store);
      if (anchor != null) {
        int colon = anchor.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException("--anchor is SEQ:HEXHASH");
        }
        a = Optional.of(new AuditVerifier.Anchor(Long.parseLong(anchor.substring(0, colon)), HexFormat.of().parseHex(anchor.substring(colon + 1))));
      }
    } catch (IllegalArgumentException e) {
      System.err.println("audit verify: " + e.getMessage());
      return 2;
    }
    try (Connection c = open(url)) {
      AuditVerifier.Result r = AuditVerifier.verify(c, a);
      System.out.println(AuditVerifier.describe(r));
      return r instanceof AuditVerifier.Intact ? 0 : 1;
    } catch (SQLException | IllegalStateException e) {
      System.err.println("audit verify: cannot read the audit trail of " + url.redacted() + ": " + e.getMessage());
      return 2;
    }
  }

  private static Connection open(StoreUrl url) throws SQLException {
    if (url.dialect() == Dialect.SQLITE) {
      if (!Files.isRegularFile(url.sqliteFile())) {
        throw new IllegalStateException("no store file at " + url.sqliteFile());
      }
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      return DriverManager.getConnection(url.jdbcUrl(), config.toProperties());
    }
    Connection c = DriverManager.getConnection(url.jdbcUrl());
    c.setReadOnly(true);
    return c;
  }
}
