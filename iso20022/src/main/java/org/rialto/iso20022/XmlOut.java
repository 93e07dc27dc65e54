package org.rialto.iso20022;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes XML straight into a StringBuilder: typed writers emit children in schema order, and the
 * untyped children a record keeps ({@link XmlElement}s) are slotted in between them by their
 * position in the XSD ({@link SchemaOrder}). Text is escaped and characters XML cannot carry are
 * refused (IllegalArgumentException), so the output is always well-formed.
 */
final class XmlOut {
  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  private static final int INITIAL_CAPACITY = 8192;
  /** A builder grown past this is dropped after use rather than pooled, so memory stays bounded. */
  private static final int MAX_POOLED_CAPACITY = 1 << 20;
  private static final int MAX_POOLED = 64;
  private static final java.util.concurrent.ConcurrentLinkedQueue<XmlOut> POOL = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private static final java.util.concurrent.atomic.AtomicInteger POOLED = new java.util.concurrent.atomic.AtomicInteger();

  private StringBuilder sb;
  /** Set when a character beyond Latin-1 was written: the builder then holds UTF-16 for good. */
  private boolean wide;
  @SuppressWarnings("unchecked")
  private List<XmlElement>[] frameOthers = new List[32];
  private int[] framePos = new int[32];
  @SuppressWarnings("unchecked")
  private Map<String, Integer>[] frameOrder = new Map[32];
  private String[] frameType = new String[32];
  private String[] frameNamespace = new String[32];
  private String[] frameName = new String[32];
  private int top;

  XmlOut(int capacity) {
    this.sb = new StringBuilder(capacity);
    frameNamespace[0] = "";
  }

  /** A writer from the pool (allocating a buffer per message costs more than writing it). */
  static XmlOut acquire() {
    XmlOut out = POOL.poll();
    if (out == null) return new XmlOut(INITIAL_CAPACITY);
    POOLED.decrementAndGet();
    return out;
  }

  /** Returns this writer to the pool, emptied; its output must have been taken. */
  void release() {
    if (top != 0) return;
    if (sb.capacity() > MAX_POOLED_CAPACITY || wide) {
      sb = new StringBuilder(INITIAL_CAPACITY);
      wide = false;
    } else {
      sb.setLength(0);
    }
    if (POOLED.incrementAndGet() <= MAX_POOLED) {
      POOL.offer(this);
    } else {
      POOLED.decrementAndGet();
    }
  }

  void prolog() {
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  }

  /** Opens an element that declares {@code namespace} as the default namespace. */
  void startRoot(String name, String namespace) {
    flush(name);
    push(name, null, null, null, namespace);
    sb.append('<').append(name).append(" xmlns=\"");
    attributeText(namespace);
    sb.append("\">");
  }

  /** Like {@link #startRoot(String, String)}, for a root with untyped children (see {@link #start(String, String, List)}). */
  void startRoot(String name, String namespace, String type, List<XmlElement> others) {
    startRoot(name, namespace);
    if (!others.isEmpty()) {
      Map<String, Integer> order = SchemaOrder.of(type);
      frameOthers[top] = sorted(others, order, type);
      frameOrder[top] = order;
      frameType[top] = type;
    }
  }

  /** Opens an element in no namespace (the Envelope wrapper). */
  void startUnqualified(String name) {
    flush(name);
    push(name, null, null, null, "");
    sb.append('<').append(name);
    if (!frameNamespace[top - 1].isEmpty()) sb.append(" xmlns=\"\"");
    sb.append('>');
  }

  void start(String name) {
    flush(name);
    push(name, null, null, null, frameNamespace[top]);
    sb.append('<').append(name).append('>');
  }

  /**
   * Opens an element of schema type {@code type} whose untyped children {@code others} are
   * written in schema order among the typed children that follow.
   */
  void start(String name, String type, List<XmlElement> others) {
    flush(name);
    if (others.isEmpty()) {
      push(name, null, null, null, frameNamespace[top]);
    } else {
      Map<String, Integer> order = SchemaOrder.of(type);
      push(name, sorted(others, order, type), order, type, frameNamespace[top]);
    }
    sb.append('<').append(name).append('>');
  }

  void end(String name) {
    if (top == 0 || !name.equals(frameName[top])) {
      throw new IllegalStateException("closing " + name + " but the open element is " + (top == 0 ? "none" : frameName[top]));
    }
    List<XmlElement> others = frameOthers[top];
    if (others != null) {
      for (int i = framePos[top]; i < others.size(); i++) generic(others.get(i), frameNamespace[top]);
    }
    frameOthers[top] = null;
    frameOrder[top] = null;
    top--;
    sb.append("</").append(name).append('>');
  }

  void leaf(String name, String text) {
    if (text == null) return;
    flush(name);
    sb.append('<').append(name).append('>');
    text(text);
    sb.append("</").append(name).append('>');
  }

  void leaves(String name, List<String> texts) {
    for (String t : texts) leaf(name, t);
  }

  void leaf(String name, BigDecimal value) {
    if (value == null) return;
    flush(name);
    sb.append('<').append(name).append('>').append(Lexical.decimal(value)).append("</").append(name).append('>');
  }

  void leaf(String name, LocalDate value) {
    if (value == null) return;
    flush(name);
    sb.append('<').append(name).append('>');
    Lexical.date(sb, value);
    sb.append("</").append(name).append('>');
  }

  void leaf(String name, OffsetDateTime value) {
    if (value == null) return;
    flush(name);
    sb.append('<').append(name).append('>');
    Lexical.dateTime(sb, value);
    sb.append("</").append(name).append('>');
  }

  void leaf(String name, OffsetTime value) {
    if (value == null) return;
    flush(name);
    sb.append('<').append(name).append('>');
    Lexical.time(sb, value);
    sb.append("</").append(name).append('>');
  }

  void leaf(String name, Boolean value) {
    if (value == null) return;
    flush(name);
    sb.append('<').append(name).append('>').append(value.booleanValue()).append("</").append(name).append('>');
  }

  void leaf(String name, Enum<?> value) {
    if (value == null) return;
    flush(name);
    sb.append('<').append(name).append('>').append(value.name()).append("</").append(name).append('>');
  }

  void amount(String name, Amount amount) {
    if (amount == null) return;
    flush(name);
    sb.append('<').append(name).append(" Ccy=\"").append(amount.currency()).append("\">")
        .append(Lexical.decimal(amount.value())).append("</").append(name).append('>');
  }

  /** Writes an untyped element at its place among the current element's children. */
  void element(XmlElement e) {
    if (e == null) return;
    flush(e.name());
    generic(e, frameNamespace[top]);
  }

  byte[] toBytes() {
    if (top != 0) throw new IllegalStateException("unclosed elements: " + top);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  String asString() {
    if (top != 0) throw new IllegalStateException("unclosed elements: " + top);
    return sb.toString();
  }

  // ---- internals ---------------------------------------------------------------------------

  private void push(String name, List<XmlElement> others, Map<String, Integer> order, String type, String namespace) {
    top++;
    if (top == frameOthers.length) {
      int n = frameOthers.length * 2;
      frameOthers = Arrays.copyOf(frameOthers, n);
      framePos = Arrays.copyOf(framePos, n);
      frameOrder = Arrays.copyOf(frameOrder, n);
      frameType = Arrays.copyOf(frameType, n);
      frameNamespace = Arrays.copyOf(frameNamespace, n);
      frameName = Arrays.copyOf(frameName, n);
    }
    frameOthers[top] = others;
    framePos[top] = 0;
    frameOrder[top] = order;
    frameType[top] = type;
    frameNamespace[top] = namespace;
    frameName[top] = name;
  }

  private static List<XmlElement> sorted(List<XmlElement> others, Map<String, Integer> order, String type) {
    int previous = -1;
    boolean inOrder = true;
    for (XmlElement e : others) {
      Integer index = order.get(e.name());
      if (index == null) {
        throw new IllegalArgumentException("untyped element " + e.name() + " is not a child of " + type);
      }
      if (index < previous) inOrder = false;
      previous = index;
    }
    if (inOrder) return others;
    List<XmlElement> copy = new ArrayList<>(others);
    copy.sort(Comparator.comparingInt(e -> order.get(e.name())));
    return copy;
  }

  /** Writes the untyped children that the schema places before {@code name}. */
  private void flush(String name) {
    List<XmlElement> others = frameOthers[top];
    if (others == null) return;
    int pos = framePos[top];
    if (pos >= others.size()) return;
    Map<String, Integer> order = frameOrder[top];
    Integer index = order.get(name);
    if (index == null) throw new IllegalStateException(name + " is not a child of " + frameType[top]);
    while (pos < others.size()) {
      XmlElement e = others.get(pos);
      int otherIndex = order.get(e.name());
      if (otherIndex > index) break;
      if (otherIndex == index) {
        throw new IllegalArgumentException(
            "element " + name + " of " + frameType[top] + " is both typed and among the untyped elements");
      }
      generic(e, frameNamespace[top]);
      pos++;
    }
    framePos[top] = pos;
  }

  private void generic(XmlElement e, String inScope) {
    checkName(e.name());
    sb.append('<').append(e.name());
    String ns = e.namespace();
    if (!ns.equals(inScope)) {
      sb.append(" xmlns=\"");
      attributeText(ns);
      sb.append('"');
    }
    int prefixes = 0;
    for (XmlAttribute a : e.attributes()) {
      checkName(a.name());
      sb.append(' ');
      if (a.namespace().isEmpty()) {
        sb.append(a.name());
      } else if (a.namespace().equals(XML_NS)) {
        sb.append("xml:").append(a.name());
      } else {
        prefixes++;
        sb.append("xmlns:a").append(prefixes).append("=\"");
        attributeText(a.namespace());
        sb.append("\" a").append(prefixes).append(':').append(a.name());
      }
      sb.append("=\"");
      attributeText(a.value());
      sb.append('"');
    }
    sb.append('>');
    if (e.children().isEmpty()) {
      text(e.text());
    } else {
      for (XmlElement c : e.children()) generic(c, ns);
    }
    sb.append("</").append(e.name()).append('>');
  }

  private static void checkName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c > 0x7F
          || (i > 0 && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
      if (!ok) throw new IllegalArgumentException("not an XML name: '" + name + "'");
    }
  }

  private void text(String s) {
    escape(s, false);
  }

  private void attributeText(String s) {
    escape(s, true);
  }

  private void escape(String s, boolean attribute) {
    int n = s.length();
    int plainFrom = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0xD800 && c != '<' && c != '>' && c != '&' && c != '"') {
        if (c > 0xFF) wide = true;
        continue;
      }
      if (c >= 0xE000 && c <= 0xFFFD) {
        wide = true;
        continue;
      }
      sb.append(s, plainFrom, i);
      plainFrom = i + 1;
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append(attribute ? "&quot;" : "\"");
        case '\r' -> sb.append("&#13;");
        case '\n' -> sb.append(attribute ? "&#10;" : "\n");
        case '\t' -> sb.append(attribute ? "&#9;" : "\t");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
            wide = true;
            sb.append(c).append(s.charAt(i + 1));
            i++;
            plainFrom = i + 1;
          } else {
            throw new IllegalArgumentException(
                "character U+" + String.format("%04X", (int) c) + " cannot be written in XML");
          }
        }
      }
    }
    sb.append(s, plainFrom, n);
  }
}
