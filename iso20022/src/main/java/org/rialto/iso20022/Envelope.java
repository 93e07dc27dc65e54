package org.rialto.iso20022;

import java.util.Objects;

/**
 * A message as exchanged: the optional business application header and the Document. Written with
 * a header it is {@code <Envelope><AppHdr/><Document/></Envelope>}; without, a bare Document.
 *
 * @param header the AppHdr, or null
 */
public record Envelope(BusinessApplicationHeader header, IsoMessage document) {
  public Envelope {
    Objects.requireNonNull(document, "document");
  }

  public static Envelope of(IsoMessage document) {
    return new Envelope(null, document);
  }

  public static Envelope of(BusinessApplicationHeader header, IsoMessage document) {
    return new Envelope(header, document);
  }

  public MessageType type() {
    return document.type();
  }
}
