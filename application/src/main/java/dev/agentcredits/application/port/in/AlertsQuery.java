package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.AlertView;
import dev.agentcredits.domain.shared.TeamId;
import java.util.List;

/**
 * API.md {@code GET /teams/{team_id}/alerts} (DOMAIN.md rule 25): the alerts in force now, the
 * blocking ones first. Any member; a {@code MEMBER} sees the team's and their own pool's.
 */
public interface AlertsQuery {
  Outcome<List<AlertView>> alerts(Caller caller, TeamId team);
}
