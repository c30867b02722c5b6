package dev.agentcredits.domain.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.pool.PoolBalances;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Payer;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public page's "How to resolve" for each billed principal and each auto-reload state: who can
 * fix it, and how. Remedies are written {@code action:who}, in order.
 */
class InsufficientCreditsTest {
  private static final TeamId TEAM = new TeamId("team-1");

  @ParameterizedTest(name = "{0}, auto-reload {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          TRIGGERING_USER | OFF              | PURCHASE_ADD_ON:TRIGGERING_USER WAIT_FOR_REFRESH:TRIGGERING_USER ENABLE_AUTO_RELOAD:TRIGGERING_USER RETRY:TRIGGERING_USER
          TRIGGERING_USER | PAYMENT_DECLINED | PURCHASE_ADD_ON:TRIGGERING_USER WAIT_FOR_REFRESH:TRIGGERING_USER ENABLE_AUTO_RELOAD:TRIGGERING_USER RETRY:TRIGGERING_USER
          TRIGGERING_USER | CAP_REACHED      | PURCHASE_ADD_ON:TRIGGERING_USER WAIT_FOR_REFRESH:TRIGGERING_USER RAISE_SPEND_CAP:TEAM_ADMIN RETRY:TRIGGERING_USER
          TRIGGERING_USER | IN_FLIGHT        | PURCHASE_ADD_ON:TRIGGERING_USER WAIT_FOR_REFRESH:TRIGGERING_USER RETRY:TRIGGERING_USER
          TEAM_OWNER      | OFF              | PURCHASE_ADD_ON:TEAM_OWNER PURCHASE_ADD_ON:TEAM_ADMIN WAIT_FOR_REFRESH:TEAM_OWNER ENABLE_AUTO_RELOAD:TEAM_OWNER RETRY:TRIGGERING_USER
          TEAM_OWNER      | PAYMENT_DECLINED | PURCHASE_ADD_ON:TEAM_OWNER PURCHASE_ADD_ON:TEAM_ADMIN WAIT_FOR_REFRESH:TEAM_OWNER ENABLE_AUTO_RELOAD:TEAM_OWNER RETRY:TRIGGERING_USER
          TEAM_OWNER      | CAP_REACHED      | PURCHASE_ADD_ON:TEAM_OWNER PURCHASE_ADD_ON:TEAM_ADMIN WAIT_FOR_REFRESH:TEAM_OWNER RAISE_SPEND_CAP:TEAM_ADMIN RETRY:TRIGGERING_USER
          TEAM_OWNER      | IN_FLIGHT        | PURCHASE_ADD_ON:TEAM_OWNER PURCHASE_ADD_ON:TEAM_ADMIN WAIT_FOR_REFRESH:TEAM_OWNER RETRY:TRIGGERING_USER
          TEAM_POOL       | NOT_OFFERED      | CONTACT_ACCOUNT_MANAGER:ACCOUNT_MANAGER RETRY:TRIGGERING_USER
          """)
  void theRemediesFitThePoolThatWasBilledAndTheAutoReloadState(
      Payer payer, AutoReloadState state, String expected) {
    InsufficientCredits why = refusal(payer, state);

    assertThat(why.remedies())
        .extracting(r -> r.action() + ":" + r.who())
        .containsExactly(expected.split(" "));
  }

  @Test
  void anEnterpriseRefusalNeverSuggestsBuyingOrReloading() {
    for (AutoReloadState state : AutoReloadState.values()) {
      List<RemedyAction> actions =
          refusal(Payer.TEAM_POOL, state).remedies().stream().map(Remedy::action).toList();

      assertThat(actions)
          .as("auto-reload %s", state)
          .doesNotContain(
              RemedyAction.PURCHASE_ADD_ON,
              RemedyAction.ENABLE_AUTO_RELOAD,
              RemedyAction.RAISE_SPEND_CAP,
              RemedyAction.WAIT_FOR_REFRESH);
    }
  }

  @Test
  void everySelfServeRefusalEndsWithARetryAndOffersAPurchase() {
    for (Payer payer : Arrays.asList(Payer.TRIGGERING_USER, Payer.TEAM_OWNER)) {
      for (AutoReloadState state : AutoReloadState.values()) {
        List<Remedy> remedies = refusal(payer, state).remedies();
        assertThat(remedies.get(remedies.size() - 1).action()).isEqualTo(RemedyAction.RETRY);
        assertThat(remedies).extracting(Remedy::action).contains(RemedyAction.PURCHASE_ADD_ON);
      }
    }
  }

  @Test
  void keepsEverythingTheProblemMustSay() {
    BilledPool billed = BilledPool.ofMember(TEAM, new MemberId("bob"), Payer.TRIGGERING_USER);
    PoolBalances balances = new PoolBalances(5, 10, 0, 3);
    Instant refresh = Instant.parse("2025-02-09T00:00:00Z");

    InsufficientCredits why =
        InsufficientCredits.of(
            billed,
            20,
            balances,
            List.of(),
            AutoReloadState.CAP_REACHED,
            Money.dollars(200),
            Money.dollars(200),
            Optional.of(refresh));

    assertThat(why.billed()).isEqualTo(billed);
    assertThat(why.required()).isEqualTo(20);
    assertThat(why.balances()).isEqualTo(balances);
    assertThat(why.autoReload()).isEqualTo(AutoReloadState.CAP_REACHED);
    assertThat(why.monthlySpendCap()).isEqualTo(Money.dollars(200));
    assertThat(why.monthToDateSpend()).isEqualTo(Money.dollars(200));
    assertThat(why.nextRefresh()).contains(refresh);
  }

  @Test
  void anEnterprisePoolHasNoRefreshToWaitFor() {
    assertThat(refusal(Payer.TEAM_POOL, AutoReloadState.NOT_OFFERED).nextRefresh()).isEmpty();
  }

  private static InsufficientCredits refusal(Payer payer, AutoReloadState state) {
    BilledPool billed =
        payer == Payer.TEAM_POOL
            ? BilledPool.ofTeam(TEAM)
            : BilledPool.ofMember(TEAM, new MemberId("bob"), payer);
    return InsufficientCredits.of(
        billed,
        20,
        new PoolBalances(0, 0, 0, 0),
        List.of(),
        state,
        Money.dollars(200),
        Money.ZERO,
        Optional.empty());
  }
}
