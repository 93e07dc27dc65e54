package org.rialto.node.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.rialto.compliance.aml.AmlEngine;
import org.rialto.compliance.aml.AmlResult;
import org.rialto.compliance.aml.AmlRules;
import org.rialto.compliance.aml.PartyView;
import org.rialto.compliance.aml.PaymentView;
import org.rialto.node.payment.Payment;
import org.rialto.node.payment.PaymentState;

/**
 * The node's AML/CFT rules and the history velocity and structuring need. Owned by the writer
 * thread like the rest of {@link NodeState}: judged in the turn that admits the payment, no
 * locks. The history is not stored apart: it is rebuilt, on the writer's first use after a
 * start, from the payments the store already holds (every payment admitted past validation
 * within the longest window), so a restart forgets nothing the rules count.
 */
final class NodeAml {
  /** Parties' names longer than this are cut for the subject key (a name field is 140 chars in ISO 20022). */
  static final int MAX_NAME_CHARS = 140;

  private final AmlRules rules;
  private final AmlEngine engine;
  /** The rule set's identity for a case, like a list version: a digest of its canonical text. */
  private final String version;
  private boolean rebuilt;

  private NodeAml(AmlRules rules, int minorUnits) {
    this.rules = rules;
    // Every payment a node judges is in the currency it settles (an incoming one in its target amount).
    this.engine = new AmlEngine(rules, currency -> minorUnits);
    this.version = "AML rules " + digest(rules);
  }

  static NodeAml of(AmlRules rules, int minorUnits) {
    if (rules == null) throw new IllegalArgumentException("AML rules are required (AmlRules.none() for none)");
    return new NodeAml(rules, minorUnits);
  }

  static NodeAml none() {
    return new NodeAml(AmlRules.none(), 2);
  }

  boolean active() {
    return !rules.equals(AmlRules.none());
  }

  String version() {
    return version;
  }

  /** Judges the payment and counts it in the windows; the caller has validated it. */
  AmlResult assess(NodeState s, Payment p, boolean crossBorder, long nowMillis) {
    if (!active()) return new AmlResult(List.of());
    if (!rebuilt) rebuild(s, p, nowMillis);
    return engine.assess(view(p, crossBorder, nowMillis));
  }

  /**
   * Replays the stored payments of the longest window, oldest first. Runs once, before the first
   * payment after a start is judged; payments held as records are read from memory, compacted ones from the store.
   */
  private void rebuild(NodeState s, Payment current, long nowMillis) {
    rebuilt = true;
    long windowMillis = rules.maxWindowSeconds() * 1_000L;
    if (windowMillis == 0) return;
    var recent = new ArrayList<Payment>();
    var candidates = new ArrayList<>(s.payments.values());
    if (s.paymentIndex.compactedCount() > 0) {
      // Final payments the writer holds only in compact form: their window is read from the
      // store, once per start, before the first payment is judged.
      for (Payment p : s.persistence.paymentsReceived(nowMillis - windowMillis, nowMillis)) {
        if (!s.payments.containsKey(p.uetr())) candidates.add(p);
      }
    }
    for (Payment p : candidates) {
      if (p.receivedAtMillis() >= nowMillis - windowMillis && p.receivedAtMillis() <= nowMillis && counted(p)
          && !p.uetr().equals(current.uetr())) {
        recent.add(p);
      }
    }
    recent.sort(Comparator.comparingLong(Payment::receivedAtMillis).thenComparing(Payment::uetr));
    for (Payment p : recent) {
      // A final payment's cross-border side is in its compact form, the writer's record gone.
      boolean crossBorder = s.crossBorder.containsKey(p.uetr());
      if (!crossBorder) {
        var compact = s.paymentIndex.compacted(p.uetr());
        crossBorder = compact != null && compact.crossBorderRole() != null;
      }
      engine.observe(view(p, crossBorder, p.receivedAtMillis()));
    }
  }

  /**
   * Payments refused by the node's own checks before the rules ran are not counted. An outgoing
   * payment refused later on its quote, or an incoming one refused on its FX provider's liquidity,
   * was counted live but shares their step, so a rebuild counts slightly fewer, never more.
   */
  private static boolean counted(Payment p) {
    return !(p.state() == PaymentState.REJECTED
        && ("rejected-validation".equals(p.step()) || "decided-rejected".equals(p.step())));
  }

  /**
   * What the rules read of a payment. A customer is known here by its bank and its name, plus
   * the account, address and identification its bank gave (FATF R16), which a cross-border
   * payment carries to the receiving node, so both nodes judge the same facts. A payment whose
   * bank gave none of them (a JSON submission naming parties only) is judged on names alone, as
   * before; one that gave some is judged on all R16 asks.
   */
  static PaymentView view(Payment p, boolean crossBorder, long atMillis) {
    var debtor = org.rialto.node.payment.PartyDetails.view(subject(p.debtorBic(), p.debtorName()), p.debtorName(), p.debtorDetails());
    var creditor = org.rialto.node.payment.PartyDetails.view(subject(p.creditorBic(), p.creditorName()), p.creditorName(),
        p.creditorDetails());
    boolean detailsCarried = p.debtorDetails() != null || p.creditorDetails() != null;
    return new PaymentView(p.uetr().toString(), Instant.ofEpochMilli(atMillis), p.amountMinor(), p.currency(), debtor,
        creditor, p.debtorBic(), p.creditorBic(), crossBorder, detailsCarried);
  }

  /** A customer as the rules count it: its bank, and its name folded to case and spacing. */
  static String subject(String bic, String name) {
    if (name == null || name.isBlank()) return bic + "/(no name)";
    String folded = String.join(" ", name.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    return bic + "/" + (folded.length() > MAX_NAME_CHARS ? folded.substring(0, MAX_NAME_CHARS) : folded);
  }

  private static String digest(AmlRules rules) {
    try {
      var md = java.security.MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest(rules.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(d, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
