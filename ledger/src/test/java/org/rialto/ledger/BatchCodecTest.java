package org.rialto.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class BatchCodecTest {

  static List<LedgerEvent> sample() {
    List<LedgerEvent> events = new ArrayList<>();
    events.add(new LedgerEvent.CreateAccount(Id128.of(1), "RUB", 2, "BANKRUMM", AccountKind.SETTLEMENT,
        AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, 1_000_000));
    events.add(new LedgerEvent.CreateAccount(new Id128(-1, -1), "irr?", -7, "", AccountKind.SUSPENSE, -1, Long.MIN_VALUE));
    for (AccountKind kind : AccountKind.values()) {
      events.add(new LedgerEvent.CreateAccount(new Id128(kind.ordinal() + 1, 0), "ÄÖЖ\uD800", Integer.MAX_VALUE,
          "Банк Мелли \uDFFF", kind, 0, Long.MAX_VALUE));
    }
    events.add(LedgerEvent.CreateTransfer.posted(Id128.of(10), Id128.of(1), Id128.of(2), 12_345));
    events.add(new LedgerEvent.CreateTransfer(Id128.ZERO, Id128.ZERO, Id128.ZERO, 0, Id128.ZERO, Id128.ZERO, 0, 0));
    events.add(new LedgerEvent.CreateTransfer(new Id128(Long.MIN_VALUE, 1), new Id128(5, 6), new Id128(7, 8),
        Long.MIN_VALUE, new Id128(9, 10), new Id128(11, 12), Long.MIN_VALUE, Integer.MIN_VALUE));
    events.add(new LedgerEvent.CreateTransfer(new Id128(3, 0), Id128.ZERO, Id128.ZERO, Long.MAX_VALUE,
        Id128.of(4), Id128.ZERO, Long.MAX_VALUE, -1));
    events.add(new LedgerEvent.CreateTransfer(Id128.of(11), Id128.of(1), Id128.of(2), -1, Id128.ZERO,
        Id128.ZERO, -1, TransferFlags.PENDING | TransferFlags.LINKED));
    events.add(new LedgerEvent.ChangeCreditLimit(Id128.of(1), 0));
    events.add(new LedgerEvent.ChangeCreditLimit(Id128.ZERO, -5));
    events.add(new LedgerEvent.ChangeCreditLimit(new Id128(1, 0), Long.MIN_VALUE));
    return events;
  }

  @Test
  void roundTripsEveryKindOfEventExactly() {
    List<LedgerEvent> events = sample();
    byte[] bytes = BatchCodec.encode(123_456_789L, events);
    BatchCodec.DecodedBatch decoded = BatchCodec.decode(bytes);
    assertThat(decoded.timestampNanos()).isEqualTo(123_456_789L);
    assertThat(decoded.events()).isEqualTo(events);
    assertThat(BatchCodec.encode(decoded.timestampNanos(), decoded.events())).isEqualTo(bytes);
    assertThatThrownBy(() -> decoded.events().add(events.get(0))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void roundTripsEmptyAndFullBatches() {
    assertThat(BatchCodec.decode(BatchCodec.encode(-1, List.of()))).isEqualTo(new BatchCodec.DecodedBatch(-1, List.of()));
    Workload w = Workload.generate(3, 100, 10, 80, Ledger.MAX_BATCH_EVENTS);
    List<LedgerEvent> full = w.transfers().subList(100, 100 + Ledger.MAX_BATCH_EVENTS);
    byte[] bytes = BatchCodec.encode(1, full);
    assertThat(BatchCodec.decode(bytes).events()).isEqualTo(full);
    // Random 128-bit ids and a UETR in every transfer: about 60 bytes each, far below the 16-byte-field layout.
    assertThat(bytes.length / (double) full.size()).isLessThan(70);
    List<LedgerEvent> accounts = new ArrayList<>();
    for (int i = 0; i < Ledger.MAX_BATCH_EVENTS; i++) {
      accounts.add(new LedgerEvent.CreateAccount(new Id128(-1, -1 - i), "X".repeat(16), Integer.MIN_VALUE,
          "\uFFFF".repeat(64), AccountKind.CENTRAL_BANK_ISSUANCE, -1, Long.MIN_VALUE));
    }
    byte[] largest = BatchCodec.encode(Long.MAX_VALUE, accounts);
    assertThat(largest.length).isLessThanOrEqualTo(BatchCodec.MAX_ENCODED_BYTES);
    assertThat(BatchCodec.decode(largest).events()).isEqualTo(accounts);
  }

  @Test
  void encodeRejectsWhatCannotBeABatch() {
    List<LedgerEvent> tooMany = new ArrayList<>();
    for (int i = 0; i <= Ledger.MAX_BATCH_EVENTS; i++) {
      tooMany.add(new LedgerEvent.ChangeCreditLimit(Id128.of(1), 0));
    }
    assertThatThrownBy(() -> BatchCodec.encode(1, tooMany)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BatchCodec.encode(1, Arrays.asList((LedgerEvent) null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- malformed input ----

  /** Recomputes the checksum, so that the structural checks behind it are what is tested. */
  static byte[] seal(byte[] body) {
    byte[] out = Arrays.copyOf(body, body.length + 4);
    CRC32C crc = new CRC32C();
    crc.update(body, 0, body.length);
    ByteBuffer.wrap(out).putInt(body.length, (int) crc.getValue());
    return out;
  }

  static byte[] body(byte[] sealed) {
    return Arrays.copyOf(sealed, sealed.length - 4);
  }

  static void assertMalformed(byte[] bytes, String message) {
    assertThatThrownBy(() -> BatchCodec.decode(bytes)).isInstanceOf(BatchFormatException.class)
        .hasMessageContaining(message);
  }

  @Test
  void rejectsShortForeignAndCorruptBatches() {
    assertMalformed(new byte[0], "too short");
    assertMalformed(new byte[13], "too short");
    byte[] good = BatchCodec.encode(5, sample());
    byte[] wrongVersion = body(good);
    wrongVersion[0] = 2;
    assertMalformed(seal(wrongVersion), "unknown batch format 2");
    assertMalformed(new byte[BatchCodec.MAX_ENCODED_BYTES + 1], "exceeds");
    // Every single flipped bit is caught.
    for (int i = 0; i < good.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) (1 << bit);
        assertThatThrownBy(() -> BatchCodec.decode(bad)).isInstanceOf(BatchFormatException.class);
      }
    }
  }

  @Test
  void rejectsEveryTruncationAndTrailingBytes() {
    byte[] body = body(BatchCodec.encode(5, sample()));
    for (int length = 0; length < body.length; length++) {
      byte[] truncated = seal(Arrays.copyOf(body, length));
      assertThatThrownBy(() -> BatchCodec.decode(truncated)).isInstanceOf(BatchFormatException.class);
    }
    assertMalformed(seal(Arrays.copyOf(body, body.length + 1)), "trailing");
  }

  /** header: format, timestamp, then the count varint. */
  static byte[] batch(int count, int... eventBytes) {
    byte[] out = new byte[10 + eventBytes.length];
    out[0] = BatchCodec.FORMAT_VERSION;
    out[9] = (byte) count;
    for (int i = 0; i < eventBytes.length; i++) {
      out[10 + i] = (byte) eventBytes[i];
    }
    return seal(out);
  }

  @Test
  void rejectsStructuralErrors() {
    assertMalformed(batch(1, 9), "unknown event tag 9");
    assertMalformed(batch(1, 0), "unknown event tag 0");
    // A transfer with an unused mask bit.
    assertMalformed(batch(1, BatchCodec.TAG_TRANSFER, 0x20, 0x00), "unused transfer field bits");
    // A transfer whose amount is marked present but is zero.
    assertMalformed(batch(1, BatchCodec.TAG_TRANSFER, 0x04, 0x00, 0), "present is zero");
    // A transfer whose id word is marked present but is zero.
    assertMalformed(batch(1, BatchCodec.TAG_TRANSFER, 0x00, 0x02, 0, 0, 0, 0, 0, 0, 0, 0), "present is zero");
    // Amount 1 written in two bytes (0x81 0x00) is not the shortest form.
    assertMalformed(batch(1, BatchCodec.TAG_TRANSFER, 0x04, 0x00, 0x81, 0x00), "shortest form");
    // A varint running past 64 bits.
    assertMalformed(batch(1, BatchCodec.TAG_TRANSFER, 0x04, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F),
        "beyond 64 bits");
    // Flags wider than 32 bits.
    assertMalformed(batch(1, BatchCodec.TAG_TRANSFER, 0x10, 0x00, 0x80, 0x80, 0x80, 0x80, 0x10), "beyond 32 bits");
    // An account: id mask with unused bits; a currency too long; an unknown kind.
    assertMalformed(batch(1, BatchCodec.TAG_ACCOUNT, 0x04), "unused id mask bits");
    assertMalformed(batch(1, BatchCodec.TAG_ACCOUNT, 0x00, 17), "currency of 17 characters");
    assertMalformed(batch(1, BatchCodec.TAG_ACCOUNT, 0x00, 0, 0, 65), "participant of 65 characters");
    assertMalformed(batch(1, BatchCodec.TAG_ACCOUNT, 0x00, 0, 0, 0, 5, 0, 0), "unknown account kind code 5");
    assertMalformed(batch(1, BatchCodec.TAG_ACCOUNT, 0x00, 0, 0, 0, -1, 0, 0), "unknown account kind code -1");
    // Minor units beyond an int (zigzag of 2^31).
    assertMalformed(batch(1, BatchCodec.TAG_ACCOUNT, 0x00, 0, 0x80, 0x80, 0x80, 0x80, 0x10, 0, 0, 0, 0), "minor units");
    // More events announced than present; more than a batch may hold.
    assertMalformed(batch(2, BatchCodec.TAG_CREDIT_LIMIT, 0x00, 0), "truncated");
    byte[] huge = body(batch(0));
    huge = Arrays.copyOf(huge, 11);
    huge[9] = (byte) 0xFF;
    huge[10] = (byte) 0x7F;
    assertMalformed(seal(huge), "exceeds " + Ledger.MAX_BATCH_EVENTS);
    // And the minimal valid ones decode.
    assertThat(BatchCodec.decode(batch(1, BatchCodec.TAG_CREDIT_LIMIT, 0x00, 0)).events())
        .containsExactly(new LedgerEvent.ChangeCreditLimit(Id128.ZERO, 0));
    assertThat(BatchCodec.decode(batch(1, BatchCodec.TAG_TRANSFER, 0x00, 0x00)).events())
        .containsExactly(new LedgerEvent.CreateTransfer(Id128.ZERO, Id128.ZERO, Id128.ZERO, 0, Id128.ZERO, Id128.ZERO, 0, 0));
  }

  /**
   * Random corruption behind a valid checksum: decoding either fails cleanly or yields a batch
   * that encodes back to exactly the same bytes (one encoding per batch: never garbage).
   */
  @Test
  void randomCorruptionNeverDecodesToADifferentBatch() {
    SplittableRandom random = new SplittableRandom(77);
    byte[] body = body(BatchCodec.encode(5, sample()));
    int decoded = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] mutated = body.clone();
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int kind = random.nextInt(3);
        int at = random.nextInt(mutated.length);
        if (kind == 0) {
          mutated[at] = (byte) random.nextInt(256);
        } else if (kind == 1) {
          mutated = concat(Arrays.copyOf(mutated, at), Arrays.copyOfRange(mutated, Math.min(mutated.length, at + 1 + random.nextInt(4)), mutated.length));
        } else {
          byte[] insert = new byte[1 + random.nextInt(3)];
          random.nextBytes(insert);
          mutated = concat(concat(Arrays.copyOf(mutated, at), insert), Arrays.copyOfRange(mutated, at, mutated.length));
        }
      }
      byte[] sealed = seal(mutated);
      BatchCodec.DecodedBatch batch;
      try {
        batch = BatchCodec.decode(sealed);
      } catch (BatchFormatException expected) {
        continue;
      }
      decoded++;
      assertThat(BatchCodec.encode(batch.timestampNanos(), batch.events())).isEqualTo(sealed);
    }
    assertThat(decoded).isGreaterThan(100); // some mutations (e.g. inside an id) are valid batches
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
