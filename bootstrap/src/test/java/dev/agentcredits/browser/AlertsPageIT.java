package dev.agentcredits.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.bootstrap.e2e.ServiceExtension;
import dev.agentcredits.bootstrap.e2e.Steps;
import dev.agentcredits.bootstrap.e2e.Teams;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 21, the page: the banner at the top says what is in force (GET alerts), to the owner and
 * admins with a button to the control that fixes it, to a member with whom to ask.
 */
class AlertsPageIT {
  @RegisterExtension
  @Order(1)
  static final ServiceExtension SERVICE = new ServiceExtension();

  @RegisterExtension
  @Order(2)
  static final Chromium CHROMIUM = new Chromium();

  private final Steps steps = new Steps(SERVICE.api());
  private BillingPage page;

  @BeforeEach
  void open() {
    CHROMIUM.resize(1280, 900);
    page = new BillingPage(CHROMIUM, SERVICE.port());
  }

  @AfterEach
  void noScriptErrors() {
    page.assertNoScriptErrors();
  }

  @Test
  void a_team_with_nothing_in_force_shows_no_banner() {
    var team = SERVICE.teams().build().withMember().create();

    page.signIn(team.owner().key()).signedIn().settled();

    assertThat(page.driver().findElements(By.id("alerts"))).isEmpty();
  }

  @Test
  void the_owner_sees_every_alert_with_the_button_that_fixes_it() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();
    declineTheOwnersReload(team); // and 10 of the owner's credits left
    SERVICE.advance(Duration.ofMinutes(1));
    steps.spendCap(team, team.owner().key(), 5000).assertStatus(200);
    buy(team, team.member(), 1000);
    buy(team, team.member(), 1000); // $40 of $50: 80 %, and room for a $10 add-on
    SERVICE.advance(Duration.ofMinutes(1));
    drain(team.member(), 3_450); // 50 of 3,500 left

    page.signIn(team.owner().key()).signedIn().settled();

    List<WebElement> alerts = alerts();
    assertThat(alerts)
        .extracting(a -> a.getDomAttribute("data-type"))
        .as("blocking first, then what concerns the reader, then the newest")
        .containsExactly(
            "auto_reload.failed", "spend_cap.threshold_reached", "credits.low", "credits.low");
    assertThat(alerts.get(0).getText())
        .contains("Auto-reload is off: the card was declined", "auto-reload of your pool")
        .contains("Update the card");
    assertThat(alerts.get(1).getText())
        .contains(
            "80% of the monthly spend cap is spent", "$40.00 of the $50.00 monthly spend cap");
    assertThat(alerts.get(2).getText())
        .contains("Your credits are low", "10 credits available")
        .as("the card that declined the reload would decline a purchase too")
        .contains("once it is updated, buy add-on credits");
    assertThat(alerts.get(3).isDisplayed()).as("behind Show 1 more alert").isFalse();
    assertThat(page.text("alerts")).contains("Show 1 more alert");
    assertThat(page.strayTexts()).isEmpty();
    for (int width : BillingPage.WIDTHS) {
      page.screenshot("alerts-owner", width);
      assertThat(page.sidewaysOverflow()).as("at %d px", width).isZero();
      for (WebElement button :
          page.driver().findElements(By.cssSelector("#alerts > .alert-list > .alert button"))) {
        assertThat(page.notInSight(button, page.byId("alerts"))).as("at %d px", width).isNull();
      }
    }
    page.width(1280);

    page.button("Update the card").click();
    assertThat(page.focused()).isEqualTo("card-setup");
    page.button("Raise the cap").click();
    assertThat(page.focused()).isEqualTo("spend-cap");

    page.driver().findElement(By.cssSelector("#alerts details summary")).click();
    assertThat(alerts.get(3).getText())
        .contains("The pool of " + team.member().email() + " is low", "50 credits available");
    page.button("Buy add-on credits for the pool of " + team.member().email()).click();
    assertThat(page.text("buy-for")).contains(team.member().email());
    page.button("Cancel").click();
  }

  @Test
  void a_member_is_told_whom_to_ask_and_can_buy_for_their_own_pool() {
    var team = SERVICE.teams().build().withMember().create();
    steps.spendCap(team, team.owner().key(), 1000).assertStatus(200);
    buy(team, team.member(), 400); // $10 of $10: the cap is reached
    drain(team.member(), 1_860); // 40 of 1,900 left

    page.signIn(team.member().key()).signedIn().settled();

    List<WebElement> alerts = alerts();
    assertThat(alerts)
        .extracting(a -> a.getDomAttribute("data-severity"))
        .containsExactly("critical", "warning");
    assertThat(alerts.get(0).getText())
        .contains("The monthly spend cap is reached", "Ask them to raise it")
        .contains("until the team owner or an admin raises the cap")
        .doesNotContain("Raise the cap");
    assertThat(alerts.get(1).getText())
        .contains("Your credits are low", "40 credits available", "threshold of 100 credits")
        .as("with no room under the cap, buying is not offered")
        .contains(
            "The monthly spend cap leaves no room for add-on credits",
            "wait for your plan credits to refresh on Apr 4, 2031, or ask the team owner or an"
                + " admin to raise the cap");
    assertThat(alerts.get(1).findElements(By.tagName("button"))).isEmpty();
    assertThat(page.strayTexts()).isEmpty();
    for (int width : new int[] {375, 1280}) {
      page.screenshot("alerts-member", width);
      assertThat(page.sidewaysOverflow()).as("at %d px", width).isZero();
    }
    page.width(1280);

    page.button("Buy add-on credits").click();
    assertThat(page.text("buy-for")).isEqualTo("For your own pool.");
    assertThat(page.text("buy-message")).contains("cap");
    page.button("Close").click();
  }

  @Test
  void the_banner_follows_a_change_the_owner_makes_on_the_page() {
    var team = SERVICE.teams().build().create();
    steps.spendCap(team, team.owner().key(), 1000).assertStatus(200);
    buy(team, team.owner(), 400);
    page.signIn(team.owner().key()).signedIn().settled();
    assertThat(page.text("alerts")).contains("The monthly spend cap is reached");

    page.button("Raise the cap").click();
    page.labelled("Monthly spend cap").clear();
    page.labelled("Monthly spend cap").sendKeys("500");
    page.button("Save cap").click();
    page.waitForText("notice", "The monthly spend cap is now $500.00");

    assertThat(page.driver().findElements(By.id("alerts"))).isEmpty();
  }

  @Test
  void the_words_of_each_alert_suit_the_reader_and_never_show_an_id() {
    page.signIn("nobody");
    @SuppressWarnings("unchecked")
    List<Object> words =
        (List<Object>)
            ((org.openqa.selenium.JavascriptExecutor) page.driver())
                .executeAsyncScript(
                    """
                    const done = arguments[arguments.length - 1];
                    import("/billing/alerts.js").then(({ alertWords }) => {
                      const owner = { role: "OWNER", memberId: "mem_owner1", ownerId: "mem_owner1", refreshOn: () => "Apr 4, 2031" };
                      const member = { role: "MEMBER", memberId: "mem_bob123", ownerId: "mem_owner1", refreshOn: () => null };
                      const cap = { type: "spend_cap.threshold_reached", severity: "warning",
                        spend_cap: { threshold_percent: 80, monthly_limit_cents: 20000, month_to_date_spend_cents: 17000 } };
                      const declined = { type: "auto_reload.failed", severity: "critical",
                        pool: { pool_id: "m:mem_bob123", kind: "MEMBER", member_id: "mem_bob123", email: "bob@example.com" } };
                      const low = { type: "credits.low", severity: "warning",
                        pool: { pool_id: "m:mem_bob123", kind: "MEMBER", member_id: "mem_bob123", email: "bob@example.com" },
                        balance: { available_credits: 60, threshold_credits: 100, auto_reload: "off" } };
                      const former = { type: "credits.depleted", severity: "critical",
                        pool: { pool_id: "m:mem_gone99", kind: "MEMBER", member_id: "mem_gone99" },
                        balance: { available_credits: -25, threshold_credits: 100, auto_reload: "off" } };
                      const team = { type: "credits.low", severity: "warning", pool: { pool_id: "t:team_1", kind: "TEAM" },
                        balance: { available_credits: 80, threshold_credits: 100, auto_reload: "off" } };
                      const all = [];
                      const capped = { ...owner, canBuy: false };
                      for (const [reader, alert] of [[owner, cap], [member, cap], [owner, declined], [member, declined],
                          [owner, low], [member, low], [owner, former], [member, team], [capped, low]]) {
                        const w = alertWords(alert, reader);
                        all.push(`${w.title} | ${w.text} | ${w.action ? w.action.label : "-"}`);
                      }
                      done(all);
                    });
                    """);

    assertThat(words)
        .containsExactly(
            "85% of the monthly spend cap is spent | $170.00 of the $200.00 monthly spend cap is"
                + " spent this month. At the cap, add-on purchases and auto-reloads stop until the"
                + " month ends (UTC). | Raise the cap",
            "85% of the monthly spend cap is spent | $170.00 of the $200.00 monthly spend cap is"
                + " spent this month. At the cap, add-on purchases and auto-reloads stop until the"
                + " month ends (UTC). If the team needs more, ask the team owner or an admin to"
                + " raise the cap. | -",
            "Auto-reload is off: the card was declined | The team's card was declined, so"
                + " auto-reload of the pool of bob@example.com was turned off and buys nothing."
                + " Update the card, then ask bob@example.com to turn auto-reload on again. |"
                + " Update the card",
            "Auto-reload is off: the card was declined | The team's card was declined, so"
                + " auto-reload of your pool was turned off and buys nothing. Ask the team owner or"
                + " an admin to update the card, then turn auto-reload on again. | -",
            "The pool of bob@example.com is low | The pool of bob@example.com has 60 credits"
                + " available, at or below its threshold of 100 credits. You can buy add-on credits"
                + " for it; its plan credits refresh on Apr 4, 2031. | Buy add-on credits",
            "Your credits are low | Your pool has 60 credits available, at or below your threshold"
                + " of 100 credits. Buy add-on credits or turn auto-reload on. | Buy add-on credits",
            "The pool of a former member is out of credits | The pool of a former member has no"
                + " credits left (25 credits owed): new runs billed to it are refused. You can buy"
                + " add-on credits for it; its plan credits refresh on Apr 4, 2031. | Buy add-on"
                + " credits",
            "The team pool is low | The team pool has 80 credits left. Contact your account"
                + " manager to add a grant to the contract. | -",
            "The pool of bob@example.com is low | The pool of bob@example.com has 60 credits"
                + " available, at or below its threshold of 100 credits. The monthly spend cap"
                + " leaves no room for add-on credits: wait for its plan credits to refresh on"
                + " Apr 4, 2031, or raise the cap. | Raise the cap");
  }

  private List<WebElement> alerts() {
    page.byId("alerts");
    return page.driver().findElements(By.cssSelector("#alerts .alert"));
  }

  /** The owner's auto-reload turned off by a declined payment while their run drew it down. */
  private void declineTheOwnersReload(Teams.Team team) {
    SERVICE
        .api()
        .put(
            team.path() + "/members/me/auto-reload",
            team.owner().key(),
            "{\"enabled\": true, \"denomination_credits\": 400}")
        .assertStatus(200);
    payments(team, true);
    drain(team.owner(), 1_490);
    payments(team, false);
  }

  private void payments(Teams.Team team, boolean declined) {
    SERVICE
        .api()
        .put(
            "/api/v1/ops/teams/" + team.id() + "/payments",
            ServiceExtension.OPERATOR_KEY,
            "{\"declined\": " + declined + "}")
        .assertStatus(200);
  }

  private void buy(Teams.Team team, Teams.Member member, long credits) {
    SERVICE
        .api()
        .post(
            team.path() + "/members/" + member.id() + "/add-on-purchases",
            member.key(),
            "{\"denomination_credits\": " + credits + "}")
        .assertStatus(201);
  }

  private void drain(Teams.Member member, long credits) {
    String task = steps.accepted(member.key());
    steps.usage(task, credits).assertStatus(200);
    steps.complete(task, member.key()).assertStatus(200);
  }
}
