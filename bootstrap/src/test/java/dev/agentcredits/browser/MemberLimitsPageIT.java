package dev.agentcredits.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.bootstrap.e2e.ServiceExtension;
import dev.agentcredits.bootstrap.e2e.Steps;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * DOMAIN.md rule 24 on the page: the owner sets the team's default and a member's own limit in
 * Member limits, the member sees their limit and what the month has used of it, and a run the limit
 * refused says who can raise it.
 */
class MemberLimitsPageIT {
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
  void the_owner_sets_limits_and_the_member_over_theirs_is_refused_and_told_who_can_raise_it() {
    var team = SERVICE.teams().build().withAdmin().withMember().create();
    var member = team.member();
    page.signIn(team.owner().key()).signedIn().settled();

    WebElement fallback = page.labelled("Team default (credits a month)");
    assertThat(fallback.getDomProperty("value")).isEmpty();
    fallback.sendKeys("2,000", Keys.ENTER);
    page.waitForText("notice", "The team's default monthly limit is now 2,000 credits.");
    assertThat(page.focused()).as("focus stays where the person was").isEqualTo("limit-default");
    By memberRow = By.cssSelector("#member-limit-list tr[data-member='" + member.id() + "']");
    page.waitForText(memberRow, "team default");

    WebElement own =
        page.driver().findElement(memberRow).findElement(By.cssSelector("input[type=text]"));
    own.sendKeys("12.5");
    page.button("Save the monthly limit of " + member.email()).click();
    assertThat(page.waitForText("member-limits-message", "whole number"))
        .isEqualTo("Enter a whole number of credits from 0 to 100,000,000, or leave it empty.");
    assertThat(page.focused()).isEqualTo("limit-own-" + member.id());
    own.clear();
    own.sendKeys("0", Keys.ENTER);
    assertThat(page.text("confirm-text")).contains("0 credits", member.email());
    assertThat(page.focused()).isEqualTo("confirm-no");
    page.byId("confirm-no").click();
    page.waitForText("member-limits-message", "The limit was not changed.");
    own.clear();
    own.sendKeys("30", Keys.ENTER);
    page.waitForText("notice", "The monthly limit of " + member.email() + " is now 30 credits.");
    page.waitForText(memberRow, "own limit");
    for (int width : BillingPage.WIDTHS) {
      page.screenshot("member-limits-owner", width);
      assertThat(page.sidewaysOverflow()).as("the page scrolls sideways at %d px", width).isZero();
      WebElement editor = page.byId("member-limits");
      assertThat(page.notInSight(page.button("Use the team default for " + member.email()), editor))
          .as("Use default at %d px", width)
          .isNull();
      assertThat(page.notInSight(page.byId("limit-own-" + member.id()), editor))
          .as("the member's own limit at %d px", width)
          .isNull();
    }
    assertThat(page.strayTexts()).isEmpty();

    steps.accepted(member.key());
    String refused = steps.submit(member.key()).assertStatus(403).json().path("task_id").asText();
    page.signIn(member.key()).signedIn().settled();

    assertThat(page.text("limit-text")).startsWith("20 of 30 credits this month (66%).");
    assertThat(page.byId("limit-meter").getDomAttribute("value")).isEqualTo("20");
    assertThat(page.text("limit-who")).isEqualTo("The team owner or an admin sets it.");
    assertThat(page.hasLabel("Team default (credits a month)")).isFalse();
    By refusedRun = By.cssSelector("#runs [data-task='" + refused + "']");
    page.waitForText(refusedRun, "monthly credit limit");
    assertThat(page.driver().findElement(refusedRun).findElement(By.cssSelector(".why")).getText())
        .isEqualTo(
            "Refused: the credits a run holds to start would take you over your monthly credit"
                + " limit (20 of 30 credits used this month, counting credits held by running"
                + " tasks). Ask the team owner or an admin to raise your limit, or wait for the 1st"
                + " of the month (UTC), when the count starts again; what running tasks hold and"
                + " do not use comes back when they end. Then press Retry.");
    page.driver().findElement(refusedRun).findElement(By.xpath(".//button[.='Retry']")).click();
    assertThat(page.waitForText("runs-message", "The retry was refused"))
        .startsWith("The retry was refused: the credits a run holds to start would take you over")
        .contains("Ask the team owner or an admin to raise your limit");
    for (int width : BillingPage.WIDTHS) {
      page.screenshot("member-limit-member", width);
      assertThat(page.sidewaysOverflow()).as("the page scrolls sideways at %d px", width).isZero();
      var row = page.driver().findElement(refusedRun);
      assertThat(page.notInSight(row.findElement(By.cssSelector(".why")), page.byId("runs-card")))
          .as("the refusal at %d px", width)
          .isNull();
    }
    assertThat(page.strayTexts()).isEmpty();

    page.signIn(team.admin().key()).signedIn().settled();
    page.waitForText(memberRow, "20 of 30");
    page.button("Use the team default for " + member.email()).click();
    page.waitForText(
        "notice", member.email() + " now has the team default of 2,000 credits a month.");
    page.waitForText(memberRow, "20 of 2,000");
    assertThat(
            SERVICE
                .api()
                .get(team.path() + "/members/me/limit", member.key())
                .assertStatus(200)
                .json()
                .path("effective_monthly_credits")
                .asLong())
        .isEqualTo(2_000);
    assertThat(page.strayTexts()).isEmpty();
  }

  @Test
  void limits_are_read_and_worded_by_pure_functions() {
    page.signIn("nobody");
    @SuppressWarnings("unchecked")
    List<Object> said =
        (List<Object>)
            ((org.openqa.selenium.JavascriptExecutor) page.driver())
                .executeAsyncScript(
                    """
                    const done = arguments[arguments.length - 1];
                    Promise.all([import("/billing/limits.js"), import("/billing/advice.js")])
                      .then(([limits, advice]) => done([
                        limits.parseLimit("2,000"), limits.parseLimit(" 0 "), limits.parseLimit(""),
                        limits.parseLimit("100000000"), limits.parseLimit("100000001"),
                        limits.parseLimit("12.5"), limits.parseLimit("-3"), limits.parseLimit("2,00"),
                        advice.limitAdvice({ whose: "bob@example.com", stopped: true,
                          limit: { monthly_credits: 500, month_to_date_credits: 520 }, role: "ADMIN",
                          owner: "owner@example.com", admins: [] }),
                        advice.limitAdvice({ whose: "self", stopped: false, limit: null,
                          role: "OWNER", owner: null, admins: ["admin@example.com"] }),
                      ]));
                    """);

    assertThat(said)
        .containsExactly(
            2000L,
            0L,
            null,
            100000000L,
            null,
            null,
            null,
            null,
            "Stopped: its usage took bob@example.com over their monthly credit limit (520 of 500"
                + " credits used this month, counting credits held by running tasks); that usage"
                + " was charged. Raise their limit under Member limits on this page, or wait for"
                + " the 1st of the month (UTC), when the count starts again; what running tasks"
                + " hold and do not use comes back when they end. Then press Retry.",
            "Refused: the credits a run holds to start would take you over your monthly credit"
                + " limit. Raise your limit under Member limits on this page, or wait for the 1st"
                + " of the month (UTC), when the count starts again; what running tasks hold and"
                + " do not use comes back when they end. Then press Retry.");
  }
}
