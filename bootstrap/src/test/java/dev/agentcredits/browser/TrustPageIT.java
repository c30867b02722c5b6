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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 18, the page side that today's API serves: one purchase per dialog, no program values as
 * text, refusals and purchase states in sight at 375, 1280 and 1920 px, the Enterprise and role
 * texts, and the smaller things (focus, wording, confirmations, Copy, favicon, refresh on focus).
 */
class TrustPageIT {
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

  // ---- item 2: one opening of the dialog, one purchase ----------------------------------------

  @Test
  void enter_on_the_denomination_only_moves_on_and_a_second_click_buys_nothing_more() {
    var team = SERVICE.teams().build().withMember().create();
    page.signIn(team.member().key()).signedIn().settled();
    recordIdempotencyKeys();

    page.button("Buy add-on credits").click();
    assertThat(page.focused()).as("focus starts on the denomination").isEqualTo("denomination-400");
    page.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    WebElement pay = page.pay();
    assertThat(pay.getText()).isEqualTo("Pay $10.00");
    assertThat(purchases(team)).as("Enter on the first control buys nothing").isZero();
    assertThat(page.focused()).isNotEqualTo("buy-pay");

    new Actions(page.driver()).doubleClick(pay).perform();
    assertThat(page.waitForText("buy-message", "Bought"))
        .startsWith("Bought 400 credits for $10.00");
    assertThat(page.dialogButtons()).as("the receipt offers only Close").containsExactly("Close");
    assertThat(page.focused()).as("focus on the result").isEqualTo("buy-message");
    page.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    page.waitForText("available-credits", "1,900 credits");
    assertThat(purchases(team)).as("a double click buys once").isEqualTo(1);
    page.button("Close").click();
    assertThat(page.byId("buy-dialog").isDisplayed()).isFalse();

    page.button("Buy add-on credits").click();
    page.review("400 credits for $10.00");
    page.pay().click();
    page.waitForText("buy-message", "Bought");
    page.button("Close").click();
    page.waitForText("available-credits", "2,300 credits");
    assertThat(purchases(team)).isEqualTo(2);
    List<Object> keys = idempotencyKeys();
    assertThat(keys).as("one Idempotency-Key per opening").hasSize(2).doesNotHaveDuplicates();
    assertThat(keys).allSatisfy(k -> assertThat((String) k).matches("[0-9a-f-]{36}"));
    assertThat(page.byId("buy-dialog").getDomProperty("textContent")).doesNotContain("first first");
  }

  // ---- item 6: no program values as text ------------------------------------------------------

  @Test
  void no_role_on_any_plan_sees_null_undefined_or_ids_as_text() {
    Teams.Team build = SERVICE.teams().build().withAdmin().withMember().withTeamKey().create();
    Teams.Team enterprise =
        SERVICE.teams().enterprise().withAdmin().withMember().withTeamKey().create();
    SERVICE
        .api()
        .post(
            enterprise.path() + "/grants",
            ServiceExtension.OPERATOR_KEY,
            "{\"credits\": 500, \"expires_at\": \"2032-01-31T00:00:00Z\"}")
        .assertStatus(201);
    steps.accepted(build.member().key());
    steps.accepted(enterprise.member().key());
    for (Teams.Team team : List.of(build, enterprise)) {
      for (String key :
          List.of(team.owner().key(), team.admin().key(), team.member().key(), team.teamKey())) {
        page.signIn(key).signedIn().settled();
        assertThat(page.strayTexts()).as("%s, key %s", team.plan(), key).isEmpty();
      }
    }

    page.signIn(build.member().key()).signedIn().settled();
    var purchases = page.byId("purchases-card").getRect();
    var runs = page.byId("runs-card").getRect();
    assertThat(purchases.getX()).as("Your purchases starts the row").isEqualTo(runs.getX());
    assertThat(purchases.getWidth()).isEqualTo(runs.getWidth());
  }

  // ---- item 7: a refusal, its advice and Retry in sight at every width ------------------------

  @Test
  void a_refused_run_and_its_retry_are_in_sight_at_375_1280_and_1920_px() {
    var team = SERVICE.teams().build().withMember().create();
    String key = team.member().key();
    String big = steps.accepted(key);
    steps.usage(big, 1500).assertStatus(200);
    steps.complete(big, key).assertStatus(200);
    String refused = steps.submit(key).assertStatus(403).json().path("task_id").asText();

    page.signIn(key).signedIn().settled();
    By row = By.cssSelector("#runs [data-task='" + refused + "']");
    page.waitForText(row, "Refused");
    assertThat(page.driver().findElement(row).findElement(By.cssSelector(".why")).getText())
        .as("auto-reload off, the cap with room: buy, wait or turn auto-reload on")
        .contains("Auto-reload is off.", "Buy add-on credits for your pool", "turn on auto-reload")
        .doesNotContain("spend cap is reached", "raise");
    for (int width : BillingPage.WIDTHS) {
      page.screenshot("refused-run", width);
      WebElement card = page.byId("runs-card");
      WebElement run = page.driver().findElement(row);
      assertThat(page.notInSight(run.findElement(By.cssSelector(".why")), card))
          .as("the explanation at %d px", width)
          .isNull();
      assertThat(
              page.notInSight(
                  run.findElement(By.xpath(".//button[normalize-space()='Retry']")), card))
          .as("Retry at %d px", width)
          .isNull();
      assertThat(page.sidewaysOverflow()).as("sideways scrolling at %d px", width).isZero();
    }
  }

  // ---- item 5: the refusal's advice for the case at hand ---------------------------------------

  @Test
  void a_member_refused_at_the_cap_is_told_to_have_it_raised_not_to_buy_or_turn_on_auto_reload() {
    var team = SERVICE.teams().build().withMember().create();
    String key = team.member().key();
    SERVICE
        .api()
        .put(
            team.path() + "/members/" + team.member().id() + "/auto-reload",
            key,
            "{\"enabled\": true, \"denomination_credits\": 400}")
        .assertStatus(200);
    long spent = billing(team).path("spend_cap").path("month_to_date_spend_cents").asLong();
    steps.spendCap(team, team.owner().key(), spent).assertStatus(200);
    String big = steps.accepted(key);
    steps.usage(big, 1500).assertStatus(200);
    steps.complete(big, key).assertStatus(200);
    String refused = steps.submit(key).assertStatus(403).json().path("task_id").asText();
    assertThat(billing(team).path("pools").get(0).path("auto_reload").path("enabled").asBoolean())
        .as("auto-reload is still on: the cap, not the setting, stops it")
        .isTrue();

    page.signIn(key).signedIn().settled();
    By row = By.cssSelector("#runs [data-task='" + refused + "']");
    page.waitForText(row, "Refused");
    String why = page.driver().findElement(row).findElement(By.cssSelector(".why")).getText();
    assertThat(why)
        .contains(
            "Auto-reload is on, but the team's monthly spend cap is reached",
            "Ask the team owner or an admin to raise the team's monthly spend cap",
            "wait for the 1st of the month (UTC)",
            "Then press Retry")
        .doesNotContain("Buy", "buy add-on", "turn on auto-reload", "enable auto-reload");
    assertThat(why.indexOf("raise"))
        .as("the page's order: raise the cap, then wait")
        .isLessThan(why.indexOf("1st of the month"));
    for (int width : new int[] {375, 1280}) {
      page.screenshot("refused-at-cap", width);
      assertThat(
              page.notInSight(
                  page.driver().findElement(row).findElement(By.cssSelector(".why")),
                  page.byId("runs-card")))
          .as("the advice at %d px", width)
          .isNull();
    }

    page.driver()
        .findElement(row)
        .findElement(By.xpath(".//button[normalize-space()='Retry']"))
        .click();
    String said = page.waitForText("runs-message", "refused");
    assertThat(said)
        .as("a refused retry shows the service's advice")
        .startsWith("The retry was refused. ")
        .contains("spend cap")
        .doesNotContainIgnoringCase("purchase add-on credits", "enable auto-reload");

    CHROMIUM.resize(1280, 900);
    page.signIn(team.owner().key()).signedIn().settled();
    By ownerRow = By.cssSelector("#runs [data-task='" + refused + "']");
    page.waitForText(ownerRow, "Refused");
    assertThat(page.driver().findElement(ownerRow).findElement(By.cssSelector(".why")).getText())
        .as("the owner is pointed at the field on this page")
        .contains("Raise the team's Monthly spend cap")
        .doesNotContain("Ask ", "Buy");
  }

  @Test
  void a_member_whose_reload_was_declined_is_told_the_card_was_declined_and_who_fixes_it() {
    var team = SERVICE.teams().build().withMember().create();
    String key = team.member().key();
    SERVICE
        .api()
        .put(
            team.path() + "/members/" + team.member().id() + "/auto-reload",
            key,
            "{\"enabled\": true, \"denomination_credits\": 400}")
        .assertStatus(200);
    SERVICE
        .api()
        .put(
            "/api/v1/ops/teams/" + team.id() + "/payments",
            ServiceExtension.OPERATOR_KEY,
            "{\"declined\": true}")
        .assertStatus(200);
    String big = steps.accepted(key);
    steps.usage(big, 1500).assertStatus(200);
    steps.complete(big, key).assertStatus(200);
    String refused = steps.submit(key).assertStatus(403).json().path("task_id").asText();

    page.signIn(key).signedIn().settled();
    By row = By.cssSelector("#runs [data-task='" + refused + "']");
    page.waitForText(row, "Refused");
    assertThat(page.driver().findElement(row).findElement(By.cssSelector(".why")).getText())
        .contains(
            "Auto-reload was turned off because the team's card was declined.",
            "Ask the team owner or an admin to update the team's card and turn auto-reload on"
                + " again")
        .doesNotContain("Buy", "spend cap is reached");
    assertThat(page.text("auto-reload-off"))
        .isEqualTo(
            "Auto-reload was turned off because the card was declined. The owner or an admin can"
                + " update the card and turn it on again.");
  }

  // ---- item 11: the buy dialog offers only what the spend cap has room for -------------------

  @Test
  void denominations_over_the_cap_are_disabled_with_the_reason_and_the_rest_can_be_bought() {
    var team = SERVICE.teams().build().withMember().create();
    steps.spendCap(team, team.owner().key(), 2000).assertStatus(200);
    page.signIn(team.member().key()).signedIn().settled();

    page.button("Buy add-on credits").click();
    for (String credits : List.of("400", "1000")) {
      assertThat(page.byId("denomination-" + credits).isEnabled()).as(credits).isTrue();
    }
    for (String credits : List.of("3000", "6500")) {
      WebElement option = page.byId("denomination-" + credits);
      assertThat(option.isEnabled()).as(credits).isFalse();
      assertThat(page.text("denomination-" + credits + "-why"))
          .isEqualTo("Over this month's spend cap");
      assertThat(option.getDomAttribute("aria-describedby"))
          .isEqualTo("denomination-" + credits + "-why");
    }
    for (int width : new int[] {375, 1280}) {
      page.screenshot("buy-cap-some-room", width);
    }
    CHROMIUM.resize(1280, 900);
    page.review("1,000 credits for $20.00");
    page.pay().click();
    assertThat(page.waitForText("buy-message", "Bought")).startsWith("Bought 1,000 credits");
    page.button("Close").click();

    page.button("Buy add-on credits").click();
    assertThat(page.dialogButtons())
        .as("the cap is now reached: no Continue, no Pay")
        .containsExactly("Close");
    assertThat(page.text("buy-message"))
        .contains(
            "The team's monthly spend cap is reached ($20.00 of $20.00 this month), so no add-on"
                + " can be bought.",
            "Ask the team owner or an admin to raise the team's monthly spend cap")
        .doesNotContain("Raise the team's Monthly spend cap");
    assertThat(page.focused()).isEqualTo("buy-message");
  }

  @Test
  void at_the_cap_the_dialog_offers_no_pay_and_points_the_owner_at_the_cap_field() {
    var team = SERVICE.teams().build().withMember().create();
    steps.spendCap(team, team.owner().key(), 500).assertStatus(200);
    page.signIn(team.owner().key()).signedIn().settled();

    page.button("Buy add-on credits").click();
    assertThat(page.dialogButtons()).containsExactly("Close");
    assertThat(page.driver().findElements(By.cssSelector("#buy-options input:enabled")))
        .as("no denomination fits under a $5.00 cap")
        .isEmpty();
    assertThat(page.text("buy-message"))
        .isEqualTo(
            "The team's monthly spend cap leaves no room for an add-on: $0.00 of $5.00 spent"
                + " this month, and the smallest add-on is $10.00. Raise the team's Monthly spend"
                + " cap (under Team spend this month, on this page), then buy.");
    assertThat(page.text("spend-no-room"))
        .as("the spend card says the same")
        .startsWith("The cap leaves no room for an add-on (the smallest is $10.00)");
    page.script("document.getElementById('buy-form').requestSubmit()");
    assertThat(page.dialogButtons()).as("submitting does not move on").containsExactly("Close");
    for (int width : new int[] {375, 1280}) {
      page.screenshot("buy-cap-reached", width);
    }
    CHROMIUM.resize(1280, 900);
    page.button("Close").click();
    assertThat(page.byId("buy-dialog").isDisplayed()).isFalse();
    assertThat(billing(team).path("spend_cap").path("month_to_date_spend_cents").asLong()).isZero();
  }

  // ---- item 8: purchase states in words, in sight ---------------------------------------------

  @Test
  void a_declined_purchase_reads_declined_in_sight_at_every_width() {
    var team = SERVICE.teams().build().withMember().create();
    buy(team, team.member().key(), 400);
    SERVICE
        .api()
        .put(
            "/api/v1/ops/teams/" + team.id() + "/payments",
            ServiceExtension.OPERATOR_KEY,
            "{\"declined\": true}")
        .assertStatus(200);
    page.signIn(team.member().key()).signedIn().settled();
    page.button("Buy add-on credits").click();
    page.review("1,000 credits for $20.00");
    page.pay().click();
    assertThat(page.waitForText("buy-message", "Not bought")).contains("declined");
    page.button("Cancel").click();
    page.reload();
    page.settled();

    By declined = By.xpath("//table[@id='purchase-list']//span[normalize-space()='Declined']");
    By paid = By.xpath("//table[@id='purchase-list']//span[normalize-space()='Paid']");
    assertThat(page.text("purchases-card")).doesNotContain("DECLINED", "SUCCEEDED");
    for (int width : BillingPage.WIDTHS) {
      page.screenshot("purchases-member", width);
      WebElement card = page.byId("purchases-card");
      assertThat(page.notInSight(page.driver().findElement(declined), card))
          .as("Declined at %d px", width)
          .isNull();
      assertThat(page.notInSight(page.driver().findElement(paid), card))
          .as("Paid at %d px", width)
          .isNull();
      WebElement expires =
          page.driver()
              .findElement(
                  By.xpath(
                      "//table[@id='purchase-list']//tr[.//span[normalize-space()='Paid']]/td[last()]"));
      assertThat(page.notInSight(expires, card)).as("Expires at %d px", width).isNull();
      assertThat(expires.getText()).contains("2032");
    }
  }

  // ---- item 9: Enterprise and role texts ------------------------------------------------------

  @Test
  void an_enterprise_page_shows_no_cap_and_team_key_runs_draw_from_the_team_pool() {
    var team = SERVICE.teams().enterprise().withAdmin().withMember().create();
    page.signIn(team.owner().key()).signedIn().settled();
    String all = page.text("app");
    assertThat(page.driver().findElements(By.id("spend"))).as("no spend cap card").isEmpty();
    assertThat(all).doesNotContain("owner's pool", "$200", "Monthly spend cap");
    assertThat(page.text("keys-card")).contains("draw from the team pool");
    assertThat(page.text("pool")).contains("grants", "no monthly spend cap");

    page.labelled("Key name").sendKeys("ci");
    page.button("Create key").click();
    String teamKey = page.waitForText("new-key-value", "");
    page.signIn(teamKey).signedIn().settled();
    assertThat(page.text("app")).contains("the team pool").doesNotContain("owner's pool");
  }

  @Test
  void sign_out_is_hidden_while_signed_out() {
    var team = SERVICE.teams().build().withMember().create();
    page.signIn(team.member().key()).signedIn();
    assertThat(page.byId("sign-out").isDisplayed()).isTrue();
    page.button("Sign out").click();
    page.waitForText("signin-message", "signed out");
    assertThat(page.byId("sign-out").isDisplayed()).as("Sign out while signed out").isFalse();
    assertThat(page.byId("who").isDisplayed()).isFalse();
  }

  @Test
  void runs_page_with_show_more_and_a_queued_run_is_cancelled_after_confirming() {
    var team = SERVICE.teams().build().withMember().create();
    String key = team.member().key();
    for (int i = 0; i < 24; i++) {
      steps.complete(steps.accepted(key), key).assertStatus(200);
    }
    // newest by a second, so it stays on the first page the refresh after cancelling loads (runs
    // created at the same instant are ordered by their random ids)
    SERVICE.advance(Duration.ofSeconds(1));
    String queued = steps.accepted(key);

    page.signIn(key).signedIn().settled();
    assertThat(page.driver().findElements(By.cssSelector("#runs .run"))).hasSize(20);
    page.button("Show more runs").click();
    new WebDriverWait(page.driver(), Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector("#runs .run")).size() == 25);
    assertThat(page.buttons("Show more runs"))
        .allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());

    By row = By.cssSelector("#runs [data-task='" + queued + "']");
    page.driver()
        .findElement(row)
        .findElement(By.xpath(".//button[normalize-space()='Cancel']"))
        .click();
    assertThat(page.text("confirm-text")).contains("Cancel the run");
    assertThat(page.focused())
        .as("the dialog starts on its harmless button")
        .isEqualTo("confirm-no");
    page.byId("confirm-yes").click();
    page.waitForText(row, "Cancelled");
    assertThat(steps.task(queued, key).path("state").asText()).isEqualTo("CANCELLED");
    assertThat(page.driver().findElement(row).getText()).doesNotContain("—");

    page.labelled("Task ID").sendKeys(queued, Keys.ENTER);
    new WebDriverWait(page.driver(), Duration.ofSeconds(10))
        .until(d -> queued.equals(page.focused()));
    assertThat(
            page.driver().findElements(By.cssSelector("#runs-card [data-task='" + queued + "']")))
        .as("a looked-up run that is listed is not repeated")
        .hasSize(1);
  }

  // ---- item 11: the smaller things ------------------------------------------------------------

  @Test
  void focus_lands_on_the_heading_after_sign_in_and_the_page_has_a_favicon_and_no_404() {
    var team = SERVICE.teams().build().withAdmin().create();
    page.signIn(team.admin().key()).signedIn().settled();
    assertThat(page.focused()).isEqualTo("title");
    assertThat((String) page.script("return document.querySelector('link[rel=icon]')?.href ?? ''"))
        .startsWith("data:image/svg+xml");
    assertThat(page.consoleErrors()).as("nothing failed to load (no 404)").isEmpty();
  }

  @Test
  void service_words_come_without_field_names_and_a_zero_cap_is_confirmed_first() {
    var team = SERVICE.teams().build().withAdmin().create();
    page.signIn(team.admin().key()).signedIn().settled();
    WebElement threshold = page.labelled("Threshold (credits)");
    threshold.clear();
    threshold.sendKeys("99999999999");
    page.button("Save auto-reload").click();
    String said = page.waitForText("auto-reload-message", "threshold");
    assertThat(said).doesNotContain("_").startsWith("The threshold");

    WebElement cap = page.labelled("Monthly spend cap");
    cap.clear();
    cap.sendKeys("0");
    page.button("Save cap").click();
    assertThat(page.text("confirm-text"))
        .isEqualTo(
            "Set the cap to $0? No add-on purchase or auto-reload will go through this month.");
    assertThat(page.focused()).isEqualTo("confirm-no");
    page.byId("confirm-no").click();
    page.waitForText("spend-cap-message", "not changed");
    assertThat(capCents(team)).isEqualTo(20000);

    page.button("Save cap").click();
    page.byId("confirm-yes").click();
    page.waitForText("notice", "cap is now $0.00");
    assertThat(capCents(team)).isZero();
  }

  @Test
  void a_new_key_has_copy_and_the_revoke_dialog_starts_on_cancel() {
    var team = SERVICE.teams().build().withAdmin().create();
    page.signIn(team.admin().key()).signedIn().settled();
    page.labelled("Key name").sendKeys("deploy");
    page.button("Create key").click();
    page.waitForText("new-key-value", "");
    page.button("Copy").click();
    page.waitForText(By.cssSelector("#new-key .secret [role=status]"), "C");
    assertThat(
            page.driver().findElement(By.cssSelector("#new-key .secret [role=status]")).getText())
        .matches("Copied to the clipboard\\.|Selected: press Ctrl\\+C.*");

    page.button("Revoke key deploy").click();
    assertThat(page.focused()).as("Revoke is not the focused button").isEqualTo("confirm-no");
    page.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    assertThat(page.byId("confirm-dialog").isDisplayed()).isFalse();
    assertThat(page.text("key-list")).contains("Active");
  }

  @Test
  void the_page_looks_again_when_the_window_gets_focus() {
    var team = SERVICE.teams().build().withMember().create();
    page.signIn(team.member().key()).signedIn().settled();
    assertThat(page.text("available-credits")).isEqualTo("1,500 credits");
    buy(team, team.owner().key(), 1000);

    page.script("window.dispatchEvent(new Event('focus'))");
    page.waitForText("available-credits", "2,500 credits");
  }

  // ---------------------------------------------------------------------------------------------

  private static void buy(Teams.Team team, String key, long denomination) {
    SERVICE
        .api()
        .post(
            team.path() + "/members/" + team.member().id() + "/add-on-purchases",
            key,
            "{\"denomination_credits\": " + denomination + "}")
        .assertStatus(201);
  }

  private long purchases(Teams.Team team) {
    return SERVICE
        .api()
        .get(
            team.path() + "/members/" + team.member().id() + "/add-on-purchases?limit=50",
            team.owner().key())
        .assertStatus(200)
        .json()
        .path("purchases")
        .size();
  }

  private static com.fasterxml.jackson.databind.JsonNode billing(Teams.Team team) {
    return SERVICE
        .api()
        .get(team.path() + "/billing", team.member().key())
        .assertStatus(200)
        .json();
  }

  private long capCents(Teams.Team team) {
    return SERVICE
        .api()
        .get(team.path() + "/billing", team.owner().key())
        .assertStatus(200)
        .json()
        .path("spend_cap")
        .path("monthly_limit_cents")
        .asLong();
  }

  private void recordIdempotencyKeys() {
    page.script(
        """
        window.__keys = [];
        const original = window.fetch;
        window.fetch = (url, init) => {
          if (init?.method === "POST" && String(url).includes("/add-on-purchases")) {
            window.__keys.push(init.headers["Idempotency-Key"]);
          }
          return original(url, init);
        };
        """);
  }

  @SuppressWarnings("unchecked")
  private List<Object> idempotencyKeys() {
    return (List<Object>) page.script("return window.__keys");
  }
}
