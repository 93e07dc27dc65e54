package org.rialto.iso20022;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The entry points: read any supported message from bytes, write any message to bytes.
 *
 * <pre>{@code
 * ReadResult r = Iso20022.read(bytes);                       // XSD + business rules
 * switch (r) {
 *   case ReadResult.Parsed p when p.ok() -> handle(p.envelope());
 *   case ReadResult.Parsed p -> reject(p.envelope(), p.findings());   // pacs.002 RJCT
 *   case ReadResult.Unreadable u -> messageReject(u);                 // admi.002
 * }
 * byte[] xml = Iso20022.write(Envelope.of(header, pacs002));
 * }</pre>
 *
 * Reading never throws, whatever the input: every problem is a {@link Finding}. All methods are
 * thread-safe.
 */
public final class Iso20022 {
  private Iso20022() {}

  /** Reads with {@link ReadOptions#EDGE}: XSD validation and business rules. */
  public static ReadResult read(byte[] xml) {
    return read(xml, ReadOptions.EDGE);
  }

  public static ReadResult read(byte[] xml, ReadOptions options) {
    Objects.requireNonNull(options, "options");
    if (xml == null) {
      return new ReadResult.Unreadable(null, null, java.util.List.of(new Finding(ReasonCode.FF01, "/", "no input")));
    }
    ReadContext ctx = ReadContext.acquire();
    try {
      return Codec.read(ctx, xml, options);
    } finally {
      ctx.release();
    }
  }

  /**
   * Writes {@code envelope} as UTF-8 XML: a bare Document, or AppHdr and Document in an
   * {@code <Envelope>} element. The output validates against the official XSDs when the records
   * respect the schema's lengths and code lists (the records check the common ones).
   *
   * @throws IllegalArgumentException when a value cannot be written (a character XML cannot
   *     carry, an AppHdr naming another message type, an untyped element out of place)
   */
  public static byte[] write(Envelope envelope) {
    XmlOut out = XmlOut.acquire();
    try {
      return Codec.write(envelope, out).toBytes();
    } finally {
      // A writer that failed half-way has open elements and is not pooled (release checks).
      out.release();
    }
  }

  public static byte[] write(IsoMessage message) {
    return write(Envelope.of(message));
  }

  public static String writeString(Envelope envelope) {
    XmlOut out = XmlOut.acquire();
    try {
      return Codec.write(envelope, out).asString();
    } finally {
      out.release();
    }
  }

  /**
   * Whether a validated read of {@code xml} is answered by the schema fast path alone (its AppHdr
   * and Document entirely inside the subset the reader checks itself, see {@code SubsetTee}),
   * without the JDK's validator. The answer is the same either way; this is for tests that pin
   * what a node emits to the fast path, so a change that moves it off shows as a failure, not as
   * lost throughput.
   */
  public static boolean readsOnFastPath(byte[] xml) {
    ReadContext ctx = ReadContext.withSubset();
    Codec.read(ctx, xml, ReadOptions.EDGE);
    return ctx.lastReadBySubset;
  }

  /** Compiles every shipped XSD now, so the first validated read is not slow. */
  public static void warmUp() {
    Schemas.of(MessageType.HEADER_ID);
    for (MessageType t : MessageType.values()) Schemas.of(t.id());
    SubsetSchema.of(MessageType.HEADER_ID);
    for (MessageType t : MessageType.values()) SubsetSchema.of(t.id());
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
