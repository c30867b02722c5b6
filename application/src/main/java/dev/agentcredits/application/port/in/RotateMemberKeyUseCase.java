package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.RotatedKeyView;

/** Issues a member a new key, shown once; the member's other keys stop at once. */
public interface RotateMemberKeyUseCase {
  Outcome<RotatedKeyView> rotate(MemberCommand command);
}
