package org.rialto.node.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.rialto.node.payment.CrossBorder;
import org.rialto.node.payment.Payment;
import org.rialto.node.payment.PaymentState;
import org.rialto.node.peer.PeerMessage;
import org.rialto.node.peer.PeerReply;

/**
 * What the node-to-node protocol needs inside the engine: the transfer a payment forwards (built
 * from its payment and cross-border records; outbox rows older than session 4 keep it as JSON), the checks every transfer and answer must
 * pass before the writer sees them, and the answer a receiving node gives about a payment. The
 * wire itself, ISO 20022, is {@link org.rialto.node.peer.PeerWire}.
 */
public final class PeerProtocol {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private PeerProtocol() {}

  static PeerMessage.Transfer transfer(String fromNode, Payment p, CrossBorder cb) {
    return new PeerMessage.Transfer(p.uetr().toString(), fromNode, p.msgId(), p.endToEndId(), p.debtorBic(),
        p.creditorBic(), cb.fxpBic(), cb.quoteId(), cb.sourceAmountMinor(), cb.sourceCurrency(),
        cb.targetAmountMinor(), cb.targetCurrency(), cb.rate(), cb.expiresAtMillis(), p.debtorName(),
        p.creditorName(), p.remittance(), p.debtorDetails(), p.creditorDetails());
  }

  /** A transfer from an outbox row written before session 4, which kept it as JSON. */
  public static PeerMessage.Transfer decodeTransfer(String body) {
    try {
      return JSON.readValue(body, PeerMessage.Transfer.class);
    } catch (IOException e) {
      throw new IllegalStateException("corrupt outbox row: " + e.getMessage(), e);
    }
  }

  /** Longest text a transfer may carry in any field (ISO 20022 Max140Text). */
  static final int MAX_TEXT_CHARS = 140;

  /**
   * Every value a transfer carries, checked before the writer sees it: the writer builds records
   * that refuse impossible values (a payment of 0, a conversion between one currency), and such a
   * refusal inside a turn stops the node. A peer is another central bank's system, not a trusted
   * part of this one, so a malformed transfer is refused here with the reason, like any input.
   */
  public static void checkValues(PeerMessage.Transfer t) {
    String at = "transfer " + t.uetr() + ": ";
    if (t.uetr() == null || t.fromNode() == null || t.creditorAgent() == null || t.debtorAgent() == null || t.fxp() == null
        || t.targetCurrency() == null || t.sourceCurrency() == null || t.rate() == null || t.msgId() == null) {
      throw new IllegalArgumentException(at + "incomplete");
    }
    for (String bic : new String[] {t.debtorAgent(), t.creditorAgent(), t.fxp()}) {
      if (!isBic(bic)) throw new IllegalArgumentException(at + "'" + bic + "' is not a BIC");
    }
    for (String code : new String[] {t.sourceCurrency(), t.targetCurrency()}) {
      if (!CURRENCY.matcher(code).matches()) throw new IllegalArgumentException(at + "'" + code + "' is not a currency code");
    }
    if (t.sourceCurrency().equals(t.targetCurrency())) throw new IllegalArgumentException(at + "source and target currency are the same");
    for (long amount : new long[] {t.sourceAmountMinor(), t.targetAmountMinor()}) {
      if (amount < 1 || amount > org.rialto.node.config.Amounts.MAX_AMOUNT_MINOR) {
        throw new IllegalArgumentException(at + "amount " + amount + " is not in 1.." + org.rialto.node.config.Amounts.MAX_AMOUNT_MINOR);
      }
    }
    try {
      if (t.rate().length() > 40 || new java.math.BigDecimal(t.rate()).signum() <= 0) throw new NumberFormatException();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(at + "rate '" + t.rate() + "' is not a positive decimal");
    }
    for (String text : new String[] {t.fromNode(), t.msgId(), t.endToEndId(), t.quoteId(), t.debtorName(), t.creditorName(),
        t.remittance()}) {
      if (text != null && text.length() > MAX_TEXT_CHARS) throw new IllegalArgumentException(at + "a text longer than " + MAX_TEXT_CHARS);
    }
  }

  private static final java.util.regex.Pattern BIC = java.util.regex.Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
  private static final java.util.regex.Pattern CURRENCY = java.util.regex.Pattern.compile("[A-Z]{3}");
  private static final java.util.regex.Pattern REASON_CODE = java.util.regex.Pattern.compile("[A-Z0-9]{4}");

  public static boolean isBic(String s) {
    return s != null && BIC.matcher(s).matches();
  }

  /**
   * An answer that decides nothing it cannot express: a status, and for a rejection an ISO
   * reason code. Anything else is the peer's fault, reported as such, and the payment stays in
   * doubt (asked about again) rather than being settled or voided on a malformed word.
   */
  public static void checkReply(PeerReply reply) {
    if (reply == null || reply.status() == null) throw new IllegalArgumentException("answer without a status");
    if (reply.status() == PeerReply.Status.REJECTED
        && (reply.reasonCode() == null || !REASON_CODE.matcher(reply.reasonCode()).matches())) {
      throw new IllegalArgumentException("rejection of " + reply.uetr() + " without an ISO reason code: " + reply.reasonCode());
    }
  }

  /** What the receiving node says about a payment it holds. */
  static PeerReply replyFor(Payment p) {
    return replyFor(p.uetr(), p.state(), p.reasonCode());
  }

  static PeerReply replyFor(java.util.UUID uetr, PaymentState state, String reasonCode) {
    if (state == PaymentState.SETTLED || state == PaymentState.RETURNED) {
      return new PeerReply(uetr.toString(), PeerReply.Status.COMMITTED, null);
    }
    if (state == PaymentState.REJECTED) {
      return new PeerReply(uetr.toString(), PeerReply.Status.REJECTED, reasonCode);
    }
    return new PeerReply(uetr.toString(), PeerReply.Status.PENDING, null);
  }
}
