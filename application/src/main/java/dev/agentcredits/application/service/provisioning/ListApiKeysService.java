package dev.agentcredits.application.service.provisioning;

import dev.agentcredits.application.port.in.ListApiKeysUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.application.port.in.view.ApiKeyView;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.team.Team;
import java.util.List;

/** The team API keys, for those who may issue and revoke them; only the hash is stored anyway. */
public final class ListApiKeysService implements ListApiKeysUseCase {
  private final ApiKeyStore keys;
  private final TransactionRunner tx;
  private final Access access;

  public ListApiKeysService(Access access, ApiKeyStore keys, TransactionRunner tx) {
    this.keys = keys;
    this.tx = tx;
    this.access = access;
  }

  @Override
  public Outcome<List<ApiKeyView>> apiKeys(TeamQuery query) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.administeredTeam(query.caller(), query.team());
          return Outcome.ok(
              keys.teamKeys(team.id()).stream()
                  .map(k ->
                      new ApiKeyView(
                          k.id().value(), k.name(), k.createdAt(), k.revokedAt(), k.lastUsedAt()))
                  .toList());
        }));
  }
}
