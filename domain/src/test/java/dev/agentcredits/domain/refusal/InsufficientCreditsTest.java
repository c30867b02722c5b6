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
 * The public page's "How to resolve" for each billed principal, auto-reload state and room under
 * the cap: only steps that would work, in the page's order. Remedies are written {@code
 * action:who}, a step taken together with the one before it {@code +action:who}.
 */
class InsufficientCreditsTest {
  private static final TeamId TEAM = new TeamId("team-1");

  @ParameterizedTest(name = "{0}, auto-reload {1}, cap has room {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          TRIGGERING_USER | OFF              | true  | AUTO_RELOAD_OFF    | PURCHASE_ADD_ON:TRIGGERING_USER WAIT_FOR_REFRESH:TRIGGERING_USER ENABLE_AUTO_RELOAD:TRIGGERING_USER RETRY:TRIGGERING_USER
          TRIGGERING_USER | OFF              | false | CAP_REACHED        | RAISE_SPEND_CAP:OWNER_OR_ADMIN WAIT_FOR_REFRESH:TRIGGERING_USER RETRY:TRIGGERING_USER
          TRIGGERING_USER | CAP_REACHED      | false | CAP_REACHED        | RAISE_SPEND_CAP:OWNER_OR_ADMIN WAIT_FOR_MONTH_START:TRIGGERING_USER WAIT_FOR_REFRESH:TRIGGERING_USER RETRY:TRIGGERING_USER
          TRIGGERING_USER | CAP_REACHED      | true  | CAP_REACHED        | RAISE_SPEND_CAP:OWNER_OR_ADMIN WAIT_FOR_MONTH_START:TRIGGERING_USER WAIT_FOR_REFRESH:TRIGGERING_USER RETRY:TRIGGERING_USER
          TRIGGERING_USER | PAYMENT_DECLINED | true  | PAYMENT_DECLINED   | UPDATE_PAYMENT_METHOD:OWNER_OR_ADMIN +ENABLE_AUTO_RELOAD:OWNER_OR_ADMIN WAIT_FOR_REFRESH:TRIGGERING_USER RETRY:TRIGGERING_USER
          TRIGGERING_USER | PAYMENT_DECLINED | false | PAYMENT_DECLINED   | UPDATE_PAYMENT_METHOD:OWNER_OR_ADMIN +ENABLE_AUTO_RELOAD:OWNER_OR_ADMIN +RAISE_SPEND_CAP:OWNER_OR_ADMIN WAIT_FOR_REFRESH:TRIGGERING_USER RETRY:TRIGGERING_USER
          TRIGGERING_USER | IN_FLIGHT        | true  | RELOAD_IN_FLIGHT   | PURCHASE_ADD_ON:TRIGGERING_USER WAIT_FOR_REFRESH:TRIGGERING_USER RETRY:TRIGGERING_USER
          TRIGGERING_USER | IN_FLIGHT        | false | CAP_REACHED        | RAISE_SPEND_CAP:OWNER_OR_ADMIN WAIT_FOR_REFRESH:TRIGGERING_USER RETRY:TRIGGERING_USER
          TEAM_OWNER      | OFF              | true  | AUTO_RELOAD_OFF    | PURCHASE_ADD_ON:TEAM_OWNER PURCHASE_ADD_ON:TEAM_ADMIN WAIT_FOR_REFRESH:TEAM_OWNER ENABLE_AUTO_RELOAD:TEAM_OWNER RETRY:TRIGGERING_USER
          TEAM_OWNER      | CAP_REACHED      | false | CAP_REACHED        | RAISE_SPEND_CAP:OWNER_OR_ADMIN WAIT_FOR_MONTH_START:TEAM_OWNER WAIT_FOR_REFRESH:TEAM_OWNER RETRY:TRIGGERING_USER
          TEAM_OWNER      | PAYMENT_DECLINED | true  | PAYMENT_DECLINED   | UPDATE_PAYMENT_METHOD:OWNER_OR_ADMIN +ENABLE_AUTO_RELOAD:OWNER_OR_ADMIN WAIT_FOR_REFRESH:TEAM_OWNER RETRY:TRIGGERING_USER
          TEAM_OWNER      | IN_FLIGHT        | true  | RELOAD_IN_FLIGHT   | PURCHASE_ADD_ON:TEAM_OWNER PURCHASE_ADD_ON:TEAM_ADMIN WAIT_FOR_REFRESH:TEAM_OWNER RETRY:TRIGGERING_USER
          TEAM_POOL       | NOT_OFFERED      | true  | CONTRACT_EXHAUSTED | CONTACT_ACCOUNT_MANAGER:ACCOUNT_MANAGER RETRY:TRIGGERING_USER
          TEAM_POOL       | NOT_OFFERED      | false | CONTRACT_EXHAUSTED | CONTACT_ACCOUNT_MANAGER:ACCOUNT_MANAGER RETRY:TRIGGERING_USER
          """)
  void eachCaseGetsOnlyTheStepsThatWouldWorkInThePagesOrder(
      Payer payer, AutoReloadState state, boolean capHasRoom, RefusalCase cause, String expected) {
    Resolution resolution = Resolution.decide(payer, state, capHasRoom);

    assertThat(resolution.cause()).isEqualTo(cause);
    assertThat(resolution.steps())
        .extracting(r -> (r.withPrevious() ? "+" : "") + r.action() + ":" + r.who())
        .containsExactly(expected.split(" "));
  }

  @Test
  void whenTheCapIsTheCauseNeitherABuyNorTurningOnAutoReloadIsOffered() {
    for (Payer payer : Arrays.asList(Payer.TRIGGERING_USER, Payer.TEAM_OWNER)) {
      for (AutoReloadState state : List.of(AutoReloadState.OFF, AutoReloadState.CAP_REACHED)) {
        assertThat(Resolution.decide(payer, state, false).steps())
            .extracting(Remedy::action)
            .as("%s, auto-reload %s", payer, state)
            .doesNotContain(RemedyAction.PURCHASE_ADD_ON, RemedyAction.ENABLE_AUTO_RELOAD)
            .contains(RemedyAction.RAISE_SPEND_CAP);
      }
    }
  }

  @Test
  void theCapCountsAsReachedWhenTheCheapestAddOnNoLongerFits() {
    assertThat(refusal(AutoReloadState.OFF, Money.dollars(191), Money.dollars(10)).cause())
        .isEqualTo(RefusalCase.CAP_REACHED);
    assertThat(refusal(AutoReloadState.OFF, Money.dollars(190), Money.dollars(10)).cause())
        .isEqualTo(RefusalCase.AUTO_RELOAD_OFF);
  }

  @Test
  void anEnterpriseRefusalNeverSuggestsBuyingOrReloading() {
    for (AutoReloadState state : AutoReloadState.values()) {
      List<RemedyAction> actions =
          Resolution.decide(Payer.TEAM_POOL, state, true).steps().stream()
              .map(Remedy::action)
              .toList();

      assertThat(actions)
          .as("auto-reload %s", state)
          .containsExactly(RemedyAction.CONTACT_ACCOUNT_MANAGER, RemedyAction.RETRY);
    }
  }

  @Test
  void everyRefusalEndsWithARetry() {
    for (Payer payer : Payer.values()) {
      for (AutoReloadState state : AutoReloadState.values()) {
        for (boolean room : new boolean[] {true, false}) {
          List<Remedy> steps = Resolution.decide(payer, state, room).steps();
          assertThat(steps.get(steps.size() - 1).action()).isEqualTo(RemedyAction.RETRY);
        }
      }
    }
  }

  @Test
  void theOwnerAndAdminsAreNamedOnlyWhereTheCallerMaySeeThem() {
    Contacts visible = new Contacts("owner@example.com", List.of("admin@example.com"));

    Resolution named =
        Resolution.decide(Payer.TRIGGERING_USER, AutoReloadState.CAP_REACHED, false)
            .naming(visible);
    Resolution hidden =
        Resolution.decide(Payer.TRIGGERING_USER, AutoReloadState.CAP_REACHED, false)
            .naming(Contacts.HIDDEN);

    assertThat(named.steps().get(0).contacts())
        .containsExactly("owner@example.com", "admin@example.com");
    assertThat(named.steps().get(1).contacts()).isEmpty();
    assertThat(hidden.steps()).allSatisfy(s -> assertThat(s.contacts()).isEmpty());
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
            Optional.of(refresh),
            Money.dollars(10),
            Contacts.HIDDEN);

    assertThat(why.billed()).isEqualTo(billed);
    assertThat(why.required()).isEqualTo(20);
    assertThat(why.balances()).isEqualTo(balances);
    assertThat(why.autoReload()).isEqualTo(AutoReloadState.CAP_REACHED);
    assertThat(why.cause()).isEqualTo(RefusalCase.CAP_REACHED);
    assertThat(why.monthlySpendCap()).isEqualTo(Money.dollars(200));
    assertThat(why.monthToDateSpend()).isEqualTo(Money.dollars(200));
    assertThat(why.nextRefresh()).contains(refresh);
  }

  private static InsufficientCredits refusal(AutoReloadState state, Money spent, Money cheapest) {
    return InsufficientCredits.of(
        BilledPool.ofMember(TEAM, new MemberId("bob"), Payer.TRIGGERING_USER),
        20,
        new PoolBalances(0, 0, 0, 0),
        List.of(),
        state,
        Money.dollars(200),
        spent,
        Optional.empty(),
        cheapest,
        Contacts.HIDDEN);
  }
}
