package org.rialto.node.engine;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rialto.node.payment.Payment;
import org.rialto.node.rtgs.PaymentQueues;

/** The writer's state as queries see it; only ever used on the writer thread. */
final class StateView implements NodeEngine.View {
  private final NodeState s;

  StateView(NodeState state) {
    this.s = state;
  }

  @Override
  public Optional<Payment> payment(UUID uetr) {
    return s.payment(uetr);
  }

  @Override
  public Optional<Participants.Participant> participant(String bic) {
    return s.participants.get(bic);
  }

  @Override
  public List<Participants.Participant> participants() {
    return s.participants.all();
  }

  @Override
  public Balances.AccountBalance balance(String bic) {
    var p = s.participants.get(bic).orElseThrow(() -> new RejectException("RC01", "no participant " + bic));
    var account = s.ledger.account(p.accountId()).orElseThrow();
    int queuedCount = 0;
    long queuedMinor = 0;
    for (var q : s.queues.debtorQueue(bic)) {
      queuedCount++;
      queuedMinor = Math.addExact(queuedMinor, q.amountMinor());
    }
    return new Balances.AccountBalance(bic, s.currency,
        LedgerReads.clamp(account.balancePostedMinor()),
        LedgerReads.clamp(account.debitsPending().toBigInteger()),
        account.creditLimitMinor(),
        LedgerReads.clamp(account.availableMinor()),
        queuedCount, queuedMinor);
  }

  @Override
  public PaymentQueues queues() {
    return s.queues;
  }

  @Override
  public long bankMessageHighWater() {
    return s.bankMessageHighWater();
  }
}
