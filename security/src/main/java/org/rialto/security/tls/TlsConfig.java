package org.rialto.security.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.rialto.security.pki.CertificateVerifier;
import org.rialto.security.pki.Identity;
import org.rialto.security.pki.Pem;

/**
 * TLS 1.3 with mutual authentication for the bank API and the peer API. Certificates are judged by
 * {@link CertificateVerifier} (pinned CAs, CRL, expiry, key usage, identity), not by the JDK's
 * default PKIX trust, so refusals carry the verifier's precise reason into the handshake alert and
 * the logs.
 *
 * <p>Wiring: an {@code SSLContext} alone does not force client certificates or the protocol; the
 * server must also apply {@link #serverParameters()} (Jetty: {@code setNeedClientAuth(true)},
 * {@code setIncludeProtocols("TLSv1.3")}, {@code setSslContext(ctx)}).
 */
public final class TlsConfig {
  public static final String PROTOCOL = "TLSv1.3";

  private TlsConfig() {}

  /** The server side: presents the node's certificate, demands and judges a client certificate. */
  public static SSLContext serverContext(Pem.KeyAndChain nodeKey, CertificateVerifier verifier, Clock clock) {
    return context(nodeKey, new VerifierTrustManager(verifier, clock, null));
  }

  /**
   * The client side (a node calling a peer, or a bank calling its node): presents {@code ownKey}
   * and accepts only a server certificate that identifies node {@code expectedServerNode}, pinned
   * in {@code verifier}. This replaces host-name checking: the peer is named, not its DNS name.
   */
  public static SSLContext clientContext(
      Pem.KeyAndChain ownKey, CertificateVerifier verifier, Clock clock, String expectedServerNode) {
    Objects.requireNonNull(expectedServerNode, "expectedServerNode");
    return context(ownKey, new VerifierTrustManager(verifier, clock, new Identity.PeerNode(expectedServerNode)));
  }

  /**
   * A client without a certificate that still accepts only node {@code expectedServerNode}'s
   * pinned certificate: for operators' tools on the operator listener, and to test that the bank
   * and peer API refuses a client without a certificate.
   */
  public static SSLContext clientContextWithoutCertificate(CertificateVerifier verifier, Clock clock, String expectedServerNode) {
    Objects.requireNonNull(expectedServerNode, "expectedServerNode");
    try {
      SSLContext ctx = SSLContext.getInstance(PROTOCOL);
      ctx.init(null, new TrustManager[] {new VerifierTrustManager(verifier, clock, new Identity.PeerNode(expectedServerNode))}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
    }
  }

  /** TLS 1.3 only, client certificate required. Apply to every server socket/engine. */
  public static SSLParameters serverParameters() {
    SSLParameters p = new SSLParameters();
    p.setProtocols(new String[] {PROTOCOL});
    p.setNeedClientAuth(true);
    return p;
  }

  /** TLS 1.3 only, for client sockets. */
  public static SSLParameters clientParameters() {
    SSLParameters p = new SSLParameters();
    p.setProtocols(new String[] {PROTOCOL});
    return p;
  }

  private static SSLContext context(Pem.KeyAndChain key, X509ExtendedTrustManager trust) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      // The in-memory key store needs a password for the entry; it never leaves this method.
      char[] password = "in-memory-only".toCharArray();
      ks.setKeyEntry("self", key.key(), password, key.chain());
      KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
      kmf.init(ks, password);
      SSLContext ctx = SSLContext.getInstance(PROTOCOL);
      ctx.init(kmf.getKeyManagers(), new TrustManager[] {trust}, null);
      return ctx;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
    }
  }

  /** Delegates every decision to the verifier. */
  static final class VerifierTrustManager extends X509ExtendedTrustManager {
    private final CertificateVerifier verifier;
    private final Clock clock;
    private final Identity expectedServer;

    VerifierTrustManager(CertificateVerifier verifier, Clock clock, Identity expectedServer) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      this.clock = Objects.requireNonNull(clock, "clock");
      this.expectedServer = expectedServer;
    }

    private void checkClient(X509Certificate[] chain) throws CertificateException {
      if (expectedServer != null) {
        throw new CertificateException("this context is a TLS client; it does not accept clients");
      }
      judge(chain, CertificateVerifier.Purpose.CLIENT);
    }

    private void checkServer(X509Certificate[] chain) throws CertificateException {
      if (expectedServer == null) {
        throw new CertificateException("this context is a TLS server; it does not judge servers");
      }
      Identity who = judge(chain, CertificateVerifier.Purpose.SERVER);
      if (!who.equals(expectedServer)) {
        throw new CertificateException("server is " + who + ", expected " + expectedServer);
      }
    }

    private Identity judge(X509Certificate[] chain, CertificateVerifier.Purpose purpose) throws CertificateException {
      CertificateVerifier.Verdict v = verifier.verify(chain, clock.instant(), purpose);
      return switch (v) {
        case CertificateVerifier.Accepted a -> a.identity();
        case CertificateVerifier.Refused r -> throw new CertificateException(r.reason() + ": " + r.message());
      };
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      checkClient(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      checkClient(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      checkClient(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      checkServer(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      checkServer(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      checkServer(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return verifier.anchors().stream().map(a -> a.certificate()).toArray(X509Certificate[]::new);
    }
  }
}
