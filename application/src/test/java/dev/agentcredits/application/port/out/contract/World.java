package dev.agentcredits.application.port.out.contract;

import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Team;

/** A stored team with its owner and the owner's empty pool: what runs and purchases refer to. */
public record World(Team team, Member owner, Pool ownerPool) {
  public static World create(Stores stores, TransactionRunner tx) {
    return create(stores, tx, Plan.BUILD);
  }

  public static World create(Stores stores, TransactionRunner tx, Plan plan) {
    Team team = TeamBuilder.aTeam().withPlan(plan).build();
    Member owner = TeamBuilder.owner(team);
    Pool pool = PoolBuilder.aMemberPool(team.id(), owner.id()).build();
    return tx.inTransaction(() -> {
      stores.teams().insert(team);
      stores.teams().insertMember(owner);
      stores.pools().insert(pool, null);
      return new World(team, owner, pool);
    });
  }
}
