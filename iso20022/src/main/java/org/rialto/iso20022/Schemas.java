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

  private Schemas() {}

  static Schema of(String messageDefinitionId) {
    return COMPILED.computeIfAbsent(messageDefinitionId, Schemas::compile);
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
