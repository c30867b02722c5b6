package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RevokeApiKeyCommand;
import dev.agentcredits.application.port.in.TeamApiKeyCommand;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.application.port.in.view.ApiKeyView;
import dev.agentcredits.application.port.in.view.MemberView;
import dev.agentcredits.domain.shared.ApiKeyId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ListMembers and ListApiKeys: who is in the team, which team keys it has; never a secret. */
class TeamDirectoryTest extends UseCaseTest {

  @Test
  void theOwnerAnAdminAndTheOperatorSeeEveryMemberAMemberOnlyThemselves() {
    TestTeam team = billing.aBuildTeam().withAdmin("ada").withMember("bob").build();
    List<MemberView> everyone =
        List.of(
            member(team, "owner", "OWNER"),
            member(team, "ada", "ADMIN"),
            member(team, "bob", "MEMBER"));

    for (Caller caller : List.of(team.key("owner"), team.key("ada"), OPERATOR)) {
      assertThat(ok(members(caller, team))).containsExactlyInAnyOrderElementsOf(everyone);
    }
    assertThat(ok(members(team.key("bob"), team))).containsExactly(member(team, "bob", "MEMBER"));
  }

  @Test
  void aTeamKeyAndAnotherTeamMayNotListMembers() {
    TestTeam team = billing.aBuildTeam().build();
    TestTeam other = billing.aBuildTeam().build();

    refused(members(team.teamKey(), team), Refusal.NotAuthorized.class);
    refused(members(other.key("owner"), team), Refusal.NotAuthorized.class);
  }

  @Test
  void teamKeysAreListedOldestFirstWithTheirRevocationAndWithoutSecrets() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    var ci =
        ok(billing.app.issueTeamApiKey().issue(new TeamApiKeyCommand(OPERATOR, team.id, "ci")));
    billing.advance(Duration.ofMinutes(1));
    var nightly =
        ok(
            billing
                .app
                .issueTeamApiKey()
                .issue(new TeamApiKeyCommand(OPERATOR, team.id, "nightly")));
    billing.advance(Duration.ofMinutes(1));
    ok(
        billing
            .app
            .revokeApiKey()
            .revoke(new RevokeApiKeyCommand(OPERATOR, team.id, new ApiKeyId(ci.keyId()))));

    List<ApiKeyView> keys = ok(keys(team.key("owner"), team));

    assertThat(keys).extracting(ApiKeyView::keyId).containsExactly(ci.keyId(), nightly.keyId());
    assertThat(keys).extracting(ApiKeyView::name).containsExactly("ci", "nightly");
    assertThat(keys.get(0).revokedAt()).isEqualTo(billing.clock.instant());
    assertThat(keys.get(1).revokedAt()).isNull();
    assertThat(keys.get(1).createdAt()).isEqualTo(billing.clock.instant().minusSeconds(60));
    assertThat(keys.toString()).doesNotContain(ci.apiKey(), nightly.apiKey());
    assertThat(ok(keys(OPERATOR, team))).isEqualTo(keys);
  }

  @Test
  void onlyTheOperatorTheOwnerAndAdminsListKeys() {
    TestTeam team = billing.aBuildTeam().withAdmin("ada").withMember("bob").build();
    TestTeam other = billing.aBuildTeam().build();

    ok(keys(team.key("ada"), team));
    refused(keys(team.key("bob"), team), Refusal.NotAuthorized.class);
    refused(keys(team.teamKey(), team), Refusal.NotAuthorized.class);
    refused(keys(other.key("owner"), team), Refusal.NotAuthorized.class);
  }

  private static MemberView member(TestTeam team, String name, String role) {
    return new MemberView(team.memberId(name).value(), team.email(name), role);
  }

  private Outcome<List<MemberView>> members(Caller caller, TestTeam team) {
    return billing.app.listMembers().members(new TeamQuery(caller, team.id));
  }

  private Outcome<List<ApiKeyView>> keys(Caller caller, TestTeam team) {
    return billing.app.listApiKeys().apiKeys(new TeamQuery(caller, team.id));
  }
}
