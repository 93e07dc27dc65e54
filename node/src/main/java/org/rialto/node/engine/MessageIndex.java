package org.rialto.node.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rialto.node.payment.PaymentState;

/**
 * Every payment message the node has answered, by sender and MsgId, with its content digest and
 * the answer it was given (each payment's UETR, state and reason code at the end of its turn):
 * idempotency forever (same MsgId, same content: the original answer; other content: DUPL).
 *
 * <p>Why primitives: the answers were a map entry, a key string, a record, a list and, per
 * payment, an {@code Outcome} and its {@code UUID}, about two objects and 56 bytes per payment
 * kept for the node's life, which every young collection copied once more before they reached
 * the old generation. Here a message is one slot in chunks of parallel arrays, its MsgId a few
 * bytes in a byte arena, each payment's answer 20 bytes in chunks of the answer arena: nothing
 * per payment or per message for the collector to trace or copy more than once.
 *
 * <p>Writer-only (and the loader before the writer starts): no lock.
 */
final class MessageIndex {
  static final int MESSAGE_CHUNK_BITS = 14;
  static final int MESSAGE_CHUNK = 1 << MESSAGE_CHUNK_BITS;
  static final int ANSWER_CHUNK_BITS = 16;
  static final int ANSWER_CHUNK = 1 << ANSWER_CHUNK_BITS;
  /** MsgIds (UTF-8) are packed into byte chunks of this size; a longer one gets a chunk of its own. */
  static final int BYTES_CHUNK = 1 << 18;
  private static final int SEGMENT_BITS = 10;
  private static final int SEGMENTS = 1 << SEGMENT_BITS;
  private static final int FIRST_SEGMENT_SLOTS = 8;
  static final int MAX_CODES = 1 << 20;
  private static final PaymentState[] STATES = PaymentState.values();
  /** Random per index, so a sender cannot choose MsgIds that all land in one hash chain. */
  private final long seed = new java.security.SecureRandom().nextLong() | 1;

  private final int maxMessages;
  private final long maxAnswers;
  // Message fields, by message number (order of answer).
  private final int[][] senderCode;
  /** Where the MsgId's bytes are: byte chunk number in the high 32 bits, offset in the low. */
  private final long[][] msgIdAt;
  private final int[][] msgIdLength;
  private final long[][] digestHigh;
  private final long[][] digestLow;
  private final long[][] firstAnswer;
  private final int[][] answerCount;
  // The answer arena: each payment's answer, by answer number.
  private final long[][] uetrHigh;
  private final long[][] uetrLow;
  /** Low 3 bits: state ordinal + 1; above: reason code + 1 (0 = none). */
  private final int[][] stateReason;
  private final List<byte[]> bytes = new ArrayList<>();
  private int bytesUsed = BYTES_CHUNK;
  /** Per segment: message number + 1 per slot (0 = empty), linear probing, load at most 1/2. */
  private final int[][] segments = new int[SEGMENTS][];
  private final int[] segmentCounts = new int[SEGMENTS];
  private int size;
  private long answers;
  private final Map<String, Integer> codeOf = new HashMap<>();
  private final List<String> codes = new ArrayList<>();

  MessageIndex(int maxMessages, long maxAnswers) {
    if (maxMessages < 1 || maxAnswers < 1) throw new IllegalArgumentException("maxMessages " + maxMessages + ", maxAnswers " + maxAnswers);
    this.maxMessages = maxMessages;
    this.maxAnswers = maxAnswers;
    int chunks = (int) ((maxMessages + (long) MESSAGE_CHUNK - 1) >>> MESSAGE_CHUNK_BITS);
    senderCode = new int[chunks][];
    msgIdAt = new long[chunks][];
    msgIdLength = new int[chunks][];
    digestHigh = new long[chunks][];
    digestLow = new long[chunks][];
    firstAnswer = new long[chunks][];
    answerCount = new int[chunks][];
    int answerChunks = Math.toIntExact((maxAnswers + ANSWER_CHUNK - 1) >>> ANSWER_CHUNK_BITS);
    uetrHigh = new long[answerChunks][];
    uetrLow = new long[answerChunks][];
    stateReason = new int[answerChunks][];
    for (int i = 0; i < SEGMENTS; i++) segments[i] = new int[FIRST_SEGMENT_SLOTS];
  }

  /** Messages answered. */
  int size() {
    return size;
  }

  /** Whether {@code messages} more messages with {@code payments} payments in all can still be recorded. */
  boolean hasRoomFor(int messages, long payments) {
    return (long) size + messages <= maxMessages && answers + payments <= maxAnswers;
  }

  /** The message number of the sender's MsgId, or -1 when it was never answered. */
  int find(String senderBic, String msgId) {
    Integer sender = codeOf.get(senderBic);
    if (sender == null) return -1;
    byte[] id = msgId.getBytes(StandardCharsets.UTF_8);
    return find(sender, id, hash(sender, id));
  }

  /** Whether a message with this content hash is the one answered as message {@code m}. */
  boolean sameContent(int m, String contentHash) {
    long[] d = PaymentIndex.digest(contentHash);
    int c = m >>> MESSAGE_CHUNK_BITS;
    int i = m & (MESSAGE_CHUNK - 1);
    return digestHigh[c][i] == d[0] && digestLow[c][i] == d[1];
  }

  /** The answer message {@code m} was given, payment by payment, in the message's order. */
  List<NodeEngine.Outcome> outcomes(int m) {
    int c = m >>> MESSAGE_CHUNK_BITS;
    int i = m & (MESSAGE_CHUNK - 1);
    long first = firstAnswer[c][i];
    int n = answerCount[c][i];
    var out = new ArrayList<NodeEngine.Outcome>(n);
    for (long a = first; a < first + n; a++) {
      int ac = (int) (a >>> ANSWER_CHUNK_BITS);
      int ai = (int) (a & (ANSWER_CHUNK - 1));
      int sr = stateReason[ac][ai];
      int reason = sr >>> 3;
      out.add(new NodeEngine.Outcome(new UUID(uetrHigh[ac][ai], uetrLow[ac][ai]), STATES[(sr & 7) - 1],
          reason == 0 ? null : codes.get(reason - 1)));
    }
    return out;
  }

  /**
   * Records a message's answer. A MsgId recorded again (two messages with one MsgId in the same
   * turn, or a reload) now answers with the later record, as a map's put did.
   */
  void add(String senderBic, String msgId, String contentHash, List<NodeEngine.Outcome> outcomes) {
    if (size >= maxMessages || answers + outcomes.size() > maxAnswers) {
      // The writer refuses messages before this (Turn.submit): reaching it is a bug.
      throw new IllegalStateException("message index full (" + size + " messages, " + answers + " answers)");
    }
    int sender = code(senderBic);
    byte[] id = msgId.getBytes(StandardCharsets.UTF_8);
    long h = hash(sender, id);
    long[] d = PaymentIndex.digest(contentHash);
    int m = size;
    int c = m >>> MESSAGE_CHUNK_BITS;
    int i = m & (MESSAGE_CHUNK - 1);
    if (senderCode[c] == null) {
      senderCode[c] = new int[MESSAGE_CHUNK];
      msgIdAt[c] = new long[MESSAGE_CHUNK];
      msgIdLength[c] = new int[MESSAGE_CHUNK];
      digestHigh[c] = new long[MESSAGE_CHUNK];
      digestLow[c] = new long[MESSAGE_CHUNK];
      firstAnswer[c] = new long[MESSAGE_CHUNK];
      answerCount[c] = new int[MESSAGE_CHUNK];
    }
    senderCode[c][i] = sender;
    msgIdAt[c][i] = storeBytes(id);
    msgIdLength[c][i] = id.length;
    digestHigh[c][i] = d[0];
    digestLow[c][i] = d[1];
    firstAnswer[c][i] = answers;
    answerCount[c][i] = outcomes.size();
    for (var o : outcomes) {
      long a = answers++;
      int ac = (int) (a >>> ANSWER_CHUNK_BITS);
      int ai = (int) (a & (ANSWER_CHUNK - 1));
      if (uetrHigh[ac] == null) {
        uetrHigh[ac] = new long[ANSWER_CHUNK];
        uetrLow[ac] = new long[ANSWER_CHUNK];
        stateReason[ac] = new int[ANSWER_CHUNK];
      }
      uetrHigh[ac][ai] = o.uetr().getMostSignificantBits();
      uetrLow[ac][ai] = o.uetr().getLeastSignificantBits();
      stateReason[ac][ai] = (o.state().ordinal() + 1) | ((o.reasonCode() == null ? 0 : code(o.reasonCode()) + 1) << 3);
    }
    size++;
    int s = (int) (h >>> (64 - SEGMENT_BITS));
    int[] table = segments[s];
    int mask = table.length - 1;
    for (int slot = (int) h & mask, probes = 0; probes <= mask; slot = (slot + 1) & mask, probes++) {
      int ref = table[slot];
      if (ref == 0) break;
      if (sameKey(ref - 1, sender, id)) {
        table[slot] = m + 1;
        return;
      }
    }
    if ((segmentCounts[s] + 1) * 2 > table.length) grow(s);
    place(segments[s], h, m);
    segmentCounts[s]++;
  }

  private int find(int sender, byte[] id, long h) {
    int[] table = segments[(int) (h >>> (64 - SEGMENT_BITS))];
    int mask = table.length - 1;
    for (int slot = (int) h & mask, probes = 0; probes <= mask; slot = (slot + 1) & mask, probes++) {
      int ref = table[slot];
      if (ref == 0) return -1;
      if (sameKey(ref - 1, sender, id)) return ref - 1;
    }
    return -1;
  }

  private boolean sameKey(int m, int sender, byte[] id) {
    int c = m >>> MESSAGE_CHUNK_BITS;
    int i = m & (MESSAGE_CHUNK - 1);
    if (senderCode[c][i] != sender || msgIdLength[c][i] != id.length) return false;
    long at = msgIdAt[c][i];
    byte[] chunk = bytes.get((int) (at >>> 32));
    int from = (int) at;
    return java.util.Arrays.equals(chunk, from, from + id.length, id, 0, id.length);
  }

  private long storeBytes(byte[] id) {
    if (id.length > BYTES_CHUNK) {
      // A MsgId longer than a chunk (the API bounds message size, not MsgId length) keeps its own.
      bytes.add(id.clone());
      bytesUsed = BYTES_CHUNK;
      return (long) (bytes.size() - 1) << 32;
    }
    if (bytes.isEmpty() || bytesUsed + id.length > BYTES_CHUNK) {
      bytes.add(new byte[BYTES_CHUNK]);
      bytesUsed = 0;
    }
    System.arraycopy(id, 0, bytes.get(bytes.size() - 1), bytesUsed, id.length);
    long at = ((long) (bytes.size() - 1) << 32) | bytesUsed;
    bytesUsed += id.length;
    return at;
  }

  private long hashOf(int m) {
    int c = m >>> MESSAGE_CHUNK_BITS;
    int i = m & (MESSAGE_CHUNK - 1);
    long at = msgIdAt[c][i];
    byte[] chunk = bytes.get((int) (at >>> 32));
    return hash(senderCode[c][i], chunk, (int) at, msgIdLength[c][i]);
  }

  private void grow(int s) {
    int[] old = segments[s];
    int[] bigger = new int[old.length * 2];
    for (int ref : old) if (ref != 0) place(bigger, hashOf(ref - 1), ref - 1);
    segments[s] = bigger;
  }

  private static void place(int[] table, long h, int m) {
    int mask = table.length - 1;
    int slot = (int) h & mask;
    while (table[slot] != 0) slot = (slot + 1) & mask;
    table[slot] = m + 1;
  }

  private long hash(int sender, byte[] id) {
    return hash(sender, id, 0, id.length);
  }

  /** Seeded multiply-xorshift over the sender's code and the MsgId's bytes; top bits pick the segment. */
  private long hash(int sender, byte[] b, int from, int length) {
    long h = seed ^ (sender * 0x9E3779B97F4A7C15L) ^ length;
    for (int k = from; k < from + length; k++) {
      h = (h ^ (b[k] & 0xFF)) * 0xD6E8FEB86659FD93L;
      h ^= h >>> 29;
    }
    h ^= h >>> 32;
    h *= 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    return h;
  }

  private int code(String value) {
    Integer known = codeOf.get(value);
    if (known != null) return known;
    if (codes.size() >= MAX_CODES) throw new IllegalStateException("more than " + MAX_CODES + " senders and reason codes");
    codes.add(value);
    codeOf.put(value, codes.size() - 1);
    return codes.size() - 1;
  }
}
