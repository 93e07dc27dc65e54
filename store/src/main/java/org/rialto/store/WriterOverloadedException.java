package org.rialto.store;

/**
 * The writer's queue stayed full for the whole submit timeout: the submission was not taken and
 * nothing of it was applied. Retrying later (with the same ids) is safe.
 */
public final class WriterOverloadedException extends IllegalStateException {
  public WriterOverloadedException(String message) {
    super(message);
  }
}
