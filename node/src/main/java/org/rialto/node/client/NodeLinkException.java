package org.rialto.node.client;

/** The link to a node failed or its answer did not verify: nothing in it may be trusted. */
public final class NodeLinkException extends RuntimeException {
  public NodeLinkException(String message) {
    super(message);
  }

  public NodeLinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
