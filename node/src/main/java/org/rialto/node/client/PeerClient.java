package org.rialto.node.client;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.rialto.security.pki.Pem;

/**
 * This node's link to one peer node: mutual TLS with the node's own certificate, accepting only
 * the peer's node certificate from its pinned CA; every message signed, every answer verified.
 */
public final class PeerClient implements AutoCloseable {
  public static final String PATH = "/peer/v1/messages";
  private final SignedHttp http;

  /** Where a peer tells about one payment it took part in (see {@code PaymentHistoryApi}). */
  public static final String HISTORY_PATH = "/peer/v1/payments/";

  public PeerClient(URI peerUrl, String peerNode, X509Certificate pinnedPeerCa, Pem.KeyAndChain nodeKey) {
    this.http = new SignedHttp(peerUrl, peerNode, pinnedPeerCa, nodeKey, Duration.ofSeconds(5));
  }

  /** With its own connect timeout: a link that serves a person waiting gives up sooner than the dispatcher's. */
  public PeerClient(URI peerUrl, String peerNode, org.rialto.security.pki.CertificateVerifier verifier, Pem.KeyAndChain nodeKey,
      Duration connectTimeout) {
    this.http = new SignedHttp(peerUrl, peerNode, verifier, nodeKey, null, connectTimeout, SignedHttp.REQUEST_TIMEOUT_MILLIS);
  }

  /** The peer's history of one payment it took part in (JSON), answered within {@code timeoutMillis}, its signature verified. */
  public BankClient.Response history(java.util.UUID uetr, long timeoutMillis) {
    return http.get(HISTORY_PATH + uetr + "/history", timeoutMillis);
  }

  /**
   * With the node's own verifier: the peer's certificate is judged with the peer's CRL as this
   * node last fetched it, so a revoked peer is not sent to either.
   */
  public PeerClient(URI peerUrl, String peerNode, org.rialto.security.pki.CertificateVerifier verifier, Pem.KeyAndChain nodeKey) {
    this.http = new SignedHttp(peerUrl, peerNode, verifier, nodeKey, null, Duration.ofSeconds(5), SignedHttp.REQUEST_TIMEOUT_MILLIS);
  }

  /** Sends one signed message; returns the verified answer. */
  public BankClient.Response exchange(byte[] body, String contentType) {
    return http.send("POST", PATH, body, contentType);
  }

  /** As {@link #exchange} with a given signature: for tests of what a node refuses. */
  public BankClient.Response exchangeSigned(byte[] body, String contentType, String jws) {
    return http.sendSigned("POST", PATH, body, contentType, jws, java.util.Map.of());
  }

  @Override
  public void close() {
    http.close();
  }
}
