package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer over the CBPR+ samples and generated messages: truncation, bit flips,
 * duplicated, deleted, swapped and renamed elements, huge values, odd values, DOCTYPE and entity
 * injection, deep nesting, foreign namespaces and encodings. For every input, in every read mode:
 * no exception escapes, no internal error is reported, every unreadable input says why, every
 * message read can be written and reads back equal, and no input costs more than 100 ms.
 *
 * <p>Run longer with {@code -Drialto.fuzz.iterations=1000000} (and {@code -Drialto.fuzz.seed=N}).
 */
class FuzzTest {
  private static final int ITERATIONS = Integer.getInteger("rialto.fuzz.iterations", 20_000);
  private static final long SEED = Long.getLong("rialto.fuzz.seed", 20_260_302L);
  private static final long MAX_NANOS_PER_INPUT = 100_000_000L;
  private static final ReadOptions[] MODES = {ReadOptions.EDGE, ReadOptions.INTERNAL, ReadOptions.PARSE_ONLY};
  private static final String[] ODD_VALUES = {"", " ", "-1", "0", "1e5", "NaN", "99999999999999999999999999", "0.000001",
      "2026-02-30", "2026-01-01T25:61:00Z", "&amp;", "]]>", "\u0416\u0416", "&#1;", "&#x10FFFF;", "\uD83D\uDE00", "true", "XXX",
      "00000000-0000-4000-8000-000000000000", "ABCDXX12", "IR00", "+", ".", "-0.00", "1.", "\t\n"};
  private static final String[] ELEMENTS = {"<IBAN>GB00</IBAN>", "<BICFI>A</BICFI>", "<Ccy>XAU</Ccy>", "<NbOfTxs>9</NbOfTxs>",
      "<UETR>x</UETR>", "<CtrlSum>1</CtrlSum>", "<SplmtryData><Envlp><a/></Envlp></SplmtryData>", "<Nm/>", "<Bogus>1</Bogus>",
      "<AdrLine>x</AdrLine>", "<ChrgBr>DEBT</ChrgBr>", "<IntrBkSttlmAmt Ccy=\"EUR\">1</IntrBkSttlmAmt>", "<Id><IBAN>x</IBAN></Id>"};
  private static final String[] DOCTYPES = {
      "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
      "<!DOCTYPE Document SYSTEM \"http://127.0.0.1:9/evil.dtd\">",
      "<!DOCTYPE Document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
      "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;]>",
      "<!DOCTYPE Document>"};

  private static final java.util.regex.Pattern DOCUMENT_NAMESPACE =
      java.util.regex.Pattern.compile("urn:iso:std:iso:20022:tech:xsd:[a-z]{4}\\.\\d{3}\\.\\d{3}\\.\\d{2}\">");
  private static final java.util.regex.Pattern UTF8_DECLARATION = java.util.regex.Pattern.compile("encoding=['\"]UTF-8['\"]");
  private static final java.util.regex.Pattern MSG_ID = java.util.regex.Pattern.compile("<MsgId>[^<]*</MsgId>");

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  @Test
  void mutatedMessagesNeverEscapeNeverHangAndRoundTrip() {
    List<byte[]> corpus = corpus();
    // The big samples (camt reports of 50+ kB) exercise the same paths as the small messages at ten
    // times the cost: they are the seed of one input in eight.
    List<byte[]> small = corpus.stream().filter(c -> c.length <= 16_000).toList();
    List<byte[]> large = corpus.stream().filter(c -> c.length > 16_000).toList();
    Iso20022.warmUp();
    for (int round = 0; round < 3; round++) {
      for (byte[] c : corpus) {
        for (ReadOptions mode : MODES) Iso20022.read(c, mode);
      }
    }
    Random rnd = new Random(SEED);
    List<String> problems = new ArrayList<>();
    long slowest = 0;
    for (int i = 0; i < ITERATIONS && problems.size() < 5; i++) {
      List<byte[]> pool = large.isEmpty() || rnd.nextInt(8) != 0 ? small : large;
      byte[] seedInput = pool.get(rnd.nextInt(pool.size()));
      byte[] input = mutate(seedInput, rnd);
      ReadOptions mode = MODES[i % MODES.length];
      int before = problems.size();
      long nanos = timedRead(input, mode, problems, i);
      if (nanos > MAX_NANOS_PER_INPUT) {
        // A busy machine can stall any thread: a slow input must be slow again (and burn CPU) to count.
        long again = Math.min(timedRead(input, mode, problems, i), timedRead(input, mode, problems, i));
        if (again > MAX_NANOS_PER_INPUT) {
          problems.add("input " + i + " took " + again / 1_000_000 + " ms: " + preview(input));
        }
        nanos = again;
      }
      if (problems.size() > before) keep(i, input);
      slowest = Math.max(slowest, nanos);
    }
    System.out.printf("fuzz: %d inputs, %d unreadable, slowest %.1f ms, seed %d%n", ITERATIONS, unreadable, slowest / 1e6, SEED);
    assertThat(problems).isEmpty();
    assertThat(unreadable).as("mutations must reach the error paths").isGreaterThan(ITERATIONS / 10);
  }

  private int unreadable;

  /** Failing inputs go to target/fuzz-failures, to replay them. */
  private static void keep(int i, byte[] input) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "fuzz-failures");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(dir.resolve("input-" + i + ".xml"), input);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Reads once, checks the invariants, returns the time: the lower of wall-clock and thread CPU time. */
  private long timedRead(byte[] input, ReadOptions mode, List<String> problems, int i) {
    long wallStart = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    ReadResult r;
    try {
      r = Iso20022.read(input, mode);
    } catch (Throwable t) {
      problems.add("input " + i + " threw " + t + ": " + preview(input));
      return 0;
    }
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    long wall = System.nanoTime() - wallStart;
    if (r instanceof ReadResult.Unreadable) unreadable++;
    check(r, input, mode, problems, i);
    // Wall-clock catches blocking (a fetch, a lock); CPU time discounts other processes on the machine.
    return wall > 10 * MAX_NANOS_PER_INPUT ? wall : Math.min(wall, cpu);
  }

  private static void check(ReadResult r, byte[] input, ReadOptions mode, List<String> problems, int i) {
    if (r == null) {
      problems.add("input " + i + ": null result");
      return;
    }
    for (Finding f : r.findings()) {
      if (f.text().startsWith("internal error")) problems.add("input " + i + ": " + f + " in " + preview(input));
    }
    if (r instanceof ReadResult.Unreadable u && u.findings().isEmpty()) problems.add("input " + i + ": unreadable without a finding");
    if (r instanceof ReadResult.Parsed p) {
      try {
        byte[] written = Iso20022.write(p.envelope());
        ReadResult again = Iso20022.read(written, ReadOptions.PARSE_ONLY);
        if (!(again instanceof ReadResult.Parsed q) || !q.envelope().equals(p.envelope())) {
          problems.add("input " + i + " (" + mode + ") does not read back equal after writing: " + again.findings() + " " + preview(input));
        }
      } catch (RuntimeException e) {
        problems.add("input " + i + " (" + mode + ") was read but cannot be written: " + e + " " + preview(input));
      }
    }
  }

  private static String preview(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    return s.length() > 400 ? s.substring(0, 400) + "..." : s;
  }

  static List<byte[]> corpus() {
    List<byte[]> corpus = new ArrayList<>();
    for (String name : SamplesTest.SAMPLES) {
      // Without indentation, so the big samples stay cheap to mutate and read.
      String compact = new String(SamplesTest.sample(name), StandardCharsets.UTF_8).replaceAll(">\\s+<", "><");
      corpus.add(compact.getBytes(StandardCharsets.UTF_8));
    }
    int seed = 0;
    for (MessageType t : MessageType.values()) {
      corpus.add(Iso20022.write(new Generators(seed++, Generators.Mode.SMALL).envelope(t)));
      corpus.add(Iso20022.write(new Generators(seed++, Generators.Mode.RANDOM).envelope(t)));
    }
    corpus.add(Iso20022.write(Fixtures.envelope(Fixtures.pacs008(3))));
    return corpus;
  }

  // ---- mutations ---------------------------------------------------------------------------

  static byte[] mutate(byte[] seed, Random rnd) {
    byte[] b = seed;
    int count = 1 + rnd.nextInt(3);
    for (int k = 0; k < count; k++) b = mutateOnce(b, rnd);
    return b;
  }

  private static byte[] mutateOnce(byte[] b, Random rnd) {
    if (b.length == 0) return b;
    return switch (rnd.nextInt(16)) {
      case 0 -> java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
      case 1 -> flipBits(b, rnd);
      case 2 -> insertBytes(b, rnd);
      case 3 -> utf8(duplicateElement(text(b), rnd));
      case 4 -> utf8(deleteElement(text(b), rnd));
      case 5 -> utf8(hugeValue(text(b), rnd));
      case 6 -> utf8(oddValue(text(b), rnd));
      case 7 -> utf8(doctype(text(b), rnd));
      case 8 -> utf8(swapElements(text(b), rnd));
      case 9 -> utf8(renameElement(text(b), rnd));
      case 10 -> utf8(insertElement(text(b), rnd));
      case 11 -> utf8(foreignNamespace(text(b), rnd));
      case 12 -> utf8(deepNesting(text(b), rnd));
      case 13 -> encoding(text(b), rnd);
      case 14 -> utf8(repeatElement(text(b), rnd));
      default -> deleteBytes(b, rnd);
    };
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] flipBits(byte[] b, Random rnd) {
    byte[] out = b.clone();
    int flips = 1 + rnd.nextInt(8);
    for (int i = 0; i < flips; i++) out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
    return out;
  }

  private static byte[] insertBytes(byte[] b, Random rnd) {
    int at = rnd.nextInt(b.length + 1);
    byte[] extra = new byte[1 + rnd.nextInt(16)];
    rnd.nextBytes(extra);
    byte[] out = new byte[b.length + extra.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(extra, 0, out, at, extra.length);
    System.arraycopy(b, at, out, at + extra.length, b.length - at);
    return out;
  }

  private static byte[] deleteBytes(byte[] b, Random rnd) {
    int at = rnd.nextInt(b.length);
    int len = Math.min(b.length - at, 1 + rnd.nextInt(64));
    byte[] out = new byte[b.length - len];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, at + len, out, at, b.length - at - len);
    return out;
  }

  /** [start, end) of a random element with its content, or null. */
  private static int[] element(String s, Random rnd) {
    for (int attempt = 0; attempt < 20; attempt++) {
      int start = s.indexOf('<', rnd.nextInt(s.length()));
      if (start < 0 || start + 1 >= s.length() || !Character.isLetter(s.charAt(start + 1))) continue;
      int nameEnd = start + 1;
      while (nameEnd < s.length() && (Character.isLetterOrDigit(s.charAt(nameEnd)) || s.charAt(nameEnd) == ':' || s.charAt(nameEnd) == '.')) {
        nameEnd++;
      }
      String name = s.substring(start + 1, nameEnd);
      int tagEnd = s.indexOf('>', nameEnd);
      if (tagEnd < 0) continue;
      if (s.charAt(tagEnd - 1) == '/') return new int[] {start, tagEnd + 1};
      int close = s.indexOf("</" + name + ">", tagEnd);
      if (close < 0) continue;
      return new int[] {start, close + name.length() + 3};
    }
    return null;
  }

  private static String duplicateElement(String s, Random rnd) {
    int[] e = element(s, rnd);
    return e == null ? s : s.substring(0, e[1]) + s.substring(e[0], e[1]) + s.substring(e[1]);
  }

  private static String deleteElement(String s, Random rnd) {
    int[] e = element(s, rnd);
    return e == null ? s : s.substring(0, e[0]) + s.substring(e[1]);
  }

  private static String repeatElement(String s, Random rnd) {
    int[] e = element(s, rnd);
    if (e == null) return s;
    String one = s.substring(e[0], e[1]);
    if (one.length() > 2_000) return s;
    int times = 1 + rnd.nextInt(Math.max(1, 100_000 / one.length()));
    return s.substring(0, e[1]) + one.repeat(times) + s.substring(e[1]);
  }

  private static String swapElements(String s, Random rnd) {
    int[] a = element(s, rnd);
    int[] b = element(s, rnd);
    if (a == null || b == null || a[1] > b[0]) return s;
    return s.substring(0, a[0]) + s.substring(b[0], b[1]) + s.substring(a[1], b[0]) + s.substring(a[0], a[1]) + s.substring(b[1]);
  }

  /** A leaf's text: the span between a start tag's '>' and the next '<', when that is a leaf. */
  private static int[] leafText(String s, Random rnd) {
    for (int attempt = 0; attempt < 20; attempt++) {
      int gt = s.indexOf('>', rnd.nextInt(s.length()));
      if (gt < 0) continue;
      int lt = s.indexOf('<', gt);
      if (lt < 0 || lt + 1 >= s.length() || s.charAt(lt + 1) != '/' || s.charAt(gt - 1) == '/') continue;
      return new int[] {gt + 1, lt};
    }
    return null;
  }

  private static String hugeValue(String s, Random rnd) {
    int[] t = leafText(s, rnd);
    if (t == null) return s;
    String huge = switch (rnd.nextInt(4)) {
      case 0 -> "A".repeat(33_000);
      case 1 -> "9".repeat(5_000 + rnd.nextInt(30_000));
      case 2 -> "&amp;".repeat(10_000);
      default -> "x".repeat(1 + rnd.nextInt(2_000));
    };
    return s.substring(0, t[0]) + huge + s.substring(t[1]);
  }

  private static String oddValue(String s, Random rnd) {
    int[] t = leafText(s, rnd);
    return t == null ? s : s.substring(0, t[0]) + ODD_VALUES[rnd.nextInt(ODD_VALUES.length)] + s.substring(t[1]);
  }

  private static String doctype(String s, Random rnd) {
    String d = DOCTYPES[rnd.nextInt(DOCTYPES.length)];
    int afterDeclaration = s.startsWith("<?xml") ? s.indexOf("?>") + 2 : 0;
    String withDoctype = s.substring(0, afterDeclaration) + d + s.substring(afterDeclaration);
    return rnd.nextBoolean() ? MSG_ID.matcher(withDoctype).replaceFirst("<MsgId>&xxe;&c;</MsgId>") : withDoctype;
  }

  private static String renameElement(String s, Random rnd) {
    int[] e = element(s, rnd);
    if (e == null) return s;
    int at = e[0] + 1;
    char c = s.charAt(at);
    return s.substring(0, at) + (char) (c == 'Z' ? 'A' : c + 1) + s.substring(at + 1);
  }

  private static String insertElement(String s, Random rnd) {
    int[] e = element(s, rnd);
    if (e == null) return s;
    int at = rnd.nextBoolean() ? e[0] : e[1];
    return s.substring(0, at) + ELEMENTS[rnd.nextInt(ELEMENTS.length)] + s.substring(at);
  }

  private static String foreignNamespace(String s, Random rnd) {
    MessageType[] all = MessageType.values();
    String other = all[rnd.nextInt(all.length)].namespace();
    return switch (rnd.nextInt(3)) {
      case 0 -> DOCUMENT_NAMESPACE.matcher(s).replaceFirst(other + "\">");
      case 1 -> s.replace("head.001.001.02", "head.001.001.03");
      default -> s.replace("<Nm>", "<Nm xmlns=\"urn:other\">");
    };
  }

  private static String deepNesting(String s, Random rnd) {
    int[] e = element(s, rnd);
    if (e == null) return s;
    int depth = 10 + rnd.nextInt(5_000);
    return s.substring(0, e[0]) + "<x>".repeat(depth) + "</x>".repeat(depth) + s.substring(e[0]);
  }

  private static byte[] encoding(String s, Random rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> s.getBytes(StandardCharsets.UTF_16);
      case 1 -> UTF8_DECLARATION.matcher(s).replaceFirst("encoding=\"ISO-8859-1\"").getBytes(StandardCharsets.ISO_8859_1);
      case 2 -> UTF8_DECLARATION.matcher(s).replaceFirst("encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_8);
      default -> ("\uFEFF" + s).getBytes(StandardCharsets.UTF_8);
    };
  }
}
