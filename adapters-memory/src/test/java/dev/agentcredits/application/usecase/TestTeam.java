package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.INTEGRATION;
import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ok;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.ConfigureAutoReloadCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.PurchaseAddOnCommand;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.TeamApiKeyCommand;
import dev.agentcredits.application.port.in.view.IssuedMemberView;
import dev.agentcredits.application.port.in.view.PoolView;
import dev.agentcredits.application.port.in.view.PurchaseView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import java.util.LinkedHashMap;
import java.util.Map;

/** A provisioned team: its members' keys by name, and the steps tests take on its behalf. */
public final class TestTeam {
  private final BillingFixture billing;
  public final TeamId id;
  public final Plan plan;
  private final Map<String, IssuedMemberView> members = new LinkedHashMap<>();
  private Caller teamKey;
  private int usages;

  public TestTeam(BillingFixture billing, TeamId id, Plan plan) {
    this.billing = billing;
    this.id = id;
    this.plan = plan;
  }

  public BillingFixture billing() {
    return billing;
  }

  public void enrol(String name, IssuedMemberView issued) {
    members.put(name, issued);
  }

  public MemberId memberId(String name) {
    IssuedMemberView issued = members.get(name);
    if (issued == null) {
      throw new IllegalArgumentException("no member " + name);
    }
    return new MemberId(issued.memberId());
  }

  public String email(String name) {
    return members.get(name).email();
  }

  public Caller key(String name) {
    return billing.authenticate(members.get(name).apiKey());
  }

  public String apiKey(String name) {
    return members.get(name).apiKey();
  }

  public Caller teamKey() {
    if (teamKey == null) {
      var issued =
          ok(billing.app.issueTeamApiKey().issue(new TeamApiKeyCommand(OPERATOR, id, "ci")));
      teamKey = billing.authenticate(issued.apiKey());
    }
    return teamKey;
  }

  public PoolRef pool(String name) {
    return new PoolRef(id, memberId(name));
  }

  public PoolId poolId(String name) {
    return plan.isContract() ? PoolIds.forTeam(id) : PoolIds.forMember(memberId(name));
  }

  /** The member's pool as of now (or the team pool on ENTERPRISE), seen by the operator. */
  public PoolView poolView(String name) {
    return plan.isContract()
        ? ok(billing.app.billingQuery().teamPool(OPERATOR, id))
        : ok(billing.app.billingQuery().memberPool(OPERATOR, pool(name)));
  }

  public long available(String name) {
    return poolView(name).availableCredits();
  }

  public Outcome<RunView> submitAs(String name) {
    return billing.app.submitRun().submit(command(key(name), null));
  }

  public Outcome<RunView> submitScheduledAs(String name) {
    return billing.app.submitRun().submit(command(key(name), "nightly"));
  }

  public Outcome<RunView> submitWithTeamKey() {
    return billing.app.submitRun().submit(command(teamKey(), null));
  }

  /** A USER run started by an integration mapped to the member (Slack, Linear). */
  public Outcome<RunView> submitByIntegrationFor(String name) {
    return billing
        .app
        .submitRun()
        .submit(
            new SubmitRunCommand(
                INTEGRATION, id, Trigger.USER, memberId(name), null, "fix the build", null));
  }

  private static SubmitRunCommand command(Caller caller, String schedule) {
    return new SubmitRunCommand(caller, null, null, null, schedule, "fix the build", null);
  }

  public Outcome<PurchaseView> buy(Caller buyer, String forMember, long credits) {
    return billing
        .app
        .purchaseAddOn()
        .purchase(new PurchaseAddOnCommand(buyer, pool(forMember), Credits.of(credits), null));
  }

  public void enableAutoReload(String member, long denomination, long threshold) {
    ok(
        billing
            .app
            .configureAutoReload()
            .configure(
                new ConfigureAutoReloadCommand(
                    OPERATOR,
                    pool(member),
                    true,
                    Credits.of(denomination),
                    Credits.of(threshold))));
  }

  /** Uses credits up through a run of the pool's own, so the ledger tells how they went. */
  public void spendDownTo(String name, long credits) {
    long toSpend = available(name) - credits;
    if (toSpend <= 0) {
      return;
    }
    RunView run = ok(plan.isContract() ? submitWithTeamKey() : submitByIntegrationFor(name));
    ok(billing.usage(run, "spend-" + ++usages, toSpend));
    ok(billing.complete(run));
  }
}
