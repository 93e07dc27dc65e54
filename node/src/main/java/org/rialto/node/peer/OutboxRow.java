package org.rialto.node.peer;

import java.util.UUID;

/**
 * A transfer forwarded to a peer, durable until the peer's answer has been applied here.
 *
 * @param body the transfer as the store keeps it (JSON)
 * @param transfer the same transfer as the writer built it, so the dispatcher need not read
 *     {@code body} back; null for a row read from the store at start
 */
public record OutboxRow(long id, String peerNode, UUID uetr, String body, long createdAtMillis, PeerMessage.Transfer transfer) {
  /** A row as read from the store. */
  public OutboxRow(long id, String peerNode, UUID uetr, String body, long createdAtMillis) {
    this(id, peerNode, uetr, body, createdAtMillis, null);
  }
}
