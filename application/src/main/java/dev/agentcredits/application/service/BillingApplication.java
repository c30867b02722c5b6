package dev.agentcredits.application.service;

import dev.agentcredits.application.port.in.AddMemberUseCase;
import dev.agentcredits.application.port.in.AuthenticateUseCase;
import dev.agentcredits.application.port.in.BillingQuery;
import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.ConfigureAutoReloadUseCase;
import dev.agentcredits.application.port.in.GetRunQuery;
import dev.agentcredits.application.port.in.GrantContractCreditsUseCase;
import dev.agentcredits.application.port.in.IdempotencyUseCase;
import dev.agentcredits.application.port.in.IdentifyCallerQuery;
import dev.agentcredits.application.port.in.IssueTeamApiKeyUseCase;
import dev.agentcredits.application.port.in.OperationsUseCase;
import dev.agentcredits.application.port.in.ProvisionTeamUseCase;
import dev.agentcredits.application.port.in.PurchaseAddOnUseCase;
import dev.agentcredits.application.port.in.RaiseSpendCapUseCase;
import dev.agentcredits.application.port.in.ReportUsageUseCase;
import dev.agentcredits.application.port.in.RetryRunUseCase;
import dev.agentcredits.application.port.in.RevokeApiKeyUseCase;
import dev.agentcredits.application.port.in.SubmitRunUseCase;
import dev.agentcredits.application.port.in.TimeKeepingUseCase;
import dev.agentcredits.application.port.out.ClockControl;
import dev.agentcredits.application.port.out.KeyHasher;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentSimulation;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds every use case from the output ports, so the composition root wires ports, not the
 * collaborators inside the application. The relay is built separately: it needs a publisher.
 */
public final class BillingApplication {
  private final SubmitRunService submitRun;
  private final ReportUsageService reportUsage;
  private final CompleteRunService completeRun;
  private final RetryRunService retryRun;
  private final GetRunService getRun;
  private final PurchaseAddOnService purchaseAddOn;
  private final ConfigureAutoReloadService configureAutoReload;
  private final RaiseSpendCapService raiseSpendCap;
  private final GrantContractCreditsService grantContractCredits;
  private final ProvisionTeamService provisionTeam;
  private final AddMemberService addMember;
  private final TeamApiKeyService teamApiKeys;
  private final AuthenticateService authenticate;
  private final BillingQueryService billingQuery;
  private final TimeKeepingService timeKeeping;
  private final IdempotencyService idempotency;
  private final OperationsService operations;
  private final IdentifyCallerService identifyCaller;

  /** The ports a deployment provides. */
  public record Ports(
      Stores stores,
      TransactionRunner tx,
      PaymentGateway payments,
      SecretGenerator secrets,
      KeyHasher hasher,
      Clock clock,
      Optional<ClockControl> clockControl,
      Optional<PaymentSimulation> paymentSimulation) {}

  public BillingApplication(Ports ports, BillingTerms terms, String operatorKey) {
    Stores stores = ports.stores();
    TransactionRunner tx = ports.tx();
    Clock clock = ports.clock();
    Purchasing purchasing = new Purchasing(stores, tx, ports.payments(), terms, clock);
    AutoReloader reloader = new AutoReloader(stores, tx, purchasing, ports.secrets(), terms, clock);
    Directory directory = new Directory(stores);
    Admission admission = new Admission(stores, tx, reloader, directory, terms, clock);
    Enrollment enrollment = new Enrollment(stores, ports.secrets(), ports.hasher(), terms);
    submitRun = new SubmitRunService(stores, tx, directory, admission, ports.secrets(), clock);
    reportUsage = new ReportUsageService(stores, tx, reloader, terms, clock);
    completeRun = new CompleteRunService(stores, tx, terms, clock);
    retryRun = new RetryRunService(stores, tx, admission);
    getRun = new GetRunService(stores, tx);
    purchaseAddOn = new PurchaseAddOnService(stores, tx, purchasing, ports.secrets(), terms, clock);
    configureAutoReload = new ConfigureAutoReloadService(stores, tx, terms, clock);
    raiseSpendCap = new RaiseSpendCapService(stores, tx, clock);
    grantContractCredits =
        new GrantContractCreditsService(stores, tx, ports.secrets(), terms, clock);
    provisionTeam = new ProvisionTeamService(stores, tx, enrollment, ports.secrets(), terms, clock);
    addMember = new AddMemberService(stores, tx, enrollment, ports.secrets(), clock);
    teamApiKeys = new TeamApiKeyService(stores, tx, ports.secrets(), ports.hasher(), clock);
    authenticate = new AuthenticateService(stores, directory, ports.hasher(), operatorKey);
    billingQuery = new BillingQueryService(stores, tx, terms, clock);
    timeKeeping = new TimeKeepingService(stores, tx, purchasing, terms, clock);
    idempotency = new IdempotencyService(stores.idempotency(), tx, clock);
    operations = new OperationsService(stores, tx, ports.clockControl(), ports.paymentSimulation());
    identifyCaller = new IdentifyCallerService(stores, tx);
  }

  public SubmitRunUseCase submitRun() {
    return submitRun;
  }

  public ReportUsageUseCase reportUsage() {
    return reportUsage;
  }

  public CompleteRunUseCase completeRun() {
    return completeRun;
  }

  public RetryRunUseCase retryRun() {
    return retryRun;
  }

  public GetRunQuery getRun() {
    return getRun;
  }

  public PurchaseAddOnUseCase purchaseAddOn() {
    return purchaseAddOn;
  }

  public ConfigureAutoReloadUseCase configureAutoReload() {
    return configureAutoReload;
  }

  public RaiseSpendCapUseCase raiseSpendCap() {
    return raiseSpendCap;
  }

  public GrantContractCreditsUseCase grantContractCredits() {
    return grantContractCredits;
  }

  public ProvisionTeamUseCase provisionTeam() {
    return provisionTeam;
  }

  public AddMemberUseCase addMember() {
    return addMember;
  }

  public IssueTeamApiKeyUseCase issueTeamApiKey() {
    return teamApiKeys;
  }

  public RevokeApiKeyUseCase revokeApiKey() {
    return teamApiKeys;
  }

  public AuthenticateUseCase authenticate() {
    return authenticate;
  }

  public BillingQuery billingQuery() {
    return billingQuery;
  }

  public TimeKeepingUseCase timeKeeping() {
    return timeKeeping;
  }

  public IdempotencyUseCase idempotency() {
    return idempotency;
  }

  public OperationsUseCase operations() {
    return operations;
  }

  public IdentifyCallerQuery identifyCaller() {
    return identifyCaller;
  }
}
