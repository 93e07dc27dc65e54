package org.rialto.ledger;

/**
 * An immutable snapshot of one recorded (that is, successful) transfer.
 *
 * <p>For a post or void the account ids are those of the pending transfer (whether or not the
 * request repeated them) and {@code amountMinor} is what moved: the amount posted, or for a void
 * the amount released.
 *
 * @param expiresAtNanos for a pending transfer with a timeout, the timestamp at which it lapses;
 *     else 0
 * @param status for a pending transfer its current state; {@link PendingStatus#NOT_PENDING} otherwise
 * @param resolvedById the post or void that settled this pending transfer, else {@link Id128#ZERO}
 */
public record TransferView(
    Id128 id,
    Id128 debitAccountId,
    Id128 creditAccountId,
    long amountMinor,
    Id128 pendingId,
    Id128 userData,
    long timeoutSeconds,
    int flags,
    long timestampNanos,
    long expiresAtNanos,
    PendingStatus status,
    Id128 resolvedById) {}
