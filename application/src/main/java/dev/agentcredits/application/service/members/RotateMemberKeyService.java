package dev.agentcredits.application.service.members;

import dev.agentcredits.application.port.in.MemberCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RotateMemberKeyUseCase;
import dev.agentcredits.application.port.in.view.RotatedKeyView;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.KeyIssuer;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.time.Clock;
import java.time.Instant;

/**
 * A member's new key, in one transaction with the revocation of their old ones: the old key is
 * refused from the next request on, on every instance (keys are read on every request).
 */
public final class RotateMemberKeyService implements RotateMemberKeyUseCase {
  private final TeamStore teams;
  private final Access access;
  private final ApiKeyStore apiKeys;
  private final TransactionRunner tx;
  private final KeyIssuer keys;
  private final Clock clock;

  public RotateMemberKeyService(
      TeamStore teams,
      Access access,
      ApiKeyStore apiKeys,
      TransactionRunner tx,
      KeyIssuer keys,
      Clock clock) {
    this.teams = teams;
    this.access = access;
    this.apiKeys = apiKeys;
    this.tx = tx;
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public Outcome<RotatedKeyView> rotate(MemberCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.administeredTeam(command.caller(), command.team());
          // Locked, so that two rotations at once leave one key, not two.
          Member member =
              teams
                  .lockMember(command.member())
                  .filter(m -> m.team().equals(team.id()))
                  .orElseThrow(() -> Guard.refuse(Refusal.notFound("member " + command.member())));
          Instant now = clock.instant();
          apiKeys.revokeMemberKeys(member.id(), now);
          String key = keys.memberKey(member, now);
          return Outcome.ok(new RotatedKeyView(member.id().value(), key));
        }));
  }
}
