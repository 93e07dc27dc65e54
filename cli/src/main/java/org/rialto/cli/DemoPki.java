package org.rialto.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.rialto.node.client.BankClient;
import org.rialto.security.Crypto;
import org.rialto.security.pki.CaDirectory;
import org.rialto.security.pki.CertificateVerifier;
import org.rialto.security.pki.Pem;
import org.rialto.security.pki.TrustAnchor;
import org.rialto.security.tls.TlsConfig;

/**
 * The certificates a demo or a bench makes at its start, as operators would with
 * {@code rialto pki init} and {@code rialto pki issue}: one CA per node (in {@code <dir>/<NODE>-ca}),
 * one key and certificate per bank and node (PKCS#12 under a random password kept beside it).
 */
final class DemoPki {
  private final Path dir;
  private final char[] password = Crypto.base64Url(Crypto.randomBytes(18)).toCharArray();
  private final Map<String, CaDirectory> cas = new HashMap<>();
  private final Map<String, Pem.KeyAndChain> keys = new HashMap<>();
  private final Map<String, SSLContext> contexts = new HashMap<>();
  private int issued;

  DemoPki(Path dir) {
    this.dir = dir;
    try {
      // The banks' PKCS#12 files share this password; the file is the operator's, like the CA folders.
      Path file = dir.resolve("bank-keys.password");
      Files.writeString(file, new String(password) + "\n");
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("cannot write the bank key password in " + dir + ": " + e.getMessage(), e);
    }
  }

  synchronized CaDirectory ca(String node) {
    return cas.computeIfAbsent(node, n -> CaDirectory.init(dir.resolve(n + "-ca"), n, List.of("localhost", "127.0.0.1"), Instant.now()));
  }

  X509Certificate caCertificate(String node) {
    return ca(node).ca().certificate();
  }

  /** Bank {@code bic}'s key and certificate from node {@code node}'s CA, issued at first use. */
  synchronized Pem.KeyAndChain bank(String node, String bic) {
    return keys.computeIfAbsent(node + "/" + bic, k -> {
      Path p12 = dir.resolve(node + "-ca").resolve("bank-" + bic + "-" + (issued++) + ".p12");
      ca(node).issueParticipant(bic, 30, Instant.now(), password, p12);
      try {
        return Pem.readPkcs12(Files.readAllBytes(p12), password);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** TLS 1.3 client context for bank {@code bic} calling node {@code node} (cached). */
  synchronized SSLContext bankContext(String node, String bic) {
    return contexts.computeIfAbsent(node + "/" + bic, k -> TlsConfig.clientContext(bank(node, bic),
        new CertificateVerifier(List.of(new TrustAnchor(node, caCertificate(node), false))), Clock.systemUTC(), node));
  }

  BankClient client(String node, int port, String bic) {
    return new BankClient(java.net.URI.create("https://127.0.0.1:" + port), node, caCertificate(node), bank(node, bic));
  }

  /**
   * What an operator's machine does to reach the consoles: trust the node CAs made so far, with the
   * JDK's own PKIX checks, host name included (the node certificates name 127.0.0.1).
   */
  synchronized SSLContext operatorTrust() {
    try {
      var ks = java.security.KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (var e : cas.entrySet()) ks.setCertificateEntry(e.getKey(), e.getValue().ca().certificate());
      var tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLSv1.3");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (java.security.GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the operators' trust store: " + e.getMessage(), e);
    }
  }

  /** The {@code security:} block of {@code node}'s YAML, pinning each peer's CA. */
  String yaml(String node, List<String> peers) {
    var y = new StringBuilder("security:\n  caDirectory: '").append(ca(node).dir().toAbsolutePath()).append("'\n");
    if (!peers.isEmpty()) {
      y.append("  peerCas:\n");
      for (String p : peers) {
        y.append("    ").append(p).append(": '").append(ca(p).dir().resolve("ca.pem").toAbsolutePath()).append("'\n");
      }
    }
    return y.toString();
  }
}
