package dev.agentcredits.application.service.provisioning;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.IssuedMemberView;
import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.KeyHasher;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Role;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Instant;

/** Adds a member with a key and, on self-serve plans, a pool whose first cycle starts now. */
public final class Enrollment {
  private final TeamStore teams;
  private final ApiKeyStore apiKeys;
  private final PoolStore pools;
  private final BatchWriter batches;
  private final SecretGenerator secrets;
  private final KeyHasher hasher;
  private final BillingTerms terms;

  public Enrollment(
      TeamStore teams,
      ApiKeyStore apiKeys,
      PoolStore pools,
      BatchWriter batches,
      SecretGenerator secrets,
      KeyHasher hasher,
      BillingTerms terms) {
    this.teams = teams;
    this.apiKeys = apiKeys;
    this.pools = pools;
    this.batches = batches;
    this.secrets = secrets;
    this.hasher = hasher;
    this.terms = terms;
  }

  /** Call inside a transaction. */
  public IssuedMemberView enroll(Team team, MemberId id, String email, Role role, Instant now) {
    Member member = new Member(id, team.id(), email, role, now);
    if (!teams.insertMember(member)) {
      throw Guard.refuse(Refusal.invalid(email + " is already a member of this team"));
    }
    String key = secrets.newKey("ac_mk");
    apiKeys.insert(
        new ApiKey(
            new ApiKeyId(secrets.newId("key")), team.id(), id, email, hasher.hash(key), now, null));
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
    pools.insert(pool, pool.nextDueAt(terms.cycleLength()).orElse(null));
    PoolChanges changes = new PoolChanges(pools, batches, terms, now);
    changes.lockCurrent(pool.id(), team.plan());
    changes.flush();
  }
}
