package org.rialto.compliance.lists;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the US OFAC SDN list in its legacy CSV form (https://www.treasury.gov/ofac/downloads/):
 * sdn.csv (primary records, required), alt.csv (alternate names) and add.csv (addresses),
 * quirks included: no header line, "-0-" (often with a trailing space) for an empty field, CRLF
 * line ends, a trailing 0x1A byte, persons written "SURNAME, Given Names", program tags joined as
 * "SDGT] [IRGC", and dates of birth, nationalities and weak a.k.a.s inside the free-text remarks.
 *
 * <p>Which file is which is told by its column count (12, 5 and 6), so file names do not matter.
 */
public final class OfacCsvImporter {
  public static final String FORMAT = "ofac";
  private static final int MAX_RECORDS = 1_000_000;
  private static final int SDN_COLUMNS = 12;
  private static final int ALT_COLUMNS = 5;
  private static final int ADD_COLUMNS = 6;

  private static final Pattern DOB = Pattern.compile("^(?:alt\\.\\s*)?DOB\\s+(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern COUNTRY_REMARK = Pattern.compile(
      "^(?:alt\\.\\s*)?(?:nationality|citizen|POB)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern WEAK_AKA = Pattern.compile("(?:a\\.k\\.a\\.|f\\.k\\.a\\.|n\\.k\\.a\\.)\\s*'([^']+(?:'[^';]+)*)'",
      Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

  private OfacCsvImporter() {}

  /** One file's content, already decoded. */
  public record CsvFile(String name, String text) {}

  public static List<ListEntry> read(List<CsvFile> files) {
    List<List<String>> sdn = null;
    List<List<String>> alt = new ArrayList<>();
    List<List<String>> add = new ArrayList<>();
    for (CsvFile f : files) {
      List<List<String>> records = Csv.parse(f.text(), MAX_RECORDS, 64);
      if (records.isEmpty()) {
        throw new IllegalArgumentException(f.name() + ": empty OFAC file");
      }
      int columns = records.get(0).size();
      for (List<String> r : records) {
        if (r.size() != columns) {
          throw new IllegalArgumentException(f.name() + ": record with " + r.size() + " fields among records of "
              + columns + " (ent_num " + r.get(0) + ")");
        }
      }
      switch (columns) {
        case SDN_COLUMNS -> {
          if (sdn != null) {
            throw new IllegalArgumentException("two OFAC sdn files given (" + f.name() + ")");
          }
          sdn = records;
        }
        case ALT_COLUMNS -> alt.addAll(records);
        case ADD_COLUMNS -> add.addAll(records);
        default -> throw new IllegalArgumentException(f.name() + ": " + columns
            + " columns; expected OFAC sdn.csv (12), alt.csv (5) or add.csv (6)");
      }
    }
    if (sdn == null) {
      throw new IllegalArgumentException("the OFAC import needs sdn.csv (12 columns); alt.csv and add.csv are optional");
    }
    Map<String, Builder> byId = new LinkedHashMap<>();
    for (List<String> r : sdn) {
      String id = field(r, 0);
      String name = field(r, 1);
      if (id.isEmpty() || name.isEmpty()) {
        throw new IllegalArgumentException("OFAC sdn record without ent_num or name: " + r);
      }
      EntryKind kind = switch (field(r, 2).toLowerCase(Locale.ROOT)) {
        case "individual" -> EntryKind.PERSON;
        case "vessel" -> EntryKind.VESSEL;
        case "aircraft" -> EntryKind.AIRCRAFT;
        case "" -> EntryKind.ORGANISATION;
        default -> EntryKind.UNKNOWN;
      };
      Builder b = new Builder(id, kind);
      if (byId.put(id, b) != null) {
        throw new IllegalArgumentException("OFAC sdn.csv repeats ent_num " + id);
      }
      b.addName(kind == EntryKind.PERSON ? NameText.surnameLast(name) : name, EntryName.Type.PRIMARY, EntryName.Quality.GOOD);
      for (String program : field(r, 3).split("\\]\\s*\\[")) {
        String p = program.replace("[", "").replace("]", "").strip();
        if (!p.isEmpty()) {
          b.programs.add(p);
        }
      }
      String flag = field(r, 9);
      if (!flag.isEmpty()) {
        Countries.toIso2(flag).ifPresent(b.countries::add);
      }
      readRemarks(b, field(r, 11));
    }
    for (List<String> r : alt) {
      Builder b = byId.get(field(r, 0));
      String name = field(r, 3);
      if (b == null || name.isEmpty()) {
        continue; // an alias of a record that is not in this sdn.csv: nothing to attach it to
      }
      EntryName.Type type = field(r, 2).equalsIgnoreCase("fka") ? EntryName.Type.FORMER : EntryName.Type.ALIAS;
      EntryName.Quality quality = field(r, 2).equalsIgnoreCase("weak aka") ? EntryName.Quality.LOW : EntryName.Quality.GOOD;
      b.addName(b.kind == EntryKind.PERSON ? NameText.surnameLast(name) : name, type, quality);
    }
    for (List<String> r : add) {
      Builder b = byId.get(field(r, 0));
      if (b != null) {
        Countries.toIso2(field(r, 4)).ifPresent(b.countries::add);
      }
    }
    List<ListEntry> entries = new ArrayList<>(byId.size());
    for (Builder b : byId.values()) {
      entries.add(b.build());
    }
    return entries;
  }

  private static void readRemarks(Builder b, String remarks) {
    if (remarks.isEmpty()) {
      return;
    }
    Matcher aka = WEAK_AKA.matcher(remarks);
    while (aka.find()) {
      String alias = aka.group(1).strip();
      if (!alias.isEmpty()) {
        b.addName(b.kind == EntryKind.PERSON ? NameText.surnameLast(alias) : alias, EntryName.Type.ALIAS, EntryName.Quality.LOW);
      }
    }
    for (String part : remarks.split(";")) {
      String p = part.strip();
      if (p.endsWith(".")) {
        p = p.substring(0, p.length() - 1).strip();
      }
      Matcher dob = DOB.matcher(p);
      if (dob.matches()) {
        BirthDate d = parseDob(dob.group(1).strip());
        if (d != null) {
          b.births.add(d);
        }
        continue;
      }
      Matcher country = COUNTRY_REMARK.matcher(p);
      if (country.matches()) {
        String value = country.group(1).strip();
        // "POB Giza, Egypt": the country is the last comma part.
        int comma = value.lastIndexOf(',');
        String tail = comma >= 0 ? value.substring(comma + 1).strip() : value;
        Countries.toIso2(tail).or(() -> Countries.toIso2(value)).ifPresent(b.countries::add);
      }
    }
  }

  /** "10 Dec 1948", "1948", "circa 1955", "Dec 1948", "01 Jan 1960 to 31 Dec 1962", "1960 to 1962". */
  static BirthDate parseDob(String text) {
    String t = text.strip();
    boolean approximate = false;
    if (t.toLowerCase(Locale.ROOT).startsWith("circa")) {
      approximate = true;
      t = t.substring(5).strip();
    }
    String[] range = t.split("\\s+to\\s+|(?<=\\d{4})-(?=\\d{4})");
    if (range.length == 2) {
      Integer from = yearOf(range[0]);
      Integer to = yearOf(range[1]);
      return from != null && to != null && from <= to ? BirthDate.ofYears(from, to, approximate) : null;
    }
    try {
      LocalDate day = LocalDate.parse(t, DAY);
      return approximate ? BirthDate.ofYears(day.getYear(), day.getYear(), true) : BirthDate.ofDay(day);
    } catch (DateTimeParseException e) {
      Integer year = yearOf(t);
      return year == null ? null : BirthDate.ofYears(year, year, approximate);
    }
  }

  private static Integer yearOf(String s) {
    String t = s.strip();
    if (t.length() < 4) {
      return null;
    }
    String last = t.substring(t.length() - 4);
    try {
      int y = Integer.parseInt(last);
      return y >= BirthDate.MIN_YEAR && y <= BirthDate.MAX_YEAR ? y : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String field(List<String> record, int index) {
    String v = record.get(index).strip();
    return v.equals("-0-") ? "" : v;
  }

  private static final class Builder {
    final String id;
    final EntryKind kind;
    final List<EntryName> names = new ArrayList<>();
    final Set<String> seen = new LinkedHashSet<>();
    final List<BirthDate> births = new ArrayList<>();
    final List<String> countries = new ArrayList<>();
    final List<String> programs = new ArrayList<>();

    Builder(String id, EntryKind kind) {
      this.id = id;
      this.kind = kind;
    }

    void addName(String name, EntryName.Type type, EntryName.Quality quality) {
      String n = name.strip();
      if (n.isEmpty() || n.length() > EntryName.MAX_CHARS || names.size() >= ListEntry.MAX_NAMES) {
        return;
      }
      if (seen.add(n.toLowerCase(Locale.ROOT))) {
        names.add(new EntryName(n, type, quality));
      }
    }

    ListEntry build() {
      Map<String, BirthDate> distinct = new HashMap<>();
      List<BirthDate> uniqueBirths = new ArrayList<>();
      for (BirthDate d : births) {
        if (distinct.putIfAbsent(d.format(), d) == null) {
          uniqueBirths.add(d);
        }
      }
      return new ListEntry(id, "", kind, names, uniqueBirths, countries, programs);
    }
  }
}
