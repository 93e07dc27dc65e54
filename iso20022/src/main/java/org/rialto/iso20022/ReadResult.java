package org.rialto.iso20022;

import java.util.List;
import java.util.Objects;

/** What {@link Iso20022#read} gives: a message (with its business-rule findings) or why not. */
public sealed interface ReadResult {
  List<Finding> findings();

  /** True when the message was read and no rule found anything. */
  boolean ok();

  /**
   * The message was read. {@code findings} are business-rule findings (empty when it passed):
   * the message is still there so a status report can quote its MsgId, UETR and EndToEndId.
   */
  record Parsed(Envelope envelope, List<Finding> findings) implements ReadResult {
    public Parsed {
      Objects.requireNonNull(envelope, "envelope");
      findings = List.copyOf(findings);
    }

    @Override
    public boolean ok() {
      return findings.isEmpty();
    }
  }

  /**
   * The input is not a message we can use: not well-formed, hostile, over a limit, not
   * schema-valid, or of an unsupported type. {@code messageDefinitionId} (e.g. "pacs.008.001.08")
   * and {@code businessMessageId} (AppHdr BizMsgIdr or GrpHdr MsgId) are given when they could be
   * read before the problem, for an admi.002 reply; otherwise null.
   */
  record Unreadable(String messageDefinitionId, String businessMessageId, List<Finding> findings)
      implements ReadResult {
    public Unreadable {
      findings = List.copyOf(findings);
      if (findings.isEmpty()) throw new IllegalArgumentException("an unreadable input has at least one finding");
    }

    @Override
    public boolean ok() {
      return false;
    }
  }
}
