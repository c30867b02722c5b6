package dev.agentcredits.domain.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Teams, members, plans and roles reject what the rule book does not allow. */
class TeamTest {
  private static final TeamId TEAM = new TeamId("team-1");
  private static final MemberId OWNER = new MemberId("owner");
  private static final Instant T0 = Instant.parse("2025-01-10T00:00:00Z");

  @Test
  void aTeamNeedsAnIdAPlanAnOwnerACapAndACreationTime() {
    Money cap = Money.dollars(200);
    assertThatThrownBy(() -> new Team(null, "Acme", Plan.BUILD, OWNER, cap, T0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Team(TEAM, "Acme", null, OWNER, cap, T0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Team(TEAM, "Acme", Plan.BUILD, null, cap, T0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Team(TEAM, "Acme", Plan.BUILD, OWNER, null, T0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Team(TEAM, "Acme", Plan.BUILD, OWNER, cap, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aTeamNameIsOneTo200Characters() {
    Money cap = Money.dollars(200);
    for (String bad : new String[] {null, "", "   ", "x".repeat(201)}) {
      assertThatThrownBy(() -> new Team(TEAM, bad, Plan.BUILD, OWNER, cap, T0))
          .as("name %s", bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(new Team(TEAM, "x".repeat(200), Plan.BUILD, OWNER, cap, T0).name()).hasSize(200);
  }

  @Test
  void changingTheCapKeepsEverythingElse() {
    Team team = new Team(TEAM, "Acme", Plan.MAX, OWNER, Money.dollars(200), T0);

    Team raised = team.withMonthlySpendCap(Money.dollars(500));

    assertThat(raised.monthlySpendCap()).isEqualTo(Money.dollars(500));
    assertThat(raised).usingRecursiveComparison().ignoringFields("monthlySpendCap").isEqualTo(team);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "alice", "@example.com", "alice@", "a b@example.com", "a@b@c"})
  void aMemberNeedsAnEmailThatLooksLikeOne(String email) {
    assertThatThrownBy(() -> new Member(OWNER, TEAM, email, Role.OWNER, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMemberNeedsAnIdATeamARoleAndAnAnchor() {
    assertThatThrownBy(() -> new Member(null, TEAM, "a@b.c", Role.MEMBER, T0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Member(OWNER, null, "a@b.c", Role.MEMBER, T0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Member(OWNER, TEAM, "a@b.c", null, T0))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Member(OWNER, TEAM, "a@b.c", Role.MEMBER, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Member(OWNER, TEAM, null, Role.MEMBER, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}: kind {1}, cloud agents {2}, add-ons {3}")
  @CsvSource({
    "BUILD,      SELF_SERVE, true,  true",
    "MAX,        SELF_SERVE, true,  true",
    "BUSINESS,   SELF_SERVE, true,  true",
    "ENTERPRISE, CONTRACT,   true,  false",
    "PRO,        LEGACY,     false, false",
    "TURBO,      LEGACY,     false, false",
    "LIGHTSPEED, LEGACY,     false, false",
  })
  void aPlanSaysWhatItAllows(Plan plan, Plan.Kind kind, boolean agents, boolean addOns) {
    assertThat(plan.kind()).isEqualTo(kind);
    assertThat(plan.canRunCloudAgents()).isEqualTo(agents);
    assertThat(plan.allowsAddOns()).isEqualTo(addOns);
    assertThat(plan.isSelfServe()).isEqualTo(kind == Plan.Kind.SELF_SERVE);
    assertThat(plan.isContract()).isEqualTo(kind == Plan.Kind.CONTRACT);
  }

  @ParameterizedTest(name = "{0} administers: {1}")
  @CsvSource({"OWNER, true", "ADMIN, true", "MEMBER, false"})
  void ownersAndAdminsAdministerBilling(Role role, boolean administers) {
    assertThat(role.administers()).isEqualTo(administers);
  }
}
