package org.rialto.compliance.lists;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the UN Security Council Consolidated List in its official XML format
 * (https://scsanctions.un.org/resources/xml/en/consolidated.xml), quirks included: alias fields
 * holding several names ("Mortaza Rezaie; Morteza Rezai", "a) ... b) ..."), names in parentheses
 * that are either another script's spelling or an editorial note, empty alias elements, and dates
 * of birth given as a day, a year, an approximate year or a range.
 *
 * <p>The parser is StAX with DTDs and external entities disabled.
 */
public final class UnXmlImporter {
  public static final String FORMAT = "un";
  private static final int MAX_ENTRIES = 200_000;
  private static final int MAX_DEPTH = 16;
  private static final int MAX_CHILDREN = 4_096;

  private UnXmlImporter() {}

  public static List<ListEntry> read(InputStream in) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    List<ListEntry> entries = new ArrayList<>();
    boolean sawRoot = false;
    try {
      XMLStreamReader r = factory.createXMLStreamReader(in);
      while (r.hasNext()) {
        int event = r.next();
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = r.getLocalName();
        if (name.equals("CONSOLIDATED_LIST")) {
          sawRoot = true;
        } else if (name.equals("INDIVIDUAL") || name.equals("ENTITY")) {
          Node node = readNode(r, name, 0);
          if (entries.size() >= MAX_ENTRIES) {
            throw new IllegalArgumentException("UN list has more than " + MAX_ENTRIES + " entries");
          }
          entries.add(toEntry(node, name.equals("INDIVIDUAL")));
        }
      }
      r.close();
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("not a readable UN consolidated list XML: " + e.getMessage(), e);
    }
    if (!sawRoot) {
      throw new IllegalArgumentException("not a UN consolidated list: no CONSOLIDATED_LIST element");
    }
    return entries;
  }

  /** A minimal element tree of one INDIVIDUAL or ENTITY. */
  private record Node(String name, String text, List<Node> children) {
    String childText(String child) {
      for (Node c : children) {
        if (c.name.equals(child)) {
          return c.text.strip();
        }
      }
      return "";
    }

    List<Node> all(String child) {
      List<Node> out = new ArrayList<>();
      for (Node c : children) {
        if (c.name.equals(child)) {
          out.add(c);
        }
      }
      return out;
    }
  }

  private static Node readNode(XMLStreamReader r, String name, int depth) throws XMLStreamException {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("UN list XML nested deeper than " + MAX_DEPTH + " at " + name);
    }
    StringBuilder text = new StringBuilder();
    List<Node> children = new ArrayList<>();
    while (r.hasNext()) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (children.size() >= MAX_CHILDREN) {
            throw new IllegalArgumentException("UN list element " + name + " has more than " + MAX_CHILDREN + " children");
          }
          children.add(readNode(r, r.getLocalName(), depth + 1));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (text.length() + r.getTextLength() > Csv.MAX_FIELD_CHARS) {
            throw new IllegalArgumentException("UN list element " + name + " text longer than " + Csv.MAX_FIELD_CHARS);
          }
          text.append(r.getText());
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return new Node(name, text.toString(), children);
        }
        default -> {
          // comments and processing instructions carry nothing we read
        }
      }
    }
    throw new IllegalArgumentException("UN list XML ends inside " + name);
  }

  private static ListEntry toEntry(Node n, boolean individual) {
    String id = n.childText("DATAID");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("UN list entry without DATAID: " + n.childText("REFERENCE_NUMBER"));
    }
    Set<String> seen = new LinkedHashSet<>();
    List<EntryName> names = new ArrayList<>();
    String primary = String.join(" ", nonBlank(
        n.childText("FIRST_NAME"), n.childText("SECOND_NAME"), n.childText("THIRD_NAME"), n.childText("FOURTH_NAME")));
    List<String> primaryParts = NameText.splitListedName(primary);
    if (primaryParts.isEmpty()) {
      throw new IllegalArgumentException("UN list entry " + id + " has no name");
    }
    add(names, seen, primaryParts.get(0), EntryName.Type.PRIMARY, EntryName.Quality.GOOD);
    for (int i = 1; i < primaryParts.size(); i++) {
      add(names, seen, primaryParts.get(i), EntryName.Type.ALIAS, EntryName.Quality.GOOD);
    }
    for (String original : NameText.splitListedName(n.childText("NAME_ORIGINAL_SCRIPT"))) {
      add(names, seen, original, EntryName.Type.ORIGINAL_SCRIPT, EntryName.Quality.GOOD);
    }
    for (Node alias : n.all(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
      EntryName.Quality quality = alias.childText("QUALITY").equalsIgnoreCase("Low")
          ? EntryName.Quality.LOW : EntryName.Quality.GOOD;
      for (String a : NameText.splitListedName(alias.childText("ALIAS_NAME"))) {
        add(names, seen, a, NameText.isOtherScript(a) ? EntryName.Type.ORIGINAL_SCRIPT : EntryName.Type.ALIAS, quality);
      }
    }
    List<String> countries = new ArrayList<>();
    for (Node nat : n.all("NATIONALITY")) {
      for (Node v : nat.all("VALUE")) {
        Countries.toIso2(v.text).ifPresent(countries::add);
      }
    }
    for (String place : List.of(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS", "INDIVIDUAL_PLACE_OF_BIRTH")) {
      for (Node a : n.all(place)) {
        Countries.toIso2(a.childText("COUNTRY")).ifPresent(countries::add);
      }
    }
    List<BirthDate> births = new ArrayList<>();
    for (Node d : n.all("INDIVIDUAL_DATE_OF_BIRTH")) {
      BirthDate b = birthDate(d);
      if (b != null) {
        births.add(b);
      }
    }
    List<String> programs = new ArrayList<>();
    String listType = n.childText("UN_LIST_TYPE");
    if (!listType.isEmpty()) {
      programs.add(listType);
    }
    EntryKind kind = individual ? EntryKind.PERSON : EntryKind.ORGANISATION;
    return new ListEntry(id, n.childText("REFERENCE_NUMBER"), kind, names, births, countries, programs);
  }

  private static BirthDate birthDate(Node d) {
    String type = d.childText("TYPE_OF_DATE").toUpperCase(java.util.Locale.ROOT);
    boolean approximate = type.startsWith("APPROX");
    String date = d.childText("DATE");
    if (!date.isEmpty()) {
      try {
        LocalDate day = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
        return approximate ? BirthDate.ofYears(day.getYear(), day.getYear(), true) : BirthDate.ofDay(day);
      } catch (DateTimeParseException e) {
        // "1961-00-00" style partial dates: keep the year.
        Integer year = year(date.length() >= 4 ? date.substring(0, 4) : date);
        return year == null ? null : BirthDate.ofYears(year, year, approximate);
      }
    }
    Integer year = year(d.childText("YEAR"));
    if (year != null) {
      return BirthDate.ofYears(year, year, approximate);
    }
    Integer from = year(d.childText("FROM_YEAR"));
    Integer to = year(d.childText("TO_YEAR"));
    if (from != null && to != null && from <= to) {
      return BirthDate.ofYears(from, to, approximate);
    }
    return null;
  }

  private static Integer year(String s) {
    if (s.length() != 4) {
      return null;
    }
    try {
      int y = Integer.parseInt(s);
      return y >= BirthDate.MIN_YEAR && y <= BirthDate.MAX_YEAR ? y : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<String> nonBlank(String... parts) {
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  private static void add(List<EntryName> names, Set<String> seen, String name, EntryName.Type type, EntryName.Quality quality) {
    String n = name.strip();
    if (n.isEmpty() || n.length() > EntryName.MAX_CHARS || names.size() >= ListEntry.MAX_NAMES) {
      return;
    }
    if (seen.add(n.toLowerCase(java.util.Locale.ROOT))) {
      names.add(new EntryName(n, type, quality));
    }
  }
}
