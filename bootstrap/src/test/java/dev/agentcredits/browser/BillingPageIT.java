package dev.agentcredits.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.bootstrap.e2e.ServiceExtension;
import dev.agentcredits.bootstrap.e2e.Steps;
import dev.agentcredits.bootstrap.e2e.Teams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 13's scenarios in a real browser against the real service, each from sign-in, each on a
 * team of its own: one service and one Chromium for the class.
 */
class BillingPageIT {
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
    page = new BillingPage(CHROMIUM, SERVICE.port());
  }

  @AfterEach
  void noScriptErrors() {
    page.assertNoScriptErrors();
  }

  @Test
  void a_wrong_or_revoked_key_is_refused_in_words() {
    var team = SERVICE.teams().build().withTeamKey().create();
    SERVICE
        .api()
        .delete(team.path() + "/api-keys/" + team.teamKeyId(), team.owner().key())
        .assertStatus(204);

    page.signIn("not-a-real-key");
    assertThat(page.waitForText("signin-message", "refused"))
        .contains("wrong, or it has been revoked");

    page.signIn(team.teamKey());
    assertThat(page.waitForText("signin-message", "refused")).contains("revoked");
    assertThat(page.byId("app").isDisplayed()).isFalse();
  }

  @Test
  void a_member_sees_only_their_own_pool() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();

    page.signIn(team.member().key()).signedIn();

    assertThat(page.text("available-credits")).isEqualTo("1,500 credits");
    assertThat(page.text("plan-credits")).startsWith("1,500 credits").contains("refreshes on");
    assertThat(page.text("who-text")).contains(team.member().email());
    assertThat(page.driver().findElements(By.id("members"))).isEmpty();
    assertThat(page.driver().findElements(By.id("keys-card"))).isEmpty();
    assertThat(page.driver().getPageSource())
        .doesNotContain(team.owner().id(), team.admin().id(), team.owner().email());
  }

  @Test
  void a_member_buys_400_credits_once_and_sees_the_new_balance() {
    var team = SERVICE.teams().build().withMember().create();
    page.signIn(team.member().key()).signedIn();

    page.button("Buy add-on credits").click();
    assertThat(page.text("buy-options"))
        .contains(
            "400 credits for $10.00",
            "1,000 credits for $20.00",
            "3,000 credits for $50.00",
            "6,500 credits for $100.00");
    page.review("400 credits for $10.00");
    new Actions(page.driver()).doubleClick(page.pay()).perform();

    assertThat(page.waitForText("buy-message", "Bought"))
        .startsWith("Bought 400 credits for $10.00");
    page.button("Close").click();
    page.waitForText("available-credits", "1,900 credits");
    JsonNode pool = steps.pool(team, team.member());
    assertThat(pool.path("addon_credits").asLong()).as("a double click buys once").isEqualTo(400);
    assertThat(page.text("spend-text")).startsWith("$10.00 of $200.00");
  }

  @Test
  void a_refused_run_is_explained_and_retried_once_credits_are_bought() {
    var team = SERVICE.teams().build().withMember().create();
    String key = team.member().key();
    String big = steps.accepted(key);
    steps.usage(big, 1500).assertStatus(200);
    steps.complete(big, key).assertStatus(200);
    String refused = steps.submit(key).assertStatus(403).json().path("task_id").asText();

    page.signIn(key).signedIn();
    page.labelled("Task ID").sendKeys(refused, Keys.ENTER);
    By row = By.cssSelector("#runs-card [data-task='" + refused + "']");
    page.waitForText(row, "Failed");
    assertThat(page.driver().findElement(row).getText())
        .contains("Refused: your pool had too few credits", "Buy add-on credits", "Retry");
    assertThat(page.driver().findElements(row)).as("a looked-up run listed once").hasSize(1);

    page.button("Buy add-on credits").click();
    page.button("Continue").click();
    page.pay().click();
    page.waitForText("buy-message", "Bought 400 credits");
    page.button("Close").click();
    page.driver()
        .findElement(row)
        .findElement(By.xpath(".//button[normalize-space()='Retry']"))
        .click();

    page.waitForText(row, "Queued");
    assertThat(page.text("notice")).contains("retried", "queued");
    new org.openqa.selenium.support.ui.WebDriverWait(
            page.driver(), java.time.Duration.ofSeconds(10))
        .until(d -> refused.equals(page.focused()));
    assertThat(steps.task(refused, key).path("state").asText()).isEqualTo("QUEUED");
  }

  @Test
  void a_purchase_over_the_spend_cap_is_refused_in_words() {
    var team = SERVICE.teams().build().withMember().create();
    page.signIn(team.member().key()).signedIn();

    page.button("Buy add-on credits").click();
    page.button("Continue").click();
    // the cap is lowered while the dialog is open: the page offered Pay with room, the service
    // refuses it
    steps.spendCap(team, team.owner().key(), 500).assertStatus(200);
    page.pay().click();

    assertThat(page.waitForText("buy-message", "Not bought"))
        .contains("monthly spend cap", "Ask an admin to raise the cap");
    page.button("Cancel").click();
    assertThat(page.text("available-credits")).isEqualTo("1,500 credits");
  }

  @Test
  void an_admin_raises_the_cap_and_a_member_sees_no_cap_field() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();

    page.signIn(team.admin().key()).signedIn();
    WebElement cap = page.labelled("Monthly spend cap");
    assertThat(cap.getDomProperty("value")).isEqualTo("200.00");
    cap.clear();
    cap.sendKeys("1,250.50");
    page.button("Save cap").click();

    assertThat(page.waitForText("notice", "cap is now")).contains("$1,250.50");
    assertThat(page.byId("spend-meter").getDomAttribute("max")).isEqualTo("125050");
    assertThat(
            SERVICE
                .api()
                .get(team.path() + "/billing", team.owner().key())
                .assertStatus(200)
                .json()
                .path("spend_cap")
                .path("monthly_limit_cents")
                .asLong())
        .isEqualTo(125050);

    page.button("Sign out").click();
    page.waitForText("signin-message", "signed out");
    assertThat(
            ((JavascriptExecutor) page.driver())
                .executeScript("return sessionStorage.getItem('agent-credits.api-key')"))
        .as("the key is forgotten")
        .isNull();
    page.signIn(team.member().key()).signedIn();
    assertThat(page.text("spend-text")).startsWith("$0.00 of $1,250.50");
    assertThat(page.hasLabel("Monthly spend cap")).isFalse();
    assertThat(page.driver().findElements(By.id("spend-cap"))).isEmpty();
  }

  @Test
  void auto_reload_set_on_the_page_is_on_after_a_reload() {
    var team = SERVICE.teams().build().withMember().create();
    page.signIn(team.member().key()).signedIn();

    WebElement enabled = page.labelled("Auto-reload on");
    assertThat(enabled.isSelected()).isFalse();
    enabled.sendKeys(Keys.SPACE);
    page.select("Denomination", "3,000 credits for $50.00");
    WebElement threshold = page.labelled("Threshold (credits)");
    threshold.clear();
    threshold.sendKeys("250");
    page.button("Save auto-reload").sendKeys(Keys.ENTER);
    page.waitForText("notice", "Auto-reload is on");

    page.reload();

    assertThat(page.labelled("Auto-reload on").isSelected()).isTrue();
    assertThat(page.labelled("Denomination").getDomProperty("value")).isEqualTo("3000");
    assertThat(page.labelled("Threshold (credits)").getDomProperty("value")).isEqualTo("250");
    JsonNode reload = steps.pool(team, team.member()).path("auto_reload");
    assertThat(reload.path("enabled").asBoolean()).isTrue();
    assertThat(reload.path("denomination_credits").asLong()).isEqualTo(3000);
  }

  @Test
  void an_exhausted_enterprise_pool_says_to_contact_the_account_manager() {
    Teams.Team team = SERVICE.teams().enterprise().withMember().create();
    SERVICE
        .api()
        .post(
            team.path() + "/grants",
            ServiceExtension.OPERATOR_KEY,
            "{\"credits\": 500, \"expires_at\": \"2032-01-31T00:00:00Z\"}")
        .assertStatus(201);
    String key = team.member().key();
    page.signIn(key).signedIn();
    assertThat(page.text("grants")).contains("500 credits", "Jan 31, 2032");
    assertThat(page.driver().findElements(By.id("exhausted"))).isEmpty();
    assertThat(page.buttons("Buy add-on credits")).isEmpty();

    String run = steps.accepted(key);
    steps.usage(run, 500).assertStatus(200);
    steps.complete(run, key).assertStatus(200);
    page.reload();

    assertThat(page.text("exhausted")).contains("Contact your account manager");
    assertThat(page.text("available-credits")).isEqualTo("0 credits");
  }

  @Test
  void the_usage_chart_shows_the_credits_charged_per_day() {
    var team = SERVICE.teams().build().withMember().create();
    String key = team.member().key();
    String first = steps.accepted(key);
    steps.usage(first, 120).assertStatus(200);
    steps.usage(first, 180).assertStatus(200);
    steps.complete(first, key).assertStatus(200);
    SERVICE.advance(java.time.Duration.ofDays(1));
    String second = steps.accepted(key);
    steps.usage(second, 75).assertStatus(200);
    steps.complete(second, key).assertStatus(200);

    page.signIn(key).signedIn();
    page.byId("usage-chart");
    page.driver().findElement(By.cssSelector("#usage details summary")).click();
    By table = By.cssSelector("#usage-table tbody");
    page.waitForText(table, "300");

    assertThat(cell("2031-03-05")).isEqualTo("300");
    assertThat(cell("2031-03-06")).isEqualTo("75");
    assertThat(page.text("usage-total")).startsWith("375 credits charged");
  }

  private String cell(String date) {
    return page.driver()
        .findElement(By.cssSelector("#usage-table tr[data-date='" + date + "'] td:nth-child(2)"))
        .getDomProperty("textContent");
  }
}
