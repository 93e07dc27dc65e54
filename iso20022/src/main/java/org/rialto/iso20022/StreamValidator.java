package org.rialto.iso20022;

import javax.xml.stream.XMLStreamReader;

/**
 * What {@link XmlIn} feeds the events of one AppHdr or Document to: the JDK's XSD validator
 * ({@link SchemaTee}) or the fast path in front of it ({@link SubsetTee}).
 */
sealed interface StreamValidator permits SchemaTee, SubsetTee {
  void begin(XmlIn reader);

  void start(XMLStreamReader r);

  void characters(char[] text, int start, int length);

  void end(XMLStreamReader r);

  void finish();
}
