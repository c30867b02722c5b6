package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.ListRunsQuery;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.ListedRunView;
import dev.agentcredits.application.port.in.view.RunPageView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ListRuns: newest first, paged by cursor; a MEMBER lists only their own runs. */
class ListRunsTest extends UseCaseTest {

  @Test
  void runsComeNewestFirstWithWhenTheyWereSubmitted() {
    TestTeam team = billing.aBuildTeam().build();
    RunView first = ok(team.submitAs("owner"));
    billing.advance(Duration.ofMinutes(1));
    RunView second = ok(team.submitAs("owner"));

    RunPageView page = ok(list(team.key("owner"), null, null, null, 20, null));

    assertThat(page.tasks())
        .extracting(t -> t.run().taskId())
        .containsExactly(second.taskId(), first.taskId());
    assertThat(page.tasks().getFirst().run().withOrigin(null)).isEqualTo(second);
    assertThat(page.tasks().getFirst().createdAt()).isEqualTo(billing.clock.instant());
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void pagingVisitsEveryRunOnceWhileNewRunsArrive() {
    TestTeam team = billing.aBuildTeam().build();
    for (int i = 0; i < 5; i++) {
      ok(team.submitAs("owner")); // at one instant: ties are ordered by id
    }
    List<String> submitted = ids(ok(list(team.key("owner"), null, null, null, 100, null)));
    assertThat(submitted).hasSize(5);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      RunPageView page = ok(list(team.key("owner"), null, null, null, 2, cursor));
      page.tasks().forEach(t -> seen.add(t.run().taskId()));
      billing.advance(Duration.ofSeconds(1));
      ok(team.submitAs("owner"));
      cursor = page.nextCursor();
    } while (cursor != null);

    assertThat(seen).containsExactlyElementsOf(submitted);
  }

  @Test
  void aMemberListsOnlyTheirOwnRunsAndMayNotNameAnother() {
    TestTeam team = billing.aBuildTeam().withMember("bob").withMember("eve").build();
    RunView bobs = ok(team.submitAs("bob"));
    ok(team.submitAs("eve"));
    ok(team.submitAs("owner"));

    assertThat(ids(ok(list(team.key("bob"), null, null, null, 20, null))))
        .containsExactly(bobs.taskId());
    assertThat(ids(ok(list(team.key("bob"), team.id, team.memberId("bob"), null, 20, null))))
        .containsExactly(bobs.taskId());
    refused(
        list(team.key("bob"), null, team.memberId("eve"), null, 20, null),
        Refusal.NotAuthorized.class);
  }

  @Test
  void theOwnerAnAdminTheTeamKeyAndTheOperatorListTheTeamsRunsFilteredAsAsked() {
    TestTeam team =
        billing.aBuildTeam().withMember("bob").withAdmin("ada").withCreditsLeft("bob", 20).build();
    billing.advance(Duration.ofSeconds(1));
    RunView queued = ok(team.submitAs("bob"));
    billing.advance(Duration.ofSeconds(1));
    String failed = refused(team.submitAs("bob"), Refusal.InsufficientCredits.class).run().value();
    billing.advance(Duration.ofSeconds(1));
    RunView owners = ok(team.submitAs("owner"));

    for (Caller caller : List.of(team.key("owner"), team.key("ada"), team.teamKey(), OPERATOR)) {
      var all = ids(ok(list(caller, team.id, null, null, 20, null)));
      assertThat(all).contains(owners.taskId(), failed, queued.taskId());
      // bob's oldest run is the one that spent his credits down to 20
      assertThat(ids(ok(list(caller, team.id, team.memberId("bob"), null, 20, null))))
          .hasSize(3)
          .startsWith(failed, queued.taskId())
          .doesNotContain(owners.taskId());
      assertThat(ids(ok(list(caller, team.id, null, RunState.FAILED, 20, null))))
          .containsExactly(failed);
    }
  }

  @Test
  void anotherTeamIsNotAuthorizedAndTheOperatorMustNameATeam() {
    TestTeam team = billing.aBuildTeam().build();
    TestTeam other = billing.aBuildTeam().build();

    refused(list(other.key("owner"), team.id, null, null, 20, null), Refusal.NotAuthorized.class);
    refused(list(other.teamKey(), team.id, null, null, 20, null), Refusal.NotAuthorized.class);
    refused(list(OPERATOR, null, null, null, 20, null), Refusal.InvalidRequest.class);
    refused(list(OPERATOR, new TeamId("team_nope"), null, null, 20, null), Refusal.NotFound.class);
    refused(
        list(team.key("owner"), null, other.memberId("owner"), null, 20, null),
        Refusal.NotFound.class);
  }

  @Test
  void badFiltersAreInvalid() {
    TestTeam team = billing.aBuildTeam().build();

    refused(
        list(team.key("owner"), null, null, null, 20, "not-a-cursor"),
        Refusal.InvalidRequest.class);
    assertThatThrownBy(() -> ListRunsQuery.state("RUNNING"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("QUEUED");
    assertThatThrownBy(() -> new ListRunsQuery(OPERATOR, team.id, null, null, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ListRunsQuery(OPERATOR, team.id, null, null, 101, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ListRunsQuery.state("CANCELLED")).isEqualTo(RunState.CANCELLED);
  }

  private Outcome<RunPageView> list(
      Caller caller, TeamId team, MemberId member, RunState state, int limit, String cursor) {
    return billing
        .app
        .listRuns()
        .list(new ListRunsQuery(caller, team, member, state, limit, cursor));
  }

  private static List<String> ids(RunPageView page) {
    return page.tasks().stream().map(ListedRunView::run).map(RunView::taskId).toList();
  }

  @Test
  void eachRunSaysWhenWhatAndWhoSubmittedIt() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    RunView bobs = ok(team.submitAs("bob"));
    RunView keyed = ok(team.submitWithTeamKey());
    RunView scheduled = ok(team.submitScheduledAs("owner"));
    RunView bridged =
        ok(
            billing
                .app
                .submitRun()
                .submit(
                    new dev.agentcredits.application.port.in.SubmitRunCommand(
                        BillingFixture.INTEGRATION,
                        team.id,
                        dev.agentcredits.domain.principal.Trigger.TEAM_API_KEY,
                        null,
                        null,
                        "x".repeat(200),
                        null)));

    var byId = new java.util.HashMap<String, RunView>();
    ok(list(team.key("owner"), null, null, null, 20, null))
        .tasks()
        .forEach(t -> byId.put(t.run().taskId(), t.run()));

    var who = byId.get(bobs.taskId()).origin().submittedBy();
    assertThat(who.memberId()).isEqualTo(team.memberId("bob").value());
    assertThat(who.email()).isEqualTo(team.email("bob"));
    assertThat(byId.get(bobs.taskId()).origin().promptExcerpt()).isEqualTo("fix the build");
    assertThat(byId.get(bobs.taskId()).origin().createdAt()).isEqualTo(billing.clock.instant());
    var key = byId.get(keyed.taskId()).origin().submittedBy();
    assertThat(key.keyId()).isNotNull();
    assertThat(key.name()).isEqualTo("ci");
    assertThat(key.memberId()).isNull();
    assertThat(byId.get(scheduled.taskId()).origin().submittedBy().scheduleId())
        .isEqualTo("nightly");
    var fromBroker = byId.get(bridged.taskId()).origin();
    assertThat(fromBroker.submittedBy().keyId()).isNull();
    assertThat(fromBroker.promptExcerpt()).hasSize(80).endsWith("\u2026");
    // The single read says the same.
    assertThat(
            ok(billing
                    .app
                    .getRun()
                    .get(
                        new dev.agentcredits.application.port.in.RunCommand(
                            BillingFixture.OPERATOR,
                            new dev.agentcredits.domain.shared.RunId(keyed.taskId()))))
                .origin())
        .isEqualTo(byId.get(keyed.taskId()).origin());
  }
}
