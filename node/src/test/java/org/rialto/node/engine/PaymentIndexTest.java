package org.rialto.node.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rialto.node.payment.CrossBorder;
import org.rialto.node.payment.PaymentState;

class PaymentIndexTest {
  static final String HASH_A = "0123456789abcdef".repeat(4);
  static final String HASH_B = "0123456789abcdef".repeat(3) + "0123456789abcdee";

  @Test
  void keepsEveryRowKeyAcrossChunksAndSegmentGrowthAndRefusesAUetrTwice() {
    var random = new Random(42);
    int n = 3 * PaymentIndex.CHUNK_SIZE + 123;
    var index = new PaymentIndex(n);
    var keys = new HashMap<UUID, Long>();
    for (int i = 0; i < n; i++) {
      var uetr = new UUID(random.nextLong(), random.nextLong());
      long key = index.keyFor(uetr);
      if (keys.put(uetr, key) != null) throw new AssertionError("seeded UETRs repeat");
      // Asking again for a payment's key gives the same one, never a second entry.
      if (i % 7 == 0 && index.keyFor(uetr) != key) throw new AssertionError("second key for " + uetr);
    }
    assertThat(index.size()).isEqualTo(n);
    assertThat(new HashSet<>(keys.values())).as("keys are distinct").hasSize(n);
    // Plain checks in the loops, one assertion on their count: an assertion per entry is slow.
    int wrong = 0;
    for (var e : keys.entrySet()) if (index.rowOf(e.getKey()).orElse(-1) != e.getValue()) wrong++;
    assertThat(wrong).as("entries with a wrong row key").isZero();
    var unknown = new Random(7);
    for (int i = 0; i < 10_000; i++) if (index.rowOf(new UUID(unknown.nextLong(), unknown.nextLong())).isPresent()) wrong++;
    assertThat(wrong).as("unknown UETRs found").isZero();
    // Full: the writer refuses payments before this, so reaching it is a bug that stops the node.
    assertThatThrownBy(() -> index.keyFor(UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
    var first = keys.keySet().iterator().next();
    assertThatThrownBy(() -> index.restore(first, 999_999_999L)).hasMessageContaining("stored twice");
  }

  @Test
  void theCommittersKeyLookUpHandsOutAKeyOnceAndKeepsUnsettledOnesAtHand() {
    var index = new PaymentIndex(100);
    var restored = UUID.randomUUID();
    index.restore(restored, 7);
    var sent = UUID.randomUUID();
    // A new payment: a new key, told apart by its sign, and the index has it at once.
    long first = index.committedKeyOrNew(sent);
    assertThat(first).isEqualTo(-8);
    assertThat(index.rowOf(sent)).hasValue(8);
    assertThat(index.committedKeyOrNew(sent)).isEqualTo(8);
    // Written while not final: kept at hand; written final: dropped from it, still in the index.
    index.written(sent, 8, PaymentState.RECEIVED);
    assertThat(index.committedKeyOrNew(sent)).isEqualTo(8);
    index.written(sent, 8, PaymentState.SETTLED);
    assertThat(index.committedKeyOrNew(sent)).isEqualTo(8);
    // A payment the committer never wrote in this run (loaded at start) is found in the index.
    assertThat(index.committedKeyOrNew(restored)).isEqualTo(7);
    assertThat(index.size()).isEqualTo(2);
    assertThatThrownBy(() -> index.written(sent, 0, PaymentState.RECEIVED)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void uetrsSharingAHalfOrASegmentAreStillDistinct() {
    var index = new PaymentIndex(10_000);
    for (int i = 0; i < 3_000; i++) {
      index.restore(new UUID(5, i), 2L * i + 1);
      index.restore(new UUID(i + 10_000, 5), 2L * i + 2);
    }
    for (int i = 0; i < 3_000; i++) {
      if (index.rowOf(new UUID(5, i)).getAsLong() != 2L * i + 1 || index.rowOf(new UUID(i + 10_000, 5)).getAsLong() != 2L * i + 2) {
        throw new AssertionError("wrong row for payment " + i);
      }
    }
    assertThat(index.rowOf(new UUID(5, 3_000))).isEmpty();
    // After a restore the next key handed out is past every restored one.
    assertThat(index.keyFor(UUID.randomUUID())).isEqualTo(6_001);
  }

  @Test
  void compactRecordsKeepWhatTheWriterNeedsAndOnlyFinalStates() {
    var random = new Random(4);
    var index = new PaymentIndex(200_000);
    var states = new PaymentState[] {PaymentState.SETTLED, PaymentState.REJECTED, PaymentState.RETURNED};
    Map<UUID, PaymentState> expected = new HashMap<>();
    for (int i = 0; i < 150_000; i++) {
      var uetr = new UUID(random.nextLong(), random.nextLong());
      index.keyFor(uetr);
      if (i % 3 == 0) continue; // still live: no compact record
      var state = states[i % states.length];
      index.compact(uetr, state, state == PaymentState.REJECTED ? "AM0" + (i % 10) : null, i + 1L, "SENDER" + (i % 50),
          "DEBTOR" + (i % 50), "CREDITR" + (i % 40), i % 2 == 0 ? HASH_A : "peer:RU-" + i);
      expected.put(uetr, state);
    }
    assertThat(index.compactedCount()).isEqualTo(expected.size());
    int[] seen = {0};
    index.forEachCompacted(c -> {
      seen[0]++;
      long i = c.amountMinor() - 1;
      boolean ok = c.state() == expected.get(c.uetr()) && c.state().isFinal()
          && index.rowOf(c.uetr()).getAsLong() == c.rowKey()
          && java.util.Objects.equals(c.reasonCode(), c.state() == PaymentState.REJECTED ? "AM0" + (i % 10) : null)
          && c.senderBic().equals("SENDER" + (i % 50)) && c.debtorBic().equals("DEBTOR" + (i % 50))
          && c.creditorBic().equals("CREDITR" + (i % 40))
          && (i % 2 == 0
              ? c.sameContent(HASH_A) && !c.sameContent(HASH_B)
              : c.sameContent("peer:RU-" + i) && !c.sameContent("peer:RU-" + (i + 1)));
      if (!ok) throw new AssertionError("compact record of " + c.uetr() + " (payment " + i + "): " + c);
    });
    assertThat(seen[0]).isEqualTo(expected.size());
    assertThat(index.compactedCount(PaymentState.SETTLED) + index.compactedCount(PaymentState.REJECTED)
        + index.compactedCount(PaymentState.RETURNED)).isEqualTo(expected.size());

    var live = UUID.randomUUID();
    index.keyFor(live);
    assertThat(index.compacted(live)).as("a live entry has no compact record").isNull();
    assertThatThrownBy(() -> index.compact(live, PaymentState.QUEUED, null, 1, "S", "D", "C", HASH_A))
        .hasMessageContaining("compacted while QUEUED");
    assertThatThrownBy(() -> index.compact(UUID.randomUUID(), PaymentState.SETTLED, null, 1, "S", "D", "C", HASH_A))
        .hasMessageContaining("before its row was written");
    // Settled then returned is the one change a compact record may see.
    index.compact(live, PaymentState.SETTLED, null, 1, "S", "D", "C", HASH_A);
    index.compact(live, PaymentState.RETURNED, "AC04", 1, "S", "D", "C", HASH_A);
    assertThat(index.compacted(live).state()).isEqualTo(PaymentState.RETURNED);
    assertThat(index.compacted(live).reasonCode()).isEqualTo("AC04");
    assertThatThrownBy(() -> index.compact(live, PaymentState.SETTLED, null, 1, "S", "D", "C", HASH_A))
        .hasMessageContaining("RETURNED then as SETTLED");
  }

  @Test
  void compactRecordsKeepACrossBorderSideAndItsPeerThroughAReturn() {
    var index = new PaymentIndex(1_000);
    var domestic = UUID.randomUUID();
    var outgoing = UUID.randomUUID();
    var incoming = UUID.randomUUID();
    for (var u : new UUID[] {domestic, outgoing, incoming}) index.keyFor(u);
    index.compact(domestic, PaymentState.SETTLED, null, 5, "S", "D", "C", HASH_A);
    index.compact(outgoing, PaymentState.REJECTED, "AM04", 5, "S", "D", "FXP", HASH_A, CrossBorder.Role.OUTGOING, "IR-NODE");
    index.compact(incoming, PaymentState.SETTLED, null, 7, "peer", "D", "C", HASH_B, CrossBorder.Role.INCOMING, "RU-NODE");
    assertThat(index.compacted(domestic).crossBorderRole()).isNull();
    assertThat(index.compacted(domestic).peerNode()).isNull();
    assertThat(index.compacted(outgoing).crossBorderRole()).isEqualTo(CrossBorder.Role.OUTGOING);
    assertThat(index.compacted(outgoing).peerNode()).isEqualTo("IR-NODE");
    assertThat(index.compacted(incoming).crossBorderRole()).isEqualTo(CrossBorder.Role.INCOMING);
    assertThat(index.compacted(incoming).peerNode()).isEqualTo("RU-NODE");
    // Returned after the writer took back only its payment record: the side stays.
    index.compact(incoming, PaymentState.RETURNED, "AC04", 7, "peer", "D", "C", HASH_B);
    assertThat(index.compacted(incoming).state()).isEqualTo(PaymentState.RETURNED);
    assertThat(index.compacted(incoming).crossBorderRole()).isEqualTo(CrossBorder.Role.INCOMING);
    assertThat(index.compacted(incoming).peerNode()).isEqualTo("RU-NODE");
    assertThatThrownBy(() -> index.compact(outgoing, PaymentState.SETTLED, null, 5, "S", "D", "FXP", HASH_A, CrossBorder.Role.OUTGOING, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contentDigestsTellHexHashesAndOtherTextsApart() {
    assertThat(PaymentIndex.digest(HASH_A)).isEqualTo(PaymentIndex.digest(HASH_A));
    assertThat(PaymentIndex.digest(HASH_A)).isNotEqualTo(PaymentIndex.digest(HASH_B));
    assertThat(PaymentIndex.digest(HASH_A.toUpperCase())).isNotEqualTo(PaymentIndex.digest(HASH_A));
    assertThat(PaymentIndex.digest("peer:RU-TEST")).isNotEqualTo(PaymentIndex.digest("peer:RU-TESU"));
  }
}
