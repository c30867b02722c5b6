package dev.agentcredits.domain.admission;

import static dev.agentcredits.domain.admission.AdmissionFixtures.NOW;
import static dev.agentcredits.domain.admission.AdmissionFixtures.TERMS;
import static dev.agentcredits.domain.admission.AdmissionFixtures.ownersPool;
import static dev.agentcredits.domain.admission.AdmissionFixtures.request;
import static dev.agentcredits.domain.admission.AdmissionFixtures.submission;
import static dev.agentcredits.domain.admission.AdmissionFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.refusal.Contacts;
import dev.agentcredits.domain.refusal.InsufficientCredits;
import dev.agentcredits.domain.refusal.RefusalCase;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.team.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The refusal's facts, and its wording once the month's spend and the contacts are known. */
class ShortfallTest {

  private static Shortfall shortfallOf(long credits) {
    var refused =
        (Decision.Refused)
            Admission.decide(
                ownersPool(credits),
                team(Plan.BUILD),
                request(submission("run-1"), Plan.BUILD),
                TERMS,
                NOW);
    return refused.shortfall();
  }

  @Test
  void theRefusalSaysWhatThePoolHadAndWhatTheCapAllows() {
    Shortfall shortfall = shortfallOf(5);

    InsufficientCredits why =
        shortfall.explain(Money.dollars(195), new Contacts("o@example.com", List.of()));

    assertThat(why.required()).isEqualTo(20);
    assertThat(why.balances().available()).isEqualTo(5);
    assertThat(why.monthToDateSpend()).isEqualTo(Money.dollars(195));
    assertThat(why.monthlySpendCap()).isEqualTo(Money.dollars(200));
    assertThat(why.nextRefresh()).contains(shortfall.nextRefreshAt());
    assertThat(why.cause())
        .as("$195 + the cheapest add-on ($10) is over the $200 cap")
        .isEqualTo(RefusalCase.CAP_REACHED);
  }

  @Test
  void withRoomUnderTheCapTheCauseIsAutoReloadOff() {
    InsufficientCredits why = shortfallOf(5).explain(Money.ZERO, Contacts.HIDDEN);

    assertThat(why.cause()).isEqualTo(RefusalCase.AUTO_RELOAD_OFF);
  }

  @ParameterizedTest
  @CsvSource({
    "SPEND_CAP_REACHED, CAP_REACHED",
    "PAYMENT_DECLINED, PAYMENT_DECLINED",
    "AUTO_RELOAD_DISABLED, OFF"
  })
  void aRefusedReloadSaysWhy(ReloadFailure failure, AutoReloadState state) {
    assertThat(ReloadVerdict.after(failure)).isEqualTo(state);
  }
}
