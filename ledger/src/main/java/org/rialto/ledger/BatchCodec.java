package org.rialto.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The journal's binary form of one batch: its timestamp and its events, exactly as they were
 * applied, so that replaying the journal rebuilds the same ledger with the same results.
 *
 * <pre>
 * batch    = format(1 byte, = 1) timestamp(8, big-endian) count(varint) event* crc32c(4, big-endian)
 * event    = tag(1) body
 * transfer = tag 1, mask(2, big-endian) then, for each mask bit set, in bit order:
 *            bits 0..9  id.high id.low debit.high debit.low credit.high credit.low
 *                       pendingId.high pendingId.low userData.high userData.low   (8 bytes each)
 *            bit 10 amountMinor (varint)  bit 11 timeoutSeconds (varint)  bit 12 flags (varint)
 * account  = tag 2, mask(1: bit 0 id.high, bit 1 id.low), id words, currency(string),
 *            minorUnits(zigzag varint), participant(string), kind(1), flags(varint),
 *            creditLimitMinor(zigzag varint)
 * limit    = tag 3, mask(1), accountId words, creditLimitMinor(zigzag varint)
 * string   = length in UTF-16 units (1 byte) then 2 bytes per unit (any Java string round-trips)
 * varint   = unsigned LEB128, shortest form
 * </pre>
 *
 * A mask bit is set exactly when the field is not zero, so zero ids (most pending ids, user data)
 * cost nothing and every batch has exactly one encoding. Decoding is strict: any deviation (wrong
 * format byte, checksum, truncation, trailing bytes, unknown tag or kind, unused mask bits, a
 * present-but-zero field, an overlong varint, an oversized string or batch) throws
 * {@link BatchFormatException} naming the offset; it never yields a different batch.
 */
public final class BatchCodec {
  public static final byte FORMAT_VERSION = 1;

  static final byte TAG_TRANSFER = 1;
  static final byte TAG_ACCOUNT = 2;
  static final byte TAG_CREDIT_LIMIT = 3;

  private static final int HEADER_BYTES = 1 + 8 + 5;
  private static final int CHECKSUM_BYTES = 4;
  private static final int MAX_TRANSFER_BYTES = 1 + 2 + 10 * 8 + 10 + 10 + 10;
  private static final int MAX_ACCOUNT_BYTES =
      1 + 1 + 16 + (1 + 2 * LedgerEvent.MAX_CURRENCY_CHARS) + 10 + (1 + 2 * LedgerEvent.MAX_PARTICIPANT_CHARS) + 1 + 10 + 10;
  private static final int MAX_CREDIT_LIMIT_BYTES = 1 + 1 + 16 + 10;
  /** No valid batch is longer: bounds what decode will even look at. */
  public static final int MAX_ENCODED_BYTES =
      HEADER_BYTES + Ledger.MAX_BATCH_EVENTS * Math.max(MAX_ACCOUNT_BYTES, MAX_TRANSFER_BYTES) + CHECKSUM_BYTES;

  private static final int TRANSFER_MASK_BITS = (1 << 13) - 1;
  private static final int ID_MASK_BITS = 0b11;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private static final AccountKind[] KINDS_BY_CODE = {
    AccountKind.SETTLEMENT,
    AccountKind.FX_PROVIDER,
    AccountKind.CENTRAL_BANK_ISSUANCE,
    AccountKind.FEES,
    AccountKind.SUSPENSE
  };

  /** A decoded batch: what {@link Ledger#apply} was given. */
  public record DecodedBatch(long timestampNanos, List<LedgerEvent> events) {}

  private BatchCodec() {}

  /**
   * Encodes a batch.
   *
   * @throws IllegalArgumentException for more than {@link Ledger#MAX_BATCH_EVENTS} events or a
   *     null event
   */
  public static byte[] encode(long timestampNanos, List<? extends LedgerEvent> events) {
    Objects.requireNonNull(events, "events");
    int count = events.size();
    if (count > Ledger.MAX_BATCH_EVENTS) {
      throw new IllegalArgumentException(
          "batch of " + count + " events exceeds MAX_BATCH_EVENTS=" + Ledger.MAX_BATCH_EVENTS);
    }
    int bound = HEADER_BYTES + CHECKSUM_BYTES;
    for (int i = 0; i < count; i++) {
      LedgerEvent event = events.get(i);
      if (event == null) {
        throw new IllegalArgumentException("event " + i + " is null");
      }
      bound += switch (event) {
        case LedgerEvent.CreateTransfer t -> MAX_TRANSFER_BYTES;
        case LedgerEvent.CreateAccount a -> MAX_ACCOUNT_BYTES;
        case LedgerEvent.ChangeCreditLimit c -> MAX_CREDIT_LIMIT_BYTES;
      };
    }
    byte[] out = new byte[bound];
    out[0] = FORMAT_VERSION;
    LONGS.set(out, 1, timestampNanos);
    int p = writeVarint(out, 9, count);
    for (int i = 0; i < count; i++) {
      p = switch (events.get(i)) {
        case LedgerEvent.CreateTransfer t -> writeTransfer(out, p, t);
        case LedgerEvent.CreateAccount a -> writeAccount(out, p, a);
        case LedgerEvent.ChangeCreditLimit c -> writeCreditLimit(out, p, c);
      };
    }
    CRC32C crc = new CRC32C();
    crc.update(out, 0, p);
    INTS.set(out, p, (int) crc.getValue());
    return Arrays.copyOf(out, p + CHECKSUM_BYTES);
  }

  private static int writeTransfer(byte[] out, int p, LedgerEvent.CreateTransfer t) {
    Id128 id = t.id();
    Id128 debit = t.debitAccountId();
    Id128 credit = t.creditAccountId();
    Id128 pending = t.pendingId();
    Id128 userData = t.userData();
    long amount = t.amountMinor();
    long timeout = t.timeoutSeconds();
    int flags = t.flags();
    int mask = bit(id.high(), 0) | bit(id.low(), 1)
        | bit(debit.high(), 2) | bit(debit.low(), 3)
        | bit(credit.high(), 4) | bit(credit.low(), 5)
        | bit(pending.high(), 6) | bit(pending.low(), 7)
        | bit(userData.high(), 8) | bit(userData.low(), 9)
        | bit(amount, 10) | bit(timeout, 11) | bit(flags, 12);
    out[p++] = TAG_TRANSFER;
    out[p++] = (byte) (mask >>> 8);
    out[p++] = (byte) mask;
    p = putWord(out, p, id.high());
    p = putWord(out, p, id.low());
    p = putWord(out, p, debit.high());
    p = putWord(out, p, debit.low());
    p = putWord(out, p, credit.high());
    p = putWord(out, p, credit.low());
    p = putWord(out, p, pending.high());
    p = putWord(out, p, pending.low());
    p = putWord(out, p, userData.high());
    p = putWord(out, p, userData.low());
    if (amount != 0) {
      p = writeVarint(out, p, amount);
    }
    if (timeout != 0) {
      p = writeVarint(out, p, timeout);
    }
    if (flags != 0) {
      p = writeVarint(out, p, Integer.toUnsignedLong(flags));
    }
    return p;
  }

  private static int bit(long value, int position) {
    return value != 0 ? 1 << position : 0;
  }

  /** Writes a word only when it is not zero: its mask bit says whether it is there. */
  private static int putWord(byte[] out, int p, long value) {
    if (value == 0) {
      return p;
    }
    LONGS.set(out, p, value);
    return p + 8;
  }

  private static int writeAccount(byte[] out, int p, LedgerEvent.CreateAccount a) {
    out[p++] = TAG_ACCOUNT;
    p = writeId(out, p, a.id());
    p = writeString(out, p, a.currency());
    p = writeVarint(out, p, zigzag(a.minorUnits()));
    p = writeString(out, p, a.participant());
    out[p++] = kindCode(a.kind());
    p = writeVarint(out, p, Integer.toUnsignedLong(a.flags()));
    return writeVarint(out, p, zigzag(a.creditLimitMinor()));
  }

  private static int writeCreditLimit(byte[] out, int p, LedgerEvent.ChangeCreditLimit c) {
    out[p++] = TAG_CREDIT_LIMIT;
    p = writeId(out, p, c.accountId());
    return writeVarint(out, p, zigzag(c.creditLimitMinor()));
  }

  private static int writeId(byte[] out, int p, Id128 id) {
    out[p++] = (byte) (bit(id.high(), 0) | bit(id.low(), 1));
    p = putWord(out, p, id.high());
    return putWord(out, p, id.low());
  }

  private static int writeString(byte[] out, int p, String s) {
    int length = s.length();
    if (length > 255) {
      throw new IllegalStateException("string longer than 255 units reached the codec");
    }
    out[p++] = (byte) length;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      out[p++] = (byte) (c >>> 8);
      out[p++] = (byte) c;
    }
    return p;
  }

  private static int writeVarint(byte[] out, int p, long value) {
    while ((value & ~0x7FL) != 0) {
      out[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[p++] = (byte) value;
    return p;
  }

  private static long zigzag(long value) {
    return (value << 1) ^ (value >> 63);
  }

  private static long unzigzag(long value) {
    return (value >>> 1) ^ -(value & 1);
  }

  private static byte kindCode(AccountKind kind) {
    for (int i = 0; i < KINDS_BY_CODE.length; i++) {
      if (KINDS_BY_CODE[i] == kind) {
        return (byte) i;
      }
    }
    throw new IllegalStateException("account kind without a journal code: " + kind);
  }

  // =====================================================================================
  // Decoding.
  // =====================================================================================

  /**
   * Decodes what {@link #encode} produced.
   *
   * @throws BatchFormatException if the bytes are not exactly one well-formed batch
   */
  public static DecodedBatch decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > MAX_ENCODED_BYTES) {
      throw new BatchFormatException("batch of " + bytes.length + " bytes exceeds " + MAX_ENCODED_BYTES, 0);
    }
    if (bytes.length < 1 + 8 + 1 + CHECKSUM_BYTES) {
      throw new BatchFormatException("batch of " + bytes.length + " bytes is too short", 0);
    }
    if (bytes[0] != FORMAT_VERSION) {
      throw new BatchFormatException("unknown batch format " + bytes[0] + " (this build reads " + FORMAT_VERSION + ")", 0);
    }
    int end = bytes.length - CHECKSUM_BYTES;
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, end);
    int stored = (int) INTS.get(bytes, end);
    if (stored != (int) crc.getValue()) {
      throw new BatchFormatException("checksum mismatch: the batch is corrupt", end);
    }
    Reader r = new Reader(bytes, end);
    r.position = 1;
    long timestampNanos = r.fixedLong();
    long count = r.varint();
    if (count > Ledger.MAX_BATCH_EVENTS) {
      throw new BatchFormatException("event count " + count + " exceeds " + Ledger.MAX_BATCH_EVENTS, 9);
    }
    LedgerEvent[] events = new LedgerEvent[(int) count];
    for (int i = 0; i < count; i++) {
      int start = r.position;
      byte tag = r.fixedByte();
      events[i] = switch (tag) {
        case TAG_TRANSFER -> readTransfer(r);
        case TAG_ACCOUNT -> readAccount(r);
        case TAG_CREDIT_LIMIT -> readCreditLimit(r);
        default -> throw new BatchFormatException("unknown event tag " + tag + " (event " + i + ")", start);
      };
    }
    if (r.position != end) {
      throw new BatchFormatException((end - r.position) + " trailing bytes after the last event", r.position);
    }
    return new DecodedBatch(timestampNanos, Collections.unmodifiableList(Arrays.asList(events)));
  }

  private static LedgerEvent.CreateTransfer readTransfer(Reader r) {
    int maskAt = r.position;
    int mask = ((r.fixedByte() & 0xFF) << 8) | (r.fixedByte() & 0xFF);
    if ((mask & ~TRANSFER_MASK_BITS) != 0) {
      throw new BatchFormatException("unused transfer field bits set: " + Integer.toBinaryString(mask), maskAt);
    }
    Id128 id = r.id(mask, 0);
    Id128 debit = r.id(mask, 2);
    Id128 credit = r.id(mask, 4);
    Id128 pending = r.id(mask, 6);
    Id128 userData = r.id(mask, 8);
    long amount = (mask & (1 << 10)) != 0 ? r.presentVarint() : 0;
    long timeout = (mask & (1 << 11)) != 0 ? r.presentVarint() : 0;
    int flags = 0;
    if ((mask & (1 << 12)) != 0) {
      int at = r.position;
      long value = r.presentVarint();
      if (value >>> 32 != 0) {
        throw new BatchFormatException("transfer flags beyond 32 bits", at);
      }
      flags = (int) value;
    }
    return new LedgerEvent.CreateTransfer(id, debit, credit, amount, pending, userData, timeout, flags);
  }

  private static LedgerEvent.CreateAccount readAccount(Reader r) {
    Id128 id = r.id();
    String currency = r.string(LedgerEvent.MAX_CURRENCY_CHARS, "currency");
    int minorUnitsAt = r.position;
    long minorUnits = unzigzag(r.varint());
    if (minorUnits != (int) minorUnits) {
      throw new BatchFormatException("minor units beyond 32 bits", minorUnitsAt);
    }
    String participant = r.string(LedgerEvent.MAX_PARTICIPANT_CHARS, "participant");
    int kindAt = r.position;
    int kindCode = r.fixedByte();
    if (kindCode < 0 || kindCode >= KINDS_BY_CODE.length) {
      throw new BatchFormatException("unknown account kind code " + kindCode, kindAt);
    }
    int flagsAt = r.position;
    long flags = r.varint();
    if (flags >>> 32 != 0) {
      throw new BatchFormatException("account flags beyond 32 bits", flagsAt);
    }
    long creditLimit = unzigzag(r.varint());
    return new LedgerEvent.CreateAccount(
        id, currency, (int) minorUnits, participant, KINDS_BY_CODE[kindCode], (int) flags, creditLimit);
  }

  private static LedgerEvent.ChangeCreditLimit readCreditLimit(Reader r) {
    Id128 id = r.id();
    return new LedgerEvent.ChangeCreditLimit(id, unzigzag(r.varint()));
  }

  private static Id128 id(long high, long low) {
    return (high | low) == 0 ? Id128.ZERO : new Id128(high, low);
  }

  /** A bounds-checked cursor: every read fails cleanly at the end of the events. */
  private static final class Reader {
    private final byte[] bytes;
    private final int end;
    int position;

    Reader(byte[] bytes, int end) {
      this.bytes = bytes;
      this.end = end;
    }

    private void need(int n, String what) {
      if (end - position < n) {
        throw new BatchFormatException("truncated batch: " + what + " needs " + n + " bytes", position);
      }
    }

    byte fixedByte() {
      need(1, "a byte");
      return bytes[position++];
    }

    long fixedLong() {
      need(8, "a 64-bit word");
      long value = (long) LONGS.get(bytes, position);
      position += 8;
      return value;
    }

    long presentLong() {
      int at = position;
      long value = fixedLong();
      if (value == 0) {
        throw new BatchFormatException("field marked present is zero", at);
      }
      return value;
    }

    long varint() {
      int start = position;
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        need(1, "a varint");
        byte b = bytes[position++];
        if (shift == 63 && (b & 0xFE) != 0) {
          throw new BatchFormatException("varint beyond 64 bits", start);
        }
        value |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          if (b == 0 && shift > 0) {
            throw new BatchFormatException("varint not in shortest form", start);
          }
          return value;
        }
      }
      throw new BatchFormatException("varint longer than 10 bytes", start);
    }

    long presentVarint() {
      int at = position;
      long value = varint();
      if (value == 0) {
        throw new BatchFormatException("field marked present is zero", at);
      }
      return value;
    }

    Id128 id() {
      int at = position;
      int mask = fixedByte();
      if ((mask & ~ID_MASK_BITS) != 0) {
        throw new BatchFormatException("unused id mask bits set", at);
      }
      return id(mask, 0);
    }

    /** An id whose high and low words are present when mask bits {@code bit} and {@code bit + 1} are set. */
    Id128 id(int mask, int bit) {
      long high = (mask & (1 << bit)) != 0 ? presentLong() : 0;
      long low = (mask & (2 << bit)) != 0 ? presentLong() : 0;
      return BatchCodec.id(high, low);
    }

    String string(int maxChars, String what) {
      int at = position;
      int length = fixedByte() & 0xFF;
      if (length > maxChars) {
        throw new BatchFormatException(what + " of " + length + " characters exceeds " + maxChars, at);
      }
      need(2 * length, what);
      char[] chars = new char[length];
      for (int i = 0; i < length; i++) {
        chars[i] = (char) (((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF));
        position += 2;
      }
      return new String(chars);
    }
  }
}
