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
 * A migration that both dialects run alike may live once in a base's {@code common} folder: a store
 * whose history was applied from the dialect folders opens with the same migration moved there
 * unchanged (Flyway checks its checksum, not its folder), and refuses one whose text changed.
 */
class MigrationLayoutTest {
  @TempDir Path dir;

  private StoreUrl newStore(Dialect dialect) {
    return dialect == Dialect.SQLITE
        ? StoreUrl.parse(dir.resolve("layout-" + System.nanoTime() + ".db").toString())
        : StoreUrl.parse(TestPostgres.newDatabase("layout"));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aStoreBuiltFromTheDialectFoldersOpensWithTheMigrationMovedToCommon(Dialect dialect) {
    StoreUrl url = newStore(dialect);
    try (Store store = Store.open(url, List.of("db/layoutdialect"))) {
      assertThat(store.dialect()).isEqualTo(dialect);
    }
    execute(url, "INSERT INTO layout_probe (id, note, amount_minor) VALUES (1, 'kept', 250)");
    try (Store store = Store.open(url, List.of("db/layoutcommon"))) {
      assertThat(noteAndAmount(store)).isEqualTo("kept 250");
    }
    // The check is real: the same version with other text is refused, nothing is re-run.
    assertThatThrownBy(() -> Store.open(url, List.of("db/layoutedited")).close())
        .isInstanceOf(StoreException.class).hasMessageContaining("checksum");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aNewStoreRunsTheCommonAndTheDialectMigrationsInVersionOrder(Dialect dialect) {
    StoreUrl url = newStore(dialect);
    try (Store store = Store.open(url, List.of("db/layoutcommon"))) {
      execute(url, "INSERT INTO layout_probe (id, note) VALUES (1, 'new')");
      assertThat(noteAndAmount(store)).isEqualTo("new 0");
    }
  }

  /** Written beside the store, as a module's own tables are. */
  private static void execute(StoreUrl url, String sql) {
    try (Connection c = DriverManager.getConnection(url.jdbcUrl()); Statement st = c.createStatement()) {
      st.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String noteAndAmount(Store store) {
    return store.read(c -> {
      try (var rs = c.createStatement().executeQuery("SELECT note, amount_minor FROM layout_probe WHERE id = 1")) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1) + " " + rs.getLong(2);
      }
    });
  }
}
