package org.rialto.compliance.aml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rialto.compliance.lists.Countries;

/**
 * The AML/CFT rules of a node, read from YAML (see {@code aml-rules.example.yaml} next to this
 * class for every option with comments).
 *
 * @param amountThresholds one payment at or above an amount in its currency
 * @param velocity too many payments, or too much money, per subject in a window
 * @param structuring several payments just under a threshold in a window
 * @param highRisk FATF high-risk jurisdictions
 * @param r16 FATF Recommendation 16 completeness of originator and beneficiary information
 * @param maxTrackedKeys the most subjects (debtors, accounts) tracked per velocity or
 *     structuring rule; the least recently seen is forgotten beyond it
 */
public record AmlRules(List<AmountThreshold> amountThresholds, List<Velocity> velocity, List<Structuring> structuring,
    HighRisk highRisk, R16 r16, int maxTrackedKeys) {
  public static final int MAX_RULES = 256;
  public static final int MAX_TRACKED_KEYS = 10_000_000;
  public static final long MAX_WINDOW_SECONDS = 366L * 24 * 3600;

  /** Whose payments a window rule counts. */
  public enum Subject {
    DEBTOR, DEBTOR_ACCOUNT, CREDITOR, CREDITOR_ACCOUNT,
    /** The debtor's bank: on a settlement node, its settlement account. */
    DEBTOR_AGENT,
    /** The creditor's bank: on a settlement node, its settlement account. */
    CREDITOR_AGENT;

    static Subject parse(String s) {
      return switch (s == null ? "" : s.strip()) {
        case "debtor" -> DEBTOR;
        case "debtorAccount" -> DEBTOR_ACCOUNT;
        case "creditor" -> CREDITOR;
        case "creditorAccount" -> CREDITOR_ACCOUNT;
        case "debtorAgent" -> DEBTOR_AGENT;
        case "creditorAgent" -> CREDITOR_AGENT;
        default -> throw new IllegalArgumentException("subject must be debtor, debtorAccount, debtorAgent, creditor,"
            + " creditorAccount or creditorAgent, got '" + s + "'");
      };
    }
  }

  public record AmountThreshold(String id, String currency, long amountMinor, AmlAction action) {
    public AmountThreshold {
      checkId(id);
      checkCurrency(currency);
      if (amountMinor <= 0) {
        throw new IllegalArgumentException(id + ": amountMinor must be positive");
      }
    }
  }

  /**
   * @param maxCount more payments than this in the window is a hit (0 = no count limit)
   * @param maxAmountMinor per currency: a larger sum in the window is a hit
   */
  public record Velocity(String id, Subject subject, long windowSeconds, int maxCount, Map<String, Long> maxAmountMinor,
      AmlAction action) {
    public Velocity {
      checkId(id);
      checkWindow(id, windowSeconds);
      maxAmountMinor = Map.copyOf(maxAmountMinor);
      if (maxCount < 0 || maxCount == 0 && maxAmountMinor.isEmpty()) {
        throw new IllegalArgumentException(id + ": a velocity rule needs maxCount > 0 or maxAmountMinor");
      }
      maxAmountMinor.forEach((c, v) -> {
        checkCurrency(c);
        if (v <= 0) {
          throw new IllegalArgumentException(id + ": maxAmountMinor of " + c + " must be positive");
        }
      });
    }
  }

  /**
   * @param thresholdMinor the reporting threshold payments stay under
   * @param marginPercent how far under counts as "just under" (10 = the top 10% below it)
   * @param minCount this many such payments in the window (this one included) is a hit
   */
  public record Structuring(String id, Subject subject, String currency, long thresholdMinor, int marginPercent,
      int minCount, long windowSeconds, AmlAction action) {
    public Structuring {
      checkId(id);
      checkCurrency(currency);
      checkWindow(id, windowSeconds);
      if (thresholdMinor <= 0 || marginPercent < 1 || marginPercent > 50 || minCount < 2) {
        throw new IllegalArgumentException(id + ": structuring needs thresholdMinor > 0, marginPercent 1..50, minCount >= 2");
      }
    }

    long lowerBoundMinor() {
      return thresholdMinor - Math.multiplyExact(thresholdMinor, (long) marginPercent) / 100;
    }
  }

  /**
   * FATF's public statements: "call for action" (black list) and "increased monitoring" (grey
   * list), as ISO alpha-2 codes; they change three times a year and belong in configuration.
   */
  public record HighRisk(Set<String> callForAction, AmlAction callForActionAction, Set<String> increasedMonitoring,
      AmlAction increasedMonitoringAction) {
    public HighRisk {
      callForAction = Set.copyOf(callForAction);
      increasedMonitoring = Set.copyOf(increasedMonitoring);
      for (String c : callForAction) {
        checkCountry(c);
      }
      for (String c : increasedMonitoring) {
        checkCountry(c);
      }
    }

    static HighRisk none() {
      return new HighRisk(Set.of(), AmlAction.HOLD, Set.of(), AmlAction.FLAG);
    }
  }

  /**
   * @param enabled whether the check runs
   * @param crossBorderOnly apply to cross-border payments only
   * @param fullInformationFromMinor per currency: at or above this amount the originator's
   *     address, national id, customer id or date and place of birth is required too (FATF's
   *     USD/EUR 1,000 de minimis, expressed in each currency)
   */
  public record R16(boolean enabled, boolean crossBorderOnly, Map<String, Long> fullInformationFromMinor, AmlAction action) {
    public R16 {
      fullInformationFromMinor = Map.copyOf(fullInformationFromMinor);
      fullInformationFromMinor.forEach((c, v) -> checkCurrency(c));
    }

    static R16 disabled() {
      return new R16(false, true, Map.of(), AmlAction.HOLD);
    }
  }

  /** No rule at all: every payment is clear. */
  public static AmlRules none() {
    return new AmlRules(List.of(), List.of(), List.of(), HighRisk.none(), R16.disabled(), 1);
  }

  /** The longest window of any velocity or structuring rule (0 without such rules). */
  public long maxWindowSeconds() {
    long max = 0;
    for (Velocity v : velocity) {
      max = Math.max(max, v.windowSeconds());
    }
    for (Structuring st : structuring) {
      max = Math.max(max, st.windowSeconds());
    }
    return max;
  }

  public AmlRules {
    amountThresholds = List.copyOf(amountThresholds);
    velocity = List.copyOf(velocity);
    structuring = List.copyOf(structuring);
    if (amountThresholds.size() + velocity.size() + structuring.size() > MAX_RULES) {
      throw new IllegalArgumentException("more than " + MAX_RULES + " AML rules");
    }
    if (maxTrackedKeys < 1 || maxTrackedKeys > MAX_TRACKED_KEYS) {
      throw new IllegalArgumentException("maxTrackedKeys must be 1.." + MAX_TRACKED_KEYS);
    }
    Set<String> ids = new HashSet<>();
    for (String id : allIds(amountThresholds, velocity, structuring)) {
      if (!ids.add(id)) {
        throw new IllegalArgumentException("AML rule id '" + id + "' is used twice");
      }
    }
  }

  private static List<String> allIds(List<AmountThreshold> a, List<Velocity> v, List<Structuring> s) {
    List<String> ids = new ArrayList<>();
    a.forEach(x -> ids.add(x.id()));
    v.forEach(x -> ids.add(x.id()));
    s.forEach(x -> ids.add(x.id()));
    return ids;
  }

  /** The shipped example rules (FATF lists as of their last update, RUB and IRR thresholds). */
  public static AmlRules example() {
    try (InputStream in = AmlRules.class.getResourceAsStream("aml-rules.example.yaml")) {
      if (in == null) {
        throw new IllegalStateException("missing resource aml-rules.example.yaml");
      }
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read aml-rules.example.yaml", e);
    }
  }

  public static AmlRules load(Path yaml) {
    try {
      return parse(Files.readString(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read AML rules " + yaml, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(yaml + ": " + e.getMessage(), e);
    }
  }

  public static AmlRules parse(String yaml) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("AML rules are not valid YAML: " + e.getMessage(), e);
    }
    return fromTree(root);
  }

  /** The rules from an already parsed YAML or JSON tree (rules written inline in a node's configuration). */
  public static AmlRules fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("AML rules must be a YAML mapping");
    }
    fields(root, "AML rules", "maxTrackedKeys", "amountThresholds", "velocity", "structuring", "highRiskJurisdictions", "r16");
    List<AmountThreshold> thresholds = new ArrayList<>();
    for (JsonNode n : array(root, "amountThresholds")) {
      fields(n, "amount threshold", "id", "currency", "amountMinor", "action");
      thresholds.add(new AmountThreshold(text(n, "id"), text(n, "currency"), longValue(n, "amountMinor"), action(n)));
    }
    List<Velocity> velocity = new ArrayList<>();
    for (JsonNode n : array(root, "velocity")) {
      fields(n, "velocity rule", "id", "subject", "windowSeconds", "maxCount", "maxAmountMinor", "action");
      velocity.add(new Velocity(text(n, "id"), Subject.parse(text(n, "subject")), longValue(n, "windowSeconds"),
          n.has("maxCount") ? (int) longValue(n, "maxCount") : 0, amounts(n.get("maxAmountMinor")), action(n)));
    }
    List<Structuring> structuring = new ArrayList<>();
    for (JsonNode n : array(root, "structuring")) {
      fields(n, "structuring rule", "id", "subject", "currency", "thresholdMinor", "marginPercent", "minCount",
          "windowSeconds", "action");
      structuring.add(new Structuring(text(n, "id"), Subject.parse(text(n, "subject")), text(n, "currency"),
          longValue(n, "thresholdMinor"), (int) longValue(n, "marginPercent"), (int) longValue(n, "minCount"),
          longValue(n, "windowSeconds"), action(n)));
    }
    HighRisk highRisk = HighRisk.none();
    JsonNode hr = root.get("highRiskJurisdictions");
    if (hr != null) {
      fields(hr, "highRiskJurisdictions", "callForAction", "callForActionAction", "increasedMonitoring",
          "increasedMonitoringAction");
      highRisk = new HighRisk(countries(hr.get("callForAction")),
          hr.has("callForActionAction") ? AmlAction.parse(hr.get("callForActionAction").asText()) : AmlAction.HOLD,
          countries(hr.get("increasedMonitoring")),
          hr.has("increasedMonitoringAction") ? AmlAction.parse(hr.get("increasedMonitoringAction").asText()) : AmlAction.FLAG);
    }
    R16 r16 = R16.disabled();
    JsonNode r = root.get("r16");
    if (r != null) {
      fields(r, "r16", "enabled", "crossBorderOnly", "fullInformationFromMinor", "action");
      r16 = new R16(!r.has("enabled") || r.get("enabled").asBoolean(), !r.has("crossBorderOnly") || r.get("crossBorderOnly").asBoolean(),
          amounts(r.get("fullInformationFromMinor")), r.has("action") ? AmlAction.parse(r.get("action").asText()) : AmlAction.HOLD);
    }
    int maxTracked = root.has("maxTrackedKeys") ? (int) longValue(root, "maxTrackedKeys") : 100_000;
    return new AmlRules(thresholds, velocity, structuring, highRisk, r16, maxTracked);
  }

  private static void fields(JsonNode n, String what, String... known) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(what + " must be a mapping");
    }
    Set<String> k = Set.of(known);
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!k.contains(f)) {
        throw new IllegalArgumentException("unknown field '" + f + "' in " + what + "; known: " + List.of(known));
      }
    }
  }

  private static List<JsonNode> array(JsonNode root, String field) {
    JsonNode n = root.get(field);
    List<JsonNode> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw new IllegalArgumentException("'" + field + "' must be a sequence");
    }
    n.forEach(out::add);
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw new IllegalArgumentException("'" + field + "' is required");
    }
    return v.asText().strip();
  }

  private static long longValue(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("'" + field + "' must be a whole number (money in minor units, never decimals)");
    }
    return v.asLong();
  }

  private static AmlAction action(JsonNode n) {
    return n.has("action") ? AmlAction.parse(n.get("action").asText()) : AmlAction.HOLD;
  }

  private static Map<String, Long> amounts(JsonNode n) {
    Map<String, Long> out = new HashMap<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException("amounts per currency must be a mapping like {RUB: 100000000}");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String c = it.next();
      out.put(c.toUpperCase(Locale.ROOT), longValue(n, c));
    }
    return out;
  }

  private static Set<String> countries(JsonNode n) {
    Set<String> out = new HashSet<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw new IllegalArgumentException("country lists must be sequences of ISO alpha-2 codes");
    }
    n.forEach(c -> out.add(c.asText().strip().toUpperCase(Locale.ROOT)));
    return out;
  }

  private static void checkId(String id) {
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("rule id must be 1-64 letters, digits, '.', '_' or '-': " + id);
    }
  }

  private static void checkCurrency(String c) {
    if (c == null || !c.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code like RUB: " + c);
    }
  }

  private static void checkCountry(String c) {
    if (!Countries.isIso2(c)) {
      throw new IllegalArgumentException("not an ISO 3166 alpha-2 country code: " + c);
    }
  }

  private static void checkWindow(String id, long windowSeconds) {
    if (windowSeconds < 60 || windowSeconds > MAX_WINDOW_SECONDS) {
      throw new IllegalArgumentException(id + ": windowSeconds must be 60.." + MAX_WINDOW_SECONDS);
    }
  }
}
