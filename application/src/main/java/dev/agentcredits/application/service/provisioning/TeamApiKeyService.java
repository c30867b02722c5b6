package dev.agentcredits.application.service.provisioning;

import dev.agentcredits.application.port.in.IssueTeamApiKeyUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RevokeApiKeyCommand;
import dev.agentcredits.application.port.in.RevokeApiKeyUseCase;
import dev.agentcredits.application.port.in.TeamApiKeyCommand;
import dev.agentcredits.application.port.in.view.IssuedKeyView;
import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.KeyIssuer;
import dev.agentcredits.domain.team.Team;
import java.time.Clock;

/** Issues and revokes team API keys (operator, owner, admin). Keys are shown once, kept hashed. */
public final class TeamApiKeyService implements IssueTeamApiKeyUseCase, RevokeApiKeyUseCase {
  private final Access access;
  private final ApiKeyStore apiKeys;
  private final TransactionRunner tx;
  private final KeyIssuer keys;
  private final Clock clock;

  public TeamApiKeyService(
      Access access, ApiKeyStore apiKeys, TransactionRunner tx, KeyIssuer keys, Clock clock) {
    this.access = access;
    this.apiKeys = apiKeys;
    this.tx = tx;
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public Outcome<IssuedKeyView> issue(TeamApiKeyCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.administeredTeam(command.caller(), command.team());
          KeyIssuer.Issued issued = keys.teamKey(team.id(), command.name(), clock.instant());
          return Outcome.ok(new IssuedKeyView(issued.id().value(), issued.key()));
        }));
  }

  @Override
  public Outcome<String> revoke(RevokeApiKeyCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.administeredTeam(command.caller(), command.team());
          ApiKey key =
              apiKeys
                  .find(command.key())
                  .filter(k -> k.team().equals(team.id()) && k.isTeamKey())
                  .orElseThrow(() -> Guard.refuse(Refusal.notFound("api key " + command.key())));
          if (!key.isRevoked()) {
            apiKeys.revoke(key.id(), clock.instant());
          }
          return Outcome.ok(key.id().value());
        }));
  }
}
