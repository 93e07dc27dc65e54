package org.rialto.compliance.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One designated person, organisation, vessel or aircraft of a sanctions list.
 *
 * @param id the list's own stable identifier (UN DATAID, OFAC ent_num, national id)
 * @param reference the list's human reference (UN "QDi.001"), or empty
 * @param kind what is designated
 * @param names primary name first, then aliases, former names and original-script names
 * @param birthDates dates of birth, for persons
 * @param countries ISO 3166 alpha-2 codes of nationality, citizenship, residence, birth or address
 * @param programs the list's programmes or regimes (UN list type, OFAC program tags)
 */
public record ListEntry(
    String id,
    String reference,
    EntryKind kind,
    List<EntryName> names,
    List<BirthDate> birthDates,
    List<String> countries,
    List<String> programs) {
  public static final int MAX_ID_CHARS = 64;
  public static final int MAX_NAMES = 512;

  public ListEntry {
    if (id == null || id.isBlank() || id.length() > MAX_ID_CHARS) {
      throw new IllegalArgumentException("entry id must be 1.." + MAX_ID_CHARS + " chars: " + id);
    }
    Objects.requireNonNull(kind, "kind");
    reference = reference == null ? "" : reference.strip();
    names = List.copyOf(names);
    if (names.isEmpty() || names.size() > MAX_NAMES) {
      throw new IllegalArgumentException("entry " + id + " needs 1.." + MAX_NAMES + " names, has " + names.size());
    }
    if (names.get(0).type() != EntryName.Type.PRIMARY) {
      throw new IllegalArgumentException("entry " + id + ": the first name must be the primary name");
    }
    birthDates = List.copyOf(birthDates);
    countries = distinctSorted(countries);
    for (String c : countries) {
      if (!Countries.isIso2(c)) {
        throw new IllegalArgumentException("entry " + id + ": not an ISO 3166 alpha-2 code: " + c);
      }
    }
    programs = distinctSorted(programs);
  }

  public EntryName primaryName() {
    return names.get(0);
  }

  private static List<String> distinctSorted(List<String> values) {
    List<String> out = new ArrayList<>(new java.util.TreeSet<>(values));
    return List.copyOf(out);
  }
}
