package org.rialto.node.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import org.rialto.ledger.Id128;

/**
 * Ledger ids derived from business ids, so that a retry after a crash produces the same ledger
 * event (and the ledger answers EXISTS instead of moving money twice).
 *
 * <p>A payment's main transfer id is its UETR. Further legs of the same payment replace the UUID
 * version nibble (4 in every valid UETR) with another value: they can never collide with any
 * payment's main transfer, nor with each other.
 */
public final class TransferIds {
  /** Leg tags: the version nibble the derived id carries. */
  public static final int LSM_CREDIT_LEG = 0x8;
  public static final int RETURN = 0x9;
  public static final int LIQUIDITY = 0xA;
  public static final int LEG_ONE_POST = 0xB;
  public static final int LEG_ONE_VOID = 0xC;

  private TransferIds() {}

  public static Id128 payment(UUID uetr) {
    return Id128.fromUuid(uetr);
  }

  public static Id128 leg(UUID uetr, int tag) {
    if (tag < 0x5 || tag > 0xF) throw new IllegalArgumentException("tag must not be a UUID v1-4 version");
    long high = (uetr.getMostSignificantBits() & ~0xF000L) | ((long) tag << 12);
    return new Id128(high, uetr.getLeastSignificantBits());
  }

  /** A settlement account's id: stable across restarts, one per (currency, participant). */
  public static Id128 account(String currency, String bic, String kind) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest((currency + ":" + bic + ":" + kind).getBytes(StandardCharsets.UTF_8));
      long high = 0, low = 0;
      for (int i = 0; i < 8; i++) high = (high << 8) | (d[i] & 0xFF);
      for (int i = 8; i < 16; i++) low = (low << 8) | (d[i] & 0xFF);
      if (high == 0 && low == 0) low = 1;
      return new Id128(high, low);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A UUID derived from text, for operator actions that must be idempotent (opening balances). */
  public static UUID nameUuid(String text) {
    return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
