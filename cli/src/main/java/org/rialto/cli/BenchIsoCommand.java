package org.rialto.cli;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.rialto.iso20022.Account;
import org.rialto.iso20022.Agent;
import org.rialto.iso20022.Amount;
import org.rialto.iso20022.BusinessApplicationHeader;
import org.rialto.iso20022.ChargeBearer;
import org.rialto.iso20022.CodeOrProprietary;
import org.rialto.iso20022.CreditTransfer;
import org.rialto.iso20022.DateAndPlaceOfBirth;
import org.rialto.iso20022.Envelope;
import org.rialto.iso20022.Instruction;
import org.rialto.iso20022.Iso20022;
import org.rialto.iso20022.IsoMessage;
import org.rialto.iso20022.MessageType;
import org.rialto.iso20022.Pacs008;
import org.rialto.iso20022.Pacs009;
import org.rialto.iso20022.Party;
import org.rialto.iso20022.PartyId;
import org.rialto.iso20022.PaymentId;
import org.rialto.iso20022.PaymentTypeInformation;
import org.rialto.iso20022.PostalAddress;
import org.rialto.iso20022.Priority;
import org.rialto.iso20022.ReadOptions;
import org.rialto.iso20022.ReadResult;
import org.rialto.iso20022.RemittanceInformation;
import org.rialto.iso20022.SettlementInstruction;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "iso",
    mixinStandardHelpOptions = true,
    description = {
      "ISO 20022 pacs.008 throughput on one thread: read + business rules (1-transaction messages with",
      "an AppHdr, and 100-transaction messages), write, and read with XSD validation. Baseline: the",
      "common JAXP approach, a DOM parse and a javax.xml.validation Validator over the same bytes;",
      "floors: the event walk alone of Aalto (the parser Rialto reads with) and of the JDK's StAX.",
      "Bars: read + rules >= 100,000 transactions/s; write >= 150,000/s."
    })
public final class BenchIsoCommand implements Callable<Integer> {
  private static final long READ_BAR_TX_PER_S = 100_000;
  private static final long WRITE_BAR_TX_PER_S = 150_000;
  private static final int SLICES = 10;
  /** Under load the JIT itself gets little CPU: compiled code can take this long to arrive. */
  private static final double MIN_WARM_UP_SECONDS = 5;
  private static final double MIN_WARM_UP_CPU_SECONDS = 2;
  private static final double MAX_WARM_UP_SECONDS = 40;

  @Option(names = "--files", arity = "1..*", paramLabel = "FILE",
      description = "Measure read + business rules on these messages instead of generated pacs.008.")
  List<Path> files;

  @Option(names = "--seconds", description = "Measuring time per figure (best of ten slices), after a warm-up of at least 5 s (default: ${DEFAULT-VALUE}).")
  double seconds = 3;

  @Option(names = "--seed", description = "Seed of the generated messages (default: ${DEFAULT-VALUE}).")
  long seed = 20_260_302L;

  @Option(names = "--json", description = "End with one line holding every figure as a JSON object.")
  boolean json;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private static volatile Object sink;

  /**
   * Transactions per second by wall clock and by this thread's CPU time, and the minor page faults
   * this thread took per 1,000 transactions while measuring (-1 where the OS does not say).
   */
  private record Rate(double perWallSecond, double perCpuSecond, double pageFaultsPer1000Tx) {}

  @Override
  public Integer call() throws Exception {
    if (!(seconds > 0 && seconds <= 600)) throw new IllegalArgumentException("--seconds must be in (0, 600]");
    Random rnd = new Random(seed);
    Iso20022.warmUp();
    List<Envelope> single = new ArrayList<>();
    for (int i = 0; i < 64; i++) single.add(singleTransaction(rnd, i));
    List<Envelope> bulk = new ArrayList<>();
    for (int i = 0; i < 4; i++) bulk.add(hundredTransactions(rnd, i));
    List<byte[]> singleXml = single.stream().map(Iso20022::write).toList();
    List<byte[]> bulkXml = bulk.stream().map(Iso20022::write).toList();
    for (byte[] b : singleXml) requireClean(b);
    for (byte[] b : bulkXml) requireClean(b);

    System.out.printf(Locale.ROOT, "rialto bench iso: one thread, %.1f s per figure; 1-tx message %,d bytes, 100-tx message %,d bytes%n",
        seconds, singleXml.get(0).length, bulkXml.get(0).length);
    System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"), loadAverage());

    IntSupplier readSingle = cycle(singleXml, b -> count(Iso20022.read(b, ReadOptions.INTERNAL)));
    IntSupplier readBulk = cycle(bulkXml, b -> count(Iso20022.read(b, ReadOptions.INTERNAL)));
    IntSupplier writeSingle = cycleEnvelopes(single);
    IntSupplier writeBulk = cycleEnvelopes(bulk);
    IntSupplier xsdSingle = cycle(singleXml, b -> count(Iso20022.read(b, ReadOptions.EDGE)));
    IntSupplier xsdBulk = cycle(bulkXml, b -> count(Iso20022.read(b, ReadOptions.EDGE)));
    Jaxp jaxp = new Jaxp();
    IntSupplier walkSingle = cycle(singleXml, b -> jaxp.walk(jaxp.stax, b, 1));
    IntSupplier walkBulk = cycle(bulkXml, b -> jaxp.walk(jaxp.stax, b, 100));
    IntSupplier aaltoSingle = cycle(singleXml, b -> jaxp.walk(jaxp.aalto, b, 1));
    IntSupplier aaltoBulk = cycle(bulkXml, b -> jaxp.walk(jaxp.aalto, b, 100));
    IntSupplier domBulk = cycle(bulkXml, b -> jaxp.parse(b, 100));
    IntSupplier domXsdBulk = cycle(bulkXml, b -> jaxp.validate(b, 100));

    Rate read1 = measure("read + rules, 1-tx messages", readSingle);
    Rate read100 = measure("read + rules, 100-tx messages", readBulk);
    Rate files1 = null;
    if (files != null && !files.isEmpty()) {
      List<byte[]> given = new ArrayList<>();
      for (Path f : files) given.add(IsoJson.read(f));
      files1 = measure("read + rules, given files", cycle(given, b -> count(Iso20022.read(b, ReadOptions.INTERNAL))));
    }
    Rate write1 = measure("write, 1-tx messages", writeSingle);
    Rate write100 = measure("write, 100-tx messages", writeBulk);
    Rate xsd1 = measure("read + XSD + rules, 1-tx", xsdSingle);
    Rate xsd100 = measure("read + XSD + rules, 100-tx", xsdBulk);
    Rate aalto1 = measure("floor: Aalto StAX event walk, 1-tx", aaltoSingle);
    Rate aalto100 = measure("floor: Aalto StAX event walk, 100-tx", aaltoBulk);
    Rate stax1 = measure("floor: StAX event walk, 1-tx", walkSingle);
    Rate stax100 = measure("floor: StAX event walk, 100-tx", walkBulk);
    Rate dom100 = measure("baseline: DOM parse, 100-tx", domBulk);
    Rate domXsd100 = measure("baseline: DOM parse + Validator, 100-tx", domXsdBulk);

    System.out.println("load average at the end: " + loadAverage());
    Rate read = files1 != null ? files1 : min(read1, read100);
    String readBasis = files1 != null ? "given files" : read == read1 ? "1-tx messages (the lower of 1-tx and 100-tx)"
        : "100-tx messages (the lower of 1-tx and 100-tx)";
    Rate write = min(write1, write100);
    Rate xsd = min(xsd1, xsd100);
    System.out.println();
    bar("read + business rules", read, READ_BAR_TX_PER_S);
    System.out.println("  (read + business rules figure: " + readBasis + ")");
    bar("write", write, WRITE_BAR_TX_PER_S);
    System.out.printf(Locale.ROOT, "%-24s %,12.0f tx/s (no bar)%n", "read + XSD + rules", xsd.perWallSecond());
    System.out.printf(Locale.ROOT, "vs baseline: read + rules %.1fx a bare DOM parse; read + XSD + rules %.1fx DOM + Validator%n",
        read100.perWallSecond() / dom100.perWallSecond(), xsd100.perWallSecond() / domXsd100.perWallSecond());
    System.out.printf(Locale.ROOT, "vs baseline per CPU second: read + rules %.2fx a bare DOM parse; read + XSD + rules %.2fx DOM + Validator%n",
        read100.perCpuSecond() / dom100.perCpuSecond(), xsd100.perCpuSecond() / domXsd100.perCpuSecond());
    System.out.printf(Locale.ROOT, "vs the JDK parser alone (StAX walk): read + rules at %.0f%% of it (1-tx), %.0f%% (100-tx)%n",
        100 * read1.perWallSecond() / stax1.perWallSecond(), 100 * read100.perWallSecond() / stax100.perWallSecond());
    System.out.printf(Locale.ROOT, "vs Aalto alone (the parser Rialto reads with): read + rules at %.0f%% of it (1-tx), %.0f%% (100-tx)%n",
        100 * read1.perWallSecond() / aalto1.perWallSecond(), 100 * read100.perWallSecond() / aalto100.perWallSecond());
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("read_validate_tx_per_s", Math.round(read.perWallSecond()));
      out.put("write_tx_per_s", Math.round(write.perWallSecond()));
      out.put("xsd_validate_tx_per_s", Math.round(xsd.perWallSecond()));
      out.put("read_validate_basis", readBasis);
      out.put("read_validate_1tx_tx_per_s", Math.round(read1.perWallSecond()));
      out.put("read_validate_1tx_tx_per_cpu_s", Math.round(read1.perCpuSecond()));
      out.put("read_validate_1tx_page_faults_per_1000_tx", Math.round(read1.pageFaultsPer1000Tx()));
      out.put("read_validate_100tx_tx_per_cpu_s", Math.round(read100.perCpuSecond()));
      out.put("read_validate_100tx_tx_per_s", Math.round(read100.perWallSecond()));
      if (files1 != null) out.put("read_validate_files_tx_per_s", Math.round(files1.perWallSecond()));
      out.put("write_1tx_tx_per_s", Math.round(write1.perWallSecond()));
      out.put("write_100tx_tx_per_s", Math.round(write100.perWallSecond()));
      out.put("xsd_validate_1tx_tx_per_s", Math.round(xsd1.perWallSecond()));
      out.put("xsd_validate_100tx_tx_per_s", Math.round(xsd100.perWallSecond()));
      out.put("read_validate_tx_per_cpu_s", Math.round(read.perCpuSecond()));
      out.put("write_tx_per_cpu_s", Math.round(write.perCpuSecond()));
      out.put("xsd_validate_tx_per_cpu_s", Math.round(xsd.perCpuSecond()));
      out.put("floor_aalto_walk_1tx_tx_per_s", Math.round(aalto1.perWallSecond()));
      out.put("floor_aalto_walk_100tx_tx_per_s", Math.round(aalto100.perWallSecond()));
      out.put("floor_stax_walk_1tx_tx_per_s", Math.round(stax1.perWallSecond()));
      out.put("floor_stax_walk_100tx_tx_per_s", Math.round(stax100.perWallSecond()));
      out.put("baseline_dom_parse_tx_per_s", Math.round(dom100.perWallSecond()));
      out.put("baseline_dom_validator_tx_per_s", Math.round(domXsd100.perWallSecond()));
      out.put("baseline_dom_parse_tx_per_cpu_s", Math.round(dom100.perCpuSecond()));
      out.put("baseline_dom_validator_tx_per_cpu_s", Math.round(domXsd100.perCpuSecond()));
      out.put("read_bar_tx_per_s", READ_BAR_TX_PER_S);
      out.put("write_bar_tx_per_s", WRITE_BAR_TX_PER_S);
      System.out.println(IsoJson.mapper().writeValueAsString(out));
    }
    return 0;
  }

  /** The 1-minute load average (other work on the machine), or "n/a". */
  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", load);
  }

  private static Rate min(Rate a, Rate b) {
    return a.perWallSecond() <= b.perWallSecond() ? a : b;
  }

  private static void bar(String name, Rate r, long bar) {
    System.out.printf(Locale.ROOT, "%-24s %,12.0f tx/s  (%,.0f per CPU second)  bar %,d: %s%n", name, r.perWallSecond(),
        r.perCpuSecond(), bar, r.perWallSecond() >= bar ? "met" : "NOT met");
  }

  private interface Op {
    int run(byte[] b);
  }

  private static IntSupplier cycle(List<byte[]> inputs, Op op) {
    int[] i = {0};
    return () -> op.run(inputs.get(i[0]++ % inputs.size()));
  }

  private static IntSupplier cycleEnvelopes(List<Envelope> envelopes) {
    int[] i = {0};
    return () -> {
      Envelope e = envelopes.get(i[0]++ % envelopes.size());
      sink = Iso20022.write(e);
      return transactions(e.document());
    };
  }

  private static int count(ReadResult r) {
    if (!(r instanceof ReadResult.Parsed p) || !p.ok()) throw new IllegalStateException("benchmark message did not pass: " + r.findings());
    sink = p;
    return transactions(p.envelope().document());
  }

  private static int transactions(IsoMessage m) {
    return switch (m) {
      case Pacs008 p -> p.transactions().size();
      case Pacs009 p -> p.transactions().size();
      default -> 1;
    };
  }

  private static void requireClean(byte[] xml) {
    count(Iso20022.read(xml, ReadOptions.EDGE));
  }

  /**
   * Runs {@code op} for a warm-up and then for {@code seconds} in ten slices; each call
   * returns the transactions it handled. The figures are the best slice (by wall clock, and
   * separately by thread CPU time): on a machine shared with other work (where even thread CPU
   * time includes time the host gave to others) the best slice is the closest to what one core does.
   */
  private static void run(IntSupplier op, double forSeconds) {
    long end = System.nanoTime() + (long) (forSeconds * 1e9);
    while (System.nanoTime() < end) {
      for (int k = 0; k < 16; k++) op.getAsInt();
    }
  }

  private Rate measure(String name, IntSupplier op) {
    // Warmed right before it is measured: the baselines, which share the JDK's XML classes, run
    // after Rialto's figures so their profiles cannot slow Rialto's compiled code down.
    run(op, Math.max(seconds, MIN_WARM_UP_SECONDS));
    // Under heavy load this thread may have had a sliver of a core: warm until it has also run
    // for MIN_WARM_UP_CPU_SECONDS of its own CPU time (bounded), so the JIT has seen the path.
    long warmCpuEnd = threads.getCurrentThreadCpuTime() + (long) (MIN_WARM_UP_CPU_SECONDS * 1e9);
    long warmWallEnd = System.nanoTime() + (long) (MAX_WARM_UP_SECONDS * 1e9);
    while (threads.getCurrentThreadCpuTime() < warmCpuEnd && System.nanoTime() < warmWallEnd) run(op, 0.1);
    Rate best = null;
    double bestPerCpuSecond = 0;
    long faults0 = minorPageFaults();
    long allTx = 0;
    for (int slice = 0; slice < SLICES; slice++) {
      long tx = 0;
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      long end = t0 + (long) (seconds * 1e9 / SLICES);
      long now;
      do {
        for (int k = 0; k < 16; k++) tx += op.getAsInt();
        now = System.nanoTime();
      } while (now < end);
      double wall = (now - t0) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      allTx += tx;
      Rate r = new Rate(tx / wall, cpu > 0 ? tx / cpu : tx / wall, 0);
      if (best == null || r.perWallSecond() > best.perWallSecond()) best = r;
      bestPerCpuSecond = Math.max(bestPerCpuSecond, r.perCpuSecond());
    }
    // Each rate is the best slice of its own kind: under load the slice with the most wall-clock
    // progress is not always the one whose CPU time was least inflated by the other tenants.
    long faults1 = minorPageFaults();
    double faultsPer1000Tx = faults0 < 0 || faults1 < 0 || allTx == 0 ? -1 : 1000.0 * (faults1 - faults0) / allTx;
    best = new Rate(best.perWallSecond(), bestPerCpuSecond, faultsPer1000Tx);
    System.out.printf(Locale.ROOT, "  %-40s %,12.0f tx/s  %,12.0f tx per CPU second  %,8.1f page faults per 1,000 tx%n", name,
        best.perWallSecond(), best.perCpuSecond(), best.pageFaultsPer1000Tx());
    return best;
  }

  /**
   * Minor page faults of this thread so far (Linux), or -1. Shown with every figure because a
   * thread allocating into heap pages that were never touched pays a kernel fault per 4 kB page,
   * several times the cost of reading the message (BENCHMARKS.md, ISO section): a figure taken
   * with faults is not a figure of the reader.
   */
  private static long minorPageFaults() {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc/thread-self/stat"));
      // Fields after the command name, which is in parentheses and may hold spaces: state is
      // field 3 of stat(5), minflt field 10.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[7]);
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  // ---- workload ----------------------------------------------------------------------------

  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.ofHours(3));
  private static final String[] DEBTORS = {"Ivan Petrov", "OOO Romashka", "Anna Smirnova", "AO Volga Trade"};
  private static final String[] CREDITORS = {"Reza Mohammadi", "Pars Textile Co", "Maryam Hosseini", "Kish Logistics"};

  /** A CBPR+-like customer transfer RUB to IRR with full FATF R16 data and the FX quote. */
  private static CreditTransfer transfer(Random rnd, int i) {
    UUID u = new UUID((rnd.nextLong() & ~0xF000L) | 0x4000L, (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    long rubKopecks = 10_000 + (long) (rnd.nextDouble() * 500_000_000L);
    return CreditTransfer.builder()
        .paymentId(new PaymentId("I" + i + "-" + rnd.nextInt(1_000_000), "E2E-" + rnd.nextInt(1_000_000_000), "TX" + i + "-"
            + rnd.nextInt(1_000_000_000), u.toString(), null))
        .paymentTypeInformation(PaymentTypeInformation.of(rnd.nextInt(10) == 0 ? Priority.HIGH : Priority.NORM, "G001"))
        .interbankSettlementAmount(Amount.ofMinor("RUB", rubKopecks))
        .interbankSettlementDate(LocalDate.of(2026, 3, 2))
        .instructedAmount(Amount.ofMinor("IRR", rubKopecks * 466))
        .exchangeRate(new BigDecimal("466"))
        .chargeBearer(ChargeBearer.SHAR)
        .instructingAgent(Agent.ofBic("SABRRUMMXXX"))
        .instructedAgent(Agent.ofBic("CBRFRUMMXXX"))
        .debtor(new Party(DEBTORS[rnd.nextInt(DEBTORS.length)], PostalAddress.of("Tverskaya", Integer.toString(1 + rnd.nextInt(99)),
            "125009", "Moscow", "RU"), PartyId.birth(new DateAndPlaceOfBirth(LocalDate.of(1960 + rnd.nextInt(40), 1 + rnd.nextInt(12),
            1 + rnd.nextInt(28)), null, "Moscow", "RU")), "RU", null))
        .debtorAccount(Account.other("40817810" + String.format("%012d", rnd.nextLong(1_000_000_000_000L))))
        .debtorAgent(Agent.ofBic("SABRRUMMXXX"))
        .creditorAgent(Agent.ofBic("BMJIIRTHXXX"))
        .creditor(Party.of(CREDITORS[rnd.nextInt(CREDITORS.length)], PostalAddress.of("Valiasr", Integer.toString(1 + rnd.nextInt(400)),
            "1599", "Tehran", "IR")))
        .creditorAccount(Account.iban("IR062960000000100324200001"))
        .instructionsForNextAgent(List.of(Instruction.quote("Q-20260302-" + rnd.nextInt(1_000_000))))
        .purpose(CodeOrProprietary.code("GDDS"))
        .remittanceInformation(RemittanceInformation.of("Invoice " + rnd.nextInt(100_000) + " of 2026-02-27"))
        .build();
  }

  private static Envelope singleTransaction(Random rnd, int i) {
    Pacs008 m = Pacs008.of("RU-" + i, NOW, SettlementInstruction.clearing(null), transfer(rnd, i));
    return Envelope.of(BusinessApplicationHeader.of("SABRRUMMXXX", "CBRFRUMMXXX", m.messageId(), MessageType.PACS_008_001_08, NOW), m);
  }

  private static Envelope hundredTransactions(Random rnd, int i) {
    List<CreditTransfer> txs = new ArrayList<>(100);
    for (int k = 0; k < 100; k++) txs.add(transfer(rnd, k));
    return Envelope.of(Pacs008.of("RU-BULK-" + i, NOW, SettlementInstruction.clearing(null), txs));
  }

  /**
   * The baselines: what JAXP gives out of the box (a DOM parse and a Validator), and the floor of
   * any JDK-only reader: the StAX parser walking the events, configured as Rialto's is.
   */
  private static final class Jaxp {
    private final DocumentBuilder builder;
    private final Validator validator;
    private final javax.xml.stream.XMLInputFactory stax;
    /** Aalto, configured as the reader's (no DTD, no external entities). */
    private final javax.xml.stream.XMLInputFactory aalto;

    Jaxp() throws Exception {
      stax = javax.xml.stream.XMLInputFactory.newDefaultFactory();
      stax.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
      stax.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      stax.setProperty("reuse-instance", Boolean.TRUE);
      aalto = new com.fasterxml.aalto.stax.InputFactoryImpl();
      aalto.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
      aalto.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
      dbf.setNamespaceAware(true);
      dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      builder = dbf.newDocumentBuilder();
      SchemaFactory sf = SchemaFactory.newDefaultInstance();
      sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      Schema schema = sf.newSchema(Iso20022.class.getResource("xsd/pacs.008.001.08.xsd"));
      validator = schema.newValidator();
    }

    int walk(javax.xml.stream.XMLInputFactory factory, byte[] b, int tx) {
      try {
        javax.xml.stream.XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(b));
        int names = 0;
        while (r.hasNext()) {
          int ev = r.next();
          if (ev == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
            names += r.getLocalName().length();
          } else if (ev == javax.xml.stream.XMLStreamConstants.CHARACTERS) {
            sink = r.getText();
          }
        }
        r.close();
        if (names == 0) throw new IllegalStateException("no elements");
        return tx;
      } catch (javax.xml.stream.XMLStreamException e) {
        throw new IllegalStateException(e);
      }
    }

    int parse(byte[] b, int tx) {
      try {
        sink = builder.parse(new ByteArrayInputStream(b));
        return tx;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    int validate(byte[] b, int tx) {
      try {
        Document d = builder.parse(new ByteArrayInputStream(b));
        Element root = d.getDocumentElement();
        Node document = root.getLocalName().equals("Document") ? root : root.getLastChild();
        validator.validate(new DOMSource(document));
        return tx;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
