package org.rialto.node.peer;

/** @param outboxId the outbox row that carried the transfer, or 0 for a status request */
public record DeliveredReply(long outboxId, PeerReply reply) {}
