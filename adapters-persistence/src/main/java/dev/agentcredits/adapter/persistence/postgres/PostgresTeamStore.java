package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Teams and their members in {@code teams} and {@code members}. */
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
          dao.insert(TeamRow.of(team).params());
          return null;
        });
  }

  @Override
  public Optional<Team> find(TeamId id) {
    return db.read(handle ->
        handle
            .createQuery(TeamDao.FIND)
            .bind("id", id.value())
            .mapTo(TeamRow.class)
            .findOne()
            .map(TeamRow::toTeam));
  }

  @Override
  public void update(Team team) {
    int updated = db.withDao(TeamDao.class, dao -> dao.updateSpendCap(TeamRow.of(team).params()));
    if (updated != 1) {
      throw new IllegalStateException("no team " + team.id());
    }
  }

  @Override
  public boolean insertMember(Member member) {
    return db.withDao(TeamDao.class, dao -> dao.insertMember(MemberRow.of(member).params()) == 1);
  }

  @Override
  public Optional<Member> findMember(MemberId id) {
    return db.read(handle ->
        handle
            .createQuery(TeamDao.FIND_MEMBER)
            .bind("id", id.value())
            .mapTo(MemberRow.class)
            .findOne()
            .map(MemberRow::toMember));
  }

  @Override
  public Optional<Member> lockMember(MemberId id) {
    return db.read(handle ->
        handle
            .createQuery(TeamDao.FIND_MEMBER + " FOR UPDATE")
            .bind("id", id.value())
            .mapTo(MemberRow.class)
            .findOne()
            .map(MemberRow::toMember));
  }

  @Override
  public Optional<Member> findMemberEver(MemberId id) {
    return db.withDao(
        TeamDao.class, dao -> dao.findMemberEver(id.value()).map(MemberRow::toMember));
  }

  @Override
  public boolean removeMember(MemberId id, Instant at) {
    return db.withDao(TeamDao.class, dao -> dao.removeMember(id.value(), at) == 1);
  }

  @Override
  public List<Member> members(TeamId team) {
    return db.withDao(
        TeamDao.class, dao -> dao.members(team.value()).stream().map(MemberRow::toMember).toList());
  }
}
