package dev.agentcredits.application.port.out.contract;

import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.pool.Reservation;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Payer;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunFailure;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.team.Team;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code aQueuedRun(team).holding(20).build()}: a run billed to the team owner's pool. */
public final class RunBuilder {
  private final Team team;
  private RunId id = new RunId(TestData.unique("task"));
  private RunState state = RunState.QUEUED;
  private Hold hold = Hold.NONE;
  private long charged;
  private Instant lastActivity = TestData.T0;
  private String scheduleId;
  private Instant createdAt = TestData.T0;
  private MemberId triggeredBy;
  private boolean byMember;
  private RunFailure failure = RunFailure.INSUFFICIENT_CREDITS;

  private RunBuilder(Team team) {
    this.team = team;
  }

  public static RunBuilder aQueuedRun(Team team) {
    return new RunBuilder(team);
  }

  public RunBuilder holding(long planCredits, long lotCredits) {
    List<Reservation> reservations = new ArrayList<>();
    if (planCredits > 0) {
      reservations.add(new Reservation(new SourceId("plan-1"), SourceKind.PLAN, planCredits));
    }
    if (lotCredits > 0) {
      reservations.add(new Reservation(new SourceId("lot-1"), SourceKind.ADD_ON, lotCredits));
    }
    hold = new Hold(reservations);
    return this;
  }

  public RunBuilder failed() {
    state = RunState.FAILED;
    hold = Hold.NONE;
    return this;
  }

  public RunBuilder succeeded() {
    state = RunState.SUCCEEDED;
    hold = Hold.NONE;
    return this;
  }

  public RunBuilder charged(long value) {
    charged = value;
    return this;
  }

  public RunBuilder lastActiveAt(Instant value) {
    lastActivity = value;
    return this;
  }

  public RunBuilder scheduled(String value) {
    scheduleId = value;
    return this;
  }

  public RunBuilder withId(String value) {
    id = new RunId(value);
    return this;
  }

  public RunBuilder createdAt(Instant value) {
    createdAt = value;
    lastActivity = value;
    return this;
  }

  public RunBuilder triggeredBy(MemberId value) {
    triggeredBy = value;
    return this;
  }

  /** A USER run the member started, billed to their own pool (which must exist). */
  public RunBuilder byMember(MemberId value) {
    triggeredBy = value;
    byMember = true;
    return this;
  }

  public RunBuilder failedFor(RunFailure why) {
    failure = why;
    return failed();
  }

  public Run build() {
    return new Run(
        id,
        team.id(),
        byMember ? Trigger.USER : scheduleId == null ? Trigger.TEAM_API_KEY : Trigger.SCHEDULED,
        triggeredBy == null ? team.owner() : triggeredBy,
        scheduleId,
        "Summarise the open issues",
        byMember
            ? BilledPool.ofMember(team.id(), triggeredBy, Payer.TRIGGERING_USER)
            : BilledPool.ofMember(team.id(), team.owner(), Payer.TEAM_OWNER),
        state,
        hold,
        charged,
        state == RunState.FAILED ? failure : null,
        createdAt,
        lastActivity);
  }
}
