package org.rialto.security.pki;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.rialto.security.Crypto;

/**
 * The public key of a certificate, usable for signature checks. The JDK hands back an opaque key
 * for algorithms it does not implement (GOST R 34.10-2012); Bouncy Castle reads those.
 */
public final class SigningKeys {
  private SigningKeys() {}

  public static PublicKey publicKey(X509Certificate certificate) {
    PublicKey key = certificate.getPublicKey();
    String alg = key.getAlgorithm();
    if (alg.equals("EC") || alg.equals("EdDSA") || alg.equals("Ed25519") || alg.equals("RSA") || alg.equals("RSASSA-PSS")) {
      return key;
    }
    try {
      return new JcaPEMKeyConverter().setProvider(Crypto.bc()).getPublicKey(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    } catch (PEMException e) {
      throw new IllegalArgumentException("certificate " + certificate.getSerialNumber() + " carries a key of unsupported type " + alg, e);
    }
  }
}
