package org.rialto.compliance.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the name fields of published lists into the separate names they hold. Lists pack
 * several spellings into one field ("Mortaza Rezaie; Morteza Rezai", "Mohammed Sabet b) M. Javad
 * Sabet"), add the original script in parentheses ("Akrin Saleh Akrin (أقرين صالح أقرين)",
 * "Amir Khazmat (original script: Амир Хазмат)") and sometimes an editorial note in
 * parentheses or after ", born ...".
 */
final class NameText {
  private static final Pattern PAREN = Pattern.compile("\\(([^()]*)\\)");
  private static final Pattern ENUMERATOR = Pattern.compile("(?:^|\\s)[a-z]\\)\\s+");
  private static final Pattern NOTE_TAIL = Pattern.compile(",\\s*(born|date of birth|dob|previously|formerly)\\b.*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LABEL = Pattern.compile("^(original script|also spelled|spelled|alias)\\s*:\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final int MAX_PARTS = 64;

  private NameText() {}

  static List<String> splitListedName(String field) {
    List<String> out = new ArrayList<>();
    if (field == null || field.isBlank()) {
      return out;
    }
    String text = field.replace('\n', ' ').replace('\r', ' ').strip();
    List<String> inParens = new ArrayList<>();
    Matcher m = PAREN.matcher(text);
    StringBuilder outside = new StringBuilder();
    int last = 0;
    while (m.find()) {
      outside.append(text, last, m.start()).append(' ');
      inParens.add(m.group(1).strip());
      last = m.end();
    }
    outside.append(text.substring(last));
    addParts(out, outside.toString());
    boolean outsideOtherScript = isOtherScript(outside.toString());
    for (String p : inParens) {
      String body = LABEL.matcher(p).replaceFirst("");
      // Kept: another script's spelling of the name, a list of spellings, a labelled alias, an
      // acronym. Dropped: editorial notes ("false identity related to ...", "COMBAT NAME").
      if (isOtherScript(body) != outsideOtherScript || body.contains(";") || LABEL.matcher(p).find() || isAcronym(body)) {
        addParts(out, body);
      }
    }
    return out;
  }

  private static void addParts(List<String> out, String text) {
    String cleaned = NOTE_TAIL.matcher(text).replaceFirst("");
    String[] parts = ENUMERATOR.matcher(cleaned).replaceAll(";").split(";");
    for (String part : parts) {
      String p = part.strip().replaceAll("\\s+", " ");
      if (p.endsWith(",") || p.endsWith(".")) {
        p = p.substring(0, p.length() - 1).strip();
      }
      if (!p.isEmpty() && hasLetter(p) && out.size() < MAX_PARTS && !out.contains(p)) {
        out.add(p);
      }
    }
  }

  /** Upper-case short forms kept as names: "(HQN)", "(ISIS-K)", "(JNIM)". */
  private static boolean isAcronym(String s) {
    if (s.length() < 2 || s.length() > 12) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '&' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** Written at least partly in a script other than Latin (Arabic, Cyrillic, Chinese...). */
  static boolean isOtherScript(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** "NORIEGA, Manuel Antonio" → "Manuel Antonio NORIEGA": OFAC writes persons surname first. */
  static String surnameLast(String name) {
    int comma = name.indexOf(',');
    if (comma <= 0 || comma == name.length() - 1) {
      return name.strip();
    }
    String surname = name.substring(0, comma).strip();
    String given = name.substring(comma + 1).strip();
    return given.isEmpty() ? surname : given + " " + surname;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
