package org.rialto.node.engine;

/** The node cannot take the request now (overloaded or stopped); the caller may retry. */
public final class NodeUnavailableException extends RuntimeException {
  public NodeUnavailableException(String message) {
    super(message);
  }

  public NodeUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
