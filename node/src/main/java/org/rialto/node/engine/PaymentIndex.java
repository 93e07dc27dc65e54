package org.rialto.node.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;
import org.rialto.node.payment.CrossBorder;
import org.rialto.node.payment.PaymentState;

/**
 * Every payment the node has written, by UETR, in primitive arrays: where its row is (the payment
 * table is keyed by a node sequence and has no UETR index: a UETR is random, so such an index took
 * each new payment to a random leaf page, one 4 KiB WAL page per payment at group-commit sizes)
 * and, once the payment is final and durable, the few facts the writer still needs of it.
 *
 * <p>Why primitives: the node keeps every payment it ever knew for idempotency forever, returns
 * and the start-up cross-check. As records (a Payment with a dozen strings, map entries, boxed
 * keys) that was about 1.1 KB and 25 objects per payment, which every young collection copied
 * and promoted (pauses of 50 to 120 ms once a second at 20,000 payments/s). Here a payment is
 * one slot in fixed-size chunks of parallel arrays plus an int in a hash segment: no object per
 * payment, nothing for the collector to trace, and growth never copies more than one segment.
 *
 * <p>Threads: the committing thread adds a payment's entry as it writes its first row
 * ({@link #keyFor}); the writer compacts entries and reads them; readers (inbox, console) look up
 * row keys. All under one {@link StampedLock}: writes are short and rare next to reads, and a
 * read is optimistic (no store to shared memory) unless it races a write.
 */
public final class PaymentIndex {
  static final int CHUNK_BITS = 16;
  static final int CHUNK_SIZE = 1 << CHUNK_BITS;
  private static final int CHUNK_MASK = CHUNK_SIZE - 1;
  /** Hash segments, each an open-addressing table grown on its own (a grow rehashes 1/1024 of the payments). */
  private static final int SEGMENT_BITS = 10;
  private static final int SEGMENTS = 1 << SEGMENT_BITS;
  private static final int FIRST_SEGMENT_SLOTS = 8;
  /** Distinct participant BICs and reason codes an index can name; far above any real node. */
  static final int MAX_CODES = 1 << 20;

  /** State of an entry whose payment is not (yet) compacted: the writer holds it as a record. */
  private static final int LIVE = 0;
  private static final PaymentState[] STATES = PaymentState.values();

  private final int maxEntries;
  private final StampedLock lock = new StampedLock();
  // Entry fields, by entry number (order of first write); chunks allocated as entries arrive.
  private final long[][] uetrHigh;
  private final long[][] uetrLow;
  private final long[][] rowKey;
  private final long[][] amountMinor;
  private final long[][] digestHigh;
  private final long[][] digestLow;
  /** Low 3 bits: state ordinal + 1 (0 = live); above: reason code + 1 (0 = none). */
  private final int[][] stateReason;
  private final int[][] senderCode;
  private final int[][] debtorCode;
  private final int[][] creditorCode;
  /**
   * 0 for a domestic payment; for a cross-border one, (peer node's code + 1) shifted left by one,
   * the low bit set on the receiving side. The writer keeps a cross-border record only while its
   * payment is held as a record: a final one's peer answers and repeats need only its role and
   * peer (its amount on the receiving node is the target amount), and a map of records for every
   * cross-border payment ever made grew the heap without end (each young collection's pause
   * grew with it, 50 to 250 ms in bench corridor).
   */
  private final int[][] crossBorderCode;
  /** Per segment: entry number + 1 per slot (0 = empty), linear probing, load at most 1/2. */
  private final int[][] segments = new int[SEGMENTS][];
  private final int[] segmentCounts = new int[SEGMENTS];
  private int size;
  private int compacted;
  private final int[] compactedByState = new int[STATES.length];
  /** Committer-only once the node runs (the loader before that). */
  private long nextKey = 1;
  private final Map<String, Integer> codeOf = new HashMap<>();
  private final List<String> codes = new ArrayList<>();

  /** A final payment as the index keeps it. */
  public record Compact(UUID uetr, long rowKey, PaymentState state, String reasonCode, long amountMinor,
      String senderBic, String debtorBic, String creditorBic, long digestHigh, long digestLow,
      CrossBorder.Role crossBorderRole, String peerNode) {
    /** Whether an instruction with this content hash is the same as the one this payment was made from. */
    public boolean sameContent(String contentHash) {
      long[] d = digest(contentHash);
      return d[0] == digestHigh && d[1] == digestLow;
    }
  }

  public PaymentIndex(int maxEntries) {
    if (maxEntries < 1) throw new IllegalArgumentException("maxEntries " + maxEntries);
    this.maxEntries = maxEntries;
    int chunks = (int) ((maxEntries + (long) CHUNK_SIZE - 1) >>> CHUNK_BITS);
    uetrHigh = new long[chunks][];
    uetrLow = new long[chunks][];
    rowKey = new long[chunks][];
    amountMinor = new long[chunks][];
    digestHigh = new long[chunks][];
    digestLow = new long[chunks][];
    stateReason = new int[chunks][];
    senderCode = new int[chunks][];
    debtorCode = new int[chunks][];
    creditorCode = new int[chunks][];
    crossBorderCode = new int[chunks][];
    for (int i = 0; i < SEGMENTS; i++) segments[i] = new int[FIRST_SEGMENT_SLOTS];
  }

  // ---- Row keys ----

  /** The row key of a payment the node has written, or empty. Any thread. */
  public OptionalLong rowOf(UUID uetr) {
    long hi = uetr.getMostSignificantBits();
    long lo = uetr.getLeastSignificantBits();
    long stamp = lock.tryOptimisticRead();
    long key = 0;
    if (stamp != 0) {
      try {
        int e = find(hi, lo);
        key = e < 0 ? 0 : rowKey[e >>> CHUNK_BITS][e & CHUNK_MASK];
      } catch (RuntimeException racedAGrow) {
        // A torn read while a segment grew: the locked read below is the answer.
        stamp = 0;
      }
    }
    if (stamp == 0 || !lock.validate(stamp)) {
      stamp = lock.readLock();
      try {
        int e = find(hi, lo);
        key = e < 0 ? 0 : rowKey[e >>> CHUNK_BITS][e & CHUNK_MASK];
      } finally {
        lock.unlockRead(stamp);
      }
    }
    return key == 0 ? OptionalLong.empty() : OptionalLong.of(key);
  }

  /**
   * Committing thread only: the row keys of the payments it wrote last in a state that is not
   * final, which it writes again (the sending side's row, inserted as it forwards and updated when
   * the answer comes). A look-up in this small map stays in the CPU's cache, where {@link #rowOf}
   * reads three to four random cache lines of arrays sized for every payment ever written (9% of
   * the committer's samples in the corridor). Only a shortcut: a key never changes once handed
   * out, so an entry can only be missing (then the index answers), never wrong.
   */
  private final HashMap<UUID, Long> unsettledKeys = new HashMap<>();
  /** Bound of {@link #unsettledKeys}: when reached (payments the committer never sees final), it starts over. */
  static final int MAX_UNSETTLED_KEYS = 1 << 20;

  /**
   * Committing thread only: the payment's row key, or -(a new key) when it had none (its first row
   * is being written now); one look-up where rowOf then keyFor took two for every new payment.
   */
  long committedKeyOrNew(UUID uetr) {
    Long unsettled = unsettledKeys.get(uetr);
    if (unsettled != null) return unsettled;
    return keyOrNew(uetr);
  }

  /** Committing thread only, after writing a payment's row: keeps its key at hand while it is not final. */
  void written(UUID uetr, long key, PaymentState state) {
    if (key < 1) throw new IllegalArgumentException("row key " + key);
    if (state.isFinal()) {
      unsettledKeys.remove(uetr);
    } else {
      if (unsettledKeys.size() >= MAX_UNSETTLED_KEYS && !unsettledKeys.containsKey(uetr)) unsettledKeys.clear();
      unsettledKeys.put(uetr, key);
    }
  }

  /** The payment's row key, handed out now if it has none (its first row is being written). */
  long keyFor(UUID uetr) {
    return Math.abs(keyOrNew(uetr));
  }

  /** The payment's row key, or -(a new key) handed out now when it had none. */
  private long keyOrNew(UUID uetr) {
    long hi = uetr.getMostSignificantBits();
    long lo = uetr.getLeastSignificantBits();
    long stamp = lock.writeLock();
    try {
      int e = find(hi, lo);
      if (e >= 0) return rowKey[e >>> CHUNK_BITS][e & CHUNK_MASK];
      long k = nextKey++;
      insert(hi, lo, k);
      return -k;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** At start, one row read back; a second row for a UETR means the table is corrupt. */
  void restore(UUID uetr, long key) {
    if (key < 1) throw new IllegalStateException("payment " + uetr + " has row key " + key);
    long hi = uetr.getMostSignificantBits();
    long lo = uetr.getLeastSignificantBits();
    long stamp = lock.writeLock();
    try {
      int e = find(hi, lo);
      if (e >= 0) {
        throw new IllegalStateException("payment " + uetr + " stored twice, rows "
            + rowKey[e >>> CHUNK_BITS][e & CHUNK_MASK] + " and " + key);
      }
      insert(hi, lo, key);
      if (key >= nextKey) nextKey = key + 1;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Payments with an entry (every payment written, live or compacted). */
  public int size() {
    long stamp = lock.readLock();
    try {
      return size;
    } finally {
      lock.unlockRead(stamp);
    }
  }

  // ---- Compact records of final payments (writer, or the loader before it runs) ----

  /**
   * Keeps the final payment's facts here so the writer can drop its record. Its row must be
   * written (the entry exists) and durable (the caller's concern: a reader is then sent to it).
   * A payment compacted before may be compacted again with a later final state (SETTLED, then
   * RETURNED).
   */
  void compact(UUID uetr, PaymentState state, String reasonCode, long amount, String senderBic, String debtorBic,
      String creditorBic, String contentHash) {
    compact(uetr, state, reasonCode, amount, senderBic, debtorBic, creditorBic, contentHash, null, null);
  }

  /**
   * As above, for a payment with a cross-border side ({@code role} and {@code peerNode} both set)
   * or none (both null). A payment compacted again (its return) keeps the side it had: the writer
   * took back only its payment record.
   */
  void compact(UUID uetr, PaymentState state, String reasonCode, long amount, String senderBic, String debtorBic,
      String creditorBic, String contentHash, CrossBorder.Role role, String peerNode) {
    if ((role == null) != (peerNode == null)) throw new IllegalArgumentException("payment " + uetr + ": role " + role + ", peer " + peerNode);
    if (!state.isFinal()) throw new IllegalStateException("payment " + uetr + " compacted while " + state);
    long[] d = digest(contentHash);
    long hi = uetr.getMostSignificantBits();
    long lo = uetr.getLeastSignificantBits();
    long stamp = lock.writeLock();
    try {
      int e = find(hi, lo);
      if (e < 0) throw new IllegalStateException("payment " + uetr + " compacted before its row was written");
      int c = e >>> CHUNK_BITS;
      int i = e & CHUNK_MASK;
      int before = stateReason[c][i] & 7;
      if (before != LIVE) {
        PaymentState previous = STATES[before - 1];
        if (previous != PaymentState.SETTLED || state != PaymentState.RETURNED) {
          throw new IllegalStateException("payment " + uetr + " compacted as " + previous + " then as " + state);
        }
        compactedByState[previous.ordinal()]--;
      } else {
        compacted++;
      }
      compactedByState[state.ordinal()]++;
      stateReason[c][i] = (state.ordinal() + 1) | ((reasonCode == null ? 0 : code(reasonCode) + 1) << 3);
      amountMinor[c][i] = amount;
      senderCode[c][i] = code(senderBic);
      debtorCode[c][i] = code(debtorBic);
      creditorCode[c][i] = code(creditorBic);
      digestHigh[c][i] = d[0];
      digestLow[c][i] = d[1];
      if (role != null) {
        int side = ((code(peerNode) + 1) << 1) | (role == CrossBorder.Role.INCOMING ? 1 : 0);
        if (before != LIVE && crossBorderCode[c][i] != 0 && crossBorderCode[c][i] != side) {
          throw new IllegalStateException("payment " + uetr + " compacted again with another cross-border side");
        }
        crossBorderCode[c][i] = side;
      } else if (before == LIVE) {
        crossBorderCode[c][i] = 0;
      }
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** The compact record of a final payment, or null when the payment is unknown or still live. */
  Compact compacted(UUID uetr) {
    long stamp = lock.readLock();
    try {
      int e = find(uetr.getMostSignificantBits(), uetr.getLeastSignificantBits());
      return e < 0 ? null : read(e);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** Compacted payments, and how many per final state. */
  int compactedCount() {
    long stamp = lock.readLock();
    try {
      return compacted;
    } finally {
      lock.unlockRead(stamp);
    }
  }

  int compactedCount(PaymentState state) {
    long stamp = lock.readLock();
    try {
      return compactedByState[state.ordinal()];
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** Every compacted payment, in order of first write; the caller is the writer (or the loader). */
  void forEachCompacted(Consumer<Compact> action) {
    int n;
    long stamp = lock.readLock();
    try {
      n = size;
    } finally {
      lock.unlockRead(stamp);
    }
    for (int e = 0; e < n; e++) {
      Compact c;
      stamp = lock.readLock();
      try {
        c = read(e);
      } finally {
        lock.unlockRead(stamp);
      }
      if (c != null) action.accept(c);
    }
  }

  private Compact read(int e) {
    int c = e >>> CHUNK_BITS;
    int i = e & CHUNK_MASK;
    int sr = stateReason[c][i];
    if ((sr & 7) == LIVE) return null;
    int reason = sr >>> 3;
    int side = crossBorderCode[c][i];
    return new Compact(new UUID(uetrHigh[c][i], uetrLow[c][i]), rowKey[c][i], STATES[(sr & 7) - 1],
        reason == 0 ? null : codes.get(reason - 1), amountMinor[c][i], codes.get(senderCode[c][i]),
        codes.get(debtorCode[c][i]), codes.get(creditorCode[c][i]), digestHigh[c][i], digestLow[c][i],
        side == 0 ? null : (side & 1) == 1 ? CrossBorder.Role.INCOMING : CrossBorder.Role.OUTGOING,
        side == 0 ? null : codes.get((side >>> 1) - 1));
  }

  private int code(String value) {
    if (value == null) throw new IllegalStateException("a compact payment names every participant");
    Integer known = codeOf.get(value);
    if (known != null) return known;
    if (codes.size() >= MAX_CODES) throw new IllegalStateException("more than " + MAX_CODES + " BICs and reason codes");
    codes.add(value);
    codeOf.put(value, codes.size() - 1);
    return codes.size() - 1;
  }

  // ---- Hash segments ----

  /** The entry number of the UETR, or -1. Caller holds the lock (or validates an optimistic read). */
  private int find(long hi, long lo) {
    long h = mix(hi, lo);
    int[] table = segments[(int) (h >>> (64 - SEGMENT_BITS))];
    int mask = table.length - 1;
    for (int slot = (int) h & mask, probes = 0; probes <= mask; slot = (slot + 1) & mask, probes++) {
      int ref = table[slot];
      if (ref == 0) return -1;
      int e = ref - 1;
      int c = e >>> CHUNK_BITS;
      int i = e & CHUNK_MASK;
      if (uetrLow[c][i] == lo && uetrHigh[c][i] == hi) return e;
    }
    return -1;
  }

  /** Adds an entry for a UETR not in the index; caller holds the write lock. */
  private void insert(long hi, long lo, long key) {
    if (size >= maxEntries) {
      // The writer refuses payments before this (NodeState.MAX_PAYMENTS_IN_MEMORY): reaching it is a bug.
      throw new IllegalStateException("payment index full (" + maxEntries + " payments)");
    }
    int e = size;
    int c = e >>> CHUNK_BITS;
    int i = e & CHUNK_MASK;
    if (uetrHigh[c] == null) {
      uetrHigh[c] = new long[CHUNK_SIZE];
      uetrLow[c] = new long[CHUNK_SIZE];
      rowKey[c] = new long[CHUNK_SIZE];
      amountMinor[c] = new long[CHUNK_SIZE];
      digestHigh[c] = new long[CHUNK_SIZE];
      digestLow[c] = new long[CHUNK_SIZE];
      stateReason[c] = new int[CHUNK_SIZE];
      senderCode[c] = new int[CHUNK_SIZE];
      debtorCode[c] = new int[CHUNK_SIZE];
      creditorCode[c] = new int[CHUNK_SIZE];
      crossBorderCode[c] = new int[CHUNK_SIZE];
    }
    uetrHigh[c][i] = hi;
    uetrLow[c][i] = lo;
    rowKey[c][i] = key;
    long h = mix(hi, lo);
    int s = (int) (h >>> (64 - SEGMENT_BITS));
    if ((segmentCounts[s] + 1) * 2 > segments[s].length) grow(s);
    place(segments[s], h, e);
    segmentCounts[s]++;
    size++;
  }

  private void grow(int s) {
    int[] old = segments[s];
    int[] bigger = new int[old.length * 2];
    for (int ref : old) {
      if (ref == 0) continue;
      int e = ref - 1;
      place(bigger, mix(uetrHigh[e >>> CHUNK_BITS][e & CHUNK_MASK], uetrLow[e >>> CHUNK_BITS][e & CHUNK_MASK]), e);
    }
    segments[s] = bigger;
  }

  private static void place(int[] table, long h, int e) {
    int mask = table.length - 1;
    int slot = (int) h & mask;
    while (table[slot] != 0) slot = (slot + 1) & mask;
    table[slot] = e + 1;
  }

  /**
   * UETRs are random (version 4) but a bank may send any 128 bits, so both halves are mixed:
   * the top bits pick the segment, the low bits the slot.
   */
  private static long mix(long hi, long lo) {
    long h = hi * 0x9E3779B97F4A7C15L ^ lo;
    h ^= h >>> 32;
    h *= 0xD6E8FEB86659FD93L;
    h ^= h >>> 32;
    return h;
  }

  /**
   * 128 bits of a content hash. The node's content hashes are SHA-256 in lower-case hex (64
   * characters), folded in two (so every character counts); any other text (a peer's marker) is
   * digested with SHA-256 first. Equal texts give equal digests; different ones differ but for a
   * 2^-128 chance, which is the strength the idempotency check had with the full text.
   */
  static long[] digest(String contentHash) {
    if (contentHash == null) return new long[] {0, 0};
    if (contentHash.length() == 64 && isLowerHex(contentHash)) {
      return new long[] {Long.parseUnsignedLong(contentHash, 0, 16, 16) ^ Long.parseUnsignedLong(contentHash, 32, 48, 16),
          Long.parseUnsignedLong(contentHash, 16, 32, 16) ^ Long.parseUnsignedLong(contentHash, 48, 64, 16)};
    }
    var d = java.nio.ByteBuffer.wrap(org.rialto.security.Crypto.sha256(contentHash.getBytes(StandardCharsets.UTF_8)));
    return new long[] {d.getLong(), d.getLong()};
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) return false;
    }
    return true;
  }
}
