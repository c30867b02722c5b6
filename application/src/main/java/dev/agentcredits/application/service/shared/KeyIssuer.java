package dev.agentcredits.application.service.shared;

import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.KeyHasher;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import java.time.Instant;

/**
 * Issues API keys: a fresh secret, stored only as its hash, shown once to whoever asked for it.
 * Call inside a transaction.
 */
public final class KeyIssuer {
  private final ApiKeyStore apiKeys;
  private final SecretGenerator secrets;
  private final KeyHasher hasher;

  public KeyIssuer(ApiKeyStore apiKeys, SecretGenerator secrets, KeyHasher hasher) {
    this.apiKeys = apiKeys;
    this.secrets = secrets;
    this.hasher = hasher;
  }

  /** A key and the id it is stored under. */
  public record Issued(ApiKeyId id, String key) {}

  /** A member's own key, named by their email. */
  public String memberKey(Member member, Instant now) {
    return issue("ac_mk", member.team(), member, member.email(), now).key();
  }

  /** A team API key (a key of no member). */
  public Issued teamKey(TeamId team, String name, Instant now) {
    return issue("ac_tk", team, null, name, now);
  }

  private Issued issue(String prefix, TeamId team, Member member, String name, Instant now) {
    String key = secrets.newKey(prefix);
    ApiKeyId id = new ApiKeyId(secrets.newId("key"));
    apiKeys.insert(
        new ApiKey(
            id, team, member == null ? null : member.id(), name, hasher.hash(key), now, null));
    return new Issued(id, key);
  }
}
