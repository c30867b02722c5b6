package dev.agentcredits.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.AuthenticateUseCase;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.MemberCommand;
import dev.agentcredits.application.service.access.AuthenticateService;
import dev.agentcredits.application.testing.TestSecrets;
import dev.agentcredits.domain.team.Role;
import org.junit.jupiter.api.Test;

/**
 * Nothing about a key or its member is kept between requests: what another instance changed is seen
 * by the next request here (API.md: a revoked key "stops working at once").
 */
class AuthenticationTest extends UseCaseTest {
  private final TestTeam team = billing.aBuildTeam().withMember("bob").build();

  /** A second instance of the service, on the same store. */
  private final AuthenticateUseCase elsewhere =
      new AuthenticateService(
          billing.stores().apiKeys(), new TestSecrets(), "operator-key", billing.clock);

  @Test
  void aMemberKeyActsAsItsMemberWithTheRoleTheStoreHoldsNow() {
    assertThat(elsewhere.authenticate(team.apiKey("bob")))
        .get()
        .isInstanceOfSatisfying(
            Caller.MemberKey.class,
            bob -> {
              assertThat(bob.member()).isEqualTo(team.memberId("bob"));
              assertThat(bob.team()).isEqualTo(team.id);
              assertThat(bob.role()).isEqualTo(Role.MEMBER);
            });
  }

  @Test
  void aMemberRemovedHereStopsAuthenticatingOnAnInstanceThatAuthenticatedThemBefore() {
    assertThat(elsewhere.authenticate(team.apiKey("bob"))).isPresent();

    billing
        .app
        .removeMember()
        .remove(new MemberCommand(team.key("owner"), team.id, team.memberId("bob")));

    assertThat(elsewhere.authenticate(team.apiKey("bob"))).isEmpty();
  }

  @Test
  void aKeyWhoseMemberIsGoneIsRefusedEvenBeforeTheKeyIsRevoked() {
    assertThat(elsewhere.authenticate(team.apiKey("bob"))).isPresent();

    billing.stores().teams().removeMember(team.memberId("bob"), billing.clock.instant());

    assertThat(elsewhere.authenticate(team.apiKey("bob"))).isEmpty();
  }
}
