package dev.agentcredits.application.service.runs.batching;

import dev.agentcredits.application.service.batching.GroupCommit;
import dev.agentcredits.application.service.runs.Admissions;
import dev.agentcredits.domain.shared.TeamId;
import java.util.List;

/**
 * Admissions with group commit: submissions that arrive together share one transaction of the
 * admissions they wrap, which locks each pool once and decides its requests in turn. Knows no
 * billing rule; the wrapped admissions give the same answers one by one.
 */
public final class GroupCommittedAdmissions implements Admissions {
  /**
   * A team's requests always queue in the same one of these lanes, and a batch locks its pools in
   * id order. A few lanes rather than one, so that several batches are at the database at once.
   */
  static final int LANES = 4;

  private final Admissions admissions;
  private final GroupCommit<Integer, Request, Result> lanes;

  public GroupCommittedAdmissions(Admissions admissions) {
    this.admissions = admissions;
    this.lanes = new GroupCommit<>(admissions::admitAll);
  }

  /**
   * New submissions on their first try, keyed or not, share a transaction with others of the same
   * lane; retries and second tries after a reload go alone. A batch that fails is tried again one
   * request at a time ({@link GroupCommit}), so one request's failure never fails another's.
   */
  @Override
  public Result admit(Request request) {
    if (request.isRetry() || request.verdict() != null) {
      return admissions.admit(request);
    }
    return lanes.submit(lane(request.teamId()), request);
  }

  @Override
  public List<Result> admitAll(List<Request> requests) {
    return admissions.admitAll(requests);
  }

  /** A team's requests share a lane: their payer is resolved, and their pools locked, inside. */
  private static int lane(TeamId team) {
    return Math.floorMod(team.value().hashCode(), LANES);
  }
}
