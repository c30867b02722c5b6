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
import dev.agentcredits.application.port.out.KeyHasher;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.team.Team;
import java.time.Clock;

/** Issues and revokes team API keys (operator, owner, admin). Keys are shown once, kept hashed. */
public final class TeamApiKeyService implements IssueTeamApiKeyUseCase, RevokeApiKeyUseCase {
  private final TeamStore teams;
  private final ApiKeyStore apiKeys;
  private final TransactionRunner tx;
  private final Access access;
  private final SecretGenerator secrets;
  private final KeyHasher hasher;
  private final Clock clock;

  public TeamApiKeyService(
      TeamStore teams,
      ApiKeyStore apiKeys,
      TransactionRunner tx,
      SecretGenerator secrets,
      KeyHasher hasher,
      Clock clock) {
    this.teams = teams;
    this.apiKeys = apiKeys;
    this.tx = tx;
    this.access = new Access(teams);
    this.secrets = secrets;
    this.hasher = hasher;
    this.clock = clock;
  }

  @Override
  public Outcome<IssuedKeyView> issue(TeamApiKeyCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.administeredTeam(command.caller(), command.team());
          String key = secrets.newKey("ac_tk");
          ApiKeyId id = new ApiKeyId(secrets.newId("key"));
          apiKeys.insert(
              new ApiKey(
                  id, team.id(), null, command.name(), hasher.hash(key), clock.instant(), null));
          return Outcome.ok(new IssuedKeyView(id.value(), key));
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
