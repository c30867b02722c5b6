package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.domain.admission.Shortfall;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.refusal.Contacts;
import dev.agentcredits.domain.refusal.InsufficientCredits;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Role;
import dev.agentcredits.domain.team.Team;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The insufficient_credits refusal in full: a refused admission's facts with what it reads only
 * when it refuses (call it inside the admission's transaction), the month's spend and the owner's
 * and admins' addresses.
 */
public final class RefusalWording {
  private final TeamStore teams;
  private final SpendStore spending;

  public RefusalWording(TeamStore teams, SpendStore spending) {
    this.teams = teams;
    this.spending = spending;
  }

  /** {@code run} is the run refused: who started it decides which addresses it may show. */
  InsufficientCredits explain(Shortfall shortfall, Team team, Run run, Instant now) {
    MonthlySpend spend = spending.find(team.id(), MonthlySpend.monthOf(now));
    return shortfall.explain(spend.spent(), contacts(team, run));
  }

  /**
   * The owner's and admins' addresses, shown as the member list shows them (ListMembersService): to
   * a run started by the owner or an admin with their own key; hidden from members, team keys and
   * schedules.
   */
  private Contacts contacts(Team team, Run run) {
    if (run.trigger() != Trigger.USER || run.triggeredBy() == null) {
      return Contacts.HIDDEN;
    }
    boolean administers =
        teams.findMember(run.triggeredBy()).map(m -> m.role().administers()).orElse(false);
    if (!administers) {
      return Contacts.HIDDEN;
    }
    String owner = null;
    List<String> admins = new ArrayList<>();
    for (Member m : teams.members(team.id())) {
      if (m.role() == Role.OWNER) {
        owner = m.email();
      } else if (m.role() == Role.ADMIN) {
        admins.add(m.email());
      }
    }
    return new Contacts(owner, admins);
  }
}
