package org.rialto.node.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rialto.node.payment.PaymentState;

class MessageIndexTest {
  static final String HASH_A = "0123456789abcdef".repeat(4);
  static final String HASH_B = "0123456789abcdef".repeat(3) + "0123456789abcdee";

  static List<NodeEngine.Outcome> answer(Random random, int n) {
    var out = new ArrayList<NodeEngine.Outcome>(n);
    PaymentState[] states = {PaymentState.SETTLED, PaymentState.QUEUED, PaymentState.REJECTED, PaymentState.HELD};
    String[] reasons = {null, null, "AM04", "DUPL", "RR04"};
    for (int i = 0; i < n; i++) {
      out.add(new NodeEngine.Outcome(new UUID(random.nextLong(), random.nextLong()), states[random.nextInt(states.length)],
          reasons[random.nextInt(reasons.length)]));
    }
    return out;
  }

  @Test
  void givesBackEveryAnswerAcrossChunksAndSegmentGrowth() {
    var random = new Random(42);
    int messages = 2 * MessageIndex.MESSAGE_CHUNK + 77;
    var index = new MessageIndex(messages, 4L * MessageIndex.ANSWER_CHUNK);
    var answers = new ArrayList<List<NodeEngine.Outcome>>();
    for (int m = 0; m < messages; m++) {
      // Batches and single payments mixed, so answers cross the arena's chunk boundaries.
      var a = answer(random, m % 97 == 0 ? 100 : 1 + m % 3);
      answers.add(a);
      index.add("BANK" + (m % 20) + "XX", "MSG-" + m, m % 2 == 0 ? HASH_A : HASH_B, a);
    }
    assertThat(index.size()).isEqualTo(messages);
    int wrong = 0;
    for (int m = 0; m < messages; m++) {
      int found = index.find("BANK" + (m % 20) + "XX", "MSG-" + m);
      if (found < 0 || !index.outcomes(found).equals(answers.get(m))) wrong++;
      else if (!index.sameContent(found, m % 2 == 0 ? HASH_A : HASH_B) || index.sameContent(found, m % 2 == 0 ? HASH_B : HASH_A)) wrong++;
      // The same MsgId from another sender is another message.
      if (index.find("BANK" + ((m + 1) % 20) + "XX", "MSG-" + m) >= 0) wrong++;
    }
    assertThat(wrong).as("messages answered wrongly").isZero();
    assertThat(index.find("BANK0XX", "MSG-" + messages)).isEqualTo(-1);
    assertThat(index.find("NOSUCHBANK", "MSG-1")).isEqualTo(-1);
  }

  @Test
  void keepsMsgIdsExactlyLongOrShortAndAnyText() {
    var index = new MessageIndex(100, 1_000);
    var random = new Random(3);
    String longId = "x".repeat(MessageIndex.BYTES_CHUNK + 5);
    String[] ids = {"", "a", "ä-ü-ß", "\u0623\u0645\u064a\u0646", longId, longId + "y", "a\u0000b", "MSG 1", "MSG 1 "};
    var answers = new ArrayList<List<NodeEngine.Outcome>>();
    for (String id : ids) {
      var a = answer(random, 2);
      answers.add(a);
      index.add("BANKRUMM", id, HASH_A, a);
    }
    for (int i = 0; i < ids.length; i++) {
      int m = index.find("BANKRUMM", ids[i]);
      assertThat(m).as(ids[i].length() > 40 ? "long id" : ids[i]).isEqualTo(i);
      assertThat(index.outcomes(m)).isEqualTo(answers.get(i));
    }
    assertThat(index.find("BANKRUMM", "MSG 1  ")).isEqualTo(-1);
    assertThat(index.find("BANKRUMM", "x".repeat(MessageIndex.BYTES_CHUNK + 4))).isEqualTo(-1);
  }

  @Test
  void aMsgIdRecordedAgainAnswersWithTheLaterRecord() {
    var index = new MessageIndex(10, 100);
    var random = new Random(5);
    var first = answer(random, 3);
    var second = answer(random, 2);
    index.add("BANKRUMM", "M1", HASH_A, first);
    index.add("BANKRUMM", "M1", HASH_B, second);
    int m = index.find("BANKRUMM", "M1");
    assertThat(index.outcomes(m)).isEqualTo(second);
    assertThat(index.sameContent(m, HASH_B)).isTrue();
  }

  @Test
  void refusesPastItsBounds() {
    var index = new MessageIndex(2, 5);
    var random = new Random(9);
    assertThat(index.hasRoomFor(1, 5)).isTrue();
    assertThat(index.hasRoomFor(1, 6)).isFalse();
    assertThat(index.hasRoomFor(3, 1)).isFalse();
    index.add("B", "1", HASH_A, answer(random, 4));
    assertThat(index.hasRoomFor(1, 1)).isTrue();
    assertThat(index.hasRoomFor(1, 2)).isFalse();
    // The writer refuses messages before this, so reaching it is a bug that stops the node.
    assertThatThrownBy(() -> index.add("B", "2", HASH_A, answer(random, 2))).isInstanceOf(IllegalStateException.class);
    index.add("B", "2", HASH_A, answer(random, 1));
    assertThat(index.hasRoomFor(1, 0)).isFalse();
  }
}
