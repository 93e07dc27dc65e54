package org.rialto.node.peer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.rialto.iso20022.Account;
import org.rialto.iso20022.Agent;
import org.rialto.iso20022.Amount;
import org.rialto.iso20022.BusinessApplicationHeader;
import org.rialto.iso20022.ChargeBearer;
import org.rialto.iso20022.CodeOrProprietary;
import org.rialto.iso20022.CreditTransfer;
import org.rialto.iso20022.Envelope;
import org.rialto.iso20022.Finding;
import org.rialto.iso20022.GenericId;
import org.rialto.iso20022.Instruction;
import org.rialto.iso20022.Iso20022;
import org.rialto.iso20022.Limits;
import org.rialto.iso20022.MessageType;
import org.rialto.iso20022.OriginalGroupInfo;
import org.rialto.iso20022.Pacs002;
import org.rialto.iso20022.Pacs008;
import org.rialto.iso20022.Pacs028;
import org.rialto.iso20022.Party;
import org.rialto.iso20022.PartyOrAgent;
import org.rialto.iso20022.PaymentId;
import org.rialto.iso20022.ReadOptions;
import org.rialto.iso20022.ReadResult;
import org.rialto.iso20022.ReasonCode;
import org.rialto.iso20022.ReasonInformation;
import org.rialto.iso20022.RemittanceInformation;
import org.rialto.iso20022.SettlementInstruction;
import org.rialto.iso20022.SettlementMethod;
import org.rialto.iso20022.SettlementTimeRequest;
import org.rialto.iso20022.StatusGroupHeader;
import org.rialto.node.engine.PeerProtocol;
import org.rialto.node.payment.PartyDetails;

/**
 * The node-to-node wire in ISO 20022, in one place, bytes in and bytes out, so the transport can
 * sign and verify exactly these bytes. Every message is an {@code <Envelope>} with the business
 * application header head.001.001.02 and one Document:
 *
 * <ul>
 *   <li>sending node to receiving node: pacs.008.001.08, a batch of forwarded transfers, or
 *       pacs.028.001.03, a batch of status requests for transfers it has not heard the end of;
 *   <li>receiving node's answer to either: pacs.002.001.10 with one status per transaction:
 *       ACSC (leg 2 posted, final), RJCT with an ISO reason code (final), PDNG (not decided yet:
 *       held for compliance), or PDNG with reason NOOR (no such transfer here: send the pacs.008
 *       again).
 * </ul>
 *
 * <p>How a forwarded transfer is carried in a CdtTrfTxInf: PmtId/UETR the payment's UETR,
 * PmtId/EndToEndId its end-to-end id (the receiving node knows it by the pacs.008's MsgId that
 * brought it; InstrId stays free, as it must be unique within a message and a bank's message may
 * carry many payments);
 * IntrBkSttlmAmt the exact amount the creditor receives, in the receiving node's currency;
 * InstdAmt the debtor's amount in the sending node's currency, XchgRate the quoted rate (target
 * per source, rounded to what BaseOneRate can carry, see {@link #wireRate}); IntrmyAgt1 the FX provider, the agent in whose accounts on the two nodes the two
 * legs meet; InstrForNxtAgt "/QUOTE/&lt;id&gt;" the quote; DbtrAgt, Dbtr, CdtrAgt, Cdtr the banks
 * and their customers, with DbtrAcct, CdtrAcct and the parties' PstlAdr, CtryOfRes and Id as the
 * originating bank gave them (FATF R16); RmtInf/Ustrd the remittance text. The decision deadline is
 * IntrBkSttlmDt + SttlmTmReq/RjctTm, in UTC, to the millisecond: ISO's own "time by when the
 * payment must be settled to avoid rejection", which is exactly the receiving node's rule (it
 * rejects what it has not committed by then, and remembers).
 *
 * <p>Nodes are named in AppHdr Fr/To and in the group headers' InstgAgt/InstdAgt as a financial
 * institution: the operating central bank's BIC where known, and always FinInstnId/Othr/Id = the
 * node id under the proprietary scheme {@value #NODE_SCHEME}.
 *
 * <p>Reading validates at the edge: the official XSD and the module's business rules, then this
 * link's own rules (amounts in minor units of a configured currency, distinct currencies, BICs,
 * UETRs, an expiry, no UETR twice). The module's FATF Recommendation 16 findings are set aside
 * here only: the debtor's and creditor's accounts (DbtrAcct, CdtrAcct), postal addresses,
 * countries of residence and identifications travel as the originating bank gave them, and
 * whether they are complete enough is for the receiving node's own AML rules to judge per
 * payment (hold, reject or flag one), not for the link to refuse a whole batch over. Not
 * thread-safe only in the message id counter, which is atomic: one instance may serve many HTTP
 * threads.
 */
public final class PeerWire {
  /** The media type of every body on the peer link. */
  public static final String CONTENT_TYPE = "application/xml";
  /** One message carries at most this many transactions; both sides enforce it. */
  public static final int MAX_TRANSACTIONS = 2_000;
  /** The proprietary identification scheme that names a node in FinInstnId/Othr. */
  public static final String NODE_SCHEME = "RIALTO-NODE";
  /** A node id fits FinInstnId/Othr/Id (Max35Text). */
  public static final int MAX_NODE_ID_CHARS = 35;
  /** The reason a receiving node gives for a status request about a transfer it never received. */
  public static final String NOT_RECEIVED = "NOOR";
  /** Longest text a transfer may carry in any field (ISO 20022 Max140Text). */
  static final int MAX_TEXT_CHARS = 140;

  /** FATF R16 findings: judged per payment by the receiving node's AML rules (see the class comment). */
  private static final Set<ReasonCode> R16_CODES = Set.of(ReasonCode.RR01, ReasonCode.RR02, ReasonCode.RR03, ReasonCode.RR04);

  /** What a peer asked, read and checked. */
  public record Request(String fromNode, String fromBic, String messageId, MessageType type, List<PeerMessage> messages) {}

  private final String nodeId;
  private final String nodeBic;
  private final Map<String, Integer> minorUnitsByCurrency;
  private final ReadOptions readOptions;
  private final String idPrefix;
  private final AtomicLong nextId = new AtomicLong();

  /**
   * @param nodeBic the BIC of the central bank operating this node
   * @param minorUnitsByCurrency every currency this node and its peers settle, with the minor
   *     units the nodes book it in (which may differ from ISO 4217's, as for IRR)
   * @param schemaValidation false only on a link whose every body is signed and verified by the
   *     sending node's key before it is read (the module's business rules still apply)
   */
  public PeerWire(String nodeId, String nodeBic, Map<String, Integer> minorUnitsByCurrency, boolean schemaValidation) {
    if (nodeId == null || nodeId.isEmpty() || nodeId.length() > MAX_NODE_ID_CHARS) {
      throw new IllegalArgumentException("node id must have 1.." + MAX_NODE_ID_CHARS + " characters: " + nodeId);
    }
    if (!PeerProtocol.isBic(nodeBic)) throw new IllegalArgumentException("not a BIC: " + nodeBic);
    this.nodeId = nodeId;
    this.nodeBic = nodeBic;
    this.minorUnitsByCurrency = Map.copyOf(minorUnitsByCurrency);
    // Room for every R16 finding of a full batch (they are set aside) without hiding any other.
    var limits = new Limits(Limits.DEFAULT.maxBytes(), Limits.DEFAULT.maxDepth(), Limits.DEFAULT.maxElements(),
        Limits.DEFAULT.maxTextChars(), 8 * MAX_TRANSACTIONS + 100);
    this.readOptions = ReadOptions.EDGE.withSchemaValidation(schemaValidation).withLimits(limits);
    // Message ids stay unique across restarts: the start time, then a counter.
    this.idPrefix = "R" + Long.toString(System.currentTimeMillis(), 36).toUpperCase() + "-";
  }

  private String nextMessageId() {
    return idPrefix + Long.toString(nextId.incrementAndGet(), 36).toUpperCase();
  }

  private Agent self() {
    return new Agent(nodeBic, null, null, null, null, new GenericId(nodeId, CodeOrProprietary.proprietary(NODE_SCHEME), null), null);
  }

  private static Agent node(String node, String bic) {
    return new Agent(bic, null, null, null, null, new GenericId(node, CodeOrProprietary.proprietary(NODE_SCHEME), null), null);
  }

  private static OffsetDateTime at(long millis) {
    return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
  }

  private byte[] write(String toNode, String toBic, org.rialto.iso20022.IsoMessage document, OffsetDateTime created) {
    var header = new BusinessApplicationHeader(null, PartyOrAgent.of(self()), PartyOrAgent.of(node(toNode, toBic)),
        document.messageId(), document.type().id(), null, created, null, null, null, null, null, List.of());
    return Iso20022.write(Envelope.of(header, document));
  }

  // ---- Sending node ----

  /** A pacs.008 forwarding {@code transfers} (1..{@value #MAX_TRANSACTIONS}) to {@code peerNode}. */
  public byte[] transfers(String peerNode, List<PeerMessage.Transfer> transfers, long nowMillis) {
    checkBatch(transfers.size());
    OffsetDateTime created = at(nowMillis);
    var txs = new ArrayList<CreditTransfer>(transfers.size());
    for (var t : transfers) {
      if (!nodeId.equals(t.fromNode())) throw new IllegalStateException("transfer " + t.uetr() + " is from " + t.fromNode() + ", not " + nodeId);
      txs.add(creditTransfer(t));
    }
    var header = new org.rialto.iso20022.CreditTransferGroupHeader(nextMessageId(), created, null, Integer.toString(txs.size()),
        null, null, null, SettlementInstruction.of(SettlementMethod.CLRG), null, self(), node(peerNode, null));
    return write(peerNode, null, new Pacs008(header, txs, List.of()), created);
  }

  private CreditTransfer creditTransfer(PeerMessage.Transfer t) {
    OffsetDateTime expiry = at(t.expiresAtMillis());
    var b = CreditTransfer.builder()
        .paymentId(new PaymentId(null, endToEndId(t), null, t.uetr(), null))
        .interbankSettlementAmount(amount(t.targetCurrency(), t.targetAmountMinor()))
        .interbankSettlementDate(expiry.toLocalDate())
        .settlementTimeRequest(new SettlementTimeRequest(null, null, null, expiry.toOffsetTime()))
        .instructedAmount(amount(t.sourceCurrency(), t.sourceAmountMinor()))
        .exchangeRate(requireWireRate(t))
        .chargeBearer(ChargeBearer.SHAR)
        .intermediaryAgent1(Agent.ofBic(t.fxp()))
        .debtor(PartyDetails.party(text(t.debtorName(), MAX_TEXT_CHARS), t.debtorDetails()))
        .debtorAccount(PartyDetails.account(t.debtorDetails()))
        .debtorAgent(Agent.ofBic(t.debtorAgent()))
        .debtorAgentAccount(Account.other(t.sourceCurrency() + "-" + t.debtorAgent()))
        .creditorAgent(Agent.ofBic(t.creditorAgent()))
        .creditor(PartyDetails.party(text(t.creditorName(), MAX_TEXT_CHARS), t.creditorDetails()))
        .creditorAccount(PartyDetails.account(t.creditorDetails()));
    String quoteId = text(t.quoteId(), MAX_TEXT_CHARS - Instruction.QUOTE_PREFIX.length());
    if (quoteId != null) b.instructionsForNextAgent(List.of(Instruction.quote(quoteId)));
    String remittance = text(t.remittance(), MAX_TEXT_CHARS);
    if (remittance != null) b.remittanceInformation(RemittanceInformation.of(remittance));
    return b.build();
  }

  private static String endToEndId(PeerMessage.Transfer t) {
    String id = text(t.endToEndId(), 35);
    return id == null ? "NOTPROVIDED" : id;
  }

  /**
   * A bank's text as ISO can carry it: a JSON submission may hold what XML 1.0 cannot (control
   * characters), an empty string (the XSD wants at least one character), or more than an ISO
   * identifier's 35 characters. One such payment must not make every batch that carries it
   * unwritable and so stop the link: the text is made writable, and anything cut is cut here,
   * visibly, not refused on the other side.
   */
  static String text(String s, int maxChars) {
    if (s == null || s.isBlank()) return null;
    var sb = new StringBuilder(Math.min(s.length(), maxChars));
    for (int i = 0; i < s.length() && sb.length() < maxChars; i++) {
      char c = s.charAt(i);
      boolean xml = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (sb.length() + 2 > maxChars) break;
        sb.append(c).append(s.charAt(++i));
      } else {
        sb.append(xml ? c : '?');
      }
    }
    String out = sb.toString();
    return out.isBlank() ? null : out;
  }

  /** XchgRate is an ISO BaseOneRate: at most 11 digits, at most 10 of them after the point. */
  static final int RATE_TOTAL_DIGITS = 11;
  static final int RATE_FRACTION_DIGITS = 10;

  /**
   * The quoted rate as XchgRate can carry it: exact when it fits BaseOneRate, otherwise rounded
   * half-even to 11 significant digits and 10 decimals. The rate is informative; what binds are
   * the two amounts, carried exactly. Null when no BaseOneRate can express it (10^11 or more, or
   * below 0.00000000005): the sending node refuses such a payment before reserving anything,
   * rather than forward a message the peer's schema check would refuse whole.
   */
  public static BigDecimal wireRate(String rate) {
    BigDecimal r;
    try {
      r = new BigDecimal(rate);
    } catch (NumberFormatException | NullPointerException e) {
      return null;
    }
    if (r.signum() <= 0) return null;
    if (r.scale() >= 0 && r.scale() <= RATE_FRACTION_DIGITS && isBaseOneRate(r)) return r;
    if (r.scale() > RATE_FRACTION_DIGITS) r = r.setScale(RATE_FRACTION_DIGITS, java.math.RoundingMode.HALF_EVEN);
    r = r.stripTrailingZeros();
    if (r.precision() > RATE_TOTAL_DIGITS) r = r.round(new java.math.MathContext(RATE_TOTAL_DIGITS, java.math.RoundingMode.HALF_EVEN));
    r = r.stripTrailingZeros();
    if (r.scale() < 0) r = r.setScale(0);
    if (r.signum() <= 0 || !isBaseOneRate(r)) return null;
    return r;
  }

  /** At most 11 digits in the value (integer digits count even when zero-padded), at most 10 after the point. */
  private static boolean isBaseOneRate(BigDecimal r) {
    BigDecimal s = r.stripTrailingZeros();
    int digits = s.scale() < 0 ? s.precision() - s.scale() : s.precision();
    return digits <= RATE_TOTAL_DIGITS && s.scale() <= RATE_FRACTION_DIGITS;
  }

  private static BigDecimal requireWireRate(PeerMessage.Transfer t) {
    BigDecimal r = wireRate(t.rate());
    if (r == null) throw new IllegalStateException("transfer " + t.uetr() + ": rate " + t.rate() + " cannot be an ISO XchgRate");
    return r;
  }

  private Amount amount(String currency, long minor) {
    Integer units = minorUnitsByCurrency.get(currency);
    if (units == null) throw new IllegalStateException("no minor units configured for " + currency);
    return new Amount(currency, BigDecimal.valueOf(minor, units));
  }

  /** A pacs.028 asking {@code peerNode} the status of {@code asked} (1..{@value #MAX_TRANSACTIONS}). */
  public byte[] statusRequests(String peerNode, List<PeerMessage.Transfer> asked, long nowMillis) {
    checkBatch(asked.size());
    OffsetDateTime created = at(nowMillis);
    var requests = new ArrayList<Pacs028.StatusRequest>(asked.size());
    for (var t : asked) {
      requests.add(new Pacs028.StatusRequest(null, null, null, endToEndId(t), null,
          t.uetr(), null, null, null, null, List.of()));
    }
    var doc = new Pacs028(new StatusGroupHeader(nextMessageId(), created, self(), node(peerNode, null)), List.of(), requests, List.of());
    return write(peerNode, null, doc, created);
  }

  /**
   * The peer's pacs.002 to a message this node sent about {@code asked}: one status per UETR,
   * each UETR exactly once, a rejection with a reason code. Throws IllegalArgumentException with
   * what is wrong otherwise; a malformed answer decides nothing.
   */
  public Map<UUID, PeerReply> replies(byte[] body, String peerNode, Collection<UUID> asked) {
    Envelope envelope = read(body, peerNode);
    if (!(envelope.document() instanceof Pacs002 report)) {
      throw new IllegalArgumentException(peerNode + " answered with " + envelope.type().id() + ", not a pacs.002");
    }
    var replies = new LinkedHashMap<UUID, PeerReply>(asked.size() * 2);
    for (var tx : report.transactions()) {
      UUID uetr = uuid(tx.originalUetr(), "OrgnlUETR");
      if (!asked.contains(uetr)) throw new IllegalArgumentException(peerNode + " answered about " + uetr + ", which was not asked");
      String code = tx.reasons().isEmpty() || tx.reasons().get(0).reason() == null ? null : tx.reasons().get(0).reason().code();
      if (tx.status() == null) throw new IllegalArgumentException(peerNode + " answered about " + uetr + " without a TxSts");
      PeerReply reply = switch (tx.status()) {
        case Pacs002.ACSC -> new PeerReply(uetr.toString(), PeerReply.Status.COMMITTED, null);
        case Pacs002.RJCT -> new PeerReply(uetr.toString(), PeerReply.Status.REJECTED, code);
        case Pacs002.PDNG -> new PeerReply(uetr.toString(), NOT_RECEIVED.equals(code) ? PeerReply.Status.UNKNOWN : PeerReply.Status.PENDING, null);
        default -> throw new IllegalArgumentException(peerNode + " answered " + tx.status() + " for " + uetr + "; expected ACSC, RJCT or PDNG");
      };
      PeerProtocol.checkReply(reply);
      if (replies.put(uetr, reply) != null) throw new IllegalArgumentException(peerNode + " answered twice about " + uetr);
    }
    if (replies.size() != asked.size()) {
      throw new IllegalArgumentException(peerNode + " answered " + replies.size() + " of " + asked.size() + " transactions");
    }
    return replies;
  }

  // ---- Receiving node ----

  /**
   * A peer's pacs.008 or pacs.028, read and checked. {@code fromNode} is who the transport says
   * sent it; the AppHdr must say the same and name this node as the receiver. Throws
   * IllegalArgumentException with a clear text on anything else; nothing is changed then.
   */
  public Request request(byte[] body, String fromNode) {
    Envelope envelope = read(body, fromNode);
    String fromBic = envelope.header().from().agent().bic();
    return switch (envelope.document()) {
      case Pacs008 m -> new Request(fromNode, fromBic, m.messageId(), m.type(), transfersOf(m, fromNode));
      case Pacs028 m -> new Request(fromNode, fromBic, m.messageId(), m.type(), statusRequestsOf(m, fromNode));
      default -> throw new IllegalArgumentException("a peer sends pacs.008 or pacs.028, not " + envelope.type().id());
    };
  }

  private List<PeerMessage> transfersOf(Pacs008 m, String fromNode) {
    checkBatch(m.transactions().size());
    var out = new ArrayList<PeerMessage>(m.transactions().size());
    var seen = new HashSet<String>();
    for (var t : m.transactions()) {
      String uetr = uuid(t.paymentId().uetr(), "PmtId/UETR").toString();
      if (!seen.add(uetr)) throw new IllegalArgumentException("UETR " + uetr + " twice in one message");
      String at = "transaction " + uetr + ": ";
      if (t.instructedAmount() == null || t.exchangeRate() == null) {
        throw new IllegalArgumentException(at + "InstdAmt and XchgRate (the debtor's amount and the quoted rate) are required");
      }
      if (t.intermediaryAgent1() == null || t.intermediaryAgent1().bic() == null) {
        throw new IllegalArgumentException(at + "IntrmyAgt1 (the FX provider) needs a BIC");
      }
      if (t.debtorAgent().bic() == null || t.creditorAgent().bic() == null) {
        throw new IllegalArgumentException(at + "DbtrAgt and CdtrAgt need a BIC");
      }
      if (t.settlementTimeRequest() == null || t.settlementTimeRequest().rejectTime() == null || t.interbankSettlementDate() == null) {
        throw new IllegalArgumentException(at + "IntrBkSttlmDt and SttlmTmReq/RjctTm (the decision deadline) are required");
      }
      long expiresAtMillis = t.settlementTimeRequest().rejectTime().atDate(t.interbankSettlementDate()).toInstant().toEpochMilli();
      String quoteId = null;
      for (Instruction i : t.instructionsForNextAgent()) if (i.quoteId() != null) quoteId = i.quoteId();
      String remittance = t.remittanceInformation() == null || t.remittanceInformation().unstructured().isEmpty() ? null
          : t.remittanceInformation().unstructured().get(0);
      var transfer = new PeerMessage.Transfer(uetr, fromNode, m.messageId(), t.paymentId().endToEndId(),
          t.debtorAgent().bic(), t.creditorAgent().bic(), t.intermediaryAgent1().bic(), quoteId,
          minor(t.instructedAmount(), at), t.instructedAmount().currency(), minor(t.interbankSettlementAmount(), at),
          t.interbankSettlementAmount().currency(), t.exchangeRate().toPlainString(), expiresAtMillis, t.debtor().name(),
          t.creditor().name(), remittance, details(t.debtor(), t.debtorAccount(), at), details(t.creditor(), t.creditorAccount(), at));
      PeerProtocol.checkValues(transfer);
      out.add(transfer);
    }
    return out;
  }

  /** The R16 details a transaction carries about one party; what this link cannot carry is refused whole. */
  private static PartyDetails details(Party party, Account account, String at) {
    try {
      return PartyDetails.fromIso(party, account);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + "party details: " + e.getMessage());
    }
  }

  private List<PeerMessage> statusRequestsOf(Pacs028 m, String fromNode) {
    checkBatch(m.transactions().size());
    var out = new ArrayList<PeerMessage>(m.transactions().size());
    var seen = new HashSet<String>();
    for (var t : m.transactions()) {
      String uetr = uuid(t.originalUetr(), "OrgnlUETR").toString();
      if (!seen.add(uetr)) throw new IllegalArgumentException("UETR " + uetr + " twice in one message");
      out.add(new PeerMessage.StatusRequest(uetr, fromNode));
    }
    return out;
  }

  /** The pacs.002 answering {@code request}: {@code replies} in the order of its messages. */
  public byte[] answer(Request request, List<PeerReply> replies, long nowMillis) {
    if (replies.size() != request.messages().size()) {
      throw new IllegalStateException(replies.size() + " answers to " + request.messages().size() + " messages");
    }
    OffsetDateTime created = at(nowMillis);
    var group = new OriginalGroupInfo(request.messageId(), request.type().id(), null);
    var statuses = new ArrayList<Pacs002.TransactionStatus>(replies.size());
    for (int i = 0; i < replies.size(); i++) {
      PeerReply r = replies.get(i);
      PeerMessage m = request.messages().get(i);
      if (!r.uetr().equals(m.uetr())) throw new IllegalStateException("answer " + i + " is about " + r.uetr() + ", not " + m.uetr());
      String endToEndId = m instanceof PeerMessage.Transfer t ? t.endToEndId() : null;
      String status;
      List<ReasonInformation> reasons;
      switch (r.status()) {
        case COMMITTED -> {
          status = Pacs002.ACSC;
          reasons = List.of();
        }
        case REJECTED -> {
          status = Pacs002.RJCT;
          reasons = List.of(ReasonInformation.of(r.reasonCode(), null));
        }
        case PENDING -> {
          status = Pacs002.PDNG;
          reasons = List.of();
        }
        case UNKNOWN -> {
          status = Pacs002.PDNG;
          reasons = List.of(ReasonInformation.of(NOT_RECEIVED, "no such transfer here: send the pacs.008 again"));
        }
        default -> throw new IllegalStateException("status " + r.status());
      }
      statuses.add(new Pacs002.TransactionStatus(null, null, null, endToEndId, null, r.uetr(), status, reasons, List.of(),
          null, null, null, null, null, null, List.of()));
    }
    var original = new Pacs002.OriginalGroupStatus(group.messageId(), group.messageNameId(), null, null, null, null, List.of(), List.of());
    var doc = new Pacs002(new StatusGroupHeader(nextMessageId(), created, self(), node(request.fromNode(), request.fromBic())),
        List.of(original), statuses, List.of());
    return write(request.fromNode(), request.fromBic(), doc, created);
  }

  // ---- Both ----

  /** Reads and validates a peer's message; the header must name the peer as sender and this node as receiver. */
  private Envelope read(byte[] body, String peerNode) {
    if (body == null || body.length == 0) throw new IllegalArgumentException("empty body: expected an ISO 20022 Envelope");
    ReadResult result = Iso20022.read(body, readOptions);
    if (result instanceof ReadResult.Unreadable u) {
      throw new IllegalArgumentException("not a usable ISO 20022 message: " + describe(u.findings()));
    }
    var parsed = (ReadResult.Parsed) result;
    var findings = new ArrayList<Finding>();
    for (Finding f : parsed.findings()) if (!R16_CODES.contains(f.code())) findings.add(f);
    if (!findings.isEmpty()) throw new IllegalArgumentException("message breaks the business rules: " + describe(findings));
    Envelope envelope = parsed.envelope();
    var header = envelope.header();
    if (header == null) throw new IllegalArgumentException("an AppHdr (head.001.001.02) is required between nodes");
    if (!header.messageDefinitionId().equals(envelope.type().id())) {
      throw new IllegalArgumentException("AppHdr MsgDefIdr " + header.messageDefinitionId() + " but the Document is " + envelope.type().id());
    }
    if (!header.businessMessageId().equals(envelope.document().messageId())) {
      throw new IllegalArgumentException("AppHdr BizMsgIdr " + header.businessMessageId() + " is not the Document's MsgId");
    }
    String from = nodeOf(header.from());
    String to = nodeOf(header.to());
    if (!peerNode.equals(from)) throw new IllegalArgumentException("AppHdr Fr names " + from + ", but the message came from " + peerNode);
    if (!nodeId.equals(to)) throw new IllegalArgumentException("AppHdr To names " + to + ", not this node " + nodeId);
    return envelope;
  }

  private static String nodeOf(PartyOrAgent p) {
    if (p.agent() == null || p.agent().other() == null || p.agent().other().scheme() == null
        || !NODE_SCHEME.equals(p.agent().other().scheme().proprietary())) {
      throw new IllegalArgumentException("AppHdr Fr and To name a node: FIId/FinInstnId/Othr/Id with SchmeNm/Prtry " + NODE_SCHEME);
    }
    return p.agent().other().id();
  }

  private long minor(Amount amount, String at) {
    Integer units = minorUnitsByCurrency.get(amount.currency());
    if (units == null) throw new IllegalArgumentException(at + "no node here settles " + amount.currency());
    BigDecimal minor = amount.value().movePointRight(units);
    if (minor.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(at + amount + " has more than " + units + " decimals");
    }
    try {
      return minor.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(at + amount + " is too large");
    }
  }

  private static UUID uuid(String text, String field) {
    if (text == null) throw new IllegalArgumentException(field + " is required");
    try {
      UUID u = UUID.fromString(text);
      if (!u.toString().equals(text.toLowerCase())) throw new IllegalArgumentException();
      return u;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " '" + text + "' is not a UUID");
    }
  }

  private static void checkBatch(int size) {
    if (size < 1 || size > MAX_TRANSACTIONS) {
      throw new IllegalArgumentException("a message carries 1.." + MAX_TRANSACTIONS + " transactions, not " + size);
    }
  }

  private static String describe(List<Finding> findings) {
    var sb = new StringBuilder();
    for (int i = 0; i < findings.size() && i < 5; i++) sb.append(i == 0 ? "" : "; ").append(findings.get(i));
    if (findings.size() > 5) sb.append("; and ").append(findings.size() - 5).append(" more");
    return sb.toString();
  }
}
