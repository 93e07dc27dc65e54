package org.rialto.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.rialto.node.payment.PaymentState;

/**
 * What a node tells Prometheus at {@code /metrics}. Counters are bumped by the writer as payments
 * change state; gauges read volatile figures the writer publishes, so scraping never touches the
 * writer's state.
 */
public final class NodeMetrics {
  /** Where a payment sits relative to this node. */
  public enum Kind {
    DOMESTIC,
    OUTGOING,
    INCOMING
  }

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<Kind, Map<PaymentState, Counter>> payments = new EnumMap<>(Kind.class);
  private final Map<Kind, Timer> settlementLatency = new EnumMap<>(Kind.class);
  private final DistributionSummary batchCommands;
  private final Counter ledgerEvents;
  private final Map<String, AtomicLong> queueDepth = new ConcurrentHashMap<>();
  private final DistributionSummary batchLedgerEvents;
  private final Timer turnTime;
  private final Timer commitTime;
  private final Counter sanctionsHits;
  private final Counter amlHits;
  private final Counter holds;

  public NodeMetrics(String nodeId, String currency) {
    registry.config().commonTags("node", nodeId, "currency", currency);
    for (Kind kind : Kind.values()) {
      var byState = new EnumMap<PaymentState, Counter>(PaymentState.class);
      for (PaymentState state : PaymentState.values()) {
        byState.put(state, Counter.builder("rialto_payments")
            .description("payments reaching a state, by kind")
            .tag("kind", kind.name().toLowerCase()).tag("state", state.name()).register(registry));
      }
      payments.put(kind, byState);
      settlementLatency.put(kind, Timer.builder("rialto_payment_final")
          .description("from receipt to final state (settled or rejected)")
          .tag("kind", kind.name().toLowerCase())
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
          .register(registry));
    }
    batchCommands = DistributionSummary.builder("rialto_writer_batch_commands")
        .description("commands the writer took in one turn").publishPercentileHistogram()
        .minimumExpectedValue(1.0).maximumExpectedValue(4096.0).register(registry);
    ledgerEvents = Counter.builder("rialto_ledger_events").description("ledger events applied").register(registry);
    batchLedgerEvents = DistributionSummary.builder("rialto_writer_batch_ledger_events")
        .description("ledger events the writer applied in one turn (one journal batch)").publishPercentileHistogram()
        .minimumExpectedValue(1.0).maximumExpectedValue(65_536.0).register(registry);
    turnTime = Timer.builder("rialto_writer_turn").description("one writer turn: validate, apply, commit, answer")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
    commitTime = Timer.builder("rialto_store_commit").description("making one turn durable (one database transaction)")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
    sanctionsHits = Counter.builder("rialto_screening_hits").description("explanations that held payments, by source")
        .tag("source", "sanctions").register(registry);
    amlHits = Counter.builder("rialto_screening_hits").description("explanations that held payments, by source")
        .tag("source", "aml").register(registry);
    holds = Counter.builder("rialto_compliance_holds").description("payments held for an operator (cases opened)").register(registry);
  }

  public void payment(Kind kind, PaymentState state, long receivedAtMillis, long nowMillis) {
    payments.get(kind).get(state).increment();
    if (state.isFinal() && state != PaymentState.RETURNED) {
      settlementLatency.get(kind).record(Duration.ofMillis(Math.max(0, nowMillis - receivedAtMillis)));
    }
  }

  public void turn(int commands, int ledgerEventCount) {
    if (commands > 0) batchCommands.record(commands);
    if (ledgerEventCount > 0) {
      ledgerEvents.increment(ledgerEventCount);
      batchLedgerEvents.record(ledgerEventCount);
    }
  }

  /** A turn's whole time and the part spent making it durable; idle ticks are not counted. */
  public void turnTimes(long turnNanos, long commitNanos) {
    turnTime.record(turnNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    commitTime.record(commitNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** A case opened, with how many sanctions hits and AML rule hits explain it. */
  public void held(int sanctionsHitCount, int amlHitCount) {
    holds.increment();
    if (sanctionsHitCount > 0) sanctionsHits.increment(sanctionsHitCount);
    if (amlHitCount > 0) amlHits.increment(amlHitCount);
  }

  public void queueDepth(String priority, long depth) {
    queueDepth.computeIfAbsent(priority, p -> {
      var holder = new AtomicLong();
      Gauge.builder("rialto_queue_depth", holder, AtomicLong::get).description("payments waiting in the RTGS queue")
          .tag("priority", p).register(registry);
      return holder;
    }).set(depth);
  }

  /** A gauge read at scrape time (outbox backlog per peer, link up/down). */
  public void gauge(String name, String description, String tagKey, String tagValue, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).tag(tagKey, tagValue).register(registry);
  }

  public String scrape() {
    return registry.scrape();
  }
}
