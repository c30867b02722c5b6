package dev.agentcredits.application.service.provisioning;

import dev.agentcredits.application.port.in.AddMemberCommand;
import dev.agentcredits.application.port.in.AddMemberUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.view.IssuedMemberView;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.team.Team;
import java.time.Clock;

/** The operator, the owner or an admin adds an ADMIN or a MEMBER. */
public final class AddMemberService implements AddMemberUseCase {
  private final TransactionRunner tx;
  private final Access access;
  private final Enrollment enrollment;
  private final SecretGenerator ids;
  private final Clock clock;

  public AddMemberService(
      Access access,
      TransactionRunner tx,
      Enrollment enrollment,
      SecretGenerator ids,
      Clock clock) {
    this.tx = tx;
    this.access = access;
    this.enrollment = enrollment;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public Outcome<IssuedMemberView> add(AddMemberCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          Team team = access.administeredTeam(command.caller(), command.team());
          MemberId id = new MemberId(ids.newId("mem"));
          return Outcome.ok(
              enrollment.enroll(team, id, command.email(), command.role(), clock.instant()));
        }));
  }
}
