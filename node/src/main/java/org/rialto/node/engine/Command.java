package org.rialto.node.engine;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.rialto.node.rtgs.Priority;

/**
 * What callers ask of the node's single writer. Closed set: the writer handles each kind in one
 * place, and a new kind of request is a compile error until it is handled.
 */
sealed interface Command {
  CompletableFuture<?> future();

  /** @param screenings one per instruction, computed on the caller's thread */
  record Submit(
      String senderBic,
      String msgId,
      String messageHash,
      List<NodeEngine.Instruction> instructions,
      List<Screening> screenings,
      CompletableFuture<NodeEngine.SubmitResult> future)
      implements Command {}

  /** An operator approves (first) or confirms (second, another person) the release of a held payment. */
  record ReleaseHold(java.util.UUID uetr, String operator, String reason, CompletableFuture<String> future) implements Command {}

  record RejectHold(java.util.UUID uetr, String operator, String reasonCode, String reason, CompletableFuture<String> future)
      implements Command {}

  record Cancel(UUID uetr, String requesterBic, CompletableFuture<NodeEngine.Outcome> future)
      implements Command {}

  record Reorder(
      UUID uetr,
      Priority priority,
      boolean toFront,
      String requesterBic,
      CompletableFuture<NodeEngine.Outcome> future)
      implements Command {}

  record Return(
      UUID originalUetr,
      UUID returnUetr,
      long amountMinor,
      String reasonCode,
      String requesterBic,
      CompletableFuture<NodeEngine.Outcome> future)
      implements Command {}

  record AddParticipant(
      String actor, String bic, String name, String country, long creditLineMinor, CompletableFuture<Void> future)
      implements Command {}

  record ChangeCreditLine(String actor, String bic, long creditLineMinor, CompletableFuture<Void> future)
      implements Command {}

  /** Central-bank liquidity: inject (credit the participant) or withdraw (debit it). */
  record Liquidity(
      String actor, UUID requestId, String bic, long amountMinor, boolean inject, CompletableFuture<Void> future)
      implements Command {}

  /** Transfers and status requests from a peer node (the receiving side). */
  record PeerInbound(
      List<org.rialto.node.peer.PeerMessage> messages,
      List<Screening> screenings,
      CompletableFuture<List<org.rialto.node.peer.PeerReply>> future)
      implements Command {}

  /** A peer's answers to what this node forwarded (the sending side). */
  record PeerReplies(List<org.rialto.node.peer.DeliveredReply> replies, CompletableFuture<Void> future) implements Command {}

  record PublishRate(QuoteDesk.RateInput input, CompletableFuture<org.rialto.fx.PublishedRate> future) implements Command {}

  record RequestQuotes(QuoteDesk.QuotesInput input, CompletableFuture<org.rialto.fx.QuoteResult> future) implements Command {}

  /** Closes a business day: balance snapshot and camt.053 statements. */
  record DayClose(String actor, String businessDate, CompletableFuture<Integer> future) implements Command {}

  /** Creates the node's own accounts (issuance, LSM clearing) if they do not exist yet. */
  record EnsureSystemAccounts(CompletableFuture<Void> future) implements Command {}

  /** Operator accounts, sessions and dual-control decisions, checked and written by the writer. */
  record Operators<T>(OperatorWork<T> work, CompletableFuture<T> future) implements Command {}

  /** Accepted signed messages, kept with their signatures for non-repudiation. */
  record RecordEvidence(List<org.rialto.security.jws.Evidence> evidence, CompletableFuture<Void> future) implements Command {}

  record Query<T>(Function<NodeEngine.View, T> read, CompletableFuture<T> future) implements Command {}
}
