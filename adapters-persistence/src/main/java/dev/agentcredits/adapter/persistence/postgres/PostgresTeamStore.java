package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Teams and their members in {@code teams} and {@code members}. The look-ups a request may make
 * outside any transaction are single statements in autocommit mode.
 */
public final class PostgresTeamStore implements TeamStore {
  private final JdbiTransactionRunner db;

  PostgresTeamStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public void insert(Team team) {
    db.withDao(
        TeamDao.class,
        dao -> {
          dao.insert(TeamRow.of(team));
          return null;
        });
  }

  @Override
  public Optional<Team> find(TeamId id) {
    return db.read(TeamDao.class, dao -> dao.find(id.value()).map(TeamRow::toTeam));
  }

  @Override
  public void update(Team team) {
    int updated = db.withDao(TeamDao.class, dao -> dao.updateSpendCap(TeamRow.of(team)));
    if (updated != 1) {
      throw new IllegalStateException("no team " + team.id());
    }
  }

  @Override
  public boolean insertMember(Member member) {
    return db.withDao(MemberDao.class, dao -> dao.insert(MemberRow.of(member)) == 1);
  }

  @Override
  public Optional<Member> findMember(MemberId id) {
    return db.read(MemberDao.class, dao -> dao.find(id.value()).map(MemberRow::toMember));
  }

  @Override
  public Optional<Member> lockMember(MemberId id) {
    return db.read(MemberDao.class, dao -> dao.lock(id.value()).map(MemberRow::toMember));
  }

  @Override
  public Optional<Member> findMemberEver(MemberId id) {
    return db.withDao(MemberDao.class, dao -> dao.findEver(id.value()).map(MemberRow::toMember));
  }

  @Override
  public boolean removeMember(MemberId id, Instant at) {
    return db.withDao(MemberDao.class, dao -> dao.remove(id.value(), at) == 1);
  }

  @Override
  public List<Member> members(TeamId team) {
    return db.withDao(
        MemberDao.class,
        dao -> dao.ofTeam(team.value()).stream().map(MemberRow::toMember).toList());
  }
}
