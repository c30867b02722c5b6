package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.domain.limit.MemberSpend;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Members' limits in {@code team_member_limits} and {@code member_limits}, their kept figures in
 * {@code member_month_credits}; a tally reads {@code runs} and {@code run_usage}.
 */
public final class PostgresMemberLimitStore implements MemberLimitStore {
  private final JdbiTransactionRunner db;

  PostgresMemberLimitStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public Optional<Long> teamDefault(TeamId team) {
    return db.withDao(MemberLimitDao.class, dao -> dao.teamDefault(team.value()));
  }

  @Override
  public void setTeamDefault(TeamId team, Long monthlyCredits) {
    db.withDao(
        MemberLimitDao.class,
        dao -> {
          if (monthlyCredits == null) {
            dao.removeTeamDefault(team.value());
          } else {
            dao.setTeamDefault(team.value(), monthlyCredits);
          }
          return null;
        });
  }

  @Override
  public void setOwn(TeamId team, MemberId member, Long monthlyCredits) {
    db.withDao(
        MemberLimitDao.class,
        dao -> {
          if (monthlyCredits == null) {
            dao.removeOwn(member.value());
          } else {
            dao.setOwn(team.value(), member.value(), monthlyCredits);
          }
          return null;
        });
  }

  @Override
  public Map<MemberId, Standing> standings(Collection<MemberId> members) {
    if (members.isEmpty()) {
      return Map.of();
    }
    String[] ids = members.stream().map(MemberId::value).distinct().toArray(String[]::new);
    return db.withDao(MemberLimitDao.class, dao -> dao.standings(ids)).stream()
        .map(MemberStandingRow::toStanding)
        .collect(Collectors.toMap(Standing::member, standing -> standing));
  }

  @Override
  public MemberSpend tally(TeamId team, MemberId member, YearMonth month) {
    MemberTallyRow tally =
        db.withDao(
            MemberLimitDao.class,
            dao ->
                dao.tally(
                    team.value(),
                    member.value(),
                    month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
    return tally.in(month);
  }
}
