package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.domain.limit.MemberSpend;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    List<String> ids = members.stream().map(MemberId::value).distinct().toList();
    return db.withHandle(handle ->
        handle
            .createQuery(MemberLimitDao.STANDINGS)
            .bindArray("ids", String.class, ids)
            .map((rs, ctx) -> standing(rs))
            .collectToMap(Standing::member, s -> s));
  }

  private static Standing standing(ResultSet rs) throws SQLException {
    LocalDate month = rs.getObject("month", LocalDate.class);
    MemberSpend kept =
        month == null
            ? null
            : new MemberSpend(
                YearMonth.from(month), rs.getLong("charged_credits"), rs.getLong("held_credits"));
    return new Standing(
        new MemberId(rs.getString("member_id")),
        new TeamId(rs.getString("team_id")),
        rs.getObject("default_monthly_credits", Long.class),
        rs.getObject("monthly_credits", Long.class),
        kept);
  }

  @Override
  public MemberSpend tally(TeamId team, MemberId member, YearMonth month) {
    return db.withHandle(handle ->
        handle
            .createQuery(MemberLimitDao.TALLY)
            .bind("team", team.value())
            .bind("member", member.value())
            .bind("from", month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))
            .bind("to", month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))
            .map((rs, ctx) -> new MemberSpend(month, rs.getLong("charged"), rs.getLong("held")))
            .one());
  }
}
