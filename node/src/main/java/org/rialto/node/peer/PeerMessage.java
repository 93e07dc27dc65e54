package org.rialto.node.peer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What one node sends another. Only the sending node of a payment ever initiates: it forwards the
 * transfer and, while in doubt, asks for its status; the receiving node's decision always travels
 * back as the answer. So no node ever needs to reach a peer that is down to finish its own work.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PeerMessage.Transfer.class, name = "transfer"),
  @JsonSubTypes.Type(value = PeerMessage.StatusRequest.class, name = "status-request")
})
public sealed interface PeerMessage {
  String uetr();

  String fromNode();

  /**
   * The payment forwarded by the sending node after it reserved leg 1 (the pacs.008 content),
   * with the customers' FATF R16 details as their bank gave them (null when it gave none).
   */
  record Transfer(
      String uetr,
      String fromNode,
      String msgId,
      String endToEndId,
      String debtorAgent,
      String creditorAgent,
      String fxp,
      String quoteId,
      long sourceAmountMinor,
      String sourceCurrency,
      long targetAmountMinor,
      String targetCurrency,
      String rate,
      long expiresAtMillis,
      String debtorName,
      String creditorName,
      String remittance,
      org.rialto.node.payment.PartyDetails debtorDetails,
      org.rialto.node.payment.PartyDetails creditorDetails)
      implements PeerMessage {}

  /**
   * pacs.028: the sending node asks what was decided. A receiving node that never got the transfer
   * says so (UNKNOWN) and the sending node forwards it again: only a pacs.008 carries a payment.
   */
  record StatusRequest(String uetr, String fromNode) implements PeerMessage {}
}
