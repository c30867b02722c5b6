package dev.agentcredits.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.bootstrap.e2e.ServiceExtension;
import dev.agentcredits.bootstrap.e2e.Steps;
import dev.agentcredits.bootstrap.e2e.Teams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the owner and admins see, the docs page, the page's number formatting, and the README's
 * screenshots at a desktop and a phone width.
 */
class PageDetailsIT {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
  void the_owner_sees_every_pool_marks_their_own_and_buys_for_a_member() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();

    page.signIn(team.owner().key()).signedIn();

    By ownerRow = By.cssSelector("#member-pools tr[data-member='" + team.owner().id() + "']");
    By memberRow = By.cssSelector("#member-pools tr[data-member='" + team.member().id() + "']");
    assertThat(page.driver().findElement(ownerRow).getText())
        .contains("team API key and scheduled runs draw from this pool");
    assertThat(page.driver().findElements(By.cssSelector("#member-pools tbody tr"))).hasSize(3);
    page.driver().findElement(memberRow).findElement(By.tagName("button")).click();
    assertThat(page.text("buy-for")).startsWith("For the pool of ");
    page.review("1,000 credits for $20.00");
    page.pay().click();
    page.waitForText("buy-message", "Bought 1,000 credits for $20.00");
    page.button("Close").click();
    page.waitForText(memberRow, "2,500 credits");
    assertThat(steps.pool(team, team.member()).path("addon_credits").asLong()).isEqualTo(1000);
  }

  @Test
  void an_admin_creates_a_key_shown_once_and_revokes_it_after_confirming() {
    var team = SERVICE.teams().build().withAdmin().create();
    page.signIn(team.admin().key()).signedIn();

    page.labelled("Key name").sendKeys("nightly");
    page.button("Create key").click();
    String key = page.waitForText("new-key-value", "");
    assertThat(key).isNotBlank();
    assertThat(SERVICE.api().get("/api/v1/me", key).assertStatus(200).json().path("kind").asText())
        .isEqualTo("team_key");

    page.button("Revoke key nightly").click();
    assertThat(page.text("confirm-text")).contains("nightly", "stops working at once");
    page.byId("confirm-yes").click();

    page.waitForText("keys-message", "is revoked");
    SERVICE.api().get("/api/v1/me", key).assertProblem(401, "authentication_required");
  }

  @Test
  void the_ledger_pages_and_downloads_as_csv_built_from_its_pages() {
    var team = SERVICE.teams().build().withMember().create();
    String key = team.member().key();
    for (int i = 0; i < 3; i++) {
      String run = steps.accepted(key);
      steps.usage(run, 10 + i).assertStatus(200);
      steps.complete(run, key).assertStatus(200);
    }
    page.signIn(team.owner().key()).signedIn();
    page.waitForText(By.id("ledger-table"), "charged");
    int rows = page.driver().findElements(By.cssSelector("#ledger-table tbody tr")).size();

    String csv =
        (String)
            ((JavascriptExecutor) page.driver())
                .executeAsyncScript(
                    """
                    const done = arguments[arguments.length - 1];
                    const original = URL.createObjectURL;
                    URL.createObjectURL = (blob) => { blob.text().then(done); return original(blob); };
                    document.getElementById("ledger-csv").click();
                    """);

    List<String> lines = csv.lines().toList();
    assertThat(lines.getFirst())
        .isEqualTo("entry_id,at,kind,credits,pool_id,source_kind,source_id,task_id,reference");
    assertThat(lines).hasSize(rows + 1);
    assertThat(csv).contains(",charged", ",10,", ",11,", ",12,");
    page.waitForText("ledger-message", "Downloaded");
  }

  @Test
  void amounts_are_formatted_with_integer_arithmetic() {
    page.signIn("nobody");
    @SuppressWarnings("unchecked")
    List<Object> formatted =
        (List<Object>)
            ((JavascriptExecutor) page.driver())
                .executeAsyncScript(
                    """
                    const done = arguments[arguments.length - 1];
                    import("/billing/format.js").then((f) => done([
                      f.credits(1500), f.credits(1), f.credits(-20), f.dollars(2000), f.dollars(5),
                      f.dollars(123456789), f.dollars(-1999), f.parseDollars("1,250.50"),
                      f.parseDollars("0.29"), f.parseDollars("$20"), f.parseDollars("1.005"),
                      f.parseDollars("ten"), f.uuid().length]));
                    """);

    assertThat(formatted)
        .containsExactly(
            "1,500 credits",
            "1 credit",
            "-20 credits",
            "$20.00",
            "$0.05",
            "$1,234,567.89",
            "-$19.99",
            125050L,
            29L,
            2000L,
            null,
            null,
            36L);
  }

  @Test
  void the_usage_chart_draws_every_day_of_the_answer_with_the_missing_ones_at_zero() {
    page.signIn("nobody");
    @SuppressWarnings("unchecked")
    List<Object> drawn =
        (List<Object>)
            ((JavascriptExecutor) page.driver())
                .executeAsyncScript(
                    """
                    const done = arguments[arguments.length - 1];
                    Promise.all([import("/billing/usage.js"), import("/billing/format.js")])
                      .then(([usage, fmt]) => {
                        const chart = usage.usageChart({ from: "2031-03-01", to: "2031-03-05",
                          days: [{ date: "2031-03-02", credits_charged: 1500, runs: 2 },
                                 { date: "2031-03-05", credits_charged: 75, runs: 1 }] }, fmt);
                        document.body.append(chart);
                        const cells = [...chart.querySelectorAll("#usage-table tbody tr")]
                          .map((r) => r.dataset.date + "=" + r.cells[1].textContent);
                        done([chart.querySelector("#usage-total").textContent,
                              !!chart.querySelector("canvas[role=img][aria-label]"), ...cells]);
                      });
                    """);

    assertThat(drawn)
        .containsExactly(
            "1,575 credits charged from Mar 1 to Mar 5.",
            true,
            "2031-03-01=0",
            "2031-03-02=1,500",
            "2031-03-03=0",
            "2031-03-04=0",
            "2031-03-05=75");
  }

  @Test
  void the_docs_are_swagger_ui_over_the_openapi_document() {
    page.driver().get("http://localhost:" + SERVICE.port() + "/docs");

    new WebDriverWait(page.driver(), java.time.Duration.ofSeconds(20))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".swagger-ui"), "/api/v1/agent/tasks"));
    assertThat(page.driver().findElement(By.cssSelector(".swagger-ui .info .title")).getText())
        .contains("Agent Credits");
  }

  @Test
  void screenshots_at_phone_desktop_and_wide_widths_with_nothing_out_of_sight() throws IOException {
    Teams.Team team = SERVICE.teams().build().withAdmin().withMember().withTeamKey().create();
    String key = team.member().key();
    String run = steps.accepted(key);
    steps.usage(run, 1500).assertStatus(200);
    steps.complete(run, key).assertStatus(200);
    String refused = steps.submit(key).assertStatus(403).json().path("task_id").asText();
    steps.accepted(team.teamKey());
    SERVICE
        .api()
        .post(
            team.path() + "/members/" + team.owner().id() + "/add-on-purchases",
            team.owner().key(),
            "{\"denomination_credits\": 1000}")
        .assertStatus(201);
    page.signIn(team.owner().key()).signedIn().settled();
    page.waitForText(By.id("ledger-table"), "charged");

    assertThat(unnamedControls()).as("controls without an accessible name").isEmpty();

    for (int width : BillingPage.WIDTHS) {
      page.screenshot("billing-owner", width);
      assertThat(page.sidewaysOverflow()).as("the page scrolls sideways at %d px", width).isZero();
      var row = page.driver().findElement(By.cssSelector("#runs [data-task='" + refused + "']"));
      var card = page.byId("runs-card");
      assertThat(page.notInSight(row.findElement(By.cssSelector(".why")), card))
          .as("the refusal at %d px", width)
          .isNull();
      assertThat(page.notInSight(page.button("Retry"), card)).as("Retry at %d px", width).isNull();
      var members = page.byId("members");
      for (String control :
          List.of(
              "Remove " + team.member().email() + " from the team",
              "Rotate the key of " + team.admin().email(),
              "Buy add-on credits for " + team.member().email())) {
        assertThat(page.notInSight(page.button(control), members))
            .as("%s at %d px", control, width)
            .isNull();
      }
      assertThat(page.notInSight(page.button("Revoke key ci"), page.byId("keys-card")))
          .as("Revoke at %d px", width)
          .isNull();
    }
    Files.copy(
        SCREENSHOTS.resolve("billing-owner-1280.png"),
        SCREENSHOTS.resolve("billing-1280.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        SCREENSHOTS.resolve("billing-owner-375.png"),
        SCREENSHOTS.resolve("billing-375.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    page.signIn(team.member().key()).signedIn().settled();
    for (int width : BillingPage.WIDTHS) {
      page.screenshot("billing-member", width);
      assertThat(page.sidewaysOverflow()).as("the page scrolls sideways at %d px", width).isZero();
    }
    Teams.Team enterprise = SERVICE.teams().enterprise().withAdmin().withMember().create();
    SERVICE
        .api()
        .post(
            enterprise.path() + "/grants",
            ServiceExtension.OPERATOR_KEY,
            "{\"credits\": 5000, \"expires_at\": \"2032-01-31T00:00:00Z\"}")
        .assertStatus(201);
    page.signIn(enterprise.admin().key()).signedIn().settled();
    for (int width : BillingPage.WIDTHS) {
      page.screenshot("billing-enterprise-admin", width);
      assertThat(page.sidewaysOverflow()).as("the page scrolls sideways at %d px", width).isZero();
    }
  }

  /** Inputs, selects, buttons, meters and canvases with neither a label, a text nor aria-label. */
  @SuppressWarnings("unchecked")
  private List<String> unnamedControls() {
    return (List<String>)
        ((JavascriptExecutor) page.driver())
            .executeScript(
                """
                return [...document.querySelectorAll("input, select, button, meter, canvas, textarea")]
                  .filter((el) => !(el.labels?.length || el.getAttribute("aria-label")
                    || el.getAttribute("aria-labelledby") || el.textContent.trim()))
                  .map((el) => el.outerHTML.slice(0, 120));
                """);
  }
}
