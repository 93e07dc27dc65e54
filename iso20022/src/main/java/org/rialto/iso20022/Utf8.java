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


  /**
   * Offset of the first start tag with more than {@code maxAttributes} attributes (namespace
   * declarations included), or -1. Checked on the bytes because Aalto's cost for one start tag
   * grows with the square of its attribute count (200,000 attributes: minutes), so the count must
   * be bounded before the parser sees the tag.
   *
   * <p>A fast filter first: each attribute takes at least five bytes ({@code  a=""}) and a start
   * tag holds no '<' (not even in a quoted value: the parser stops there), so a tag with too many
   * attributes shows as a long gap between two '<'. Only the markup before such a gap (long text,
   * or an attack) is counted exactly, with quotes, comments and CDATA understood.
   */
  static int tooManyAttributes(byte[] b, int maxAttributes) {
    if (maxAttributes < 0) throw new IllegalArgumentException("maxAttributes must be >= 0");
    int n = b.length;
    long minGap = 5L * (maxAttributes + 1);
    int lastLt = -1;
    int i = 0;
    while (i + 8 <= n) {
      long x = ((long) LONGS.get(b, i)) ^ LT_BYTES;
      // Exact zero-byte test (no borrow false positives): one bit per '<'.
      long hits = ~(((x & ~HIGH_BITS) + ~HIGH_BITS) | x | ~HIGH_BITS);
      while (hits != 0) {
        int at = i + (Long.numberOfTrailingZeros(hits) >>> 3);
        hits &= hits - 1;
        if (lastLt >= 0 && at - lastLt > minGap && exactCount(b, lastLt, maxAttributes) >= 0) return lastLt;
        lastLt = at;
      }
      i += 8;
    }
    for (; i < n; i++) {
      if (b[i] == '<') {
        if (lastLt >= 0 && i - lastLt > minGap && exactCount(b, lastLt, maxAttributes) >= 0) return lastLt;
        lastLt = i;
      }
    }
    if (lastLt >= 0 && n - lastLt > minGap && exactCount(b, lastLt, maxAttributes) >= 0) return lastLt;
    return -1;
  }

  private static final long LT_BYTES = 0x3C3C3C3C3C3C3C3CL;

  /** {@code at} when the markup starting there is a start tag with too many attributes, else -1. */
  private static int exactCount(byte[] b, int at, int maxAttributes) {
    int n = b.length;
    if (at + 1 >= n) return -1;
    byte next = b[at + 1];
    // Comments, CDATA, processing instructions, end tags and declarations carry no attributes.
    if (next == '!' || next == '?' || next == '/') return -1;
    int attributes = 0;
    int j = at + 1;
    while (j < n) {
      byte c = b[j];
      if (c == '"' || c == '\'') {
        int close = indexOf(b, j + 1, c);
        if (close < 0) return -1;
        j = close + 1;
      } else if (c == '=') {
        if (++attributes > maxAttributes) return at;
        j++;
      } else if (c == '>' || c == '<') {
        return -1;
      } else {
        j++;
      }
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
