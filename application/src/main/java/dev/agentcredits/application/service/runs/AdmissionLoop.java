package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.admission.ReloadVerdict;
import dev.agentcredits.domain.refusal.AutoReloadState;

/**
 * Places a run's start hold (DOMAIN.md rules 1, 2, 6): an admission; when the pool is short and
 * auto-reload may help, a reload outside any lock and the admission again, until it is accepted or
 * auto-reload has had its say.
 */
public final class AdmissionLoop {
  /** Waits for another request's reload before answering IN_FLIGHT. */
  private static final int MAX_WAITS = 8;

  /** A safety net only: each reload raises the month's spend, so the cap ends the loop first. */
  private static final int MAX_RELOADS = 1_000;

  private final Admissions admissions;
  private final AutoReloader reloader;

  public AdmissionLoop(Admissions admissions, AutoReloader reloader) {
    this.admissions = admissions;
    this.reloader = reloader;
  }

  public Outcome<RunView> admit(Admissions.Request request) {
    AutoReloadState lastReload = null;
    int waits = 0;
    int reloads = 0;
    while (true) {
      AutoReloadState verdict =
          lastReload == null && (waits >= MAX_WAITS || reloads >= MAX_RELOADS)
              ? AutoReloadState.IN_FLIGHT
              : lastReload;
      switch (admissions.admit(request.withVerdict(verdict))) {
        case Admissions.Result.Accepted accepted -> {
          if (accepted.topUp()) {
            reloader.reload(accepted.run().billedPool().poolId());
          }
          return Outcome.ok(Views.run(accepted.run()));
        }
        case Admissions.Result.Answered answered -> {
          return answered.outcome();
        }
        case Admissions.Result.TeamChanged changed -> {
          return Outcome.refused(
              Refusal.conflict(
                  "the team's plan or owner changed during admission; submit the task again"));
        }
        case Admissions.Result.NeedsReload needs -> {
          switch (reloader.reload(needs.pool())) {
            case AutoReloader.Result.Bought b -> {
              reloads++;
              waits = 0;
            }
            case AutoReloader.Result.InFlight f -> Pause.briefly(++waits);
            case AutoReloader.Result.Refused r -> lastReload = ReloadVerdict.after(r.reason());
          }
        }
      }
    }
  }
}
