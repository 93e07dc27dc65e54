package org.rialto.compliance.lists;

/** What a list entry designates. */
public enum EntryKind {
  PERSON,
  ORGANISATION,
  VESSEL,
  AIRCRAFT,
  UNKNOWN;

  /** Parses the national-list spelling (person, organisation/entity, vessel, aircraft). */
  public static EntryKind parse(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
    return switch (v) {
      case "person", "individual" -> PERSON;
      case "organisation", "organization", "entity", "company" -> ORGANISATION;
      case "vessel" -> VESSEL;
      case "aircraft" -> AIRCRAFT;
      case "", "unknown" -> UNKNOWN;
      default -> throw new IllegalArgumentException(
          "unknown entry type '" + value + "': expected person, organisation, vessel, aircraft or unknown");
    };
  }
}
