package org.rialto.node.client;

import java.net.URI;
import java.security.cert.X509CRL;
import java.time.Duration;
import org.rialto.security.pki.CertificateVerifier;
import org.rialto.security.pki.Pem;

/**
 * Fetches a peer node's CRL from its {@code GET /peer/v1/crl} over the same mutual TLS as the peer
 * link, the answer signed by the peer node. The CRL itself is signed by the peer's CA; whoever
 * installs it checks that signature against the pinned CA, so the link only has to be available.
 */
public final class PeerCrlClient implements AutoCloseable {
  public static final String PATH = "/peer/v1/crl";
  public static final String MEDIA_TYPE = "application/pkix-crl";
  /** A fetch that takes longer holds up the other peers' fetches; the next round tries again. */
  static final long TIMEOUT_MILLIS = 5_000;

  private final SignedHttp http;
  private final String peerNode;

  public PeerCrlClient(URI peerUrl, String peerNode, CertificateVerifier verifier, Pem.KeyAndChain nodeKey) {
    this.peerNode = peerNode;
    this.http = new SignedHttp(peerUrl, peerNode, verifier, nodeKey, null, Duration.ofMillis(TIMEOUT_MILLIS), TIMEOUT_MILLIS);
  }

  /** The peer's current CRL, parsed (not yet checked against the pinned CA). */
  public X509CRL fetch() {
    var r = http.sendSigned("GET", PATH, null, null, null, java.util.Map.of());
    if (r.status() != 200) {
      throw new NodeLinkException("peer " + peerNode + " answered " + PATH + " with HTTP " + r.status() + ": "
          + r.text().substring(0, Math.min(200, r.text().length())));
    }
    try {
      return Pem.crl(r.body());
    } catch (IllegalArgumentException e) {
      throw new NodeLinkException("peer " + peerNode + " sent something else than a CRL on " + PATH + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
