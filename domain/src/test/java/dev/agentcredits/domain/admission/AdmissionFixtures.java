package dev.agentcredits.domain.admission;

import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Payer;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Duration;
import java.time.Instant;

/** Test data for admissions: a team, its owner's pool with some credits, submissions. */
final class AdmissionFixtures {
  static final Instant T0 = Instant.parse("2025-01-10T00:00:00Z");
  static final Instant NOW = T0.plus(Duration.ofHours(1));
  static final BillingTerms TERMS = BillingTerms.defaults();
  static final TeamId TEAM = new TeamId("team-1");
  static final MemberId OWNER = new MemberId("owner-1");
  static final BilledPool OWNERS_POOL = BilledPool.ofMember(TEAM, OWNER, Payer.TRIGGERING_USER);
  static final BilledPool TEAM_POOL = BilledPool.ofTeam(TEAM);

  private AdmissionFixtures() {}

  static Team team(Plan plan) {
    return new Team(TEAM, "Team", plan, OWNER, Money.dollars(200), T0);
  }

  /** The owner's pool holding {@code credits} plan credits, auto-reload as given. */
  static Pool ownersPool(long credits, AutoReloadSettings autoReload) {
    return Pool.openForMember(TEAM, OWNER, T0, autoReload)
        .advanceTo(T0, credits, TERMS.cycleLength())
        .pool();
  }

  static Pool ownersPool(long credits) {
    return ownersPool(credits, AutoReloadSettings.off(Credits.of(100)));
  }

  /** An enterprise team's pool holding one grant of {@code credits}. */
  static Pool teamPool(long credits) {
    var grant =
        new CreditSource(
            new SourceId("grant-1"),
            SourceKind.GRANT,
            credits,
            0,
            T0,
            T0.plus(Duration.ofDays(90)));
    return Pool.openForTeam(TEAM, AutoReloadSettings.off(Credits.of(100)))
        .credit(grant, "grant-1", T0)
        .pool();
  }

  static AutoReloadSettings reloadOn() {
    return new AutoReloadSettings(true, Credits.of(400), Credits.of(100), null);
  }

  static AutoReloadSettings reloadOffAfterADecline() {
    return reloadOn().turnedOffAfter(ReloadFailure.PAYMENT_DECLINED);
  }

  static Pool inFlight(Pool pool) {
    return pool.withReloadInFlight(new PurchaseId("purchase-1"));
  }

  static Candidate.Submission submission(String id, String prompt) {
    return new Candidate.Submission(
        new RunId(id), TEAM, Trigger.USER, OWNER, null, prompt, T0, null);
  }

  static Candidate.Submission submission(String id) {
    return submission(id, "p");
  }

  static AdmissionRequest request(Candidate candidate, Plan plan) {
    return new AdmissionRequest(candidate, OWNERS_POOL, team(plan), null, null);
  }
}
