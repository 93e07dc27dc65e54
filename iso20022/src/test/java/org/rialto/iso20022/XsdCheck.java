package org.rialto.iso20022;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Validates written XML against the official XSDs the plain way (DOM + javax.xml.validation),
 * independently of the reader's streaming validation, so a bug there cannot hide a bad writer.
 */
final class XsdCheck {
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private XsdCheck() {}

  /** The schema errors of the AppHdr and Document in {@code xml}; empty when valid. */
  static List<String> errors(byte[] xml) throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    org.w3c.dom.Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    List<Element> roots = new ArrayList<>();
    Element top = doc.getDocumentElement();
    if (top.getLocalName().equals("Document")) {
      roots.add(top);
    } else {
      for (Node n = top.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) roots.add(e);
      }
    }
    List<String> errors = new ArrayList<>();
    for (Element e : roots) {
      String ns = e.getNamespaceURI();
      String id = ns.substring(ns.lastIndexOf(':') + 1);
      Validator v = SCHEMAS.computeIfAbsent(id, XsdCheck::compile).newValidator();
      v.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException x) {}

        @Override
        public void error(SAXParseException x) {
          errors.add(id + ": " + x.getMessage());
        }

        @Override
        public void fatalError(SAXParseException x) {
          errors.add(id + ": " + x.getMessage());
        }
      });
      v.validate(new DOMSource(e));
    }
    return errors;
  }

  private static Schema compile(String id) {
    try {
      SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      return sf.newSchema(XsdCheck.class.getResource("/org/rialto/iso20022/xsd/" + id + ".xsd"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
