package dev.agentcredits.domain.principal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Team;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** DOMAIN.md "Who pays": every plan × trigger, with and without a triggering member. */
class PrincipalResolverTest {
  private static final TeamId TEAM = new TeamId("team-1");
  private static final MemberId OWNER = new MemberId("owner");

  /**
   * {@code member} is the triggering member ({@code -} for none); the answer is {@code kind/member
   * /payer} for a billed pool, else the refusal's name.
   */
  @ParameterizedTest(name = "{0} {1} by {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          BUILD      | USER         | bob | MEMBER/bob/TRIGGERING_USER
          BUILD      | USER         | -   | TriggeringMemberMissing
          BUILD      | TEAM_API_KEY | bob | MEMBER/owner/TEAM_OWNER
          BUILD      | TEAM_API_KEY | -   | MEMBER/owner/TEAM_OWNER
          BUILD      | SCHEDULED    | bob | MEMBER/owner/TEAM_OWNER
          BUILD      | SCHEDULED    | -   | MEMBER/owner/TEAM_OWNER
          MAX        | USER         | bob | MEMBER/bob/TRIGGERING_USER
          MAX        | USER         | -   | TriggeringMemberMissing
          MAX        | TEAM_API_KEY | bob | MEMBER/owner/TEAM_OWNER
          MAX        | TEAM_API_KEY | -   | MEMBER/owner/TEAM_OWNER
          MAX        | SCHEDULED    | bob | MEMBER/owner/TEAM_OWNER
          MAX        | SCHEDULED    | -   | MEMBER/owner/TEAM_OWNER
          BUSINESS   | USER         | bob | MEMBER/bob/TRIGGERING_USER
          BUSINESS   | USER         | -   | TriggeringMemberMissing
          BUSINESS   | TEAM_API_KEY | bob | MEMBER/owner/TEAM_OWNER
          BUSINESS   | TEAM_API_KEY | -   | MEMBER/owner/TEAM_OWNER
          BUSINESS   | SCHEDULED    | bob | MEMBER/owner/TEAM_OWNER
          BUSINESS   | SCHEDULED    | -   | MEMBER/owner/TEAM_OWNER
          ENTERPRISE | USER         | bob | TEAM/-/TEAM_POOL
          ENTERPRISE | USER         | -   | TEAM/-/TEAM_POOL
          ENTERPRISE | TEAM_API_KEY | bob | TEAM/-/TEAM_POOL
          ENTERPRISE | TEAM_API_KEY | -   | TEAM/-/TEAM_POOL
          ENTERPRISE | SCHEDULED    | bob | TEAM/-/TEAM_POOL
          ENTERPRISE | SCHEDULED    | -   | TEAM/-/TEAM_POOL
          PRO        | USER         | bob | PlanCannotRunAgents
          PRO        | USER         | -   | PlanCannotRunAgents
          PRO        | TEAM_API_KEY | bob | PlanCannotRunAgents
          PRO        | TEAM_API_KEY | -   | PlanCannotRunAgents
          PRO        | SCHEDULED    | bob | PlanCannotRunAgents
          PRO        | SCHEDULED    | -   | PlanCannotRunAgents
          TURBO      | USER         | bob | PlanCannotRunAgents
          TURBO      | USER         | -   | PlanCannotRunAgents
          TURBO      | TEAM_API_KEY | bob | PlanCannotRunAgents
          TURBO      | TEAM_API_KEY | -   | PlanCannotRunAgents
          TURBO      | SCHEDULED    | bob | PlanCannotRunAgents
          TURBO      | SCHEDULED    | -   | PlanCannotRunAgents
          LIGHTSPEED | USER         | bob | PlanCannotRunAgents
          LIGHTSPEED | USER         | -   | PlanCannotRunAgents
          LIGHTSPEED | TEAM_API_KEY | bob | PlanCannotRunAgents
          LIGHTSPEED | TEAM_API_KEY | -   | PlanCannotRunAgents
          LIGHTSPEED | SCHEDULED    | bob | PlanCannotRunAgents
          LIGHTSPEED | SCHEDULED    | -   | PlanCannotRunAgents
          """)
  void resolvesTheBilledPool(Plan plan, Trigger trigger, String member, String expected) {
    Team team = new Team(TEAM, "Acme", plan, OWNER, Money.dollars(200), Instant.EPOCH);
    MemberId triggering = member.equals("-") ? null : new MemberId(member);

    PrincipalResolution resolution = PrincipalResolver.resolve(team, trigger, triggering);

    assertThat(describe(resolution)).isEqualTo(expected);
    if (resolution instanceof PrincipalResolution.Billed(BilledPool pool)) {
      assertThat(pool.team()).isEqualTo(TEAM);
      assertThat(pool.poolId())
          .isEqualTo(
              pool.kind() == PoolKind.TEAM
                  ? PoolIds.forTeam(TEAM)
                  : PoolIds.forMember(pool.member()));
    }
  }

  /** The table above covers every plan and every trigger: none can be added without a row. */
  @ParameterizedTest
  @MethodSource("everyPlanAndTrigger")
  void everyPlanAndTriggerHasAnAnswer(Plan plan, Trigger trigger) {
    Team team = new Team(TEAM, "Acme", plan, OWNER, Money.dollars(200), Instant.EPOCH);

    assertThat(PrincipalResolver.resolve(team, trigger, new MemberId("bob"))).isNotNull();
    assertThat(PrincipalResolver.resolve(team, trigger, null)).isNotNull();
  }

  static Stream<Arguments> everyPlanAndTrigger() {
    return Arrays.stream(Plan.values())
        .flatMap(p -> Arrays.stream(Trigger.values()).map(t -> Arguments.of(p, t)));
  }

  private static String describe(PrincipalResolution resolution) {
    return switch (resolution) {
      case PrincipalResolution.Billed(BilledPool pool) ->
          pool.kind() + "/" + pool.memberId().map(MemberId::value).orElse("-") + "/" + pool.payer();
      case PrincipalResolution.PlanCannotRunAgents p -> "PlanCannotRunAgents";
      case PrincipalResolution.TriggeringMemberMissing m -> "TriggeringMemberMissing";
    };
  }
}
