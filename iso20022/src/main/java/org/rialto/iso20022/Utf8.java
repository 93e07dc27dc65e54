package org.rialto.iso20022;

/**
 * Strict UTF-8 (RFC 3629) checking before the parser sees the bytes: no overlong forms, no
 * encoded surrogates, nothing above U+10FFFF. The JDK parser would reject most of these too, but
 * it also prints them to stderr; here they are one clear finding.
 */
final class Utf8 {
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8() {}

  /** Index of the first byte that is not valid UTF-8, or -1 when all are. */
  static int firstInvalid(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      // ASCII runs are the common case: skip them eight bytes at a time.
      if (i + 8 <= n && (((long) LONGS.get(b, i)) & HIGH_BITS) == 0) {
        i += 8;
        continue;
      }
      if (b[i] >= 0) {
        i++;
        continue;
      }
      int lead = b[i] & 0xFF;
      int length;
      int min2;
      int max2 = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        min2 = 0x80;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        min2 = lead == 0xE0 ? 0xA0 : 0x80;
        if (lead == 0xED) max2 = 0x9F;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        min2 = lead == 0xF0 ? 0x90 : 0x80;
        if (lead == 0xF4) max2 = 0x8F;
      } else {
        return i;
      }
      if (i + length > n) return i;
      int second = b[i + 1] & 0xFF;
      if (second < min2 || second > max2) return i;
      for (int k = 2; k < length; k++) {
        int c = b[i + k] & 0xFF;
        if (c < 0x80 || c > 0xBF) return i;
      }
      i += length;
    }
    return -1;
  }

  /**
   * True when the prolog (before the root element) holds a document type declaration. Checked on
   * the bytes so a DTD is refused before any parser reads a single declaration.
   */
  static boolean hasDoctype(byte[] b) {
    int n = b.length;
    int i = 0;
    if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) i = 3;
    while (i < n) {
      byte c = b[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
        continue;
      }
      if (c != '<' || i + 1 >= n) return false;
      byte next = b[i + 1];
      if (next == '?') {
        int end = indexOf(b, i + 2, (byte) '?', (byte) '>');
        if (end < 0) return false;
        i = end + 2;
      } else if (next == '!') {
        if (i + 3 < n && b[i + 2] == '-' && b[i + 3] == '-') {
          // "--" may only close a comment, so the first one must be followed by '>'.
          int end = indexOf(b, i + 4, (byte) '-', (byte) '-');
          if (end < 0 || end + 2 >= n || b[end + 2] != '>') return false;
          i = end + 3;
        } else {
          // <!DOCTYPE, or any other declaration, in the prolog.
          return true;
        }
      } else {
        return false;
      }
    }
    return false;
  }

  private static int indexOf(byte[] b, int from, byte first, byte second) {
    for (int i = from; i + 1 < b.length; i++) {
      if (b[i] == first && b[i + 1] == second) return i;
    }
    return -1;
  }

  private static final long LT_BYTES = 0x3C3C3C3C3C3C3C3CL;
  private static final long LOW_BITS = 0x0101010101010101L;

  /**
   * Offset of the first start tag with more than {@code maxAttributes} attributes (namespace
   * declarations included), or -1. Checked on the bytes because Aalto's cost for one start tag
   * grows with the square of its attribute count (200,000 attributes: minutes), so the count must
   * be bounded before the parser sees the tag. Comments, CDATA sections and processing
   * instructions are skipped; malformed markup stops the scan where the parser will fail anyway.
   */
  static int tooManyAttributes(byte[] b, int maxAttributes) {
    if (maxAttributes < 0) throw new IllegalArgumentException("maxAttributes must be >= 0");
    int n = b.length;
    int i = 0;
    while (i < n) {
      // Text runs have no '<': skip them eight bytes at a time.
      if (i + 8 <= n) {
        long x = ((long) LONGS.get(b, i)) ^ LT_BYTES;
        if (((x - LOW_BITS) & ~x & HIGH_BITS) == 0) {
          i += 8;
          continue;
        }
      }
      if (b[i] != '<') {
        i++;
        continue;
      }
      int next = i + 1 < n ? b[i + 1] : 0;
      if (next == '!' && startsWith(b, i, "<!--")) {
        i = skipPast(b, i + 4, "-->");
      } else if (next == '!' && startsWith(b, i, "<![CDATA[")) {
        i = skipPast(b, i + 9, "]]>");
      } else if (next == '?') {
        i = skipPast(b, i + 2, "?>");
      } else if (next == '/' || next == '!') {
        i = skipPast(b, i + 2, ">");
      } else {
        int attributes = 0;
        int j = i + 1;
        while (j < n) {
          byte c = b[j];
          if (c == '"' || c == '\'') {
            int close = indexOf(b, j + 1, c);
            if (close < 0) return -1;
            j = close + 1;
          } else if (c == '=') {
            if (++attributes > maxAttributes) return i;
            j++;
          } else if (c == '>' || c == '<') {
            break;
          } else {
            j++;
          }
        }
        i = j < n && b[j] == '>' ? j + 1 : j;
      }
      if (i < 0) return -1;
    }
    return -1;
  }

  private static boolean startsWith(byte[] b, int at, String prefix) {
    if (at + prefix.length() > b.length) return false;
    for (int k = 0; k < prefix.length(); k++) {
      if (b[at + k] != prefix.charAt(k)) return false;
    }
    return true;
  }

  /** The offset just after the first {@code end} at or after {@code from}, or -1. */
  private static int skipPast(byte[] b, int from, String end) {
    byte first = (byte) end.charAt(0);
    for (int k = from; k + end.length() <= b.length; k++) {
      if (b[k] == first && startsWith(b, k, end)) return k + end.length();
    }
    return -1;
  }

  private static int indexOf(byte[] b, int from, byte c) {
    for (int k = from; k < b.length; k++) {
      if (b[k] == c) return k;
    }
    return -1;
  }
}
