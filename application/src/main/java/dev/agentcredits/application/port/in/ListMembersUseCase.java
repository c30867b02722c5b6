package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.MemberView;
import java.util.List;

/** A team's members; a MEMBER sees only themselves. */
public interface ListMembersUseCase {
  Outcome<List<MemberView>> members(TeamQuery query);
}
