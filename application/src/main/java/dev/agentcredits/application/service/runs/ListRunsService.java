package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.ListRunsQuery;
import dev.agentcredits.application.port.in.ListRunsUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.ListedRunView;
import dev.agentcredits.application.port.in.view.RunPageView;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.RunListing;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Team;
import java.util.List;

/**
 * A team's runs, newest first, paged by position (creation time, then id) so runs submitted while a
 * client pages neither repeat nor push others off a page. A {@code MEMBER} lists only the runs they
 * started, as {@link Access#visibleRun} lets them read only those.
 */
public final class ListRunsService implements ListRunsUseCase {
  private final Access access;
  private final TeamStore teams;
  private final RunStore runs;
  private final ApiKeyStore keys;
  private final TransactionRunner tx;

  public ListRunsService(
      Access access, TeamStore teams, RunStore runs, ApiKeyStore keys, TransactionRunner tx) {
    this.access = access;
    this.teams = teams;
    this.runs = runs;
    this.keys = keys;
    this.tx = tx;
  }

  @Override
  public Outcome<RunPageView> list(ListRunsQuery query) {
    return Guard.outcome(() -> {
      RunListing.Position before = RunCursor.parse(query.cursor());
      return tx.inTransaction(() -> {
        Team team = access.teamOf(query.caller(), teamOf(query.caller(), query.team()));
        MemberId member = memberFilter(query.caller(), team, query.member());
        var listing = new RunListing(team.id(), member, query.state(), before);
        List<Run> found = runs.list(listing, query.limit() + 1);
        List<Run> page = found.stream().limit(query.limit()).toList();
        String next = found.size() > query.limit() ? RunCursor.of(page.getLast()) : null;
        RunOrigins origins = new RunOrigins(teams, keys);
        return Outcome.ok(
            new RunPageView(
                page.stream().map(r -> new ListedRunView(origins.view(r), r.createdAt())).toList(),
                next));
      });
    });
  }

  /** A key of a team lists that team's runs; the operator names the team. */
  private static TeamId teamOf(Caller caller, TeamId named) {
    if (named != null) {
      return named;
    }
    return switch (caller) {
      case Caller.MemberKey m -> m.team();
      case Caller.TeamKey k -> k.team();
      case Caller.Operator o -> throw Guard.refuse(Refusal.invalid("team_id is required"));
      case Caller.Integration i -> throw Guard.refuse(Refusal.invalid("team_id is required"));
    };
  }

  /** A MEMBER sees their own runs only: naming another member is refused, not narrowed. */
  private MemberId memberFilter(Caller caller, Team team, MemberId named) {
    if (caller instanceof Caller.MemberKey m && !m.role().administers()) {
      if (named != null && !named.equals(m.member())) {
        throw Guard.refuse(
            Refusal.notAuthorized(
                "a MEMBER may list only the runs they started; leave member_id out or name"
                    + " yourself"));
      }
      return m.member();
    }
    if (named != null) {
      // A removed member's runs stay listed by their name (rule 22: their history stays readable).
      teams
          .findMemberEver(named)
          .filter(found -> found.team().equals(team.id()))
          .orElseThrow(() -> Guard.refuse(Refusal.notFound("member " + named)));
    }
    return named;
  }
}
