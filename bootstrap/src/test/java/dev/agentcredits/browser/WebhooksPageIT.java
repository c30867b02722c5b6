package dev.agentcredits.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.bootstrap.e2e.ServiceExtension;
import dev.agentcredits.bootstrap.e2e.Teams;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 21, the page: the owner's and admins' Webhooks card against the service's webhook endpoints
 * (API.md "Alerts and webhooks"). The endpoint is a public address that answers nothing here
 * (TEST-NET-3), so its deliveries are tried and fail, as a broken receiver's would. A service built
 * without the webhook endpoints skips the class.
 */
class WebhooksPageIT {
  private static final String URL = "https://203.0.113.10/hooks/agent-credits";
  private static final String NAME = "Billing alerts";

  @RegisterExtension
  @Order(1)
  static final ServiceExtension SERVICE = new ServiceExtension();

  @RegisterExtension
  @Order(2)
  static final Chromium CHROMIUM = new Chromium();

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
  void the_owner_adds_an_endpoint_and_sees_its_secret_once_with_copy() {
    var team = teamWithWebhooks();
    page.signIn(team.owner().key()).signedIn().settled();

    page.labelled("Endpoint URL").sendKeys(URL);
    page.labelled("Description (optional)").sendKeys("Billing alerts to the on-call channel");
    page.labelled("Events (optional)").sendKeys("spend_cap.*, credits.low");
    page.button("Add endpoint").click();

    String secret = page.waitForText("webhook-secret", "whsec_");
    assertThat(secret).startsWith("whsec_");
    assertThat(page.focused())
        .as("the secret is where the focus goes")
        .isEqualTo("webhook-secret-box");
    assertThat(page.buttons("Copy")).isNotEmpty();
    WebElement endpoint = endpoint();
    assertThat(endpoint.getText())
        .contains(URL, "Enabled", "Billing alerts to the on-call channel")
        .contains("Events: spend_cap.*, credits.low");
    assertThat(page.byId("webhook-secret-box").getLocation().getY())
        .as("the secret shows right under the list, above the form")
        .isLessThan(page.byId("webhook-form").getLocation().getY());
    JsonNode listed = list(team).get(0);
    assertThat(listed.path("event_types").toString()).contains("spend_cap.*", "credits.low");
    assertThat(listed.toString()).doesNotContain(secret);
    assertThat(page.strayTexts()).isEmpty();
    for (int width : BillingPage.WIDTHS) {
      page.screenshot("webhooks-new-endpoint", width);
      assertThat(page.sidewaysOverflow()).as("at %d px", width).isZero();
    }
    page.width(1280);

    page.button("I have copied it").click();
    assertThat(page.driver().findElements(By.id("webhook-secret"))).isEmpty();
    page.reload();
    page.settled();
    assertThat(page.driver().getPageSource()).doesNotContain(secret);
  }

  @Test
  void an_admin_sends_a_test_sees_its_delivery_fail_and_retries_it() {
    var team = teamWithWebhooks();
    String id = register(team);
    page.signIn(team.admin().key()).signedIn().settled();

    page.button("Send a test event to " + NAME).click();
    page.waitForText("endpoint-message-" + id, "A test event (webhook.test) is on its way");
    By row =
        By.xpath("//table[@id='delivery-list-" + id + "']//tr[td/code[text()='webhook.test']]");
    page.waitForText(row, "webhook.test");
    new WebDriverWait(page.driver(), Duration.ofSeconds(40), Duration.ofSeconds(1))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> {
          page.button("Refresh the deliveries of " + NAME).click();
          return d.findElement(row).getText().contains("Retrying");
        });
    WebElement delivery = page.driver().findElement(row);
    assertThat(delivery.getText()).contains("Retrying", "Next try");
    assertThat(page.text("webhook-endpoints")).contains("Events: All events");
    assertThat(page.strayTexts()).isEmpty();
    for (int width : BillingPage.WIDTHS) {
      page.screenshot("webhooks-deliveries", width);
      assertThat(page.sidewaysOverflow()).as("at %d px", width).isZero();
      assertThat(
              page.notInSight(
                  page.button("Retry the webhook.test delivery"), page.byId("webhooks-card")))
          .as("at %d px", width)
          .isNull();
    }
    page.width(1280);

    page.button("Retry the webhook.test delivery").click();
    page.waitForText("deliveries-message-" + id, "queued to be tried again now");
  }

  @Test
  void deleting_asks_first_with_the_focus_on_cancel() {
    var team = teamWithWebhooks();
    register(team);
    page.signIn(team.owner().key()).signedIn().settled();

    page.button("Delete the endpoint " + NAME).click();
    assertThat(page.text("confirm-text")).contains(URL, "receives no more events");
    assertThat(page.focused()).isEqualTo("confirm-no");
    page.byId("confirm-no").click();
    assertThat(list(team).size()).isEqualTo(1);

    page.button("Delete the endpoint " + NAME).click();
    page.byId("confirm-yes").click();
    page.waitForText("webhooks-message", "is deleted");
    page.waitForText("endpoint-list", "No endpoints yet");
    assertThat(list(team).size()).isZero();
  }

  @Test
  void a_member_sees_no_webhooks_card() {
    var team = teamWithWebhooks();
    page.signIn(team.member().key()).signedIn().settled();

    assertThat(page.driver().findElements(By.id("webhooks-card"))).isEmpty();
  }

  private WebElement endpoint() {
    page.waitForText(By.id("endpoint-list"), URL);
    return page.driver().findElement(By.cssSelector("#endpoint-list .endpoint"));
  }

  /** A team on a service that has webhook endpoints (else the test is skipped). */
  private static Teams.Team teamWithWebhooks() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();
    var answer = SERVICE.api().get(team.path() + "/webhook-endpoints", team.owner().key());
    Assumptions.assumeTrue(
        answer.status() == 200,
        "this service has no webhook endpoints (API.md 'Alerts and webhooks'): " + answer.body());
    return team;
  }

  private static String register(Teams.Team team) {
    return SERVICE
        .api()
        .post(
            team.path() + "/webhook-endpoints",
            team.owner().key(),
            "{\"url\": \"" + URL + "\", \"description\": \"" + NAME + "\"}")
        .assertStatus(201)
        .json()
        .path("endpoint_id")
        .asText();
  }

  private static JsonNode list(Teams.Team team) {
    return SERVICE
        .api()
        .get(team.path() + "/webhook-endpoints", team.owner().key())
        .assertStatus(200)
        .json()
        .path("webhook_endpoints");
  }
}
