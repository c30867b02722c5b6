package dev.agentcredits.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.bootstrap.e2e.ServiceExtension;
import dev.agentcredits.bootstrap.e2e.Steps;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 18, the page side of what the API gains with it: removing a member and rotating a key (item
 * 3), the team's card through a hosted setup session (item 10), and runs that say who started them,
 * with a prompt excerpt, a look-up with its date, and keys' last use (item 9).
 */
class TeamAdminPageIT {
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
  void the_owner_removes_a_member_after_confirming_and_their_key_stops() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();
    page.signIn(team.owner().key()).signedIn().settled();
    By ownerRow = By.cssSelector("#member-pools tr[data-member='" + team.owner().id() + "']");
    By memberRow = By.cssSelector("#member-pools tr[data-member='" + team.member().id() + "']");
    assertThat(page.driver().findElement(ownerRow).getText()).doesNotContain("Remove member");

    page.button("Remove " + team.member().email() + " from the team").click();
    assertThat(page.text("confirm-text"))
        .contains(
            team.member().email(),
            "keys stop working at once",
            "add-on credits move to the owner's pool",
            "Runs in progress finish");
    assertThat(page.focused()).isEqualTo("confirm-no");
    page.byId("confirm-yes").click();

    page.waitForText("notice", "was removed");
    new WebDriverWait(page.driver(), Duration.ofSeconds(10))
        .until(d -> d.findElements(memberRow).isEmpty());
    SERVICE.api().get("/api/v1/me", team.member().key()).assertStatus(401);
    assertThat(page.strayTexts()).isEmpty();
  }

  @Test
  void an_admin_rotates_a_members_key_and_sees_the_new_one_once_with_copy() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();
    page.signIn(team.admin().key()).signedIn().settled();

    page.button("Rotate the key of " + team.member().email()).click();
    assertThat(page.text("confirm-text")).contains("stops working at once");
    assertThat(page.focused()).isEqualTo("confirm-no");
    page.byId("confirm-yes").click();

    String rotated = page.waitForText("member-key-value", "");
    assertThat(rotated).isNotBlank();
    assertThat(page.buttons("Copy")).isNotEmpty();
    SERVICE.api().get("/api/v1/me", team.member().key()).assertStatus(401);
    assertThat(
            SERVICE
                .api()
                .get("/api/v1/me", rotated)
                .assertStatus(200)
                .json()
                .path("email")
                .asText())
        .isEqualTo(team.member().email());
  }

  @Test
  void an_admin_adds_a_card_and_the_purchase_names_it() {
    var team = SERVICE.teams().build().withAdmin().create();
    page.signIn(team.admin().key()).signedIn().settled();
    assertThat(page.text("card-text"))
        .as("simulated payments: no card is missing, none is charged")
        .isEqualTo(
            "Payments are simulated on this server: purchases are not charged to any card."
                + " Add a simulated card to try the flow.");
    assertThat(page.text("payment")).doesNotContain("No card on file", "paid with this card");
    for (int width : new int[] {375, 1280}) {
      page.screenshot("simulated-no-card", width);
    }

    page.button("Add or change card").click();
    page.waitForText("notice", "Card saved: Visa ••4242");
    assertThat(page.driver().getCurrentUrl()).doesNotContain("setup_session");
    assertThat(page.focused()).isEqualTo("notice");
    page.waitForText("card-text", "Visa ••4242");
    assertThat(page.text("card-hint"))
        .isEqualTo(
            "Payments are simulated on this server: add-on purchases and auto-reloads are not"
                + " charged to this card.");
    assertThat(
            SERVICE
                .api()
                .get(team.path() + "/billing", team.owner().key())
                .assertStatus(200)
                .json()
                .path("payment_method")
                .path("card")
                .path("last4")
                .asText())
        .isEqualTo("4242");

    page.button("Buy add-on credits").click();
    page.review("400 credits for $10.00");
    assertThat(page.pay().getText()).isEqualTo("Pay $10.00 with Visa ••4242");
    page.pay().click();
    page.waitForText("buy-message", "Bought 400 credits");
    page.button("Close").click();
    assertThat(page.strayTexts()).isEmpty();
    @SuppressWarnings("unchecked")
    java.util.List<String> requested =
        (java.util.List<String>)
            page.script(
                "return performance.getEntriesByType('resource').map((e) => e.name)"
                    + ".filter((n) => n.endsWith('/payment-method'))");
    assertThat(requested).as("GET payment-method is no longer called").isEmpty();
  }

  @Test
  void an_admin_sees_who_started_each_run_and_its_prompt() {
    var team = SERVICE.teams().build().withAdmin().withMember().withTeamKey().create();
    String byMember = steps.accepted(team.member().key());
    String byKey = steps.accepted(team.teamKey());
    page.signIn(team.admin().key()).signedIn().settled();

    By memberRun = By.cssSelector("#runs [data-task='" + byMember + "']");
    By keyRun = By.cssSelector("#runs [data-task='" + byKey + "']");
    page.waitForText(memberRun, team.member().email());
    assertThat(page.driver().findElement(memberRun).getText())
        .contains("Fix the flaky test")
        .doesNotContain("You or a member");
    assertThat(page.driver().findElement(keyRun).getText()).contains("API key “ci”");
  }

  @Test
  void a_looked_up_run_beyond_the_first_page_shows_its_date_once() {
    var team = SERVICE.teams().build().withMember().create();
    String key = team.member().key();
    String oldest = steps.accepted(key);
    steps.complete(oldest, key).assertStatus(200);
    SERVICE.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 20; i++) {
      steps.complete(steps.accepted(key), key).assertStatus(200);
    }
    page.signIn(key).signedIn().settled();
    page.labelled("Task ID").sendKeys(oldest, Keys.ENTER);
    By found = By.cssSelector("#runs-card [data-task='" + oldest + "']");
    page.waitForText(found, "Succeeded");
    assertThat(page.driver().findElements(found)).hasSize(1);
    assertThat(page.driver().findElement(found).getText()).contains("Mar 5, 2031, 12:00 UTC");

    page.button("Show more runs").click();
    new WebDriverWait(page.driver(), Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector("#runs .run")).size() == 21);
    assertThat(page.driver().findElements(found)).as("listed once, not repeated").hasSize(1);
  }

  @Test
  void a_key_just_used_shows_when_it_was_last_used() {
    var team = SERVICE.teams().build().withAdmin().withTeamKey().create();
    steps.accepted(team.teamKey());
    page.signIn(team.admin().key()).signedIn().settled();
    WebElement row =
        page.driver()
            .findElement(By.cssSelector("#key-list tr[data-key='" + team.teamKeyId() + "']"));
    assertThat(row.getText()).contains("Mar 5, 2031").doesNotContain("Never");
  }
}
