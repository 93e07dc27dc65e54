package org.rialto.iso20022;

/**
 * A member of a clearing system (ClearingSystemMemberIdentification2), e.g. system code "RUCBC"
 * with a BIK member id.
 *
 * @param system the clearing system (code or proprietary), or null
 */
public record ClearingSystemMember(CodeOrProprietary system, String memberId) {
  public ClearingSystemMember {
    Check.requiredText(memberId, 35, "memberId");
  }
}
