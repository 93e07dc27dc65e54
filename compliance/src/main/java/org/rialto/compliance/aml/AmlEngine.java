package org.rialto.compliance.aml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies the AML/CFT rules to payments, one at a time, and keeps the windows that velocity and
 * structuring need.
 *
 * <p>One writer owns an engine (the node's payment thread): {@link #assess} both judges a
 * payment and records it, with the time the payment carries; the engine reads no clock and
 * takes no locks. State is bounded: each window is {@value #BUCKETS} time buckets per subject,
 * and each rule tracks at most {@code maxTrackedKeys} subjects, forgetting the least recently
 * seen. Windows are exact to one bucket (a 24-hour window is counted in 22.5-minute buckets).
 */
public final class AmlEngine {
  static final int BUCKETS = 64;

  private final AmlRules rules;
  private final List<Windows> velocityWindows = new ArrayList<>();
  private final List<Windows> structuringWindows = new ArrayList<>();
  private long evictions;
  /** Digits after the decimal point of each currency, for evidence text. */
  private final java.util.function.ToIntFunction<String> minorUnits;
  /** The minor units of the payment being judged (the engine judges one payment at a time). */
  private int scale = 2;

  /** An engine that writes amounts in evidence with two decimals. */
  public AmlEngine(AmlRules rules) {
    this(rules, currency -> 2);
  }

  /** @param minorUnits digits after the decimal point per currency, as the node settles it */
  public AmlEngine(AmlRules rules, java.util.function.ToIntFunction<String> minorUnits) {
    this.rules = rules;
    this.minorUnits = minorUnits;
    for (AmlRules.Velocity v : rules.velocity()) {
      velocityWindows.add(new Windows(v.windowSeconds(), rules.maxTrackedKeys()));
    }
    for (AmlRules.Structuring s : rules.structuring()) {
      structuringWindows.add(new Windows(s.windowSeconds(), rules.maxTrackedKeys()));
    }
  }

  public AmlRules rules() {
    return rules;
  }

  /** Judges the payment against every rule, then records it in the windows. */
  public AmlResult assess(PaymentView p) {
    List<AmlHit> hits = new ArrayList<>();
    scale = minorUnits.applyAsInt(p.currency());
    if (scale < 0 || scale > 4) {
      throw new IllegalStateException("minor units of " + p.currency() + " must be 0..4, got " + scale);
    }
    long atSecond = p.at().getEpochSecond();
    for (AmlRules.AmountThreshold t : rules.amountThresholds()) {
      if (t.currency().equals(p.currency()) && p.amountMinor() >= t.amountMinor()) {
        hits.add(new AmlHit(t.id(), AmlRuleType.AMOUNT_THRESHOLD, t.action(), String.format(Locale.ROOT,
            "payment %s of %s %s is at or above the threshold of %s %s", p.paymentId(), money(p.amountMinor()),
            p.currency(), money(t.amountMinor()), t.currency())));
      }
    }
    for (int i = 0; i < rules.velocity().size(); i++) {
      AmlRules.Velocity v = rules.velocity().get(i);
      String subject = subjectKey(v.subject(), p);
      if (subject == null) {
        continue;
      }
      Window w = velocityWindows.get(i).window(subject + "|" + p.currency(), this);
      long count = w.count(atSecond) + 1;
      long sum = saturatingAdd(w.sum(atSecond), p.amountMinor());
      Long maxAmount = v.maxAmountMinor().get(p.currency());
      if (v.maxCount() > 0 && count > v.maxCount()) {
        hits.add(new AmlHit(v.id(), AmlRuleType.VELOCITY, v.action(), String.format(Locale.ROOT,
            "%s %s made %d payments in %s within %d s (limit %d)", label(v.subject()), subject, count, p.currency(),
            v.windowSeconds(), v.maxCount())));
      } else if (maxAmount != null && sum > maxAmount) {
        hits.add(new AmlHit(v.id(), AmlRuleType.VELOCITY, v.action(), String.format(Locale.ROOT,
            "%s %s paid %s %s within %d s (limit %s)", label(v.subject()), subject, money(sum), p.currency(),
            v.windowSeconds(), money(maxAmount))));
      }
      w.add(atSecond, p.amountMinor());
    }
    for (int i = 0; i < rules.structuring().size(); i++) {
      AmlRules.Structuring s = rules.structuring().get(i);
      String subject = subjectKey(s.subject(), p);
      if (subject == null || !s.currency().equals(p.currency())) {
        continue;
      }
      if (p.amountMinor() < s.lowerBoundMinor() || p.amountMinor() >= s.thresholdMinor()) {
        continue;
      }
      Window w = structuringWindows.get(i).window(subject, this);
      long count = w.count(atSecond) + 1;
      long sum = saturatingAdd(w.sum(atSecond), p.amountMinor());
      if (count >= s.minCount()) {
        hits.add(new AmlHit(s.id(), AmlRuleType.STRUCTURING, s.action(), String.format(Locale.ROOT,
            "%s %s made %d payments between %s and %s %s (just under %s) within %d s, %s in total",
            label(s.subject()), subject, count, money(s.lowerBoundMinor()), money(s.thresholdMinor() - 1),
            s.currency(), money(s.thresholdMinor()), s.windowSeconds(), money(sum))));
      }
      w.add(atSecond, p.amountMinor());
    }
    highRisk(p, hits);
    r16(p, hits);
    return new AmlResult(hits);
  }

  /**
   * Records a payment in the windows without judging it: how a node rebuilds velocity and
   * structuring history from its stored payments after a restart, oldest first.
   */
  public void observe(PaymentView p) {
    long atSecond = p.at().getEpochSecond();
    for (int i = 0; i < rules.velocity().size(); i++) {
      String subject = subjectKey(rules.velocity().get(i).subject(), p);
      if (subject != null) {
        velocityWindows.get(i).window(subject + "|" + p.currency(), this).add(atSecond, p.amountMinor());
      }
    }
    for (int i = 0; i < rules.structuring().size(); i++) {
      AmlRules.Structuring st = rules.structuring().get(i);
      String subject = subjectKey(st.subject(), p);
      if (subject != null && st.currency().equals(p.currency()) && p.amountMinor() >= st.lowerBoundMinor()
          && p.amountMinor() < st.thresholdMinor()) {
        structuringWindows.get(i).window(subject, this).add(atSecond, p.amountMinor());
      }
    }
  }

  private void highRisk(PaymentView p, List<AmlHit> hits) {
    AmlRules.HighRisk hr = rules.highRisk();
    String[][] places = {
        {"debtor", p.debtor().countryCode()},
        {"creditor", p.creditor().countryCode()},
        {"debtor agent " + p.debtorAgentBic(), PaymentView.bicCountry(p.debtorAgentBic())},
        {"creditor agent " + p.creditorAgentBic(), PaymentView.bicCountry(p.creditorAgentBic())}};
    checkCountries(places, hr.callForAction(), "fatf-call-for-action", hr.callForActionAction(),
        "FATF call for action (high-risk)", hits);
    checkCountries(places, hr.increasedMonitoring(), "fatf-increased-monitoring", hr.increasedMonitoringAction(),
        "FATF increased monitoring", hits);
  }

  private static void checkCountries(String[][] places, Set<String> listed, String ruleId, AmlAction action,
      String listName, List<AmlHit> hits) {
    List<String> found = new ArrayList<>();
    for (String[] place : places) {
      if (place[1] != null && listed.contains(place[1])) {
        found.add(place[0] + " in " + place[1]);
      }
    }
    if (!found.isEmpty()) {
      hits.add(new AmlHit(ruleId, AmlRuleType.HIGH_RISK_JURISDICTION, action,
          listName + " jurisdiction: " + String.join(", ", found)));
    }
  }

  private void r16(PaymentView p, List<AmlHit> hits) {
    AmlRules.R16 r = rules.r16();
    if (!r.enabled() || r.crossBorderOnly() && !p.crossBorder()) {
      return;
    }
    List<String> missing = new ArrayList<>();
    // The first missing element names the ISO 20022 reason a rejection carries.
    String reasonCode = null;
    if (!PartyView.present(p.debtor().name())) {
      missing.add("debtor name");
      reasonCode = "RR02";
    }
    if (p.customerDetailsCarried() && !PartyView.present(p.debtor().account())) {
      missing.add("debtor account");
      reasonCode = reasonCode == null ? "RR01" : reasonCode;
    }
    if (!PartyView.present(p.creditor().name())) {
      missing.add("creditor name");
      reasonCode = reasonCode == null ? "RR03" : reasonCode;
    }
    if (p.customerDetailsCarried() && !PartyView.present(p.creditor().account())) {
      missing.add("creditor account");
      reasonCode = reasonCode == null ? "RR04" : reasonCode;
    }
    Long from = r.fullInformationFromMinor().get(p.currency());
    if (p.customerDetailsCarried() && from != null && p.amountMinor() >= from) {
      PartyView d = p.debtor();
      boolean identified = PartyView.present(d.address()) || PartyView.present(d.nationalId())
          || PartyView.present(d.customerId()) || d.birthDate() != null && PartyView.present(d.birthPlace());
      if (!identified) {
        missing.add("debtor address, national id, customer id, or date and place of birth (required from "
            + money(from) + " " + p.currency() + ")");
        reasonCode = reasonCode == null ? "RR01" : reasonCode;
      }
    }
    if (!missing.isEmpty()) {
      hits.add(new AmlHit("fatf-r16", AmlRuleType.FATF_R16, r.action(),
          "FATF Recommendation 16 information missing: " + String.join("; ", missing), reasonCode));
    }
  }

  private static String subjectKey(AmlRules.Subject subject, PaymentView p) {
    return switch (subject) {
      case DEBTOR -> p.debtor().id();
      case CREDITOR -> p.creditor().id();
      case DEBTOR_ACCOUNT -> PartyView.present(p.debtor().account()) ? p.debtor().account() : null;
      case CREDITOR_ACCOUNT -> PartyView.present(p.creditor().account()) ? p.creditor().account() : null;
      case DEBTOR_AGENT -> p.debtorAgentBic();
      case CREDITOR_AGENT -> p.creditorAgentBic();
    };
  }

  private static String label(AmlRules.Subject s) {
    return switch (s) {
      case DEBTOR -> "debtor";
      case CREDITOR -> "creditor";
      case DEBTOR_ACCOUNT -> "debtor account";
      case CREDITOR_ACCOUNT -> "creditor account";
      case DEBTOR_AGENT -> "debtor agent";
      case CREDITOR_AGENT -> "creditor agent";
    };
  }

  /** Minor units as a decimal amount in the judged payment's currency, for evidence text only. */
  private String money(long minor) {
    return java.math.BigDecimal.valueOf(minor, scale).toPlainString();
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  /** Subjects currently tracked, over all rules. */
  public long trackedKeys() {
    long n = 0;
    for (Windows w : velocityWindows) {
      n += w.bySubject.size();
    }
    for (Windows w : structuringWindows) {
      n += w.bySubject.size();
    }
    return n;
  }

  /** Subjects forgotten because a rule reached maxTrackedKeys. */
  public long evictions() {
    return evictions;
  }

  /** The windows of one rule, per subject, bounded. */
  private static final class Windows {
    final long bucketSeconds;
    final Map<String, Window> bySubject;

    Windows(long windowSeconds, int maxKeys) {
      this.bucketSeconds = Math.max(1, (windowSeconds + BUCKETS - 1) / BUCKETS);
      this.bySubject = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
          return size() > maxKeys;
        }
      };
    }

    Window window(String subject, AmlEngine engine) {
      Window w = bySubject.get(subject);
      if (w == null) {
        int before = bySubject.size();
        w = new Window(bucketSeconds);
        bySubject.put(subject, w);
        if (bySubject.size() == before) {
          engine.evictions++;
        }
      }
      return w;
    }
  }

  /** One subject's counts and sums in {@value #BUCKETS} rolling time buckets. */
  private static final class Window {
    final long bucketSeconds;
    final long[] bucket = new long[BUCKETS];
    final long[] count = new long[BUCKETS];
    final long[] sum = new long[BUCKETS];

    Window(long bucketSeconds) {
      this.bucketSeconds = bucketSeconds;
      java.util.Arrays.fill(bucket, Long.MIN_VALUE);
    }

    long count(long atSecond) {
      long now = Math.floorDiv(atSecond, bucketSeconds);
      long c = 0;
      for (int i = 0; i < BUCKETS; i++) {
        if (bucket[i] > now - BUCKETS && bucket[i] <= now) {
          c += count[i];
        }
      }
      return c;
    }

    long sum(long atSecond) {
      long now = Math.floorDiv(atSecond, bucketSeconds);
      long s = 0;
      for (int i = 0; i < BUCKETS; i++) {
        if (bucket[i] > now - BUCKETS && bucket[i] <= now) {
          s = saturatingAdd(s, sum[i]);
        }
      }
      return s;
    }

    void add(long atSecond, long amountMinor) {
      long b = Math.floorDiv(atSecond, bucketSeconds);
      int slot = (int) Math.floorMod(b, (long) BUCKETS);
      if (bucket[slot] > b) {
        return; // older than the window this slot now holds: outside every window we count
      }
      if (bucket[slot] != b) {
        bucket[slot] = b;
        count[slot] = 0;
        sum[slot] = 0;
      }
      count[slot]++;
      sum[slot] = saturatingAdd(sum[slot], amountMinor);
    }
  }
}
