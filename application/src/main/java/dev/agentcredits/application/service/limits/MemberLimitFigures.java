package dev.agentcredits.application.service.limits;

import dev.agentcredits.application.port.in.view.MemberLimitView;
import dev.agentcredits.application.port.in.view.PoolLimitView;
import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.domain.limit.MemberSpend;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.spend.MonthlySpend;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Members' limits as the pages show them (DOMAIN.md rule 24), read without any lock: the limit that
 * applies and the month-to-date figure, kept or tallied from their runs.
 */
public final class MemberLimitFigures {
  private final MemberLimitStore store;

  public MemberLimitFigures(MemberLimitStore store) {
    this.store = store;
  }

  /** The members a limit applies to, with it; the others are left out. */
  public Map<MemberId, PoolLimitView> applying(Collection<MemberId> members, Instant now) {
    Map<MemberId, PoolLimitView> limits = new LinkedHashMap<>();
    if (members.isEmpty()) {
      return limits;
    }
    store
        .standings(members)
        .forEach((member, standing) -> {
          if (standing.limit() != null) {
            long used = spend(standing, MonthlySpend.monthOf(now)).monthToDate();
            limits.put(member, new PoolLimitView(standing.limit(), used));
          }
        });
    return limits;
  }

  /** The member's limits and month-to-date figure, whether or not a limit applies. */
  public MemberLimitView view(MemberLimitStore.Standing standing, Instant now) {
    return new MemberLimitView(
        standing.member().value(),
        standing.own(),
        standing.limit(),
        spend(standing, MonthlySpend.monthOf(now)).monthToDate());
  }

  private MemberSpend spend(MemberLimitStore.Standing standing, YearMonth month) {
    return standing.kept() != null
        ? standing.kept().in(month)
        : store.tally(standing.team(), standing.member(), month);
  }
}
