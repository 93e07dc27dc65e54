package org.rialto.security.pki;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** Who is on the other end of a link: a participant bank or a peer node. */
public sealed interface Identity {
  /** A bank of this node, named by its BIC. */
  record Participant(String bic) implements Identity {
    public Participant {
      Bic.require(bic);
    }
  }

  /** Another Rialto node, named as its operator named it at {@code rialto pki init}. */
  record PeerNode(String node) implements Identity {
    public PeerNode {
      NodeName.require(node);
    }
  }

  /**
   * The identity of a TLS peer. The handshake already ran the verifier, but a resumed TLS 1.3
   * session skips it, so revocation and expiry are checked again here on every request.
   *
   * @throws CertificateRefusedException with the precise reason when the peer is not acceptable
   */
  static Identity fromSession(SSLSession session, CertificateVerifier verifier, Instant now) {
    Certificate[] chain;
    try {
      chain = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      chain = new Certificate[0];
    }
    X509Certificate[] x509 =
        Arrays.stream(chain)
            .filter(c -> c instanceof X509Certificate)
            .map(c -> (X509Certificate) c)
            .toArray(X509Certificate[]::new);
    return fromChain(x509, verifier, now);
  }

  /**
   * The same from the chain a servlet container hands over (Jetty 11: request attribute
   * {@code jakarta.servlet.request.X509Certificate}, set by its {@code SecureRequestCustomizer}).
   */
  static Identity fromChain(X509Certificate[] chain, CertificateVerifier verifier, Instant now) {
    return verifier.verify(chain, now, CertificateVerifier.Purpose.CLIENT).identityOrThrow();
  }
}
