package org.rialto.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.rialto.node.Node;
import org.rialto.node.config.ConfigLoader;

/**
 * {@code rialto bench corridor}: two nodes in this JVM (RUB and IRR, each on its own SQLite
 * store), an FX provider with accounts on both, and banks on both sides paying each other in
 * batches over real HTTP on loopback. Each payment is quoted first (one quote per payment, asked
 * for in one batched request per batch), then sent; it is final when the sending node has heard
 * the receiving node's decision and posted or voided leg 1, which the debtor's bank learns from
 * the pacs.002 in its inbox (read with long polling, as a bank would).
 *
 * <p>Latency is measured from the payment's submission (POST /v1/payments) to the arrival of its
 * final pacs.002 at the bank; the quote round trip before it is reported separately. In the
 * open-loop phase a batch that starts after its due instant (its lane still busy with the last one)
 * counts that lateness too. Throughput counts payments settled on both legs.
 */
final class CorridorBench {
  static final String DEALER = "DLRXRUMM";
  static final byte[] ACSC = "ACSC".getBytes(StandardCharsets.US_ASCII);
  static final ObjectMapper JSON = new ObjectMapper();
  static final int WARMUP_PART_SECONDS = 5;
  /** Phases run so far in this process: each draws its own UETRs and message ids. */
  static final AtomicLong PHASES = new AtomicLong();
  static final byte[] DUPL = "DUPL".getBytes(StandardCharsets.US_ASCII);
  /**
   * Above this share of the CPU the JIT is still compiling the paths of the load, and a phase
   * measured then pays for it. The code run per message rather than per payment (Jetty, TLS, the
   * JDK's HTTP client on the peer link, JWS) is called a hundred times less often than the
   * per-payment code, so it reaches the C2 compiler's thresholds minutes later.
   */
  static final double JIT_SETTLED_SHARE = 0.05;

  /**
   * @param maxWarmupSeconds the warm-up goes on past {@code warmupSeconds}, in parts of
   *     {@link #WARMUP_PART_SECONDS}, while the JIT compilers took more than
   *     {@link #JIT_SETTLED_SHARE} of the process's CPU in the last part, up to this many seconds in all
   */
  record Options(int seconds, int clientsPerDirection, int batch, int warmupSeconds, int maxWarmupSeconds, double openRatePerSecond) {
    Options {
      if (maxWarmupSeconds < warmupSeconds || maxWarmupSeconds > 3_600) {
        throw new IllegalArgumentException("--max-warmup-seconds: from --warmup-seconds to 3600");
      }
      if (seconds < 1 || seconds > 3_600) throw new IllegalArgumentException("--seconds: 1 to 3600");
      if (clientsPerDirection < 1 || clientsPerDirection > 26) throw new IllegalArgumentException("--clients: 1 to 26 per direction");
      if (batch < 1 || batch > 1_000) throw new IllegalArgumentException("--batch: 1 to 1000");
    }
  }

  record Phase(String key, String name, long settled, long rejected, double seconds, double p50Ms, double p99Ms, double p999Ms,
      double maxMs, double quoteP50Ms, double quoteP99Ms, double cpuShare, double cpuMicrosPerPayment, double inboxPollsPerSecond) {
    double settledPerSecond() {
      return settled / seconds;
    }

    String line() {
      return String.format(Locale.ROOT, "  %-36s %7.0f settled/s on both legs  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  max %7.2f ms"
          + "%n  %-36s (%d settled, %d rejected; quotes p50 %.2f ms p99 %.2f ms per batch; %.2f cores busy, %.0f us CPU per payment;"
          + " %.0f inbox reads/s)",
          name, settledPerSecond(), p50Ms, p99Ms, p999Ms, maxMs, "", settled, rejected, quoteP50Ms, quoteP99Ms, cpuShare, cpuMicrosPerPayment,
          inboxPollsPerSecond);
    }

    String json() {
      String k = key.replace('-', '_');
      return String.format(Locale.ROOT, "\"%s_settled_per_s\":%.0f,\"%s_p50_ms\":%.3f,\"%s_p99_ms\":%.3f,\"%s_p999_ms\":%.3f,"
          + "\"%s_quote_p99_ms\":%.3f,\"%s_rejected\":%d,\"%s_cpu_us_per_payment\":%.1f,\"%s_inbox_reads_per_s\":%.0f",
          k, settledPerSecond(), k, p50Ms, k, p99Ms, k, p999Ms, k, quoteP99Ms, k, rejected, k, cpuMicrosPerPayment, k,
          inboxPollsPerSecond);
    }
  }

  /** One node of the corridor as the bench drives it. */
  static final class Side {
    final String nodeId;
    final String currency;
    final int minorUnits;
    final String centralBank;
    final String bankPrefix;
    final String country;
    final long bankOpeningMinor;
    final long dealerOpeningMinor;
    final String rate;
    final long minAmountMinor;
    final long maxAmountMinor;
    int port;
    Node node;
    DemoPki pki;
    Side other;
    final List<String> banks = new ArrayList<>();

    Side(String nodeId, String currency, int minorUnits, String centralBank, String bankPrefix, String country,
        long bankOpeningMinor, long dealerOpeningMinor, String rate, long minAmountMinor, long maxAmountMinor) {
      this.nodeId = nodeId;
      this.currency = currency;
      this.minorUnits = minorUnits;
      this.centralBank = centralBank;
      this.bankPrefix = bankPrefix;
      this.country = country;
      this.bankOpeningMinor = bankOpeningMinor;
      this.dealerOpeningMinor = dealerOpeningMinor;
      this.rate = rate;
      this.minAmountMinor = minAmountMinor;
      this.maxAmountMinor = maxAmountMinor;
    }

    String format(long minor) {
      return BigDecimal.valueOf(minor, minorUnits).toPlainString();
    }

    /**
     * Each node's ledger is sized for the run, as an operator sizes a node for its volume: a bench
     * run settles well under a million payments per node (two transfers each on the sending side), and
     * a ledger left to double its tables mid-phase pauses its node to move the copies.
     */
    static final int EXPECTED_TRANSFERS_PER_NODE = 1 << 21;

    String yaml(Path dir) {
      var y = new StringBuilder();
      y.append("node: ").append(nodeId).append("\ncurrency: {code: ").append(currency).append(", minorUnits: ").append(minorUnits)
          .append("}\ncentralBank: ").append(centralBank).append("\nlisten: {host: 127.0.0.1, port: ").append(port)
          .append("}\nstore: {url: '").append(dir.resolve(nodeId + ".db").toAbsolutePath()).append("', expectedTransfers: ").append(EXPECTED_TRANSFERS_PER_NODE).append("}\nparticipants:\n")
          .append("  - {bic: ").append(centralBank).append(", name: Central Bank, country: ").append(country).append("}\n")
          .append("  - {bic: ").append(DEALER).append(", name: Dealer Bank, country: RU, openingBalance: '")
          .append(format(dealerOpeningMinor)).append("'}\n");
      for (String b : banks) {
        y.append("  - {bic: ").append(b).append(", name: 'Bank ").append(b).append("', country: ").append(country)
            .append(", openingBalance: '").append(format(bankOpeningMinor)).append("'}\n");
      }
      y.append("peers:\n  - node: ").append(other.nodeId).append("\n    url: https://127.0.0.1:").append(other.port)
          .append("\n    currency: {code: ").append(other.currency).append(", minorUnits: ").append(other.minorUnits)
          .append("}\n    bics: [").append(other.country).append("]\nfxProviders: [").append(DEALER).append("]\n");
      y.append(pki.yaml(nodeId, List.of(other.nodeId)));
      return y.toString();
    }
  }

  static int freePort() throws Exception {
    // Reserves the operator listener's port (bank port + 1) too: see FreePorts.
    return org.rialto.node.config.FreePorts.bankAndOperator();
  }

  /**
   * Runs the corridor, and with {@code baseline} the named baseline of the same run: a second pair
   * of nodes whose writers commit each turn before they start the next (no pipelining, no group
   * commit). Both pairs run in this one JVM, so the order of their phases must not favour either:
   * both are warmed up before anything is measured, and their closed-loop phases alternate
   * A B B A (each half the phase's seconds), which gives each pair the same mean position in the
   * run. Measured in sequence instead (all of one pair, then the other), the pair measured later
   * paid about half the CPU per payment of the one measured first even when both pairs were
   * identical (both serial: 569 against 965 us per payment): the JIT compiles for minutes.
   *
   * @return the closed loop, the half-rate phase, and with {@code baseline} the baseline's closed loop
   */
  /** Rows phase of a commit past which the committer's stack is sampled (and as often). */
  static final long SAMPLE_COMMITS_OVER_MILLIS = 20;
  /** Slow commits whose samples are shown one by one; the rest only in the count by frame. */
  private static final int SAMPLED_COMMITS_SHOWN = 3;

  /**
   * Where the committers were while a commit's rows ran past {@link #SAMPLE_COMMITS_OVER_MILLIS}:
   * the samples counted by innermost frame and the node's own frame nearest it, then the commits
   * sampled most, each with its last stack.
   */
  static void printCommitSamples(List<org.rialto.store.SlowCommitSampler.Sample> samples, long phaseStartNanos, PrintStream out) {
    if (samples.isEmpty()) {
      out.printf(Locale.ROOT, "    commit rows past %d ms: none sampled%n", SAMPLE_COMMITS_OVER_MILLIS);
      return;
    }
    var byFrame = new java.util.TreeMap<String, Integer>();
    var byCommit = new java.util.LinkedHashMap<Long, List<org.rialto.store.SlowCommitSampler.Sample>>();
    for (var s : samples) {
      String inner = s.frames().isEmpty() ? "?" : s.frames().get(0);
      String own = s.frames().stream().filter(f -> f.startsWith("org.rialto.")).findFirst().orElse("-");
      byFrame.merge(inner + "  <-  " + own, 1, Integer::sum);
      byCommit.computeIfAbsent(s.commitStartNanos(), k -> new ArrayList<>()).add(s);
    }
    out.printf(Locale.ROOT, "    commit rows past %d ms: %d samples in %d commits (one per %d ms, at most %d a second), by innermost frame <- the node's nearest:%n",
        SAMPLE_COMMITS_OVER_MILLIS, samples.size(), byCommit.size(), SAMPLE_COMMITS_OVER_MILLIS,
        org.rialto.store.SlowCommitSampler.MAX_SAMPLES_PER_SECOND);
    byFrame.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8)
        .forEach(e -> out.printf(Locale.ROOT, "      %4d  %s%n", e.getValue(), e.getKey()));
    byCommit.values().stream().sorted((a, b) -> b.size() - a.size()).limit(SAMPLED_COMMITS_SHOWN).forEach(list -> {
      var last = list.get(list.size() - 1);
      out.printf(Locale.ROOT, "      commit at %.3f s, rows still running at %.1f ms (%d samples), last stack:%n",
          (last.commitStartNanos() - phaseStartNanos) / 1e9, (last.atNanos() - last.commitStartNanos()) / 1e6, list.size());
      for (String f : last.frames()) out.printf(Locale.ROOT, "        %s%n", f);
    });
  }

  static List<Phase> run(Options options, PrintStream out, boolean baseline) throws Exception {
    var phases = new ArrayList<Phase>();
    try (var main = Pair.start(false, options, out); var base = baseline ? Pair.start(true, options, out) : null) {
      if (options.warmupSeconds() > 0) {
        long settled = warmUp(main, "warm-up", options, 0, out);
        if (base != null) {
          // As many payments as the corridor's pair: each payment leaves rows in the store and an
          // entry in the payment index, and with twice the history (the first pair's warm-up also
          // carries the JIT) the corridor's pair paid about 1.1x the CPU per payment of an identical
          // baseline pair (an A/A run, session 9).
          warmUp(base, "baseline warm-up", options, settled, out);
          settleBoth(main, base, options, out);
        }
      }
      String closed = "batches of " + options.batch() + ", closed loop";
      Phase max;
      if (base == null) {
        max = main.phase("batch", closed, options.seconds(), 0, out).print(out);
      } else {
        out.printf(Locale.ROOT, "closed loop in four parts, A B B A: A the corridor, B the baseline (both writers commit each turn"
            + " before the next: no pipeline, no group commit)%n");
        int first = (options.seconds() + 1) / 2;
        int second = Math.max(1, options.seconds() - first);
        String serial = "baseline: batches of " + options.batch() + ", serial commits";
        var a1 = main.phase("batch", closed, first, 0, out);
        var b1 = base.phase("baseline", serial, first, 0, out);
        var b2 = base.phase("baseline", serial, second, 0, out);
        var a2 = main.phase("batch", closed, second, 0, out);
        max = Raw.merge(a1, a2).print(out);
        Phase b = Raw.merge(b1, b2).print(out);
        phases.add(b);
      }
      phases.add(0, max);
      // A fixed open-loop rate lets two builds be compared at the same offered load on a shared
      // machine, where their closed loops (and so their half rates) differ with the CPU each got.
      boolean fixed = options.openRatePerSecond() > 0;
      phases.add(1, main.phase("half-rate", "batches of " + options.batch() + (fixed ? " at a fixed rate" : " at half rate"),
          options.seconds(), fixed ? options.openRatePerSecond() : max.settledPerSecond() / 2, out).print(out));
      main.checkConservation(out);
      if (base != null) base.checkConservation(out);
    }
    return phases;
  }

  /**
   * Warms a pair up for {@code warmupSeconds}, then for as long as the JIT is still busy (see {@link
   * Options}), then until it has settled at least {@code minSettled} payments.
   *
   * @return the payments the pair settled in its warm-up
   */
  static long warmUp(Pair pair, String name, Options options, long minSettled, PrintStream out) throws Exception {
    Raw raw = pair.phase("warm-up", name, options.warmupSeconds(), 0, out);
    raw.print(out);
    long settled = raw.settled;
    int total = options.warmupSeconds();
    // Twice the limit for the top-up: the pair warmed second must reach the first one's payments.
    int limit = minSettled > 0 ? 2 * options.maxWarmupSeconds() : options.maxWarmupSeconds();
    while (total < limit && (raw.jitShare() > JIT_SETTLED_SHARE && total < options.maxWarmupSeconds() || settled < minSettled)) {
      int part = Math.min(WARMUP_PART_SECONDS, limit - total);
      if (raw.jitShare() > JIT_SETTLED_SHARE) {
        out.printf(Locale.ROOT, "  (the JIT compilers took %.0f%% of the CPU: %d s more of warm-up)%n", 100 * raw.jitShare(), part);
      } else {
        out.printf(Locale.ROOT, "  (%d of the other pair's %d payments settled: %d s more of warm-up)%n", settled, minSettled, part);
      }
      raw = pair.phase("warm-up", name + ", more", part, 0, out);
      raw.print(out);
      settled += raw.settled;
      total += part;
    }
    return settled;
  }

  /**
   * Warms both pairs in turn, a part each, until neither part's JIT share is above {@link
   * #JIT_SETTLED_SHARE} (at most {@code maxWarmupSeconds} more, both parts counted). The two pairs share one JVM and
   * so one JIT, whose C2 compiler is a single thread on two cores: the node's largest methods
   * (the payment rows' writer, the writer's turn) inline some 6 KB of bytecode and take about a
   * second each to compile, several times over (OSR, then again after a deoptimization). In session
   * 8's runs of record the corridor's warm-up ended at its limit with the compiler still at 23% of
   * the CPU, the baseline's warm-up drained the rest of the queue, and the corridor's measured
   * parts paid 17 us per payment of JIT against the baseline's 8: the comparison measured who
   * came second, not the commit policy.
   */
  static void settleBoth(Pair main, Pair base, Options options, PrintStream out) throws Exception {
    int total = 0;
    while (total < options.maxWarmupSeconds()) {
      int part = Math.min(WARMUP_PART_SECONDS, options.maxWarmupSeconds() - total);
      Raw a = main.phase("warm-up", "warm-up, both in turn", part, 0, out);
      a.print(out);
      Raw b = base.phase("warm-up", "baseline warm-up, both in turn", part, 0, out);
      b.print(out);
      total += 2 * part;
      if (a.jitShare() <= JIT_SETTLED_SHARE && b.jitShare() <= JIT_SETTLED_SHARE) return;
      out.printf(Locale.ROOT, "  (the JIT compilers took %.0f%% and %.0f%% of the CPU: both pairs once more)%n", 100 * a.jitShare(),
          100 * b.jitShare());
    }
  }

  /** Two nodes paying each other, their banks' inbox readers, and the files they live in. */
  static final class Pair implements AutoCloseable {
    final Path dir;
    final Side ru;
    final Side ir;
    Inboxes inboxes;

    private Pair(Path dir, Side ru, Side ir) {
      this.dir = dir;
      this.ru = ru;
      this.ir = ir;
    }

    List<Side> sides() {
      return List.of(ru, ir);
    }

    /** @param serialCommits both writers commit each turn before the next (the named baseline) */
    static Pair start(boolean serialCommits, Options options, PrintStream out) throws Exception {
      Path dir = Files.createTempDirectory("rialto-bench-corridor");
      var pki = new DemoPki(dir);
      var ru = new Side("RU-NODE", "RUB", 2, "CBRURUMM", "RUB", "RU", 1_000_000_000_000_00L, 1_000_000_000_000_00L, "520.5",
          100_00, 100_000_00);
      var ir = new Side("IR-NODE", "IRR", 0, "CBIRIRTH", "IRB", "IR", 1_000_000_000_000_000L, 1_000_000_000_000_000L, "0.0019",
          50_000, 50_000_000);
      var pair = new Pair(dir, ru, ir);
      pair.options = options;
      try {
        ru.other = ir;
        ir.other = ru;
        for (int i = 0; i < options.clientsPerDirection(); i++) {
          ru.banks.add(ru.bankPrefix + (char) ('A' + i) + "RUMM");
          ir.banks.add(ir.bankPrefix + (char) ('A' + i) + "IRTH");
        }
        ru.pki = pki;
        ir.pki = pki;
        ru.port = freePort();
        ir.port = freePort();
        for (Side s : pair.sides()) {
          Files.writeString(dir.resolve(s.nodeId + ".yaml"), s.yaml(dir));
          // Certificates and TLS contexts before the clock starts: the phases measure payments.
          pki.bankContext(s.nodeId, s.centralBank);
          pki.bankContext(s.nodeId, DEALER);
          for (String b : s.banks) pki.bankContext(s.nodeId, b);
        }
        synchronized (System.getProperties()) {
          if (serialCommits) System.setProperty(org.rialto.node.engine.NodeEngine.SERIAL_COMMITS_PROPERTY, "true");
          // The slow-commit account says where a commit's rows waited (stacks taken past this).
          boolean sampling = System.getProperty(org.rialto.store.SlowCommitSampler.PROPERTY) == null;
          if (sampling) System.setProperty(org.rialto.store.SlowCommitSampler.PROPERTY, Long.toString(SAMPLE_COMMITS_OVER_MILLIS));
          try {
            ru.node = Node.start(ConfigLoader.load(dir.resolve("RU-NODE.yaml")), Clock.systemUTC());
            ir.node = Node.start(ConfigLoader.load(dir.resolve("IR-NODE.yaml")), Clock.systemUTC());
          } finally {
            System.clearProperty(org.rialto.node.engine.NodeEngine.SERIAL_COMMITS_PROPERTY);
            if (sampling) System.clearProperty(org.rialto.store.SlowCommitSampler.PROPERTY);
          }
        }
        for (Side s : pair.sides()) {
          try (var c = new BenchHttpClient("127.0.0.1", s.port, s.nodeId, pki)) {
            var r = c.post("/v1/fx/rates", DEALER, "application/json",
                ("{\"targetCurrency\":\"" + s.other.currency + "\",\"rate\":\"" + s.rate + "\"}").getBytes(StandardCharsets.UTF_8));
            if (r.status() != 201) throw new IllegalStateException("publishing the rate on " + s.nodeId + ": " + r.text());
          }
        }
        out.printf(Locale.ROOT, "%snodes RU-NODE (RUB) on 127.0.0.1:%d and IR-NODE (IRR) on 127.0.0.1:%d, SQLite stores in %s;"
            + " %d banks each way, batches of %d, %d s per phase%n", serialCommits ? "baseline " : "", ru.port, ir.port, dir,
            options.clientsPerDirection(), options.batch(), options.seconds());
        pair.inboxes = new Inboxes(pair.sides());
        return pair;
      } catch (Exception | Error e) {
        pair.close();
        throw e;
      }
    }

    Raw phase(String key, String name, int seconds, double ratePerSecond, PrintStream out) throws Exception {
      return CorridorBench.run(key, name, sides(), options, seconds, ratePerSecond, inboxes, out);
    }

    Options options;

    void checkConservation(PrintStream out) throws Exception {
      CorridorBench.checkConservation(ru, out);
      CorridorBench.checkConservation(ir, out);
    }

    @Override
    public void close() throws Exception {
      try {
        if (inboxes != null) inboxes.close();
      } finally {
        for (Side s : new Side[] {ir, ru}) {
          if (s.node != null) s.node.close();
        }
        NodeBench.deleteQuietly(dir);
      }
    }
  }

  /**
   * What each sending bank learns from its inbox: the final pacs.002 of each payment, as it
   * arrives. Each bank long-polls its inbox: the node answers as soon as anything arrives for it
   * (until session 5 a bank also waited at least 5 ms between reads, which put up to 5 ms on every
   * payment's measured latency).
   */
  static final class Inboxes implements AutoCloseable {
    static final int PAGE = 1_000;
    /** uetr → nanoTime at which its final status reached the bank; the value's sign says settled (+) or rejected (-). */
    final Map<UUID, Long> finals = new ConcurrentHashMap<>();
    /**
     * A sender waiting for one payment's final status, by its UETR: the reader that puts the status
     * unparks that sender alone. A monitor notified after every page woke all 8 senders at once,
     * and 8 readers and 8 senders spinning for it were a third of the load generator's samples.
     */
    final Map<UUID, Thread> waiting = new ConcurrentHashMap<>();
    /** Inbox reads so far, all banks: each is a signed answer the bank verifies, part of the load generator's cost. */
    final AtomicLong polls = new AtomicLong();
    final AtomicBoolean stop = new AtomicBoolean();
    final ExecutorService readers;
    final List<Future<?>> running = new ArrayList<>();

    Inboxes(List<Side> sides) {
      int n = sides.stream().mapToInt(s -> s.banks.size()).sum();
      readers = Executors.newFixedThreadPool(n);
      for (Side s : sides) {
        for (String bank : s.banks) running.add(readers.submit(() -> read(s, bank)));
      }
    }

    private Void read(Side side, String bank) throws Exception {
      long after = 0;
      try (var client = new BenchHttpClient("127.0.0.1", side.port, side.nodeId, side.pki)) {
        while (!stop.get()) {
          polls.incrementAndGet();
          var r = client.get("/v1/messages?after=" + after + "&limit=" + PAGE + "&waitMillis=500&xml=false", bank);
          long now = System.nanoTime();
          if (r.status() != 200) throw new IllegalStateException("inbox of " + bank + ": " + r.text());
          var page = InboxPage.read(r.body(), after);
          for (int i = 0; i < page.finals().size(); i++) {
            UUID u = page.finals().get(i);
            // Put before looking for a waiter; the sender registers before it looks: no wake-up is lost.
            finals.put(u, page.settled().get(i) ? Math.max(1, now) : -Math.max(1, now));
            Thread sender = waiting.get(u);
            if (sender != null) java.util.concurrent.locks.LockSupport.unpark(sender);
          }
          after = page.next();
        }
      }
      return null;
    }

    @Override
    public void close() throws Exception {
      stop.set(true);
      for (var f : running) f.get(30, TimeUnit.SECONDS);
      readers.shutdown();
    }
  }

  /**
   * One phase: every bank of both sides sends batches to banks of the other side. Closed loop
   * ({@code ratePerSecond} 0): a bank sends its next batch when the last one is final. Open loop:
   * batches leave at fixed instants, whatever happened to the previous ones.
   */
  static Raw run(String key, String name, List<Side> sides, Options options, int seconds, double ratePerSecond,
      Inboxes inboxes, PrintStream out) throws Exception {
    var senders = new ArrayList<Object[]>();
    for (Side s : sides) for (String b : s.banks) senders.add(new Object[] {s, b});
    long phaseNumber = PHASES.incrementAndGet();
    int lanes = senders.size();
    boolean open = ratePerSecond > 0;
    long intervalNanos = open ? (long) (1e9 * options.batch() * lanes / ratePerSecond) : 0;
    var submittedAt = new ConcurrentHashMap<UUID, Long>();
    var payLatency = new ArrayList<BenchLatency>();
    var quoteLatency = new ArrayList<BenchLatency>();
    var lateness = new ArrayList<BenchLatency>();
    var postLatency = new ArrayList<BenchLatency>();
    var sentCount = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(lanes);
    // Observation only, as in bench node: which collector pauses and slow commits (of either node)
    // the slowest payments of an open-loop phase overlapped.
    var tail = open ? new TailAttribution() : null;
    long cpuStart = NodeBench.processCpuNanos();
    long pollsStart = inboxes.polls.get();
    var threadsStart = NodeBench.threadCpuNanos();
    long[] jvmStart = jvmThreadNanos();
    java.util.Map<String, Long> threads = null;
    long threadsCpu = 0;
    var countsStart = new ArrayList<long[]>();
    for (Side s : sides) countsStart.add(counts(s));
    long startNanos = System.nanoTime() + 20_000_000L;
    long endNanos = startNanos + seconds * 1_000_000_000L;
    var work = new ArrayList<Future<?>>();
    try {
      for (int lane = 0; lane < lanes; lane++) {
        Side from = (Side) senders.get(lane)[0];
        String bank = (String) senders.get(lane)[1];
        var pay = new BenchLatency();
        var quote = new BenchLatency();
        var late = new BenchLatency();
        var post = new BenchLatency();
        postLatency.add(post);
        payLatency.add(pay);
        quoteLatency.add(quote);
        lateness.add(late);
        // Each phase (and each part of one) its own payments: parts with the same key once drew the
        // same UETRs and message ids, the node refused the repeats as duplicates (DUPL in the POST's
        // answer, nothing in the inbox), and the bench counted them as settled from the first part.
        long seed = 0xC0441D0L + lane * 7919L + key.hashCode() + phaseNumber * 1_000_003L;
        long offset = open ? intervalNanos * lane / lanes : 0;
        work.add(pool.submit(() -> {
          var random = new SplittableRandom(seed);
          try (var client = new BenchHttpClient("127.0.0.1", from.port, from.nodeId, from.pki)) {
            long k = 0;
            while (true) {
              long due = startNanos + offset + k * intervalNanos;
              long lateNanos = 0;
              if (open) {
                if (due >= endNanos) break;
                long wait = due - System.nanoTime();
                if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
                // A lane still busy with its last batch at this one's due instant (coordinated omission):
                // the payments' latency starts when they were due to be quoted and sent, not when they could be.
                lateNanos = Math.max(0, System.nanoTime() - due);
                late.record(lateNanos, options.batch());
              } else if (System.nanoTime() >= endNanos) {
                break;
              }
              var uetrs = sendBatch(client, from, bank, options.batch(), random, k, submittedAt, quote, post, lateNanos);
              sentCount.addAndGet(uetrs.size());
              if (!open) awaitFinal(inboxes, uetrs, 60_000);
              k++;
            }
          }
          return null;
        }));
      }
      for (var f : work) f.get();
      // Let the last ones finish: what is in flight at the end still counts when it settles.
      awaitFinal(inboxes, List.copyOf(submittedAt.keySet()), 120_000);
      // Before the senders' threads end, or their CPU would leave the count with them.
      threads = NodeBench.threadGroupNanos(threadsStart);
      threadsCpu = NodeBench.processCpuNanos() - cpuStart;
    } finally {
      pool.shutdownNow();
      if (tail != null) tail.close();
    }
    long settled = 0;
    long rejected = 0;
    long lastFinal = startNanos;
    for (var e : submittedAt.entrySet()) {
      long f = inboxes.finals.get(e.getKey());
      long at = Math.abs(f);
      lastFinal = Math.max(lastFinal, at);
      if (f > 0) settled++;
      else rejected++;
      // One sample per payment; the lane does not matter for percentiles.
      payLatency.get((int) (Math.floorMod(e.getKey().getLeastSignificantBits(), lanes))).record(at - e.getValue(), 1);
    }
    // Throughput over the time the phase's payments took to become final, tail included.
    double elapsed = (lastFinal - startNanos) / 1e9;
    long cpu = NodeBench.processCpuNanos() - cpuStart;
    if (open) {
      double[] lateMs = BenchLatency.percentilesMillis(lateness);
      out.printf(Locale.ROOT, "  (open loop: %.0f payments/s offered, a batch of %d every %.1f ms from each of %d banks;"
          + " a batch started after its due instant by p50 %.2f ms, p99 %.2f ms, counted in its latency)%n",
          ratePerSecond, options.batch(), intervalNanos / 1e6, lanes, lateMs[0], lateMs[1]);
      var requests = new ArrayList<TailAttribution.Request>(submittedAt.size());
      for (var e : submittedAt.entrySet()) requests.add(new TailAttribution.Request(e.getValue(), Math.abs(inboxes.finals.get(e.getKey()))));
      long p99Nanos = (long) (BenchLatency.percentilesMillis(payLatency)[1] * 1e6);
      tail.print(requests, p99Nanos, startNanos, since -> {
        var all = new ArrayList<long[]>();
        for (Side s : sides) all.addAll(s.node.engine().recentCommits(since));
        return all;
      }, since -> {
        var all = new ArrayList<long[]>();
        for (Side s : sides) all.addAll(s.node.engine().recentCheckpoints(since));
        return all;
      }, out);
      var samples = new ArrayList<org.rialto.store.SlowCommitSampler.Sample>();
      for (Side s : sides) samples.addAll(s.node.engine().slowCommitSamples(startNanos));
      printCommitSamples(samples, startNanos, out);
    }
    // The bench's own record of each payment leaves once its phase is counted: the banks, their
    // node and the load generator share this JVM, and a map of every payment of the run (a
    // million entries and more) grew the old generation, and with it each young collection's
    // pause, for the nodes as well.
    for (UUID u : submittedAt.keySet()) inboxes.finals.remove(u);
    var counts = new ArrayList<long[]>();
    for (int i = 0; i < sides.size(); i++) {
      long[] before = countsStart.get(i);
      long[] after = counts(sides.get(i));
      for (int j = 0; j < after.length; j++) after[j] -= before[j];
      counts.add(after);
    }
    long javaThreads = threads.values().stream().mapToLong(Long::longValue).sum();
    // What the process spent outside Java threads: the JIT compilers, the garbage collector, the rest of the JVM.
    long outside = Math.max(0, threadsCpu - javaThreads);
    long[] jvmEnd = jvmThreadNanos();
    // Compiler threads come and go (the JVM sizes their number): one that ended takes its ticks with it.
    long jit = Math.min(outside, Math.max(0, jvmEnd[0] - jvmStart[0]));
    long gc = Math.min(outside - jit, Math.max(0, jvmEnd[1] - jvmStart[1]));
    threads.merge("JIT compilers", jit, Long::sum);
    threads.merge("GC", gc, Long::sum);
    threads.merge("other JVM threads", outside - jit - gc, Long::sum);
    return new Raw(key, name, sides.stream().map(x -> x.nodeId).toList(), settled, rejected, elapsed, cpu,
        inboxes.polls.get() - pollsStart, payLatency, quoteLatency, postLatency, counts, threads);
  }

  /**
   * What one phase (or one part of it) measured, before it is summed up: parts of the same phase
   * merge by adding their counts and times and pooling their latency samples.
   */
  record Raw(String key, String name, List<String> nodes, long settled, long rejected, double seconds, long cpuNanos, long polls,
      List<BenchLatency> payLatency, List<BenchLatency> quoteLatency, List<BenchLatency> postLatency, List<long[]> counts,
      java.util.Map<String, Long> threads) {
    static Raw merge(Raw a, Raw b) {
      var counts = new ArrayList<long[]>();
      for (int i = 0; i < a.counts.size(); i++) {
        long[] c = a.counts.get(i).clone();
        for (int j = 0; j < c.length; j++) c[j] += b.counts.get(i)[j];
        counts.add(c);
      }
      var pay = new ArrayList<>(a.payLatency);
      pay.addAll(b.payLatency);
      var quote = new ArrayList<>(a.quoteLatency);
      quote.addAll(b.quoteLatency);
      var post = new ArrayList<>(a.postLatency);
      post.addAll(b.postLatency);
      var threads = new java.util.TreeMap<>(a.threads);
      b.threads.forEach((k, v) -> threads.merge(k, v, Long::sum));
      return new Raw(a.key, a.name, a.nodes, a.settled + b.settled, a.rejected + b.rejected, a.seconds + b.seconds,
          a.cpuNanos + b.cpuNanos, a.polls + b.polls, pay, quote, post, counts, threads);
    }

    /** The JIT compilers' share of the process's CPU in this phase. */
    double jitShare() {
      return cpuNanos <= 0 ? 0 : threads.getOrDefault("JIT compilers", 0L) / (double) cpuNanos;
    }

    Phase phase() {
      double[] p = BenchLatency.percentilesMillis(payLatency);
      double[] q = BenchLatency.percentilesMillis(quoteLatency);
      return new Phase(key, name, settled, rejected, seconds, p[0], p[1], p[2], p[3], q[0], q[1], cpuNanos / 1e9 / seconds,
          settled == 0 ? Double.NaN : cpuNanos / 1e3 / settled, polls / seconds);
    }

    /**
     * Prints the phase, then how each node shared its work: writer turns and commits per second,
     * and the peer messages it sent with the transactions each carried (the per-message work, a
     * signature each way, a round trip and a turn on each node, is shared by those).
     */
    Phase print(PrintStream out) {
      Phase phase = phase();
      out.println(phase.line());
      double[] accepted = BenchLatency.percentilesMillis(postLatency);
      out.printf(Locale.ROOT, "    of a payment's latency, the sending node's answer to its POST (leg 1 reserved, durable): p50 %.2f ms, p99 %.2f ms%n",
          accepted[0], accepted[1]);
      for (int i = 0; i < nodes.size(); i++) {
        long[] c = counts.get(i);
        out.printf(Locale.ROOT, "    %s: %.0f writer turns/s, %.0f commits/s; to its peer %.1f pacs.008/s of %.1f transfers,"
            + " %.1f pacs.028/s of %.1f requests%n", nodes.get(i), c[0] / seconds, c[1] / seconds, c[2] / seconds,
            c[2] == 0 ? 0.0 : (double) c[3] / c[2], c[4] / seconds, c[4] == 0 ? 0.0 : (double) c[5] / c[4]);
        out.printf(Locale.ROOT, "      a transfer waited %.1f ms in the outbox on average (its turn's commit included); an exchange took"
            + " %.1f ms, of which the peer's answer %.1f ms and this node's commit of it the rest%n", c[3] == 0 ? 0.0 : (double) c[9] / c[3],
            c[6] == 0 ? 0.0 : c[7] / 1e6 / c[6], c[6] == 0 ? 0.0 : c[8] / 1e6 / c[6]);
      }
      out.println(NodeBench.groupShares(threads, settled).replace("(Java threads only)", "(both nodes and the banks)"));
      return phase;
    }
  }

  /**
   * CPU so far of the JVM's own threads, which are not Java threads: the JIT compilers and the
   * garbage collector, from Linux's per-thread accounting (clock ticks of 10 ms; zeros elsewhere,
   * and the bench then shows their time as "other JVM threads").
   */
  static long[] jvmThreadNanos() {
    long[] out = new long[2];
    var tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) return out;
    try (var dirs = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) dirs::iterator) {
        String stat;
        try {
          stat = Files.readString(t.resolve("stat"));
        } catch (java.io.IOException e) {
          continue; // the thread ended meanwhile
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) continue;
        String name = stat.substring(open + 1, close);
        int kind = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? 0
            : name.startsWith("GC Thread") || name.startsWith("G1 ") ? 1 : -1;
        if (kind < 0) continue;
        String[] f = stat.substring(close + 2).split(" ");
        // Fields 14 and 15 of stat (utime, stime): the 12th and 13th after the name.
        out[kind] += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
      }
    } catch (java.io.IOException | RuntimeException e) {
      return new long[2];
    }
    return out;
  }

  /**
   * A node's writer and link counts so far: turns, commits, pacs.008s and transfers, pacs.028s and
   * requests, exchanges with their time in sum (whole, and the peer's part), and the transfers' time in the outbox.
   */
  static long[] counts(Side s) {
    var w = s.node.engine().writerCounts();
    long[] c = {w.turns(), w.commits(), 0, 0, 0, 0, 0, 0, 0, 0};
    for (var l : s.node.linkCounts()) {
      c[2] += l.transferMessages();
      c[3] += l.transfers();
      c[4] += l.statusMessages();
      c[5] += l.statusRequests();
      c[6] += l.exchanges();
      c[7] += l.exchangeNanos();
      c[8] += l.answerNanos();
      c[9] += l.outboxWaitMillis();
    }
    return c;
  }

  /**
   * Quotes a batch (one request for all its quotes), then pays it in one message; returns its UETRs.
   * {@code lateNanos}: how long after its due instant the batch started (open loop), added to its latency.
   */
  static List<UUID> sendBatch(BenchHttpClient client, Side from, String bank, int batch, SplittableRandom random, long seq,
      Map<UUID, Long> submittedAt, BenchLatency quoteLatency, BenchLatency postLatency, long lateNanos) throws Exception {
    long[] amounts = new long[batch];
    var q = new StringBuilder(batch * 64 + 16).append("{\"requests\":[");
    for (int i = 0; i < batch; i++) {
      amounts[i] = from.minAmountMinor + random.nextLong(from.maxAmountMinor - from.minAmountMinor);
      q.append(i == 0 ? "" : ",").append("{\"targetCurrency\":\"").append(from.other.currency).append("\",\"sourceAmount\":\"")
          .append(from.format(amounts[i])).append("\"}");
    }
    long q0 = System.nanoTime();
    var quoted = client.post("/v1/quotes", bank, "application/json", q.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    quoteLatency.record(System.nanoTime() - q0, 1);
    if (quoted.status() != 200) throw new IllegalStateException("quotes on " + from.nodeId + ": " + quoted.text());
    List<String> quoteIds = firstQuoteIds(quoted.body(), batch);
    var uetrs = new ArrayList<UUID>(batch);
    var b = new StringBuilder(batch * 300 + 64).append("{\"msgId\":\"X").append(bank).append('-').append(seq).append('-')
        .append(random.nextLong() & Long.MAX_VALUE).append("\",\"payments\":[");
    for (int i = 0; i < batch; i++) {
      UUID uetr = BenchLatency.uetr(random);
      uetrs.add(uetr);
      String creditor = from.other.banks.get(random.nextInt(from.other.banks.size()));
      b.append(i == 0 ? "" : ",").append("{\"uetr\":\"").append(uetr).append("\",\"debtorAgent\":\"").append(bank)
          .append("\",\"creditorAgent\":\"").append(creditor).append("\",\"amount\":\"").append(from.format(amounts[i]))
          .append("\",\"currency\":\"").append(from.currency).append("\",\"quoteId\":\"").append(quoteIds.get(i))
          .append("\",\"debtor\":{\"name\":\"Volga Energy\"},\"creditor\":{\"name\":\"Tehran Grid\"},\"remittance\":\"Invoice ")
          .append(seq).append("\"}");
    }
    byte[] body = b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    // Submission is the POST of the payments (the quote before it is timed apart), less whatever
    // time the batch started late on an open-loop schedule.
    long t0 = System.nanoTime() - lateNanos;
    for (UUID u : uetrs) submittedAt.put(u, t0);
    var paid = client.post("/v1/payments", bank, "application/json", body);
    postLatency.record(System.nanoTime() - t0 - lateNanos, batch);
    if (paid.status() != 200) throw new IllegalStateException("payments on " + from.nodeId + ": " + paid.text());
    // A payment refused as a repeat would be counted with the first one's final status.
    if (BenchLatency.count(paid.body(), DUPL) > 0) throw new IllegalStateException("payments on " + from.nodeId + " refused as duplicates: " + paid.text());
    return uetrs;
  }

  /**
   * The first (best) quote id of each result of a batched quote answer, read as a stream: the
   * bench reads every answer the node gives, and a tree of a hundred quotes with all their fields
   * cost the load generator more than the ids it needs.
   */
  static List<String> firstQuoteIds(byte[] json, int expected) throws java.io.IOException {
    var ids = new ArrayList<String>(expected);
    try (var p = JSON.getFactory().createParser(json)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) throw new IllegalStateException("quotes: not an object");
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String field = p.currentName();
        var value = p.nextToken();
        if (!"results".equals(field) || value != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
          String id = null;
          while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String f = p.currentName();
            var v = p.nextToken();
            if ("quotes".equals(f) && v == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
              while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                  String q = p.currentName();
                  p.nextToken();
                  if (id == null && "quoteId".equals(q)) id = p.getText();
                  else p.skipChildren();
                }
              }
            } else {
              p.skipChildren();
            }
          }
          if (id == null) throw new IllegalStateException("a quote request answered without a quote: " + new String(json, StandardCharsets.UTF_8));
          ids.add(id);
        }
      }
    }
    if (ids.size() != expected) throw new IllegalStateException(ids.size() + " quotes for " + expected + " requests");
    return ids;
  }

  /** One inbox page as the bench needs it: every message counted, the final pacs.002s with their outcome, the next cursor. */
  record InboxPage(int messages, List<UUID> finals, List<Boolean> settled, long next) {
    /** Read as a stream, for the same reason as the quotes. */
    static InboxPage read(byte[] json, long after) throws java.io.IOException {
      int messages = 0;
      var finals = new ArrayList<UUID>();
      var settled = new ArrayList<Boolean>();
      long next = -1;
      try (var p = JSON.getFactory().createParser(json)) {
        if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) throw new IllegalStateException("inbox: not an object");
        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
          String field = p.currentName();
          var value = p.nextToken();
          if ("next".equals(field)) {
            next = p.getLongValue();
          } else if ("messages".equals(field) && value == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
              messages++;
              String kind = null;
              String uetr = null;
              String detail = null;
              while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                  case "kind" -> kind = p.getText();
                  case "uetr" -> uetr = p.getText();
                  case "detail" -> detail = p.getText();
                  default -> p.skipChildren();
                }
              }
              if ("pacs.002".equals(kind)) {
                finals.add(UUID.fromString(uetr));
                settled.add("ACSC".equals(detail));
              }
            }
          } else {
            p.skipChildren();
          }
        }
      }
      if (next < after) throw new IllegalStateException("inbox: no next cursor, or one before " + after);
      return new InboxPage(messages, finals, settled, next);
    }
  }

  static void awaitFinal(Inboxes inboxes, List<UUID> uetrs, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    Thread me = Thread.currentThread();
    for (UUID u : uetrs) {
      // Most are final by the time the sender looks; for a missing one the sender registers under
      // its UETR, looks again (the reader puts before it looks for a waiter), and parks until that
      // reader unparks it (or 100 ms pass: a spurious or lost unpark costs a look, not a hang).
      while (!inboxes.finals.containsKey(u)) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) throw new IllegalStateException("payment " + u + " not final after " + timeoutMillis + " ms");
        inboxes.waiting.put(u, me);
        try {
          if (!inboxes.finals.containsKey(u)) java.util.concurrent.locks.LockSupport.parkNanos(Math.min(left, 100) * 1_000_000L);
        } finally {
          inboxes.waiting.remove(u);
        }
        if (Thread.interrupted()) throw new InterruptedException("waiting for payment " + u);
      }
    }
  }


  /** Each currency on its own node: the participants hold exactly the opening liquidity, nothing reserved. */
  static void checkConservation(Side s, PrintStream out) throws Exception {
    {
      // Read on the node's writer (operators' reads need a session on the operator listener; the bench is in-process).
      long[] sums = s.node.engine().query(v -> {
        long[] out2 = new long[2];
        for (var p : v.participants()) {
          var b = v.balance(p.bic());
          out2[0] = Math.addExact(out2[0], b.balanceMinor());
          out2[1] = Math.addExact(out2[1], b.reservedMinor());
        }
        return out2;
      }).get(30, java.util.concurrent.TimeUnit.SECONDS);
      BigDecimal total = BigDecimal.valueOf(sums[0], s.minorUnits);
      BigDecimal reserved = BigDecimal.valueOf(sums[1], s.minorUnits);
      BigDecimal expected = BigDecimal.valueOf(s.bankOpeningMinor, s.minorUnits).multiply(BigDecimal.valueOf(s.banks.size()))
          .add(BigDecimal.valueOf(s.dealerOpeningMinor, s.minorUnits));
      if (total.compareTo(expected) != 0 || reserved.signum() != 0) {
        throw new IllegalStateException(s.currency + " on " + s.nodeId + ": participants hold " + total + " (expected " + expected
            + "), reserved " + reserved);
      }
      out.println("  conservation on " + s.nodeId + ": participants hold " + total.toPlainString() + " " + s.currency
          + ", exactly the opening liquidity; nothing reserved");
    }
  }
}
