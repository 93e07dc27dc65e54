package org.rialto.compliance.lists;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a national list in Rialto's simple CSV or JSON format (see the module README):
 *
 * <pre>
 * id,type,name,aliases,birth_dates,countries,programs
 * RU-0001,person,Ivan Petrov,"Иван Петров;Ivan Petroff",1970-01-31;1971,RU,FIU-2024
 * </pre>
 *
 * <pre>
 * {"entries": [{"id": "RU-0001", "type": "person", "name": "Ivan Petrov",
 *   "aliases": ["Иван Петров"], "birthDates": ["1970-01-31"], "countries": ["RU"],
 *   "programs": ["FIU-2024"]}]}
 * </pre>
 *
 * Multi-valued CSV fields are separated by ';'. Birth dates are YYYY-MM-DD, YYYY or YYYY..YYYY
 * (prefix ~ for approximate); countries are ISO 3166 alpha-2 codes.
 */
public final class NationalListImporter {
  public static final String CSV = "csv";
  public static final String JSON = "json";
  private static final int MAX_ENTRIES = 1_000_000;
  private static final List<String> REQUIRED = List.of("id", "name");
  private static final List<String> KNOWN = List.of("id", "type", "name", "aliases", "birth_dates", "countries", "programs", "reference");

  private NationalListImporter() {}

  public static List<ListEntry> readCsv(String text) {
    List<List<String>> records = Csv.parse(text, MAX_ENTRIES + 1, 32);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("empty national list CSV: expected a header line " + KNOWN);
    }
    Map<String, Integer> column = new HashMap<>();
    List<String> header = records.get(0);
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (!KNOWN.contains(h)) {
        throw new IllegalArgumentException("unknown national list column '" + header.get(i) + "'; known: " + KNOWN);
      }
      if (column.put(h, i) != null) {
        throw new IllegalArgumentException("national list column '" + h + "' appears twice");
      }
    }
    for (String r : REQUIRED) {
      if (!column.containsKey(r)) {
        throw new IllegalArgumentException("national list CSV needs a '" + r + "' column; header is " + header);
      }
    }
    List<ListEntry> entries = new ArrayList<>(records.size() - 1);
    for (int row = 1; row < records.size(); row++) {
      List<String> r = records.get(row);
      if (r.size() != header.size()) {
        throw new IllegalArgumentException("national list record " + row + " has " + r.size() + " fields, header has " + header.size());
      }
      try {
        entries.add(entry(
            get(r, column, "id"), get(r, column, "reference"), get(r, column, "type"), get(r, column, "name"),
            split(get(r, column, "aliases")), split(get(r, column, "birth_dates")),
            split(get(r, column, "countries")), split(get(r, column, "programs"))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("national list record " + row + ": " + e.getMessage(), e);
      }
    }
    return entries;
  }

  public static List<ListEntry> readJson(byte[] json) {
    ObjectMapper mapper = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("national list JSON is not valid JSON: " + e.getMessage(), e);
    }
    JsonNode list = root == null ? null : root.isArray() ? root : root.get("entries");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("national list JSON needs an \"entries\" array (or a top-level array)");
    }
    if (list.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("national list has more than " + MAX_ENTRIES + " entries");
    }
    List<ListEntry> entries = new ArrayList<>(list.size());
    int index = 0;
    for (JsonNode e : list) {
      try {
        entries.add(entry(text(e, "id"), text(e, "reference"), text(e, "type"), text(e, "name"),
            texts(e, "aliases"), texts(e, "birthDates"), texts(e, "countries"), texts(e, "programs")));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("national list entry #" + index + ": " + ex.getMessage(), ex);
      }
      index++;
    }
    return entries;
  }

  private static ListEntry entry(String id, String reference, String type, String name, List<String> aliases,
      List<String> births, List<String> countries, List<String> programs) {
    if (id.isBlank()) {
      throw new IllegalArgumentException("id is required");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("name is required (entry " + id + ")");
    }
    List<EntryName> names = new ArrayList<>();
    names.add(new EntryName(name, EntryName.Type.PRIMARY, EntryName.Quality.GOOD));
    for (String a : aliases) {
      if (!a.equalsIgnoreCase(name)) {
        names.add(new EntryName(a, NameText.isOtherScript(a) ? EntryName.Type.ORIGINAL_SCRIPT : EntryName.Type.ALIAS,
            EntryName.Quality.GOOD));
      }
    }
    List<BirthDate> birthDates = new ArrayList<>();
    for (String b : births) {
      birthDates.add(BirthDate.parse(b));
    }
    List<String> codes = new ArrayList<>();
    for (String c : countries) {
      String code = c.strip().toUpperCase(Locale.ROOT);
      if (!Countries.isIso2(code)) {
        throw new IllegalArgumentException("country '" + c + "' is not an ISO 3166 alpha-2 code (entry " + id + ")");
      }
      codes.add(code);
    }
    return new ListEntry(id.strip(), reference, EntryKind.parse(type), names, birthDates, codes, programs);
  }

  private static String get(List<String> record, Map<String, Integer> column, String name) {
    Integer i = column.get(name);
    return i == null ? "" : record.get(i).strip();
  }

  private static List<String> split(String field) {
    List<String> out = new ArrayList<>();
    for (String part : field.split(";")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string");
    }
    return v.asText().strip();
  }

  private static List<String> texts(JsonNode node, String field) {
    JsonNode v = node.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException("\"" + field + "\" must be an array of strings");
    }
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw new IllegalArgumentException("\"" + field + "\" must hold strings only");
      }
      if (!item.asText().isBlank()) {
        out.add(item.asText().strip());
      }
    }
    return out;
  }
}
