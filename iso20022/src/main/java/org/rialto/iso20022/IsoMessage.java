package org.rialto.iso20022;

/** The Document of one ISO 20022 message, as a typed record. */
public sealed interface IsoMessage
    permits Pacs008, Pacs009, Pacs002, Pacs004, Pacs028, Camt052, Camt053, Camt054, Camt056, Camt029, Admi002 {
  MessageType type();

  /** The message identification (GrpHdr/MsgId, Assgnmt/Id, or RltdRef/Ref for admi.002). */
  String messageId();
}
