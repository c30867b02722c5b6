package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.domain.limit.MemberSpend;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Members' limits and kept figures in memory; figures not kept yet are tallied from the runs. */
final class InMemoryMemberLimitStore implements MemberLimitStore {
  private final MemoryDatabase db;
  private final TeamStore teams;
  private final InMemoryRunStore runs;
  private final Table<TeamId, Long> defaults;
  private final Table<MemberId, Long> own;
  private final Table<MemberId, MemberSpend> kept;

  InMemoryMemberLimitStore(MemoryDatabase db, TeamStore teams, InMemoryRunStore runs) {
    this.db = db;
    this.teams = teams;
    this.runs = runs;
    this.defaults = new Table<>(db);
    this.own = new Table<>(db);
    this.kept = new Table<>(db);
  }

  @Override
  public Optional<Long> teamDefault(TeamId team) {
    return db.call(() -> defaults.get(team));
  }

  @Override
  public void setTeamDefault(TeamId team, Long monthlyCredits) {
    db.run(() -> {
      if (monthlyCredits == null) {
        defaults.remove(team);
      } else {
        defaults.put(team, monthlyCredits);
      }
    });
  }

  @Override
  public void setOwn(TeamId team, MemberId member, Long monthlyCredits) {
    db.run(() -> {
      if (monthlyCredits == null) {
        own.remove(member);
      } else {
        own.put(member, monthlyCredits);
      }
    });
  }

  @Override
  public Map<MemberId, Standing> standings(Collection<MemberId> members) {
    return db.call(() -> {
      Map<MemberId, Standing> found = new LinkedHashMap<>();
      for (MemberId id : members) {
        teams
            .findMemberEver(id)
            .map(Member::team)
            .ifPresent(team ->
                found.put(
                    id,
                    new Standing(
                        id,
                        team,
                        defaults.get(team).orElse(null),
                        own.get(id).orElse(null),
                        kept.get(id).orElse(null))));
      }
      return found;
    });
  }

  @Override
  public MemberSpend tally(TeamId team, MemberId member, YearMonth month) {
    return runs.tally(team, member, month);
  }

  /** Keeps these figures, each replacing the member's last ({@link InMemoryBatchWriter}). */
  void keep(List<Kept> figures) {
    db.run(() -> figures.forEach(f -> kept.put(f.member(), f.spend())));
  }
}
