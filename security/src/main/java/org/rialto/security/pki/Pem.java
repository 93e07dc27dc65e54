package org.rialto.security.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM and PKCS#12 in and out, through the JDK and Bouncy Castle (no hand-written ASN.1). */
public final class Pem {
  /** A PKCS#12 file larger than this is not one we wrote. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  private Pem() {}

  public static String encode(Object certificateOrCrl) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(certificateOrCrl);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write PEM: " + e.getMessage(), e);
    }
    return out.toString();
  }

  public static X509Certificate certificate(byte[] pemOrDer) {
    requireSize(pemOrDer);
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pemOrDer));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
    }
  }

  public static X509CRL crl(byte[] pemOrDer) {
    requireSize(pemOrDer);
    try {
      return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(pemOrDer));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an X.509 CRL: " + e.getMessage(), e);
    }
  }

  /** A password-protected PKCS#12 (AES-256 and PBKDF2 in the JDK's default PKCS#12 profile). */
  public static byte[] pkcs12(String alias, PrivateKey key, X509Certificate[] chain, char[] password) {
    if (password.length < 12) {
      throw new IllegalArgumentException("a PKCS#12 password needs at least 12 characters");
    }
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(alias, key, password, chain);
      var out = new java.io.ByteArrayOutputStream();
      ks.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write PKCS#12: " + e.getMessage(), e);
    }
  }

  /** A private key and its chain from a PKCS#12 holding exactly one key. */
  public record KeyAndChain(PrivateKey key, X509Certificate[] chain) {}

  public static KeyAndChain readPkcs12(byte[] p12, char[] password) {
    requireSize(p12);
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(new ByteArrayInputStream(p12), password);
      var aliases = java.util.Collections.list(ks.aliases()).stream().filter(a -> {
        try {
          return ks.isKeyEntry(a);
        } catch (GeneralSecurityException e) {
          return false;
        }
      }).toList();
      if (aliases.size() != 1) {
        throw new IllegalArgumentException("PKCS#12 must hold exactly one key, holds " + aliases.size());
      }
      PrivateKey key = (PrivateKey) ks.getKey(aliases.get(0), password);
      Certificate[] chain = ks.getCertificateChain(aliases.get(0));
      return new KeyAndChain(key, Arrays.stream(chain).map(c -> (X509Certificate) c).toArray(X509Certificate[]::new));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot read PKCS#12 (wrong password or damaged file): " + e.getMessage(), e);
    }
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void requireSize(byte[] bytes) {
    if (bytes == null || bytes.length == 0 || bytes.length > MAX_FILE_BYTES) {
      throw new IllegalArgumentException("input must be 1.." + MAX_FILE_BYTES + " bytes");
    }
  }
}
