package org.rialto.compliance.lists;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for the list files: quoted fields with doubled quotes, embedded line
 * breaks, CRLF or LF, a UTF-8 byte order mark, and the DOS end-of-file byte (0x1A) that OFAC's
 * files end with. Bounded: a caller gives the maximum number of records and fields.
 */
public final class Csv {
  public static final int MAX_FIELD_CHARS = 64 * 1024;

  private Csv() {}

  /** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (older OFAC downloads). */
  public static String decode(byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  /**
   * Parses CSV text into records of fields. Records that are empty or hold only the 0x1A
   * end-of-file marker are skipped.
   *
   * @throws IllegalArgumentException with the line number, for an unterminated quote or a limit
   */
  public static List<List<String>> parse(String text, int maxRecords, int maxFields) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    int i = 0;
    int n = text.length();
    boolean quoted = false;
    boolean fieldStarted = false;
    while (i < n) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        if (c == '\n') {
          line++;
        }
        append(field, c, line);
        i++;
        continue;
      }
      if (c == '"' && field.toString().isBlank()) {
        // A quote opens a quoted field only at its start (spaces before it are dropped).
        field.setLength(0);
        quoted = true;
        fieldStarted = true;
        i++;
        continue;
      }
      if (c == ',') {
        addField(record, field, maxFields, recordLine);
        fieldStarted = true;
        i++;
        continue;
      }
      if (c == '\r' || c == '\n') {
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
          addField(record, field, maxFields, recordLine);
          endRecord(records, record, maxRecords, recordLine);
          record = new ArrayList<>();
        }
        fieldStarted = false;
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        i++;
        line++;
        recordLine = line;
        continue;
      }
      append(field, c, line);
      fieldStarted = true;
      i++;
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field starting on line " + recordLine);
    }
    if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
      addField(record, field, maxFields, recordLine);
      endRecord(records, record, maxRecords, recordLine);
    }
    return records;
  }

  private static void append(StringBuilder field, char c, int line) {
    if (field.length() >= MAX_FIELD_CHARS) {
      throw new IllegalArgumentException("field longer than " + MAX_FIELD_CHARS + " chars on line " + line);
    }
    field.append(c);
  }

  private static void addField(List<String> record, StringBuilder field, int maxFields, int line) {
    if (record.size() >= maxFields) {
      throw new IllegalArgumentException("more than " + maxFields + " fields on line " + line);
    }
    record.add(field.toString());
    field.setLength(0);
  }

  private static void endRecord(List<List<String>> records, List<String> record, int maxRecords, int line) {
    if (record.size() == 1 && record.get(0).strip().replace("\u001a", "").isEmpty()) {
      return;
    }
    if (records.size() >= maxRecords) {
      throw new IllegalArgumentException("more than " + maxRecords + " records (line " + line + ")");
    }
    records.add(List.copyOf(record));
  }
}
