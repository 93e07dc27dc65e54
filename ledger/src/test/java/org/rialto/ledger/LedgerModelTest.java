package org.rialto.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Model-based test: the real {@link Ledger} and the deliberately simple {@link ReferenceLedger}
 * receive the same seeded stream of random requests (hot accounts, pending / post / void, partial
 * posts, linked chains, expiry by advancing time, duplicates and near-duplicates, bad ids, credit
 * limit changes, account creations good and bad), in batches. Every result, every expiry list and
 * every balance must agree after every batch; at the end every recorded transfer must agree.
 * Each batch also goes through {@link BatchCodec} before the real ledger sees it.
 */
class LedgerModelTest {

  @Test
  void agreesWithReferenceOn120kRequests() {
    Stats stats = run(0x5EED_0001L, 120_000, new Mix(15, 10, 5));
    // The stream must actually exercise what it claims to.
    for (EventResult r : List.of(
        EventResult.OK, EventResult.EXISTS, EventResult.LINKED_EVENT_FAILED, EventResult.LINKED_EVENT_CHAIN_OPEN,
        EventResult.EXCEEDS_CREDITS, EventResult.EXCEEDS_DEBITS, EventResult.PENDING_TRANSFER_EXPIRED,
        EventResult.PENDING_TRANSFER_ALREADY_POSTED, EventResult.PENDING_TRANSFER_ALREADY_VOIDED,
        EventResult.EXCEEDS_PENDING_TRANSFER_AMOUNT, EventResult.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT,
        EventResult.EXISTS_WITH_DIFFERENT_AMOUNT, EventResult.EXISTS_WITH_DIFFERENT_FLAGS,
        EventResult.CURRENCIES_DIFFER, EventResult.DEBIT_ACCOUNT_NOT_FOUND, EventResult.PENDING_TRANSFER_NOT_FOUND,
        EventResult.ACCOUNT_EXISTS_WITH_DIFFERENT_FIELDS, EventResult.MINOR_UNITS_INVALID)) {
      assertThat(stats.results.getOrDefault(r, 0)).as("count of %s", r).isGreaterThan(0);
    }
    assertThat(stats.events).isGreaterThanOrEqualTo(120_000);
    assertThat(stats.expired).isGreaterThan(100);
    assertThat(stats.okPosts).isGreaterThan(1000);
    assertThat(stats.okVoids).isGreaterThan(200);
  }

  @Test
  void agreesWithReferenceWithLongChainsAndFrequentExpiry() {
    Stats stats = run(0x5EED_0002L, 25_000, new Mix(45, 30, 25));
    assertThat(stats.results.getOrDefault(EventResult.LINKED_EVENT_FAILED, 0)).isGreaterThan(1000);
    assertThat(stats.expired).isGreaterThan(300);
  }

  /** Percentages: linked flag on a transfer, long time jumps, timestamps aimed at expiries. */
  record Mix(int linkedPercent, int timeJumpPercent, int aimAtExpiryPercent) {}

  static final class Stats {
    final Map<EventResult, Integer> results = new EnumMap<>(EventResult.class);
    int events;
    int expired;
    int okPosts;
    int okVoids;
  }

  private static final String[] CURRENCIES = {"RUB", "IRR", "CNY"};
  private static final int[] MINOR_UNITS = {2, 0, 2};

  private Stats run(long seed, int requests, Mix mix) {
    Generator g = new Generator(seed, mix);
    Ledger real = new Ledger(16, 1024); // small on purpose: exercises growth and rehashing
    ReferenceLedger model = new ReferenceLedger();
    Stats stats = new Stats();
    long timestamp = 1_000;
    int batchNo = 0;
    // Set-up: accounts and funding, through the same path as everything else.
    List<List<LedgerEvent>> script = new ArrayList<>();
    script.add(new ArrayList<>(g.setupAccounts()));
    script.add(new ArrayList<>(g.funding()));
    while (stats.events < requests || !script.isEmpty()) {
      timestamp = g.nextTimestamp(timestamp, model, real.lastTimestampNanos());
      List<LedgerEvent> batch = script.isEmpty() ? g.batch(model) : script.remove(0);
      String where = "seed " + Long.toHexString(seed) + " batch " + batchNo + " @" + timestamp;

      BatchCodec.DecodedBatch decoded = BatchCodec.decode(BatchCodec.encode(timestamp, batch));
      assertThat(decoded.timestampNanos()).isEqualTo(timestamp);
      assertThat(decoded.events()).as(where).isEqualTo(batch);

      ReferenceLedger.Outcome expected = model.apply(timestamp, batch);
      BatchResult actual = real.apply(timestamp, decoded.events());
      for (int i = 0; i < batch.size(); i++) {
        assertThat(actual.result(i))
            .as("%s event %d %s", where, i, batch.get(i))
            .isEqualTo(expected.results().get(i));
        stats.results.merge(actual.result(i), 1, Integer::sum);
        if (actual.result(i) == EventResult.OK && batch.get(i) instanceof LedgerEvent.CreateTransfer t) {
          if ((t.flags() & TransferFlags.POST_PENDING) != 0) stats.okPosts++;
          if ((t.flags() & TransferFlags.VOID_PENDING) != 0) stats.okVoids++;
        }
      }
      assertThat(actual.expiredPendingIds()).as(where + " expired").isEqualTo(expected.expired());
      assertThat(real.lastTimestampNanos()).isEqualTo(model.lastTimestamp);
      stats.expired += actual.expiredPendingIds().size();
      stats.events += batch.size();
      g.observe(batch, actual);

      for (ReferenceLedger.Account a : model.accounts.values()) {
        assertThat(real.account(a.created.id())).as(where).contains(model.view(a));
      }
      assertThat(real.accountCount()).as(where).isEqualTo(model.accounts.size());
      assertThat(real.transferCount()).as(where).isEqualTo(model.transfers.size());
      assertTotals(real, model, where);
      real.checkInvariants();
      if (batchNo % 100 == 0) {
        real.verifyFully();
      }
      batchNo++;
    }
    real.verifyFully();
    for (ReferenceLedger.Transfer t : model.transfers.values()) {
      assertThat(real.transfer(t.request.id())).contains(model.view(t));
    }
    for (Id128 ghost : g.ghostTransferIds()) {
      assertThat(real.transfer(ghost)).isEmpty();
    }
    return stats;
  }

  private static void assertTotals(Ledger real, ReferenceLedger model, String where) {
    Map<String, CurrencyTotals> totals = real.currencyTotals();
    for (String currency : CURRENCIES) {
      BigInteger[] sums = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
      int count = 0;
      for (ReferenceLedger.Account a : model.accounts.values()) {
        if (a.created.currency().equals(currency)) {
          count++;
          sums[0] = sums[0].add(a.debitsPending);
          sums[1] = sums[1].add(a.debitsPosted);
          sums[2] = sums[2].add(a.creditsPending);
          sums[3] = sums[3].add(a.creditsPosted);
        }
      }
      if (count == 0) {
        assertThat(totals).doesNotContainKey(currency);
        continue;
      }
      assertThat(totals.get(currency)).as(where)
          .isEqualTo(new CurrencyTotals(currency, count, sums[0], sums[1], sums[2], sums[3]));
      assertThat(totals.get(currency).balanced()).isTrue();
    }
  }

  /** Produces the random request stream; remembers what it sent to aim duplicates and settlements. */
  static final class Generator {
    private final SplittableRandom random;
    private final Mix mix;
    private final List<Id128> accounts = new ArrayList<>();
    private final List<LedgerEvent.CreateAccount> accountEvents = new ArrayList<>();
    private final List<Integer> accountCurrency = new ArrayList<>();
    private final List<Id128> ghostAccounts = new ArrayList<>();
    private final List<LedgerEvent.CreateTransfer> sent = new ArrayList<>();
    private final List<LedgerEvent.CreateTransfer> pendings = new ArrayList<>();
    private final List<Id128> ghostTransfers = new ArrayList<>();
    private final List<Id128> okPlainIds = new ArrayList<>();
    private LedgerEvent.CreateTransfer aimed;
    private int aimedIndex;
    private ReferenceLedger model;

    Generator(long seed, Mix mix) {
      this.random = new SplittableRandom(seed);
      this.mix = mix;
      for (int i = 0; i < 5; i++) {
        ghostAccounts.add(id());
        ghostTransfers.add(id());
      }
    }

    List<Id128> ghostTransferIds() {
      return ghostTransfers;
    }

    Id128 id() {
      // Half the ids use only the low word, as sequential ids would; half use both.
      long high = random.nextBoolean() ? 0 : random.nextLong();
      long low = random.nextLong();
      return (high | low) == 0 ? Id128.of(1) : new Id128(high, low);
    }

    List<LedgerEvent.CreateAccount> setupAccounts() {
      List<LedgerEvent.CreateAccount> out = new ArrayList<>();
      for (int c = 0; c < CURRENCIES.length; c++) {
        // Issuance without limits, then settlement accounts (hot ones first), then a
        // credits-must-not-exceed-debits account.
        out.add(account(c, 0, 0, AccountKind.CENTRAL_BANK_ISSUANCE));
        for (int i = 0; i < 8; i++) {
          long limit = i % 3 == 2 ? 200_000 : 0;
          out.add(account(c, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, limit, AccountKind.SETTLEMENT));
        }
        out.add(account(c, AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS, 0, AccountKind.SUSPENSE));
      }
      return out;
    }

    private LedgerEvent.CreateAccount account(int currency, int flags, long limit, AccountKind kind) {
      LedgerEvent.CreateAccount a = new LedgerEvent.CreateAccount(
          id(), CURRENCIES[currency], MINOR_UNITS[currency], "BANK" + accounts.size(), kind, flags, limit);
      accounts.add(a.id());
      accountEvents.add(a);
      accountCurrency.add(currency);
      return a;
    }

    List<LedgerEvent> funding() {
      List<LedgerEvent> out = new ArrayList<>();
      for (int i = 0; i < accounts.size(); i++) {
        int c = accountCurrency.get(i);
        int issuance = c * 10;
        if (i != issuance && accountEvents.get(i).flags() == AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS) {
          out.add(LedgerEvent.CreateTransfer.posted(id(), accounts.get(issuance), accounts.get(i),
              1_000_000 + random.nextInt(5_000_000)));
        }
      }
      return out;
    }

    long nextTimestamp(long previous, ReferenceLedger model, long lastEvent) {
      long next;
      int roll = random.nextInt(100);
      if (roll < mix.aimAtExpiryPercent && !model.withTimeout.isEmpty()) {
        // Land just before, on, or just after a reservation's expiry, so that it lapses at the
        // batch start or in the middle of the batch.
        ReferenceLedger.Transfer t = model.withTimeout.get(random.nextInt(model.withTimeout.size()));
        next = t.expiresAt - random.nextInt(40) + 5;
        aimed = t.request;
        aimedIndex = (int) (t.expiresAt - Math.max(next, lastEvent + 1)) + random.nextInt(3) - 1;
      } else if (roll < mix.aimAtExpiryPercent + mix.timeJumpPercent) {
        next = previous + 100_000_000L + random.nextLong(3_000_000_000L);
      } else {
        next = previous + 1 + random.nextInt(20_000);
      }
      return Math.max(next, lastEvent + 1);
    }

    List<LedgerEvent> batch(ReferenceLedger model) {
      this.model = model;
      int roll = random.nextInt(100);
      int size = roll < 3 ? 0 : roll < 75 ? 1 + random.nextInt(64) : 65 + random.nextInt(500);
      if (aimed != null && aimedIndex >= 0 && aimedIndex < 200) {
        size = Math.max(size, aimedIndex + 1);
      }
      List<LedgerEvent> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        if (aimed != null && i == aimedIndex) {
          // Settle the aimed reservation exactly around its expiry (one event before, at, after).
          out.add(new LedgerEvent.CreateTransfer(id(), Id128.ZERO, Id128.ZERO, 0, aimed.id(), Id128.ZERO, 0,
              random.nextBoolean() ? TransferFlags.POST_PENDING : TransferFlags.VOID_PENDING));
        } else {
          out.add(event());
        }
      }
      aimed = null;
      return out;
    }

    void observe(List<LedgerEvent> batch, BatchResult result) {
      for (int i = 0; i < batch.size(); i++) {
        if (batch.get(i) instanceof LedgerEvent.CreateTransfer t) {
          if (result.result(i) == EventResult.OK && t.flags() == 0) {
            okPlainIds.add(t.id());
          }
        } else if (batch.get(i) instanceof LedgerEvent.CreateAccount a
            && result.result(i) == EventResult.OK
            && !accounts.contains(a.id())
            && indexOf(a.currency()) >= 0) {
          accounts.add(a.id());
          accountEvents.add(a);
          accountCurrency.add(indexOf(a.currency()));
        }
      }
    }

    private static int indexOf(String currency) {
      for (int c = 0; c < CURRENCIES.length; c++) {
        if (CURRENCIES[c].equals(currency)) {
          return c;
        }
      }
      return -1;
    }

    private LedgerEvent event() {
      int roll = random.nextInt(1000);
      if (roll < 10) {
        return creditLimitChange();
      }
      if (roll < 25) {
        return accountCreation();
      }
      LedgerEvent.CreateTransfer t;
      if (roll < 110 && !sent.isEmpty()) {
        t = recent(sent); // exact duplicate
      } else if (roll < 180 && !sent.isEmpty()) {
        t = nearDuplicate(recent(sent));
      } else if (roll < 400 && !pendings.isEmpty()) {
        t = settlement();
      } else {
        t = movement();
      }
      if (random.nextInt(100) < mix.linkedPercent) {
        t = withFlags(t, t.flags() | TransferFlags.LINKED);
      }
      sent.add(t);
      if ((t.flags() & TransferFlags.PENDING) != 0) {
        pendings.add(t);
      }
      return t;
    }

    private <T> T recent(List<T> list) {
      int window = Math.min(list.size(), 400);
      return list.get(list.size() - 1 - random.nextInt(window));
    }

    private Id128 someAccount() {
      int roll = random.nextInt(100);
      if (roll < 2) return Id128.ZERO;
      if (roll < 4) return ghostAccounts.get(random.nextInt(ghostAccounts.size()));
      if (roll < 60) {
        // Hot: the first two settlement accounts of each currency.
        int c = random.nextInt(CURRENCIES.length);
        return accounts.get(c * 10 + 1 + random.nextInt(2));
      }
      return accounts.get(random.nextInt(accounts.size()));
    }

    private Id128 sameCurrencyPartner(Id128 other) {
      int index = accounts.indexOf(other);
      if (index < 0 || random.nextInt(100) < 4) {
        return someAccount();
      }
      int c = accountCurrency.get(index);
      for (int attempt = 0; attempt < 20; attempt++) {
        int candidate = random.nextInt(accounts.size());
        if (accountCurrency.get(candidate) == c && candidate != index) {
          return accounts.get(candidate);
        }
      }
      return someAccount();
    }

    private long amount() {
      int roll = random.nextInt(1000);
      if (roll < 5) return 0;
      if (roll < 8) return -1 - random.nextInt(1000);
      if (roll < 11) return Ledger.AMOUNT_LIMIT_MINOR;
      if (roll < 13) return Ledger.AMOUNT_LIMIT_MINOR - 1;
      if (roll < 15) return Long.MAX_VALUE;
      if (roll < 400) return 1 + random.nextInt(1000);
      return 1 + random.nextInt(400_000);
    }

    private LedgerEvent.CreateTransfer movement() {
      Id128 debit = someAccount();
      Id128 credit = random.nextInt(100) < 2 ? debit : sameCurrencyPartner(debit);
      if (random.nextBoolean()) {
        Id128 swap = debit;
        debit = credit;
        credit = swap;
      }
      int flags = 0;
      long timeout = 0;
      int roll = random.nextInt(100);
      if (roll < 35) {
        flags = TransferFlags.PENDING;
        int t = random.nextInt(100);
        timeout = t < 45 ? 0 : t < 95 ? 1 + random.nextInt(5) : t < 97 ? -1 : Long.MAX_VALUE / 1_000_000_000L;
      } else if (roll < 36) {
        flags = TransferFlags.PENDING | TransferFlags.POST_PENDING;
      } else if (roll < 37) {
        flags = 1 << (4 + random.nextInt(20));
      } else if (roll < 38) {
        timeout = 1 + random.nextInt(3); // timeout on a plain transfer
      }
      Id128 pendingId = random.nextInt(100) < 1 ? id() : Id128.ZERO;
      Id128 userData = random.nextInt(100) < 70 ? id() : Id128.ZERO;
      Id128 id = random.nextInt(400) == 0 ? Id128.ZERO : id();
      long amount = amount();
      ReferenceLedger.Account from = model == null ? null : model.accounts.get(debit);
      if (from != null && random.nextInt(100) < 4) {
        // Exactly what the debit account can still send (or one more): the limit's boundary.
        BigInteger room = from.creditsPosted.add(BigInteger.valueOf(from.creditLimit))
            .subtract(from.debitsPosted).subtract(from.debitsPending);
        long exact = room.signum() > 0 && room.bitLength() < 60 ? room.longValue() : 1;
        amount = exact + (random.nextBoolean() ? 0 : 1);
      }
      ReferenceLedger.Account to = model == null ? null : model.accounts.get(credit);
      if (to != null && to.has(AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS) && random.nextInt(100) < 30) {
        BigInteger room = to.debitsPosted.subtract(to.creditsPosted).subtract(to.creditsPending);
        long exact = room.signum() > 0 && room.bitLength() < 60 ? room.longValue() : 1;
        amount = exact + (random.nextBoolean() ? 0 : 1);
      }
      return new LedgerEvent.CreateTransfer(id, debit, credit, amount, pendingId, userData, timeout, flags);
    }

    private LedgerEvent.CreateTransfer settlement() {
      LedgerEvent.CreateTransfer p = random.nextInt(100) < 80 ? recent(pendings) : pendings.get(random.nextInt(pendings.size()));
      boolean post = random.nextInt(100) < 65;
      int flags = post ? TransferFlags.POST_PENDING : TransferFlags.VOID_PENDING;
      long amount;
      int roll = random.nextInt(100);
      if (roll < 50) {
        amount = 0;
      } else if (roll < 75) {
        amount = p.amountMinor() > 1 ? 1 + random.nextLong(p.amountMinor() - 1) : 1;
      } else if (roll < 90) {
        amount = p.amountMinor();
      } else {
        amount = Math.max(0, p.amountMinor()) + 1 + random.nextInt(10);
      }
      Id128 debit = Id128.ZERO;
      Id128 credit = Id128.ZERO;
      roll = random.nextInt(100);
      if (roll < 20) {
        debit = p.debitAccountId();
        credit = p.creditAccountId();
      } else if (roll < 24) {
        debit = someAccount();
      } else if (roll < 28) {
        credit = someAccount();
      }
      Id128 pendingId = p.id();
      roll = random.nextInt(100);
      Id128 id = id();
      if (roll < 3) {
        pendingId = ghostTransfers.get(random.nextInt(ghostTransfers.size()));
      } else if (roll < 6 && !okPlainIds.isEmpty()) {
        pendingId = recent(okPlainIds);
      } else if (roll < 7) {
        pendingId = Id128.ZERO;
      } else if (roll < 8) {
        pendingId = id;
      }
      long timeout = random.nextInt(100) == 0 ? 1 : 0;
      Id128 userData = random.nextBoolean() ? p.userData() : Id128.ZERO;
      return new LedgerEvent.CreateTransfer(id, debit, credit, amount, pendingId, userData, timeout, flags);
    }

    private LedgerEvent.CreateTransfer nearDuplicate(LedgerEvent.CreateTransfer t) {
      return switch (random.nextInt(7)) {
        case 0 -> withFlags(t, t.flags() ^ TransferFlags.LINKED);
        case 1 -> new LedgerEvent.CreateTransfer(t.id(), someAccount(), t.creditAccountId(), t.amountMinor(),
            t.pendingId(), t.userData(), t.timeoutSeconds(), t.flags());
        case 2 -> new LedgerEvent.CreateTransfer(t.id(), t.debitAccountId(), someAccount(), t.amountMinor(),
            t.pendingId(), t.userData(), t.timeoutSeconds(), t.flags());
        case 3 -> new LedgerEvent.CreateTransfer(t.id(), t.debitAccountId(), t.creditAccountId(), t.amountMinor() + 1,
            t.pendingId(), t.userData(), t.timeoutSeconds(), t.flags());
        case 4 -> new LedgerEvent.CreateTransfer(t.id(), t.debitAccountId(), t.creditAccountId(), t.amountMinor(),
            pendings.isEmpty() ? id() : recent(pendings).id(), t.userData(), t.timeoutSeconds(), t.flags());
        case 5 -> new LedgerEvent.CreateTransfer(t.id(), t.debitAccountId(), t.creditAccountId(), t.amountMinor(),
            t.pendingId(), id(), t.timeoutSeconds(), t.flags());
        default -> new LedgerEvent.CreateTransfer(t.id(), t.debitAccountId(), t.creditAccountId(), t.amountMinor(),
            t.pendingId(), t.userData(), t.timeoutSeconds() + 1, t.flags());
      };
    }

    private static LedgerEvent.CreateTransfer withFlags(LedgerEvent.CreateTransfer t, int flags) {
      return new LedgerEvent.CreateTransfer(t.id(), t.debitAccountId(), t.creditAccountId(), t.amountMinor(),
          t.pendingId(), t.userData(), t.timeoutSeconds(), flags);
    }

    private LedgerEvent.ChangeCreditLimit creditLimitChange() {
      Id128 account = random.nextInt(10) == 0 ? ghostAccounts.get(0) : accounts.get(random.nextInt(accounts.size()));
      int roll = random.nextInt(10);
      long limit = roll == 0 ? -1 : roll < 4 ? 0 : random.nextInt(1_000_000);
      return new LedgerEvent.ChangeCreditLimit(random.nextInt(50) == 0 ? Id128.ZERO : account, limit);
    }

    private LedgerEvent.CreateAccount accountCreation() {
      int c = random.nextInt(CURRENCIES.length);
      LedgerEvent.CreateAccount a = new LedgerEvent.CreateAccount(
          id(), CURRENCIES[c], MINOR_UNITS[c], "NEW" + random.nextInt(1000), AccountKind.SETTLEMENT,
          AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, random.nextInt(3) == 0 ? 50_000 : 0);
      return switch (random.nextInt(14)) {
        case 0 -> accountEvents.get(random.nextInt(accountEvents.size())); // exact duplicate
        case 1 -> {
          LedgerEvent.CreateAccount d = accountEvents.get(random.nextInt(accountEvents.size()));
          yield new LedgerEvent.CreateAccount(d.id(), d.currency(), d.minorUnits(), d.participant() + "X", d.kind(),
              d.flags(), d.creditLimitMinor());
        }
        case 2 -> new LedgerEvent.CreateAccount(a.id(), "rub", 2, a.participant(), a.kind(), a.flags(), 0);
        case 3 -> new LedgerEvent.CreateAccount(a.id(), a.currency(), a.minorUnits() + 1, a.participant(), a.kind(),
            a.flags(), 0);
        case 4 -> new LedgerEvent.CreateAccount(a.id(), a.currency(), 10, a.participant(), a.kind(), a.flags(), 0);
        case 5 -> new LedgerEvent.CreateAccount(a.id(), a.currency(), a.minorUnits(), " ", a.kind(), a.flags(), 0);
        case 6 -> new LedgerEvent.CreateAccount(a.id(), a.currency(), a.minorUnits(), a.participant(), a.kind(), 0, 5);
        case 7 -> new LedgerEvent.CreateAccount(a.id(), a.currency(), a.minorUnits(), a.participant(), a.kind(), 3, 0);
        case 8 -> new LedgerEvent.CreateAccount(Id128.ZERO, a.currency(), a.minorUnits(), a.participant(), a.kind(), 0, 0);
        case 9 -> new LedgerEvent.CreateAccount(a.id(), "XTS", 9, a.participant(), a.kind(), 0, 0);
        default -> a;
      };
    }
  }
}
