package org.rialto.node;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rialto.node.client.BankClient;
import org.rialto.node.config.NodeConfig;
import org.rialto.security.pki.CaDirectory;
import org.rialto.security.pki.Pem;

/**
 * Certificates for the tests, made as an operator makes them ({@code rialto pki init} and
 * {@code issue}), once per JVM: one CA per node id, one key per (node, bank). P-256 keys take a
 * millisecond, so this only saves the PKCS#12 round trips.
 */
public final class TestPki {
  static final char[] PASSWORD = "test-only-password".toCharArray();
  private static Path root;
  private static final Map<String, CaDirectory> CAS = new HashMap<>();
  private static final Map<String, Pem.KeyAndChain> KEYS = new HashMap<>();
  private static long files;

  private TestPki() {}

  static synchronized Path root() {
    if (root == null) {
      try {
        root = Files.createTempDirectory("rialto-test-pki");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return root;
  }

  /** The CA of {@code node}, made at first use (EC P-256). */
  static synchronized CaDirectory ca(String node) {
    return ca(node, org.rialto.security.pki.KeyAlgorithm.EC_P256);
  }

  /** The CA of {@code node} with CA and node keys of {@code algorithm}, made at first use. */
  static synchronized CaDirectory ca(String node, org.rialto.security.pki.KeyAlgorithm algorithm) {
    return CAS.computeIfAbsent(node, n -> CaDirectory.init(root().resolve("ca-" + n), n, List.of("localhost", "127.0.0.1"),
        Instant.now(), algorithm));
  }

  static Path caDir(String node) {
    return ca(node).dir();
  }

  static Path caPem(String node) {
    return caDir(node).resolve("ca.pem");
  }

  static X509Certificate caCertificate(String node) {
    return ca(node).ca().certificate();
  }

  /** A bank's key and certificate issued by {@code node}'s CA (cached). */
  static synchronized Pem.KeyAndChain bankKey(String node, String bic) {
    return KEYS.computeIfAbsent(node + "/" + bic, k -> issue(node, bic, 30, Instant.now()));
  }

  /** A fresh certificate, never cached: for tests that revoke or expire it. */
  static synchronized Pem.KeyAndChain issue(String node, String bic, int validityDays, Instant now) {
    Path out = root().resolve("bank-" + node + "-" + bic + "-" + (files++) + ".p12");
    ca(node).issueParticipant(bic, validityDays, now, PASSWORD, out);
    try {
      return Pem.readPkcs12(Files.readAllBytes(out), PASSWORD);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A bank's keys of {@code algorithm} (GOST: a P-256 TLS key and a GOST signing key), never cached. */
  static synchronized Pem.ParticipantKeys issue(String node, String bic, org.rialto.security.pki.KeyAlgorithm algorithm) {
    Path out = root().resolve("bank-" + node + "-" + bic + "-" + (files++) + ".p12");
    ca(node).issueParticipant(bic, algorithm, 30, Instant.now(), PASSWORD, out);
    try {
      return Pem.readParticipant(Files.readAllBytes(out), PASSWORD);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The security block of {@code node}'s configuration, pinning each peer's CA. */
  public static NodeConfig.SecurityConfig security(String node, String... peers) {
    var peerCas = new LinkedHashMap<String, String>();
    for (String p : peers) peerCas.put(p, caPem(p).toString());
    return new NodeConfig.SecurityConfig(caDir(node).toString(), peerCas, null, null, null, null, null);
  }

  /** The same as YAML, as an operator writes it. */
  public static String yaml(String node, List<String> peers) {
    var y = new StringBuilder("security:\n  caDirectory: '").append(caDir(node)).append("'\n");
    if (!peers.isEmpty()) {
      y.append("  peerCas:\n");
      for (String p : peers) y.append("    ").append(p).append(": '").append(caPem(p)).append("'\n");
    }
    return y.toString();
  }

  /**
   * What an operator's tools and browser do: trust the node CAs (all made by this class so far,
   * read at each handshake) with the JDK's own PKIX checks, host name included (node
   * certificates name localhost and 127.0.0.1). For clients of the operator listener.
   */
  public static javax.net.ssl.SSLContext operatorTrust() {
    var trust = new javax.net.ssl.X509ExtendedTrustManager() {
      javax.net.ssl.X509ExtendedTrustManager current() {
        try {
          var ks = java.security.KeyStore.getInstance("PKCS12");
          ks.load(null, null);
          synchronized (TestPki.class) {
            for (var e : CAS.entrySet()) ks.setCertificateEntry(e.getKey(), e.getValue().ca().certificate());
          }
          var tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
          tmf.init(ks);
          return (javax.net.ssl.X509ExtendedTrustManager) tmf.getTrustManagers()[0];
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) throws java.security.cert.CertificateException {
        current().checkServerTrusted(chain, authType, socket);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) throws java.security.cert.CertificateException {
        current().checkServerTrusted(chain, authType, engine);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
        current().checkServerTrusted(chain, authType);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) throws java.security.cert.CertificateException {
        throw new java.security.cert.CertificateException("a client context");
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) throws java.security.cert.CertificateException {
        throw new java.security.cert.CertificateException("a client context");
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
        throw new java.security.cert.CertificateException("a client context");
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return current().getAcceptedIssuers();
      }
    };
    try {
      var ctx = javax.net.ssl.SSLContext.getInstance("TLSv1.3");
      ctx.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
      return ctx;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An HTTPS client for the operator listener, trusting the node CAs ({@link #operatorTrust()}). */
  public static java.net.http.HttpClient.Builder operatorClient() {
    return java.net.http.HttpClient.newBuilder().sslContext(operatorTrust()).connectTimeout(java.time.Duration.ofSeconds(5));
  }

  /** Node {@code node}'s own TLS key and chain, as its CA folder holds it. */
  static Pem.KeyAndChain nodeKey(String node) {
    return ca(node).nodeKey();
  }

  /** A detached JWS by node {@code node} over {@code body}, as a node signs what it sends. */
  static String signAsNode(String node, byte[] body) {
    var key = nodeKey(node);
    return org.rialto.security.jws.DetachedJws.sign(body, key.key(), org.rialto.security.jws.JwsAlgorithm.ES256,
        key.chain()[0].getSerialNumber().toString(), java.util.UUID.randomUUID().toString(), Instant.now());
  }

  /**
   * A scripted peer node {@code node}: an HTTPS server with node {@code node}'s certificate that
   * accepts only node {@code caller}'s certificate (mutual TLS, TLS 1.3).
   */
  static com.sun.net.httpserver.HttpsServer peerServer(String node, String caller, int port) throws java.io.IOException {
    var verifier = ca(node).verifier(List.of(new org.rialto.security.pki.TrustAnchor(caller, caCertificate(caller), false)));
    var ctx = org.rialto.security.tls.TlsConfig.serverContext(nodeKey(node), verifier, java.time.Clock.systemUTC());
    var server = com.sun.net.httpserver.HttpsServer.create(new java.net.InetSocketAddress("127.0.0.1", port), 0);
    server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(ctx) {
      @Override
      public void configure(com.sun.net.httpserver.HttpsParameters params) {
        params.setSSLParameters(org.rialto.security.tls.TlsConfig.serverParameters());
      }
    });
    return server;
  }

  /** Node {@code from}'s signing mTLS link to node {@code to} listening on {@code port}. */
  static org.rialto.node.client.PeerClient peer(String from, String to, int port) {
    return new org.rialto.node.client.PeerClient(URI.create("https://127.0.0.1:" + port), to, caCertificate(to), nodeKey(from));
  }

  /** Bank {@code bic}'s signing mTLS client to {@code node} listening on {@code port}. */
  static BankClient bank(int port, String node, String bic) {
    return new BankClient(URI.create("https://127.0.0.1:" + port), node, caCertificate(node), bankKey(node, bic));
  }
}
