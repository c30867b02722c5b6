package dev.agentcredits.domain.spend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md rule 25 for the spend cap, as purchases, refunds and cap changes meet it. */
class CapAlertsTest {
  private static final TeamId TEAM = new TeamId("team-1");
  private static final YearMonth MARCH = YearMonth.of(2031, 3);
  private static final Instant NOW = Instant.parse("2031-03-05T12:00:00Z");
  private static final Money CAP = Money.dollars(200);

  /** Purchases in a row on a $200 cap: the dollars spent after each, and what each announces. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          $10s up to the cap       | 10 20 90 100 150 160 190 200 | -;-;-;50;-;80;-;100
          one $200 purchase        | 200                          | 50 80 100
          $100 then back to $80    | 100 80 100 170               | 50;-;-;80
          nothing spent            | 0                            | -
          """)
  void eachThresholdIsAnnouncedOnceInTheMonth(String why, String spentAfterEach, String raised) {
    MonthlySpend spend = MonthlySpend.none(TEAM, MARCH);
    String[] expected = raised.split(";");
    String[] spent = spentAfterEach.trim().split(" +");
    for (int i = 0; i < spent.length; i++) {
      MonthlySpend changed = new MonthlySpend(TEAM, MARCH, dollars(spent[i]), spend.announced());
      CapAlerts.Decision decision = CapAlerts.afterSpend(changed, CAP, NOW);

      assertThat(thresholds(decision.events())).as("after $%s", spent[i]).isEqualTo(expected[i]);
      spend = decision.spend();
    }
  }

  @Test
  void theEventSaysTheMonthTheThresholdAndTheFigures() {
    MonthlySpend spend = new MonthlySpend(TEAM, MARCH, Money.dollars(170));

    DomainEvent event = CapAlerts.afterSpend(spend, CAP, NOW).events().getLast();

    assertThat(event.type()).isEqualTo(EventType.SPEND_CAP_THRESHOLD_REACHED);
    assertThat(event.team()).isEqualTo(TEAM);
    assertThat(event.subject()).isEqualTo(TEAM.value());
    assertThat(event.at()).isEqualTo(NOW);
    assertThat(event.data())
        .isEqualTo(new EventData.SpendCapThresholdReached(MARCH, 80, Money.dollars(170), CAP));
  }

  @Test
  void theMonthKeepsWhatWasAnnouncedAndWhen() {
    MonthlySpend spend = new MonthlySpend(TEAM, MARCH, Money.dollars(170));

    MonthlySpend saved = CapAlerts.afterSpend(spend, CAP, NOW).spend();

    assertThat(saved.spent()).isEqualTo(Money.dollars(170));
    assertThat(saved.announced().percents()).containsExactly(50, 80);
    assertThat(saved.announced().lastAt()).isEqualTo(NOW);
    assertThat(saved.plus(Money.dollars(10)).announced()).isEqualTo(saved.announced());
    assertThat(saved.refund(Money.dollars(10)).announced()).isEqualTo(saved.announced());
  }

  @Test
  void aRaisedCapAnnouncesAgainOnlyWhatIsNewlyCrossedAgainstIt() {
    MonthlySpend at170 = CapAlerts.afterSpend(spent(170), CAP, NOW).spend();

    CapAlerts.Decision raised = CapAlerts.afterCapChange(at170, CAP, Money.dollars(400), NOW);
    MonthlySpend at200 =
        new MonthlySpend(TEAM, MARCH, Money.dollars(200), raised.spend().announced());
    CapAlerts.Decision crossed = CapAlerts.afterSpend(at200, Money.dollars(400), NOW);

    assertThat(raised.events()).isEmpty();
    assertThat(thresholds(crossed.events())).isEqualTo("50");
  }

  @Test
  void aLoweredCapAnnouncesWhatTheSpendNowReaches() {
    MonthlySpend at100 = CapAlerts.afterSpend(spent(100), CAP, NOW).spend();

    CapAlerts.Decision lowered = CapAlerts.afterCapChange(at100, CAP, Money.dollars(100), NOW);

    assertThat(thresholds(lowered.events())).isEqualTo("80 100");
  }

  private static MonthlySpend spent(long dollars) {
    return new MonthlySpend(TEAM, MARCH, Money.dollars(dollars));
  }

  private static Money dollars(String text) {
    return Money.dollars(Long.parseLong(text));
  }

  private static String thresholds(List<DomainEvent> events) {
    if (events.isEmpty()) {
      return "-";
    }
    return String.join(
        " ",
        events.stream()
            .map(e -> ((EventData.SpendCapThresholdReached) e.data()).thresholdPercent())
            .map(String::valueOf)
            .toList());
  }
}
