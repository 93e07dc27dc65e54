package org.rialto.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteBookTest {

  private static final Currency RUB = new Currency("RUB", 2);
  private static final Currency IRR = new Currency("IRR", 0);
  private static final String CENTRAL = "CBRFRUMMXXX"; // a central bank acting as FXP
  private static final String DEALER_A = "DEALRUMMXXX";
  private static final String DEALER_B = "FXDBIRTHXXX";
  private static final String BANK = "BANKRUMMXXX";
  private static final String OTHER_BANK = "OTHRRUMMXXX";
  private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
  private static final long BIG = 1_000_000_000_000L;

  private static QuoteBook book() {
    return book(QuoteBookConfig.defaults());
  }

  private static QuoteBook book(QuoteBookConfig config) {
    QuoteBook book = new QuoteBook(config, List.of(RUB, IRR), QuoteIdGenerator.seeded(42));
    for (String bic : List.of(CENTRAL, DEALER_A, DEALER_B)) {
      book.registerProvider(new FxProvider(bic, List.of("RUB", "IRR")));
    }
    return book;
  }

  private static void limits(QuoteBook book, String bic, long rubMinor, long irrMinor) {
    book.setPositionLimit(bic, "RUB", "IRR", rubMinor);
    book.setPositionLimit(bic, "IRR", "RUB", irrMinor);
  }

  private static Rate rubToIrr(String bic, String rate) {
    return new Rate(bic, "RUB", "IRR", 1, BIG, new BigDecimal(rate), FeeSchedule.NONE);
  }

  private static QuoteResult bySource(QuoteBook book, long rubMinor, Instant now) {
    return book.quotes(QuoteRequest.forSourceAmount(BANK, "RUB", "IRR", rubMinor, now));
  }

  private static QuoteUse use(Quote q) {
    return new QuoteUse(q.quoteId(), q.requesterBic(), q.sourceCurrency(), q.sourceAmountMinor(),
        q.targetCurrency(), q.targetAmountMinor());
  }

  private static QuoteFailure failure(QuoteCheck check) {
    assertThat(check).isInstanceOf(QuoteCheck.Invalid.class);
    return ((QuoteCheck.Invalid) check).failure();
  }

  @Test
  void severalProvidersCompeteBestFirst() {
    QuoteBook book = book();
    limits(book, CENTRAL, BIG, BIG * 1000);
    limits(book, DEALER_A, BIG, BIG * 1000);
    book.publishRate(rubToIrr(CENTRAL, "520.00"), T0);
    book.publishRate(rubToIrr(DEALER_A, "523.10"), T0);
    book.publishRate(rubToIrr(DEALER_B, "530"), T0); // no limits set: not quoted
    QuoteResult result = bySource(book, 100_000, T0.plusSeconds(1));
    assertThat(result.quotes()).extracting(Quote::fxpBic).containsExactly(DEALER_A, CENTRAL);
    Quote best = result.quotes().get(0);
    assertThat(best.targetAmountMinor()).isEqualTo(523_100); // 1,000.00 RUB * 523.10
    assertThat(best.sourceAmountMinor()).isEqualTo(100_000);
    assertThat(best.rate()).isEqualByComparingTo("523.10");
    assertThat(best.basis()).isEqualTo(QuoteBasis.SOURCE_AMOUNT);
    assertThat(best.requesterBic()).isEqualTo(BANK);
    assertThat(best.issuedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(best.expiresAt()).isEqualTo(T0.plusSeconds(601));
    assertThat(result.declined()).containsExactly(new Declined(DEALER_B,
        DeclineReason.NO_POSITION_LIMIT, "no open-position limit set for RUB or IRR"));
    // Nobody quotes the other direction.
    assertThat(book.quotes(QuoteRequest.forSourceAmount(BANK, "IRR", "RUB", 1_000_000, T0))
        .quotes()).isEmpty();
  }

  @Test
  void bandsChooseTheRateAndPublishingReplacesOverlappingBands() {
    QuoteBook book = book();
    limits(book, DEALER_A, BIG, BIG * 1000);
    PublishedRate small = book.publishRate(new Rate(DEALER_A, "RUB", "IRR", 1, 100_000,
        new BigDecimal("520"), FeeSchedule.NONE), T0);
    PublishedRate large = book.publishRate(new Rate(DEALER_A, "RUB", "IRR", 100_001, 10_000_000,
        new BigDecimal("525"), FeeSchedule.NONE), T0);
    assertThat(large.replacedRateIds()).isEmpty();
    assertThat(bySource(book, 50_000, T0).quotes().get(0).rateId()).isEqualTo(small.rateId());
    assertThat(bySource(book, 100_001, T0).quotes().get(0).rateId()).isEqualTo(large.rateId());
    QuoteResult outside = bySource(book, 10_000_001, T0);
    assertThat(outside.quotes()).isEmpty();
    assertThat(outside.declined()).singleElement().satisfies(d -> {
      assertThat(d.reason()).isEqualTo(DeclineReason.OUTSIDE_BANDS);
      assertThat(d.detail()).contains("1..100000, 100001..10000000");
    });
    // Target 52,000,000 IRR: at 520 it needs 100,000.00 RUB (outside 1..100,000 kopecks' band),
    // at 525 it needs 9,904,762 kopecks, inside the large band.
    Quote byTarget = book.quotes(QuoteRequest.forTargetAmount(BANK, "RUB", "IRR", 52_000_000, T0))
        .quotes().get(0);
    assertThat(byTarget.rateId()).isEqualTo(large.rateId());
    assertThat(byTarget.sourceAmountMinor()).isEqualTo(9_904_762);
    assertThat(byTarget.targetAmountMinor()).isEqualTo(52_000_000);

    PublishedRate wide = book.publishRate(new Rate(DEALER_A, "RUB", "IRR", 50_000, 150_000,
        new BigDecimal("521"), FeeSchedule.NONE), T0.plusSeconds(5));
    assertThat(wide.replacedRateIds()).containsExactly(small.rateId(), large.rateId());
    assertThat(book.rates("RUB", "IRR")).containsExactly(wide);
  }

  @Test
  void replacedRateQuotesStayValidForTheGracePeriodOnly() {
    QuoteBook book = book();
    limits(book, CENTRAL, BIG, BIG * 1000);
    book.publishRate(rubToIrr(CENTRAL, "520"), T0);
    Quote old = bySource(book, 100_000, T0).quotes().get(0);
    Instant replacedAt = T0.plusSeconds(100);
    PublishedRate next = book.publishRate(rubToIrr(CENTRAL, "519"), replacedAt);
    assertThat(next.replacedRateIds()).containsExactly(old.rateId());

    // New quotes use only the new rate.
    Quote fresh = bySource(book, 100_000, replacedAt).quotes().get(0);
    assertThat(fresh.rateId()).isEqualTo(next.rateId());
    assertThat(fresh.targetAmountMinor()).isEqualTo(519_000);

    QuoteCheck stillValid = book.validate(use(old), replacedAt.plusSeconds(300).minusNanos(1));
    assertThat(stillValid).isEqualTo(new QuoteCheck.Valid(old, replacedAt.plusSeconds(300)));
    assertThat(failure(book.validate(use(old), replacedAt.plusSeconds(300))))
        .isEqualTo(QuoteFailure.RATE_REPLACED);
    // The replacing rate's quote is unaffected.
    assertThat(book.validate(use(fresh), replacedAt.plusSeconds(300)).isValid()).isTrue();
  }

  @Test
  void graceNeverExtendsAQuotePastItsOwnExpiry() {
    QuoteBook book = book();
    limits(book, CENTRAL, BIG, BIG * 1000);
    book.publishRate(rubToIrr(CENTRAL, "520"), T0);
    Quote quote = bySource(book, 100_000, T0).quotes().get(0);
    book.publishRate(rubToIrr(CENTRAL, "521"), T0.plusSeconds(500)); // grace would end at 800 s
    assertThat(book.validate(use(quote), T0.plusSeconds(599))).isEqualTo(
        new QuoteCheck.Valid(quote, T0.plusSeconds(600)));
    assertThat(failure(book.validate(use(quote), T0.plusSeconds(600))))
        .isEqualTo(QuoteFailure.EXPIRED);
  }

  @Test
  void quoteExpiresAtExactlySixHundredSeconds() {
    QuoteBook book = book();
    limits(book, CENTRAL, BIG, BIG * 1000);
    book.publishRate(rubToIrr(CENTRAL, "520"), T0);
    Quote quote = bySource(book, 100_000, T0).quotes().get(0);
    assertThat(quote.expiresAt()).isEqualTo(T0.plus(Duration.ofSeconds(600)));
    assertThat(book.validate(use(quote), T0.plusSeconds(600).minusNanos(1)).isValid()).isTrue();
    QuoteCheck expired = book.validate(use(quote), T0.plusSeconds(600));
    assertThat(failure(expired)).isEqualTo(QuoteFailure.EXPIRED);
    assertThat(((QuoteCheck.Invalid) expired).detail()).contains("expired at 2026-05-04T09:10:00Z");
    assertThat(failure(book.reserve(use(quote), T0.plusSeconds(600))))
        .isEqualTo(QuoteFailure.EXPIRED);
  }

  @Test
  void targetAmountQuoteDeliversExactlyAndItemisesFees() {
    QuoteBook book = book();
    limits(book, DEALER_A, BIG, BIG * 1000);
    book.publishRate(new Rate(DEALER_A, "RUB", "IRR", 1, BIG, new BigDecimal("523.456789"),
        new FeeSchedule(5_000, 25)), T0);
    Quote quote = book.quotes(QuoteRequest.forTargetAmount(BANK, "RUB", "IRR", 10_000_000, T0))
        .quotes().get(0);
    assertThat(quote.basis()).isEqualTo(QuoteBasis.TARGET_AMOUNT);
    assertThat(quote.targetAmountMinor()).isEqualTo(10_000_000);
    // Principal ceil(10,000,000 / 5.23456789) = 1,910,378 kopecks; the least debit S with
    // S - 5,000 - floor(S * 25 / 10,000) = 1,910,378 is 1,920,178 (percentage fee 4,800).
    assertThat(quote.principalMinor()).isEqualTo(1_910_378);
    assertThat(quote.fees()).containsExactly(new Fee(FeeKind.FIXED, "RUB", 5_000, 0),
        new Fee(FeeKind.PERCENTAGE, "RUB", 4_800, 25));
    assertThat(quote.sourceAmountMinor()).isEqualTo(1_920_178);
    assertThat(quote.totalFeesMinor()).isEqualTo(9_800);
  }

  @Test
  void everyValidationFailureIsPrecise() {
    QuoteBook book = book();
    limits(book, CENTRAL, BIG, BIG * 1000);
    book.publishRate(rubToIrr(CENTRAL, "520"), T0);
    Quote q = bySource(book, 100_000, T0).quotes().get(0);
    Instant now = T0.plusSeconds(10);
    assertThat(failure(book.validate(new QuoteUse("nope", BANK, "RUB", 100_000, "IRR", 520_000),
        now))).isEqualTo(QuoteFailure.MALFORMED_ID);
    assertThat(failure(book.validate(new QuoteUse("00000000-0000-4000-8000-000000000000", BANK,
        "RUB", 100_000, "IRR", 520_000), now))).isEqualTo(QuoteFailure.UNKNOWN);
    assertThat(failure(book.validate(new QuoteUse(q.quoteId(), OTHER_BANK, "RUB", 100_000, "IRR",
        520_000), now))).isEqualTo(QuoteFailure.WRONG_REQUESTER);
    assertThat(failure(book.validate(new QuoteUse(q.quoteId(), BANK, "IRR", 100_000, "RUB",
        520_000), now))).isEqualTo(QuoteFailure.CURRENCY_MISMATCH);
    assertThat(failure(book.validate(new QuoteUse(q.quoteId(), BANK, "RUB", 100_001, "IRR",
        520_000), now))).isEqualTo(QuoteFailure.SOURCE_AMOUNT_MISMATCH);
    QuoteCheck target = book.validate(new QuoteUse(q.quoteId(), BANK, "RUB", 100_000, "IRR",
        520_001), now);
    assertThat(failure(target)).isEqualTo(QuoteFailure.TARGET_AMOUNT_MISMATCH);
    assertThat(((QuoteCheck.Invalid) target).detail())
        .isEqualTo("quote " + q.quoteId() + " credits 520000 IRR minor units, payment says 520001");
    assertThat(book.reserve(use(q), now).isValid()).isTrue();
    assertThat(failure(book.validate(use(q), now))).isEqualTo(QuoteFailure.ALREADY_USED);
    assertThat(failure(book.reserve(use(q), now))).isEqualTo(QuoteFailure.ALREADY_USED);
  }

  @Test
  void positionsAndLimits() {
    QuoteBook book = book();
    // Dealer A may be long up to 10,000.00 RUB and short up to 5,000,000 IRR.
    limits(book, DEALER_A, 1_000_000, 5_000_000);
    book.publishRate(rubToIrr(DEALER_A, "520"), T0);

    QuoteResult tooBig = bySource(book, 1_000_001, T0);
    assertThat(tooBig.quotes()).isEmpty();
    assertThat(tooBig.declined()).singleElement().satisfies(d -> {
      assertThat(d.reason()).isEqualTo(DeclineReason.POSITION_LIMIT);
      assertThat(d.detail()).isEqualTo("long RUB position would reach 1000001, limit 1000000");
    });
    // 9,700.00 RUB -> 5,044,000 IRR breaches the IRR short limit first.
    assertThat(bySource(book, 970_000, T0).declined().get(0).detail())
        .isEqualTo("short IRR position would reach 5044000, limit 5000000");

    Quote first = bySource(book, 900_000, T0).quotes().get(0); // 4,680,000 IRR
    Quote second = bySource(book, 70_000, T0).quotes().get(0); // 364,000 IRR: fits alone
    assertThat(book.reserve(use(first), T0.plusSeconds(1)).isValid()).isTrue();
    FxPosition pending = book.position(DEALER_A, "RUB", "IRR");
    assertThat(pending.in("RUB")).isEqualTo(new CurrencyPosition("RUB", 0, 0, 900_000, 0, 1_000_000));
    assertThat(pending.in("IRR")).isEqualTo(new CurrencyPosition("IRR", 0, 0, 0, 4_680_000, 5_000_000));
    // The second quote was firm, but the reservation since leaves no room for it.
    QuoteCheck noRoom = book.reserve(use(second), T0.plusSeconds(2));
    assertThat(failure(noRoom)).isEqualTo(QuoteFailure.POSITION_LIMIT);
    assertThat(((QuoteCheck.Invalid) noRoom).detail())
        .isEqualTo("short IRR position would reach 5044000, limit 5000000");
    assertThat(bySource(book, 200_000, T0.plusSeconds(2)).declined()).extracting(Declined::reason)
        .containsExactly(DeclineReason.POSITION_LIMIT);

    book.confirm(first.quoteId());
    FxPosition settled = book.position(DEALER_A, "IRR", "RUB");
    assertThat(settled.fxpBic()).isEqualTo(DEALER_A);
    assertThat(settled.first()).isEqualTo(new CurrencyPosition("IRR", 0, 4_680_000, 0, 0, 5_000_000));
    assertThat(settled.second()).isEqualTo(new CurrencyPosition("RUB", 900_000, 0, 0, 0, 1_000_000));
    assertThat(settled.in("RUB").netMinor()).isEqualTo(900_000);
    assertThat(settled.in("IRR").netMinor()).isEqualTo(-4_680_000);

    // A trade the other way (the dealer buys IRR, pays RUB) closes the position and frees room.
    book.recordTrade(DEALER_A, "IRR", 4_680_000, "RUB", 900_000);
    assertThat(book.position(DEALER_A, "RUB", "IRR").in("RUB").netMinor()).isZero();
    Quote third = bySource(book, 900_000, T0.plusSeconds(3)).quotes().get(0);
    assertThat(book.reserve(use(third), T0.plusSeconds(3)).isValid()).isTrue();
    book.release(third.quoteId());
    assertThat(book.position(DEALER_A, "RUB", "IRR").in("RUB").pendingBoughtMinor()).isZero();
    assertThat(failure(book.reserve(use(third), T0.plusSeconds(4))))
        .isEqualTo(QuoteFailure.ALREADY_USED);
    assertThatThrownBy(() -> book.confirm(third.quoteId()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("it is released, not reserved");
    assertThat(book.positions()).hasSize(1);
  }

  @Test
  void quoteCapIsHardAndExpiredQuotesMakeRoom() {
    QuoteBookConfig config = new QuoteBookConfig(Duration.ofSeconds(600), Duration.ofSeconds(300),
        Duration.ofSeconds(600), 3, 32, 10);
    QuoteBook book = book(config);
    limits(book, CENTRAL, BIG, BIG * 1000);
    limits(book, DEALER_A, BIG, BIG * 1000);
    book.publishRate(rubToIrr(CENTRAL, "520"), T0);
    book.publishRate(rubToIrr(DEALER_A, "521"), T0);
    Quote early = bySource(book, 100_000, T0).quotes().get(0);
    assertThat(book.quoteCount()).isEqualTo(2);
    assertThatThrownBy(() -> bySource(book, 100_000, T0.plusSeconds(1)))
        .isInstanceOf(QuoteBookFullException.class)
        .hasMessageContaining("quote book full: 2 live quotes, 2 more needed, capacity 3");
    assertThat(book.quoteCount()).isEqualTo(2); // nothing issued by the failed request

    // Expired quotes are remembered (a late payment hears EXPIRED) ...
    assertThat(book.evictExpired(T0.plusSeconds(700))).isZero();
    assertThat(failure(book.validate(use(early), T0.plusSeconds(700))))
        .isEqualTo(QuoteFailure.EXPIRED);
    // ... but give way when room is needed.
    assertThat(bySource(book, 100_000, T0.plusSeconds(700)).quotes()).hasSize(2);
    assertThat(failure(book.validate(use(early), T0.plusSeconds(700))))
        .isEqualTo(QuoteFailure.UNKNOWN);
  }

  @Test
  void usedQuotesLeaveTheBookSoASmallBookSustainsManyPayments() {
    // Room for three whole quotes, yet thousands of payments go through one after another:
    // each quote leaves the book when its payment settles or is rejected.
    QuoteBookConfig config = new QuoteBookConfig(Duration.ofSeconds(600), Duration.ofSeconds(300),
        Duration.ofSeconds(600), 3, 32, 10);
    QuoteBook book = book(config);
    limits(book, CENTRAL, BIG, BIG * 1000);
    book.publishRate(rubToIrr(CENTRAL, "520"), T0);
    List<Quote> used = new java.util.ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Instant now = T0.plusMillis(i);
      Quote q = bySource(book, 100_000 + i, now).quotes().get(0);
      assertThat(book.reserve(use(q), now).isValid()).isTrue();
      if (i % 7 == 0) book.release(q.quoteId());
      else book.confirm(q.quoteId());
      used.add(q);
    }
    assertThat(book.quoteCount()).isZero();
    assertThat(book.trackedCount()).isEqualTo(5_000);
    assertThat(book.position(CENTRAL, "RUB", "IRR").in("RUB").pendingBoughtMinor()).isZero();
    // A second payment on a used quote is refused as such, filled or released, until the
    // quote's expiry plus the retention; then it is forgotten (unknown: still refused).
    Instant later = T0.plusSeconds(1_000);
    for (Quote q : List.of(used.get(0), used.get(1), used.get(4_999))) {
      assertThat(failure(book.validate(use(q), later))).isEqualTo(QuoteFailure.ALREADY_USED);
      assertThat(book.used(q.quoteId())).isTrue();
    }
    assertThat(((QuoteCheck.Invalid) book.validate(use(used.get(0)), later)).detail()).contains("already released");
    assertThat(((QuoteCheck.Invalid) book.validate(use(used.get(1)), later)).detail()).contains("already filled");
    assertThatThrownBy(() -> book.confirm(used.get(1).quoteId())).hasMessageContaining("it is filled, not reserved");
    assertThat(book.evictExpired(T0.plusSeconds(1_200).plusMillis(2_499))).isEqualTo(2_500);
    assertThat(failure(book.validate(use(used.get(0)), later))).isEqualTo(QuoteFailure.UNKNOWN);
    assertThat(failure(book.validate(use(used.get(4_999)), later))).isEqualTo(QuoteFailure.ALREADY_USED);
    assertThat(book.evictExpired(T0.plusSeconds(1_300))).isEqualTo(2_500);
    assertThat(book.trackedCount()).isZero();
    assertThat(book.used(used.get(4_999).quoteId())).isFalse();
  }

  @Test
  void closedQuoteTableMatchesAMapUnderRandomPutsAndRemoves() {
    var table = new ClosedQuotes();
    var model = new java.util.HashMap<Long, Byte>();
    var random = new java.util.SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      // Few distinct keys, some clustered, so probe runs wrap and shift often.
      long key = random.nextInt(4) == 0 ? random.nextLong(64) : random.nextLong(50_000);
      int op = random.nextInt(3);
      if (op == 0) {
        assertThat(table.remove(key)).isEqualTo(model.remove(key) != null);
      } else {
        byte state = random.nextBoolean() ? ClosedQuotes.FILLED : ClosedQuotes.RELEASED;
        table.put(key, state);
        model.put(key, state);
      }
      if (i % 1_000 == 0) {
        for (long probe = 0; probe < 64; probe++) {
          assertThat(table.get(probe)).isEqualTo(model.getOrDefault(probe, (byte) 0));
        }
      }
    }
    assertThat(table.size()).isEqualTo(model.size());
    for (var e : model.entrySet()) assertThat(table.get(e.getKey())).isEqualTo(e.getValue());
  }

  @Test
  void rememberedQuotesAreDroppedAfterRetentionButReservedOnesStay() {
    QuoteBook book = book();
    limits(book, CENTRAL, BIG, BIG * 1000);
    book.publishRate(rubToIrr(CENTRAL, "520"), T0);
    Quote open = bySource(book, 100_000, T0).quotes().get(0);
    Quote reserved = bySource(book, 200_000, T0).quotes().get(0);
    assertThat(book.reserve(use(reserved), T0.plusSeconds(5)).isValid()).isTrue();
    assertThat(book.evictExpired(T0.plusSeconds(1_199))).isZero();
    // Both leave the expiry ring: the open one is dropped, the reserved one stays held untracked.
    assertThat(book.evictExpired(T0.plusSeconds(1_200))).isEqualTo(2);
    assertThat(book.quote(open.quoteId())).isEmpty();
    assertThat(book.quote(reserved.quoteId())).contains(reserved);
    book.confirm(reserved.quoteId()); // the payment settled late: still accounted
    assertThat(book.quote(reserved.quoteId())).isEmpty();
    assertThat(book.position(CENTRAL, "RUB", "IRR").in("RUB").boughtMinor()).isEqualTo(200_000);
  }

  @Test
  void sameSeedSameInputsSameQuotes() {
    QuoteBook a = book();
    QuoteBook b = book();
    for (QuoteBook book : List.of(a, b)) {
      limits(book, CENTRAL, BIG, BIG * 1000);
      limits(book, DEALER_A, BIG, BIG * 1000);
      book.publishRate(rubToIrr(CENTRAL, "520"), T0);
      book.publishRate(rubToIrr(DEALER_A, "520"), T0);
    }
    for (int i = 1; i <= 50; i++) {
      assertThat(bySource(a, i * 1_000L, T0.plusSeconds(i)))
          .isEqualTo(bySource(b, i * 1_000L, T0.plusSeconds(i)));
    }
    // Equal rates: ties are broken by BIC.
    assertThat(bySource(a, 1_000, T0).quotes()).extracting(Quote::fxpBic)
        .containsExactly(CENTRAL, DEALER_A);
  }

  @Test
  void withdrawnRatesStopQuotingAndGetTheGracePeriod() {
    QuoteBook book = book();
    limits(book, CENTRAL, BIG, BIG * 1000);
    PublishedRate rate = book.publishRate(rubToIrr(CENTRAL, "520"), T0);
    Quote quote = bySource(book, 100_000, T0).quotes().get(0);
    assertThat(book.withdrawRates(CENTRAL, "RUB", "IRR", T0.plusSeconds(10)))
        .containsExactly(rate.rateId());
    assertThat(bySource(book, 100_000, T0.plusSeconds(10)).quotes()).isEmpty();
    assertThat(book.rates("RUB", "IRR")).isEmpty();
    assertThat(book.validate(use(quote), T0.plusSeconds(309)).isValid()).isTrue();
    assertThat(failure(book.validate(use(quote), T0.plusSeconds(310))))
        .isEqualTo(QuoteFailure.RATE_REPLACED);
  }

  @Test
  void configurationErrorsAreClear() {
    QuoteBook book = book();
    assertThatThrownBy(() -> book.publishRate(rubToIrr("NOPERUMMXXX", "1"), T0))
        .hasMessage("FX provider 'NOPERUMMXXX' is not registered");
    book.registerProvider(new FxProvider("RUBCNYMMXXX", List.of("RUB", "IRR")));
    book.registerProvider(new FxProvider("RUBCNYMMXXX", List.of("RUB", "IRR"))); // idempotent
    assertThatThrownBy(() -> book.registerProvider(new FxProvider("RUBCNYMMXXX",
        List.of("RUB", "IRR", "CNY"))))
        .hasMessageContaining("currency 'CNY' is not configured for FX");
    QuoteBook wide = new QuoteBook(QuoteBookConfig.defaults(),
        List.of(RUB, IRR, new Currency("CNY", 2)), QuoteIdGenerator.seeded(1));
    wide.registerProvider(new FxProvider(DEALER_A, List.of("RUB", "IRR")));
    assertThatThrownBy(() -> wide.publishRate(new Rate(DEALER_A, "RUB", "CNY", 1, 10,
        BigDecimal.ONE, FeeSchedule.NONE), T0))
        .hasMessage("FX provider DEALRUMMXXX has no settlement account in CNY (it has [RUB, IRR])");
    assertThatThrownBy(() -> wide.registerProvider(new FxProvider(DEALER_A, List.of("RUB", "CNY"))))
        .hasMessageContaining("already registered");
    assertThatThrownBy(() -> book.quotes(QuoteRequest.forSourceAmount(BANK, "RUB", "USD", 1, T0)))
        .hasMessageContaining("currency 'USD' is not configured for FX; configured: [IRR, RUB]");
    assertThatThrownBy(() -> new QuoteRequest(BANK, "RUB", "IRR", 1, 1, T0))
        .hasMessageContaining("exactly one of the source amount and the target amount");
    assertThatThrownBy(() -> new Rate(DEALER_A, "RUB", "IRR", 10, 9, BigDecimal.ONE,
        FeeSchedule.NONE)).hasMessageContaining("1 <= min <= max");
    assertThatThrownBy(() -> new FxProvider("bad", List.of("RUB", "IRR")))
        .hasMessageContaining("is not a BIC");
    QuoteBook narrow = new QuoteBook(new QuoteBookConfig(Duration.ofSeconds(600),
        Duration.ofSeconds(300), Duration.ZERO, 10, 2, 10), List.of(RUB, IRR),
        QuoteIdGenerator.seeded(1));
    narrow.registerProvider(new FxProvider(DEALER_A, List.of("RUB", "IRR")));
    narrow.publishRate(new Rate(DEALER_A, "RUB", "IRR", 1, 10, BigDecimal.ONE, FeeSchedule.NONE), T0);
    narrow.publishRate(new Rate(DEALER_A, "RUB", "IRR", 11, 20, BigDecimal.ONE, FeeSchedule.NONE), T0);
    assertThatThrownBy(() -> narrow.publishRate(new Rate(DEALER_A, "RUB", "IRR", 21, 30,
        BigDecimal.ONE, FeeSchedule.NONE), T0))
        .hasMessageContaining("already has 2 bands on RUB>IRR; at most 2");
  }
}
