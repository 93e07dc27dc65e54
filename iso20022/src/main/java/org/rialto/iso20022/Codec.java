package org.rialto.iso20022;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads an envelope (bare Document, or AppHdr + Document in any wrapper) and writes one. */
final class Codec {
  /** How deep a Document may sit inside wrapper elements. */
  private static final int MAX_WRAPPER_DEPTH = 4;
  /** ISO 20022 elements carry one attribute (Ccy) at most; a root or wrapper a few namespace declarations. */
  static final int MAX_ATTRIBUTES_PER_ELEMENT = 32;

  private Codec() {}

  private static final class State {
    final boolean subset;
    String messageDefinitionId;
    BusinessApplicationHeader header;
    IsoMessage document;
    /** The fast-path validators this read attached, to the AppHdr and to the Document. */
    SubsetTee headerSubset;
    SubsetTee documentSubset;

    State(boolean subset) {
      this.subset = subset;
    }

    /**
     * Whether the XSD would have changed nothing: every element handed to a validator was
     * accepted whole by the fast path (so the JDK's validator accepts it too), or none was
     * handed to one at all. Until the first element is handed over, the validators cannot
     * change the course of a read; after an accepted one, the JDK's would have added nothing.
     */
    boolean conclusive() {
      return (headerSubset == null || headerSubset.accepted()) && (documentSubset == null || documentSubset.accepted());
    }
  }

  /**
   * With schema validation on, the read first runs with the fast-path validators ({@link
   * SubsetTee}); when they accept every element they were handed, that is the answer, since the
   * JDK's validator accepts all of it too. Any other outcome (a construct or value outside the
   * subset, a read that stopped inside a validated element) is thrown away and the message is
   * read again from the start with the JDK's validator, as before the fast path: the answer is
   * the same either way, and only messages outside the subset pay for two passes.
   */
  static ReadResult read(ReadContext ctx, byte[] xml, ReadOptions options) {
    if (!options.schemaValidation() || !ctx.subsetPath()) return read(ctx, xml, options, new State(false));
    State st = new State(true);
    ReadResult fast = read(ctx, xml, options, st);
    if (st.conclusive()) {
      ctx.lastReadBySubset = st.headerSubset != null || st.documentSubset != null;
      return fast;
    }
    ctx.lastReadBySubset = false;
    if (!ctx.poisoned()) return read(ctx, xml, options, new State(false));
    ReadContext fresh = ReadContext.acquire();
    try {
      return read(fresh, xml, options, new State(false));
    } finally {
      fresh.release();
    }
  }

  private static ReadResult read(ReadContext ctx, byte[] xml, ReadOptions options, State st) {
    Limits limits = options.limits();
    if (xml.length == 0) return unreadable(null, null, "/", "empty input");
    if (xml.length > limits.maxBytes()) {
      return unreadable(null, null, "/", "message of " + xml.length + " bytes exceeds the limit of " + limits.maxBytes());
    }
    String bom = unicodeBom(xml);
    if (bom != null) return unreadable(null, null, "/", "input is " + bom + ", not UTF-8: ISO 20022 messages are UTF-8");
    int invalid = Utf8.firstInvalid(xml);
    if (invalid >= 0) {
      return unreadable(null, null, "/", "not UTF-8: invalid byte 0x" + Integer.toHexString(xml[invalid] & 0xFF) + " at offset "
          + invalid + " (ISO 20022 messages are UTF-8)");
    }
    if (Utf8.hasDoctype(xml)) {
      return unreadable(null, null, "/", "a DOCTYPE is not allowed: ISO 20022 messages carry no DTD and no entities");
    }
    int crowded = Utf8.tooManyAttributes(xml, MAX_ATTRIBUTES_PER_ELEMENT);
    if (crowded >= 0) {
      return unreadable(null, null, "/", "an element at offset " + crowded + " has more than " + MAX_ATTRIBUTES_PER_ELEMENT
          + " attributes and namespace declarations");
    }
    XMLStreamReader r;
    try {
      // A byte-array source lets Aalto parse the array in place (no stream, no copy).
      r = ctx.factory.createXMLStreamReader(new org.codehaus.stax2.io.Stax2ByteArraySource(xml, 0, xml.length));
    } catch (XMLStreamException | RuntimeException e) {
      XMLStreamException malformed = e instanceof XMLStreamException x ? x : XmlIn.streamError(e);
      return unreadable(null, null, "/", "not well-formed XML: " + (malformed != null ? XmlIn.cleanMessage(malformed) : e.toString()));
    }
    Findings schemaFindings = new Findings(limits.maxFindings());
    XmlIn in = ctx.cursor(r, limits, schemaFindings);
    boolean clean = false;
    try {
      in.root();
      Envelope envelope = root(in, ctx, options, st);
      in.finish();
      clean = true;
      if (!schemaFindings.isEmpty()) return unreadable(st, in, schemaFindings.toList());
      List<Finding> findings = options.businessRules() ? Rules.check(envelope, in.ruleFindings(), options) : List.of();
      return new ReadResult.Parsed(envelope, findings);
    } catch (ParseAbort a) {
      return unreadable(st, in, withSchemaFindings(schemaFindings, a.finding));
    } catch (IllegalArgumentException e) {
      // A record refused what the XML held (only possible when the XSD did not check first).
      Finding f = new Finding(ReasonCode.FF01, in.lastPath(), "invalid content: " + e.getMessage());
      return unreadable(st, in, withSchemaFindings(schemaFindings, f));
    } catch (RuntimeException | StackOverflowError e) {
      // Aalto parses text lazily: a malformed text node surfaces as an unchecked wrapper of its
      // XMLStreamException when the text is asked for, which is still a well-formedness error.
      XMLStreamException malformed = XmlIn.streamError(e);
      String text = malformed != null ? "not well-formed XML: " + XmlIn.cleanMessage(malformed)
          : "internal error while reading (please report): " + e;
      Finding f = new Finding(ReasonCode.FF01, in.lastPath(), text);
      return unreadable(st, in, withSchemaFindings(schemaFindings, f));
    } finally {
      // A parser or validator stopped half-way may keep state (open elements, namespace
      // bindings) into its next document: such a context is never reused.
      if (!clean) ctx.poison();
      try {
        r.close();
      } catch (XMLStreamException | RuntimeException ignored) {
        // Closing a byte-array stream cannot lose data.
      }
    }
  }

  /** A UTF-16 or UTF-32 byte order mark, named; null for none or UTF-8's. */
  private static String unicodeBom(byte[] b) {
    if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) return "UTF-32BE";
    if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) return "UTF-32LE";
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return "UTF-16BE";
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return "UTF-16LE";
    if (b.length >= 2 && b[0] == 0 && b[1] == '<') return "UTF-16BE";
    if (b.length >= 2 && b[0] == '<' && b[1] == 0) return "UTF-16LE";
    return null;
  }

  private static List<Finding> withSchemaFindings(Findings schemaFindings, Finding last) {
    List<Finding> all = new ArrayList<>(schemaFindings.toList());
    all.add(last);
    return all;
  }

  private static ReadResult.Unreadable unreadable(String definition, String id, String path, String text) {
    return new ReadResult.Unreadable(definition, id, List.of(new Finding(ReasonCode.FF01, path, text)));
  }

  private static ReadResult.Unreadable unreadable(State st, XmlIn in, List<Finding> findings) {
    String id = st.header != null ? st.header.businessMessageId() : st.document != null ? st.document.messageId() : in.sniffedMessageId();
    return new ReadResult.Unreadable(st.messageDefinitionId, id, findings);
  }

  private static Envelope root(XmlIn in, ReadContext ctx, ReadOptions o, State st) {
    String name = in.name();
    if (name.equals("Document")) {
      st.document = document(in, ctx, o, st);
    } else if (name.equals("AppHdr") && in.namespace().equals(MessageType.HEADER_NAMESPACE)) {
      throw in.abort("an AppHdr alone is not a message: put AppHdr and Document in one wrapper element");
    } else {
      wrapper(in, ctx, o, st, 1);
    }
    if (st.document == null) throw in.abort("no ISO 20022 Document found");
    if (st.header != null && !st.header.messageDefinitionId().equals(st.document.type().id())) {
      // Checked here, not in the rules: a header naming another message makes the pair unusable.
      throw new ParseAbort(new Finding(ReasonCode.FF01, "/AppHdr/MsgDefIdr", "AppHdr names " + st.header.messageDefinitionId()
          + " but the Document is " + st.document.type().id()));
    }
    return new Envelope(st.header, st.document);
  }

  private static void wrapper(XmlIn in, ReadContext ctx, ReadOptions o, State st, int level) {
    while (in.nextWrapperChild()) {
      String name = in.name();
      if (name.equals("AppHdr") && in.namespace().equals(MessageType.HEADER_NAMESPACE)) {
        if (st.header != null) throw in.abort("more than one AppHdr");
        if (st.document != null) throw in.abort("the AppHdr must come before the Document");
        st.header = header(in, ctx, o, st);
      } else if (name.equals("Document")) {
        if (st.document != null) throw in.abort("more than one Document");
        st.document = document(in, ctx, o, st);
      } else if (level < MAX_WRAPPER_DEPTH && st.document == null) {
        wrapper(in, ctx, o, st, level + 1);
      } else {
        in.skip();
      }
    }
  }

  private static BusinessApplicationHeader header(XmlIn in, ReadContext ctx, ReadOptions o, State st) {
    in.pathBaseHere();
    if (o.schemaValidation()) in.validateWith(st.subset ? (st.headerSubset = ctx.subsetHeaderTee()) : ctx.headerTee());
    in.strictNamespace(MessageType.HEADER_NAMESPACE);
    BusinessApplicationHeader h = InvestigationCodec.readHeader(in);
    in.strictNamespace(null);
    in.resetPathBase();
    return h;
  }

  private static IsoMessage document(XmlIn in, ReadContext ctx, ReadOptions o, State st) {
    in.pathBaseHere();
    String ns = in.namespace();
    MessageType type = MessageType.ofNamespace(ns);
    if (type == null) {
      throw in.abort("unsupported message: Document namespace '" + ns + "'; Rialto reads " + supported());
    }
    st.messageDefinitionId = type.id();
    if (o.schemaValidation()) in.validateWith(st.subset ? (st.documentSubset = ctx.subsetTee(type)) : ctx.tee(type));
    in.strictNamespace(ns);
    if (!in.nextChild()) throw in.abort("empty Document");
    if (!in.name().equals(type.rootElement())) {
      throw in.abort("a " + type.id() + " Document holds " + type.rootElement() + ", not " + in.name());
    }
    int maxTransactions = o.limits().maxElements();
    IsoMessage m = switch (type) {
      case PACS_008_001_08 -> CreditTransferCodec.readPacs008(in, maxTransactions);
      case PACS_009_001_08 -> CreditTransferCodec.readPacs009(in, maxTransactions);
      case PACS_002_001_10 -> StatusCodec.readPacs002(in);
      case PACS_004_001_09, PACS_004_001_10 -> StatusCodec.readPacs004(in, type, maxTransactions);
      case PACS_028_001_03 -> StatusCodec.readPacs028(in);
      case CAMT_052_001_08, CAMT_053_001_08, CAMT_054_001_08 -> StatementCodec.read(in, type, maxTransactions);
      case CAMT_056_001_08 -> InvestigationCodec.readCamt056(in);
      case CAMT_029_001_09 -> InvestigationCodec.readCamt029(in);
      case ADMI_002_001_01 -> InvestigationCodec.readAdmi002(in);
    };
    if (in.nextChild()) throw in.abort("a Document holds exactly one message");
    in.strictNamespace(null);
    in.resetPathBase();
    return m;
  }

  private static String supported() {
    StringBuilder sb = new StringBuilder();
    for (MessageType t : MessageType.values()) {
      if (sb.length() > 0) sb.append(", ");
      sb.append(t.id());
    }
    return sb.toString();
  }

  // ---- writing -----------------------------------------------------------------------------

  /** Name of the element that wraps AppHdr and Document when a message has a header. */
  static final String WRAPPER = "Envelope";

  /** Writes {@code e} into {@code out} (fresh or from {@link XmlOut#acquire()}). */
  static XmlOut write(Envelope e, XmlOut out) {
    out.prolog();
    BusinessApplicationHeader h = e.header();
    if (h != null) {
      if (!h.messageDefinitionId().equals(e.document().type().id())) {
        throw new IllegalArgumentException("AppHdr names " + h.messageDefinitionId() + " but the Document is " + e.document().type().id());
      }
      out.startUnqualified(WRAPPER);
      InvestigationCodec.writeHeader(out, h);
    }
    document(out, e.document());
    if (h != null) out.end(WRAPPER);
    return out;
  }

  private static void document(XmlOut out, IsoMessage m) {
    out.startRoot("Document", m.type().namespace());
    switch (m) {
      case Pacs008 p -> CreditTransferCodec.writePacs008(out, p);
      case Pacs009 p -> CreditTransferCodec.writePacs009(out, p);
      case Pacs002 p -> StatusCodec.writePacs002(out, p);
      case Pacs004 p -> StatusCodec.writePacs004(out, p);
      case Pacs028 p -> StatusCodec.writePacs028(out, p);
      case Camt052 c -> StatementCodec.write(out, c);
      case Camt053 c -> StatementCodec.write(out, c);
      case Camt054 c -> StatementCodec.write(out, c);
      case Camt056 c -> InvestigationCodec.writeCamt056(out, c);
      case Camt029 c -> InvestigationCodec.writeCamt029(out, c);
      case Admi002 a -> InvestigationCodec.writeAdmi002(out, a);
    }
    out.end("Document");
  }
}
