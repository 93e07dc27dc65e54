package org.rialto.iso20022;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * For every complex type of the shipped XSDs, the position of each child element in its
 * sequence. The writer uses it to put elements that are kept untyped ({@link XmlElement}) back in
 * schema order between the typed ones; the reader uses it to accept only real children as
 * untyped elements. Types of the same name are identical across the 2019-generation XSDs (checked
 * while loading), so one table serves every message.
 */
final class SchemaOrder {
  private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
  private static final String[] FILES = {
    "pacs.008.001.08", "pacs.009.001.08", "pacs.002.001.10", "pacs.004.001.09", "pacs.004.001.10",
    "pacs.028.001.03", "camt.052.001.08", "camt.053.001.08", "camt.054.001.08", "camt.056.001.08",
    "camt.029.001.09", "admi.002.001.01", "head.001.001.02",
  };

  private SchemaOrder() {}

  private static final class Holder {
    static final Map<String, Map<String, Integer>> TYPES = load();
  }

  /** Child name to position for {@code complexType}; throws for a type the XSDs do not define. */
  static Map<String, Integer> of(String complexType) {
    Map<String, Integer> order = Holder.TYPES.get(complexType);
    if (order == null) throw new IllegalStateException("no complex type " + complexType + " in the shipped XSDs");
    return order;
  }

  private static Map<String, Map<String, Integer>> load() {
    Map<String, Map<String, Integer>> types = new HashMap<>(1024);
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    for (String file : FILES) {
      try (InputStream in = Schemas.resource(file).openStream()) {
        XMLStreamReader r = factory.createXMLStreamReader(in);
        String type = null;
        Map<String, Integer> children = null;
        int depth = 0;
        int typeDepth = -1;
        while (r.hasNext()) {
          int ev = r.next();
          if (ev == XMLStreamConstants.START_ELEMENT) {
            depth++;
            if (!XS.equals(r.getNamespaceURI())) continue;
            String local = r.getLocalName();
            if (local.equals("complexType") && depth == 2) {
              type = r.getAttributeValue(null, "name");
              children = new HashMap<>();
              typeDepth = depth;
            } else if (local.equals("element") && type != null && depth == typeDepth + 2) {
              children.put(r.getAttributeValue(null, "name"), children.size());
            }
          } else if (ev == XMLStreamConstants.END_ELEMENT) {
            if (depth == typeDepth && type != null) {
              Map<String, Integer> frozen = Map.copyOf(children);
              Map<String, Integer> previous = types.putIfAbsent(type, frozen);
              if (previous != null && !type.equals("Document") && !previous.equals(frozen)) {
                throw new IllegalStateException("complex type " + type + " differs between XSDs (" + file + ")");
              }
              type = null;
              typeDepth = -1;
            }
            depth--;
          }
        }
        r.close();
      } catch (IOException | XMLStreamException e) {
        throw new IllegalStateException("cannot load XSD " + file, e);
      }
    }
    return Map.copyOf(types);
  }
}
