package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The schema fast path ({@link SubsetTee}) in front of the JDK's XSD validator. Its one
 * obligation: whatever it accepts, the JDK's validator accepts. Every input here is read twice,
 * with the fast path (falling back to the JDK's validator outside the subset, as the node reads)
 * and with the JDK's validator alone (as before the fast path); the two answers must be equal,
 * findings included, and whenever the fast path alone answered, the JDK's validator must have
 * found nothing. The inputs are the fuzzer's corpus and the samples, mutations of whole
 * elements, and mutations of values at their facets' edges, of attributes and of namespaces.
 */
class SchemaSubsetTest {
  private static final long SEED = 20_261_124_10L;
  private static final int FUZZ_MUTATIONS = 2_000;
  private static final int VALUE_MUTATIONS = 5_000;

  @Test
  void theNodesPeerMessagesCompileIntoTheSubset() {
    for (String id : List.of(MessageType.HEADER_ID, MessageType.PACS_008_001_08.id(), MessageType.PACS_002_001_10.id())) {
      SubsetSchema s = SubsetSchema.of(id);
      assertThat(s.rootType).as(id).isInstanceOf(SubsetSchema.Complex.class);
      assertThat(((SubsetSchema.Complex) s.rootType).ok).as(id).isTrue();
    }
  }

  @Test
  void whatTheNodesEmitTakesTheFastPath() {
    List<byte[]> emitted = new ArrayList<>();
    emitted.add(Iso20022.write(Fixtures.envelope(Fixtures.pacs008(1))));
    emitted.add(Iso20022.write(Fixtures.envelope(Fixtures.pacs008(100))));
    emitted.add(Iso20022.write(new Generators(1, Generators.Mode.SMALL).envelope(MessageType.PACS_008_001_08)));
    emitted.add(Iso20022.write(new Generators(2, Generators.Mode.SMALL).envelope(MessageType.PACS_002_001_10)));
    for (byte[] xml : emitted) {
      ReadContext ctx = ReadContext.withSubset();
      Codec.read(ctx, xml, ReadOptions.EDGE);
      assertThat(ctx.lastReadBySubset).as(ctx.subsetHeaderTee().left + " " + ctx.subsetTee(MessageType.PACS_008_001_08).left + " "
          + ctx.subsetTee(MessageType.PACS_002_001_10).left + " in " + preview(xml)).isTrue();
      assertThat(Iso20022.readsOnFastPath(xml)).isTrue();
      assertThat(Iso20022.read(xml).findings()).noneMatch(f -> f.text().startsWith("cvc-"));
    }
  }

  @Test
  void outsideTheSubsetTheJdkValidatorAnswers() {
    String base = new String(Iso20022.write(Fixtures.envelope(Fixtures.pacs008(2))), StandardCharsets.UTF_8);
    // A lax wildcard (not modelled) holding something valid: off the path, still accepted.
    String wildcard = base.replace("</CdtTrfTxInf>", "<SplmtryData><Envlp><x:a xmlns:x=\"urn:x\">1</x:a></Envlp></SplmtryData></CdtTrfTxInf>");
    byte[] xml = wildcard.getBytes(StandardCharsets.UTF_8);
    assertThat(Iso20022.readsOnFastPath(xml)).isFalse();
    assertThat(Iso20022.read(xml).ok()).isTrue();
    // A value outside its facets: off the path, and refused by the JDK's validator as before.
    byte[] bad = base.replaceFirst("<Ccy>|Ccy=\"RUB\"", "Ccy=\"rub\"").getBytes(StandardCharsets.UTF_8);
    assertThat(Iso20022.readsOnFastPath(bad)).isFalse();
    assertThat(Iso20022.read(bad).findings()).anyMatch(f -> f.text().startsWith("cvc-"));
  }

  @Test
  void theFastPathAcceptsNothingTheJdkValidatorRefuses() {
    List<byte[]> inputs = new ArrayList<>(FuzzTest.corpus());
    for (String name : SamplesTest.SAMPLES) inputs.add(SamplesTest.sample(name));
    List<byte[]> seeds = seeds();
    inputs.addAll(seeds);
    Random rnd = new Random(SEED);
    List<byte[]> corpus = List.copyOf(inputs);
    for (int i = 0; i < FUZZ_MUTATIONS; i++) inputs.add(FuzzTest.mutate(corpus.get(rnd.nextInt(corpus.size())), rnd));
    for (int i = 0; i < VALUE_MUTATIONS; i++) {
      String s = new String(seeds.get(rnd.nextInt(seeds.size())), StandardCharsets.UTF_8);
      int times = 1 + rnd.nextInt(2);
      for (int k = 0; k < times; k++) s = mutate(s, rnd);
      inputs.add(s.getBytes(StandardCharsets.UTF_8));
    }
    ReadContext fast = ReadContext.withSubset();
    ReadContext jdk = ReadContext.withoutSubset();
    int answeredByTheSubset = 0;
    int mutantsAnsweredByTheSubset = 0;
    int refusedByTheSchema = 0;
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      byte[] input = inputs.get(i);
      if (fast.poisoned()) fast = ReadContext.withSubset();
      if (jdk.poisoned()) jdk = ReadContext.withoutSubset();
      ReadResult withSubset = Codec.read(fast, input, ReadOptions.EDGE);
      boolean bySubset = fast.lastReadBySubset;
      ReadResult jdkOnly = Codec.read(jdk, input, ReadOptions.EDGE);
      boolean schemaRefused = jdkOnly.findings().stream().anyMatch(f -> f.text().startsWith("cvc-"));
      if (schemaRefused) refusedByTheSchema++;
      if (bySubset) {
        answeredByTheSubset++;
        if (i >= corpus.size()) mutantsAnsweredByTheSubset++;
        if (schemaRefused && differences.size() < 5) differences.add("accepted by the subset, refused by the XSD: " + jdkOnly.findings() + " for " + preview(input));
      }
      if (!withSubset.equals(jdkOnly) && differences.size() < 5) {
        differences.add(withSubset.findings() + " against " + jdkOnly.findings() + " for " + preview(input));
      }
    }
    assertThat(differences).isEmpty();
    // Not empty on either side: many mutants stay in the subset, many are refused by the XSD.
    assertThat(mutantsAnsweredByTheSubset).isGreaterThan(VALUE_MUTATIONS / 5);
    assertThat(refusedByTheSchema).isGreaterThan((FUZZ_MUTATIONS + VALUE_MUTATIONS) / 5);
    assertThat(answeredByTheSubset).isGreaterThan(mutantsAnsweredByTheSubset);
  }

  /** Valid messages in the subset's shape: pacs.008 batches like the peers', pacs.002 answers, with and without AppHdr. */
  private static List<byte[]> seeds() {
    List<byte[]> out = new ArrayList<>();
    out.add(Iso20022.write(Fixtures.envelope(Fixtures.pacs008(1))));
    out.add(Iso20022.write(Fixtures.envelope(Fixtures.pacs008(3))));
    out.add(Iso20022.write(Envelope.of(Fixtures.pacs008(2))));
    for (int seed = 0; seed < 6; seed++) {
      for (MessageType t : List.of(MessageType.PACS_008_001_08, MessageType.PACS_002_001_10)) {
        Generators.Mode mode = seed % 3 == 0 ? Generators.Mode.SMALL : seed % 3 == 1 ? Generators.Mode.MAX : Generators.Mode.RANDOM;
        String xml = new String(Iso20022.write(new Generators(100 + seed, mode).envelope(t)), StandardCharsets.UTF_8);
        // Supplementary data is a lax wildcard, outside the subset: left out so the mutants stay near it.
        out.add(xml.replaceAll("<SplmtryData>.*?</SplmtryData>", "").getBytes(StandardCharsets.UTF_8));
      }
    }
    for (byte[] xml : out) assertThat(Iso20022.readsOnFastPath(xml)).as(preview(xml)).isTrue();
    return out;
  }

  // ---- mutations ---------------------------------------------------------------------------

  private static final Pattern LEAF = Pattern.compile("<([A-Za-z0-9]+)((?: [^>]*)?)>([^<]*)</\\1>");
  private static final Pattern START = Pattern.compile("<([A-Za-z][A-Za-z0-9]*)([ >])");

  /** Values at and past the edges of the facets the peer messages use. */
  private static final String[] VALUES = {"", " ", "A", "AB", "ABC", "abc", "RUB", "RU", "IR", "XXXX", "CLRG", "SHAR", "DEBT",
      "ACSC", "RJCT", "PDNG", "ACCP", "true", "false", "1", "0", "TRUE", " true", "0", "-0", "00", "1.5", "1.", ".5", "+1", "-1",
      "1e3", "0.00001", "0.000001", "123456789012345678", "1234567890123456789", "12345678901234567.1", "1.123456",
      "2026-03-02", "2026-02-29", "2024-02-29", "1900-02-29", "2000-02-29", "0000-01-01", "0001-01-01", "2026-13-01",
      "2026-00-10", "2026-04-31", "2026-03-02Z", "2026-03-02+03:00", " 2026-03-02", "26-03-02", "2026-3-2",
      "2026-03-02T09:30:00", "2026-03-02T09:30:00Z", "2026-03-02T09:30:00+03:00", "2026-03-02T09:30:00.123+03:00",
      "2026-03-02T24:00:00", "2026-03-02T23:59:60", "2026-03-02T09:30:00+14:00", "2026-03-02T09:30:00+13:59",
      "2026-03-02T09:30:00+15:00", "2026-03-02T09:30:00.+03:00", "2026-03-02T09:30:00.1234567890Z", "2026-03-02T9:30:00",
      "09:30:00", "09:30:00Z", "09:30:00.5+03:00", "24:00:00", "09:60:00", "09:30", "SABRRUMMXXX", "SABRRUMM", "SABRRUMMXX",
      "sabrrummxxx", "SABR1UMMXXX", "IR062960000000100324200001", "IR06", "ir062960000000100324200001",
      "00000000-1f7f-49de-aed0-16487c27b42d", "00000000-1f7f-39de-aed0-16487c27b42d", "00000000-1F7F-49DE-AED0-16487C27B42D",
      "00000000-1f7f-49de-ced0-16487c27b42d", "+7-4951234567", "+7-(495)123-45-67", "7-4951234567", "+1234-5",
      "529900T8BM49AURSDO55", "529900T8BM49AURSDO5X", "&amp;", "&lt;&gt;", "<![CDATA[x]]>", "<![CDATA[]]>", "a<!--c-->b",
      "\u00e9\u00e9", "\uD83D\uDE00", "\uD83D\uDE00".repeat(18), "\uD83D\uDE00".repeat(35), "\uD83D\uDE00".repeat(36), "\t", "\n",
      "a\r\nb", "&#9;", "&#x20;"};

  private static String mutate(String s, Random rnd) {
    return switch (rnd.nextInt(12)) {
      case 0, 1, 2 -> replaceLeaf(s, rnd, VALUES[rnd.nextInt(VALUES.length)]);
      case 3 -> replaceLeaf(s, rnd, null);
      case 4 -> dropElement(s, rnd);
      case 5 -> duplicateElement(s, rnd);
      case 6 -> swapWithNext(s, rnd);
      case 7 -> attribute(s, rnd);
      case 8 -> namespace(s, rnd);
      case 9 -> moveElement(s, rnd);
      case 10 -> rename(s, rnd);
      default -> whitespace(s, rnd);
    };
  }

  /** A random element below the root: {start, end} of its whole text, or null. */
  private static int[] element(String s, Random rnd) {
    Matcher m = nth(START, s, rnd);
    if (m == null || m.start() == 0) return null;
    String name = m.group(1);
    int end = close(s, m.start(), name);
    return end < 0 ? null : new int[] {m.start(), end};
  }

  /** The end of the element named {@code name} starting at {@code from}, or -1. */
  private static int close(String s, int from, String name) {
    int depth = 0;
    int i = from;
    while (i < s.length()) {
      int lt = s.indexOf('<', i);
      if (lt < 0) return -1;
      int gt = s.indexOf('>', lt);
      if (gt < 0) return -1;
      boolean closing = s.startsWith("</" + name + ">", lt);
      boolean opening = s.startsWith("<" + name, lt) && (s.charAt(lt + 1 + name.length()) == '>' || s.charAt(lt + 1 + name.length()) == ' ');
      if (opening && s.charAt(gt - 1) != '/') depth++;
      if (opening && s.charAt(gt - 1) == '/' && depth == 0) return gt + 1;
      if (closing && --depth == 0) return gt + 1;
      i = gt + 1;
    }
    return -1;
  }

  private static Matcher nth(Pattern p, String s, Random rnd) {
    Matcher m = p.matcher(s);
    int count = 0;
    while (m.find()) count++;
    if (count == 0) return null;
    int pick = rnd.nextInt(count);
    m = p.matcher(s);
    for (int i = 0; i <= pick; i++) m.find();
    return m;
  }

  /** A leaf's text replaced by {@code value}, or (null) by its own text cut or padded at a length edge. */
  private static String replaceLeaf(String s, Random rnd, String value) {
    Matcher m = nth(LEAF, s, rnd);
    if (m == null) return s;
    String text = m.group(3);
    if (value == null) {
      int[] lengths = {1, 2, 3, 4, 8, 11, 16, 34, 35, 36, 70, 71, 105, 140, 141, 350, 351};
      int target = lengths[rnd.nextInt(lengths.length)];
      String filler = rnd.nextBoolean() ? "9" : "A";
      value = text.length() >= target ? text.substring(0, target) : text + filler.repeat(target - text.length());
    }
    return s.substring(0, m.start(3)) + value + s.substring(m.end(3));
  }

  private static String dropElement(String s, Random rnd) {
    int[] e = element(s, rnd);
    return e == null ? s : s.substring(0, e[0]) + s.substring(e[1]);
  }

  private static String duplicateElement(String s, Random rnd) {
    int[] e = element(s, rnd);
    return e == null ? s : s.substring(0, e[1]) + s.substring(e[0], e[1]) + s.substring(e[1]);
  }

  /** An element and the sibling right after it, swapped. */
  private static String swapWithNext(String s, Random rnd) {
    int[] e = element(s, rnd);
    if (e == null) return s;
    Matcher next = START.matcher(s);
    if (!next.find(e[1]) || next.start() != e[1]) return s;
    int end = close(s, e[1], next.group(1));
    if (end < 0) return s;
    return s.substring(0, e[0]) + s.substring(e[1], end) + s.substring(e[0], e[1]) + s.substring(end);
  }

  /** An element moved to just before another one somewhere else. */
  private static String moveElement(String s, Random rnd) {
    int[] e = element(s, rnd);
    if (e == null) return s;
    String el = s.substring(e[0], e[1]);
    String rest = s.substring(0, e[0]) + s.substring(e[1]);
    Matcher target = nth(START, rest, rnd);
    if (target == null || target.start() == 0) return s;
    return rest.substring(0, target.start()) + el + rest.substring(target.start());
  }

  private static final String[] ATTRIBUTES = {" Ccy=\"RUB\"", " Ccy=\"rub\"", " Ccy=\"RUBL\"", " Ccy=\"\"", " x=\"1\"",
      " xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
      " xsi:type=\"xs:string\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"",
      " xmlns:p=\"urn:p\" p:Ccy=\"RUB\"", " xmlns:p=\"urn:p\"", " xml:lang=\"en\"", " Ccy=\" RUB\""};

  private static String attribute(String s, Random rnd) {
    if (rnd.nextInt(3) == 0) {
      // Take an amount's currency away, or give it another value.
      int at = s.indexOf(" Ccy=\"", rnd.nextInt(Math.max(1, s.length())));
      if (at < 0) at = s.indexOf(" Ccy=\"");
      if (at < 0) return s;
      int end = s.indexOf('"', at + 6) + 1;
      return s.substring(0, at) + (rnd.nextBoolean() ? "" : ATTRIBUTES[rnd.nextInt(ATTRIBUTES.length)]) + s.substring(end);
    }
    Matcher m = nth(START, s, rnd);
    if (m == null) return s;
    return s.substring(0, m.end(1)) + ATTRIBUTES[rnd.nextInt(ATTRIBUTES.length)] + s.substring(m.end(1));
  }

  /** An element put into another namespace, or the Document's namespace declared under a prefix. */
  private static String namespace(String s, Random rnd) {
    int[] e = element(s, rnd);
    if (e == null) return s;
    String el = s.substring(e[0], e[1]);
    Matcher nm = START.matcher(el);
    if (!nm.lookingAt() || el.endsWith("/>")) return s;
    String name = nm.group(1);
    String replaced = switch (rnd.nextInt(3)) {
      case 0 -> "<" + name + " xmlns=\"urn:other\"" + el.substring(1 + name.length());
      case 1 -> "<" + name + " xmlns=\"\"" + el.substring(1 + name.length());
      default -> {
        String ns = "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08";
        yield "<p:" + name + " xmlns:p=\"" + ns + "\"" + el.substring(1 + name.length(), el.length() - name.length() - 3) + "</p:" + name + ">";
      }
    };
    return s.substring(0, e[0]) + replaced + s.substring(e[1]);
  }

  private static final String[] NAMES = {"Nm", "Id", "BICFI", "Othr", "Cd", "Prtry", "Amt", "Ccy", "Dt", "Tp", "Bogus", "MsgId"};

  private static String rename(String s, Random rnd) {
    Matcher m = nth(LEAF, s, rnd);
    if (m == null) return s;
    String name = NAMES[rnd.nextInt(NAMES.length)];
    return s.substring(0, m.start()) + "<" + name + m.group(2) + ">" + m.group(3) + "</" + name + ">" + s.substring(m.end());
  }

  private static final String[] SPACES = {" ", "\n", "\t", "\r\n  ", "x", "<!--c-->", "<?pi x?>", "&#32;", "<![CDATA[ ]]>"};

  /** Something between two tags: white space (allowed), text (not), a comment or a PI. */
  private static String whitespace(String s, Random rnd) {
    Matcher m = nth(START, s, rnd);
    if (m == null || m.start() == 0) return s;
    return s.substring(0, m.start()) + SPACES[rnd.nextInt(SPACES.length)] + s.substring(m.start());
  }

  private static String preview(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    return s.length() > 400 ? s.substring(0, 400) + "..." : s;
  }
}
