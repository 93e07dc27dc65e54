package org.rialto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreUrlTest {
  @Test
  void aPlainPathAndAJdbcSqliteUrlNameTheSameFile() {
    StoreUrl path = StoreUrl.parse("data/ru.db");
    StoreUrl jdbc = StoreUrl.parse("jdbc:sqlite:data/ru.db");
    assertThat(path.dialect()).isEqualTo(Dialect.SQLITE);
    assertThat(path.sqliteFile()).isEqualTo(Path.of("data/ru.db").toAbsolutePath().normalize());
    assertThat(jdbc).isEqualTo(path);
    assertThat(StoreUrl.parse("jdbc:sqlite:file:/tmp/x.db").sqliteFile()).isEqualTo(Path.of("/tmp/x.db"));
  }

  @Test
  void postgresUrlsKeepTheirParametersButNeverPrintThem() {
    StoreUrl pg = StoreUrl.parse("jdbc:postgresql://db.cbr.example:5432/rialto?user=node&password=secret");
    assertThat(pg.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(pg.jdbcUrl()).endsWith("password=secret");
    assertThat(pg.toString()).doesNotContain("secret").isEqualTo("jdbc:postgresql://db.cbr.example:5432/rialto?…");
  }

  @Test
  void refusesWhatWouldNotBeDurableOrIsNotSupported() {
    assertThatThrownBy(() -> StoreUrl.parse("jdbc:sqlite::memory:")).hasMessageContaining("in-memory");
    assertThatThrownBy(() -> StoreUrl.parse("jdbc:sqlite:x.db?synchronous=OFF")).hasMessageContaining("parameters");
    assertThatThrownBy(() -> StoreUrl.parse("jdbc:mysql://x/y")).hasMessageContaining("unsupported");
    assertThatThrownBy(() -> StoreUrl.parse(" ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> StoreUrl.parse("x".repeat(StoreUrl.MAX_URL_CHARS + 1))).hasMessageContaining("longer");
  }

  @Test
  void externalPostgresDatabasesAreNamedInTheUrl() {
    assertThat(LocalPostgres.withDatabase("jdbc:postgresql://h:5432/postgres?user=u", "t1"))
        .isEqualTo("jdbc:postgresql://h:5432/t1?user=u");
    assertThat(LocalPostgres.withDatabase("jdbc:postgresql://h/", "t2")).isEqualTo("jdbc:postgresql://h/t2");
    assertThat(LocalPostgres.withDatabase("jdbc:postgresql://h1,h2/db", "t3")).isEqualTo("jdbc:postgresql://h1,h2/t3");
  }

  @Test
  void theEmbeddedServerRunsWithEveryDurabilitySettingOn() throws Exception {
    LocalPostgres server = TestPostgres.server();
    try (var c = java.sql.DriverManager.getConnection(server.adminUrl());
        var rs = c.createStatement().executeQuery(
            "SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
      rs.next();
      assertThat(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).containsExactly("on", "on", "on");
    }
  }
}
