package org.rialto.node.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.rialto.node.security.NodeSecurity;
import org.rialto.security.jws.DetachedJws;
import org.rialto.security.jws.JwsAlgorithm;
import org.rialto.security.pki.CertificateVerifier;
import org.rialto.security.pki.Pem;
import org.rialto.security.pki.TrustAnchor;
import org.rialto.security.tls.TlsConfig;

/**
 * One mutually authenticated, signing HTTP link to a node: TLS 1.3 presenting {@code ownKey},
 * accepting only the named node's certificate from its pinned CA; every request body signed with
 * a detached JWS, every answer's signature verified with the node's TLS certificate key before
 * its body is handed back.
 */
final class SignedHttp implements AutoCloseable {
  static final long REQUEST_TIMEOUT_MILLIS = 40_000;
  /** Answers are read whole before they are verified; a node never sends more than this. */
  static final int MAX_ANSWER_BYTES = 64 << 20;

  private final URI base;
  private final Pem.KeyAndChain ownKey;
  private final Pem.KeyAndChain signingKey;
  private final JwsAlgorithm algorithm;
  private final String kid;
  /** The signing certificate, sent in x5c when it is not the TLS one. */
  private final X509Certificate x5c;
  private final Set<JwsAlgorithm> allowedAnswers;
  private final HttpClient client;
  private final long requestTimeoutMillis;
  private final Clock clock = Clock.systemUTC();

  SignedHttp(URI base, String serverNode, X509Certificate serverCa, Pem.KeyAndChain ownKey, Duration connectTimeout) {
    this(base, serverNode, serverCa, ownKey, null, connectTimeout);
  }

  /** @param signingKey signs messages instead of {@code ownKey} (a GOST key), or null */
  SignedHttp(URI base, String serverNode, X509Certificate serverCa, Pem.KeyAndChain ownKey, Pem.KeyAndChain signingKey,
      Duration connectTimeout) {
    this(base, serverNode, new CertificateVerifier(List.of(new TrustAnchor(serverNode, serverCa, false))), ownKey, signingKey,
        connectTimeout, REQUEST_TIMEOUT_MILLIS);
  }

  /**
   * @param verifier judges the server's certificate: a node's own verifier, so the peers' CRLs it
   *     fetched apply to the node's outgoing links too
   */
  SignedHttp(URI base, String serverNode, CertificateVerifier verifier, Pem.KeyAndChain ownKey, Pem.KeyAndChain signingKey,
      Duration connectTimeout, long requestTimeoutMillis) {
    if (!"https".equals(base.getScheme())) throw new IllegalArgumentException("a node is reached over https only, got " + base);
    if (signingKey != null && ownKey == null) throw new IllegalArgumentException("a signing key needs a TLS key beside it");
    this.base = URI.create(base.toString().replaceAll("/+$", ""));
    this.ownKey = ownKey;
    this.signingKey = signingKey == null ? ownKey : signingKey;
    this.x5c = signingKey == null ? null : signingKey.chain()[0];
    this.algorithm = this.signingKey == null ? null : NodeSecurity.algorithmFor(this.signingKey.key());
    this.kid = this.signingKey == null ? null : this.signingKey.chain()[0].getSerialNumber().toString();
    this.allowedAnswers = EnumSet.allOf(JwsAlgorithm.class);
    this.requestTimeoutMillis = requestTimeoutMillis;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .sslContext(ownKey == null
            ? TlsConfig.clientContextWithoutCertificate(verifier, clock, serverNode)
            : TlsConfig.clientContext(ownKey, verifier, clock, serverNode))
        .sslParameters(TlsConfig.clientParameters())
        .build();
  }

  boolean canSign() {
    return ownKey != null;
  }

  /** A signature over {@code body} with this link's key, under a fresh message id. */
  String sign(byte[] body) {
    if (ownKey == null) throw new IllegalStateException("this link has no certificate, so it cannot sign");
    return DetachedJws.sign(body, signingKey.key(), algorithm, kid, UUID.randomUUID().toString(), clock.instant(), x5c);
  }

  BankClient.Response send(String method, String path, byte[] body, String contentType) {
    return sendSigned(method, path, body, contentType, body == null || ownKey == null ? null : sign(body), java.util.Map.of());
  }

  /** A GET answered within {@code timeoutMillis} (the connect timeout still applies first), its answer verified. */
  BankClient.Response get(String path, long timeoutMillis) {
    return sendSigned("GET", path, null, null, null, java.util.Map.of(), timeoutMillis);
  }

  /** Sends with the given signature (or none): for tools that sign elsewhere, and for tests. */
  BankClient.Response sendSigned(String method, String path, byte[] body, String contentType, String jws,
      java.util.Map<String, String> headers) {
    return sendSigned(method, path, body, contentType, jws, headers, requestTimeoutMillis);
  }

  private BankClient.Response sendSigned(String method, String path, byte[] body, String contentType, String jws,
      java.util.Map<String, String> headers, long timeoutMillis) {
    if (headers.size() > 16) throw new IllegalArgumentException("at most 16 extra headers");
    if (timeoutMillis <= 0) throw new IllegalArgumentException("timeoutMillis " + timeoutMillis);
    var b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMillis(timeoutMillis));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      b.header("Content-Type", contentType);
    }
    if (jws != null) b.header(NodeSecurity.SIGNATURE_HEADER, jws);
    headers.forEach(b::header);
    HttpResponse<byte[]> r;
    try {
      r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new NodeLinkException("cannot reach " + base + path + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeLinkException("interrupted while calling " + base + path, e);
    }
    byte[] answer = r.body();
    if (answer.length > MAX_ANSWER_BYTES) throw new NodeLinkException("answer of " + answer.length + " bytes from " + base + path);
    String signature = r.headers().firstValue(NodeSecurity.SIGNATURE_HEADER).orElseThrow(() ->
        new NodeLinkException("the answer from " + base + path + " (HTTP " + r.statusCode() + ") is not signed"));
    X509Certificate server;
    try {
      var session = r.sslSession().orElseThrow(() -> new NodeLinkException("no TLS session on " + base));
      server = (X509Certificate) session.getPeerCertificates()[0];
    } catch (SSLPeerUnverifiedException e) {
      throw new NodeLinkException("the node at " + base + " presented no certificate", e);
    }
    var header = DetachedJws.verify(signature, answer, server.getPublicKey(), allowedAnswers);
    if (!header.kid().equals(server.getSerialNumber().toString())) {
      throw new NodeLinkException("the answer from " + base + " is signed under kid " + header.kid()
          + ", not by its TLS certificate " + server.getSerialNumber());
    }
    return new BankClient.Response(r.statusCode(), answer, r.headers().firstValue("Content-Type").orElse(""), signature);
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
