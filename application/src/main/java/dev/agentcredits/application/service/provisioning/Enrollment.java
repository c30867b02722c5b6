package dev.agentcredits.application.service.provisioning;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.IssuedMemberView;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.KeyIssuer;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Role;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Instant;

/** Adds a member with a key and, on self-serve plans, a pool whose first cycle starts now. */
public final class Enrollment {
  private final TeamStore teams;
  private final KeyIssuer keys;
  private final PoolBook book;
  private final BillingTerms terms;

  public Enrollment(TeamStore teams, KeyIssuer keys, PoolBook book, BillingTerms terms) {
    this.teams = teams;
    this.keys = keys;
    this.book = book;
    this.terms = terms;
  }

  /** Call inside a transaction. */
  public IssuedMemberView enroll(Team team, MemberId id, String email, Role role, Instant now) {
    Member member = new Member(id, team.id(), email, role, now);
    if (!teams.insertMember(member)) {
      throw Guard.refuse(Refusal.invalid(email + " is already a member of this team"));
    }
    String key = keys.memberKey(member, now);
    if (team.plan().isSelfServe()) {
      openPool(
          Pool.openForMember(
              team.id(), id, now, AutoReloadSettings.off(terms.defaultReloadThreshold())),
          team,
          now);
    }
    return new IssuedMemberView(id.value(), email, role.name(), key);
  }

  public void openPool(Pool pool, Team team, Instant now) {
    book.add(pool, team.plan(), now);
  }
}
