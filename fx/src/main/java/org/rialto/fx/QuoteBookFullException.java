package org.rialto.fx;

/**
 * The quote book holds its maximum number of live quotes: no new quotes until some expire. The
 * node answers the bank "try again shortly" (HTTP 503) and alerts the operator.
 */
public final class QuoteBookFullException extends RuntimeException {

  public QuoteBookFullException(String message) {
    super(message);
  }
}
