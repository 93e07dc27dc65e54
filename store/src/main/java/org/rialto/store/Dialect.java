package org.rialto.store;

/** The SQL databases the store runs on. Where their SQL differs, each has its own migrations. */
public enum Dialect {
  /** Embedded default: one file, WAL, synchronous=FULL. */
  SQLITE("sqlite"),
  /** Server option, and the way to high availability (standbys on replicated PostgreSQL). */
  POSTGRESQL("postgresql");

  private final String migrationFolder;

  Dialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /** The sub-folder of a migration location holding this dialect's scripts. */
  public String migrationFolder() {
    return migrationFolder;
  }
}
