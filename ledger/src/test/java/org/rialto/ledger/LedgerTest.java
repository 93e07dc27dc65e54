package org.rialto.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rialto.ledger.AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS;
import static org.rialto.ledger.AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS;
import static org.rialto.ledger.EventResult.*;
import static org.rialto.ledger.TransferFlags.LINKED;
import static org.rialto.ledger.TransferFlags.PENDING;
import static org.rialto.ledger.TransferFlags.POST_PENDING;
import static org.rialto.ledger.TransferFlags.VOID_PENDING;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test (at least) for every result code and every flag combination. */
class LedgerTest {
  static final long SECOND = 1_000_000_000L;
  static final Id128 ISSUANCE = Id128.of(100);
  /** Settlement account funded with 1,000. */
  static final Id128 A = Id128.of(1);
  /** Settlement account, unfunded, credit line 100. */
  static final Id128 B = Id128.of(2);
  /** Credits must not exceed debits. */
  static final Id128 C = Id128.of(3);
  /** No limits. */
  static final Id128 D = Id128.of(4);
  /** Another currency. */
  static final Id128 X = Id128.of(5);
  static final Id128 GHOST = Id128.of(999);

  Ledger ledger;
  long now;
  long nextId = 10_000;

  @BeforeEach
  void setUp() {
    ledger = new Ledger();
    now = 1_000_000;
    assertThat(apply(
            account(ISSUANCE, "RUB", 0, 0),
            account(A, "RUB", DEBITS_MUST_NOT_EXCEED_CREDITS, 0),
            account(B, "RUB", DEBITS_MUST_NOT_EXCEED_CREDITS, 100),
            account(C, "RUB", CREDITS_MUST_NOT_EXCEED_DEBITS, 0),
            account(D, "RUB", 0, 0),
            new LedgerEvent.CreateAccount(X, "IRR", 0, "BANKIRTH", AccountKind.SETTLEMENT, 0, 0))
        .results()).containsOnly(OK);
    assertThat(one(transfer(ISSUANCE, A, 1000))).isEqualTo(OK);
  }

  // ---- helpers ----

  static LedgerEvent.CreateAccount account(Id128 id, String currency, int flags, long limit) {
    return new LedgerEvent.CreateAccount(id, currency, 2, "BANKRUMM", AccountKind.SETTLEMENT, flags, limit);
  }

  Id128 newId() {
    return Id128.of(nextId++);
  }

  LedgerEvent.CreateTransfer transfer(Id128 debit, Id128 credit, long amount) {
    return LedgerEvent.CreateTransfer.posted(newId(), debit, credit, amount);
  }

  LedgerEvent.CreateTransfer transfer(Id128 debit, Id128 credit, long amount, int flags) {
    return new LedgerEvent.CreateTransfer(newId(), debit, credit, amount, Id128.ZERO, Id128.ZERO, 0, flags);
  }

  LedgerEvent.CreateTransfer pending(Id128 debit, Id128 credit, long amount, long timeoutSeconds) {
    return new LedgerEvent.CreateTransfer(newId(), debit, credit, amount, Id128.ZERO, Id128.ZERO, timeoutSeconds, PENDING);
  }

  LedgerEvent.CreateTransfer post(Id128 pendingId, long amount) {
    return new LedgerEvent.CreateTransfer(newId(), Id128.ZERO, Id128.ZERO, amount, pendingId, Id128.ZERO, 0, POST_PENDING);
  }

  LedgerEvent.CreateTransfer voidPending(Id128 pendingId, long amount) {
    return new LedgerEvent.CreateTransfer(newId(), Id128.ZERO, Id128.ZERO, amount, pendingId, Id128.ZERO, 0, VOID_PENDING);
  }

  static LedgerEvent.CreateTransfer with(LedgerEvent.CreateTransfer t, int flags) {
    return new LedgerEvent.CreateTransfer(t.id(), t.debitAccountId(), t.creditAccountId(), t.amountMinor(),
        t.pendingId(), t.userData(), t.timeoutSeconds(), flags);
  }

  BatchResult apply(LedgerEvent... events) {
    BatchResult result = ledger.apply(now, Arrays.asList(events));
    now = ledger.lastTimestampNanos() + 1;
    ledger.checkInvariants();
    return result;
  }

  EventResult one(LedgerEvent event) {
    return apply(event).result(0);
  }

  AccountView view(Id128 id) {
    return ledger.account(id).orElseThrow();
  }

  long posted(Id128 id) {
    return view(id).balancePostedMinor().longValueExact();
  }

  long debitsPending(Id128 id) {
    return view(id).debitsPending().toBigInteger().longValueExact();
  }

  long creditsPending(Id128 id) {
    return view(id).creditsPending().toBigInteger().longValueExact();
  }

  // ---- plain transfers ----

  @Test
  void plainTransferMovesMoneyAndIsRecorded() {
    LedgerEvent.CreateTransfer t = transfer(A, B, 300);
    assertThat(one(t)).isEqualTo(OK);
    assertThat(posted(A)).isEqualTo(700);
    assertThat(posted(B)).isEqualTo(300);
    TransferView v = ledger.transfer(t.id()).orElseThrow();
    assertThat(v.debitAccountId()).isEqualTo(A);
    assertThat(v.creditAccountId()).isEqualTo(B);
    assertThat(v.amountMinor()).isEqualTo(300);
    assertThat(v.status()).isEqualTo(PendingStatus.NOT_PENDING);
    assertThat(v.resolvedById()).isEqualTo(Id128.ZERO);
    assertThat(v.timestampNanos()).isEqualTo(now - 1);
    ledger.verifyFully();
  }

  @Test
  void eventsOfABatchGetConsecutiveTimestamps() {
    long batchTimestamp = now;
    LedgerEvent.CreateTransfer t0 = transfer(A, B, 1);
    LedgerEvent.CreateTransfer t1 = transfer(A, B, 1);
    LedgerEvent.CreateTransfer t2 = transfer(A, B, 1);
    BatchResult r = apply(t0, t1, t2);
    assertThat(r.timestampNanos()).isEqualTo(batchTimestamp);
    assertThat(ledger.transfer(t2.id()).orElseThrow().timestampNanos()).isEqualTo(batchTimestamp + 2);
    assertThat(ledger.lastTimestampNanos()).isEqualTo(batchTimestamp + 2);
  }

  @Test
  void idsMustNotBeZero() {
    assertThat(one(new LedgerEvent.CreateTransfer(Id128.ZERO, A, B, 1, Id128.ZERO, Id128.ZERO, 0, 0)))
        .isEqualTo(ID_MUST_NOT_BE_ZERO);
    assertThat(one(account(Id128.ZERO, "RUB", 0, 0))).isEqualTo(ID_MUST_NOT_BE_ZERO);
    assertThat(one(new LedgerEvent.ChangeCreditLimit(Id128.ZERO, 5))).isEqualTo(ID_MUST_NOT_BE_ZERO);
  }

  @Test
  void transferFlagsMutuallyExclusiveAndUnknown() {
    assertThat(one(transfer(A, B, 1, PENDING | POST_PENDING))).isEqualTo(FLAGS_ARE_MUTUALLY_EXCLUSIVE);
    assertThat(one(transfer(A, B, 1, PENDING | VOID_PENDING))).isEqualTo(FLAGS_ARE_MUTUALLY_EXCLUSIVE);
    assertThat(one(transfer(A, B, 1, POST_PENDING | VOID_PENDING))).isEqualTo(FLAGS_ARE_MUTUALLY_EXCLUSIVE);
    assertThat(one(transfer(A, B, 1, PENDING | POST_PENDING | VOID_PENDING | LINKED)))
        .isEqualTo(LINKED_EVENT_CHAIN_OPEN);
    assertThat(one(transfer(A, B, 1, 1 << 4))).isEqualTo(FLAGS_UNKNOWN);
    assertThat(one(transfer(A, B, 1, 1 << 31))).isEqualTo(FLAGS_UNKNOWN);
    // Mutually exclusive is reported before unknown.
    assertThat(one(transfer(A, B, 1, PENDING | POST_PENDING | 1 << 9))).isEqualTo(FLAGS_ARE_MUTUALLY_EXCLUSIVE);
  }

  @Test
  void accountIdsMustBeGivenAndDifferent() {
    assertThat(one(transfer(Id128.ZERO, B, 1))).isEqualTo(DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO);
    assertThat(one(transfer(A, Id128.ZERO, 1))).isEqualTo(CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO);
    assertThat(one(transfer(Id128.ZERO, Id128.ZERO, 1))).isEqualTo(DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO);
    assertThat(one(transfer(A, A, 1))).isEqualTo(ACCOUNTS_MUST_BE_DIFFERENT);
    assertThat(one(transfer(A, A, 1, PENDING))).isEqualTo(ACCOUNTS_MUST_BE_DIFFERENT);
    // Ids that differ only in the high word are different accounts.
    assertThat(one(transfer(A, new Id128(1, A.low()), 1))).isEqualTo(CREDIT_ACCOUNT_NOT_FOUND);
  }

  @Test
  void pendingIdRules() {
    assertThat(one(new LedgerEvent.CreateTransfer(newId(), A, B, 1, Id128.of(7), Id128.ZERO, 0, 0)))
        .isEqualTo(PENDING_ID_MUST_BE_ZERO);
    assertThat(one(new LedgerEvent.CreateTransfer(newId(), A, B, 1, Id128.of(7), Id128.ZERO, 0, PENDING)))
        .isEqualTo(PENDING_ID_MUST_BE_ZERO);
    assertThat(one(post(Id128.ZERO, 0))).isEqualTo(PENDING_ID_MUST_NOT_BE_ZERO);
    assertThat(one(voidPending(Id128.ZERO, 0))).isEqualTo(PENDING_ID_MUST_NOT_BE_ZERO);
    Id128 id = newId();
    assertThat(one(new LedgerEvent.CreateTransfer(id, Id128.ZERO, Id128.ZERO, 0, id, Id128.ZERO, 0, POST_PENDING)))
        .isEqualTo(PENDING_ID_MUST_BE_DIFFERENT);
  }

  @Test
  void timeoutRules() {
    assertThat(one(new LedgerEvent.CreateTransfer(newId(), A, B, 1, Id128.ZERO, Id128.ZERO, 5, 0)))
        .isEqualTo(TIMEOUT_RESERVED_FOR_PENDING_TRANSFER);
    LedgerEvent.CreateTransfer p = pending(A, B, 10, 0);
    assertThat(one(p)).isEqualTo(OK);
    assertThat(one(new LedgerEvent.CreateTransfer(newId(), Id128.ZERO, Id128.ZERO, 0, p.id(), Id128.ZERO, 5, POST_PENDING)))
        .isEqualTo(TIMEOUT_RESERVED_FOR_PENDING_TRANSFER);
    assertThat(one(new LedgerEvent.CreateTransfer(newId(), Id128.ZERO, Id128.ZERO, 0, p.id(), Id128.ZERO, -1, VOID_PENDING)))
        .isEqualTo(TIMEOUT_RESERVED_FOR_PENDING_TRANSFER);
    assertThat(one(pending(A, B, 10, -1))).isEqualTo(TIMEOUT_MUST_NOT_BE_NEGATIVE);
    now = 10 * SECOND; // so that the largest timeout in seconds overflows
    assertThat(one(pending(A, B, 10, Long.MAX_VALUE / SECOND))).isEqualTo(OVERFLOWS_TIMEOUT);
    assertThat(one(pending(A, B, 10, Long.MAX_VALUE))).isEqualTo(OVERFLOWS_TIMEOUT);
    assertThat(one(pending(A, B, 10, (Long.MAX_VALUE - now) / SECOND))).isEqualTo(OK);
  }

  @Test
  void amountRules() {
    assertThat(one(transfer(A, B, 0))).isEqualTo(AMOUNT_MUST_NOT_BE_ZERO);
    assertThat(one(pending(A, B, 0, 0))).isEqualTo(AMOUNT_MUST_NOT_BE_ZERO);
    assertThat(one(transfer(A, B, -1))).isEqualTo(AMOUNT_MUST_NOT_BE_NEGATIVE);
    assertThat(one(transfer(A, B, Long.MIN_VALUE))).isEqualTo(AMOUNT_MUST_NOT_BE_NEGATIVE);
    assertThat(one(transfer(A, B, Ledger.AMOUNT_LIMIT_MINOR))).isEqualTo(AMOUNT_TOO_LARGE);
    assertThat(one(transfer(A, B, Long.MAX_VALUE))).isEqualTo(AMOUNT_TOO_LARGE);
    assertThat(one(transfer(ISSUANCE, D, Ledger.AMOUNT_LIMIT_MINOR - 1))).isEqualTo(OK);
    assertThat(one(post(newId(), -5))).isEqualTo(AMOUNT_MUST_NOT_BE_NEGATIVE);
    assertThat(one(post(newId(), Ledger.AMOUNT_LIMIT_MINOR))).isEqualTo(AMOUNT_TOO_LARGE);
  }

  @Test
  void shapeChecksComeBeforeIdempotency() {
    LedgerEvent.CreateTransfer t = transfer(A, B, 10);
    assertThat(one(t)).isEqualTo(OK);
    LedgerEvent.CreateTransfer sameIdZeroAmount =
        new LedgerEvent.CreateTransfer(t.id(), A, B, 0, Id128.ZERO, Id128.ZERO, 0, 0);
    assertThat(one(sameIdZeroAmount)).isEqualTo(AMOUNT_MUST_NOT_BE_ZERO);
  }

  @Test
  void accountsMustExistAndShareACurrency() {
    assertThat(one(transfer(GHOST, B, 1))).isEqualTo(DEBIT_ACCOUNT_NOT_FOUND);
    assertThat(one(transfer(A, GHOST, 1))).isEqualTo(CREDIT_ACCOUNT_NOT_FOUND);
    assertThat(one(transfer(GHOST, Id128.of(998), 1))).isEqualTo(DEBIT_ACCOUNT_NOT_FOUND);
    assertThat(one(transfer(A, X, 1))).isEqualTo(CURRENCIES_DIFFER);
    assertThat(one(transfer(X, A, 1, PENDING))).isEqualTo(CURRENCIES_DIFFER);
  }

  // ---- idempotency ----

  @Test
  void sameTransferTwiceIsExistsAndMovesMoneyOnce() {
    LedgerEvent.CreateTransfer t = new LedgerEvent.CreateTransfer(newId(), A, B, 300, Id128.ZERO, Id128.of(77), 0, 0);
    assertThat(one(t)).isEqualTo(OK);
    assertThat(one(t)).isEqualTo(EXISTS);
    BatchResult r = apply(t, t);
    assertThat(r.results()).containsExactly(EXISTS, EXISTS);
    assertThat(posted(A)).isEqualTo(700);
    // Within one batch too: the second sees the first.
    LedgerEvent.CreateTransfer u = transfer(A, B, 5);
    assertThat(apply(u, u).results()).containsExactly(OK, EXISTS);
    assertThat(posted(A)).isEqualTo(695);
  }

  @Test
  void sameIdDifferentFieldsNamesTheFirstDifferentField() {
    LedgerEvent.CreateTransfer p = pending(A, B, 50, 10);
    assertThat(one(p)).isEqualTo(OK);
    Id128 id = p.id();
    Id128 ud = p.userData();
    assertThat(one(new LedgerEvent.CreateTransfer(id, A, B, 50, Id128.ZERO, ud, 10, PENDING | LINKED)))
        .isEqualTo(LINKED_EVENT_CHAIN_OPEN);
    assertThat(apply(new LedgerEvent.CreateTransfer(id, A, B, 50, Id128.ZERO, ud, 10, PENDING | LINKED),
        transfer(A, B, 1)).result(0)).isEqualTo(EXISTS_WITH_DIFFERENT_FLAGS);
    assertThat(one(new LedgerEvent.CreateTransfer(id, A, B, 50, Id128.ZERO, ud, 0, 0)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_FLAGS);
    assertThat(one(new LedgerEvent.CreateTransfer(id, D, B, 50, Id128.ZERO, ud, 10, PENDING)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID);
    assertThat(one(new LedgerEvent.CreateTransfer(id, A, D, 50, Id128.ZERO, ud, 10, PENDING)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID);
    assertThat(one(new LedgerEvent.CreateTransfer(id, A, B, 51, Id128.ZERO, ud, 10, PENDING)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_AMOUNT);
    assertThat(one(new LedgerEvent.CreateTransfer(id, A, B, 50, Id128.ZERO, Id128.of(5), 10, PENDING)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_USER_DATA);
    assertThat(one(new LedgerEvent.CreateTransfer(id, A, B, 50, Id128.ZERO, ud, 11, PENDING)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_TIMEOUT);
    assertThat(one(new LedgerEvent.CreateTransfer(id, A, B, 50, Id128.ZERO, ud, 0, PENDING)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_TIMEOUT);
    // Debit differs first even when everything else differs too.
    assertThat(one(new LedgerEvent.CreateTransfer(id, D, A, 1, Id128.ZERO, Id128.of(5), 1, PENDING)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID);
    assertThat(one(p)).isEqualTo(EXISTS);

    // A post is compared as it was requested (zero accounts, zero amount), not as resolved.
    LedgerEvent.CreateTransfer post = post(id, 0);
    assertThat(one(post)).isEqualTo(OK);
    assertThat(one(post)).isEqualTo(EXISTS);
    assertThat(one(new LedgerEvent.CreateTransfer(post.id(), A, Id128.ZERO, 0, id, Id128.ZERO, 0, POST_PENDING)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID);
    assertThat(one(new LedgerEvent.CreateTransfer(post.id(), Id128.ZERO, B, 0, id, Id128.ZERO, 0, POST_PENDING)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID);
    assertThat(one(new LedgerEvent.CreateTransfer(post.id(), Id128.ZERO, Id128.ZERO, 50, id, Id128.ZERO, 0, POST_PENDING)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_AMOUNT);
    assertThat(one(new LedgerEvent.CreateTransfer(post.id(), Id128.ZERO, Id128.ZERO, 0, Id128.of(3), Id128.ZERO, 0, POST_PENDING)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_PENDING_ID);
    assertThat(one(new LedgerEvent.CreateTransfer(post.id(), Id128.ZERO, Id128.ZERO, 0, id, Id128.ZERO, 0, VOID_PENDING)))
        .isEqualTo(EXISTS_WITH_DIFFERENT_FLAGS);
  }

  @Test
  void failedTransfersAreNotRecordedSoTheIdCanBeRetried() {
    LedgerEvent.CreateTransfer tooMuch = LedgerEvent.CreateTransfer.posted(Id128.of(555), A, B, 5000);
    assertThat(one(tooMuch)).isEqualTo(EXCEEDS_CREDITS);
    assertThat(ledger.transfer(tooMuch.id())).isEmpty();
    assertThat(one(LedgerEvent.CreateTransfer.posted(Id128.of(555), A, B, 500))).isEqualTo(OK);
    assertThat(posted(B)).isEqualTo(500);
  }

  // ---- limits ----

  @Test
  void debitsMustNotExceedCreditsAtTheExactBoundary() {
    assertThat(one(transfer(A, D, 1001))).isEqualTo(EXCEEDS_CREDITS);
    assertThat(one(transfer(A, D, 1000))).isEqualTo(OK);
    assertThat(one(transfer(A, D, 1))).isEqualTo(EXCEEDS_CREDITS);
    assertThat(posted(A)).isZero();
  }

  @Test
  void pendingDebitsCountAgainstTheLimit() {
    assertThat(one(pending(A, D, 600, 0))).isEqualTo(OK);
    assertThat(one(transfer(A, D, 401))).isEqualTo(EXCEEDS_CREDITS);
    assertThat(one(pending(A, D, 401, 0))).isEqualTo(EXCEEDS_CREDITS);
    assertThat(one(transfer(A, D, 400))).isEqualTo(OK);
    // Pending credits do not count: money not yet received cannot be spent.
    assertThat(one(pending(D, A, 100, 0))).isEqualTo(OK);
    assertThat(one(transfer(A, D, 1))).isEqualTo(EXCEEDS_CREDITS);
  }

  @Test
  void creditLineLetsAnAccountGoNegativeUpToTheLine() {
    assertThat(one(transfer(B, D, 101))).isEqualTo(EXCEEDS_CREDITS);
    assertThat(one(transfer(B, D, 100))).isEqualTo(OK);
    assertThat(posted(B)).isEqualTo(-100);
    assertThat(view(B).availableMinor()).isEqualTo(BigInteger.ZERO);
    assertThat(one(transfer(B, D, 1))).isEqualTo(EXCEEDS_CREDITS);
    ledger.verifyFully();
  }

  @Test
  void creditsMustNotExceedDebits() {
    assertThat(one(transfer(D, C, 1))).isEqualTo(EXCEEDS_DEBITS);
    assertThat(one(transfer(C, D, 50))).isEqualTo(OK); // C has no debit limit
    assertThat(one(transfer(D, C, 51))).isEqualTo(EXCEEDS_DEBITS);
    assertThat(one(pending(D, C, 30, 0))).isEqualTo(OK);
    assertThat(one(transfer(D, C, 21))).isEqualTo(EXCEEDS_DEBITS);
    assertThat(one(transfer(D, C, 20))).isEqualTo(OK);
    // Pending debits do not count towards what C may receive.
    assertThat(one(pending(C, D, 100, 0))).isEqualTo(OK);
    assertThat(one(transfer(D, C, 1))).isEqualTo(EXCEEDS_DEBITS);
    ledger.verifyFully();
  }

  @Test
  void limitsAreReportedAfterOverflowsAndDebitSideFirst() {
    // A has 1,000 and C has no debits: both limits fail; the debit side is reported.
    assertThat(one(transfer(A, C, 5000))).isEqualTo(EXCEEDS_CREDITS);
  }

  // ---- credit limit changes ----

  @Test
  void changeCreditLimitRules() {
    assertThat(one(new LedgerEvent.ChangeCreditLimit(GHOST, 5))).isEqualTo(ACCOUNT_NOT_FOUND);
    assertThat(one(new LedgerEvent.ChangeCreditLimit(B, -1))).isEqualTo(CREDIT_LIMIT_NEGATIVE);
    assertThat(one(new LedgerEvent.ChangeCreditLimit(GHOST, -1))).isEqualTo(CREDIT_LIMIT_NEGATIVE);
    assertThat(one(new LedgerEvent.ChangeCreditLimit(C, 5))).isEqualTo(CREDIT_LIMIT_REQUIRES_DEBITS_MUST_NOT_EXCEED_CREDITS);
    assertThat(one(new LedgerEvent.ChangeCreditLimit(D, 0))).isEqualTo(CREDIT_LIMIT_REQUIRES_DEBITS_MUST_NOT_EXCEED_CREDITS);
    assertThat(one(new LedgerEvent.ChangeCreditLimit(B, 500))).isEqualTo(OK);
    assertThat(view(B).creditLimitMinor()).isEqualTo(500);
    assertThat(one(transfer(B, D, 500))).isEqualTo(OK);
    assertThat(one(new LedgerEvent.ChangeCreditLimit(A, 0))).isEqualTo(OK);
  }

  @Test
  void loweringALimitBelowUsageIsAllowedButBlocksNewDebitsUntilBackUnder() {
    assertThat(one(transfer(B, D, 100))).isEqualTo(OK); // uses its whole line
    assertThat(one(new LedgerEvent.ChangeCreditLimit(B, 20))).isEqualTo(OK);
    ledger.verifyFully();
    assertThat(one(transfer(B, D, 1))).isEqualTo(EXCEEDS_CREDITS);
    assertThat(one(pending(B, D, 1, 0))).isEqualTo(EXCEEDS_CREDITS);
    assertThat(one(transfer(D, B, 50))).isEqualTo(OK); // exposure 50, line 20
    assertThat(one(transfer(B, D, 1))).isEqualTo(EXCEEDS_CREDITS);
    assertThat(one(transfer(D, B, 30))).isEqualTo(OK); // exposure 20 = line
    assertThat(one(transfer(B, D, 1))).isEqualTo(EXCEEDS_CREDITS);
    assertThat(one(transfer(D, B, 1))).isEqualTo(OK);
    assertThat(one(transfer(B, D, 1))).isEqualTo(OK);
    ledger.verifyFully();
    // Raising it again frees the room at once.
    assertThat(one(new LedgerEvent.ChangeCreditLimit(B, 100))).isEqualTo(OK);
    assertThat(one(transfer(B, D, 80))).isEqualTo(OK);
    ledger.verifyFully();
  }

  @Test
  void creatingAnAccountAgainIsExistsEvenAfterItsLimitChanged() {
    LedgerEvent.CreateAccount b = account(B, "RUB", DEBITS_MUST_NOT_EXCEED_CREDITS, 100);
    assertThat(one(b)).isEqualTo(EXISTS);
    assertThat(one(new LedgerEvent.ChangeCreditLimit(B, 7))).isEqualTo(OK);
    assertThat(one(b)).isEqualTo(EXISTS);
    assertThat(one(account(B, "RUB", DEBITS_MUST_NOT_EXCEED_CREDITS, 7))).isEqualTo(ACCOUNT_EXISTS_WITH_DIFFERENT_FIELDS);
    assertThat(one(new LedgerEvent.CreateAccount(B, "RUB", 2, "OTHERBNK", AccountKind.SETTLEMENT,
        DEBITS_MUST_NOT_EXCEED_CREDITS, 100))).isEqualTo(ACCOUNT_EXISTS_WITH_DIFFERENT_FIELDS);
    assertThat(one(new LedgerEvent.CreateAccount(B, "RUB", 2, "BANKRUMM", AccountKind.FEES,
        DEBITS_MUST_NOT_EXCEED_CREDITS, 100))).isEqualTo(ACCOUNT_EXISTS_WITH_DIFFERENT_FIELDS);
    assertThat(ledger.accountCount()).isEqualTo(6);
  }

  // ---- account creation ----

  @Test
  void accountValidation() {
    Id128 id = Id128.of(50);
    assertThat(one(account(id, "RUB", DEBITS_MUST_NOT_EXCEED_CREDITS | CREDITS_MUST_NOT_EXCEED_DEBITS, 0)))
        .isEqualTo(FLAGS_ARE_MUTUALLY_EXCLUSIVE);
    assertThat(one(account(id, "RUB", 1 << 2, 0))).isEqualTo(FLAGS_UNKNOWN);
    for (String bad : List.of("rub", "RU", "RUBL", "R1B", "", "РУБ", "RU ")) {
      assertThat(one(account(id, bad, 0, 0))).as(bad).isEqualTo(CURRENCY_INVALID);
    }
    assertThat(one(new LedgerEvent.CreateAccount(id, "CNY", -1, "BANKCNBJ", AccountKind.SETTLEMENT, 0, 0)))
        .isEqualTo(MINOR_UNITS_INVALID);
    assertThat(one(new LedgerEvent.CreateAccount(id, "CNY", 10, "BANKCNBJ", AccountKind.SETTLEMENT, 0, 0)))
        .isEqualTo(MINOR_UNITS_INVALID);
    // RUB accounts here have 2 minor units; a RUB account with 0 would make amounts ambiguous.
    assertThat(one(new LedgerEvent.CreateAccount(id, "RUB", 0, "BANKRUMM", AccountKind.SETTLEMENT, 0, 0)))
        .isEqualTo(MINOR_UNITS_INVALID);
    assertThat(one(new LedgerEvent.CreateAccount(id, "RUB", 2, " \t", AccountKind.SETTLEMENT, 0, 0)))
        .isEqualTo(PARTICIPANT_MISSING);
    assertThat(one(new LedgerEvent.CreateAccount(id, "RUB", 2, "", AccountKind.SETTLEMENT, 0, 0)))
        .isEqualTo(PARTICIPANT_MISSING);
    assertThat(one(account(id, "RUB", DEBITS_MUST_NOT_EXCEED_CREDITS, -1))).isEqualTo(CREDIT_LIMIT_NEGATIVE);
    assertThat(one(account(id, "RUB", 0, 1))).isEqualTo(CREDIT_LIMIT_REQUIRES_DEBITS_MUST_NOT_EXCEED_CREDITS);
    assertThat(one(account(id, "RUB", CREDITS_MUST_NOT_EXCEED_DEBITS, 1)))
        .isEqualTo(CREDIT_LIMIT_REQUIRES_DEBITS_MUST_NOT_EXCEED_CREDITS);
    assertThat(ledger.account(id)).isEmpty();
    assertThat(one(new LedgerEvent.CreateAccount(id, "CNY", 9, "BANKCNBJ", AccountKind.FEES, 0, 0))).isEqualTo(OK);
    AccountView v = view(id);
    assertThat(v.currency()).isEqualTo("CNY");
    assertThat(v.minorUnits()).isEqualTo(9);
    assertThat(v.kind()).isEqualTo(AccountKind.FEES);
    assertThat(v.debitsPosted()).isEqualTo(UInt128.ZERO);
    assertThat(ledger.currencyTotals()).containsKey("CNY");
  }

  @Test
  void anAccountCreatedEarlierInTheBatchCanBeUsedLaterInIt() {
    Id128 id = Id128.of(60);
    BatchResult r = apply(account(id, "RUB", 0, 0), transfer(A, id, 10), transfer(id, D, 20));
    assertThat(r.results()).containsExactly(OK, OK, OK);
    assertThat(posted(id)).isEqualTo(-10);
  }

  @Test
  void eventRecordsRejectWhatCannotBeJournaled() {
    assertThatThrownBy(() -> new LedgerEvent.CreateTransfer(null, A, B, 1, Id128.ZERO, Id128.ZERO, 0, 0))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("id");
    assertThatThrownBy(() -> new LedgerEvent.CreateTransfer(Id128.of(1), A, B, 1, null, Id128.ZERO, 0, 0))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("pendingId");
    assertThatThrownBy(() -> new LedgerEvent.CreateAccount(A, "RUB", 2, "x".repeat(65), AccountKind.SETTLEMENT, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("participant");
    assertThatThrownBy(() -> new LedgerEvent.CreateAccount(A, "R".repeat(17), 2, "x", AccountKind.SETTLEMENT, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency");
    assertThatThrownBy(() -> new LedgerEvent.CreateAccount(A, "RUB", 2, "x", null, 0, 0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new LedgerEvent.ChangeCreditLimit(null, 0)).isInstanceOf(NullPointerException.class);
  }

  // ---- two-phase ----

  @Nested
  class TwoPhase {
    @Test
    void pendingReservesAndFullPostMoves() {
      LedgerEvent.CreateTransfer p = pending(A, B, 300, 0);
      assertThat(one(p)).isEqualTo(OK);
      assertThat(debitsPending(A)).isEqualTo(300);
      assertThat(creditsPending(B)).isEqualTo(300);
      assertThat(posted(A)).isEqualTo(1000);
      assertThat(ledger.transfer(p.id()).orElseThrow().status()).isEqualTo(PendingStatus.PENDING);
      LedgerEvent.CreateTransfer post = post(p.id(), 0);
      assertThat(one(post)).isEqualTo(OK);
      assertThat(debitsPending(A)).isZero();
      assertThat(creditsPending(B)).isZero();
      assertThat(posted(A)).isEqualTo(700);
      assertThat(posted(B)).isEqualTo(300);
      TransferView pv = ledger.transfer(p.id()).orElseThrow();
      assertThat(pv.status()).isEqualTo(PendingStatus.POSTED);
      assertThat(pv.resolvedById()).isEqualTo(post.id());
      TransferView postView = ledger.transfer(post.id()).orElseThrow();
      assertThat(postView.debitAccountId()).isEqualTo(A);
      assertThat(postView.creditAccountId()).isEqualTo(B);
      assertThat(postView.amountMinor()).isEqualTo(300);
      assertThat(postView.pendingId()).isEqualTo(p.id());
      assertThat(postView.status()).isEqualTo(PendingStatus.NOT_PENDING);
      ledger.verifyFully();
    }

    @Test
    void partialPostReleasesTheRemainder() {
      LedgerEvent.CreateTransfer p = pending(A, B, 300, 0);
      assertThat(one(p)).isEqualTo(OK);
      LedgerEvent.CreateTransfer post = new LedgerEvent.CreateTransfer(newId(), A, B, 120, p.id(), Id128.ZERO, 0, POST_PENDING);
      assertThat(one(post)).isEqualTo(OK);
      assertThat(posted(A)).isEqualTo(880);
      assertThat(posted(B)).isEqualTo(120);
      assertThat(debitsPending(A)).isZero();
      assertThat(ledger.transfer(post.id()).orElseThrow().amountMinor()).isEqualTo(120);
      assertThat(one(post(p.id(), 0))).isEqualTo(PENDING_TRANSFER_ALREADY_POSTED);
      ledger.verifyFully();
    }

    @Test
    void postOfTheExactAmountAndOfMore() {
      LedgerEvent.CreateTransfer p = pending(A, B, 300, 0);
      assertThat(one(p)).isEqualTo(OK);
      assertThat(one(post(p.id(), 301))).isEqualTo(EXCEEDS_PENDING_TRANSFER_AMOUNT);
      assertThat(one(post(p.id(), 300))).isEqualTo(OK);
      assertThat(posted(B)).isEqualTo(300);
    }

    @Test
    void voidReleasesEverything() {
      LedgerEvent.CreateTransfer p = pending(A, B, 300, 0);
      assertThat(one(p)).isEqualTo(OK);
      assertThat(one(voidPending(p.id(), 301))).isEqualTo(EXCEEDS_PENDING_TRANSFER_AMOUNT);
      assertThat(one(voidPending(p.id(), 299))).isEqualTo(PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT);
      LedgerEvent.CreateTransfer v = voidPending(p.id(), 300);
      assertThat(one(v)).isEqualTo(OK);
      assertThat(posted(A)).isEqualTo(1000);
      assertThat(debitsPending(A)).isZero();
      assertThat(creditsPending(B)).isZero();
      assertThat(ledger.transfer(p.id()).orElseThrow().status()).isEqualTo(PendingStatus.VOIDED);
      assertThat(ledger.transfer(v.id()).orElseThrow().amountMinor()).isEqualTo(300);
      assertThat(one(voidPending(p.id(), 0))).isEqualTo(PENDING_TRANSFER_ALREADY_VOIDED);
      assertThat(one(post(p.id(), 0))).isEqualTo(PENDING_TRANSFER_ALREADY_VOIDED);
      ledger.verifyFully();
    }

    @Test
    void settledExactlyOnce() {
      LedgerEvent.CreateTransfer p = pending(A, B, 300, 0);
      assertThat(one(p)).isEqualTo(OK);
      BatchResult r = apply(post(p.id(), 0), post(p.id(), 0), voidPending(p.id(), 0));
      assertThat(r.results()).containsExactly(OK, PENDING_TRANSFER_ALREADY_POSTED, PENDING_TRANSFER_ALREADY_POSTED);
      assertThat(posted(B)).isEqualTo(300);
      ledger.verifyFully();
    }

    @Test
    void settlementChecks() {
      assertThat(one(post(GHOST, 0))).isEqualTo(PENDING_TRANSFER_NOT_FOUND);
      LedgerEvent.CreateTransfer plain = transfer(A, B, 5);
      assertThat(one(plain)).isEqualTo(OK);
      assertThat(one(post(plain.id(), 0))).isEqualTo(PENDING_TRANSFER_NOT_PENDING);
      LedgerEvent.CreateTransfer p = pending(A, B, 300, 0);
      assertThat(one(p)).isEqualTo(OK);
      LedgerEvent.CreateTransfer post = post(p.id(), 10);
      assertThat(one(post)).isEqualTo(OK);
      // A post is not itself pending.
      assertThat(one(voidPending(post.id(), 0))).isEqualTo(PENDING_TRANSFER_NOT_PENDING);
      LedgerEvent.CreateTransfer q = pending(A, B, 300, 0);
      assertThat(one(q)).isEqualTo(OK);
      assertThat(one(new LedgerEvent.CreateTransfer(newId(), D, Id128.ZERO, 0, q.id(), Id128.ZERO, 0, POST_PENDING)))
          .isEqualTo(PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID);
      assertThat(one(new LedgerEvent.CreateTransfer(newId(), Id128.ZERO, D, 0, q.id(), Id128.ZERO, 0, VOID_PENDING)))
          .isEqualTo(PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID);
      assertThat(one(new LedgerEvent.CreateTransfer(newId(), GHOST, Id128.ZERO, 0, q.id(), Id128.ZERO, 0, POST_PENDING)))
          .isEqualTo(PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID);
      assertThat(one(new LedgerEvent.CreateTransfer(newId(), B, B, 0, q.id(), Id128.ZERO, 0, POST_PENDING)))
          .isEqualTo(ACCOUNTS_MUST_BE_DIFFERENT);
      assertThat(one(new LedgerEvent.CreateTransfer(newId(), A, B, 0, q.id(), Id128.ZERO, 0, VOID_PENDING))).isEqualTo(OK);
    }

    @Test
    void postAndVoidOfAPendingCreatedEarlierInTheSameBatch() {
      LedgerEvent.CreateTransfer p = pending(A, B, 300, 10);
      LedgerEvent.CreateTransfer q = pending(A, B, 200, 0);
      BatchResult r = apply(p, post(p.id(), 100), q, voidPending(q.id(), 0));
      assertThat(r.results()).containsExactly(OK, OK, OK, OK);
      assertThat(posted(B)).isEqualTo(100);
      assertThat(debitsPending(A)).isZero();
      ledger.verifyFully();
      // The posted one must not lapse later.
      assertThat(apply().expiredPendingIds()).isEmpty();
      now += 20 * SECOND;
      assertThat(apply().expiredPendingIds()).isEmpty();
      assertThat(ledger.transfer(p.id()).orElseThrow().status()).isEqualTo(PendingStatus.POSTED);
    }
  }

  // ---- expiry ----

  @Nested
  class Expiry {
    @Test
    void lapsesAtExactlyItsExpiry() {
      LedgerEvent.CreateTransfer p = pending(A, B, 300, 2);
      long created = now;
      assertThat(one(p)).isEqualTo(OK);
      long expiresAt = created + 2 * SECOND;
      assertThat(ledger.transfer(p.id()).orElseThrow().expiresAtNanos()).isEqualTo(expiresAt);
      assertThat(ledger.transfer(p.id()).orElseThrow().timeoutSeconds()).isEqualTo(2);
      assertThat(ledger.nextExpiryNanos()).isEqualTo(expiresAt);
      now = expiresAt - 1;
      assertThat(apply().expiredPendingIds()).isEmpty();
      assertThat(debitsPending(A)).isEqualTo(300);
      now = expiresAt;
      assertThat(apply().expiredPendingIds()).containsExactly(p.id());
      assertThat(debitsPending(A)).isZero();
      assertThat(creditsPending(B)).isZero();
      assertThat(posted(A)).isEqualTo(1000);
      assertThat(ledger.transfer(p.id()).orElseThrow().status()).isEqualTo(PendingStatus.EXPIRED);
      assertThat(ledger.nextExpiryNanos()).isEqualTo(Long.MAX_VALUE);
      assertThat(one(post(p.id(), 0))).isEqualTo(PENDING_TRANSFER_EXPIRED);
      assertThat(one(voidPending(p.id(), 0))).isEqualTo(PENDING_TRANSFER_EXPIRED);
      assertThat(apply().expiredPendingIds()).isEmpty();
      ledger.verifyFully();
    }

    @Test
    void aSettlementInTheBatchAtOrAfterTheExpiryIsTooLate() {
      LedgerEvent.CreateTransfer p = pending(A, B, 300, 1);
      long created = now;
      assertThat(one(p)).isEqualTo(OK);
      long expiresAt = created + SECOND;
      now = expiresAt - 2;
      // Events at expiresAt - 2, - 1, expiresAt, + 1.
      BatchResult r = apply(transfer(A, D, 1), transfer(A, D, 1), post(p.id(), 0), voidPending(p.id(), 0));
      assertThat(r.results()).containsExactly(OK, OK, PENDING_TRANSFER_EXPIRED, PENDING_TRANSFER_EXPIRED);
      // Not swept yet (swept at the next batch start), but already too late to settle.
      assertThat(ledger.transfer(p.id()).orElseThrow().status()).isEqualTo(PendingStatus.PENDING);
      assertThat(apply().expiredPendingIds()).containsExactly(p.id());
      LedgerEvent.CreateTransfer q = pending(A, B, 300, 1);
      long qCreated = now;
      assertThat(one(q)).isEqualTo(OK);
      now = qCreated + SECOND - 1;
      assertThat(one(post(q.id(), 0))).isEqualTo(OK);
      ledger.verifyFully();
    }

    @Test
    void lapsesInExpiryThenIdOrder() {
      // Four reservations; three share one expiry (t0 + 3 s) through different timeouts.
      long t0 = now;
      LedgerEvent.CreateTransfer p4 =
          new LedgerEvent.CreateTransfer(new Id128(-1, 1), A, B, 1, Id128.ZERO, Id128.ZERO, 3, PENDING);
      LedgerEvent.CreateTransfer p1 =
          new LedgerEvent.CreateTransfer(Id128.of(9_000), A, B, 1, Id128.ZERO, Id128.ZERO, 2, PENDING);
      LedgerEvent.CreateTransfer p2 =
          new LedgerEvent.CreateTransfer(Id128.of(7_000), A, B, 1, Id128.ZERO, Id128.ZERO, 1, PENDING);
      LedgerEvent.CreateTransfer p0 =
          new LedgerEvent.CreateTransfer(Id128.of(8_000), A, B, 1, Id128.ZERO, Id128.ZERO, 1, PENDING);
      assertThat(one(p4)).isEqualTo(OK);
      now = t0 + SECOND;
      assertThat(one(p1)).isEqualTo(OK);
      now = t0 + 2 * SECOND;
      assertThat(apply(p2, p0).results()).containsExactly(OK, OK); // p0 one nanosecond after p2
      assertThat(ledger.nextExpiryNanos()).isEqualTo(t0 + 3 * SECOND);
      now = t0 + 3 * SECOND;
      assertThat(apply().expiredPendingIds()).containsExactly(p2.id(), p1.id(), p4.id());
      assertThat(apply().expiredPendingIds()).containsExactly(p0.id());
      assertThat(debitsPending(A)).isZero();
      ledger.verifyFully();
    }

    @Test
    void atMostMaxExpiriesPerBatchTheRestNextBatch() {
      int count = Ledger.MAX_EXPIRIES_PER_BATCH + 5;
      List<LedgerEvent> pendings = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        pendings.add(pending(ISSUANCE, D, 1, 1));
      }
      long start = now;
      for (List<LedgerEvent> batch : Workload.batches(pendings, 4000)) {
        assertThat(apply(batch.toArray(new LedgerEvent[0])).okCount()).isEqualTo(batch.size());
      }
      now = start + 100 * SECOND;
      LedgerEvent.CreateTransfer last = (LedgerEvent.CreateTransfer) pendings.get(count - 1);
      BatchResult r = apply(post(last.id(), 0));
      assertThat(r.expiredPendingIds()).hasSize(Ledger.MAX_EXPIRIES_PER_BATCH);
      assertThat(r.result(0)).isEqualTo(PENDING_TRANSFER_EXPIRED);
      assertThat(debitsPending(ISSUANCE)).isEqualTo(5);
      BatchResult next = apply();
      assertThat(next.expiredPendingIds()).hasSize(5).contains(last.id());
      assertThat(debitsPending(ISSUANCE)).isZero();
      ledger.verifyFully();
    }
  }

  // ---- linked chains ----

  @Nested
  class Linked {
    @Test
    void aChainThatSucceedsAppliesEveryEvent() {
      BatchResult r = apply(transfer(A, B, 100, LINKED), transfer(B, D, 50, LINKED), transfer(D, A, 1));
      assertThat(r.results()).containsExactly(OK, OK, OK);
      assertThat(posted(A)).isEqualTo(901);
      assertThat(posted(B)).isEqualTo(50);
      assertThat(posted(D)).isEqualTo(49);
    }

    @Test
    void aChainFailingAtItsLastEventRollsBackTheOthers() {
      BatchResult r = apply(transfer(A, B, 100, LINKED), transfer(B, D, 50, LINKED), transfer(D, C, 1));
      assertThat(r.results()).containsExactly(LINKED_EVENT_FAILED, LINKED_EVENT_FAILED, EXCEEDS_DEBITS);
      assertThat(posted(A)).isEqualTo(1000);
      assertThat(posted(B)).isZero();
      ledger.verifyFully();
    }

    @Test
    void aFailureRollsBackTheWholeChainAndOnlyTheChain() {
      LedgerEvent.CreateTransfer before = transfer(A, D, 1);
      LedgerEvent.CreateTransfer t1 = transfer(A, B, 100, LINKED);
      LedgerEvent.CreateTransfer t2 = pending(B, D, 50, 5);
      t2 = with(t2, PENDING | LINKED);
      LedgerEvent.CreateTransfer t3 = post(t2.id(), 10);
      t3 = with(t3, POST_PENDING | LINKED);
      LedgerEvent.CreateTransfer t4 = transfer(A, B, 5000, LINKED); // fails: A lacks funds
      LedgerEvent.CreateTransfer t5 = transfer(A, B, 1); // closes the chain: not applied
      LedgerEvent.CreateTransfer after = transfer(A, D, 2);
      BatchResult r = apply(before, t1, t2, t3, t4, t5, after);
      assertThat(r.results()).containsExactly(OK, LINKED_EVENT_FAILED, LINKED_EVENT_FAILED, LINKED_EVENT_FAILED,
          EXCEEDS_CREDITS, LINKED_EVENT_FAILED, OK);
      assertThat(posted(A)).isEqualTo(997);
      assertThat(posted(B)).isZero();
      assertThat(debitsPending(B)).isZero();
      for (LedgerEvent.CreateTransfer t : List.of(t1, t2, t3, t4, t5)) {
        assertThat(ledger.transfer(t.id())).isEmpty();
      }
      assertThat(ledger.transferCount()).isEqualTo(3);
      ledger.verifyFully();
      // The rolled-back pending transfer never lapses, and the ids can be used again.
      now += 10 * SECOND;
      assertThat(apply().expiredPendingIds()).isEmpty();
      assertThat(apply(t1, with(t2, PENDING), with(t3, POST_PENDING)).results()).containsExactly(OK, OK, OK);
      ledger.verifyFully();
    }

    @Test
    void rollingBackASettlementMakesThePendingTransferSettleableAgain() {
      LedgerEvent.CreateTransfer p = pending(A, B, 300, 0);
      assertThat(one(p)).isEqualTo(OK);
      LedgerEvent.CreateTransfer postIt = with(post(p.id(), 100), POST_PENDING | LINKED);
      BatchResult r = apply(postIt, transfer(GHOST, A, 1));
      assertThat(r.results()).containsExactly(LINKED_EVENT_FAILED, DEBIT_ACCOUNT_NOT_FOUND);
      TransferView pv = ledger.transfer(p.id()).orElseThrow();
      assertThat(pv.status()).isEqualTo(PendingStatus.PENDING);
      assertThat(pv.resolvedById()).isEqualTo(Id128.ZERO);
      assertThat(debitsPending(A)).isEqualTo(300);
      assertThat(one(voidPending(p.id(), 0))).isEqualTo(OK);
      ledger.verifyFully();
    }

    @Test
    void existsFailsAChain() {
      LedgerEvent.CreateTransfer t = transfer(A, B, 10);
      assertThat(one(t)).isEqualTo(OK);
      LedgerEvent.CreateTransfer u = transfer(A, B, 20, LINKED);
      BatchResult r = apply(u, t);
      assertThat(r.results()).containsExactly(LINKED_EVENT_FAILED, EXISTS);
      assertThat(posted(B)).isEqualTo(10);
      // Resubmitting a whole committed chain: the first answers EXISTS, the rest follow it.
      LedgerEvent.CreateTransfer c1 = transfer(A, B, 1, LINKED);
      LedgerEvent.CreateTransfer c2 = transfer(A, B, 2);
      assertThat(apply(c1, c2).results()).containsExactly(OK, OK);
      assertThat(apply(c1, c2).results()).containsExactly(EXISTS, LINKED_EVENT_FAILED);
      assertThat(posted(B)).isEqualTo(13);
    }

    @Test
    void aChainOpenAtTheEndOfTheBatchIsNotApplied() {
      LedgerEvent.CreateTransfer ok = transfer(A, B, 1);
      LedgerEvent.CreateTransfer l1 = transfer(A, B, 10, LINKED);
      LedgerEvent.CreateTransfer l2 = transfer(A, B, 20, LINKED);
      BatchResult r = apply(ok, l1, l2);
      assertThat(r.results()).containsExactly(OK, LINKED_EVENT_CHAIN_OPEN, LINKED_EVENT_CHAIN_OPEN);
      assertThat(posted(B)).isEqualTo(1);
      // Even an event that would fail on its own is just part of the open chain.
      assertThat(apply(transfer(A, B, 5000, LINKED)).results()).containsExactly(LINKED_EVENT_CHAIN_OPEN);
      assertThat(apply(l1, with(l2, 0)).results()).containsExactly(OK, OK);
      assertThat(posted(B)).isEqualTo(31);
    }

    @Test
    void chainsOneAfterAnother() {
      BatchResult r = apply(
          transfer(A, B, 10, LINKED), transfer(A, B, 10), // ok chain
          transfer(A, B, 10, LINKED), transfer(A, GHOST, 10), // failing chain
          transfer(A, B, 10), // alone
          transfer(GHOST, B, 10, LINKED), transfer(A, B, 10, LINKED), transfer(A, B, 10)); // fails at its head
      assertThat(r.results()).containsExactly(OK, OK, LINKED_EVENT_FAILED, CREDIT_ACCOUNT_NOT_FOUND, OK,
          DEBIT_ACCOUNT_NOT_FOUND, LINKED_EVENT_FAILED, LINKED_EVENT_FAILED);
      assertThat(posted(B)).isEqualTo(30);
      ledger.verifyFully();
    }

    @Test
    void aChainMayEndWithAnAccountCreationOrALimitChange() {
      Id128 id = Id128.of(70);
      BatchResult r = apply(transfer(A, B, 10, LINKED), account(id, "rub", 0, 0));
      assertThat(r.results()).containsExactly(LINKED_EVENT_FAILED, CURRENCY_INVALID);
      assertThat(posted(B)).isZero();
      r = apply(transfer(A, B, 10, LINKED), new LedgerEvent.ChangeCreditLimit(GHOST, 1));
      assertThat(r.results()).containsExactly(LINKED_EVENT_FAILED, ACCOUNT_NOT_FOUND);
      r = apply(transfer(A, B, 10, LINKED), account(id, "RUB", 0, 0), transfer(id, B, 5));
      assertThat(r.results()).containsExactly(OK, OK, OK);
      r = apply(transfer(GHOST, B, 10, LINKED), new LedgerEvent.ChangeCreditLimit(B, 1));
      assertThat(r.results()).containsExactly(DEBIT_ACCOUNT_NOT_FOUND, LINKED_EVENT_FAILED);
      assertThat(view(B).creditLimitMinor()).isEqualTo(100);
      ledger.verifyFully();
    }

    @Test
    void linkedWithEveryTransferKind() {
      LedgerEvent.CreateTransfer p = with(pending(A, B, 100, 0), PENDING | LINKED);
      LedgerEvent.CreateTransfer v = with(voidPending(p.id(), 0), VOID_PENDING | LINKED);
      LedgerEvent.CreateTransfer q = with(pending(A, B, 100, 0), PENDING | LINKED);
      LedgerEvent.CreateTransfer po = with(post(q.id(), 40), POST_PENDING | LINKED);
      LedgerEvent.CreateTransfer plain = transfer(A, B, 1);
      assertThat(apply(p, v, q, po, plain).results()).containsOnly(OK);
      assertThat(posted(B)).isEqualTo(41);
      ledger.verifyFully();
    }
  }

  // ---- overflows (balances set near 2^128 through the test hook) ----

  @Nested
  class Overflows {
    final UInt128 max = UInt128.MAX;
    final UInt128 nearMax = UInt128.MAX.minus(UInt128.of(5));
    final UInt128 half = UInt128.of(BigInteger.ONE.shiftLeft(127));

    /** Sets one account's debit side and another's credit side so that both totals stay balanced. */
    void set(Id128 debitSide, UInt128 dp, UInt128 dpo, Id128 creditSide, UInt128 cp, UInt128 cpo) {
      AccountView d = view(debitSide);
      ledger.overwriteBalancesForTest(debitSide, dp, dpo, d.creditsPending(), d.creditsPosted());
      AccountView c = view(creditSide);
      ledger.overwriteBalancesForTest(creditSide, c.debitsPending(), c.debitsPosted(), cp, cpo);
      ledger.checkInvariants();
    }

    @Test
    void overflowsDebitsPending() {
      set(D, nearMax, UInt128.ZERO, ISSUANCE, nearMax, UInt128.ZERO);
      assertThat(one(pending(D, ISSUANCE, 6, 0))).isEqualTo(OVERFLOWS_DEBITS_PENDING);
      assertThat(one(pending(D, ISSUANCE, 5, 0))).isEqualTo(OK);
      assertThat(view(D).debitsPending()).isEqualTo(max);
    }

    @Test
    void overflowsCreditsPending() {
      set(C, nearMax, UInt128.ZERO, D, nearMax, UInt128.ZERO);
      assertThat(one(pending(A, D, 6, 0))).isEqualTo(OVERFLOWS_CREDITS_PENDING);
    }

    @Test
    void overflowsDebitsPostedAndCreditsPosted() {
      set(D, UInt128.ZERO, nearMax, ISSUANCE, UInt128.ZERO, nearMax);
      assertThat(one(transfer(D, A, 6))).isEqualTo(OVERFLOWS_DEBITS_POSTED);
      assertThat(one(transfer(D, A, 5))).isEqualTo(OK);
      assertThat(one(transfer(A, ISSUANCE, 6))).isEqualTo(OVERFLOWS_CREDITS_POSTED);
    }

    @Test
    void overflowsDebitsAndCreditsAcrossPendingAndPosted() {
      set(D, half, half.minus(UInt128.of(1)), ISSUANCE, half, half.minus(UInt128.of(1)));
      assertThat(one(transfer(D, A, 1))).isEqualTo(OVERFLOWS_DEBITS);
      assertThat(one(pending(D, A, 1, 0))).isEqualTo(OVERFLOWS_DEBITS);
      assertThat(one(transfer(A, ISSUANCE, 1))).isEqualTo(OVERFLOWS_CREDITS);
      assertThat(one(pending(A, ISSUANCE, 1, 0))).isEqualTo(OVERFLOWS_CREDITS);
    }

    @Test
    void postingCanOverflowPosted() {
      LedgerEvent.CreateTransfer p = pending(D, ISSUANCE, 10, 0);
      assertThat(one(p)).isEqualTo(OK);
      AccountView d = view(D);
      AccountView i = view(ISSUANCE);
      ledger.overwriteBalancesForTest(D, d.debitsPending(), nearMax, d.creditsPending(), d.creditsPosted());
      ledger.overwriteBalancesForTest(ISSUANCE, i.debitsPending(), i.debitsPosted(), i.creditsPending(),
          i.creditsPosted().plus(nearMax));
      ledger.checkInvariants();
      assertThat(one(post(p.id(), 0))).isEqualTo(OVERFLOWS_DEBITS_POSTED);
      assertThat(one(post(p.id(), 5))).isEqualTo(OK);
    }

    @Test
    void overflowIsReportedBeforeLimits() {
      set(A, UInt128.ZERO, nearMax, ISSUANCE, UInt128.ZERO, nearMax);
      assertThat(one(transfer(A, B, 6))).isEqualTo(OVERFLOWS_DEBITS_POSTED);
    }
  }

  // ---- batches, invariants, reads ----

  @Test
  void batchPreconditions() {
    long last = ledger.lastTimestampNanos();
    assertThatThrownBy(() -> ledger.apply(last, List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("greater than the last event timestamp");
    List<LedgerEvent> tooMany = new ArrayList<>();
    for (int i = 0; i <= Ledger.MAX_BATCH_EVENTS; i++) {
      tooMany.add(transfer(A, B, 1));
    }
    assertThatThrownBy(() -> ledger.apply(last + 1, tooMany)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAX_BATCH_EVENTS");
    assertThatThrownBy(() -> ledger.apply(last + 1, Arrays.asList(transfer(A, B, 1), null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event 1 is null");
    assertThatThrownBy(() -> ledger.apply(Long.MAX_VALUE, List.of())).isInstanceOf(IllegalArgumentException.class);
    // Nothing changed, not even time.
    assertThat(ledger.lastTimestampNanos()).isEqualTo(last);
    assertThat(posted(B)).isZero();
    // A holds 1,000: the first 1,000 one-unit transfers succeed, the rest exceed its credits.
    assertThat(ledger.apply(last + 1, tooMany.subList(0, Ledger.MAX_BATCH_EVENTS)).okCount()).isEqualTo(1000);
  }

  @Test
  void emptyBatchAdvancesTime() {
    long t = ledger.lastTimestampNanos() + 5;
    BatchResult r = ledger.apply(t, List.of());
    assertThat(r.size()).isZero();
    assertThat(ledger.lastTimestampNanos()).isEqualTo(t);
    assertThatThrownBy(() -> ledger.apply(t, List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsAndTotals() {
    assertThat(one(transfer(A, B, 250))).isEqualTo(OK);
    assertThat(one(pending(A, B, 50, 0))).isEqualTo(OK);
    assertThat(ledger.accountCount()).isEqualTo(6);
    assertThat(ledger.transferCount()).isEqualTo(3);
    CurrencyTotals rub = ledger.currencyTotals().get("RUB");
    assertThat(rub.accounts()).isEqualTo(5);
    assertThat(rub.debitsPosted()).isEqualTo(BigInteger.valueOf(1250));
    assertThat(rub.creditsPosted()).isEqualTo(BigInteger.valueOf(1250));
    assertThat(rub.debitsPending()).isEqualTo(BigInteger.valueOf(50));
    assertThat(rub.balanced()).isTrue();
    assertThat(ledger.currencyTotals().get("IRR").debitsPosted()).isZero();
    assertThat(ledger.currencyTotals().keySet()).containsExactly("IRR", "RUB");
    List<Id128> order = new ArrayList<>();
    ledger.forEachAccount(a -> order.add(a.id()));
    assertThat(order).containsExactly(ISSUANCE, A, B, C, D, X);
    assertThat(ledger.account(GHOST)).isEmpty();
    assertThat(ledger.transfer(GHOST)).isEmpty();
    AccountView a = view(A);
    assertThat(a.participant()).isEqualTo("BANKRUMM");
    assertThat(a.availableMinor()).isEqualTo(BigInteger.valueOf(700));
  }

  @Test
  void invariantChecksCatchCorruption() {
    // Money created out of nothing: a balance raised without its counterpart.
    AccountView d = view(D);
    ledger.overwriteBalancesForTest(D, d.debitsPending(), d.debitsPosted(), d.creditsPending(),
        d.creditsPosted().plus(UInt128.of(1)));
    assertThatThrownBy(() -> ledger.checkInvariants()).isInstanceOf(InvariantViolationError.class)
        .hasMessageContaining("RUB");
    assertThatThrownBy(() -> ledger.verifyFully()).isInstanceOf(InvariantViolationError.class);
  }

  @Test
  void verifyFullyCatchesBalancesThatDisagreeWithTransfers() {
    AccountView a = view(A);
    AccountView d = view(D);
    ledger.overwriteBalancesForTest(A, a.debitsPending(), a.debitsPosted().plus(UInt128.of(7)), a.creditsPending(), a.creditsPosted());
    ledger.overwriteBalancesForTest(D, d.debitsPending(), d.debitsPosted(), d.creditsPending(), d.creditsPosted().plus(UInt128.of(7)));
    ledger.checkInvariants(); // still balanced
    assertThatThrownBy(() -> ledger.verifyFully()).isInstanceOf(InvariantViolationError.class)
        .hasMessageContaining("differ from its transfers");
  }

  @Test
  void theBatchCheckCatchesABreachedLimit() {
    // A's debits pushed past its credits (balanced by D), then a batch touches A.
    AccountView a = view(A);
    AccountView d = view(D);
    ledger.overwriteBalancesForTest(A, a.debitsPending(), a.debitsPosted().plus(UInt128.of(2000)), a.creditsPending(), a.creditsPosted());
    ledger.overwriteBalancesForTest(D, d.debitsPending(), d.debitsPosted(), d.creditsPending(), d.creditsPosted().plus(UInt128.of(2000)));
    assertThatThrownBy(() -> ledger.apply(now, List.of(transfer(D, A, 1))))
        .isInstanceOf(InvariantViolationError.class).hasMessageContaining("debits exceed credits");
    // The half-applied batch poisons the ledger: it refuses to go on.
    assertThatThrownBy(() -> ledger.apply(now + SECOND, List.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("rebuild it from the journal")
        .hasCauseInstanceOf(InvariantViolationError.class);
  }
}
