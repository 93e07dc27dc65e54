package org.rialto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Modules number their migrations in ranges of one shared history (node from 100, security from
 * 200). A store that already has another module's higher versions must still take a module's new
 * migration: every node store in the field has security's V200-V202 when the node adds V110.
 */
class MigrationRangesTest {
  @TempDir Path dir;

  private StoreUrl newStore(Dialect dialect) {
    return dialect == Dialect.SQLITE
        ? StoreUrl.parse(dir.resolve("ranges-" + System.nanoTime() + ".db").toString())
        : StoreUrl.parse(TestPostgres.newDatabase("ranges"));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aModulesNewMigrationBelowAnotherModulesAppliedOneIsApplied(Dialect dialect) {
    StoreUrl url = newStore(dialect);
    try (Store store = Store.open(url, List.of("db/rangeold", "db/rangeother"))) {
      assertThat(store.dialect()).isEqualTo(dialect);
    }
    try (Connection c = DriverManager.getConnection(url.jdbcUrl()); Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO range_probe (id, note) VALUES (1, 'kept')");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    try (Store store = Store.open(url, List.of("db/rangenew", "db/rangeother"))) {
      String row = store.read(c -> {
        try (var rs = c.createStatement().executeQuery("SELECT note, amount_minor FROM range_probe WHERE id = 1")) {
          assertThat(rs.next()).isTrue();
          return rs.getString(1) + " " + rs.getLong(2);
        }
      });
      assertThat(row).isEqualTo("kept 0");
    }
    // Out-of-order does not mean unchecked: an applied migration whose text changed is refused.
    assertThatThrownBy(() -> Store.open(url, List.of("db/rangeedited", "db/rangeother")).close())
        .isInstanceOf(StoreException.class).hasMessageContaining("checksum");
  }
}
