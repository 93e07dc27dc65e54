package org.rialto.iso20022;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The business application header head.001.001.02 (AppHdr): sender, receiver, message id and
 * definition, creation date and, for signed messages, the XML signature. Market practice and
 * related headers are kept untyped.
 *
 * @param signature the Sgntr element (its content is an XML-DSig Signature), or null
 */
public record BusinessApplicationHeader(
    String characterSet,
    PartyOrAgent from,
    PartyOrAgent to,
    String businessMessageId,
    String messageDefinitionId,
    String businessService,
    OffsetDateTime creationDate,
    OffsetDateTime businessProcessingDate,
    String copyDuplicate,
    Boolean possibleDuplicate,
    String priority,
    XmlElement signature,
    List<XmlElement> otherElements) {
  public BusinessApplicationHeader {
    Check.required(from, "from");
    Check.required(to, "to");
    Check.requiredText(businessMessageId, 35, "businessMessageId");
    Check.requiredText(messageDefinitionId, 35, "messageDefinitionId");
    Check.text(businessService, 35, "businessService");
    Check.required(creationDate, "creationDate");
    if (copyDuplicate != null && !copyDuplicate.equals("CODU") && !copyDuplicate.equals("COPY") && !copyDuplicate.equals("DUPL")) {
      throw new IllegalArgumentException("copyDuplicate must be CODU, COPY or DUPL: " + copyDuplicate);
    }
    if (signature != null && !signature.name().equals("Sgntr")) throw new IllegalArgumentException("signature must be a Sgntr element");
    otherElements = Check.list(otherElements, "otherElements");
  }

  /** A header from one BIC to another for a message of {@code type}. */
  public static BusinessApplicationHeader of(String fromBic, String toBic, String businessMessageId, MessageType type,
      OffsetDateTime created) {
    return new BusinessApplicationHeader(null, PartyOrAgent.ofBic(fromBic), PartyOrAgent.ofBic(toBic), businessMessageId, type.id(),
        null, created, null, null, null, null, null, List.of());
  }

  public BusinessApplicationHeader withSignature(XmlElement sgntr) {
    return new BusinessApplicationHeader(characterSet, from, to, businessMessageId, messageDefinitionId, businessService, creationDate,
        businessProcessingDate, copyDuplicate, possibleDuplicate, priority, sgntr, otherElements);
  }
}
