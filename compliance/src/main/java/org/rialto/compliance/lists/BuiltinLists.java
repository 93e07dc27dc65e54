package org.rialto.compliance.lists;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The lists shipped inside the module: the UN Security Council Consolidated List (generated
 * 2026-02-27) and an OFAC SDN extract (2021). They are version 1 of "UN" and "OFAC" in every list
 * repository, so a node screens against something real before any import.
 */
public final class BuiltinLists {
  public static final String UN = "UN";
  public static final String OFAC = "OFAC";
  /** The UN file's own dateGenerated: the moment this snapshot was taken. */
  static final Instant UN_IMPORTED_AT = Instant.parse("2026-02-27T00:00:09.554Z");
  /** The OFAC extract carries no date; it is the 2021 legacy CSV set. */
  static final Instant OFAC_IMPORTED_AT = Instant.parse("2021-12-31T00:00:00Z");

  private static final String DIR = "/org/rialto/compliance/lists/";

  private BuiltinLists() {}

  private static final class Un {
    static final SanctionsList LIST = ListImporter.importList(UN, 1, ImportFormat.UN,
        List.of(source("UN_consolidated.xml")), UN_IMPORTED_AT);
  }

  private static final class Ofac {
    static final SanctionsList LIST = ListImporter.importList(OFAC, 1, ImportFormat.OFAC,
        List.of(source("ofac_2021_sdn.csv"), source("ofac_2021_alt.csv"), source("ofac_2021_add.csv")), OFAC_IMPORTED_AT);
  }

  public static boolean isBuiltin(String listName) {
    return UN.equals(listName) || OFAC.equals(listName);
  }

  /** Parsed once per process, on first use; immutable. */
  public static SanctionsList un() {
    return Un.LIST;
  }

  public static SanctionsList ofac() {
    return Ofac.LIST;
  }

  public static SanctionsList get(String listName) {
    return switch (listName) {
      case UN -> un();
      case OFAC -> ofac();
      default -> throw new IllegalArgumentException("no built-in list " + listName + "; built-in lists are UN and OFAC");
    };
  }

  /** The raw bytes of a shipped list file, for tests and for re-importing it. */
  public static ListImporter.SourceBytes source(String fileName) {
    try (InputStream in = BuiltinLists.class.getResourceAsStream(DIR + fileName)) {
      if (in == null) {
        throw new IllegalStateException("missing shipped list file " + DIR + fileName);
      }
      return new ListImporter.SourceBytes(fileName, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shipped list file " + fileName, e);
    }
  }
}
