package dev.agentcredits.adapter.wire;

import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.usecase.BillingFixture;
import dev.agentcredits.application.usecase.TestTeam;
import dev.agentcredits.application.usecase.UseCaseTest;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.team.Plan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * insufficient_credits, as the use cases refuse and the wire renders it, says what the public
 * page's "How to resolve" says for the case at hand: which pool was billed, its balances, the
 * auto-reload state, and who can fix it.
 */
class InsufficientCreditsProblemTest extends UseCaseTest {

  @Test
  void aUserRunNamesTheTriggeringUsersPoolAndThatUserAsTheFixer() {
    TestTeam team = billing.aBuildTeam().withMember("bob").withCreditsLeft("bob", 5).build();

    Problem refusal = problem(team.submitAs("bob"));

    assertThat(refusal.type().status()).isEqualTo(403);
    assertThat(refusal.type().retryable()).isFalse();
    assertThat(refusal.type().title())
        .isEqualTo(
            "The principal billed for this run has no remaining credits. Purchase add-on credits"
                + " or raise the team-wide spend cap to continue.");
    assertThat(billedPool(refusal))
        .containsEntry("kind", "MEMBER")
        .containsEntry("member_id", team.memberId("bob").value())
        .containsEntry("payer", "triggering_user")
        .containsEntry("team_id", team.id.value());
    assertThat(refusal.extensions()).containsEntry("required_credits", 20L);
    assertThat(balances(refusal)).containsEntry("available_credits", 5L);
    assertThat(autoReloadState(refusal)).isEqualTo("off");
    assertThat(resolution(refusal))
        .containsExactly(
            "purchase_add_on:triggering_user",
            "wait_for_refresh:triggering_user",
            "enable_auto_reload:triggering_user",
            "retry:triggering_user");
    assertThat(refusal.extensions()).containsKey("next_refresh_at");
    assertThat(refusal.detail())
        .contains("triggering user's pool")
        .contains("Auto-reload is off.")
        .contains(
            "To continue, purchase add-on credits in Settings > Billing and usage; or wait for your"
                + " monthly plan credits to refresh")
        .endsWith("enable auto-reload, subject to the team-wide monthly spend cap; then retry.");
  }

  @Test
  void aTeamApiKeyRunNamesTheOwnersPoolAndTheOwnerOrAnAdminAsFixers() {
    TestTeam team = billing.aBuildTeam().withMember("bob").withCreditsLeft("owner", 0).build();

    Problem refusal = problem(team.submitWithTeamKey());

    assertThat(billedPool(refusal))
        .containsEntry("member_id", team.memberId("owner").value())
        .containsEntry("payer", "team_owner");
    assertThat(resolution(refusal))
        .containsExactly(
            "purchase_add_on:team_owner",
            "purchase_add_on:team_admin",
            "wait_for_refresh:team_owner",
            "enable_auto_reload:team_owner",
            "retry:triggering_user");
    assertThat(refusal.detail()).contains("team owner's pool");
    assertThat(team.poolView("bob").availableCredits())
        .as("the member's own credits are not used")
        .isEqualTo(1_500);
  }

  @Test
  void aScheduledRunNamesTheOwnersPoolToo() {
    TestTeam team = billing.aBuildTeam().withMember("bob").withCreditsLeft("owner", 0).build();

    Problem refusal = problem(team.submitScheduledAs("bob"));

    assertThat(billedPool(refusal)).containsEntry("payer", "team_owner");
  }

  @Test
  void anEnterpriseRunNamesTheTeamPoolAndTheAccountManager() {
    TestTeam team = billing.anEnterpriseTeam().withGrant(30).withCreditsLeft("owner", 10).build();

    Problem refusal = problem(team.submitAs("owner"));

    assertThat(billedPool(refusal))
        .containsEntry("kind", "TEAM")
        .containsEntry("payer", "team_pool")
        .doesNotContainKey("member_id");
    assertThat(autoReloadState(refusal)).isEqualTo("not_offered");
    assertThat(resolution(refusal))
        .containsExactly("contact_account_manager:account_manager", "retry:triggering_user");
    assertThat(refusal.extensions()).doesNotContainKey("next_refresh_at");
    assertThat(refusal.detail()).contains("account manager");
  }

  @Test
  void aCapReachedRefusalSaysSoAndNamesTheOwnerAndAdminsForTheCap() {
    TestTeam team =
        billing
            .aBuildTeam()
            .withAdmin("ada")
            .withCreditsLeft("owner", 0)
            .withAutoReload("owner", 400)
            .withSpendCap(Money.ZERO)
            .build();

    Problem refusal = problem(team.submitAs("owner"));

    assertThat(autoReloadState(refusal)).isEqualTo("cap_reached");
    assertThat(refusal.extensions()).containsEntry("cause", "cap_reached");
    assertThat(resolution(refusal))
        .containsExactly(
            "raise_spend_cap:owner_or_admin",
            "wait_for_month_start:triggering_user",
            "wait_for_refresh:triggering_user",
            "retry:triggering_user");
    assertThat(emails(refusal, 0)).containsExactly(team.email("owner"), team.email("ada"));
    @SuppressWarnings("unchecked")
    Map<String, Object> cap = (Map<String, Object>) refusal.extensions().get("spend_cap");
    assertThat(cap).containsEntry("monthly_limit_cents", 0L);
    assertThat(refusal.detail())
        .contains(
            "Auto-reload is on, but the team-wide monthly spend cap leaves it no room to buy more")
        .contains("an admin or the team owner (" + team.email("owner") + ", ")
        .contains("1st of the month (UTC)");
  }

  /** The issue's case: a member's pool drained, auto-reload on, the cap reached. */
  @Test
  void aMembersCapReachedRefusalOffersNoPurchaseNorAutoReloadAndHidesAddresses() {
    TestTeam team =
        billing
            .aBuildTeam()
            .withMember("bob")
            .withCreditsLeft("bob", 0)
            .withAutoReload("bob", 400)
            .withSpendCap(Money.ZERO)
            .build();

    Problem refusal = problem(team.submitAs("bob"));

    assertThat(resolution(refusal))
        .containsExactly(
            "raise_spend_cap:owner_or_admin",
            "wait_for_month_start:triggering_user",
            "wait_for_refresh:triggering_user",
            "retry:triggering_user");
    assertThat(emails(refusal, 0)).isEmpty();
    assertThat(refusal.detail())
        .doesNotContainIgnoringCase("purchase")
        .doesNotContainIgnoringCase("enable auto-reload")
        .doesNotContain("@")
        .contains(
            "To continue, an admin or the team owner can raise the team-wide monthly spend cap in"
                + " Settings > Billing and usage; or wait for the 1st of the month (UTC)");
  }

  @Test
  void anOffRefusalWithNoRoomUnderTheCapOffersTheCapRaiseInsteadOfABuy() {
    TestTeam team =
        billing.aBuildTeam().withCreditsLeft("owner", 0).withSpendCap(Money.dollars(5)).build();

    Problem refusal = problem(team.submitAs("owner"));

    assertThat(autoReloadState(refusal)).isEqualTo("off");
    assertThat(refusal.extensions()).containsEntry("cause", "cap_reached");
    assertThat(resolution(refusal))
        .containsExactly(
            "raise_spend_cap:owner_or_admin",
            "wait_for_refresh:triggering_user",
            "retry:triggering_user");
    assertThat(refusal.detail())
        .contains("Auto-reload is off, and the team-wide monthly spend cap leaves no room")
        .doesNotContainIgnoringCase("purchase");
  }

  @Test
  void aDeclinedReloadRefusalSaysThePaymentWasDeclinedAndWhoFixesTheCard() {
    TestTeam team =
        billing.aBuildTeam().withCreditsLeft("owner", 0).withAutoReload("owner", 400).build();
    billing.gateway.setDeclined(team.id, true);

    Problem refusal = problem(team.submitAs("owner"));

    assertThat(autoReloadState(refusal)).isEqualTo("payment_declined");
    assertThat(resolution(refusal))
        .containsExactly(
            "update_payment_method:owner_or_admin",
            "enable_auto_reload:owner_or_admin",
            "wait_for_refresh:triggering_user",
            "retry:triggering_user");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps =
        (List<Map<String, Object>>) refusal.extensions().get("resolution");
    assertThat(steps.get(1)).containsEntry("with_previous", true);
    assertThat(refusal.detail())
        .contains("The team's card was declined, so auto-reload was turned off.")
        .contains("can update the team's card in Settings > Billing and usage and turn auto-reload")
        .doesNotContainIgnoringCase("purchase");
  }

  @Test
  void theRefusedRunIsStoredFailedAndTheRejectionPublished() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 0).build();

    Problem refusal = problem(team.submitAs("owner"));

    String taskId = (String) refusal.extensions().get("task_id");
    assertThat(billing.run(taskId).state()).isEqualTo("FAILED");
    assertThat(billing.run(taskId).errorCode()).isEqualTo("insufficient_credits");
    assertThat(ofType(billing.takeEvents(), EventType.RUN_REJECTED))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.subject()).isEqualTo(taskId);
          assertThat(EventBodies.data(e)).containsEntry("error_code", "insufficient_credits");
          assertThat(EventBodies.data(e)).containsEntry("reason", "off");
        });
  }

  @Test
  void theSourcesTriedShowWhatEachHeld() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 25).build();
    var first = BillingFixture.ok(team.submitAs("owner"));

    Problem refusal = problem(team.submitAs("owner"));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tried =
        (List<Map<String, Object>>) refusal.extensions().get("sources_tried");
    assertThat(tried)
        .singleElement()
        .satisfies(s -> {
          assertThat(s).containsEntry("kind", "plan");
          assertThat(s).containsEntry("credits_held", 20L);
          assertThat(s).containsEntry("credits_free", 5L);
        });
    assertThat(balances(refusal)).containsEntry("held_credits", 20L);
    assertThat(first.heldCredits()).isEqualTo(20);
  }

  @Test
  void theProblemBodyHasEveryStandardMemberOnceAndExtensionsNeverReplaceThem() {
    TestTeam team = billing.aTeam(Plan.MAX).withCreditsLeft("owner", 0).build();
    Problem refusal = problem(team.submitWithTeamKey());

    Map<String, Object> body = refusal.body("/api/v1/agent/tasks", "trace-1");

    Set<String> standard =
        Set.of(
            "type",
            "title",
            "status",
            "detail",
            "instance",
            "error",
            "retryable",
            "trace_id",
            "code");
    assertThat(refusal.extensions().keySet()).doesNotContainAnyElementsOf(standard);
    assertThat(body)
        .containsEntry(
            "type", "/reference/api-and-sdk/troubleshooting/errors/insufficient-credits/")
        .containsEntry("status", 403)
        .containsEntry("code", "insufficient_credits")
        .containsEntry("retryable", false)
        .containsEntry("instance", "/api/v1/agent/tasks")
        .containsKeys("task_id", "billed_pool", "balances", "auto_reload", "resolution");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> billedPool(Problem refusal) {
    return (Map<String, Object>) refusal.extensions().get("billed_pool");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> balances(Problem refusal) {
    return (Map<String, Object>) refusal.extensions().get("balances");
  }

  @SuppressWarnings("unchecked")
  private static String autoReloadState(Problem refusal) {
    return (String) ((Map<String, Object>) refusal.extensions().get("auto_reload")).get("state");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> emails(Problem refusal, int step) {
    Map<String, Object> remedy =
        ((List<Map<String, Object>>) refusal.extensions().get("resolution")).get(step);
    return (List<Object>) remedy.getOrDefault("emails", List.of());
  }

  @SuppressWarnings("unchecked")
  private static List<String> resolution(Problem refusal) {
    return ((List<Map<String, Object>>) refusal.extensions().get("resolution"))
        .stream().map(r -> r.get("action") + ":" + r.get("who")).toList();
  }

  private static Problem problem(dev.agentcredits.application.port.in.Outcome<?> outcome) {
    return Problem.of(refused(outcome, Refusal.InsufficientCredits.class));
  }
}
