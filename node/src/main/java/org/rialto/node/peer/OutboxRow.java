package org.rialto.node.peer;

import java.util.UUID;

/**
 * A transfer forwarded to a peer, durable until the peer's answer has been applied here.
 *
 * @param body the transfer as JSON in rows written before session 4, {@link #FROM_PAYMENT} since:
 *     the transfer is then built from the payment's own rows (PeerProtocol.transfer)
 * @param transfer the transfer as the writer built it (or as rebuilt at start), so the dispatcher
 *     need not read {@code body}; null only for an old row read from the store
 */
public record OutboxRow(long id, String peerNode, UUID uetr, String body, long createdAtMillis, PeerMessage.Transfer transfer) {
  /**
   * The body of a row whose transfer is the payment's: its payment and cross-border rows, written
   * in the same transaction, carry every field, so the outbox does not store a second copy.
   */
  public static final String FROM_PAYMENT = "";

  public OutboxRow {
    if (body == null || !FROM_PAYMENT.equals(body) && body.isBlank()) throw new IllegalArgumentException("outbox row " + id + " without a transfer");
    if (FROM_PAYMENT.equals(body) && transfer == null) {
      throw new IllegalArgumentException("outbox row " + id + " of " + uetr + ": its transfer must be built from the payment");
    }
  }

  /** A row as read from the store, with its JSON body (rows written before session 4). */
  public OutboxRow(long id, String peerNode, UUID uetr, String body, long createdAtMillis) {
    this(id, peerNode, uetr, body, createdAtMillis, null);
  }

  /** The transfer this row forwards. */
  public PeerMessage.Transfer forwarded() {
    return transfer != null ? transfer : org.rialto.node.engine.PeerProtocol.decodeTransfer(body);
  }
}
