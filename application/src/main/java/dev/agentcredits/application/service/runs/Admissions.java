package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.admission.Candidate;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Team;
import java.util.List;
import java.util.Objects;

/**
 * Admits runs: one transaction that places their start holds or answers them ({@link AdmitRuns}).
 */
public interface Admissions {

  /** One result per request, in order, all decided and saved in one transaction. */
  List<Result> admitAll(List<Request> requests);

  default Result admit(Request request) {
    return admitAll(List.of(request)).getFirst();
  }

  /**
   * One admission.
   *
   * @param requestKey the submission's request key, scoped to its caller, or null
   * @param billed the pool the run bills, or null for a submission whose payer the transaction
   *     resolves from the team as it reads it (then {@code team} is null too)
   * @param team the team as the caller read it to resolve {@code billed}, or null
   * @param verdict what auto-reload said when it already had its say for this request, or null
   */
  record Request(
      Candidate candidate,
      String requestKey,
      BilledPool billed,
      Team team,
      AutoReloadState verdict) {
    public Request {
      Objects.requireNonNull(candidate, "candidate");
      if ((billed == null) != (team == null)) {
        throw new IllegalArgumentException("billed and team are given together or not at all");
      }
      if (billed == null && !(candidate instanceof Candidate.Submission)) {
        throw new IllegalArgumentException("only a submission is resolved in the transaction");
      }
    }

    /** A submission whose payer the admission transaction resolves (rule 1). */
    static Request unresolved(Candidate.Submission submission, String requestKey) {
      return new Request(submission, requestKey, null, null, null);
    }

    Request withVerdict(AutoReloadState newVerdict) {
      return new Request(candidate, requestKey, billed, team, newVerdict);
    }

    Request resolvedTo(BilledPool pool, Team current) {
      return new Request(candidate, requestKey, pool, current, verdict);
    }

    /** The team the request is for, resolved or not. */
    public TeamId teamId() {
      return team != null ? team.id() : ((Candidate.Submission) candidate).team();
    }

    public boolean isRetry() {
      return candidate instanceof Candidate.Retry;
    }
  }

  /** What an admission came to, as its caller acts on it. */
  sealed interface Result {
    /** The hold is placed; {@code topUp}: a reload should follow (the pool is low). */
    record Accepted(Run run, boolean topUp) implements Result {}

    /** Answered without a new hold: refused, or answered again under the request key. */
    record Answered(Outcome<RunView> outcome) implements Result {}

    /** The pool is short and auto-reload may buy: reload it, then ask again. */
    record NeedsReload(PoolId pool) implements Result {}

    /** The team's plan or owner is no longer the one the billed pool was resolved with. */
    record TeamChanged() implements Result {}
  }
}
