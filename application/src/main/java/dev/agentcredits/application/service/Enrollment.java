package dev.agentcredits.application.service;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.IssuedMemberView;
import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.application.port.out.KeyHasher;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.Stores;
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
final class Enrollment {
  private final Stores stores;
  private final SecretGenerator secrets;
  private final KeyHasher hasher;
  private final BillingTerms terms;

  Enrollment(Stores stores, SecretGenerator secrets, KeyHasher hasher, BillingTerms terms) {
    this.stores = stores;
    this.secrets = secrets;
    this.hasher = hasher;
    this.terms = terms;
  }

  /** Call inside a transaction. */
  IssuedMemberView enroll(Team team, MemberId id, String email, Role role, Instant now) {
    Member member = new Member(id, team.id(), email, role, now);
    if (!stores.teams().insertMember(member)) {
      throw Guard.refuse(Refusal.invalid(email + " is already a member of this team"));
    }
    String key = secrets.newKey("ac_mk");
    stores
        .apiKeys()
        .insert(
            new ApiKey(
                new ApiKeyId(secrets.newId("key")),
                team.id(),
                id,
                email,
                hasher.hash(key),
                now,
                null));
    if (team.plan().isSelfServe()) {
      openPool(
          Pool.openForMember(
              team.id(), id, now, AutoReloadSettings.off(terms.defaultReloadThreshold())),
          team,
          now);
    }
    return new IssuedMemberView(id.value(), email, role.name(), key);
  }

  void openPool(Pool pool, Team team, Instant now) {
    stores.pools().insert(pool, pool.nextDueAt(terms.cycleLength()).orElse(null));
    PoolChanges changes = new PoolChanges(stores, terms, now);
    changes.lockCurrent(pool.id(), team.plan());
    changes.flush();
  }
}
