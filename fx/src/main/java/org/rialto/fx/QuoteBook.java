package org.rialto.fx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * FX providers, their published rates, the quotes given on them and the providers' positions.
 *
 * <p>Single writer: one thread owns a book (the node's FX thread or its ledger writer); there are
 * no locks. Deterministic: time comes in as arguments and quote ids from the supplied
 * {@link QuoteIdGenerator}, so the same inputs produce the same quotes. Every input is checked
 * in full before anything changes.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>A rate covers one corridor (source to target) and one band of source amounts. Publishing
 *       replaces the provider's active rates on that corridor whose bands overlap the new one.
 *   <li>A quote is valid while {@code now < issuedAt + quoteValidity} (600 s by default; at
 *       exactly the expiry it is expired). When its rate is replaced or withdrawn at {@code t},
 *       it stays valid only while {@code now < t + replacedRateGrace} (300 s), never beyond its
 *       own expiry, and no new quote is given on that rate.
 *   <li>One quote serves one payment: {@link #reserve} takes it, then {@link #confirm} (leg
 *       settled) or {@link #release} (payment rejected) closes it; it cannot be reserved again.
 *   <li>A provider quotes only within its open-position limits, counted with every reserved but
 *       unsettled quote as if it settles (see {@link CurrencyPosition}). Quotes that are merely
 *       given do not count: banks ask every provider and use one quote.
 *   <li>The book holds at most {@code maxQuotes} whole quotes (open, reserved, and expired
 *       ones remembered for {@code expiredQuoteRetention} so a late payment hears EXPIRED, not
 *       UNKNOWN, unless room is needed); when full of live quotes, quoting fails with
 *       {@link QuoteBookFullException}. A quote that served its payment (filled) or whose payment
 *       was rejected (released) leaves the book at once and is remembered only as a 64-bit
 *       fingerprint and a state until its expiry plus the retention (so a second payment on it
 *       hears ALREADY_USED); at most {@link #MAX_TRACKED_QUOTES} quotes are tracked in all.
 * </ul>
 *
 * <p>Settling the legs is the ledger's job; this book computes amounts and keeps positions.
 */
public final class QuoteBook {

  private enum State {
    OPEN,
    RESERVED,
    FILLED,
    RELEASED
  }

  private static final class RateEntry {
    final PublishedRate published;
    Instant replacedAt; // null while active

    RateEntry(PublishedRate published) {
      this.published = published;
    }

    Rate rate() {
      return published.rate();
    }
  }

  private static final class QuoteEntry {
    final Quote quote;
    final RateEntry rate;
    State state = State.OPEN;
    /** Still in the expiry ring (false once past expiry plus retention while reserved). */
    boolean queued = true;

    QuoteEntry(Quote quote, RateEntry rate) {
      this.quote = quote;
      this.rate = rate;
    }
  }

  /**
   * Quotes tracked at most: whole ones plus used ones kept as fingerprints. At ten thousand
   * payments a second with the default 600 s validity and 600 s retention that is 12 million;
   * the ring and the fingerprint table then take about 16 + 18 bytes a quote.
   */
  public static final int MAX_TRACKED_QUOTES = 1 << 24;
  private static final int INITIAL_RING = 1 << 10;
  /** Ids are 36 characters; anything longer is hashed on its first characters and its length. */
  private static final int MAX_FINGERPRINT_CHARS = 256;

  /** One provider's position on one currency pair; index 0 and 1 follow {@code currencies}. */
  private static final class PositionState {
    final String bic;
    final String[] currencies;
    final long[] bought = new long[2];
    final long[] sold = new long[2];
    final long[] pendingBought = new long[2];
    final long[] pendingSold = new long[2];
    final long[] maxOpen = {-1, -1};

    PositionState(String bic, String a, String b) {
      this.bic = bic;
      this.currencies = a.compareTo(b) < 0 ? new String[] {a, b} : new String[] {b, a};
    }

    int index(String currency) {
      if (currencies[0].equals(currency)) {
        return 0;
      }
      if (currencies[1].equals(currency)) {
        return 1;
      }
      throw new IllegalStateException(currency + " not in " + currencies[0] + "/" + currencies[1]);
    }

    CurrencyPosition snapshot(int i) {
      return new CurrencyPosition(currencies[i], bought[i], sold[i], pendingBought[i],
          pendingSold[i], maxOpen[i]);
    }

    FxPosition snapshot() {
      return new FxPosition(bic, snapshot(0), snapshot(1));
    }
  }

  /** A provider's price for a request: the band used and its amounts, or why there is none. */
  private record Priced(RateEntry band, Conversion.Converted amounts,
      Conversion.NotConverted failure) {

    static Priced of(RateEntry band, Conversion.Converted amounts) {
      return new Priced(band, amounts, null);
    }

    static Priced failed(Conversion.NotConverted failure) {
      return new Priced(null, null, failure);
    }

    static Priced failed(DeclineReason reason, String detail) {
      return failed(new Conversion.NotConverted(reason, detail));
    }
  }


  private final QuoteBookConfig config;
  private final QuoteIdGenerator ids;
  private final Map<String, Currency> currencies = new TreeMap<>();
  private final Map<String, FxProvider> providers = new TreeMap<>();
  /** Corridor key "SRC>TGT" to provider BIC to its active rates there, ordered by band. */
  private final Map<String, TreeMap<String, List<RateEntry>>> activeRates = new HashMap<>();
  /** Key "BIC|AAA/BBB" (pair in alphabetical order). */
  private final Map<String, PositionState> positions = new TreeMap<>();
  /** Whole quotes by id fingerprint: open, reserved, and expired ones still remembered. */
  private final Map<Long, QuoteEntry> quotes = new HashMap<>();
  /** Used quotes, fingerprint and state only, until their expiry plus the retention. */
  private final ClosedQuotes closed = new ClosedQuotes();
  /**
   * Every tracked quote's fingerprint and expiry in issue order, which is expiry order (one
   * validity for the whole book, time moves forward): eviction pops from the head.
   */
  private long[] ringFingerprints = new long[INITIAL_RING];
  private long[] ringExpiresAtMillis = new long[INITIAL_RING];
  private int ringHead;
  private int ringSize;
  private long lastRateId;

  /**
   * @param currencies every currency the book converts, with its minor units (must match the
   *     ledger accounts in that currency)
   */
  public QuoteBook(QuoteBookConfig config, List<Currency> currencies, QuoteIdGenerator ids) {
    this.config = Objects.requireNonNull(config, "config");
    this.ids = Objects.requireNonNull(ids, "ids");
    if (currencies == null || currencies.isEmpty() || currencies.size() > 1_000) {
      throw new IllegalArgumentException("give 1..1000 currencies");
    }
    for (Currency currency : currencies) {
      Currency previous = this.currencies.put(currency.code(), currency);
      if (previous != null) {
        throw new IllegalArgumentException("currency " + currency.code() + " given twice");
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Providers, limits, rates.

  /** Registers an FX provider; registering the same provider again changes nothing. */
  public void registerProvider(FxProvider provider) {
    Objects.requireNonNull(provider, "provider");
    for (String code : provider.settlementCurrencies()) {
      requireCurrency(code);
    }
    FxProvider existing = providers.get(provider.bic());
    if (existing != null) {
      if (!existing.equals(provider)) {
        throw new IllegalArgumentException("FX provider " + provider.bic()
            + " is already registered with settlement currencies "
            + existing.settlementCurrencies());
      }
      return;
    }
    if (providers.size() >= config.maxProviders()) {
      throw new IllegalStateException("FX provider limit reached (" + config.maxProviders() + ")");
    }
    providers.put(provider.bic(), provider);
  }

  /**
   * Sets the most the provider's open position in {@code currency} (on its pair with
   * {@code counterCurrency}) may reach either way, in {@code currency}'s minor units. Until both
   * currencies of a pair have a limit, the provider is not quoted on that pair.
   */
  public void setPositionLimit(String fxpBic, String currency, String counterCurrency,
      long maxOpenMinor) {
    requireProviderCurrencies(fxpBic, currency, counterCurrency);
    if (maxOpenMinor < 0 || maxOpenMinor > Conversion.MAX_AMOUNT_MINOR) {
      throw new IllegalArgumentException("maxOpenMinor " + maxOpenMinor + " is not in 0.."
          + Conversion.MAX_AMOUNT_MINOR);
    }
    PositionState position = positionState(fxpBic, currency, counterCurrency);
    position.maxOpen[position.index(currency)] = maxOpenMinor;
  }

  /**
   * Publishes a rate, replacing the provider's active rates on the corridor whose band overlaps
   * it. Quotes on replaced rates keep their grace period from {@code now}.
   */
  public PublishedRate publishRate(Rate rate, Instant now) {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(now, "now");
    requireProviderCurrencies(rate.fxpBic(), rate.sourceCurrency(), rate.targetCurrency());
    List<RateEntry> current = activeRates
        .getOrDefault(corridorKey(rate.sourceCurrency(), rate.targetCurrency()), new TreeMap<>())
        .getOrDefault(rate.fxpBic(), List.of());
    List<RateEntry> kept = new ArrayList<>();
    List<Long> replaced = new ArrayList<>();
    for (RateEntry entry : current) {
      if (entry.rate().overlaps(rate)) {
        replaced.add(entry.published.rateId());
      } else {
        kept.add(entry);
      }
    }
    if (kept.size() + 1 > config.maxBandsPerProviderCorridor()) {
      throw new IllegalStateException("FX provider " + rate.fxpBic() + " already has "
          + kept.size() + " bands on " + rate.sourceCurrency() + ">" + rate.targetCurrency()
          + "; at most " + config.maxBandsPerProviderCorridor());
    }
    // Checked; now change state.
    for (RateEntry entry : current) {
      if (entry.rate().overlaps(rate)) {
        entry.replacedAt = now;
      }
    }
    RateEntry added = new RateEntry(new PublishedRate(++lastRateId, rate, now, replaced));
    kept.add(added);
    kept.sort(Comparator.comparingLong(e -> e.rate().minSourceAmountMinor()));
    activeRates
        .computeIfAbsent(corridorKey(rate.sourceCurrency(), rate.targetCurrency()),
            k -> new TreeMap<>())
        .put(rate.fxpBic(), List.copyOf(kept));
    return added.published;
  }

  /** Withdraws every rate of the provider on the corridor (quotes on them get the grace period). */
  public List<Long> withdrawRates(String fxpBic, String sourceCurrency, String targetCurrency,
      Instant now) {
    Objects.requireNonNull(now, "now");
    requireProviderCurrencies(fxpBic, sourceCurrency, targetCurrency);
    TreeMap<String, List<RateEntry>> byProvider =
        activeRates.get(corridorKey(sourceCurrency, targetCurrency));
    List<RateEntry> current = byProvider == null ? null : byProvider.remove(fxpBic);
    List<Long> withdrawn = new ArrayList<>();
    if (current != null) {
      for (RateEntry entry : current) {
        entry.replacedAt = now;
        withdrawn.add(entry.published.rateId());
      }
    }
    return withdrawn;
  }

  /** The active rates on a corridor, by provider BIC then band. */
  public List<PublishedRate> rates(String sourceCurrency, String targetCurrency) {
    requireCurrency(sourceCurrency);
    requireCurrency(targetCurrency);
    List<PublishedRate> out = new ArrayList<>();
    TreeMap<String, List<RateEntry>> byProvider =
        activeRates.get(corridorKey(sourceCurrency, targetCurrency));
    if (byProvider != null) {
      for (List<RateEntry> entries : byProvider.values()) {
        for (RateEntry entry : entries) {
          out.add(entry.published);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------
  // Quotes.

  /**
   * Every eligible provider's firm quote for the request, best first, and every provider with a
   * rate on the corridor that declined.
   *
   * @throws IllegalArgumentException for a currency the book does not know
   * @throws QuoteBookFullException when the quotes would not fit even after dropping every
   *     expired one
   */
  public QuoteResult quotes(QuoteRequest request) {
    Objects.requireNonNull(request, "request");
    Currency source = requireCurrency(request.sourceCurrency());
    Currency target = requireCurrency(request.targetCurrency());
    Instant now = request.now();
    evict(now, false);

    record Candidate(String bic, Priced priced) {}
    List<Candidate> candidates = new ArrayList<>();
    List<Declined> declined = new ArrayList<>();
    TreeMap<String, List<RateEntry>> byProvider =
        activeRates.getOrDefault(corridorKey(source.code(), target.code()), new TreeMap<>());
    for (Map.Entry<String, List<RateEntry>> entry : byProvider.entrySet()) {
      String bic = entry.getKey();
      List<RateEntry> bands = entry.getValue();
      Priced priced = request.basis() == QuoteBasis.SOURCE_AMOUNT
          ? priceSourceAmount(request.sourceAmountMinor(), bands, source, target)
          : priceTargetAmount(request.targetAmountMinor(), bands, source, target);
      if (priced.failure() != null) {
        declined.add(new Declined(bic, priced.failure().reason(), priced.failure().detail()));
        continue;
      }
      Conversion.Converted amounts = priced.amounts();
      Declined limit = checkLimit(bic, source.code(), amounts.sourceAmountMinor(), target.code(),
          amounts.targetAmountMinor());
      if (limit != null) {
        declined.add(limit);
        continue;
      }
      candidates.add(new Candidate(bic, priced));
    }

    makeRoom(candidates.size(), now);
    List<Quote> issued = new ArrayList<>(candidates.size());
    Instant expiresAt = now.plus(config.quoteValidity());
    for (Candidate c : candidates) {
      String id = ids.nextId();
      long fingerprint = fingerprint(id);
      if (quotes.containsKey(fingerprint) || closed.get(fingerprint) != 0) {
        throw new IllegalStateException("quote id generator repeated id " + id);
      }
      RateEntry band = c.priced().band();
      Conversion.Converted amounts = c.priced().amounts();
      Quote quote = new Quote(id, c.bic(), request.requesterBic(), source.code(), target.code(),
          band.rate().rate(), band.published.rateId(), request.basis(),
          amounts.sourceAmountMinor(), amounts.principalMinor(), amounts.targetAmountMinor(),
          amounts.fees(), now, expiresAt);
      quotes.put(fingerprint, new QuoteEntry(quote, band));
      ringAppend(fingerprint, expiresAt.toEpochMilli());
      issued.add(quote);
    }
    Comparator<Quote> best = request.basis() == QuoteBasis.SOURCE_AMOUNT
        ? Comparator.comparingLong(Quote::targetAmountMinor).reversed()
        : Comparator.comparingLong(Quote::sourceAmountMinor);
    issued.sort(best.thenComparing(Quote::fxpBic));
    return new QuoteResult(issued, declined);
  }

  private static Priced priceSourceAmount(long sourceAmountMinor, List<RateEntry> bands,
      Currency source, Currency target) {
    for (RateEntry band : bands) {
      if (band.rate().covers(sourceAmountMinor)) {
        Conversion.Outcome outcome = Conversion.fromSource(sourceAmountMinor, band.rate().rate(),
            band.rate().fees(), source, target);
        return outcome instanceof Conversion.Converted converted
            ? Priced.of(band, converted)
            : Priced.failed((Conversion.NotConverted) outcome);
      }
    }
    return Priced.failed(DeclineReason.OUTSIDE_BANDS,
        "source amount " + sourceAmountMinor + " is outside bands " + describe(bands));
  }

  /**
   * Each band's rate gives its own source amount for the target; a band qualifies when that
   * source amount lies in it. Bands do not overlap, so at most one band can hold any one source
   * amount; of the qualifying bands the one debiting least wins (best for the payer).
   */
  private static Priced priceTargetAmount(long targetAmountMinor, List<RateEntry> bands,
      Currency source, Currency target) {
    Priced best = null;
    long bestSource = Long.MAX_VALUE;
    Conversion.NotConverted firstFailure = null;
    for (RateEntry band : bands) {
      Conversion.Outcome outcome = Conversion.fromTarget(targetAmountMinor, band.rate().rate(),
          band.rate().fees(), source, target);
      if (outcome instanceof Conversion.Converted converted) {
        if (band.rate().covers(converted.sourceAmountMinor())
            && converted.sourceAmountMinor() < bestSource) {
          bestSource = converted.sourceAmountMinor();
          best = Priced.of(band, converted);
        }
      } else if (firstFailure == null) {
        firstFailure = (Conversion.NotConverted) outcome;
      }
    }
    if (best != null) {
      return best;
    }
    if (firstFailure != null) {
      return Priced.failed(firstFailure);
    }
    return Priced.failed(DeclineReason.OUTSIDE_BANDS, "target amount "
        + targetAmountMinor + " needs a source amount outside bands " + describe(bands));
  }

  private static String describe(List<RateEntry> bands) {
    StringBuilder out = new StringBuilder();
    for (RateEntry band : bands) {
      if (!out.isEmpty()) {
        out.append(", ");
      }
      out.append(band.rate().minSourceAmountMinor()).append("..")
          .append(band.rate().maxSourceAmountMinor());
    }
    return out.toString();
  }

  /** Null when the trade fits the provider's limits, else why not. */
  private Declined checkLimit(String bic, String sourceCurrency, long sourceAmountMinor,
      String targetCurrency, long targetAmountMinor) {
    PositionState position = positions.get(positionKey(bic, sourceCurrency, targetCurrency));
    if (position == null) {
      return new Declined(bic, DeclineReason.NO_POSITION_LIMIT, "no open-position limit set for "
          + sourceCurrency + " or " + targetCurrency);
    }
    int s = position.index(sourceCurrency);
    int t = position.index(targetCurrency);
    for (int i : new int[] {s, t}) {
      if (position.maxOpen[i] < 0) {
        return new Declined(bic, DeclineReason.NO_POSITION_LIMIT, "no open-position limit set for "
            + position.currencies[i]);
      }
    }
    // Totals are non-negative longs, so bought - sold cannot overflow; the additions are
    // checked and fail loudly rather than wrap.
    long longAfter = Math.addExact(position.bought[s] - position.sold[s],
        Math.addExact(position.pendingBought[s], sourceAmountMinor));
    if (longAfter > position.maxOpen[s]) {
      return new Declined(bic, DeclineReason.POSITION_LIMIT, "long " + sourceCurrency
          + " position would reach " + longAfter + ", limit " + position.maxOpen[s]);
    }
    long shortAfter = Math.addExact(position.sold[t] - position.bought[t],
        Math.addExact(position.pendingSold[t], targetAmountMinor));
    if (shortAfter > position.maxOpen[t]) {
      return new Declined(bic, DeclineReason.POSITION_LIMIT, "short " + targetCurrency
          + " position would reach " + shortAfter + ", limit " + position.maxOpen[t]);
    }
    return null;
  }

  /**
   * Whether a payment may use the quote at {@code now}. Changes nothing.
   *
   * <p>Checks in this order, first failure wins: id shape, known, requester, not used, not
   * expired, rate not replaced beyond grace, currencies, source amount, target amount.
   */
  public QuoteCheck validate(QuoteUse use, Instant now) {
    Objects.requireNonNull(use, "use");
    Objects.requireNonNull(now, "now");
    if (!QuoteReference.isValidId(use.quoteId())) {
      return new QuoteCheck.Invalid(QuoteFailure.MALFORMED_ID, "quote id '"
          + QuoteReference.shown(use.quoteId()) + "' is not a canonical lower-case UUID");
    }
    QuoteEntry entry = entry(use.quoteId());
    if (entry == null) {
      byte used = closed.get(fingerprint(use.quoteId()));
      if (used != 0) {
        return new QuoteCheck.Invalid(QuoteFailure.ALREADY_USED, "quote " + use.quoteId()
            + " is already " + (used == ClosedQuotes.FILLED ? "filled" : "released")
            + "; one quote serves one payment");
      }
      return new QuoteCheck.Invalid(QuoteFailure.UNKNOWN, "no quote " + use.quoteId()
          + " (never issued on this node, or expired long ago)");
    }
    Quote quote = entry.quote;
    // Before anything else about the quote: another bank learns nothing about it.
    if (!quote.requesterBic().equals(use.requesterBic())) {
      return new QuoteCheck.Invalid(QuoteFailure.WRONG_REQUESTER, "quote " + quote.quoteId()
          + " was not issued to " + QuoteReference.shown(use.requesterBic()));
    }
    if (entry.state != State.OPEN) {
      return new QuoteCheck.Invalid(QuoteFailure.ALREADY_USED, "quote " + quote.quoteId()
          + " is already " + entry.state.name().toLowerCase(java.util.Locale.ROOT)
          + "; one quote serves one payment");
    }
    Instant graceEnd = entry.rate.replacedAt == null
        ? null
        : entry.rate.replacedAt.plus(config.replacedRateGrace());
    if (graceEnd != null && graceEnd.isBefore(quote.expiresAt()) && !now.isBefore(graceEnd)) {
      return new QuoteCheck.Invalid(QuoteFailure.RATE_REPLACED, "quote " + quote.quoteId()
          + ": rate " + quote.rateId() + " was replaced at " + entry.rate.replacedAt
          + "; its quotes were valid until " + graceEnd);
    }
    if (!now.isBefore(quote.expiresAt())) {
      return new QuoteCheck.Invalid(QuoteFailure.EXPIRED, "quote " + quote.quoteId()
          + " expired at " + quote.expiresAt());
    }
    if (!quote.sourceCurrency().equals(use.sourceCurrency())
        || !quote.targetCurrency().equals(use.targetCurrency())) {
      return new QuoteCheck.Invalid(QuoteFailure.CURRENCY_MISMATCH, "quote " + quote.quoteId()
          + " converts " + quote.sourceCurrency() + " to " + quote.targetCurrency()
          + ", payment is " + QuoteReference.shown(use.sourceCurrency()) + " to "
          + QuoteReference.shown(use.targetCurrency()));
    }
    if (quote.sourceAmountMinor() != use.sourceAmountMinor()) {
      return new QuoteCheck.Invalid(QuoteFailure.SOURCE_AMOUNT_MISMATCH, "quote "
          + quote.quoteId() + " debits " + quote.sourceAmountMinor() + " "
          + quote.sourceCurrency() + " minor units, payment says " + use.sourceAmountMinor());
    }
    if (quote.targetAmountMinor() != use.targetAmountMinor()) {
      return new QuoteCheck.Invalid(QuoteFailure.TARGET_AMOUNT_MISMATCH, "quote "
          + quote.quoteId() + " credits " + quote.targetAmountMinor() + " "
          + quote.targetCurrency() + " minor units, payment says " + use.targetAmountMinor());
    }
    Instant validUntil = graceEnd != null && graceEnd.isBefore(quote.expiresAt())
        ? graceEnd
        : quote.expiresAt();
    return new QuoteCheck.Valid(quote, validUntil);
  }

  /**
   * Validates and takes the quote for one payment: its amounts count as pending in the
   * provider's position until {@link #confirm} or {@link #release}. Fails with
   * {@link QuoteFailure#POSITION_LIMIT} when other reservations since the quote was given leave
   * no room.
   */
  public QuoteCheck reserve(QuoteUse use, Instant now) {
    QuoteCheck check = validate(use, now);
    if (!(check instanceof QuoteCheck.Valid valid)) {
      return check;
    }
    Quote quote = valid.quote();
    Declined limit = checkLimit(quote.fxpBic(), quote.sourceCurrency(),
        quote.sourceAmountMinor(), quote.targetCurrency(), quote.targetAmountMinor());
    if (limit != null) {
      return new QuoteCheck.Invalid(QuoteFailure.POSITION_LIMIT, limit.detail());
    }
    PositionState position =
        positions.get(positionKey(quote.fxpBic(), quote.sourceCurrency(), quote.targetCurrency()));
    int s = position.index(quote.sourceCurrency());
    int t = position.index(quote.targetCurrency());
    long pendingBought = Math.addExact(position.pendingBought[s], quote.sourceAmountMinor());
    long pendingSold = Math.addExact(position.pendingSold[t], quote.targetAmountMinor());
    position.pendingBought[s] = pendingBought;
    position.pendingSold[t] = pendingSold;
    entry(quote.quoteId()).state = State.RESERVED;
    return check;
  }

  /**
   * The payment on a reserved quote settled: its amounts move from pending to the provider's
   * bought and sold totals.
   *
   * @throws IllegalStateException when the quote is not reserved (a bug in the caller)
   */
  public Quote confirm(String quoteId) {
    QuoteEntry entry = reserved(quoteId, "confirm");
    PositionState position = positions.get(
        positionKey(entry.quote.fxpBic(), entry.quote.sourceCurrency(),
            entry.quote.targetCurrency()));
    int s = position.index(entry.quote.sourceCurrency());
    int t = position.index(entry.quote.targetCurrency());
    long bought = Math.addExact(position.bought[s], entry.quote.sourceAmountMinor());
    long sold = Math.addExact(position.sold[t], entry.quote.targetAmountMinor());
    position.bought[s] = bought;
    position.sold[t] = sold;
    position.pendingBought[s] -= entry.quote.sourceAmountMinor();
    position.pendingSold[t] -= entry.quote.targetAmountMinor();
    close(entry, State.FILLED);
    return entry.quote;
  }

  /**
   * The payment on a reserved quote was rejected or voided: its pending amounts leave the
   * position. The quote stays used.
   *
   * @throws IllegalStateException when the quote is not reserved (a bug in the caller)
   */
  public Quote release(String quoteId) {
    QuoteEntry entry = reserved(quoteId, "release");
    PositionState position = positions.get(
        positionKey(entry.quote.fxpBic(), entry.quote.sourceCurrency(),
            entry.quote.targetCurrency()));
    position.pendingBought[position.index(entry.quote.sourceCurrency())] -=
        entry.quote.sourceAmountMinor();
    position.pendingSold[position.index(entry.quote.targetCurrency())] -=
        entry.quote.targetAmountMinor();
    close(entry, State.RELEASED);
    return entry.quote;
  }

  private QuoteEntry reserved(String quoteId, String action) {
    QuoteEntry entry = entry(quoteId);
    if (entry == null || entry.state != State.RESERVED) {
      byte used = entry == null ? closed.get(fingerprint(quoteId)) : 0;
      String now = entry != null ? entry.state.name().toLowerCase(java.util.Locale.ROOT)
          : used == ClosedQuotes.FILLED ? "filled" : used == ClosedQuotes.RELEASED ? "released" : "unknown";
      throw new IllegalStateException("cannot " + action + " quote " + QuoteReference.shown(quoteId)
          + ": it is " + now + ", not reserved");
    }
    return entry;
  }

  private void close(QuoteEntry entry, State state) {
    if (state != State.FILLED && state != State.RELEASED) throw new IllegalArgumentException("close as " + state);
    entry.state = state;
    // A used quote leaves the book at once; while the ring still tracks it, its fingerprint
    // says it was used. Past the ring (reserved beyond its retention) nothing keeps it.
    long fingerprint = fingerprint(entry.quote.quoteId());
    if (quotes.remove(fingerprint) != entry) throw new IllegalStateException("quote " + entry.quote.quoteId() + " not held");
    if (entry.queued) closed.put(fingerprint, state == State.FILLED ? ClosedQuotes.FILLED : ClosedQuotes.RELEASED);
    PositionState p = positions.get(positionKey(entry.quote.fxpBic(),
        entry.quote.sourceCurrency(), entry.quote.targetCurrency()));
    for (int i = 0; i < 2; i++) {
      if (p.pendingBought[i] < 0 || p.pendingSold[i] < 0) {
        throw new IllegalStateException("pending position below zero for " + p.bic);
      }
    }
  }

  /**
   * Records a settled trade that did not go through a quote of this book (for example when the
   * node rebuilds positions from its payment records after a restart). No limit check: it
   * happened.
   */
  public void recordTrade(String fxpBic, String sourceCurrency, long sourceAmountMinor,
      String targetCurrency, long targetAmountMinor) {
    requireProviderCurrencies(fxpBic, sourceCurrency, targetCurrency);
    for (long amount : new long[] {sourceAmountMinor, targetAmountMinor}) {
      if (amount < 1 || amount > Conversion.MAX_AMOUNT_MINOR) {
        throw new IllegalArgumentException("trade amount " + amount + " is not in 1.."
            + Conversion.MAX_AMOUNT_MINOR);
      }
    }
    PositionState position = positionState(fxpBic, sourceCurrency, targetCurrency);
    int s = position.index(sourceCurrency);
    int t = position.index(targetCurrency);
    long bought = Math.addExact(position.bought[s], sourceAmountMinor);
    long sold = Math.addExact(position.sold[t], targetAmountMinor);
    position.bought[s] = bought;
    position.sold[t] = sold;
  }

  // ---------------------------------------------------------------------------------------
  // Views and housekeeping.

  /** The provider's position on a currency pair (zeros and no limits when nothing happened). */
  public FxPosition position(String fxpBic, String currency, String counterCurrency) {
    requireProviderCurrencies(fxpBic, currency, counterCurrency);
    PositionState position = positions.get(positionKey(fxpBic, currency, counterCurrency));
    return position != null
        ? position.snapshot()
        : new PositionState(fxpBic, currency, counterCurrency).snapshot();
  }

  /** Every position the book tracks, by provider BIC then pair. */
  public List<FxPosition> positions() {
    List<FxPosition> out = new ArrayList<>(positions.size());
    for (PositionState position : positions.values()) {
      out.add(position.snapshot());
    }
    return out;
  }

  /** A quote held by the book (live, reserved or recently expired). */
  public Optional<Quote> quote(String quoteId) {
    QuoteEntry entry = entry(quoteId);
    return entry == null ? Optional.empty() : Optional.of(entry.quote);
  }

  /** Whether the quote served a payment or was released by one (remembered until expiry plus retention). */
  public boolean used(String quoteId) {
    return quoteId != null && entry(quoteId) == null && closed.get(fingerprint(quoteId)) != 0;
  }

  /** Quotes held whole: live, reserved and remembered. */
  public int quoteCount() {
    return quotes.size();
  }

  /** Quotes in the expiry ring: held whole or kept as a used fingerprint, at most {@link #MAX_TRACKED_QUOTES}. */
  public int trackedCount() {
    return ringSize;
  }

  /**
   * Drops quotes expired for longer than the retention, except reserved ones (their payment is
   * still in flight), and forgets used quotes as old. Returns how many quotes left the expiry
   * ring (each one a change: dropped, forgotten, or a reserved one no longer tracked).
   */
  public int evictExpired(Instant now) {
    return evict(now, false);
  }

  private int evict(Instant now, boolean expiredToo) {
    long horizonMillis = (expiredToo ? now : now.minus(config.expiredQuoteRetention())).toEpochMilli();
    int left = 0;
    // Bounded by the ring's size: each step removes one entry.
    int steps = ringSize;
    for (int i = 0; i < steps; i++) {
      if (ringExpiresAtMillis[ringHead] > horizonMillis) {
        break;
      }
      long fingerprint = ringFingerprints[ringHead];
      ringHead = (ringHead + 1) % ringFingerprints.length;
      ringSize--;
      left++;
      QuoteEntry entry = quotes.get(fingerprint);
      if (entry == null) {
        closed.remove(fingerprint);
      } else if (entry.state == State.RESERVED) {
        entry.queued = false;
      } else {
        quotes.remove(fingerprint);
      }
    }
    return left;
  }

  private void ringAppend(long fingerprint, long expiresAtMillis) {
    if (ringSize == ringFingerprints.length) {
      if (ringSize >= MAX_TRACKED_QUOTES) throw new IllegalStateException("expiry ring full; makeRoom must prevent this");
      int capacity = Math.min(MAX_TRACKED_QUOTES, ringFingerprints.length * 2);
      long[] fingerprints = new long[capacity];
      long[] expiries = new long[capacity];
      for (int i = 0; i < ringSize; i++) {
        int from = (ringHead + i) % ringFingerprints.length;
        fingerprints[i] = ringFingerprints[from];
        expiries[i] = ringExpiresAtMillis[from];
      }
      ringFingerprints = fingerprints;
      ringExpiresAtMillis = expiries;
      ringHead = 0;
    }
    int at = (ringHead + ringSize) % ringFingerprints.length;
    ringFingerprints[at] = fingerprint;
    ringExpiresAtMillis[at] = expiresAtMillis;
    ringSize++;
  }

  private QuoteEntry entry(String quoteId) {
    if (quoteId == null) return null;
    QuoteEntry entry = quotes.get(fingerprint(quoteId));
    // A fingerprint shared by two ids (2^-64) must not hand one quote out for the other.
    return entry != null && entry.quote.quoteId().equals(quoteId) ? entry : null;
  }

  /** 64-bit FNV-1a over the id's characters, then a finaliser so near ids spread. */
  static long fingerprint(String quoteId) {
    long h = 0xcbf29ce484222325L;
    int n = Math.min(quoteId.length(), MAX_FINGERPRINT_CHARS);
    for (int i = 0; i < n; i++) {
      h ^= quoteId.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= quoteId.length();
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private void makeRoom(int needed, Instant now) {
    if (quotes.size() + needed <= config.maxQuotes() && ringSize + needed <= MAX_TRACKED_QUOTES) {
      return;
    }
    evict(now, true);
    if (ringSize + needed > MAX_TRACKED_QUOTES) {
      throw new QuoteBookFullException("quote book full: " + ringSize + " quotes tracked until their expiry, "
          + needed + " more needed, at most " + MAX_TRACKED_QUOTES);
    }
    if (quotes.size() + needed > config.maxQuotes()) {
      throw new QuoteBookFullException("quote book full: " + quotes.size() + " live quotes, "
          + needed + " more needed, capacity " + config.maxQuotes()
          + "; retry when quotes expire (validity " + config.quoteValidity().toSeconds() + " s)");
    }
  }

  // ---------------------------------------------------------------------------------------

  private Currency requireCurrency(String code) {
    Currency currency = currencies.get(code);
    if (currency == null) {
      throw new IllegalArgumentException("currency '" + QuoteReference.shown(code)
          + "' is not configured for FX; configured: " + currencies.keySet());
    }
    return currency;
  }

  private void requireProviderCurrencies(String fxpBic, String a, String b) {
    FxProvider provider = providers.get(fxpBic);
    if (provider == null) {
      throw new IllegalArgumentException("FX provider '" + QuoteReference.shown(fxpBic)
          + "' is not registered");
    }
    requireCurrency(a);
    requireCurrency(b);
    if (a.equals(b)) {
      throw new IllegalArgumentException("a currency pair needs two currencies, got " + a
          + " twice");
    }
    for (String code : new String[] {a, b}) {
      if (!provider.settlementCurrencies().contains(code)) {
        throw new IllegalArgumentException("FX provider " + fxpBic + " has no settlement account "
            + "in " + code + " (it has " + provider.settlementCurrencies() + ")");
      }
    }
  }

  private PositionState positionState(String bic, String a, String b) {
    return positions.computeIfAbsent(positionKey(bic, a, b), k -> new PositionState(bic, a, b));
  }

  private static String positionKey(String bic, String a, String b) {
    return a.compareTo(b) < 0 ? bic + "|" + a + "/" + b : bic + "|" + b + "/" + a;
  }

  private static String corridorKey(String source, String target) {
    return source + ">" + target;
  }
}
