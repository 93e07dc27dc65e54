package org.rialto.node.config;

import java.util.List;
import org.rialto.calendar.CalendarConfig;

/**
 * A node's configuration, as written by its operator in YAML. Amounts are decimal strings in the
 * currency's major unit (as people write them); they become minor units at load time.
 *
 * @param node this node's id, unique in the network (for example RU-NODE)
 * @param fxProviders BICs of participants that act as FX providers here (each holds a
 *     settlement account on this node and on the peer nodes of its corridors)
 * @param decisionWindowSeconds how long a receiving node has to decide a cross-border payment
 *     before it must reject it; the sending node never decides on its own
 * @param quoteValiditySeconds how long a quote given here stays firm (600 by default, as in
 *     Nexus); a replaced rate's quotes stay valid min(300, this) seconds more
 * @param calendar the currency's business calendar; absent means open 24/7
 * @param centralBank BIC of the central bank that operates the node and settles its currency
 * @param aml the AML/CFT rules every payment is judged by; absent means none
 * @param operatorListen where the operator console and the admin API listen, apart from the banks
 *     (default: 127.0.0.1 on the bank port + 1, or an ephemeral port when the bank port is); HTTPS
 *     with the node's certificate unless security.operatorPlainHttp (loopback only)
 * @param operators operator accounts created at start when missing (name, role, Argon2id hash)
 * @param security the node's certificate authority, its pinned peer CAs and message signing;
 *     required: a node without it refuses to start
 */
public record NodeConfig(
    String node,
    CurrencyConfig currency,
    String centralBank,
    ListenConfig listen,
    StoreConfig store,
    CalendarConfig calendar,
    List<ParticipantConfig> participants,
    List<PeerConfig> peers,
    List<String> fxProviders,
    Integer decisionWindowSeconds,
    Integer quoteValiditySeconds,
    ScreeningConfig screening,
    AmlConfig aml,
    ListenConfig operatorListen,
    List<OperatorConfig> operators,
    SecurityConfig security) {

  public NodeConfig {
    if (aml == null) aml = AmlConfig.NONE;
    participants = participants == null ? List.of() : List.copyOf(participants);
    peers = peers == null ? List.of() : List.copyOf(peers);
    fxProviders = fxProviders == null ? List.of() : List.copyOf(fxProviders);
    if (decisionWindowSeconds == null) decisionWindowSeconds = 30;
    if (quoteValiditySeconds == null) quoteValiditySeconds = 600;
    if (screening == null) screening = ScreeningConfig.DEFAULT;
    if (listen == null) listen = new ListenConfig("127.0.0.1", 8080);
    if (operatorListen == null) operatorListen = new ListenConfig("127.0.0.1", listen.port() == 0 ? 0 : listen.port() + 1);
    operators = operators == null ? List.of() : List.copyOf(operators);

  }

  /**
   * Sanctions lists of this node's jurisdiction (built-in: UN, OFAC) and the match threshold.
   * Every production node names its lists; a node without any screens nothing, and says so at
   * start (tests and benchmarks that are not about screening run that way).
   *
   * @param threshold a name scores 0..1 against a list entry; at or above this it is a hit
   */
  public record ScreeningConfig(List<String> lists, Double threshold) {
    public static final ScreeningConfig DEFAULT = new ScreeningConfig(List.of(), null);

    public ScreeningConfig {
      lists = lists == null ? List.of() : List.copyOf(lists);
    }
  }

  /**
   * Machine identities: every bank and peer link is TLS 1.3 with client certificates and every
   * message carries a detached JWS.
   *
   * @param caDirectory this node's CA folder, made by {@code rialto pki init} (CA certificate, CRL,
   *     and the node's own server key and certificate in node.p12)
   * @param peerCas for each peer node id, the PEM file of its CA certificate, pinned here: a peer
   *     is whoever presents a node certificate from its pinned CA
   * @param jwsAlgorithms signature algorithms accepted on messages (JOSE names); default ES256
   *     and EdDSA, PS256 and GOST3410-2012-256 may be added where national rules require them
   * @param replayWindowSeconds a message signed further than this from now is refused; ids seen
   *     inside the window are refused again (default 300)
   * @param peerCrlRefreshSeconds how often each peer's CRL is fetched from its GET /peer/v1/crl
   *     (default 60)
   * @param peerCrlMaxAgeSeconds fail-closed bound: a peer whose CRL was last fetched longer ago
   *     than this (or never) is refused until a fetch succeeds (default 3600; see docs/SECURITY.md)
   * @param operatorPlainHttp serve the operator listener over plain HTTP instead of HTTPS with the
   *     node's certificate; allowed only when operatorListen.host is a loopback address (default false)
   */
  public record SecurityConfig(String caDirectory, java.util.Map<String, String> peerCas, List<String> jwsAlgorithms,
      Integer replayWindowSeconds, Integer peerCrlRefreshSeconds, Integer peerCrlMaxAgeSeconds, Boolean operatorPlainHttp) {
    public SecurityConfig {
      peerCas = peerCas == null ? java.util.Map.of() : java.util.Map.copyOf(peerCas);
      jwsAlgorithms = jwsAlgorithms == null ? List.of("ES256", "EdDSA") : List.copyOf(jwsAlgorithms);
      if (replayWindowSeconds == null) replayWindowSeconds = 300;
      if (peerCrlRefreshSeconds == null) peerCrlRefreshSeconds = 60;
      if (peerCrlMaxAgeSeconds == null) peerCrlMaxAgeSeconds = 3600;
      if (operatorPlainHttp == null) operatorPlainHttp = false;
      if (peerCrlRefreshSeconds < 1 || peerCrlRefreshSeconds > 86_400) {
        throw new IllegalArgumentException("security.peerCrlRefreshSeconds must be 1..86400, got " + peerCrlRefreshSeconds);
      }
      if (peerCrlMaxAgeSeconds < peerCrlRefreshSeconds) {
        throw new IllegalArgumentException("security.peerCrlMaxAgeSeconds (" + peerCrlMaxAgeSeconds
            + ") must be at least peerCrlRefreshSeconds (" + peerCrlRefreshSeconds + ")");
      }
    }

    public SecurityConfig withJwsAlgorithms(List<String> algorithms) {
      return new SecurityConfig(caDirectory, peerCas, algorithms, replayWindowSeconds, peerCrlRefreshSeconds, peerCrlMaxAgeSeconds,
          operatorPlainHttp);
    }

    public SecurityConfig withPeerCrl(int refreshSeconds, int maxAgeSeconds) {
      return new SecurityConfig(caDirectory, peerCas, jwsAlgorithms, replayWindowSeconds, refreshSeconds, maxAgeSeconds, operatorPlainHttp);
    }

    public SecurityConfig withOperatorPlainHttp(boolean plain) {
      return new SecurityConfig(caDirectory, peerCas, jwsAlgorithms, replayWindowSeconds, peerCrlRefreshSeconds, peerCrlMaxAgeSeconds, plain);
    }
  }

  /**
   * The AML/CFT rules of this node (thresholds, velocity, structuring, high-risk jurisdictions,
   * FATF R16; see compliance's aml-rules.example.yaml). At most one of the two is given.
   *
   * @param rulesFile a YAML file of rules; a relative path is read from the configuration file's directory
   * @param rules the same rules written inline under aml.rules
   */
  public record AmlConfig(String rulesFile, com.fasterxml.jackson.databind.JsonNode rules) {
    public static final AmlConfig NONE = new AmlConfig(null, null);

    public boolean none() {
      return rulesFile == null && (rules == null || rules.isNull());
    }
  }

  /** @param minorUnits digits after the decimal point (RUB 2); fixed for the life of the node */
  public record CurrencyConfig(String code, int minorUnits) {}

  public record ListenConfig(String host, int port) {}

  /**
   * @param url a SQLite file path, a jdbc:sqlite: URL or a jdbc:postgresql: URL
   * @param expectedTransfers how many ledger transfers the node sizes its in-memory ledger for at
   *     start (default 65,536; a domestic payment is one transfer, a cross-border leg two). A node
   *     that outgrows it keeps working, but each time its transfer tables double the copies are new
   *     objects the collector must move in one pause (about 150 ms at a million transfers), so an
   *     operator sizes it for the expected volume, as TigerBeetle allocates its memory at start
   */
  public record StoreConfig(String url, Integer expectedTransfers) {
    public static final int DEFAULT_EXPECTED_TRANSFERS = 1 << 16;

    public StoreConfig {
      if (expectedTransfers == null) expectedTransfers = DEFAULT_EXPECTED_TRANSFERS;
    }

    public StoreConfig(String url) {
      this(url, null);
    }
  }

  /**
   * @param creditLine intraday credit line in major units ("0" for none)
   * @param openingBalance liquidity the central bank provides at the node's first start
   */
  public record ParticipantConfig(
      String bic, String name, String country, String creditLine, String openingBalance) {}

  /**
   * A peer node and what it settles.
   *
   * @param currency the one currency that node settles
   * @param bics the participants reachable there (exact BICs or 4+2 prefixes such as "BMJIIR")
   * @param consoleUrl the peer's operator console (its operator listener), for links from payment pages; optional
   */
  public record PeerConfig(String node, String url, CurrencyConfig currency, List<String> bics, String consoleUrl) {
    /** Without a console address: this node's console shows what it knows and no link to the peer's. */
    public PeerConfig(String node, String url, CurrencyConfig currency, List<String> bics) {
      this(node, url, currency, bics, null);
    }
  }

  /**
   * An operator account to create at first start. The password is never in the file: only its
   * Argon2id hash ({@code rialto operator hash} prints one).
   *
   * @param role VIEWER, OPERATOR, SUPERVISOR or ADMINISTRATOR
   */
  public record OperatorConfig(String name, String role, String passwordHash) {}

  /** Without operator settings: the operator listener on the bank port + 1, no accounts from the file. */
  public NodeConfig(String node, CurrencyConfig currency, String centralBank, ListenConfig listen, StoreConfig store,
      CalendarConfig calendar, List<ParticipantConfig> participants, List<PeerConfig> peers, List<String> fxProviders,
      Integer decisionWindowSeconds, Integer quoteValiditySeconds, ScreeningConfig screening, AmlConfig aml) {
    this(node, currency, centralBank, listen, store, calendar, participants, peers, fxProviders, decisionWindowSeconds,
        quoteValiditySeconds, screening, aml, null, null, null);
  }

  /** Without screening settings: the jurisdiction's default lists. */
  public NodeConfig(String node, CurrencyConfig currency, String centralBank, ListenConfig listen, StoreConfig store,
      CalendarConfig calendar, List<ParticipantConfig> participants, List<PeerConfig> peers, List<String> fxProviders,
      Integer decisionWindowSeconds, Integer quoteValiditySeconds) {
    this(node, currency, centralBank, listen, store, calendar, participants, peers, fxProviders, decisionWindowSeconds,
        quoteValiditySeconds, null, null);
  }

  /** Without AML rules. */
  public NodeConfig(String node, CurrencyConfig currency, String centralBank, ListenConfig listen, StoreConfig store,
      CalendarConfig calendar, List<ParticipantConfig> participants, List<PeerConfig> peers, List<String> fxProviders,
      Integer decisionWindowSeconds, Integer quoteValiditySeconds, ScreeningConfig screening) {
    this(node, currency, centralBank, listen, store, calendar, participants, peers, fxProviders, decisionWindowSeconds,
        quoteValiditySeconds, screening, null);
  }

  public NodeConfig withAml(AmlConfig newAml) {
    return new NodeConfig(node, currency, centralBank, listen, store, calendar,
        participants, peers, fxProviders, decisionWindowSeconds, quoteValiditySeconds, screening, newAml, operatorListen, operators, security);
  }

  public NodeConfig withSecurity(SecurityConfig newSecurity) {
    return new NodeConfig(node, currency, centralBank, listen, store, calendar, participants, peers, fxProviders,
        decisionWindowSeconds, quoteValiditySeconds, screening, aml, operatorListen, operators, newSecurity);
  }

  public NodeConfig withPort(int port) {
    return new NodeConfig(node, currency, centralBank, new ListenConfig(listen.host(), port), store, calendar,
        participants, peers, fxProviders, decisionWindowSeconds, quoteValiditySeconds, screening, aml, operatorListen, operators, security);
  }

  public NodeConfig withOperatorPort(int port) {
    return new NodeConfig(node, currency, centralBank, listen, store, calendar, participants, peers, fxProviders,
        decisionWindowSeconds, quoteValiditySeconds, screening, aml, new ListenConfig(operatorListen.host(), port), operators, security);
  }

  public NodeConfig withOperators(List<OperatorConfig> newOperators) {
    return new NodeConfig(node, currency, centralBank, listen, store, calendar, participants, peers, fxProviders,
        decisionWindowSeconds, quoteValiditySeconds, screening, aml, operatorListen, newOperators, security);
  }

  public NodeConfig withStore(String url) {
    return new NodeConfig(node, currency, centralBank, listen, new StoreConfig(url), calendar,
        participants, peers, fxProviders, decisionWindowSeconds, quoteValiditySeconds, screening, aml, operatorListen, operators, security);
  }

  public NodeConfig withPeers(List<PeerConfig> newPeers) {
    return new NodeConfig(node, currency, centralBank, listen, store, calendar,
        participants, newPeers, fxProviders, decisionWindowSeconds, quoteValiditySeconds, screening, aml, operatorListen, operators, security);
  }

}
