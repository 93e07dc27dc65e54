package org.rialto.compliance.lists;

/**
 * One name under which a list entry is known.
 *
 * @param name the name as the list writes it (after splitting combined alias fields)
 * @param type primary name, alias, former name, or the name in its original script
 * @param quality the list's own judgement of the alias: LOW for the UN's "Low quality" and OFAC's
 *     weak a.k.a.s, which produce many false hits and are reported as such
 */
public record EntryName(String name, Type type, Quality quality) {
  public static final int MAX_CHARS = 512;

  public enum Type { PRIMARY, ALIAS, FORMER, ORIGINAL_SCRIPT }

  public enum Quality { GOOD, LOW }

  public EntryName {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("entry name must not be blank");
    }
    name = name.strip();
    if (name.length() > MAX_CHARS) {
      throw new IllegalArgumentException("entry name longer than " + MAX_CHARS + " chars: " + name.substring(0, 40) + "...");
    }
    if (type == null || quality == null) {
      throw new IllegalArgumentException("entry name type and quality are required: " + name);
    }
  }
}
