package org.rialto.iso20022;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The official XSDs shipped in this module's resources, compiled once per message definition and
 * shared: a compiled {@link Schema} is immutable and thread-safe.
 */
final class Schemas {
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> IDENTITY_CONSTRAINTS = new ConcurrentHashMap<>();
  private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

  private Schemas() {}

  static Schema of(String messageDefinitionId) {
    return COMPILED.computeIfAbsent(messageDefinitionId, Schemas::compile);
  }

  /**
   * Whether the XSD of {@code messageDefinitionId} may declare identity constraints (xs:key,
   * xs:unique, xs:keyref): true when it declares one or includes, imports or redefines another
   * schema (whose declarations this scan does not see). A compiled {@link Schema} validates
   * against its own grammars only (an instance's xsi:schemaLocation is not followed), so when this
   * is false no element of any instance can carry an identity constraint, and the validator's
   * per-element identity-constraint bookkeeping can never report anything.
   */
  static boolean mayDeclareIdentityConstraints(String messageDefinitionId) {
    return IDENTITY_CONSTRAINTS.computeIfAbsent(messageDefinitionId, Schemas::scanForIdentityConstraints);
  }

  private static boolean scanForIdentityConstraints(String id) {
    javax.xml.stream.XMLInputFactory factory = javax.xml.stream.XMLInputFactory.newDefaultFactory();
    factory.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = resource(id).openStream()) {
      javax.xml.stream.XMLStreamReader r = factory.createXMLStreamReader(in);
      try {
        while (r.hasNext()) {
          if (r.next() != javax.xml.stream.XMLStreamConstants.START_ELEMENT || !XS.equals(r.getNamespaceURI())) continue;
          switch (r.getLocalName()) {
            case "key", "unique", "keyref", "include", "import", "redefine", "override" -> {
              return true;
            }
            default -> {}
          }
        }
      } finally {
        r.close();
      }
      return false;
    } catch (IOException | javax.xml.stream.XMLStreamException e) {
      throw new IllegalStateException("cannot scan XSD " + id + ": " + e.getMessage(), e);
    }
  }

  static URL resource(String messageDefinitionId) {
    URL url = Schemas.class.getResource("xsd/" + messageDefinitionId + ".xsd");
    if (url == null) throw new IllegalStateException("XSD missing from resources: " + messageDefinitionId);
    return url;
  }

  private static Schema compile(String id) {
    URL url = resource(id);
    SchemaFactory factory = SchemaFactory.newDefaultInstance();
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      // The shipped XSDs import nothing; nothing is ever fetched.
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXException e) {
      throw new IllegalStateException("the JDK schema factory refused a security setting", e);
    }
    try (InputStream in = url.openStream()) {
      return factory.newSchema(new StreamSource(in, url.toExternalForm()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read XSD " + id, e);
    } catch (SAXException e) {
      throw new IllegalStateException("shipped XSD does not compile: " + id, e);
    }
  }
}
