package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.DuplicateKeyException;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.admission.Admission;
import dev.agentcredits.domain.admission.AdmissionRequest;
import dev.agentcredits.domain.admission.Candidate;
import dev.agentcredits.domain.admission.Decision;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.principal.PrincipalResolution;
import dev.agentcredits.domain.principal.PrincipalResolver;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Team;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Admission as one transaction (DOMAIN.md rules 1, 2, 12, 18, 24): load and lock what the decision
 * needs, decide each request in turn ({@link Admission#decide}) against the pool and the members'
 * limits the previous one left, and save everything once.
 */
public final class AdmitRuns implements Admissions {
  private static final Refusal RETRIED_ELSEWHERE =
      Refusal.conflict("the task is being retried by another request");
  private static final Refusal KEY_REUSED =
      Refusal.conflict("the idempotency key was used for a different request");

  private final TeamStore teams;
  private final PoolBook pools;
  private final RunStore runs;
  private final MemberLimitBook limits;
  private final TransactionRunner tx;
  private final RefusalWording wording;

  public AdmitRuns(
      TeamStore teams,
      PoolBook pools,
      RunStore runs,
      MemberLimitBook limits,
      TransactionRunner tx,
      RefusalWording wording) {
    this.teams = teams;
    this.pools = pools;
    this.runs = runs;
    this.limits = limits;
    this.tx = tx;
    this.wording = wording;
  }

  @Override
  public List<Result> admitAll(List<Request> requests) {
    try {
      return tx.inTransaction(() -> admitLocked(requests));
    } catch (DuplicateKeyException e) {
      // Another request under one of these keys committed its run first: decided again, the key
      // answers that run.
      return tx.inTransaction(() -> admitLocked(requests));
    }
  }

  private List<Result> admitLocked(List<Request> given) {
    Result[] results = new Result[given.size()];
    List<Candidate> candidates = lockRetries(given, results);
    PoolChanges changes = pools.open();
    MemberBudgets budgets = limits.open(changes.now());
    // The teams as committed now, once each: their cap, plan and owner, whatever a caller read.
    Map<TeamId, Optional<Team>> current = new HashMap<>();
    List<Request> requests = resolved(given, results, current);
    for (List<Integer> group : byPool(requests, results).values()) {
      Request first = requests.get(group.getFirst());
      Team team = current.computeIfAbsent(first.teamId(), teams::find).orElseThrow();
      Pool pool = changes.lockCurrent(first.billed().poolId(), team.plan());
      // Under the pool's lock: every change to these members' runs takes it (rule 24).
      budgets.read(group.stream().map(i -> candidates.get(i).countsAgainst()).toList());
      Map<String, Run> earlier =
          new HashMap<>(runs.findByRequestKeys(team.id(), keys(requests, group)));
      for (int i : group) {
        Request request = requests.get(i);
        Candidate candidate = candidates.get(i);
        Run earlierRun = request.requestKey() == null ? null : earlier.get(request.requestKey());
        AdmissionRequest asked =
            new AdmissionRequest(
                candidate,
                request.billed(),
                request.team(),
                earlierRun,
                request.verdict(),
                budgets.of(candidate.countsAgainst()));
        Decision decision = Admission.decide(pool, team, asked, changes.terms(), changes.now());
        pool = decision.poolAfter(pool);
        if (decision instanceof Decision.Accepted accepted) {
          budgets.moved(candidate instanceof Candidate.Retry r ? r.failed() : null, accepted.run());
        }
        results[i] = save(decision, request, team, changes);
        if (request.requestKey() != null && madeRun(decision) instanceof Run made) {
          // A later request of this batch under the same key is answered from this run.
          earlier.put(request.requestKey(), made);
        }
      }
    }
    budgets.keepIn(changes);
    changes.flush();
    return List.of(results);
  }

  /**
   * A retry's run is locked first, before any pool (as usage locks runs, then pools), and decided
   * as locked now: usage may have been charged to it since the caller read it. One no longer FAILED
   * is being retried by another request.
   */
  private List<Candidate> lockRetries(List<Request> requests, Result[] results) {
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      Candidate candidate = requests.get(i).candidate();
      if (candidate instanceof Candidate.Retry retry) {
        Run locked = runs.lock(retry.id()).orElseThrow();
        if (locked.state() == RunState.FAILED) {
          candidate = new Candidate.Retry(locked);
        } else {
          results[i] = new Result.Answered(Outcome.refused(RETRIED_ELSEWHERE));
        }
      }
      candidates.add(candidate);
    }
    return candidates;
  }

  /**
   * Submissions name who submitted, not who pays: the payer is resolved here (rule 1), from the
   * team as this transaction reads it, so the submit path reads nothing before it.
   */
  private List<Request> resolved(
      List<Request> requests, Result[] results, Map<TeamId, Optional<Team>> current) {
    List<Request> resolved = new ArrayList<>(requests);
    for (int i = 0; i < requests.size(); i++) {
      Request request = requests.get(i);
      if (results[i] != null || request.billed() != null) {
        continue;
      }
      Optional<Team> team = current.computeIfAbsent(request.teamId(), teams::find);
      if (team.isEmpty()) {
        results[i] = answered(Outcome.refused(Refusal.notFound("team " + request.teamId())));
        continue;
      }
      var submission = (Candidate.Submission) request.candidate();
      switch (PrincipalResolver.resolve(
          team.get(), submission.trigger(), submission.triggeredBy())) {
        case PrincipalResolution.Billed billed ->
            resolved.set(i, request.resolvedTo(billed.pool(), team.get()));
        case PrincipalResolution.PlanCannotRunAgents cannot ->
            results[i] =
                answered(
                    Outcome.refused(
                        Refusal.featureNotAvailable(
                            "the " + team.get().plan() + " plan cannot run cloud agents")));
        case PrincipalResolution.TriggeringMemberMissing missing ->
            results[i] =
                answered(
                    Outcome.refused(Refusal.invalid("a USER-triggered run must name its member")));
      }
    }
    return resolved;
  }

  /** The requests still to decide, by billed pool, pools in id order so batches never deadlock. */
  private static Map<PoolId, List<Integer>> byPool(List<Request> requests, Result[] results) {
    Map<PoolId, List<Integer>> groups = new TreeMap<>(Comparator.comparing(PoolId::value));
    for (int i = 0; i < requests.size(); i++) {
      if (results[i] == null) {
        groups.computeIfAbsent(requests.get(i).billed().poolId(), p -> new ArrayList<>()).add(i);
      }
    }
    return groups;
  }

  private static List<String> keys(List<Request> requests, List<Integer> group) {
    return group.stream()
        .map(i -> requests.get(i).requestKey())
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  private static Run madeRun(Decision decision) {
    return switch (decision) {
      case Decision.Accepted accepted -> accepted.run();
      case Decision.Refused refused -> refused.run();
      case Decision.OverLimit over -> over.run();
      default -> null;
    };
  }

  /** Collects what the decision changed, and says what it came to. */
  private Result save(Decision decision, Request request, Team team, PoolChanges changes) {
    return switch (decision) {
      case Decision.Accepted accepted -> {
        changes.apply(accepted.transition());
        changes.raiseAll(accepted.events());
        keep(accepted.run(), request, changes);
        yield new Result.Accepted(accepted.run(), accepted.topUp());
      }
      case Decision.Refused refused -> {
        changes.raiseAll(refused.events());
        keep(refused.run(), request, changes);
        var why = wording.explain(refused.shortfall(), team, refused.run(), changes.now());
        yield answered(Outcome.refused(new Refusal.InsufficientCredits(why, refused.run().id())));
      }
      case Decision.Replayed replayed ->
          answered(Outcome.ok(Views.run(replayed.earlier())).asReplay());
      case Decision.RefusedAgain again -> {
        var why = wording.explain(again.shortfall(), team, again.earlier(), changes.now());
        yield answered(
            Outcome.<RunView>refused(new Refusal.InsufficientCredits(why, again.earlier().id()))
                .asReplay());
      }
      case Decision.OverLimit over -> {
        changes.raiseAll(over.events());
        keep(over.run(), request, changes);
        yield answered(Outcome.refused(Refusal.memberLimit(over.budget(), over.run())));
      }
      case Decision.OverLimitAgain again ->
          answered(
              Outcome.<RunView>refused(Refusal.memberLimit(again.budget(), again.earlier()))
                  .asReplay());
      case Decision.KeyReused reused -> answered(Outcome.refused(KEY_REUSED));
      case Decision.MemberRemoved removed ->
          answered(Outcome.refused(Refusal.notFound("member " + removed.member())));
      case Decision.NeedsReload needs -> new Result.NeedsReload(request.billed().poolId());
      case Decision.TeamChanged changed -> new Result.TeamChanged();
    };
  }

  private static void keep(Run run, Request request, PoolChanges changes) {
    if (request.isRetry()) {
      changes.progressed(run);
    } else {
      changes.insert(run, request.requestKey());
    }
  }

  private static Result answered(Outcome<RunView> outcome) {
    return new Result.Answered(outcome);
  }
}
