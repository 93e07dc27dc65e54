package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile and broken input: each is an FF01 finding, fast, never an exception. */
class HostileInputTest {
  private static final String MIN = new String(SamplesTest.sample("cbpr-pacs.008.min.xml"), StandardCharsets.UTF_8);
  private static final String DOC_NS = "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08";

  private static ReadResult.Unreadable unreadable(byte[] input, ReadOptions options, String expectedText) {
    long start = System.nanoTime();
    ReadResult r = Iso20022.read(input, options);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).as("read time").isLessThan(2_000);
    assertThat(r).as(String.valueOf(r.findings())).isInstanceOf(ReadResult.Unreadable.class);
    assertThat(r.findings()).allSatisfy(f -> assertThat(f.code()).isEqualTo(ReasonCode.FF01));
    assertThat(r.findings()).anySatisfy(f -> assertThat(f.text()).containsIgnoringCase(expectedText));
    return (ReadResult.Unreadable) r;
  }

  private static ReadResult.Unreadable unreadable(String input, String expectedText) {
    return unreadable(input.getBytes(StandardCharsets.UTF_8), ReadOptions.EDGE, expectedText);
  }

  @Test
  void externalEntitiesAreNeverResolved() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + "<Document xmlns=\"" + DOC_NS + "\"><FIToFICstmrCdtTrf><GrpHdr><MsgId>&xxe;</MsgId></GrpHdr></FIToFICstmrCdtTrf></Document>";
    ReadResult.Unreadable u = unreadable(xxe, "DOCTYPE");
    assertThat(u.findings().toString()).doesNotContain("root:");
    unreadable("<?xml version=\"1.0\"?><!DOCTYPE Document SYSTEM \"http://127.0.0.1:9/evil.dtd\"><Document/>", "DOCTYPE");
    unreadable("<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;]><x/>", "");
  }

  @Test
  void entityExpansionIsImpossible() {
    StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      laughs.append("<!ENTITY lol").append(i).append(" \"");
      for (int k = 0; k < 10; k++) laughs.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      laughs.append("\">");
    }
    laughs.append("]><Document xmlns=\"" + DOC_NS + "\">&lol9;</Document>");
    unreadable(laughs.toString(), "DOCTYPE");
    unreadable("<Document xmlns=\"" + DOC_NS + "\">&undeclared;</Document>", "");
    unreadable("<Document xmlns=\"" + DOC_NS + "\"><FIToFICstmrCdtTrf>&#0;</FIToFICstmrCdtTrf></Document>", "");
  }

  @Test
  void nestingDepthIsBounded() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 100_000; i++) deep.append("<a>");
    unreadable(deep.toString(), "deeper than");
    String inSupplementaryData = MIN.replace("</CdtTrfTxInf>",
        "<SplmtryData><Envlp>" + "<x>".repeat(200) + "</x>".repeat(200) + "</Envlp></SplmtryData></CdtTrfTxInf>");
    unreadable(inSupplementaryData, "deeper than");
  }

  @Test
  void sizeCountAndLengthAreBounded() {
    String longName = MIN.replace("<Nm>EXAMPLE PARTY NV</Nm>", "<Nm>" + "A".repeat(40_000) + "</Nm>");
    unreadable(longName, "longer than");
    String longAttribute = MIN.replace("Ccy=\"EUR\"", "Ccy=\"" + "E".repeat(40_000) + "\"");
    unreadable(longAttribute, "longer than");
    Limits small = new Limits(1 << 20, 64, 30, 1000, 10);
    unreadable(MIN.getBytes(StandardCharsets.UTF_8), ReadOptions.EDGE.withLimits(small), "more than 30 elements");
    Limits tiny = new Limits(1000, 64, 1000, 1000, 10);
    unreadable(MIN.getBytes(StandardCharsets.UTF_8), ReadOptions.EDGE.withLimits(tiny), "exceeds the limit");
  }

  @Test
  void manyFindingsAreCapped() {
    StringBuilder sb = new StringBuilder(MIN);
    String bad = "<ChrgBr>SHAR</ChrgBr>";
    int at = sb.indexOf(bad) + bad.length();
    for (int i = 0; i < 500; i++) sb.insert(at, "<Bogus>1</Bogus>");
    ReadResult r = Iso20022.read(sb.toString().getBytes(StandardCharsets.UTF_8), ReadOptions.EDGE);
    assertThat(r.findings()).hasSizeLessThanOrEqualTo(Limits.DEFAULT.maxFindings() + 2);
  }

  @Test
  void onlyUtf8IsAccepted() {
    unreadable(MIN.getBytes(StandardCharsets.UTF_16), ReadOptions.EDGE, "UTF-16");
    unreadable(MIN.getBytes(StandardCharsets.UTF_16LE), ReadOptions.EDGE, "UTF-16");
    String latin = MIN.replace("encoding='UTF-8'", "encoding='ISO-8859-1'");
    unreadable(latin.getBytes(StandardCharsets.ISO_8859_1), ReadOptions.EDGE, "ISO-8859-1");
    byte[] broken = MIN.replace("EXAMPLE PARTY NV", "EXAMPLE PARTY \u00e9").getBytes(StandardCharsets.ISO_8859_1);
    unreadable(broken, ReadOptions.EDGE, "not UTF-8: invalid byte 0xe9");
    unreadable(new byte[] {'<', 'a', '>', (byte) 0xC0, (byte) 0x80, '<', '/', 'a', '>'}, ReadOptions.EDGE, "not UTF-8");
    unreadable(new byte[] {'<', 'a', '>', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '<', '/', 'a', '>'}, ReadOptions.EDGE, "not UTF-8");
    byte[] withBom = ("\uFEFF" + MIN).getBytes(StandardCharsets.UTF_8);
    assertThat(Iso20022.read(withBom)).isInstanceOf(ReadResult.Parsed.class);
    byte[] cyrillic = MIN.replace("EXAMPLE PARTY NV", "ООО Ромашка").getBytes(StandardCharsets.UTF_8);
    ReadResult r = Iso20022.read(cyrillic);
    assertThat(((Pacs008) ((ReadResult.Parsed) r).envelope().document()).transactions().get(0).debtor().name()).isEqualTo("ООО Ромашка");
  }

  @Test
  void garbageAndTruncationAreFindings() {
    ReadResult none = Iso20022.read(null);
    assertThat(none.findings()).extracting(Finding::code).containsExactly(ReasonCode.FF01);
    unreadable(new byte[0], ReadOptions.EDGE, "empty");
    unreadable("<", "not well-formed");
    unreadable("just text", "");
    unreadable(MIN.substring(0, MIN.length() / 2), "");
    unreadable(MIN + "<Document/>", "");
    unreadable(new byte[] {(byte) 0xFF, 0, 1, 2, 3, 4, 5}, ReadOptions.EDGE, "");
  }

  @Test
  void onlySupportedMessagesAreRead() {
    ReadResult.Unreadable u = unreadable(MIN.replace("pacs.008.001.08\">", "pacs.008.001.09\">"), "unsupported message");
    assertThat(u.findings().get(0).text()).contains("pacs.008.001.08");
    unreadable("<Document xmlns=\"urn:example\"/>", "unsupported message");
    unreadable(MIN.replace("<FIToFICstmrCdtTrf>", "<FICdtTrf>").replace("</FIToFICstmrCdtTrf>", "</FICdtTrf>"), "holds FIToFICstmrCdtTrf");
  }

  @Test
  void headerAndDocumentMustPair() {
    String header = MIN.substring(MIN.indexOf("<AppHdr"), MIN.indexOf("</AppHdr>") + "</AppHdr>".length());
    String document = MIN.substring(MIN.indexOf("<Document"), MIN.indexOf("</Document>") + "</Document>".length());
    unreadable(header, "AppHdr alone");
    unreadable("<Envelope>" + document + header + "</Envelope>", "before the Document");
    unreadable("<Envelope>" + header + document + document + "</Envelope>", "more than one Document");
    unreadable("<Envelope>" + header + "</Envelope>", "no ISO 20022 Document");
    unreadable(MIN.replace("<MsgDefIdr>pacs.008.001.08</MsgDefIdr>", "<MsgDefIdr>pacs.009.001.08</MsgDefIdr>"), "AppHdr names");
  }

  @Test
  void anyWrapperIsAccepted() {
    String header = MIN.substring(MIN.indexOf("<AppHdr"), MIN.indexOf("</AppHdr>") + "</AppHdr>".length());
    String document = MIN.substring(MIN.indexOf("<Document"), MIN.indexOf("</Document>") + "</Document>".length());
    String swift = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Saa:DataPDU xmlns:Saa=\"urn:swift:saa:xsd:saa.2.0\">"
        + "<Saa:Revision>2.0.14</Saa:Revision><Saa:Header><Saa:Message><Saa:SenderReference>R1</Saa:SenderReference>"
        + "</Saa:Message></Saa:Header><Saa:Body>" + header + document + "</Saa:Body></Saa:DataPDU>";
    ReadResult r = Iso20022.read(swift.getBytes(StandardCharsets.UTF_8));
    assertThat(r).isInstanceOf(ReadResult.Parsed.class);
    Envelope e = ((ReadResult.Parsed) r).envelope();
    assertThat(e.header().businessMessageId()).isEqualTo("EXMsgId");
    assertThat(e.document().messageId()).isEqualTo("EXMsgId");
    ReadResult bare = Iso20022.read(("<?xml version=\"1.0\"?>\n<!-- a comment -->\n" + document + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(((ReadResult.Parsed) bare).envelope().header()).isNull();
  }

  @Test
  void schemaLocationHintsFetchNothing() {
    String hinted = MIN.replace("<Document xmlns=\"" + DOC_NS + "\">", "<Document xmlns=\"" + DOC_NS
        + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"" + DOC_NS + " http://127.0.0.1:9/x.xsd\">");
    long start = System.nanoTime();
    ReadResult r = Iso20022.read(hinted.getBytes(StandardCharsets.UTF_8));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    assertThat(r).isInstanceOf(ReadResult.Parsed.class);
  }

  @Test
  void xmlFeaturesThatAreHarmlessWork() {
    String cdata = MIN.replace("<Nm>EXAMPLE PARTY NV</Nm>", "<Nm><![CDATA[A & B <Ltd>]]></Nm>")
        .replace("<EndToEndId>EXEndToEndId</EndToEndId>", "<EndToEndId>E&amp;E&#x41;<?pi x?><!-- c --></EndToEndId>");
    ReadResult r = Iso20022.read(cdata.getBytes(StandardCharsets.UTF_8));
    CreditTransfer t = ((Pacs008) ((ReadResult.Parsed) r).envelope().document()).transactions().get(0);
    assertThat(t.debtor().name()).isEqualTo("A & B <Ltd>");
    assertThat(t.paymentId().endToEndId()).isEqualTo("E&EA");
  }

  @Test
  void elementsOutsideTheDocumentNamespaceAreRefused() {
    String foreign = MIN.replace("<ChrgBr>SHAR</ChrgBr>", "<ChrgBr xmlns=\"urn:other\">SHAR</ChrgBr>");
    unreadable(foreign.getBytes(StandardCharsets.UTF_8), ReadOptions.PARSE_ONLY, "namespace");
  }

  @Test
  void aDateTimeWithoutOffsetIsReadAsUtcAndReported() {
    String local = MIN.replace("<CreDtTm>2026-01-01T10:00:00+00:00</CreDtTm>", "<CreDtTm>2026-01-01T10:00:00</CreDtTm>");
    ReadResult r = Iso20022.read(local.getBytes(StandardCharsets.UTF_8));
    assertThat(r).isInstanceOf(ReadResult.Parsed.class);
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo(ReasonCode.DT01);
      assertThat(f.path()).isEqualTo("/Document/FIToFICstmrCdtTrf/GrpHdr/CreDtTm");
    });
  }
}
