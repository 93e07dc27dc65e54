package org.rialto.node.peer;

/**
 * The receiving node's answer about one payment (pacs.002 content).
 *
 * @param status COMMITTED (leg 2 posted, final), REJECTED (final, with reason), PENDING
 *     (received, not decided yet: held for compliance; ask again), or UNKNOWN (the answer to a
 *     status request about a transfer the peer never received: forward it again)
 */
public record PeerReply(String uetr, Status status, String reasonCode) {
  public enum Status {
    COMMITTED,
    REJECTED,
    PENDING,
    UNKNOWN
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isFinal() {
    return status == Status.COMMITTED || status == Status.REJECTED;
  }
}
