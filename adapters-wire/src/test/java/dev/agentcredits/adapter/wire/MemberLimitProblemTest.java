package dev.agentcredits.adapter.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.limit.MemberBudget;
import dev.agentcredits.domain.limit.MemberLimitEvents;
import dev.agentcredits.domain.limit.MemberSpend;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DOMAIN.md rule 24 on the wire: the refusal, and the events that tell of limits. */
class MemberLimitProblemTest {
  private static final MemberId BOB = new MemberId("mem_bob");
  private static final RunId TASK = new RunId("task_1");

  @Test
  void aRunRefusedByTheLimitIsBudgetExceededWithTheLimitAndWhoCanRaiseIt() {
    var budget = new MemberBudget(BOB, 2_000, new MemberSpend(YearMonth.of(2026, 3), 1_190, 800));

    Problem problem = Problem.of(new Refusal.MemberLimitReached(BOB, budget, TASK));

    assertThat(problem.type()).isEqualTo(ProblemType.BUDGET_EXCEEDED);
    assertThat(problem.type().status()).isEqualTo(403);
    assertThat(problem.extensions())
        .containsExactly(
            Map.entry("task_id", "task_1"),
            Map.entry(
                "limit",
                Map.of(
                    "member_id", "mem_bob",
                    "monthly_credits", 2_000L,
                    "month_to_date_credits", 1_990L)));
    assertThat(problem.detail())
        .isEqualTo(
            "Member mem_bob has used 1,990 of their 2,000-credit monthly limit this month (credits"
                + " charged plus those held by their open runs), so this run cannot start. The team"
                + " owner or an admin can raise the limit.");
  }

  @Test
  void aRefusalGivenAgainAfterTheLimitWasRemovedStillNamesTheMember() {
    Problem problem = Problem.of(new Refusal.MemberLimitReached(BOB, null, TASK));

    assertThat(problem.extensions().get("limit")).isEqualTo(Map.of("member_id", "mem_bob"));
    assertThat(problem.detail()).contains("no longer applies");
  }

  @Test
  void aRejectionForTheLimitSaysSoAndLimitChangesAreEvents() {
    var rejected =
        new DomainEvent(
            EventType.RUN_REJECTED,
            new TeamId("team_1"),
            "task_1",
            Instant.EPOCH,
            new EventData.RunRejected(
                TASK, Trigger.USER, new PoolId("m:mem_bob"), "MEMBER_LIMIT", "budget_exceeded"));
    DomainEvent changed =
        MemberLimitEvents.memberChanged(
            new TeamId("team_1"), BOB, 300L, null, 1_000L, Instant.EPOCH);
    DomainEvent teamDefault =
        MemberLimitEvents.teamDefaultChanged(new TeamId("team_1"), null, 1_000L, Instant.EPOCH);

    assertThat(EventBodies.data(rejected))
        .containsEntry("error_code", "budget_exceeded")
        .containsEntry("reason", "member_limit");
    assertThat(EventBodies.data(changed))
        .containsExactly(
            Map.entry("scope", "member"),
            Map.entry("member_id", "mem_bob"),
            Map.entry("previous_monthly_credits", 300L),
            Map.entry("effective_monthly_credits", 1_000L));
    assertThat(EventBodies.data(teamDefault))
        .containsExactly(
            Map.entry("scope", "team_default"),
            Map.entry("monthly_credits", 1_000L),
            Map.entry("effective_monthly_credits", 1_000L));
    assertThat(changed.subject()).isEqualTo("mem_bob");
    assertThat(teamDefault.type().routingKey()).isEqualTo("member_limit.changed");
  }
}
