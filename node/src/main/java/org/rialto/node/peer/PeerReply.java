package org.rialto.node.peer;

/**
 * The receiving node's answer about one payment (pacs.002 content).
 *
 * @param status COMMITTED (leg 2 posted, final), REJECTED (final, with reason), or PENDING
 *     (received, not decided yet: held for compliance; ask again)
 */
public record PeerReply(String uetr, Status status, String reasonCode) {
  public enum Status {
    COMMITTED,
    REJECTED,
    PENDING
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isFinal() {
    return status != Status.PENDING;
  }
}
