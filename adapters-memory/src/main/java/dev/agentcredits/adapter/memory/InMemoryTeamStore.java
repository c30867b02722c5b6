package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class InMemoryTeamStore implements TeamStore {
  private final MemoryDatabase db;
  private final Table<TeamId, Team> teams;
  private final Table<MemberId, Member> members;
  private final Table<MemberId, Instant> removed;

  InMemoryTeamStore(MemoryDatabase db) {
    this.db = db;
    this.teams = new Table<>(db);
    this.members = new Table<>(db);
    this.removed = new Table<>(db);
  }

  @Override
  public void insert(Team team) {
    db.run(() -> {
      if (teams.contains(team.id())) {
        throw new IllegalStateException("team " + team.id() + " exists");
      }
      teams.put(team.id(), team);
    });
  }

  @Override
  public Optional<Team> find(TeamId id) {
    return db.call(() -> teams.get(id));
  }

  @Override
  public void update(Team team) {
    db.run(() -> teams.put(team.id(), team));
  }

  @Override
  public boolean insertMember(Member member) {
    return db.call(() -> {
      boolean taken =
          members.values().stream()
              .anyMatch(m ->
                  m.team().equals(member.team())
                      && m.email().equalsIgnoreCase(member.email())
                      && !removed.contains(m.id()));
      if (taken) {
        return false;
      }
      members.put(member.id(), member);
      return true;
    });
  }

  @Override
  public Optional<Member> findMember(MemberId id) {
    return db.call(() -> members.get(id).filter(m -> !removed.contains(id)));
  }

  @Override
  public Optional<Member> lockMember(MemberId id) {
    return findMember(id); // the memory database runs one transaction at a time
  }

  @Override
  public Optional<Member> findMemberEver(MemberId id) {
    return db.call(() -> members.get(id));
  }

  @Override
  public List<Member> members(TeamId team) {
    return db.call(() ->
        members.values().stream()
            .filter(m -> m.team().equals(team) && !removed.contains(m.id()))
            .toList());
  }

  @Override
  public boolean removeMember(MemberId id, Instant at) {
    return db.call(() -> {
      if (!members.contains(id) || removed.contains(id)) {
        return false;
      }
      removed.put(id, at);
      return true;
    });
  }
}
