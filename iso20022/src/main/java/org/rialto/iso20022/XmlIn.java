package org.rialto.iso20022;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A cursor over a StAX stream for the typed readers: it walks child elements, reads leaf text and
 * converts values, enforces the {@link Limits} on every event, knows the current path for
 * findings, and (when a {@link SchemaTee} is attached) forwards every event to the XSD validator.
 *
 * <p>Protocol: {@link #nextChild()} returns true positioned on a child's start tag; the caller
 * then consumes that child exactly once (text, a typed reader looping on nextChild, {@link
 * #element()} or {@link #skip()}). nextChild returns false after consuming the parent's end tag.
 */
final class XmlIn {
  private XMLStreamReader r;
  private Limits limits;
  private Findings schemaFindings;
  private final List<Finding> ruleFindings = new ArrayList<>();
  private String[] names;
  private int[] indexes;
  private String[] lastChild;
  private int[] lastChildIndex;
  private int depth;
  private boolean lastWasEnd;
  private int elements;
  private String strictNamespace;
  private StreamValidator tee;
  private int teeDepth;
  private StringBuilder buffer;
  private int pathBase = 1;
  private String sniffedMessageId;

  /** A cursor to be {@link #reset} before each document; pooled with its {@link ReadContext}. */
  XmlIn() {}

  XmlIn reset(XMLStreamReader reader, Limits newLimits, Findings findings) {
    this.r = reader;
    this.schemaFindings = findings;
    if (names == null || limits == null || limits.maxDepth() != newLimits.maxDepth()) {
      int size = newLimits.maxDepth() + 2;
      names = new String[size];
      indexes = new int[size];
      lastChild = new String[size];
      lastChildIndex = new int[size];
    } else {
      java.util.Arrays.fill(lastChild, null);
    }
    this.limits = newLimits;
    ruleFindings.clear();
    depth = 0;
    lastWasEnd = false;
    elements = 0;
    strictNamespace = null;
    tee = null;
    teeDepth = 0;
    pathBase = 1;
    sniffedMessageId = null;
    return this;
  }

  // ---- findings ----------------------------------------------------------------------------

  ParseAbort abort(String text) {
    return new ParseAbort(new Finding(ReasonCode.FF01, path(), text));
  }

  /** "unexpected element X" for the child the cursor is on. */
  ParseAbort unexpected() {
    return abort("unexpected element " + r.getLocalName() + " in " + (depth > 1 ? names[depth - 1] : "the document"));
  }

  /**
   * The path of the element most recently read: after an end tag the path still names it (a
   * record built from it failed its checks), otherwise the current element.
   */
  String lastPath() {
    if (!lastWasEnd) return path();
    depth++;
    try {
      return path();
    } finally {
      depth--;
    }
  }

  void schemaFinding(String text) {
    if (schemaFindings.size() >= limits.maxFindings()) {
      // Enough to reject; formatting thousands more validator messages would only cost time.
      throw abort("more than " + limits.maxFindings() + " schema violations; validation stopped");
    }
    schemaFindings.add(ReasonCode.FF01, path(), text);
  }

  /** A business-rule finding noticed while parsing (e.g. a date-time without a UTC offset). */
  void ruleFinding(ReasonCode code, String text) {
    if (ruleFindings.size() < limits.maxFindings()) ruleFindings.add(new Finding(code, path(), text));
  }

  /** A copy: the cursor is reused for the next document. */
  List<Finding> ruleFindings() {
    return ruleFindings.isEmpty() ? List.of() : List.copyOf(ruleFindings);
  }

  /** The XPath-like location of the current element, e.g. /Document/FIToFICstmrCdtTrf/CdtTrfTxInf[2]. */
  String path() {
    if (depth == 0) return "/";
    StringBuilder sb = new StringBuilder(96);
    int from = pathBase <= depth ? pathBase : 1;
    for (int d = from; d <= depth && d < names.length; d++) {
      sb.append('/').append(names[d]);
      if (indexes[d] > 1) sb.append('[').append(indexes[d]).append(']');
    }
    return sb.toString();
  }

  // ---- navigation --------------------------------------------------------------------------

  private int next() {
    try {
      int ev = r.next();
      if (ev == XMLStreamConstants.DTD) {
        throw abort("a DOCTYPE is not allowed: ISO 20022 messages carry no DTD and no entities");
      }
      if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
        throw abort("entity reference &" + r.getLocalName() + "; is not allowed");
      }
      return ev;
    } catch (XMLStreamException e) {
      throw abort("not well-formed XML: " + cleanMessage(e));
    } catch (ParseAbort e) {
      throw e;
    } catch (RuntimeException e) {
      // Parsers throw unchecked exceptions on some malformed input: still not well-formed.
      XMLStreamException x = streamError(e);
      throw abort("not well-formed XML: " + (x != null ? cleanMessage(x) : e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  static String cleanMessage(XMLStreamException e) {
    String m = e.getMessage();
    if (m == null) return e.getClass().getSimpleName();
    // Parsers put the location on a second line ("... at [row,col {unknown-source}]: [1,5]");
    // a finding is one line.
    return m.replace('\n', ' ').replace("Message: ", "");
  }

  /** The XMLStreamException {@code t} wraps (a parser's unchecked wrapper), or null. */
  static XMLStreamException streamError(Throwable t) {
    Throwable c = t;
    for (int i = 0; i < 8 && c != null; i++) {
      if (c instanceof XMLStreamException x) return x;
      c = c.getCause();
    }
    return null;
  }

  /** Moves from the start of the document to the root element's start tag. */
  void root() {
    String declared = r.getCharacterEncodingScheme();
    if (declared != null && !declared.equalsIgnoreCase("UTF-8")) {
      throw abort("encoding " + declared + " is not allowed: ISO 20022 messages are UTF-8");
    }
    String actual = r.getEncoding();
    if (actual != null && !actual.equalsIgnoreCase("UTF-8") && !actual.equalsIgnoreCase("UTF8")) {
      throw abort("input is " + actual + ", not UTF-8: ISO 20022 messages are UTF-8");
    }
    while (true) {
      int ev = next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> {
          enter();
          return;
        }
        case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.SPACE -> {}
        case XMLStreamConstants.CHARACTERS -> {
          if (!r.isWhiteSpace()) throw abort("text before the root element");
        }
        default -> throw abort("no root element");
      }
    }
  }

  /** After the root element's end tag: only comments and white space may follow. */
  void finish() {
    while (true) {
      int ev = next();
      switch (ev) {
        case XMLStreamConstants.END_DOCUMENT -> {
          return;
        }
        case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.SPACE -> {}
        case XMLStreamConstants.CHARACTERS -> {
          if (!r.isWhiteSpace()) throw abort("text after the root element");
        }
        default -> throw abort("content after the root element");
      }
    }
  }

  /** ISO 20022 names are at most 35 characters; a longer one would only bloat paths and findings. */
  static final int MAX_NAME_CHARS = 256;

  private void enter() {
    if (r.getLocalName().length() > MAX_NAME_CHARS) {
      // Checked before entering, so the finding's path names the parent, not a megabyte name.
      throw abort("an element name is longer than " + MAX_NAME_CHARS + " characters");
    }
    lastWasEnd = false;
    depth++;
    elements++;
    if (depth > limits.maxDepth()) {
      depth--;
      throw abort("elements nested deeper than " + limits.maxDepth());
    }
    if (elements > limits.maxElements()) throw abort("more than " + limits.maxElements() + " elements");
    String name = r.getLocalName();
    names[depth] = name;
    if (name.equals(lastChild[depth])) {
      indexes[depth] = ++lastChildIndex[depth];
    } else {
      lastChild[depth] = name;
      lastChildIndex[depth] = 1;
      indexes[depth] = 1;
    }
    lastChild[depth + 1] = null;
    int attributeCount = r.getAttributeCount();
    for (int i = 0; i < attributeCount; i++) {
      if (r.getAttributeValue(i).length() > limits.maxTextChars()) {
        throw abort("attribute " + r.getAttributeLocalName(i) + " longer than " + limits.maxTextChars() + " characters");
      }
    }
    if (tee != null) tee.start(r);
  }

  private void leave() {
    if (depth <= 0) throw new IllegalStateException("left more elements than were entered");
    if (tee != null) {
      tee.end(r);
      if (depth == teeDepth) {
        StreamValidator done = tee;
        tee = null;
        done.finish();
      }
    }
    depth--;
    lastWasEnd = true;
  }

  /** Starts validating the element the cursor is on (an AppHdr or a Document) with {@code t}. */
  void validateWith(StreamValidator t) {
    if (tee != null) throw new IllegalStateException("validation already running");
    tee = t;
    teeDepth = depth;
    t.begin(this);
    t.start(r);
  }

  /** Paths start at the element the cursor is on (an AppHdr or Document), until {@link #resetPathBase()}. */
  void pathBaseHere() {
    pathBase = depth;
  }

  void resetPathBase() {
    pathBase = 1;
  }

  /** The first MsgId or BizMsgIdr read, for a reject of a message that fails later; or null. */
  String sniffedMessageId() {
    return sniffedMessageId;
  }

  /** Elements read by {@link #nextChild()} must be in {@code namespace} (null: any). */
  void strictNamespace(String namespace) {
    this.strictNamespace = namespace;
  }

  String name() {
    return r.getLocalName();
  }

  String namespace() {
    String ns = r.getNamespaceURI();
    return ns == null ? "" : ns;
  }

  int depth() {
    return depth;
  }

  /** See the class comment. Text other than white space between elements is an error. */
  boolean nextChild() {
    while (true) {
      int ev = next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> {
          enter();
          if (strictNamespace != null && !strictNamespace.equals(r.getNamespaceURI())) {
            throw abort("element " + r.getLocalName() + " is in namespace '" + namespace() + "', expected '" + strictNamespace + "'");
          }
          return true;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          leave();
          return false;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!r.isWhiteSpace()) throw abort("text is not allowed in element " + names[depth]);
        }
        case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {}
        default -> throw abort("unexpected end of input inside " + names[depth]);
      }
    }
  }

  /** Like {@link #nextChild()} for wrapper elements of unknown schema: their text is ignored. */
  boolean nextWrapperChild() {
    while (true) {
      int ev = next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> {
          enter();
          return true;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          leave();
          return false;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
            XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {}
        default -> throw abort("unexpected end of input inside " + names[depth]);
      }
    }
  }

  /** Skips the element the cursor is on, with its content. */
  void skip() {
    int level = 1;
    while (level > 0) {
      int ev = next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        enter();
        level++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        leave();
        level--;
      } else if (ev == XMLStreamConstants.END_DOCUMENT) {
        throw abort("unexpected end of input");
      }
    }
  }

  // ---- values ------------------------------------------------------------------------------

  /** The attribute {@code localName} of the element the cursor is on, or null. */
  String attribute(String localName) {
    return r.getAttributeValue(null, localName);
  }

  /** The text of the leaf element the cursor is on ("" when empty); consumes its end tag. */
  String text() {
    String first = null;
    StringBuilder sb = null;
    int total = 0;
    while (true) {
      int ev = next();
      switch (ev) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          int length = r.getTextLength();
          total += length;
          if (total > limits.maxTextChars()) {
            throw abort("text longer than " + limits.maxTextChars() + " characters");
          }
          if (tee != null) tee.characters(r.getTextCharacters(), r.getTextStart(), length);
          if (sb != null) {
            sb.append(r.getTextCharacters(), r.getTextStart(), length);
          } else if (first == null) {
            first = r.getText();
          } else {
            sb = buffer == null ? (buffer = new StringBuilder(256)) : buffer;
            sb.setLength(0);
            sb.append(first).append(r.getTextCharacters(), r.getTextStart(), length);
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          String result = sb != null ? sb.toString() : first == null ? "" : first;
          if (sniffedMessageId == null && depth <= pathBase + 3) {
            String name = names[depth];
            if (name.equals("MsgId") || name.equals("BizMsgIdr")) sniffedMessageId = result;
          }
          leave();
          return result;
        }
        case XMLStreamConstants.START_ELEMENT -> {
          String parent = names[depth];
          throw abort("element " + parent + " holds text, not element " + r.getLocalName());
        }
        case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {}
        default -> throw abort("unexpected end of input in " + names[depth]);
      }
    }
  }

  BigDecimal decimal() {
    String s = text();
    try {
      return Lexical.decimal(s);
    } catch (IllegalArgumentException e) {
      throw abortAfterText(e.getMessage());
    }
  }

  /** Reads an amount element: {@code <X Ccy="EUR">10.00</X>}. */
  Amount amount() {
    String currency = attribute("Ccy");
    String name = name();
    String s = text();
    if (currency == null) throw abortAfterText("amount " + name + " has no Ccy attribute");
    try {
      return new Amount(currency, Lexical.decimal(s));
    } catch (IllegalArgumentException e) {
      throw abortAfterText("amount " + name + ": " + e.getMessage());
    }
  }

  LocalDate date() {
    String s = text();
    try {
      return Lexical.date(s);
    } catch (IllegalArgumentException e) {
      throw abortAfterText(e.getMessage());
    }
  }

  OffsetDateTime dateTime() {
    String name = name();
    String s = text();
    try {
      OffsetDateTime t = Lexical.dateTime(s);
      if (!Lexical.hasZone(s)) noOffset(name, s);
      return t;
    } catch (IllegalArgumentException e) {
      throw abortAfterText(e.getMessage());
    }
  }

  OffsetTime time() {
    String name = name();
    String s = text();
    try {
      OffsetTime t = Lexical.time(s);
      if (!Lexical.hasZone(s)) noOffset(name, s);
      return t;
    } catch (IllegalArgumentException e) {
      throw abortAfterText(e.getMessage());
    }
  }

  /** A time without a UTC offset is read as UTC; the finding names the element just read. */
  private void noOffset(String name, String s) {
    depth++;
    ruleFinding(ReasonCode.DT01, name + " '" + s.strip() + "' has no UTC offset; read as UTC");
    depth--;
  }

  boolean bool() {
    String s = text();
    try {
      return Lexical.bool(s);
    } catch (IllegalArgumentException e) {
      throw abortAfterText(e.getMessage());
    }
  }

  /** Reads a code element into {@code type}; a value outside the code set is FF01. */
  <E extends Enum<E>> E code(Class<E> type) {
    String s = Lexical.trim(text());
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      throw abortAfterText("'" + s + "' is not a valid " + type.getSimpleName() + " code");
    }
  }

  /** After text() consumed the end tag, the path still names the element the value came from. */
  private ParseAbort abortAfterText(String text) {
    depth++;
    try {
      return abort(text);
    } finally {
      depth--;
    }
  }

  /** Reads the element the cursor is on, whatever it holds, as an {@link XmlElement}. */
  XmlElement element() {
    String ns = namespace();
    String name = r.getLocalName();
    List<XmlAttribute> attributes = List.of();
    int attributeCount = r.getAttributeCount();
    if (attributeCount > 0) {
      attributes = new ArrayList<>(attributeCount);
      for (int i = 0; i < attributeCount; i++) {
        String ans = r.getAttributeNamespace(i);
        attributes.add(new XmlAttribute(ans == null ? "" : ans, r.getAttributeLocalName(i), r.getAttributeValue(i)));
      }
    }
    List<XmlElement> children = null;
    StringBuilder text = null;
    boolean hasText = false;
    while (true) {
      int ev = next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> {
          enter();
          if (children == null) children = new ArrayList<>();
          children.add(element());
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (text == null) text = new StringBuilder();
          if (text.length() + r.getTextLength() > limits.maxTextChars()) {
            throw abort("text longer than " + limits.maxTextChars() + " characters");
          }
          if (tee != null) tee.characters(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
          text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
          if (!r.isWhiteSpace()) hasText = true;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (children != null && hasText) throw abort("mixed text and elements in " + name + " are not supported");
          leave();
          if (children != null) return new XmlElement(ns, name, attributes, null, children);
          return new XmlElement(ns, name, attributes, text == null ? "" : text.toString(), List.of());
        }
        case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {}
        default -> throw abort("unexpected end of input in " + name);
      }
    }
  }

  /**
   * Reads a child the typed reader does not model as an {@link XmlElement}, after checking that
   * the schema type {@code order} really has such a child.
   */
  XmlElement other(Map<String, Integer> order) {
    if (!order.containsKey(r.getLocalName())) {
      throw abort("unexpected element " + r.getLocalName() + " in " + names[depth - 1]);
    }
    return element();
  }

  /**
   * Fails when a mandatory child was absent (the XSD catches it too when validation is on). Call
   * right after the parent's loop ended, when the path still knows the parent.
   */
  <T> T required(T value, String childName) {
    if (value != null) return value;
    depth++;
    String parentPath;
    try {
      parentPath = path();
    } finally {
      depth--;
    }
    throw new ParseAbort(new Finding(ReasonCode.FF01, parentPath + "/" + childName, "mandatory element " + childName + " is missing"));
  }
}
