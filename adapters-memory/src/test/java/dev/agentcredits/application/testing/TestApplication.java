package dev.agentcredits.application.testing;

import dev.agentcredits.application.port.in.AddMemberUseCase;
import dev.agentcredits.application.port.in.AlertsQuery;
import dev.agentcredits.application.port.in.AuthenticateUseCase;
import dev.agentcredits.application.port.in.BillingQuery;
import dev.agentcredits.application.port.in.CancelRunUseCase;
import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.ConfigureAutoReloadUseCase;
import dev.agentcredits.application.port.in.GetRunQuery;
import dev.agentcredits.application.port.in.GrantContractCreditsUseCase;
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
import dev.agentcredits.application.port.in.WebhookDeliveriesUseCase;
import dev.agentcredits.application.port.in.WebhookEndpointsUseCase;
import dev.agentcredits.application.port.out.ClockControl;
import dev.agentcredits.application.port.out.KeyHasher;
import dev.agentcredits.application.port.out.PaymentEvents;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentSimulation;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.access.AuthenticateService;
import dev.agentcredits.application.service.access.IdentifyCallerService;
import dev.agentcredits.application.service.alerts.AlertFacts;
import dev.agentcredits.application.service.alerts.AlertsService;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.application.service.billing.BillingQueryService;
import dev.agentcredits.application.service.billing.CardOwnership;
import dev.agentcredits.application.service.billing.CardSetupFlow;
import dev.agentcredits.application.service.billing.ConfigureAutoReloadService;
import dev.agentcredits.application.service.billing.LotWithdrawal;
import dev.agentcredits.application.service.billing.PaymentAnswers;
import dev.agentcredits.application.service.billing.PaymentMethodService;
import dev.agentcredits.application.service.billing.PaymentNotices;
import dev.agentcredits.application.service.billing.PurchaseAddOnService;
import dev.agentcredits.application.service.billing.PurchaseHistoryService;
import dev.agentcredits.application.service.billing.PurchaseOrders;
import dev.agentcredits.application.service.billing.Purchasing;
import dev.agentcredits.application.service.billing.RaiseSpendCapService;
import dev.agentcredits.application.service.billing.ReceivePaymentEventService;
import dev.agentcredits.application.service.billing.RefundPurchaseService;
import dev.agentcredits.application.service.billing.SpendFigures;
import dev.agentcredits.application.service.billing.UsageService;
import dev.agentcredits.application.service.idempotency.Idempotency;
import dev.agentcredits.application.service.limits.MemberLimitFigures;
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
import dev.agentcredits.application.service.runs.MemberLimitBook;
import dev.agentcredits.application.service.runs.RefusalWording;
import dev.agentcredits.application.service.runs.ReportUsageService;
import dev.agentcredits.application.service.runs.RetryRunService;
import dev.agentcredits.application.service.runs.RunOperations;
import dev.agentcredits.application.service.runs.SubmitRunService;
import dev.agentcredits.application.service.shared.KeyIssuer;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.timekeeping.EventPurge;
import dev.agentcredits.application.service.timekeeping.HoldExpiry;
import dev.agentcredits.application.service.timekeeping.KeyPurge;
import dev.agentcredits.application.service.timekeeping.OperationsService;
import dev.agentcredits.application.service.timekeeping.PoolRefresh;
import dev.agentcredits.application.service.timekeeping.PurchaseRecovery;
import dev.agentcredits.application.service.timekeeping.TimeKeepingService;
import dev.agentcredits.application.service.webhooks.Destinations;
import dev.agentcredits.application.service.webhooks.TeamEndpoints;
import dev.agentcredits.application.service.webhooks.WebhookDeliveriesService;
import dev.agentcredits.application.service.webhooks.WebhookEndpointsService;
import dev.agentcredits.application.service.webhooks.WebhookTests;
import dev.agentcredits.domain.terms.BillingTerms;
import dev.agentcredits.domain.webhook.DestinationPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Every use case built from one set of ports, the way bootstrap wires them, for tests of the
 * application and of the adapters that drive it. {@code clockControl} gets the time-keeping use
 * case, since moving a test clock does the work that falls due. The use cases are the plain ones:
 * bootstrap puts the idempotency decorators around them ({@code service.idempotency}), which are
 * built from {@link #idempotency}.
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
    Idempotency idempotency,
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
    WebhookEndpointsUseCase webhookEndpoints,
    WebhookDeliveriesUseCase webhookDeliveries,
    MemberLimitsUseCase memberLimits,
    AlertsQuery alerts) {

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
    var access = new Access(s.teams());
    var book = new PoolBook(s.pools(), s.batches(), terms, clock);
    var keys = new KeyIssuer(s.apiKeys(), ids, ports.hasher());
    var orders = new PurchaseOrders(s.teams(), s.spend(), s.purchases(), ids, terms);
    var answers = new PaymentAnswers(s.teams(), book, s.spend(), s.purchases());
    var purchasing = new Purchasing(tx, ports.payments(), s.paymentMethods(), answers);
    var reloader = new AutoReloader(s.teams(), book, orders, tx, purchasing, terms);
    var withdrawal = new LotWithdrawal(s.teams(), book, s.spend(), s.purchases());
    var limitBook = new MemberLimitBook(s.memberLimits());
    var admitRuns =
        new AdmitRuns(
            s.teams(), book, s.runs(), limitBook, tx, new RefusalWording(s.teams(), s.spend()));
    var admission = new AdmissionLoop(admissions.apply(admitRuns), reloader);
    var enrollment = new Enrollment(s.teams(), keys, book, terms);
    SubmitRunUseCase submitRun = new SubmitRunService(s.teams(), admission, ids, clock);
    var runSteps = new ApplyRunOperations(s.teams(), book, s.runs(), limitBook, tx, terms);
    RunOperations runOperations = operationsOnRuns.apply(runSteps);
    var arrears = new ArrearsSettlement(s.pools(), s.runs(), tx, reloader, runOperations);
    ReportUsageService reportUsage = new ReportUsageService(runOperations, reloader, arrears);
    CompleteRunUseCase completeRun = new CompleteRunService(runOperations);
    RetryRunUseCase retryRun = new RetryRunService(s.teams(), s.runs(), tx, admission);
    GetRunQuery getRun = new GetRunService(s.runs(), s.teams(), s.apiKeys(), tx);
    PurchaseAddOnUseCase purchaseAddOn =
        new PurchaseAddOnService(access, orders, tx, purchasing, terms, book);
    ConfigureAutoReloadUseCase configureAutoReload =
        new ConfigureAutoReloadService(access, book, tx, terms);
    RaiseSpendCapUseCase raiseSpendCap =
        new RaiseSpendCapService(s.teams(), access, s.spend(), book, tx);
    GrantContractCreditsUseCase grantContractCredits =
        new GrantContractCreditsService(s.teams(), book, tx, ids);
    ProvisionTeamUseCase provisionTeam =
        new ProvisionTeamService(s.teams(), tx, enrollment, ids, terms, clock);
    AddMemberUseCase addMember = new AddMemberService(access, tx, enrollment, ids, clock);
    var teamApiKeys = new TeamApiKeyService(access, s.apiKeys(), tx, keys, clock);
    AuthenticateUseCase authenticate =
        new AuthenticateService(s.apiKeys(), ports.hasher(), operatorKey, clock);
    BillingQuery billingQuery =
        new BillingQueryService(
            access,
            book,
            s.ledger(),
            new SpendFigures(s.spend(), new MemberLimitFigures(s.memberLimits())),
            tx,
            clock);
    TimeKeepingUseCase timeKeeping =
        new TimeKeepingService(
            clock,
            List.of(
                new PoolRefresh(s.teams(), s.pools(), book, tx),
                new HoldExpiry(s.runs(), runSteps, tx, terms.holdTimeToLive()),
                new PurchaseRecovery(s.purchases(), tx, purchasing),
                new KeyPurge(s.idempotency(), tx),
                new EventPurge(s.outbox(), tx)));
    var idempotency = new Idempotency(s.idempotency(), tx, clock);
    OperationsUseCase operations =
        new OperationsService(
            s.teams(), tx, ports.clockControl().apply(timeKeeping), ports.paymentSimulation());

    var cardSetup = new TestCardSetup();
    var cardOwnership = new CardOwnership(s.paymentMethods(), tx, cardSetup, access);
    PaymentMethodUseCase paymentMethods =
        new PaymentMethodService(
            s.paymentMethods(),
            tx,
            ports.payments(),
            access,
            cardOwnership,
            new CardSetupFlow(s.paymentMethods(), tx, cardSetup, access, cardOwnership));
    RefundPurchaseUseCase refundPurchase =
        new RefundPurchaseService(access, book, s.purchases(), tx, ports.payments(), withdrawal);
    PurchaseHistoryQuery purchaseHistory =
        new PurchaseHistoryService(access, book, s.purchases(), tx);
    ReceivePaymentEventUseCase receivePaymentEvent =
        new ReceivePaymentEventService(
            ports.paymentEvents(),
            s.paymentEvents(),
            tx,
            new PaymentNotices(s.purchases(), answers, withdrawal),
            clock);
    var teamEndpoints = new TeamEndpoints(access, s.webhookEndpoints());
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
        new ListRunsService(access, s.teams(), s.runs(), s.apiKeys(), tx),
        new CancelRunService(runOperations),
        new ListMembersService(s.teams(), access, tx),
        new ListApiKeysService(access, s.apiKeys(), tx),
        new UsageService(access, s.pools(), s.ledger(), tx, clock),
        new RemoveMemberService(s.teams(), access, s.apiKeys(), book, tx),
        new RotateMemberKeyService(s.teams(), access, s.apiKeys(), tx, keys, clock),
        new WebhookEndpointsService(
            teamEndpoints,
            tx,
            ids,
            new Destinations(new TestHostResolver(), new DestinationPolicy(false)),
            new WebhookTests(s.webhookDeliveries(), new TestEventEncoder(), ids),
            clock),
        new WebhookDeliveriesService(teamEndpoints, s.webhookDeliveries(), tx, clock),
        new MemberLimitsService(s.teams(), s.memberLimits(), s.outbox(), tx, clock),
        new AlertsService(
            access,
            book,
            new AlertFacts(book, s.spend(), s.purchases(), s.ledger(), s.teams(), clock),
            tx));
  }
}
