package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.AddMemberCommand;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.ProvisionTeamCommand;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RevokeApiKeyCommand;
import dev.agentcredits.application.port.in.TeamApiKeyCommand;
import dev.agentcredits.application.port.in.view.IssuedKeyView;
import dev.agentcredits.application.port.in.view.IssuedMemberView;
import dev.agentcredits.application.port.in.view.ProvisionedTeamView;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ProvisionTeam, AddMember, team API keys and authentication: who may, and what each opens. */
class ProvisioningTest extends UseCaseTest {

  @ParameterizedTest(name = "{0}: {1} plan credits")
  @CsvSource({"BUILD, 1500", "BUSINESS, 1500", "MAX, 10000"})
  void aSelfServeTeamStartsWithTheOwnersPoolCreditedForTheFirstCycle(Plan plan, long credits) {
    ProvisionedTeamView team =
        ok(
            billing
                .app
                .provisionTeam()
                .provision(new ProvisionTeamCommand(OPERATOR, "Acme", plan, "o@acme.example")));

    assertThat(team.plan()).isEqualTo(plan.name());
    assertThat(team.owner().role()).isEqualTo("OWNER");
    Caller owner = billing.authenticate(team.owner().apiKey());
    assertThat(owner).isInstanceOf(Caller.MemberKey.class);
    assertThat(((Caller.MemberKey) owner).role()).isEqualTo(Role.OWNER);
    var pool =
        ok(
            billing
                .app
                .billingQuery()
                .memberPool(
                    owner,
                    new dev.agentcredits.application.port.in.PoolRef(
                        new dev.agentcredits.domain.shared.TeamId(team.teamId()), null)));
    assertThat(pool.planCredits()).isEqualTo(credits);
    assertThat(pool.nextRefreshAt()).isEqualTo(BillingFixture.START.plusSeconds(30L * 86_400));
    assertThat(ofType(billing.takeEvents(), EventType.PLAN_CREDITS_REFRESHED)).hasSize(1);
  }

  @Test
  void anEnterpriseTeamHasOneEmptyTeamPoolAndNoMemberPools() {
    TestTeam team = billing.anEnterpriseTeam().withMember("bob").build();

    var pool = team.poolView("owner");
    assertThat(pool.kind()).isEqualTo("TEAM");
    assertThat(pool.availableCredits()).isZero();
    refused(
        billing.app.billingQuery().memberPool(OPERATOR, team.pool("bob")), Refusal.NotFound.class);
  }

  @Test
  void onlyTheOperatorProvisionsTeams() {
    TestTeam team = billing.aBuildTeam().build();

    refused(
        billing
            .app
            .provisionTeam()
            .provision(new ProvisionTeamCommand(team.key("owner"), "X", Plan.MAX, "x@x.example")),
        Refusal.NotAuthorized.class);
  }

  @ParameterizedTest(name = "{0} adds a member: {1}")
  @CsvSource({
    "operator, ok",
    "owner,    ok",
    "adam,     ok",
    "bob,      not_authorized",
    "team-key, not_authorized",
    "outsider, not_authorized"
  })
  void theOperatorTheOwnerOrAnAdminAddMembers(String who, String expected) {
    TestTeam team = billing.aBuildTeam().withAdmin("adam").withMember("bob").build();
    Caller caller = caller(team, who);

    var outcome =
        billing
            .app
            .addMember()
            .add(new AddMemberCommand(caller, team.id, "new@x.example", Role.MEMBER));

    if (expected.equals("ok")) {
      IssuedMemberView added = ok(outcome);
      Caller key = billing.authenticate(added.apiKey());
      assertThat(((Caller.MemberKey) key).role()).isEqualTo(Role.MEMBER);
      assertThat(
              billing
                  .stores()
                  .pools()
                  .find(
                      dev.agentcredits.domain.principal.PoolIds.forMember(
                          new dev.agentcredits.domain.shared.MemberId(added.memberId()))))
          .isPresent();
    } else {
      refused(outcome, Refusal.NotAuthorized.class);
    }
  }

  @Test
  void anEmailIsAMemberOfATeamOnce() {
    TestTeam team = billing.aBuildTeam().build();
    ok(
        billing
            .app
            .addMember()
            .add(new AddMemberCommand(OPERATOR, team.id, "a@x.example", Role.ADMIN)));

    refused(
        billing
            .app
            .addMember()
            .add(new AddMemberCommand(OPERATOR, team.id, "A@x.example", Role.MEMBER)),
        Refusal.InvalidRequest.class);
  }

  @ParameterizedTest(name = "{0} issues a team key: {1}")
  @CsvSource({
    "operator, ok",
    "owner,    ok",
    "adam,     ok",
    "bob,      not_authorized",
    "team-key, not_authorized"
  })
  void theOperatorTheOwnerOrAnAdminIssueTeamKeys(String who, String expected) {
    TestTeam team = billing.aBuildTeam().withAdmin("adam").withMember("bob").build();

    var outcome =
        billing
            .app
            .issueTeamApiKey()
            .issue(new TeamApiKeyCommand(caller(team, who), team.id, "ci"));

    if (expected.equals("ok")) {
      Caller key = billing.authenticate(ok(outcome).apiKey());
      assertThat(key).isEqualTo(new Caller.TeamKey(team.id, new ApiKeyId(ok(outcome).keyId())));
    } else {
      refused(outcome, Refusal.NotAuthorized.class);
    }
  }

  @Test
  void aRevokedKeyStopsWorkingAtOnce() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    IssuedKeyView key =
        ok(billing.app.issueTeamApiKey().issue(new TeamApiKeyCommand(OPERATOR, team.id, "ci")));
    var revoke = new RevokeApiKeyCommand(team.key("bob"), team.id, new ApiKeyId(key.keyId()));
    refused(billing.app.revokeApiKey().revoke(revoke), Refusal.NotAuthorized.class);

    ok(
        billing
            .app
            .revokeApiKey()
            .revoke(
                new RevokeApiKeyCommand(team.key("owner"), team.id, new ApiKeyId(key.keyId()))));

    assertThat(billing.app.authenticate().authenticate(key.apiKey())).isEmpty();
  }

  @Test
  void aMemberKeyIsNotATeamKeyToRevoke() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    var bobsKey = ((Caller.MemberKey) team.key("bob")).key();

    refused(
        billing.app.revokeApiKey().revoke(new RevokeApiKeyCommand(OPERATOR, team.id, bobsKey)),
        Refusal.NotFound.class);
    assertThat(billing.app.authenticate().authenticate(team.apiKey("bob"))).isPresent();
  }

  @Test
  void unknownMalformedAndOperatorKeysAuthenticateAsTheyShould() {
    assertThat(billing.app.authenticate().authenticate("operator-key")).contains(OPERATOR);
    assertThat(billing.app.authenticate().authenticate("ac_mk_unknown")).isEmpty();
    assertThat(billing.app.authenticate().authenticate("")).isEmpty();
    assertThat(billing.app.authenticate().authenticate(null)).isEmpty();
    assertThat(billing.app.authenticate().authenticate("x".repeat(201))).isEmpty();
  }

  private Caller caller(TestTeam team, String who) {
    return switch (who) {
      case "operator" -> OPERATOR;
      case "team-key" -> team.teamKey();
      case "outsider" -> billing.aBuildTeam().build().key("owner");
      default -> team.key(who);
    };
  }
}
