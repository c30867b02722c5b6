package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.AddMemberCommand;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.MemberCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.application.port.in.view.MemberView;
import dev.agentcredits.application.port.in.view.PoolView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.PostingKind;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.team.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DOMAIN.md rule 22 on the in-memory twins: removing a member, rotating a member's key. */
class RemoveMemberTest extends UseCaseTest {

  @Test
  void theMembersKeysStopTheirLotsMoveToTheOwnerAndTheirPlanCreditsEnd() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    ok(team.buy(team.key("bob"), "bob", 1_000));
    String bobsKey = team.apiKey("bob");
    PoolView before = team.poolView("owner");
    billing.takeEvents();

    ok(remove(OPERATOR, team, "bob"));

    assertThat(billing.app.authenticate().authenticate(bobsKey)).isEmpty();
    PoolView owner = team.poolView("owner");
    assertThat(owner.addonCredits()).isEqualTo(before.addonCredits() + 1_000);
    assertThat(owner.planCredits()).isEqualTo(before.planCredits());
    var bobsPool = billing.stores().pools().find(PoolIds.forMember(team.memberId("bob")));
    assertThat(bobsPool.orElseThrow().isClosed()).isTrue();
    assertThat(bobsPool.orElseThrow().balances().plan()).isZero();
    assertThat(bobsPool.orElseThrow().balances().addOn()).isZero();
    var ledger = billing.stores().ledger();
    assertThat(ledger.ofPool(PoolIds.forMember(team.memberId("bob"))))
        .anySatisfy(p -> {
          assertThat(p.kind()).isEqualTo(PostingKind.TRANSFERRED_OUT);
          assertThat(p.credits()).isEqualTo(1_000);
        })
        .anySatisfy(p -> {
          assertThat(p.kind()).isEqualTo(PostingKind.EXPIRED);
          assertThat(p.credits()).isEqualTo(1_500);
        });
    assertThat(ledger.ofPool(PoolIds.forMember(team.memberId("owner"))))
        .anySatisfy(p -> {
          assertThat(p.kind()).isEqualTo(PostingKind.TRANSFERRED_IN);
          assertThat(p.credits()).isEqualTo(1_000);
        });
    var events = billing.takeEvents();
    assertThat(ofType(events, EventType.MEMBER_REMOVED))
        .singleElement()
        .satisfies(e -> {
          var data = (EventData.MemberRemoved) e.data();
          assertThat(data.creditsTransferred()).isEqualTo(1_000);
          assertThat(data.planCreditsEnded()).isEqualTo(1_500);
        });
    assertThat(ofType(events, EventType.CREDITS_TRANSFERRED))
        .singleElement()
        .satisfies(
            e -> assertThat(((EventData.CreditsTransferred) e.data()).credits()).isEqualTo(1_000));
    billing.assertEveryPoolReconciles();
  }

  @Test
  void aRemovedMemberLeavesTheListsAndIsNotFoundAgain() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();

    ok(remove(OPERATOR, team, "bob"));

    List<MemberView> members =
        ok(billing.app.listMembers().members(new TeamQuery(OPERATOR, team.id)));
    assertThat(members).extracting(MemberView::email).doesNotContain(team.email("bob"));
    assertThat(ok(billing.app.billingQuery().teamBilling(OPERATOR, team.id)).pools())
        .extracting(PoolView::memberId)
        .doesNotContain(team.memberId("bob").value());
    refused(
        billing.app.billingQuery().memberPool(OPERATOR, team.pool("bob")), Refusal.NotFound.class);
    refused(remove(OPERATOR, team, "bob"), Refusal.NotFound.class);
    refused(team.submitByIntegrationFor("bob"), Refusal.NotFound.class);
    // The same address may join again, as a new member.
    ok(
        billing
            .app
            .addMember()
            .add(new AddMemberCommand(OPERATOR, team.id, team.email("bob"), Role.MEMBER)));
  }

  @Test
  void theOwnerCannotBeRemovedAndAMemberMayRemoveNobody() {
    TestTeam team =
        billing.aBuildTeam().withMember("bob").withMember("eve").withAdmin("ada").build();

    refused(remove(OPERATOR, team, "owner"), Refusal.Conflict.class);
    refused(remove(team.key("ada"), team, "owner"), Refusal.Conflict.class);
    refused(remove(team.key("eve"), team, "bob"), Refusal.NotAuthorized.class);
    refused(remove(team.teamKey(), team, "bob"), Refusal.NotAuthorized.class);
    assertThat(billing.app.authenticate().authenticate(team.apiKey("bob"))).isPresent();

    ok(remove(team.key("ada"), team, "bob"));
    ok(remove(team.key("owner"), team, "ada"));
  }

  @Test
  void anOpenRunKeepsItsHoldUntilSettledAndWhatItGivesBackGoesToTheOwner() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    ok(team.buy(team.key("bob"), "bob", 400));
    team.spendDownTo("bob", 400);
    RunView run = ok(team.submitAs("bob"));
    long ownerAddOn = team.poolView("owner").addonCredits();

    ok(remove(OPERATOR, team, "bob"));

    // The 20 credits held stay with the run; the other 380 moved.
    assertThat(team.poolView("owner").addonCredits()).isEqualTo(ownerAddOn + 380);
    ok(billing.usage(run, "u-1", 5));
    RunView done = ok(billing.complete(run));
    assertThat(done.state()).isEqualTo("SUCCEEDED");
    assertThat(done.chargedCredits()).isEqualTo(5);

    billing.app.timeKeeping().runDueWork();

    assertThat(team.poolView("owner").addonCredits()).isEqualTo(ownerAddOn + 395);
    var bobsPool = billing.stores().pools().find(PoolIds.forMember(team.memberId("bob")));
    assertThat(bobsPool.orElseThrow().available()).isZero();
    billing.assertEveryPoolReconciles();
  }

  @Test
  void rotatingAKeyStopsTheOldOneAtOnce() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    String old = team.apiKey("bob");

    var rotated = ok(billing.app.rotateMemberKey().rotate(command(team.key("owner"), team, "bob")));

    assertThat(billing.app.authenticate().authenticate(old)).isEmpty();
    assertThat(billing.app.authenticate().authenticate(rotated.apiKey()))
        .get()
        .isInstanceOfSatisfying(
            Caller.MemberKey.class, k -> assertThat(k.member()).isEqualTo(team.memberId("bob")));
    Caller bob = billing.authenticate(rotated.apiKey());
    refused(
        billing.app.rotateMemberKey().rotate(command(bob, team, "owner")),
        Refusal.NotAuthorized.class);
  }

  private Outcome<String> remove(Caller caller, TestTeam team, String member) {
    return billing.app.removeMember().remove(command(caller, team, member));
  }

  private static MemberCommand command(Caller caller, TestTeam team, String member) {
    return new MemberCommand(caller, team.id, team.memberId(member));
  }
}
