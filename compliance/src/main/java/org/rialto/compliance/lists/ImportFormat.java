package org.rialto.compliance.lists;

import java.util.Locale;

/** The file formats lists are imported from. */
public enum ImportFormat {
  /** UN Security Council Consolidated List XML. */
  UN("UN"),
  /** OFAC SDN legacy CSV: sdn.csv plus optional alt.csv and add.csv. */
  OFAC("OFAC"),
  /** Rialto's national list CSV. */
  CSV(null),
  /** Rialto's national list JSON. */
  JSON(null);

  private final String defaultListName;

  ImportFormat(String defaultListName) {
    this.defaultListName = defaultListName;
  }

  /** The list a file of this format becomes when no name is given; null when a name is required. */
  public String defaultListName() {
    return defaultListName;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ImportFormat parse(String s) {
    for (ImportFormat f : values()) {
      if (f.id().equalsIgnoreCase(s == null ? "" : s.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown list format '" + s + "': expected un, ofac, csv or json");
  }
}
