package org.rialto.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rialto.node.Node;
import org.rialto.node.config.ConfigLoader;
import org.rialto.node.config.NodeConfig;

/**
 * {@code rialto bench node}: one node (in this JVM, SQLite store with synchronous=FULL, as the
 * store opens it) driven over real HTTP on loopback by a load generator in the same process, so
 * both share the machine's cores. Domestic payments that all settle at once (every bank has
 * ample liquidity): the HTTP answer carries their final state, so latency from submission to
 * final status is the request's round trip.
 *
 * <p>Phases: JSON batches of 100 (closed loop, the throughput figure), single JSON payments,
 * pacs.008 with 100 and with 1 transaction over {@code POST /iso20022}, then JSON batches of 100
 * at half the batched rate, open loop on a fixed schedule (the latency figure; latency counts
 * from each request's scheduled time, so a stall is not hidden by the sender waiting).
 */
final class NodeBench {
  static final String CENTRAL_BANK = "CBRURUMM";
  static final long OPENING_MINOR = 100_000_000_000_00L;
  static final byte[] JSON_SETTLED = "\"state\":\"SETTLED\"".getBytes(StandardCharsets.US_ASCII);
  static final byte[] ISO_SETTLED = ">ACSC<".getBytes(StandardCharsets.US_ASCII);
  static final int MAX_CLIENTS = 256;

  /** The phases, in the order they run; the half-rate one needs the batched one's rate. */
  static final List<String> PHASES = List.of("batch", "single", "iso-batch", "iso-single", "half-rate", "baseline");

  /** @param screening screen every debtor and creditor name against the UN and OFAC lists, as a production node does */
  record Options(int seconds, int clients, int batch, int banks, int warmupSeconds, List<String> phases, boolean screening) {
    /**
     * What the bench node sizes its ledger for, as an operator sizes a node for its volume: every
     * second of the run at 40,000 payments (above what this machine settles), at least the node's
     * default. Without it the node's transfer tables double in the middle of a measured phase.
     */
    int expectedTransfers() {
      long runSeconds = warmupSeconds + (long) seconds * phases.size();
      long expected = Math.max(NodeConfig.StoreConfig.DEFAULT_EXPECTED_TRANSFERS, runSeconds * 40_000L);
      return (int) Math.min(expected, 1L << 24);
    }

    Options {
      for (String p : phases) {
        if (!PHASES.contains(p)) throw new IllegalArgumentException("--phases: " + p + " is not one of " + PHASES);
      }
      if (phases.contains("half-rate") && !phases.contains("batch")) {
        throw new IllegalArgumentException("--phases: half-rate runs at half the rate that batch measures; add batch");
      }
      if (seconds < 1 || seconds > 3_600) throw new IllegalArgumentException("--seconds: 1 to 3600");
      if (clients < 1 || clients > MAX_CLIENTS) throw new IllegalArgumentException("--clients: 1 to " + MAX_CLIENTS);
      if (batch < 1 || batch > 1_000) throw new IllegalArgumentException("--batch: 1 to 1000");
      if (banks < 2 || banks > 676) throw new IllegalArgumentException("banks: 2 to 676");
    }
  }

  /** One measured phase: payments settled per second and latency over payments, in ms. */
  /**
   * One measured phase: payments settled per second, latency over payments in ms, and the CPU
   * this process (node and load generator together) spent per settled payment, which says what
   * the machine could do when other work competes for its cores.
   */
  record Phase(String key, String name, long settled, long submitted, double seconds, double p50Ms, double p99Ms,
      double p999Ms, double maxMs, double cpuShare, double cpuMicrosPerPayment) {
    double settledPerSecond() {
      return settled / seconds;
    }

    String line() {
      return String.format(Locale.ROOT, "  %-36s %8.0f settled/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  max %7.2f ms"
          + "  (%d of %d settled; %.2f cores busy, %.0f us CPU per payment)",
          name, settledPerSecond(), p50Ms, p99Ms, p999Ms, maxMs, settled, submitted, cpuShare, cpuMicrosPerPayment);
    }

    String json() {
      String k = key.replace('-', '_');
      return String.format(Locale.ROOT, "\"%s_settled_per_s\":%.0f,\"%s_p50_ms\":%.3f,\"%s_p99_ms\":%.3f,\"%s_p999_ms\":%.3f,"
          + "\"%s_cpu_us_per_payment\":%.1f", k, settledPerSecond(), k, p50Ms, k, p99Ms, k, p999Ms, k, cpuMicrosPerPayment);
    }
  }

  static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }

  /** CPU time of every live thread, by thread id: where a phase's CPU went (see {@link #threadShares}). */
  static java.util.Map<Long, long[]> threadCpuNanos() {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    var out = new java.util.HashMap<Long, long[]>();
    for (long id : mx.getAllThreadIds()) {
      long cpu = mx.getThreadCpuTime(id);
      if (cpu >= 0) out.put(id, new long[] {cpu});
    }
    return out;
  }

  /** The group a thread's CPU is counted in: the node's writer and committer, HTTP, load generator, JVM. */
  static String threadGroup(String name) {
    if (name.startsWith("rialto-writer")) return "writer";
    if (name.startsWith("rialto-committer")) return "committer";
    if (name.startsWith("pool-")) return "load generator";
    if (name.startsWith("rialto-peer-crl")) return "peer CRL fetcher";
    if (name.startsWith("rialto-peer-")) return "peer dispatcher";
    // The JDK HttpClient the peer link sends with (TLS and HTTP of the forwarded pacs.008s).
    if (name.startsWith("HttpClient-")) return "peer client";
    // Javalin serves requests on virtual threads: their CPU is their carriers'.
    if (name.startsWith("ForkJoinPool-") && name.contains("-worker-")) return "http";
    if (name.startsWith("qtp") || name.contains("http") || name.contains("HTTP") || name.contains("Jetty")) return "http";
    if (name.startsWith("C1 ") || name.startsWith("C2 ") || name.startsWith("GC ") || name.startsWith("G1 ")) return "jit+gc";
    // Anything else by its name without numbers, so a new kind of thread shows up by itself.
    return name.replaceAll("[0-9]+", "#");
  }

  /** CPU per settled payment of each thread group since {@code start}, in microseconds, largest first. */
  static String threadShares(java.util.Map<Long, long[]> start, long settled) {
    return groupShares(threadGroupNanos(start), settled);
  }

  /** CPU of each thread group since {@code start} (threads started since count from zero), in nanoseconds. */
  static java.util.Map<String, Long> threadGroupNanos(java.util.Map<Long, long[]> start) {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    var byGroup = new java.util.TreeMap<String, Long>();
    for (long id : mx.getAllThreadIds()) {
      long cpu = mx.getThreadCpuTime(id);
      var info = mx.getThreadInfo(id);
      if (cpu < 0 || info == null) continue;
      long before = start.containsKey(id) ? start.get(id)[0] : 0;
      byGroup.merge(threadGroup(info.getThreadName()), cpu - before, Long::sum);
    }
    return byGroup;
  }

  static String groupShares(java.util.Map<String, Long> byGroup, long settled) {
    if (settled == 0) return "";
    // The JVM's own threads (JIT compilers, GC) are not Java threads: the process figure includes them, this does not.
    var b = new StringBuilder("    us CPU per payment by thread (Java threads only):");
    byGroup.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .filter(e -> e.getValue() / 1e3 / settled >= 0.5)
        .forEach(e -> b.append(String.format(Locale.ROOT, " %s %.1f,", e.getKey(), e.getValue() / 1e3 / settled)));
    b.setLength(b.length() - 1);
    return b.toString();
  }

  static String bic(int i) {
    return "BN" + (char) ('A' + i / 26) + (char) ('A' + i % 26) + "RUMM";
  }

  /** Writes the bench node's configuration as an operator would and loads it the same way. */
  static final String NODE_ID = "RU-BENCH";
  /** The bench node's CA and its banks' certificates, made at the start of the run. */
  static volatile DemoPki pki;

  static org.rialto.node.config.NodeConfig config(Path dir, String nodeId, int banks) throws Exception {
    return config(dir, nodeId, banks, false, NodeConfig.StoreConfig.DEFAULT_EXPECTED_TRANSFERS);
  }

  /** The lists a screening bench node uses: the two built-in ones. */
  static final String SCREENING_LISTS = "[UN, OFAC]";

  static org.rialto.node.config.NodeConfig config(Path dir, String nodeId, int banks, boolean screening,
      int expectedTransfers) throws Exception {
    var y = new StringBuilder();
    y.append("node: ").append(nodeId).append("\ncurrency: {code: RUB, minorUnits: 2}\ncentralBank: ").append(CENTRAL_BANK)
        .append("\nlisten: {host: 127.0.0.1, port: 0}\nstore: {url: '").append(dir.resolve("node.db").toAbsolutePath())
        .append("', expectedTransfers: ").append(expectedTransfers)
        .append("}\n").append(screening ? "screening: {lists: " + SCREENING_LISTS + "}\n" : "")
        .append("participants:\n  - {bic: ").append(CENTRAL_BANK).append(", name: Central Bank, country: RU}\n");
    for (int i = 0; i < banks; i++) {
      y.append("  - {bic: ").append(bic(i)).append(", name: 'Bank ").append(i).append("', country: RU, openingBalance: '")
          .append(BigDecimal.valueOf(OPENING_MINOR, 2).toPlainString()).append("'}\n");
    }
    y.append(pki.yaml(nodeId, List.of()));
    Path file = dir.resolve(nodeId + ".yaml");
    Files.writeString(file, y.toString());
    return ConfigLoader.load(file);
  }

  static List<Phase> run(Options options, PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("rialto-bench-node");
    pki = new DemoPki(dir);
    var config = config(dir, NODE_ID, options.banks(), options.screening(), options.expectedTransfers());
    // Certificates and TLS contexts before the clock starts: the phases measure payments, not issuance.
    pki.bankContext(NODE_ID, CENTRAL_BANK);
    for (int i = 0; i < options.banks(); i++) pki.bankContext(NODE_ID, bic(i));
    var phases = new ArrayList<Phase>();
    Phase baselinePhase = null;
    try (Node node = Node.start(config, Clock.systemUTC())) {
      int port = node.port();
      out.printf(Locale.ROOT, "node RU-BENCH on 127.0.0.1:%d, SQLite store %s, %d banks, %d client threads, %d s per phase, screening %s%n",
          port, dir.resolve("node.db"), options.banks(), options.clients(), options.seconds(),
          options.screening() ? "on (" + SCREENING_LISTS + ", names from a pool of " + NAMES + ")" : "off");
      var json = new JsonLoad(options.batch());
      if (options.warmupSeconds() > 0) closedLoop("warm-up", "warm-up", port, options.clients(), options.warmupSeconds(), options.banks(), json, out);
      // The baseline runs now, on its own node after the same warm-up, so neither side is
      // measured with a colder JIT or a bigger store than the other.
      if (options.phases().contains("baseline")) baselinePhase = baseline(options, out);
      Phase batched = null;
      for (String p : options.phases()) {
        switch (p) {
          case "batch" -> phases.add(batched = closedLoop(p, "JSON, batches of " + options.batch(), port, options.clients(),
              options.seconds(), options.banks(), json, out));
          case "single" -> phases.add(closedLoop(p, "JSON, single payments", port, options.clients() * 4, options.seconds(),
              options.banks(), new JsonLoad(1), out));
          case "iso-batch" -> phases.add(closedLoop(p, "pacs.008, " + options.batch() + " transactions", port, options.clients(),
              options.seconds(), options.banks(), new IsoLoad(options.batch(), options.banks()), out));
          case "iso-single" -> phases.add(closedLoop(p, "pacs.008, 1 transaction", port, options.clients() * 4, options.seconds(),
              options.banks(), new IsoLoad(1, options.banks()), out));
          case "half-rate" -> phases.add(openLoop(p, "JSON, batches of " + options.batch() + " at half rate", port,
              batched.settledPerSecond() / 2, options.seconds(), options.banks(), json, node.engine()::recentCommits,
              node.engine()::recentCheckpoints, out));
          case "baseline" -> { } // on its own node, after this one is closed
          default -> throw new IllegalStateException(p);
        }
      }
      checkConservation(node, options.banks(), out);
    } finally {
      deleteQuietly(dir);
    }
    if (baselinePhase != null) phases.add(baselinePhase);
    return phases;
  }

  /**
   * The named baseline, same run, same machine: the same node with its writer committing each
   * turn before it starts the next (no pipelining, hence no group commit), as it worked before.
   * JSON batches, closed loop, after its own warm-up.
   */
  static Phase baseline(Options options, PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("rialto-bench-node-baseline");
    // Same node id, hence the same CA and bank certificates the load generator already holds;
    // a store of its own, so it starts as empty as the node it is compared with.
    var config = config(dir, NODE_ID, options.banks(), options.screening(), options.expectedTransfers());
    Node node;
    synchronized (System.getProperties()) {
      System.setProperty(org.rialto.node.engine.NodeEngine.SERIAL_COMMITS_PROPERTY, "true");
      try {
        node = Node.start(config, Clock.systemUTC());
      } finally {
        System.clearProperty(org.rialto.node.engine.NodeEngine.SERIAL_COMMITS_PROPERTY);
      }
    }
    try (node) {
      var json = new JsonLoad(options.batch());
      out.printf(Locale.ROOT, "baseline: a second node %s on its own store, writer commits each turn before the next (no pipeline, no group commit)%n", NODE_ID);
      if (options.warmupSeconds() > 0) closedLoop("warm-up", "baseline warm-up", node.port(), options.clients(), options.warmupSeconds(), options.banks(), json, out);
      return closedLoop("baseline", "baseline: JSON, batches of " + options.batch() + ", serial commits", node.port(), options.clients(),
          options.seconds(), options.banks(), json, out);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** What one request carries and how its answer tells which payments settled. */
  interface Load {
    int payments();

    String path();

    String contentType();

    byte[] body(int bank, int banks, SplittableRandom random, long sequence);

    int settled(byte[] answer);
  }

  /** Distinct debtor and creditor names the load draws from: the same firms pay every day. */
  static final int NAMES = 2_000;
  // Checked with `rialto screen`: none of the 2,000 names is a hit on the built-in lists (some
  // river names are: "Lena" is a former vessel name on OFAC's list), so every payment settles.
  private static final String[] FIRST = {"Volga", "Kama", "Ural", "Neva", "Irtysh", "Angara", "Yenisei", "Pechora",
    "Vyatka", "Sura"};
  private static final String[] SECOND = {"Trading", "Machinery", "Energy", "Grain", "Steel", "Logistics", "Textile",
    "Chemicals", "Glassworks", "Shipping"};
  private static final String[] FORM = {"LLC", "JSC", "PJSC", "Group", "Holding"};

  static String company(SplittableRandom random) {
    int n = random.nextInt(NAMES);
    return FIRST[n % 10] + ' ' + SECOND[n / 10 % 10] + ' ' + (n / 100 + 1) + ' ' + FORM[n % 5];
  }

  /** POST /v1/payments with {"msgId", "payments": [...]} (or one bare payment). */
  static final class JsonLoad implements Load {
    private final int batch;

    JsonLoad(int batch) {
      this.batch = batch;
    }

    @Override
    public int payments() {
      return batch;
    }

    @Override
    public String path() {
      return "/v1/payments";
    }

    @Override
    public String contentType() {
      return "application/json";
    }

    @Override
    public byte[] body(int bank, int banks, SplittableRandom random, long sequence) {
      String debtor = bic(bank);
      var b = new StringBuilder(batch * 260 + 64);
      if (batch > 1) b.append("{\"msgId\":\"B").append(bank).append('-').append(sequence).append('-').append(random.nextLong() & Long.MAX_VALUE).append("\",\"payments\":[");
      for (int i = 0; i < batch; i++) {
        if (i > 0) b.append(',');
        int creditor = (bank + 1 + random.nextInt(banks - 1)) % banks;
        long amountMinor = 1_00 + random.nextInt(100_000_00);
        b.append("{\"uetr\":\"").append(BenchLatency.uetr(random)).append("\",\"debtorAgent\":\"").append(debtor)
            .append("\",\"creditorAgent\":\"").append(bic(creditor)).append("\",\"amount\":\"")
            .append(amountMinor / 100).append('.').append((char) ('0' + amountMinor % 100 / 10)).append((char) ('0' + amountMinor % 10))
            .append("\",\"currency\":\"RUB\",\"endToEndId\":\"E2E-").append(sequence).append('-').append(i)
            .append("\",\"debtor\":{\"name\":\"").append(company(random)).append("\"},\"creditor\":{\"name\":\"")
            .append(company(random)).append("\"},")
            .append("\"remittance\":\"Invoice ").append(sequence).append("\"}");
      }
      if (batch > 1) b.append("]}");
      return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int settled(byte[] answer) {
      return BenchLatency.count(answer, JSON_SETTLED);
    }
  }

  /**
   * POST /iso20022 with a pacs.008 built once per bank by the iso20022 module, then stamped with
   * a fresh MsgId and fresh UETRs for each request (the bytes in between never change).
   */
  static final class IsoLoad implements Load {
    private static final String MSG_ID_MARK = "BENCHMSGIDMARK0000000";
    private final int batch;
    /** Per bank: the message split around its MsgId and UETR placeholders. */
    private final List<List<String>> segments = new ArrayList<>();

    IsoLoad(int batch, int banks) {
      this.batch = batch;
      for (int bank = 0; bank < banks; bank++) {
        var transactions = new ArrayList<org.rialto.iso20022.CreditTransfer>();
        var marks = new ArrayList<String>();
        for (int i = 0; i < batch; i++) {
          String mark = String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", i);
          marks.add(mark);
          int creditor = (bank + 1 + i % (banks - 1)) % banks;
          transactions.add(org.rialto.iso20022.CreditTransfer.builder()
              .paymentId(org.rialto.iso20022.PaymentId.of(null, "E2E-" + i, "TX-" + i, mark))
              .interbankSettlementAmount(org.rialto.iso20022.Amount.of("RUB", (1 + i) + ".25"))
              .interbankSettlementDate(LocalDate.now(ZoneOffset.UTC))
              .chargeBearer(org.rialto.iso20022.ChargeBearer.SHAR)
              .debtor(org.rialto.iso20022.Party.of("Volga Trading LLC",
                  org.rialto.iso20022.PostalAddress.of("Lenina", "1", "101000", "Moscow", "RU")))
              .debtorAccount(org.rialto.iso20022.Account.other("40702810000000000001"))
              .debtorAgent(org.rialto.iso20022.Agent.ofBic(bic(bank)))
              .creditorAgent(org.rialto.iso20022.Agent.ofBic(bic(creditor)))
              .creditor(org.rialto.iso20022.Party.of("Kama Machinery JSC",
                  org.rialto.iso20022.PostalAddress.of("Baumana", "2", "420000", "Kazan", "RU")))
              .creditorAccount(org.rialto.iso20022.Account.other("40702810000000000002"))
              .build());
        }
        var message = org.rialto.iso20022.Pacs008.of(MSG_ID_MARK, OffsetDateTime.now(ZoneOffset.UTC),
            org.rialto.iso20022.SettlementInstruction.of(org.rialto.iso20022.SettlementMethod.CLRG), transactions);
        String xml = org.rialto.iso20022.Iso20022.writeString(org.rialto.iso20022.Envelope.of(message));
        // Split at every placeholder; odd positions are replaced per request.
        var parts = new ArrayList<String>();
        var pattern = java.util.regex.Pattern.compile(MSG_ID_MARK + "|00000000-0000-4000-8000-\\d{12}");
        var m = pattern.matcher(xml);
        int at = 0;
        while (m.find()) {
          parts.add(xml.substring(at, m.start()));
          parts.add(m.group());
          at = m.end();
        }
        parts.add(xml.substring(at));
        segments.add(parts);
      }
    }

    @Override
    public int payments() {
      return batch;
    }

    @Override
    public String path() {
      return "/iso20022";
    }

    @Override
    public String contentType() {
      return "application/xml";
    }

    @Override
    public byte[] body(int bank, int banks, SplittableRandom random, long sequence) {
      var parts = segments.get(bank);
      var fresh = new java.util.HashMap<String, String>();
      var b = new StringBuilder(parts.stream().mapToInt(String::length).sum() + 64);
      for (int i = 0; i < parts.size(); i++) {
        String p = parts.get(i);
        if (i % 2 == 0) {
          b.append(p);
        } else if (p.equals(MSG_ID_MARK)) {
          b.append("M").append(bank).append('-').append(sequence).append('-').append(random.nextInt(1_000_000));
        } else {
          b.append(fresh.computeIfAbsent(p, k -> BenchLatency.uetr(random).toString()));
        }
      }
      return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int settled(byte[] answer) {
      return BenchLatency.count(answer, ISO_SETTLED);
    }
  }

  /** Each client is one bank sending its next message as soon as the last one is answered. */
  static Phase closedLoop(String key, String name, int port, int clients, int seconds, int banks, Load load, PrintStream out) throws Exception {
    long phaseSeed = nextPhaseSeed();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long cpuStart = processCpuNanos();
    var threadsStart = threadCpuNanos();
    long startNanos = System.nanoTime();
    long endNanos = startNanos + seconds * 1_000_000_000L;
    var results = new ArrayList<Future<long[]>>();
    var latencies = new ArrayList<BenchLatency>();
    try {
      for (int c = 0; c < clients; c++) {
        int bank = c % banks;
        var latency = new BenchLatency();
        latencies.add(latency);
        long seed = 0x5EED0000L + c + (long) name.hashCode() * 31 + phaseSeed;
        results.add(pool.submit(() -> {
          var random = new SplittableRandom(seed);
          long settled = 0;
          long seq = 0;
          try (var client = new BenchHttpClient("127.0.0.1", port, NODE_ID, pki)) {
            while (System.nanoTime() < endNanos) {
              byte[] body = load.body(bank, banks, random, seq++);
              long t0 = System.nanoTime();
              var r = client.post(load.path(), bic(bank), load.contentType(), body);
              long t1 = System.nanoTime();
              if (r.status() != 200) throw new IllegalStateException(load.path() + " answered " + r.status() + ": " + r.text());
              int ok = load.settled(r.body());
              settled += ok;
              latency.record(t1 - t0, load.payments());
            }
          }
          return new long[] {settled};
        }));
      }
      long settled = 0;
      for (var f : results) settled += f.get()[0];
      double elapsed = (System.nanoTime() - startNanos) / 1e9;
      var phase = report(key, name, settled, latencies, elapsed, processCpuNanos() - cpuStart, out);
      out.println(threadShares(threadsStart, settled));
      return phase;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Requests at fixed instants, {@code rate} payments per second in requests of the load's size,
   * spread over enough connections that a slow answer does not delay the next request.
   */
  private static final java.util.concurrent.atomic.AtomicLong PHASES_STARTED = new java.util.concurrent.atomic.AtomicLong();

  /**
   * Each phase draws its own UETRs and MsgIds: a phase repeated in one run (--phases
   * batch,half-rate,half-rate) with the same seed would resend the earlier one's payments, which the
   * node answers from its idempotency records without settling anything, and they would be counted
   * as settled (the corridor bench had this bug until session 5).
   */
  static long nextPhaseSeed() {
    return PHASES_STARTED.incrementAndGet() * 0x9E3779B97F4A7C15L;
  }

  static Phase openLoop(String key, String name, int port, double ratePerSecond, int seconds, int banks, Load load,
      java.util.function.LongFunction<List<long[]>> commits, java.util.function.LongFunction<List<long[]>> checkpoints,
      PrintStream out) throws Exception {
    int connections = 16;
    long phaseSeed = nextPhaseSeed();
    double requestsPerSecond = ratePerSecond / load.payments();
    long intervalNanos = (long) (1e9 / requestsPerSecond);
    long total = (long) (requestsPerSecond * seconds);
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    var tail = new TailAttribution();
    // A connection speaks for one bank (its TLS certificate), and a lane sends for every bank its
    // turns fall on, so each lane keeps one connection per bank, opened before the schedule
    // starts: a bank keeps its connection to its node, it does not shake hands for every message
    // (with one connection per lane every request was a new mutual-TLS handshake, on both sides).
    var clients = new ArrayList<java.util.Map<Integer, BenchHttpClient>>(connections);
    try {
      for (int c = 0; c < connections; c++) {
        var byBank = new java.util.HashMap<Integer, BenchHttpClient>();
        for (long k = c; k < total && byBank.size() < banks; k += connections) {
          int bank = (int) (k % banks);
          if (byBank.containsKey(bank)) continue;
          var client = new BenchHttpClient("127.0.0.1", port, NODE_ID, pki);
          byBank.put(bank, client);
          client.connectAs(bic(bank));
        }
        clients.add(byBank);
      }
      long cpuStart = processCpuNanos();
      var threadsStart = threadCpuNanos();
      long startNanos = System.nanoTime() + 50_000_000L;
      var latencies = new ArrayList<BenchLatency>();
      var results = new ArrayList<Future<long[]>>();
      var requests = new ArrayList<List<TailAttribution.Request>>();
      for (int c = 0; c < connections; c++) {
        int lane = c;
        var latency = new BenchLatency();
        latencies.add(latency);
        var laneRequests = new ArrayList<TailAttribution.Request>();
        requests.add(laneRequests);
        var byBank = clients.get(c);
        results.add(pool.submit((Callable<long[]>) () -> {
          var random = new SplittableRandom(0x0FE11L + lane + phaseSeed);
          long settled = 0;
          for (long k = lane; k < total; k += connections) {
            long due = startNanos + k * intervalNanos;
            int bank = (int) (k % banks);
            byte[] body = load.body(bank, banks, random, k);
            long wait = due - System.nanoTime();
            if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
            var r = byBank.get(bank).post(load.path(), bic(bank), load.contentType(), body);
            long done = System.nanoTime();
            if (r.status() != 200) throw new IllegalStateException(load.path() + " answered " + r.status() + ": " + r.text());
            settled += load.settled(r.body());
            latency.record(done - due, load.payments());
            laneRequests.add(new TailAttribution.Request(due, done));
          }
          return new long[] {settled};
        }));
      }
      long settled = 0;
      for (var f : results) settled += f.get()[0];
      double elapsed = (System.nanoTime() - startNanos) / 1e9;
      out.printf(Locale.ROOT, "  (open loop: %.0f payments/s offered, %d requests of %d, one every %.2f ms)%n",
          ratePerSecond, total, load.payments(), intervalNanos / 1e6);
      var phase = report(key, name, settled, latencies, elapsed, processCpuNanos() - cpuStart, out);
      out.println(threadShares(threadsStart, settled));
      var all = new ArrayList<TailAttribution.Request>();
      for (var r : requests) all.addAll(r);
      tail.print(all, (long) (phase.p99Ms() * 1e6), startNanos, commits, checkpoints, out);
      return phase;
    } finally {
      tail.close();
      pool.shutdownNow();
      for (var byBank : clients) for (var client : byBank.values()) client.close();
    }
  }

  static Phase report(String key, String name, long settled, List<BenchLatency> latencies, double elapsedSeconds, long cpuNanos,
      PrintStream out) {
    long submitted = latencies.stream().mapToLong(BenchLatency::payments).sum();
    double[] p = BenchLatency.percentilesMillis(latencies);
    var phase = new Phase(key, name, settled, submitted, elapsedSeconds, p[0], p[1], p[2], p[3],
        cpuNanos / 1e9 / elapsedSeconds, settled == 0 ? Double.NaN : cpuNanos / 1e3 / settled);
    out.println(phase.line());
    return phase;
  }

  /** The bench must not have bought speed with wrong money: every bank's balances add up. */
  static void checkConservation(Node node, int banks, PrintStream out) throws Exception {
    {
      // Read on the node's writer (operators' reads need a session on the operator listener; the bench is in-process).
      long totalMinor = node.engine().query(v -> {
        long sum = 0;
        for (var p : v.participants()) sum = Math.addExact(sum, v.balance(p.bic()).balanceMinor());
        return sum;
      }).get(30, java.util.concurrent.TimeUnit.SECONDS);
      BigDecimal total = BigDecimal.valueOf(totalMinor, 2);
      BigDecimal expected = BigDecimal.valueOf(OPENING_MINOR, 2).multiply(BigDecimal.valueOf(banks));
      if (total.compareTo(expected) != 0) {
        throw new IllegalStateException("RUB not conserved: participants hold " + total + ", opening liquidity was " + expected);
      }
      out.println("  conservation: participants hold " + total.toPlainString() + " RUB, exactly the opening liquidity");
    }
  }

  static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // A temporary folder left behind is not worth failing a finished bench for.
    }
  }
}
