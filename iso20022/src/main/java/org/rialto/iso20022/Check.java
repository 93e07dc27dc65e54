package org.rialto.iso20022;

import java.util.List;

/** Always-on precondition checks for record constructors. */
final class Check {
  private Check() {}

  /** An optional text: null, or 1 to {@code max} characters (ISO MaxNNText). */
  static String text(String value, int max, String what) {
    if (value == null) return null;
    if (value.isEmpty() || value.length() > max) {
      throw new IllegalArgumentException(what + " must have 1 to " + max + " characters, has " + value.length());
    }
    return value;
  }

  static String requiredText(String value, int max, String what) {
    required(value, what);
    return text(value, max, what);
  }

  /** A mandatory value; IllegalArgumentException (not NPE) so readers report it as a finding. */
  static <T> T required(T value, String what) {
    if (value == null) throw new IllegalArgumentException(what + " is required");
    return value;
  }

  /** An immutable copy of {@code list} (null reads as empty) with at most {@code max} entries. */
  static <T> List<T> list(List<T> list, int max, String what) {
    if (list == null) return List.of();
    if (list.size() > max) throw new IllegalArgumentException(what + " may have at most " + max + " entries, has " + list.size());
    return List.copyOf(list);
  }

  static <T> List<T> list(List<T> list, String what) {
    return list(list, Integer.MAX_VALUE, what);
  }

  /** Exactly one of two alternatives of an XSD choice is present. */
  static void oneOf(Object a, Object b, String what) {
    if ((a == null) == (b == null)) throw new IllegalArgumentException(what + ": exactly one alternative must be given");
  }

  /** An ISO code of the shape [A-Z0-9]{1,4} (external code lists). */
  static String code(String value, String what) {
    if (value == null) return null;
    if (value.isEmpty() || value.length() > 4) throw new IllegalArgumentException(what + " must have 1 to 4 characters: '" + value + "'");
    return value;
  }
}
