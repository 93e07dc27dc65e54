package org.rialto.node.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.rialto.node.config.NodeConfig;
import org.rialto.security.jws.DetachedJws;
import org.rialto.security.jws.Evidence;
import org.rialto.security.jws.JwsAlgorithm;
import org.rialto.security.jws.JwsException;
import org.rialto.security.pki.SigningKeys;
import org.rialto.security.jws.ReplayGuard;
import org.rialto.security.pki.CaDirectory;
import org.rialto.security.pki.CertificateVerifier;
import org.rialto.security.pki.Pem;
import org.rialto.security.pki.TrustAnchor;
import org.rialto.security.tls.TlsConfig;

/**
 * A node's machine identity and the checks every bank and peer message passes: the node's CA
 * (its participants), the pinned CAs of its peer nodes, the CRL (re-read when the CA folder's
 * crl.pem changes, so a revocation takes effect without a restart), the allowed signature
 * algorithms and the replay window.
 *
 * <p>Security time is the wall clock, never the node's business clock: certificates and
 * signatures are dated in real time, whatever day the ledger thinks it is.
 */
public final class NodeSecurity {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("rialto.security");

  public static final String SIGNATURE_HEADER = "X-JWS-Signature";
  /** Ids of one replay window; at 20,000 messages/s and a 300 s window this is 6M, the bound is 10M. */
  public static final int MAX_REPLAY_ENTRIES = 4_000_000;
  /** How often at most the CRL file's modification time is looked at. */
  static final long CRL_CHECK_MILLIS = 500;
  /**
   * Operators have their own listener, so nothing on the bank + peer listener is for a caller
   * without a certificate: one without fails the handshake itself, before any route is reached
   * (the gate still requires the certificate per route, so a mistake here cannot open a door).
   */
  public static final boolean NEED_CLIENT_AUTH = true;

  private final String nodeId;
  private final Path crlFile;
  private final Pem.KeyAndChain serverKey;
  private final CertificateVerifier verifier;
  private final Set<JwsAlgorithm> allowed;
  private final JwsAlgorithm ownAlgorithm;
  private final String ownKid;
  private final ReplayGuard replay;
  private final Duration window;
  private final Clock clock = Clock.systemUTC();
  private final Set<String> peers;
  private final Map<String, X509Certificate> peerCas;
  private volatile long crlCheckedAtMillis;
  private volatile long crlModifiedMillis;
  private final Map<String, java.net.URI> peerUrls;
  private final Duration peerCrlRefresh;
  private final Duration peerCrlMaxAge;
  /** Since when each peer's revocation status is current: its last fetched CRL, or the node's start. */
  private final java.util.concurrent.ConcurrentHashMap<String, Instant> peerCrlCurrentSince = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.ConcurrentHashMap<String, Long> peerCrlTriedMillis = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, org.rialto.node.client.PeerCrlClient> crlClients = new java.util.concurrent.ConcurrentHashMap<>();
  private java.util.concurrent.ScheduledExecutorService crlFetcher;
  /** On-demand fetches (a stale peer calling) at most this often per peer, so a flood cannot turn into one. */
  static final long ON_DEMAND_FETCH_MILLIS = 2_000;

  private NodeSecurity(String nodeId, Path crlFile, Pem.KeyAndChain serverKey, CertificateVerifier verifier,
      Set<JwsAlgorithm> allowed, Duration window, Map<String, X509Certificate> peerCas, Map<String, java.net.URI> peerUrls,
      Duration peerCrlRefresh, Duration peerCrlMaxAge) {
    this.peerUrls = Map.copyOf(peerUrls);
    this.peerCrlRefresh = peerCrlRefresh;
    this.peerCrlMaxAge = peerCrlMaxAge;
    this.nodeId = nodeId;
    this.crlFile = crlFile;
    this.serverKey = serverKey;
    this.verifier = verifier;
    this.allowed = allowed;
    this.window = window;
    this.peerCas = Map.copyOf(peerCas);
    this.peers = this.peerCas.keySet();
    this.ownAlgorithm = algorithmFor(serverKey.key());
    this.ownKid = serverKey.chain()[0].getSerialNumber().toString();
    this.replay = new ReplayGuard(window, MAX_REPLAY_ENTRIES);
    this.crlModifiedMillis = modifiedMillis(crlFile);
    Instant start = clock.instant();
    for (String peer : peers) peerCrlCurrentSince.put(peer, start);
  }

  /** Opens the node's CA folder and its peers' pinned CAs as the configuration names them. */
  public static NodeSecurity open(NodeConfig config) {
    NodeConfig.SecurityConfig s = config.security();
    if (s == null) {
      throw new IllegalStateException("security: required; every bank and peer link is mutual TLS with signed messages");
    }
    Path dir = Path.of(s.caDirectory());
    // The CA's own key stays out of the node: it needs the CA certificate, the CRL and its own key.
    CaDirectory.NodeMaterial ca = CaDirectory.nodeMaterial(dir);
    if (!ca.node().equals(config.node())) {
      throw new IllegalStateException("security.caDirectory " + dir + " is the CA of node " + ca.node() + ", not of " + config.node());
    }
    List<TrustAnchor> peerCas = new ArrayList<>();
    for (Map.Entry<String, String> e : s.peerCas().entrySet()) {
      X509Certificate cert;
      try {
        cert = Pem.certificate(Files.readAllBytes(Path.of(e.getValue())));
      } catch (IOException | RuntimeException ex) {
        throw new IllegalStateException("security.peerCas." + e.getKey() + ": cannot read the CA certificate " + e.getValue() + ": " + ex.getMessage(), ex);
      }
      peerCas.add(new TrustAnchor(e.getKey(), cert, false));
    }
    EnumSet<JwsAlgorithm> allowed = EnumSet.noneOf(JwsAlgorithm.class);
    for (String a : s.jwsAlgorithms()) {
      allowed.add(JwsAlgorithm.byJoseName(a).orElseThrow(() -> new IllegalStateException("security.jwsAlgorithms: unknown " + a)));
    }
    var urls = new java.util.HashMap<String, java.net.URI>();
    for (var p : config.peers()) {
      if (s.peerCas().containsKey(p.node())) urls.put(p.node(), java.net.URI.create(p.url()));
    }
    // Loads the native ES256 (its library and self-tests: a second or more on a loaded machine) now,
    // at start, rather than in the first bank's or peer's request.
    String es256 = JwsAlgorithm.es256Provider();
    org.slf4j.MDC.put(org.rialto.node.log.Logs.NODE, config.node());
    LOG.info("ES256 signatures by {}", es256);
    org.slf4j.MDC.remove(org.rialto.node.log.Logs.NODE);
    return new NodeSecurity(config.node(), dir.resolve("crl.pem"), ca.nodeKey(), ca.verifier(peerCas), Set.copyOf(allowed),
        Duration.ofSeconds(s.replayWindowSeconds()),
        peerCas.stream().collect(java.util.stream.Collectors.toMap(TrustAnchor::node, TrustAnchor::certificate)), urls,
        Duration.ofSeconds(s.peerCrlRefreshSeconds()), Duration.ofSeconds(s.peerCrlMaxAgeSeconds()));
  }

  /** The algorithm a key signs with: ES256 for P-256, EdDSA for Ed25519, PS256 for RSA. */
  public static JwsAlgorithm algorithmFor(PrivateKey key) {
    for (JwsAlgorithm a : JwsAlgorithm.values()) {
      if (a.fits(key)) return a;
    }
    throw new IllegalArgumentException("no JWS algorithm signs with a " + key.getAlgorithm() + " key");
  }

  public String nodeId() {
    return nodeId;
  }

  /** The node's TLS key and chain (node certificate, CA certificate); also for the operator listener. */
  public Pem.KeyAndChain serverKey() {
    return serverKey;
  }

  /** The pinned CA certificate of peer node {@code node}. */
  public X509Certificate peerCa(String node) {
    X509Certificate ca = peerCas.get(node);
    if (ca == null) throw new IllegalArgumentException("no pinned CA for peer " + node + " (security.peerCas)");
    return ca;
  }

  public Set<String> peers() {
    return peers;
  }

  /** TLS 1.3 server context; the trust manager judges client certificates with the verifier. */
  public SSLContext serverContext() {
    return TlsConfig.serverContext(serverKey, verifier, clock);
  }

  public Instant now() {
    return clock.instant();
  }

  /** Who presents {@code chain}, judged now (revocation and expiry included), or the precise refusal. */
  public CertificateVerifier.Verdict judge(X509Certificate[] chain) {
    refreshCrl();
    return verifier.verify(chain, clock.instant(), CertificateVerifier.Purpose.CLIENT);
  }

  /**
   * Verifies a message signed by the holder of {@code certificate} (the TLS peer's), refuses a
   * replay, and returns what is kept for non-repudiation. The signer is the TLS certificate's key
   * (kid = its serial), or a signing certificate carried in x5c (a GOST key the JDK's TLS cannot
   * use) that this node's verifier accepts now and that names the same identity as the TLS one.
   */
  public Evidence verify(String sender, X509Certificate certificate, String jws, byte[] body) {
    String serial = certificate.getSerialNumber().toString();
    Instant now = clock.instant();
    DetachedJws.Header h = DetachedJws.verify(jws, body, (kid, x5c) -> signerKey(certificate, serial, kid, x5c, now), allowed);
    replay.accept(sender, h.messageId(), h.issuedAt(), now);
    return Evidence.of(sender, h, jws, body, now);
  }

  private java.security.PublicKey signerKey(X509Certificate tls, String tlsSerial, String kid, X509Certificate x5c, Instant now) {
    if (x5c == null) {
      if (!kid.equals(tlsSerial)) {
        throw new JwsException(JwsException.Reason.UNKNOWN_SIGNER, "signed under kid " + kid + " but the TLS certificate is serial "
            + tlsSerial + ": sign with the key of the certificate you connect with, or carry your signing certificate in x5c");
      }
      return tls.getPublicKey();
    }
    if (!kid.equals(x5c.getSerialNumber().toString())) {
      throw new JwsException(JwsException.Reason.UNKNOWN_SIGNER, "kid " + kid + " is not the serial of the x5c certificate " + x5c.getSerialNumber());
    }
    var tlsIdentity = verifier.verify(new X509Certificate[] {tls}, now, CertificateVerifier.Purpose.CLIENT).identityOrThrow();
    return switch (verifier.verify(new X509Certificate[] {x5c}, now, CertificateVerifier.Purpose.SIGNING)) {
      case CertificateVerifier.Refused r -> throw new JwsException(JwsException.Reason.UNKNOWN_SIGNER,
          "the signing certificate in x5c is refused (" + r.reason() + "): " + r.message());
      case CertificateVerifier.Accepted a -> {
        if (!a.identity().equals(tlsIdentity)) {
          throw new JwsException(JwsException.Reason.UNKNOWN_SIGNER,
              "the signing certificate names " + a.identity() + " but the TLS certificate names " + tlsIdentity);
        }
        yield SigningKeys.publicKey(x5c);
      }
    };
  }

  /** Signs what the node sends. */
  public String sign(byte[] body) {
    return DetachedJws.sign(body, serverKey.key(), ownAlgorithm, ownKid, UUID.randomUUID().toString(), clock.instant());
  }

  /** The verifier the node's own TLS links use too (outgoing peer links judge the peer with the fetched CRLs). */
  public CertificateVerifier verifier() {
    return verifier;
  }

  /** This node's current CRL, DER, as its CA signed it: what GET /peer/v1/crl serves to peers. */
  public byte[] ownCrl() {
    refreshCrl();
    try {
      return Pem.crl(Files.readAllBytes(crlFile)).getEncoded();
    } catch (IOException | java.security.cert.CRLException e) {
      throw new IllegalStateException("cannot read this node's CRL " + crlFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Fail-closed on stale revocation: peer {@code peer}'s certificate (already accepted by the
   * verifier) stays accepted only while its CA's CRL was fetched within peerCrlMaxAgeSeconds (or
   * the node started that recently). When it is older, one fetch is tried now (at most every
   * {@link #ON_DEMAND_FETCH_MILLIS} per peer) and the certificate judged again with what it brought.
   *
   * @return the refusal, or null when the peer is acceptable
   */
  public CertificateVerifier.Refused peerRevocation(String peer, X509Certificate[] chain) {
    if (revocationCurrent(peer, clock.instant())) return null;
    long nowMillis = System.currentTimeMillis();
    Long tried = peerCrlTriedMillis.get(peer);
    if (tried == null || nowMillis - tried >= ON_DEMAND_FETCH_MILLIS) {
      fetchPeerCrl(peer);
    }
    if (!revocationCurrent(peer, clock.instant())) {
      return new CertificateVerifier.Refused(CertificateVerifier.Reason.REVOCATION_UNKNOWN,
          "the CRL of peer " + peer + " is current only until " + peerCrlCurrentSince.get(peer).plus(peerCrlMaxAge)
              + " (last fetched or node start + security.peerCrlMaxAgeSeconds " + peerCrlMaxAge.toSeconds()
              + ") and cannot be fetched now: refused until it can");
    }
    return verifier.verify(chain, clock.instant(), CertificateVerifier.Purpose.CLIENT) instanceof CertificateVerifier.Refused r ? r : null;
  }

  private boolean revocationCurrent(String peer, Instant now) {
    Instant since = peerCrlCurrentSince.get(peer);
    return since != null && !now.isAfter(since.plus(peerCrlMaxAge));
  }

  /** Fetches each peer's CRL every peerCrlRefreshSeconds, on one daemon thread, until {@link #close()}. */
  public synchronized void startPeerCrlFetcher() {
    if (crlFetcher != null || peerUrls.isEmpty()) return;
    crlFetcher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "rialto-peer-crl-" + nodeId);
      t.setDaemon(true);
      return t;
    });
    crlFetcher.scheduleWithFixedDelay(() -> {
      for (String peer : peerUrls.keySet()) fetchPeerCrl(peer);
    }, 0, peerCrlRefresh.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** One fetch of {@code peer}'s CRL; true when a CRL was installed. A failure is logged, never thrown. */
  public boolean fetchPeerCrl(String peer) {
    java.net.URI url = peerUrls.get(peer);
    if (url == null) return false;
    peerCrlTriedMillis.put(peer, System.currentTimeMillis());
    try {
      var client = crlClients.computeIfAbsent(peer, p -> new org.rialto.node.client.PeerCrlClient(url, p, verifier, serverKey));
      java.security.cert.X509CRL crl = client.fetch();
      X509Certificate ca = peerCas.get(peer);
      if (!crl.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
        throw new IllegalArgumentException("the CRL is issued by " + crl.getIssuerX500Principal().getName() + ", not by the pinned CA of " + peer);
      }
      verifier.installCrl(crl);
      peerCrlCurrentSince.put(peer, clock.instant());
      return true;
    } catch (RuntimeException e) {
      Instant since = peerCrlCurrentSince.get(peer);
      org.slf4j.MDC.put(org.rialto.node.log.Logs.NODE, nodeId);
      LOG.warn("cannot fetch the CRL of peer {} from {}{}: {}; revocation status current since {}, the peer is refused from {} unless a fetch succeeds",
          peer, url, PEER_CRL_PATH, e.getMessage(), since, since == null ? "now" : since.plus(peerCrlMaxAge));
      org.slf4j.MDC.remove(org.rialto.node.log.Logs.NODE);
      return false;
    }
  }

  public static final String PEER_CRL_PATH = org.rialto.node.client.PeerCrlClient.PATH;

  /** Stops the peer CRL fetcher and its links. */
  public synchronized void close() {
    if (crlFetcher != null) {
      crlFetcher.shutdownNow();
      crlFetcher = null;
    }
    crlClients.values().forEach(org.rialto.node.client.PeerCrlClient::close);
    crlClients.clear();
  }

  /**
   * Reloads the replay guard with the ids accepted inside the window before a restart, so a
   * message captured before the restart is refused after it too.
   */
  public int restoreReplayWindow(org.rialto.store.Store store) {
    Instant now = clock.instant();
    long fromMicros = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, now.minus(window));
    record Seen(String sender, String messageId, long signedMicros) {}
    List<Seen> seen = store.read(c -> {
      var out = new ArrayList<Seen>();
      try (var ps = c.prepareStatement("SELECT sender, message_id, signed_micros FROM security_evidence WHERE signed_micros >= ?")) {
        ps.setLong(1, fromMicros);
        try (var rs = ps.executeQuery()) {
          while (rs.next() && out.size() < MAX_REPLAY_ENTRIES) out.add(new Seen(rs.getString(1), rs.getString(2), rs.getLong(3)));
        }
      }
      return out;
    });
    int restored = 0;
    for (Seen s : seen) {
      Instant signedAt = Instant.EPOCH.plus(s.signedMicros(), java.time.temporal.ChronoUnit.MICROS);
      try {
        replay.accept(s.sender(), s.messageId(), signedAt, now);
        restored++;
      } catch (org.rialto.security.jws.JwsException e) {
        // Already outside the window or a repeat row: the window check refuses it anyway.
      }
    }
    return restored;
  }

  /** A revocation is a new crl.pem written by `rialto pki revoke`: install it when it changes. */
  private void refreshCrl() {
    long nowMillis = System.currentTimeMillis();
    if (nowMillis - crlCheckedAtMillis < CRL_CHECK_MILLIS) return;
    crlCheckedAtMillis = nowMillis;
    long modified = modifiedMillis(crlFile);
    if (modified == crlModifiedMillis) return;
    synchronized (this) {
      if (modified == crlModifiedMillis) return;
      try {
        verifier.installCrl(Pem.crl(Files.readAllBytes(crlFile)));
        crlModifiedMillis = modified;
      } catch (IOException | RuntimeException e) {
        // Keep the CRL held (an older file would be refused as older anyway); say why.
        LOG.warn("cannot install the CRL {}: {}", crlFile, e.getMessage());
        crlModifiedMillis = modified;
      }
    }
  }

  private static long modifiedMillis(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return -1;
    }
  }
}
