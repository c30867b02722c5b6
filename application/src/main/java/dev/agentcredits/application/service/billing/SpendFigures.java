package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.view.PoolLimitView;
import dev.agentcredits.application.port.in.view.PoolView;
import dev.agentcredits.application.port.in.view.SpendCapView;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.service.limits.MemberLimitFigures;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Team;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The month-to-date figures the billing views show, read without any lock: the team's add-on spend
 * against its cap, and each member's credits against their monthly limit where one applies
 * (DOMAIN.md rule 24).
 */
public final class SpendFigures {
  private final SpendStore spending;
  private final MemberLimitFigures limits;

  public SpendFigures(SpendStore spending, MemberLimitFigures limits) {
    this.spending = spending;
    this.limits = limits;
  }

  /** The team's cap and what it has spent of it in the month of {@code now}. */
  SpendCapView cap(Team team, Instant now) {
    MonthlySpend spend = spending.find(team.id(), MonthlySpend.monthOf(now));
    return new SpendCapView(team.monthlySpendCap().cents(), spend.spent().cents());
  }

  /** Member pools with their member's limit, where one applies. */
  List<PoolView> withLimits(List<PoolView> views, Instant now) {
    List<MemberId> members =
        views.stream().map(PoolView::memberId).filter(Objects::nonNull).map(MemberId::new).toList();
    Map<MemberId, PoolLimitView> applying = limits.applying(members, now);
    return views.stream()
        .map(v -> {
          PoolLimitView limit =
              v.memberId() == null ? null : applying.get(new MemberId(v.memberId()));
          return limit == null ? v : v.withLimit(limit);
        })
        .toList();
  }
}
