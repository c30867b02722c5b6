package dev.agentcredits.application.port.in;

/**
 * DOMAIN.md rule 22: removes a member (never the owner); their keys stop at once, their pool
 * closes. Answers the removed member's id.
 */
public interface RemoveMemberUseCase {
  Outcome<String> remove(MemberCommand command);
}
