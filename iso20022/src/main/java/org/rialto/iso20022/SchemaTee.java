package org.rialto.iso20022;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Feeds the events the reader pulls from StAX into the JDK's XSD validator as they go by, so
 * schema validation costs no second parse. One tee validates one AppHdr or Document at a time;
 * it is reused across messages (the validator resets on startDocument) and is not thread-safe.
 */
final class SchemaTee implements ErrorHandler, StreamValidator {
  private final ValidatorHandler handler;
  private final String namespace;
  private final AttributesImpl attributes = new AttributesImpl();
  private XmlIn in;

  /** Xerces' switch for its identity-constraint (xs:key, xs:unique, xs:keyref) machinery. */
  static final String IDENTITY_CONSTRAINT_CHECKING = "http://apache.org/xml/features/validation/identity-constraint-checking";

  /**
   * @param identityConstraints false only when the schema declares no identity constraint
   *     ({@link Schemas#mayDeclareIdentityConstraints}): the validator then skips its per-element
   *     bookkeeping for them (a map pushed and popped at every start and end tag, a quarter of
   *     the validator's samples on a pacs.008), which with no constraint declared can find nothing.
   *     Everything else, ID/IDREF included (an instance can bring xs:ID in with xsi:type under a
   *     lax wildcard), is checked as before.
   */
  SchemaTee(Schema schema, String namespace, boolean identityConstraints) {
    this.handler = schema.newValidatorHandler();
    this.namespace = namespace;
    handler.setErrorHandler(this);
    try {
      handler.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      handler.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      handler.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      if (!identityConstraints) handler.setFeature(IDENTITY_CONSTRAINT_CHECKING, false);
    } catch (SAXException e) {
      throw new IllegalStateException("the JDK validator refused a security setting", e);
    }
  }

  @Override
  public void begin(XmlIn reader) {
    this.in = reader;
    try {
      handler.startDocument();
    } catch (SAXException e) {
      throw in.abort("schema validation failed to start: " + e.getMessage());
    }
  }

  @Override
  public void start(XMLStreamReader r) {
    try {
      int declarations = r.getNamespaceCount();
      for (int i = 0; i < declarations; i++) {
        handler.startPrefixMapping(orEmpty(r.getNamespacePrefix(i)), orEmpty(r.getNamespaceURI(i)));
      }
      attributes.clear();
      int count = r.getAttributeCount();
      for (int i = 0; i < count; i++) {
        String prefix = orEmpty(r.getAttributePrefix(i));
        String local = r.getAttributeLocalName(i);
        attributes.addAttribute(
            orEmpty(r.getAttributeNamespace(i)), local, prefix.isEmpty() ? local : prefix + ":" + local,
            "CDATA", r.getAttributeValue(i));
      }
      handler.startElement(orEmpty(r.getNamespaceURI()), r.getLocalName(), qName(r), attributes);
    } catch (SAXException e) {
      throw in.abort("schema validation stopped: " + e.getMessage());
    }
  }

  @Override
  public void characters(char[] text, int start, int length) {
    try {
      handler.characters(text, start, length);
    } catch (SAXException e) {
      throw in.abort("schema validation stopped: " + e.getMessage());
    }
  }

  @Override
  public void end(XMLStreamReader r) {
    try {
      handler.endElement(orEmpty(r.getNamespaceURI()), r.getLocalName(), qName(r));
      int declarations = r.getNamespaceCount();
      for (int i = 0; i < declarations; i++) {
        handler.endPrefixMapping(orEmpty(r.getNamespacePrefix(i)));
      }
    } catch (SAXException e) {
      throw in.abort("schema validation stopped: " + e.getMessage());
    }
  }

  @Override
  public void finish() {
    try {
      handler.endDocument();
    } catch (SAXException e) {
      throw in.abort("schema validation stopped: " + e.getMessage());
    }
    in = null;
  }

  @Override
  public void warning(SAXParseException e) {
    // Warnings (e.g. about lax wildcard content) do not make a message invalid.
  }

  @Override
  public void error(SAXParseException e) {
    in.schemaFinding(shorten(e.getMessage()));
  }

  @Override
  public void fatalError(SAXParseException e) {
    in.schemaFinding(shorten(e.getMessage()));
  }

  /** Xerces names elements as {"urn:...":Name}; the namespace is known, so drop it. */
  private String shorten(String message) {
    if (message == null) return "schema violation";
    return message.replace("\"" + namespace + "\":", "");
  }

  private static String qName(XMLStreamReader r) {
    String prefix = r.getPrefix();
    return prefix == null || prefix.isEmpty() ? r.getLocalName() : prefix + ":" + r.getLocalName();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
