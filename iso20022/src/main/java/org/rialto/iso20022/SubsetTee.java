package org.rialto.iso20022;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamReader;

/**
 * The fast path in front of the JDK's XSD validator: checks the events of one AppHdr or Document
 * against a {@link SubsetSchema} and either ACCEPTS (every element in its schema type's order and
 * count, every value within its type's facets, no attribute but the declared ones) or leaves the
 * subset at the first thing it does not model or cannot prove valid. It never reports a schema
 * error itself: a message that leaves the subset is read again from the start with the JDK's
 * validator ({@link Codec}), so it gets exactly the answer it got before. The one obligation is
 * therefore one way: whatever this accepts, the JDK's validator accepts (SchemaSubsetTest).
 *
 * <p>Where a check would need XML Schema's finer points (whitespace collapsing, leading '+',
 * exotic dates, code-point lengths), the check here is the stricter one. One tee per message type
 * per {@link ReadContext}; not thread-safe.
 */
final class SubsetTee implements StreamValidator {
  /** Longest leaf text checked here; longer ones leave the subset (the reader bounds it anyway). */
  private static final int MAX_TEXT_CHARS = 1 << 16;
  /** Deepest nesting checked here; the ISO 20022 peer messages stay well under it. */
  private static final int MAX_DEPTH = 64;

  private final SubsetSchema schema;
  private final Map<Pattern, Matcher> matchers = new IdentityHashMap<>();
  private final Text text = new Text();
  private final Text attributeText = new Text();
  /** Per open element: its type (Complex or Simple), and for a sequence the particle and its count. */
  private final Object[] types = new Object[MAX_DEPTH];
  private final int[] positions = new int[MAX_DEPTH];
  private final int[] counts = new int[MAX_DEPTH];
  private int depth;
  private boolean outside;
  private boolean accepted;

  SubsetTee(SubsetSchema schema) {
    this.schema = schema;
  }

  /** Whether the last element validated by this tee was accepted from start to end. */
  boolean accepted() {
    return accepted;
  }

  @Override
  public void begin(XmlIn reader) {
    // Reused after a read that stopped half-way too (the context is then dropped, but be exact).
    java.util.Arrays.fill(types, null);
    depth = 0;
    outside = false;
    accepted = false;
    left = null;
    text.length = 0;
  }

  /** Where the last element left the subset (element depth and name), for tests; null if it did not. */
  String left;
  private String currentName;

  private void leave() {
    outside = true;
    left = depth + ":" + currentName;
  }

  @Override
  public void start(XMLStreamReader r) {
    if (outside) return;
    if (depth >= MAX_DEPTH || !schema.namespace.equals(r.getNamespaceURI())) {
      leave();
      return;
    }
    String name = r.getLocalName();
    currentName = name;
    Object type;
    if (depth == 0) {
      if (!name.equals(schema.rootName)) {
        leave();
        return;
      }
      type = schema.rootType;
    } else {
      type = child(depth - 1, name);
      if (type == null) {
        leave();
        return;
      }
    }
    if (type instanceof SubsetSchema.Complex c && c.ok) {
      if (c.content != null ? !attributes(c, r) : r.getAttributeCount() != 0) {
        leave();
        return;
      }
      if (c.content != null) text.length = 0;
    } else if (type instanceof SubsetSchema.Simple) {
      if (r.getAttributeCount() != 0) {
        leave();
        return;
      }
      text.length = 0;
    } else {
      leave(); // unsupported
      return;
    }
    types[depth] = type;
    positions[depth] = 0;
    counts[depth] = 0;
    depth++;
  }

  /** The type of child {@code name} of the element open at {@code level}, or null to leave the subset. */
  private Object child(int level, String name) {
    if (!(types[level] instanceof SubsetSchema.Complex c) || c.content != null) return null; // text-only parent
    if (c.choice) {
      if (counts[level] != 0) return null;
      Integer option = c.index.get(name);
      if (option == null) return null;
      counts[level] = 1;
      positions[level] = option;
      return c.types[option];
    }
    // Particle names in a sequence are distinct (SubsetSchema), so the particle is known by its
    // name, and the content model matches only if the elements so far satisfied every particle
    // skipped on the way: the current one its minOccurs, the ones in between none required.
    Integer found = c.index.get(name);
    if (found == null) return null;
    int k = found;
    int pos = positions[level];
    int count = counts[level];
    if (k == pos) {
      if (count >= c.max[k]) return null;
      counts[level] = count + 1;
      return c.types[k];
    }
    if (k < pos || count < c.min[pos] || c.requiredBefore[k] != c.requiredBefore[pos + 1]) return null;
    positions[level] = k;
    counts[level] = 1;
    return c.types[k];
  }

  private boolean attributes(SubsetSchema.Complex c, XMLStreamReader r) {
    int n = r.getAttributeCount();
    int required = 0;
    for (boolean b : c.attributeRequired) if (b) required++;
    int requiredSeen = 0;
    for (int i = 0; i < n; i++) {
      String ns = r.getAttributeNamespace(i);
      if (ns != null && !ns.isEmpty()) return false; // xsi:type, xsi:nil, foreign attributes
      String local = r.getAttributeLocalName(i);
      int k = -1;
      for (int j = 0; j < c.attributeNames.length; j++) {
        if (c.attributeNames[j].equals(local)) k = j;
      }
      if (k < 0) return false;
      String value = r.getAttributeValue(i);
      // Attribute values reach the validator normalized by the parser; the declared types are
      // strings with patterns that allow no whitespace at all, so the raw value is checked as is.
      attributeText.set(value);
      if (!valid(c.attributeTypes[k], attributeText)) return false;
      if (c.attributeRequired[k]) requiredSeen++;
    }
    return requiredSeen == required;
  }

  @Override
  public void characters(char[] chars, int start, int length) {
    if (outside || depth == 0) return;
    Object type = types[depth - 1];
    boolean textual = type instanceof SubsetSchema.Simple || ((SubsetSchema.Complex) type).content != null;
    if (textual) {
      if (!text.append(chars, start, length)) leave();
      return;
    }
    // Element-only content: white space between child elements is all XML Schema allows.
    for (int i = start; i < start + length; i++) {
      char ch = chars[i];
      if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
        leave();
        return;
      }
    }
  }

  @Override
  public void end(XMLStreamReader r) {
    if (outside) return;
    currentName = r.getLocalName();
    int level = depth - 1;
    Object type = types[level];
    boolean ok;
    if (type instanceof SubsetSchema.Simple s) {
      ok = valid(s, text);
    } else {
      SubsetSchema.Complex c = (SubsetSchema.Complex) type;
      if (c.content != null) {
        ok = valid(c.content, text);
      } else if (c.choice) {
        ok = counts[level] == 1;
      } else {
        int pos = positions[level];
        ok = pos >= c.names.length || (counts[level] >= c.min[pos] && c.restOptional[pos + 1]);
      }
    }
    types[level] = null;
    text.length = 0;
    if (!ok) {
      leave();
      return;
    }
    depth = level;
  }

  @Override
  public void finish() {
    accepted = !outside && depth == 0;
  }

  // ---- values ------------------------------------------------------------------------------

  private boolean valid(SubsetSchema.Simple s, Text t) {
    return switch (s.base) {
      case STRING -> validString(s, t);
      case DECIMAL -> validDecimal(s, t);
      case DATE -> t.length == 10 && date(t, 0);
      case DATE_TIME -> t.length >= 19 && date(t, 0) && t.chars[10] == 'T' && time(t, 11);
      case TIME -> time(t, 0);
      case BOOLEAN -> t.equalsAscii("true") || t.equalsAscii("false");
    };
  }

  private boolean validString(SubsetSchema.Simple s, Text t) {
    int utf16 = t.length;
    // XML Schema counts characters (code points); a surrogate pair is two UTF-16 units. An upper
    // bound is checked on the units (never fewer than the code points), a lower one on the code
    // points (never more than the units), so either counting would accept what passes here.
    if (s.maxLength >= 0 && utf16 > s.maxLength) return false;
    if (s.minLength >= 0 && (utf16 < s.minLength || t.codePointCount() < s.minLength)) return false;
    if (s.length >= 0 && (utf16 != s.length || t.hasSurrogates())) return false;
    if (s.enumeration != null && !t.equalsAny(s.enumeration)) return false;
    if (s.pattern != null && (s.simplePattern == null || !s.simplePattern.matches(t.chars, t.length))) {
      // The greedy matcher refused or does not apply: java.util.regex, which backtracks, decides.
      Matcher m = matchers.computeIfAbsent(s.pattern, p -> p.matcher(""));
      if (!m.reset(t).matches()) return false;
    }
    return true;
  }

  /**
   * The lexical subset -?d+(.d+)?: no sign '+', no whitespace, no leading or trailing '.'. Digits
   * are counted as written, leading and trailing zeros included, which is never fewer than
   * XML Schema's count on the value.
   */
  private static boolean validDecimal(SubsetSchema.Simple s, Text t) {
    char[] b = t.chars;
    int n = t.length;
    int i = 0;
    boolean negative = n > 0 && b[0] == '-';
    if (negative) i++;
    int integerDigits = 0;
    while (i < n && b[i] >= '0' && b[i] <= '9') {
      i++;
      integerDigits++;
    }
    if (integerDigits == 0) return false;
    int fractionDigits = 0;
    if (i < n) {
      if (b[i] != '.') return false;
      i++;
      while (i < n && b[i] >= '0' && b[i] <= '9') {
        i++;
        fractionDigits++;
      }
      if (fractionDigits == 0 || i != n) return false;
    }
    if (s.totalDigits >= 0 && integerDigits + fractionDigits > s.totalDigits) return false;
    if (s.fractionDigits >= 0 && fractionDigits > s.fractionDigits) return false;
    boolean bounded = s.maxInclusive != null || s.maxExclusive != null || s.minExclusive != null
        || (s.minInclusive != null && (negative || s.minInclusive.signum() > 0));
    if (!bounded) return true; // no bound, or only minInclusive <= 0 with a value that has no '-'
    BigDecimal v = new BigDecimal(b, 0, n);
    if (s.minInclusive != null && v.compareTo(s.minInclusive) < 0) return false;
    if (s.maxInclusive != null && v.compareTo(s.maxInclusive) > 0) return false;
    if (s.minExclusive != null && v.compareTo(s.minExclusive) <= 0) return false;
    if (s.maxExclusive != null && v.compareTo(s.maxExclusive) >= 0) return false;
    return true;
  }

  /** YYYY-MM-DD at {@code at}: years 1000 to 9998, a real day of a real month, no timezone. */
  private static boolean date(Text t, int at) {
    char[] b = t.chars;
    if (at + 10 > t.length || b[at + 4] != '-' || b[at + 7] != '-') return false;
    int year = digits(b, at, 4);
    int month = digits(b, at + 5, 2);
    int day = digits(b, at + 8, 2);
    if (year < 1000 || year > 9998 || month < 1 || month > 12 || day < 1) return false;
    return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  /**
   * hh:mm:ss at {@code at} (hours 00 to 23, no leap second), an optional fraction of 1 to 9
   * digits, then the end, Z or +-hh:mm with hh up to 13: for xs:time and the time of xs:dateTime.
   */
  private static boolean time(Text t, int at) {
    char[] b = t.chars;
    int n = t.length;
    if (at + 8 > n || b[at + 2] != ':' || b[at + 5] != ':') return false;
    int hour = digits(b, at, 2);
    int minute = digits(b, at + 3, 2);
    int second = digits(b, at + 6, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
    int i = at + 8;
    if (i < n && b[i] == '.') {
      int count = 0;
      while (i + 1 + count < n && b[i + 1 + count] >= '0' && b[i + 1 + count] <= '9') count++;
      if (count == 0 || count > 9) return false;
      i += 1 + count;
    }
    if (i == n) return true;
    if (b[i] == 'Z') return i + 1 == n;
    if ((b[i] != '+' && b[i] != '-') || n != i + 6 || b[i + 3] != ':') return false;
    int tzHour = digits(b, i + 1, 2);
    int tzMinute = digits(b, i + 4, 2);
    return tzHour >= 0 && tzHour <= 13 && tzMinute >= 0 && tzMinute <= 59;
  }

  /** The value of {@code count} ASCII digits at {@code at}, or -1 if any is not a digit. */
  private static int digits(char[] b, int at, int count) {
    if (count <= 0) return -1;
    int v = 0;
    for (int i = at; i < at + count; i++) {
      char ch = b[i];
      if (ch < '0' || ch > '9') return -1;
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  /** A leaf's text, gathered from its chunks into one reused buffer. */
  private static final class Text implements CharSequence {
    char[] chars = new char[256];
    int length;

    boolean append(char[] src, int start, int count) {
      if (length + count > MAX_TEXT_CHARS) return false;
      if (length + count > chars.length) chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
      System.arraycopy(src, start, chars, length, count);
      length += count;
      return true;
    }

    void set(String s) {
      length = 0;
      if (s.length() > chars.length) chars = new char[s.length()];
      s.getChars(0, s.length(), chars, 0);
      length = s.length();
    }

    boolean hasSurrogates() {
      for (int i = 0; i < length; i++) if (Character.isSurrogate(chars[i])) return true;
      return false;
    }

    int codePointCount() {
      return Character.codePointCount(chars, 0, length);
    }

    boolean equalsAny(String[] values) {
      for (String v : values) if (equalsAscii(v)) return true;
      return false;
    }

    /** Whether this text is {@code s}, char for char. */
    boolean equalsAscii(String s) {
      if (s.length() != length) return false;
      for (int i = 0; i < length; i++) if (chars[i] != s.charAt(i)) return false;
      return true;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      if (index >= length) throw new IndexOutOfBoundsException(index);
      return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
      return new String(chars, 0, length);
    }
  }
}
