package dev.agentcredits.domain.admission;

import dev.agentcredits.domain.limit.MemberBudget;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.team.Team;
import java.util.Objects;

/**
 * What one admission decides on, besides the pool and the team as they are now.
 *
 * @param billed the pool the caller resolved the run to (DOMAIN.md, principal resolution)
 * @param resolvedWith the team as the caller read it to resolve {@code billed}
 * @param earlier the run an earlier submission under the same request key made, or null
 * @param verdict what auto-reload said when it already had its say for this request, or null
 * @param budget the monthly limit of the member the run counts against, and what counts against it
 *     now (DOMAIN.md rule 24); null when no limit applies
 */
public record AdmissionRequest(
    Candidate candidate,
    BilledPool billed,
    Team resolvedWith,
    Run earlier,
    AutoReloadState verdict,
    MemberBudget budget) {

  /** A request no member limit applies to. */
  public AdmissionRequest(
      Candidate candidate,
      BilledPool billed,
      Team resolvedWith,
      Run earlier,
      AutoReloadState verdict) {
    this(candidate, billed, resolvedWith, earlier, verdict, null);
  }

  public AdmissionRequest {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(billed, "billed");
    Objects.requireNonNull(resolvedWith, "resolvedWith");
    if (earlier != null && !(candidate instanceof Candidate.Submission)) {
      throw new IllegalArgumentException("only a submission has a request key");
    }
    if (budget != null && !budget.member().equals(candidate.countsAgainst())) {
      throw new IllegalArgumentException(
          "a limit applies only to the member the run counts against");
    }
  }
}
