package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * What the StAX parser Rialto reads with (Aalto, see README "stack") does on its own with hostile
 * input, below the byte-level DOCTYPE and UTF-8 checks of {@link Codec}: even if a DOCTYPE got
 * past them, nothing external is fetched and no entity is expanded. And through {@link Iso20022}:
 * the encodings and malformed text that Aalto reports differently from the JDK parser (lazily, as
 * unchecked wrappers) are FF01 findings.
 */
class ParserTest {
  private static final String MIN = new String(SamplesTest.sample("cbpr-pacs.008.min.xml"), StandardCharsets.UTF_8);
  private static final String DOC_NS = "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08";

  /** Walks every event, reading all text; returns the text, or the parser's error prefixed "error:". */
  private static String walk(String xml) {
    StringBuilder text = new StringBuilder();
    try {
      XMLStreamReader r = ReadContext.newFactory().createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      for (int events = 0; r.hasNext() && events < 10_000; events++) {
        int ev = r.next();
        if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE) {
          text.append(r.getText());
        } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
          text.append("&").append(r.getLocalName()).append(";");
        }
        assertThat(text.length()).as("expanded text").isLessThan(10_000);
      }
      return text.toString();
    } catch (XMLStreamException | RuntimeException e) {
      return "error:" + e;
    }
  }

  @Test
  void theParserItselfNeverFetchesNorExpands() {
    long start = System.nanoTime();
    String xxe = walk("<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><d>&xxe;</d>");
    assertThat(xxe).doesNotContain("root:");
    String remote = walk("<!DOCTYPE d SYSTEM \"http://127.0.0.1:9/evil.dtd\"><d>x</d>");
    assertThat(remote).doesNotContain("evil");
    String parameter = walk("<!DOCTYPE d [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;]><d>x</d>");
    assertThat(parameter).doesNotContain("127.0.0.1:9/p\" refused");
    StringBuilder laughs = new StringBuilder("<!DOCTYPE d [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String expanded = walk(laughs.append("]><d>&l9;</d>").toString());
    assertThat(expanded).doesNotContain("lollol");
    assertThat((System.nanoTime() - start) / 1_000_000).as("millis").isLessThan(2_000);
  }

  @Test
  void everyDoctypeIsRefusedBeforeParsing() {
    for (String doctype : new String[] {"<!DOCTYPE Document>", "<!DOCTYPE Document [<!ENTITY a \"b\">]>",
        "<!-- c --><?pi x?>\n<!DOCTYPE Document SYSTEM \"x.dtd\">"}) {
      String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + MIN.substring(MIN.indexOf("<Document"));
      for (ReadOptions o : new ReadOptions[] {ReadOptions.EDGE, ReadOptions.INTERNAL, ReadOptions.PARSE_ONLY}) {
        ReadResult r = Iso20022.read(xml.getBytes(StandardCharsets.UTF_8), o);
        assertThat(r).isInstanceOf(ReadResult.Unreadable.class);
        assertThat(r.findings()).singleElement().satisfies(f -> {
          assertThat(f.code()).isEqualTo(ReasonCode.FF01);
          assertThat(f.text()).contains("DOCTYPE is not allowed");
        });
      }
    }
  }

  private static void refused(byte[] xml, String expected) {
    for (ReadOptions o : new ReadOptions[] {ReadOptions.EDGE, ReadOptions.INTERNAL, ReadOptions.PARSE_ONLY}) {
      ReadResult r = Iso20022.read(xml, o);
      assertThat(r).as(new String(xml, StandardCharsets.ISO_8859_1)).isInstanceOf(ReadResult.Unreadable.class);
      assertThat(r.findings()).allSatisfy(f -> assertThat(f.code()).isEqualTo(ReasonCode.FF01));
      assertThat(r.findings()).anySatisfy(f -> assertThat(f.text()).contains(expected));
      assertThat(r.findings()).noneSatisfy(f -> assertThat(f.text()).contains("internal error"));
    }
  }

  @Test
  void declaredEncodingsOtherThanUtf8AreFindings() {
    String body = MIN.substring(MIN.indexOf("<Document"), MIN.indexOf("</Document>") + "</Document>".length());
    for (String encoding : new String[] {"US-ASCII", "ISO-8859-1", "windows-1251", "UTF-16", "EBCDIC-CP-US", "no-such-charset"}) {
      byte[] xml = ("<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>" + body).getBytes(StandardCharsets.UTF_8);
      refused(xml, "not");
    }
    refused(("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>" + body).getBytes(StandardCharsets.UTF_8), "US-ASCII");
    ReadResult lower = Iso20022.read(("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + body).getBytes(StandardCharsets.UTF_8));
    assertThat(lower).as(lower.findings().toString()).isInstanceOf(ReadResult.Parsed.class);
  }

  @Test
  void malformedTextIsAFindingNotAnInternalError() {
    String nm = "<Nm>EXAMPLE PARTY NV</Nm>";
    refused(MIN.replace(nm, "<Nm>a ]]> b</Nm>").getBytes(StandardCharsets.UTF_8), "not well-formed");
    refused(MIN.replace(nm, "<Nm>a \u0005 b</Nm>").getBytes(StandardCharsets.UTF_8), "not well-formed");
    refused(MIN.replace(nm, "<Nm>a &#5; b</Nm>").getBytes(StandardCharsets.UTF_8), "not well-formed");
    refused(MIN.replace(nm, "<Nm>a & b</Nm>").getBytes(StandardCharsets.UTF_8), "not well-formed");
    refused(MIN.replace(nm, "<Nm>a &undeclared; b</Nm>").getBytes(StandardCharsets.UTF_8), "");
    refused(MIN.substring(0, MIN.indexOf(nm) + 10).getBytes(StandardCharsets.UTF_8), "");
    refused(MIN.replace("Ccy=\"EUR\"", "Ccy=\"E<UR\"").getBytes(StandardCharsets.UTF_8), "not well-formed");
    refused(MIN.replace("Ccy=\"EUR\"", "Ccy=\"EUR\" Ccy=\"EUR\"").getBytes(StandardCharsets.UTF_8), "not well-formed");
    refused(MIN.replace("<Nm>", "<p:Nm>").replace("</Nm>", "</p:Nm>").getBytes(StandardCharsets.UTF_8), "not well-formed");
  }

  @Test
  void attributesPerElementAreBoundedBeforeParsing() {
    // Aalto's cost for one start tag grows with the square of its attributes: the count is
    // checked on the bytes first (Codec.MAX_ATTRIBUTES_PER_ELEMENT).
    StringBuilder attributes = new StringBuilder();
    for (int i = 0; i < 200_000; i++) attributes.append(" a").append(i).append("=\"x\"");
    String xml = MIN.replace("<Document xmlns=\"" + DOC_NS + "\">", "<Document xmlns=\"" + DOC_NS + "\"" + attributes + ">");
    long start = System.nanoTime();
    refused(xml.getBytes(StandardCharsets.UTF_8), "more than 32 attributes");
    assertThat((System.nanoTime() - start) / 1_000_000).as("millis").isLessThan(2_000);
    String namespaces = MIN.replace("<Nm>", "<Nm" + " xmlns:p=\"urn:p\"".repeat(1) + ">");
    assertThat(Iso20022.read(namespaces.getBytes(StandardCharsets.UTF_8), ReadOptions.PARSE_ONLY).ok()).isTrue();
  }

  @Test
  void attributeCountingSkipsCommentsCdataAndQuotedValues() {
    String eq32 = " a=\"1\"".repeat(32);
    assertThat(Utf8.tooManyAttributes(("<d" + eq32 + "/>").getBytes(StandardCharsets.UTF_8), 32)).isEqualTo(-1);
    assertThat(Utf8.tooManyAttributes(("<x/><d" + eq32 + " b='2'/>").getBytes(StandardCharsets.UTF_8), 32)).isEqualTo(4);
    String noise = "<!-- " + "a=b ".repeat(40) + " ' --><![CDATA[ " + "<a=b ".repeat(40) + "]]><?pi " + "a=b ".repeat(40) + "?>";
    assertThat(Utf8.tooManyAttributes(("<d>" + noise + "<e v=\"" + "=".repeat(100) + "\" w='=\"='/>" + "x=y ".repeat(100) + "</d>")
        .getBytes(StandardCharsets.UTF_8), 2)).isEqualTo(-1);
    assertThat(Utf8.tooManyAttributes(("<d>" + noise + "<e a='1' b=\"2\" c='3'/></d>").getBytes(StandardCharsets.UTF_8), 2)).isGreaterThan(0);
    assertThat(Utf8.tooManyAttributes("<d a='unterminated".getBytes(StandardCharsets.UTF_8), 0)).isEqualTo(0);
    assertThat(Utf8.tooManyAttributes("<d a='unterminated".getBytes(StandardCharsets.UTF_8), 1)).isEqualTo(-1);
  }

  @Test
  void hugeNamesAndManyDistinctNamesAreFast() {
    long start = System.nanoTime();
    String longName = "N".repeat(1 << 16);
    refused(MIN.replace("<ChrgBr>SHAR</ChrgBr>", "<" + longName + ">x</" + longName + ">").getBytes(StandardCharsets.UTF_8),
        "longer than 256 characters");
    ReadResult inWrapper = Iso20022.read(MIN.replace("<Envelope>", "<Envelope><" + longName + "/>").getBytes(StandardCharsets.UTF_8));
    assertThat(inWrapper.findings()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("/Envelope");
      assertThat(f.text()).hasSizeLessThan(200);
    });
    // Unknown names inside SplmtryData are legal (lax wildcard): each is a new symbol for the parser.
    StringBuilder distinct = new StringBuilder();
    for (int i = 0; i < 20_000; i++) distinct.append("<e").append(i).append("/>");
    ReadResult r = Iso20022.read(MIN.replace("</CdtTrfTxInf>", "<SplmtryData><Envlp>" + distinct + "</Envlp></SplmtryData></CdtTrfTxInf>")
        .getBytes(StandardCharsets.UTF_8), ReadOptions.INTERNAL);
    assertThat(r.findings()).noneSatisfy(f -> assertThat(f.text()).contains("internal error"));
    assertThat((System.nanoTime() - start) / 1_000_000).as("millis").isLessThan(5_000);
  }
}
