package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.util.List;
import java.util.Optional;

public interface TeamStore {
  void insert(Team team);

  Optional<Team> find(TeamId id);

  /** Updates the team's mutable fields (its spend cap). */
  void update(Team team);

  /** Inserts a member; false when the team already has a member with that email. */
  boolean insertMember(Member member);

  Optional<Member> findMember(MemberId id);

  List<Member> members(TeamId team);
}
