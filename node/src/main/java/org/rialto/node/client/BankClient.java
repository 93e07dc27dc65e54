package org.rialto.node.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.rialto.security.pki.Pem;

/**
 * A bank's connection to its node: mutual TLS with the bank's certificate (issued by the node's
 * CA), every message signed with that certificate's key (detached JWS, RFC 7797), every answer's
 * signature checked against the node's certificate before it is returned. Thread-safe.
 *
 * <pre>{@code
 * try (var bank = BankClient.open(URI.create("https://127.0.0.1:8181"), "RU-NODE", nodeCaPem, p12, password)) {
 *   var r = bank.post("/v1/payments", json);
 * }
 * }</pre>
 */
public final class BankClient implements AutoCloseable {
  /** An answer whose signature was verified; {@code jws} is kept for non-repudiation. */
  public record Response(int status, byte[] body, String contentType, String jws) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final SignedHttp http;

  public BankClient(URI node, String nodeId, X509Certificate nodeCa, Pem.KeyAndChain bankKey) {
    // Generous: the connect includes the TLS 1.3 handshake, which a loaded node answers late.
    this.http = new SignedHttp(node, nodeId, nodeCa, bankKey, Duration.ofSeconds(15));
  }

  /**
   * A bank whose messages are signed with another key than its TLS key: a GOST R 34.10-2012
   * signing certificate from the same CA (the JDK's TLS has no GOST), sent in the JWS x5c.
   */
  public BankClient(URI node, String nodeId, X509Certificate nodeCa, Pem.ParticipantKeys keys) {
    this.http = new SignedHttp(node, nodeId, nodeCa, keys.tls(), keys.signing(), Duration.ofSeconds(15));
  }

  /**
   * A client without a certificate that still checks the node's certificate and the answers'
   * signatures: for operators' tools, and to see the bank API refuse it.
   */
  public static BankClient withoutCertificate(URI node, String nodeId, X509Certificate nodeCa) {
    return new BankClient(node, nodeId, nodeCa, (Pem.KeyAndChain) null);
  }

  /** From files as `rialto pki` writes them: the node's ca.pem and the bank's PKCS#12. */
  public static BankClient open(URI node, String nodeId, Path nodeCaPem, Path bankP12, char[] password) {
    try {
      return new BankClient(node, nodeId, Pem.certificate(Files.readAllBytes(nodeCaPem)),
          Pem.readParticipant(Files.readAllBytes(bankP12), password));
    } catch (java.io.IOException e) {
      throw new NodeLinkException("cannot read the bank's key or the node's CA: " + e.getMessage(), e);
    }
  }

  public Response post(String path, byte[] body, String contentType) {
    return http.send("POST", path, body, contentType);
  }

  public Response post(String path, String json) {
    return post(path, json.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  public Response put(String path, String json) {
    return http.send("PUT", path, json.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  public Response get(String path) {
    return http.send("GET", path, null, null);
  }

  /** A detached JWS over {@code body} with this bank's key, under a fresh message id. */
  public String sign(byte[] body) {
    return http.sign(body);
  }

  /**
   * Sends {@code body} with the given signature ({@code null}: none) as is: for tools that sign
   * elsewhere (an HSM), and for tests of what the node refuses. The answer is still verified.
   */
  public Response sendSigned(String method, String path, byte[] body, String contentType, String jws) {
    return http.sendSigned(method, path, body, contentType, jws, java.util.Map.of());
  }

  /** As {@link #post(String, String)} with extra headers (an operator's name on /v1/admin/*, for instance). */
  public Response send(String method, String path, String json, java.util.Map<String, String> headers) {
    byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    return http.sendSigned(method, path, body, body == null ? null : "application/json",
        body == null || !http.canSign() ? null : http.sign(body), headers);
  }

  @Override
  public void close() {
    http.close();
  }
}
