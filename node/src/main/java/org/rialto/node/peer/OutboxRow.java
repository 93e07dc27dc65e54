package org.rialto.node.peer;

import java.util.UUID;

/** A transfer forwarded to a peer, durable until the peer's answer has been applied here. */
public record OutboxRow(long id, String peerNode, UUID uetr, String body, long createdAtMillis) {}
