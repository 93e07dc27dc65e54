package org.rialto.iso20022;

/**
 * Bounds on what a reader accepts, so hostile input costs bounded time and memory. Each limit
 * breached gives an FF01 finding, never an exception.
 *
 * @param maxBytes largest message accepted, in bytes
 * @param maxDepth deepest element nesting (ISO 20022 messages need about 15; wrappers and
 *     supplementary data add a few)
 * @param maxElements most elements in one message
 * @param maxTextChars longest text of one element or attribute (the longest ISO type read here
 *     is Max20000Text)
 * @param maxFindings most findings reported for one message; the rest are counted, not listed
 */
public record Limits(int maxBytes, int maxDepth, int maxElements, int maxTextChars, int maxFindings) {
  /** 32 MiB, depth 64, 1,000,000 elements, 32,768 characters, 100 findings. */
  public static final Limits DEFAULT = new Limits(32 << 20, 64, 1_000_000, 32_768, 100);

  public Limits {
    if (maxBytes < 64) throw new IllegalArgumentException("maxBytes must be at least 64: " + maxBytes);
    if (maxDepth < 8 || maxDepth > 256) {
      throw new IllegalArgumentException("maxDepth must be in [8, 256]: " + maxDepth);
    }
    if (maxElements < 1) throw new IllegalArgumentException("maxElements must be positive: " + maxElements);
    if (maxTextChars < 140) throw new IllegalArgumentException("maxTextChars must be at least 140: " + maxTextChars);
    if (maxFindings < 1) throw new IllegalArgumentException("maxFindings must be positive: " + maxFindings);
  }
}
