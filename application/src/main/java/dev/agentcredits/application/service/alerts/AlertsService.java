package dev.agentcredits.application.service.alerts;

import dev.agentcredits.application.port.in.AlertsQuery;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.AlertView;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.domain.alert.AlertsInForce;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Team;
import java.util.List;

/**
 * DOMAIN.md rule 25, API.md {@code GET /teams/{team_id}/alerts}: what is in force now, decided from
 * the state as it stands ({@link AlertsInForce}), never from the events that announced it. The
 * owner, admins and the operator see every pool's alerts; a member the team's and their own pool's
 * (the team pool's on Enterprise), as the team's billing shows them.
 */
public final class AlertsService implements AlertsQuery {
  private final Access access;
  private final PoolBook book;
  private final AlertFacts facts;
  private final TransactionRunner tx;

  public AlertsService(Access access, PoolBook book, AlertFacts facts, TransactionRunner tx) {
    this.access = access;
    this.book = book;
    this.facts = facts;
    this.tx = tx;
  }

  @Override
  public Outcome<List<AlertView>> alerts(Caller caller, TeamId teamId) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.teamOf(caller, teamId);
          AlertFacts.Facts read = facts.read(team, visiblePools(caller, team));
          return Outcome.ok(
              AlertsInForce.of(read.cap(), read.pools(), read.now()).stream()
                  .map(alert -> AlertViews.of(alert, read.emails()))
                  .toList());
        }));
  }

  private List<Pool> visiblePools(Caller caller, Team team) {
    if (Access.administers(caller)) {
      return book.ofTeam(team.id());
    }
    if (!(caller instanceof Caller.MemberKey member)) {
      throw Guard.refuse(Refusal.notAuthorized("alerts are shown to the team's members"));
    }
    PoolId own =
        team.plan().isContract() ? PoolIds.forTeam(team.id()) : PoolIds.forMember(member.member());
    return book.find(own).stream().toList();
  }
}
