package org.rialto.node.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.rialto.node.http.Inbox;
import org.rialto.node.payment.CrossBorder;
import org.rialto.node.payment.Payment;
import org.rialto.store.Store;

/**
 * One payment's life on one node, as the node tells it: every step with its time, the leg it
 * holds, and the ISO 20022 messages about it as this node received them (the signed bodies kept as
 * evidence) and as it sent them to banks (rendered byte-identically by the inbox). A node tells its
 * own console, and a peer that took part in the payment (the peer's console merges both stories in
 * time order); the same record travels as JSON between them, so both sides read it the same way.
 */
public record PaymentStory(String node, String uetr, String role, String state, String reasonCode, List<Step> steps, Leg leg,
    List<Message> messages) {
  static final int MAX_STEPS = ConsoleReads.MAX_HISTORY_ROWS;
  static final int MAX_MESSAGES = 24;
  /** A batched pacs.008 can be megabytes; a person reads the start, the evidence table keeps the whole. */
  static final int MAX_BODY_CHARS = 32 * 1024;
  /** Evidence rows looked at per sender and payment: the evidence table has no index by time or UETR. */
  static final int MAX_EVIDENCE_SCAN = 5_000;
  /** How far before its first step and after its last one a message about a payment may have arrived. */
  static final long EVIDENCE_WINDOW_MILLIS = 120_000;
  static final int MAX_TEXT_CHARS = 400;

  /** A step of the payment on {@code node}. */
  public record Step(String node, long atMillis, String state, String step, String detail) {}

  /**
   * The leg of a cross-border payment this node holds: leg 1 (debtor → FX provider) on the sending
   * node, leg 2 (FX provider → creditor) on the receiving one; for a domestic payment the payment itself.
   */
  public record Leg(int number, String fromBic, String toBic, long amountMinor, String currency, String state) {}

  /**
   * A message about the payment.
   *
   * @param direction {@code received} (kept as evidence with its signature) or {@code sent} (to a bank)
   * @param counterpart who sent it to this node, or the bank it was sent to
   * @param truncated the body was longer than {@link #MAX_BODY_CHARS} and is cut there
   */
  public record Message(String node, String direction, String counterpart, String kind, long atMillis, String body, boolean truncated) {}

  public PaymentStory {
    steps = List.copyOf(steps);
    messages = List.copyOf(messages);
  }

  private static final Pattern KIND = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:([a-z]{4}\\.\\d{3}\\.\\d{3}\\.\\d{2})");

  /** This node's story of {@code uetr}, or empty when it has no such payment. Reads only, on the caller's thread. */
  static Optional<PaymentStory> read(String nodeId, Store store, ConsoleReads reads, Inbox inbox, java.time.Clock clock, UUID uetr) {
    Optional<Payment> found = reads.payment(uetr);
    if (found.isEmpty()) return Optional.empty();
    Payment p = found.get();
    Optional<CrossBorder> cb = reads.crossBorder(uetr);
    var steps = new ArrayList<Step>();
    for (var e : reads.history(uetr)) steps.add(new Step(nodeId, e.atMillis(), e.state(), e.step(), e.detail()));
    Leg leg;
    String role;
    if (cb.isEmpty()) {
      role = "DOMESTIC";
      leg = new Leg(0, p.debtorBic(), p.creditorBic(), p.amountMinor(), p.currency(), p.state().name());
    } else if (cb.get().role() == CrossBorder.Role.OUTGOING) {
      role = "OUTGOING";
      leg = new Leg(1, p.debtorBic(), cb.get().fxpBic(), cb.get().sourceAmountMinor(), cb.get().sourceCurrency(), p.state().name());
    } else {
      role = "INCOMING";
      leg = new Leg(2, cb.get().fxpBic(), p.creditorBic(), cb.get().targetAmountMinor(), cb.get().targetCurrency(), p.state().name());
    }
    var messages = new ArrayList<Message>();
    // Evidence is stamped by the security layer's system clock, steps by the node's clock: the
    // same clock in service, but a node run on another clock (tests, replays) is shifted by the
    // difference, so the window is taken in the evidence's time.
    long shift = System.currentTimeMillis() - clock.millis();
    long from = p.receivedAtMillis() + shift - EVIDENCE_WINDOW_MILLIS;
    long to = Math.max(p.updatedAtMillis(), steps.isEmpty() ? 0 : steps.get(steps.size() - 1).atMillis()) + shift + EVIDENCE_WINDOW_MILLIS;
    // What brought the payment here: the bank's instruction on the node it entered, the peer's
    // pacs.008 (and its pacs.028 status requests) on the node that decided.
    String sender = "INCOMING".equals(role) ? "node:" + cb.get().peerNode() : p.senderBic();
    messages.addAll(received(nodeId, store, sender, uetr, from, to, shift));
    for (var m : reads.messagesFor(uetr)) {
      if (messages.size() >= MAX_MESSAGES) break;
      // The inbox renders the body exactly as the bank receives it (deterministic, byte-identical).
      var page = inbox.read(m.bic(), m.id() - 1, 1);
      String xml = page.isEmpty() || page.get(0).id() != m.id() ? null : page.get(0).xml();
      messages.add(message(nodeId, "sent", m.bic(), m.kind(), m.createdAtMillis(), xml == null ? "" : xml));
    }
    messages.sort(java.util.Comparator.comparingLong(Message::atMillis));
    return Optional.of(new PaymentStory(nodeId, uetr.toString(), role, p.state().name(), p.reasonCode(), steps, leg, messages));
  }

  /** Signed messages from {@code sender} kept as evidence in the time window that carry the UETR. */
  private static List<Message> received(String nodeId, Store store, String sender, UUID uetr, long fromMillis, long toMillis,
      long shiftMillis) {
    byte[] lower = uetr.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] upper = uetr.toString().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return store.read(c -> {
      var out = new ArrayList<Message>();
      try (var ps = c.prepareStatement("SELECT received_micros, body FROM security_evidence"
          + " WHERE sender = ? AND received_micros >= ? AND received_micros <= ?")) {
        ps.setString(1, sender);
        ps.setLong(2, fromMillis * 1_000);
        ps.setLong(3, toMillis * 1_000);
        ps.setMaxRows(MAX_EVIDENCE_SCAN);
        try (var rs = ps.executeQuery()) {
          while (rs.next() && out.size() < MAX_MESSAGES / 2) {
            byte[] body = rs.getBytes(2);
            if (indexOf(body, lower) < 0 && indexOf(body, upper) < 0) continue;
            String text = new String(body, StandardCharsets.UTF_8);
            out.add(message(nodeId, "received", sender, kind(text), rs.getLong(1) / 1_000 - shiftMillis, text));
          }
        }
      }
      return out;
    });
  }

  private static Message message(String node, String direction, String counterpart, String kind, long atMillis, String body) {
    boolean cut = body.length() > MAX_BODY_CHARS;
    return new Message(node, direction, counterpart, kind, atMillis, cut ? body.substring(0, MAX_BODY_CHARS) : body, cut);
  }

  /** The message type a body declares (the Document's, not the AppHdr's), or what else it is. */
  static String kind(String body) {
    var m = KIND.matcher(body.length() > 4_096 ? body.substring(0, 4_096) : body);
    while (m.find()) {
      if (!m.group(1).startsWith("head.")) return m.group(1);
    }
    return body.startsWith("{") ? "JSON instruction" : "message";
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  /**
   * A peer's story, read from its answer and checked: it must be about the payment asked for, told
   * by the node asked, within the bounds this side would keep itself. A peer is trusted for what
   * it says happened on its node, not for the shape of its answer.
   */
  static PaymentStory parse(ObjectMapper json, byte[] body, String peerNode, UUID uetr) {
    PaymentStory s;
    try {
      s = json.readValue(body, PaymentStory.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the answer of " + peerNode + " is not a payment history: " + e.getMessage());
    }
    if (s == null || !peerNode.equals(s.node()) || !uetr.toString().equals(s.uetr())) {
      throw new IllegalArgumentException("the answer of " + peerNode + " is about another node or payment");
    }
    if (s.steps().size() > MAX_STEPS || s.messages().size() > MAX_MESSAGES) {
      throw new IllegalArgumentException("the answer of " + peerNode + " has more steps or messages than a node sends");
    }
    for (var st : s.steps()) {
      if (!peerNode.equals(st.node()) || tooLong(st.state()) || tooLong(st.step()) || (st.detail() != null && st.detail().length() > 4 * MAX_TEXT_CHARS)) {
        throw new IllegalArgumentException("the answer of " + peerNode + " has a malformed step");
      }
    }
    for (var m : s.messages()) {
      if (!peerNode.equals(m.node()) || m.body() == null || m.body().length() > MAX_BODY_CHARS || tooLong(m.kind())
          || tooLong(m.counterpart()) || !("sent".equals(m.direction()) || "received".equals(m.direction()))) {
        throw new IllegalArgumentException("the answer of " + peerNode + " has a malformed message");
      }
    }
    return s;
  }

  private static boolean tooLong(String s) {
    return s == null || s.length() > MAX_TEXT_CHARS;
  }
}
