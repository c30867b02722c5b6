package dev.agentcredits.application.testing;

import dev.agentcredits.application.port.in.AddMemberUseCase;
import dev.agentcredits.application.port.in.AuthenticateUseCase;
import dev.agentcredits.application.port.in.BillingQuery;
import dev.agentcredits.application.port.in.CancelRunUseCase;
import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.ConfigureAutoReloadUseCase;
import dev.agentcredits.application.port.in.GetRunQuery;
import dev.agentcredits.application.port.in.GrantContractCreditsUseCase;
import dev.agentcredits.application.port.in.IdempotencyUseCase;
import dev.agentcredits.application.port.in.IdentifyCallerQuery;
import dev.agentcredits.application.port.in.IssueTeamApiKeyUseCase;
import dev.agentcredits.application.port.in.ListApiKeysUseCase;
import dev.agentcredits.application.port.in.ListMembersUseCase;
import dev.agentcredits.application.port.in.ListRunsUseCase;
import dev.agentcredits.application.port.in.MemberLimitsUseCase;
import dev.agentcredits.application.port.in.OperationsUseCase;
import dev.agentcredits.application.port.in.PaymentMethodUseCase;
import dev.agentcredits.application.port.in.ProvisionTeamUseCase;
import dev.agentcredits.application.port.in.PurchaseAddOnUseCase;
import dev.agentcredits.application.port.in.PurchaseHistoryQuery;
import dev.agentcredits.application.port.in.RaiseSpendCapUseCase;
import dev.agentcredits.application.port.in.ReceivePaymentEventUseCase;
import dev.agentcredits.application.port.in.RefundPurchaseUseCase;
import dev.agentcredits.application.port.in.RemoveMemberUseCase;
import dev.agentcredits.application.port.in.ReportUsageBatchUseCase;
import dev.agentcredits.application.port.in.ReportUsageUseCase;
import dev.agentcredits.application.port.in.RetryRunUseCase;
import dev.agentcredits.application.port.in.RevokeApiKeyUseCase;
import dev.agentcredits.application.port.in.RotateMemberKeyUseCase;
import dev.agentcredits.application.port.in.SubmitRunUseCase;
import dev.agentcredits.application.port.in.TimeKeepingUseCase;
import dev.agentcredits.application.port.in.UsageUseCase;
import dev.agentcredits.application.port.out.ClockControl;
import dev.agentcredits.application.port.out.KeyHasher;
import dev.agentcredits.application.port.out.PaymentEvents;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentSimulation;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.AuthenticateService;
import dev.agentcredits.application.service.access.Directory;
import dev.agentcredits.application.service.access.IdentifyCallerService;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.application.service.billing.BillingQueryService;
import dev.agentcredits.application.service.billing.ConfigureAutoReloadService;
import dev.agentcredits.application.service.billing.PaymentMethodService;
import dev.agentcredits.application.service.billing.PurchaseAddOnService;
import dev.agentcredits.application.service.billing.PurchaseHistoryService;
import dev.agentcredits.application.service.billing.Purchasing;
import dev.agentcredits.application.service.billing.RaiseSpendCapService;
import dev.agentcredits.application.service.billing.ReceivePaymentEventService;
import dev.agentcredits.application.service.billing.RefundPurchaseService;
import dev.agentcredits.application.service.billing.UsageService;
import dev.agentcredits.application.service.idempotency.IdempotencyService;
import dev.agentcredits.application.service.limits.MemberLimitsService;
import dev.agentcredits.application.service.members.RemoveMemberService;
import dev.agentcredits.application.service.members.RotateMemberKeyService;
import dev.agentcredits.application.service.provisioning.AddMemberService;
import dev.agentcredits.application.service.provisioning.Enrollment;
import dev.agentcredits.application.service.provisioning.GrantContractCreditsService;
import dev.agentcredits.application.service.provisioning.ListApiKeysService;
import dev.agentcredits.application.service.provisioning.ListMembersService;
import dev.agentcredits.application.service.provisioning.ProvisionTeamService;
import dev.agentcredits.application.service.provisioning.TeamApiKeyService;
import dev.agentcredits.application.service.runs.AdmissionLoop;
import dev.agentcredits.application.service.runs.Admissions;
import dev.agentcredits.application.service.runs.AdmitRuns;
import dev.agentcredits.application.service.runs.ApplyRunOperations;
import dev.agentcredits.application.service.runs.ArrearsSettlement;
import dev.agentcredits.application.service.runs.CancelRunService;
import dev.agentcredits.application.service.runs.CompleteRunService;
import dev.agentcredits.application.service.runs.GetRunService;
import dev.agentcredits.application.service.runs.ListRunsService;
import dev.agentcredits.application.service.runs.RefusalWording;
import dev.agentcredits.application.service.runs.ReportUsageService;
import dev.agentcredits.application.service.runs.RetryRunService;
import dev.agentcredits.application.service.runs.RunOperations;
import dev.agentcredits.application.service.runs.SubmitRunService;
import dev.agentcredits.application.service.timekeeping.HoldExpiry;
import dev.agentcredits.application.service.timekeeping.OperationsService;
import dev.agentcredits.application.service.timekeeping.TimeKeepingService;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Every use case built from one set of ports, the way bootstrap wires them, for tests of the
 * application and of the adapters that drive it. {@code clockControl} gets the time-keeping use
 * case, since moving a test clock does the work that falls due.
 */
public record TestApplication(
    SubmitRunUseCase submitRun,
    ReportUsageUseCase reportUsage,
    ReportUsageBatchUseCase reportUsageBatch,
    CompleteRunUseCase completeRun,
    RetryRunUseCase retryRun,
    GetRunQuery getRun,
    PurchaseAddOnUseCase purchaseAddOn,
    ConfigureAutoReloadUseCase configureAutoReload,
    RaiseSpendCapUseCase raiseSpendCap,
    GrantContractCreditsUseCase grantContractCredits,
    ProvisionTeamUseCase provisionTeam,
    AddMemberUseCase addMember,
    IssueTeamApiKeyUseCase issueTeamApiKey,
    RevokeApiKeyUseCase revokeApiKey,
    AuthenticateUseCase authenticate,
    BillingQuery billingQuery,
    TimeKeepingUseCase timeKeeping,
    IdempotencyUseCase idempotency,
    OperationsUseCase operations,
    IdentifyCallerQuery identifyCaller,
    PaymentMethodUseCase paymentMethods,
    RefundPurchaseUseCase refundPurchase,
    PurchaseHistoryQuery purchaseHistory,
    ReceivePaymentEventUseCase receivePaymentEvent,
    ListRunsUseCase listRuns,
    CancelRunUseCase cancelRun,
    ListMembersUseCase listMembers,
    ListApiKeysUseCase listApiKeys,
    UsageUseCase usage,
    RemoveMemberUseCase removeMember,
    RotateMemberKeyUseCase rotateMemberKey,
    MemberLimitsUseCase memberLimits) {

  /** The ports a test provides. */
  public record Ports(
      Stores stores,
      TransactionRunner tx,
      PaymentGateway payments,
      SecretGenerator secrets,
      KeyHasher hasher,
      Clock clock,
      Function<TimeKeepingUseCase, Optional<ClockControl>> clockControl,
      Optional<PaymentSimulation> paymentSimulation,
      PaymentEvents paymentEvents) {

    /** Webhooks are read by the payment double when it reads them, else refused. */
    public Ports(
        Stores stores,
        TransactionRunner tx,
        PaymentGateway payments,
        SecretGenerator secrets,
        KeyHasher hasher,
        Clock clock,
        Function<TimeKeepingUseCase, Optional<ClockControl>> clockControl,
        Optional<PaymentSimulation> paymentSimulation) {
      this(
          stores,
          tx,
          payments,
          secrets,
          hasher,
          clock,
          clockControl,
          paymentSimulation,
          paymentSimulation.orElse(null) instanceof PaymentEvents events
              ? events
              : (payload, signature) -> new PaymentEvents.Notification.BadSignature("no webhooks"));
    }
  }

  public static TestApplication wire(Ports ports, BillingTerms terms, String operatorKey) {
    return wire(ports, terms, operatorKey, UnaryOperator.identity(), UnaryOperator.identity());
  }

  /**
   * {@code admissions} may wrap the admission transaction and {@code operationsOnRuns} the one that
   * usage, completion and cancellation go through, as bootstrap wraps both in group commit ({@code
   * GroupCommittedAdmissions::new}, {@code GroupCommittedRunOperations::new}); the use cases' tests
   * run them unwrapped.
   */
  public static TestApplication wire(
      Ports ports,
      BillingTerms terms,
      String operatorKey,
      UnaryOperator<Admissions> admissions,
      UnaryOperator<RunOperations> operationsOnRuns) {
    Stores s = ports.stores();
    TransactionRunner tx = ports.tx();
    Clock clock = ports.clock();
    SecretGenerator ids = ports.secrets();
    var purchasing =
        new Purchasing(
            s.teams(),
            s.pools(),
            s.batches(),
            s.spend(),
            s.purchases(),
            s.outbox(),
            tx,
            ports.payments(),
            s.paymentMethods(),
            terms,
            clock);
    var reloader =
        new AutoReloader(
            s.teams(),
            s.pools(),
            s.batches(),
            s.spend(),
            s.purchases(),
            tx,
            purchasing,
            ids,
            terms,
            clock);
    var directory = new Directory(s.teams());
    var admitRuns =
        new AdmitRuns(
            s.teams(),
            s.pools(),
            s.runs(),
            s.batches(),
            s.memberLimits(),
            tx,
            new RefusalWording(s.teams(), s.spend()),
            terms,
            clock);
    var admission = new AdmissionLoop(admissions.apply(admitRuns), reloader, directory);
    var enrollment =
        new Enrollment(s.teams(), s.apiKeys(), s.pools(), s.batches(), ids, ports.hasher(), terms);
    SubmitRunUseCase submitRun = new SubmitRunService(directory, admission, ids, clock);
    var runSteps =
        new ApplyRunOperations(
            s.teams(), s.pools(), s.runs(), s.batches(), s.memberLimits(), tx, terms, clock);
    RunOperations runOperations = operationsOnRuns.apply(runSteps);
    var arrears = new ArrearsSettlement(s.pools(), s.runs(), tx, reloader, runOperations);
    ReportUsageService reportUsage = new ReportUsageService(runOperations, reloader, arrears);
    CompleteRunUseCase completeRun = new CompleteRunService(runOperations);
    RetryRunUseCase retryRun = new RetryRunService(s.teams(), s.runs(), tx, admission);
    GetRunQuery getRun = new GetRunService(s.runs(), s.teams(), s.apiKeys(), tx);
    PurchaseAddOnUseCase purchaseAddOn =
        new PurchaseAddOnService(
            s.teams(), s.spend(), s.purchases(), tx, purchasing, ids, terms, clock);
    ConfigureAutoReloadUseCase configureAutoReload =
        new ConfigureAutoReloadService(s.teams(), s.pools(), s.batches(), tx, terms, clock);
    RaiseSpendCapUseCase raiseSpendCap =
        new RaiseSpendCapService(s.teams(), s.spend(), s.outbox(), tx, clock);
    GrantContractCreditsUseCase grantContractCredits =
        new GrantContractCreditsService(s.teams(), s.pools(), s.batches(), tx, ids, terms, clock);
    ProvisionTeamUseCase provisionTeam =
        new ProvisionTeamService(s.teams(), tx, enrollment, ids, terms, clock);
    AddMemberUseCase addMember = new AddMemberService(s.teams(), tx, enrollment, ids, clock);
    var teamApiKeys = new TeamApiKeyService(s.teams(), s.apiKeys(), tx, ids, ports.hasher(), clock);
    AuthenticateUseCase authenticate =
        new AuthenticateService(s.apiKeys(), directory, ports.hasher(), operatorKey, clock);
    BillingQuery billingQuery =
        new BillingQueryService(
            s.teams(), s.pools(), s.ledger(), s.spend(), s.memberLimits(), tx, terms, clock);
    TimeKeepingUseCase timeKeeping =
        new TimeKeepingService(
            s.teams(),
            s.pools(),
            s.batches(),
            s.purchases(),
            s.outbox(),
            s.idempotency(),
            tx,
            purchasing,
            new HoldExpiry(s.runs(), runSteps, tx, terms.holdTimeToLive()),
            terms,
            clock);
    IdempotencyUseCase idempotency = new IdempotencyService(s.idempotency(), tx, clock);
    OperationsUseCase operations =
        new OperationsService(
            s.teams(), tx, ports.clockControl().apply(timeKeeping), ports.paymentSimulation());

    PaymentMethodUseCase paymentMethods =
        new PaymentMethodService(
            s.teams(), s.paymentMethods(), tx, ports.payments(), new TestCardSetup());
    RefundPurchaseUseCase refundPurchase =
        new RefundPurchaseService(
            s.teams(),
            s.pools(),
            s.batches(),
            s.spend(),
            s.purchases(),
            tx,
            ports.payments(),
            terms,
            clock);
    PurchaseHistoryQuery purchaseHistory =
        new PurchaseHistoryService(s.teams(), s.pools(), s.purchases(), tx, terms, clock);
    ReceivePaymentEventUseCase receivePaymentEvent =
        new ReceivePaymentEventService(
            s.teams(),
            s.pools(),
            s.batches(),
            s.spend(),
            s.purchases(),
            s.paymentEvents(),
            tx,
            ports.paymentEvents(),
            purchasing,
            terms,
            clock);
    return new TestApplication(
        submitRun,
        reportUsage,
        reportUsage,
        completeRun,
        retryRun,
        getRun,
        purchaseAddOn,
        configureAutoReload,
        raiseSpendCap,
        grantContractCredits,
        provisionTeam,
        addMember,
        teamApiKeys,
        teamApiKeys,
        authenticate,
        billingQuery,
        timeKeeping,
        idempotency,
        operations,
        new IdentifyCallerService(s.teams(), tx),
        paymentMethods,
        refundPurchase,
        purchaseHistory,
        receivePaymentEvent,
        new ListRunsService(s.teams(), s.runs(), s.apiKeys(), tx),
        new CancelRunService(runOperations),
        new ListMembersService(s.teams(), tx),
        new ListApiKeysService(s.teams(), s.apiKeys(), tx),
        new UsageService(s.teams(), s.pools(), s.ledger(), tx, clock),
        new RemoveMemberService(
            s.teams(), s.apiKeys(), s.pools(), s.batches(), tx, directory, terms, clock),
        new RotateMemberKeyService(s.teams(), s.apiKeys(), tx, ids, ports.hasher(), clock),
        new MemberLimitsService(s.teams(), s.memberLimits(), s.outbox(), tx, clock));
  }
}
