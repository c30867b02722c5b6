package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.messaging.OutboxRelay;
import dev.agentcredits.adapter.rest.AuthThrottle;
import dev.agentcredits.adapter.rest.HealthCheck;
import dev.agentcredits.adapter.rest.RateLimit;
import dev.agentcredits.adapter.rest.RestApi;
import dev.agentcredits.adapter.rest.RestSettings;
import dev.agentcredits.adapter.rest.RestUseCases;
import dev.agentcredits.adapter.rest.WebPages;
import dev.agentcredits.adapter.web.WebAssets;
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
import dev.agentcredits.application.port.in.UsageUseCase;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP API and the pages for people. It depends on everything else, so on shutdown it stops
 * first: no new requests, requests in flight finish, and only then the relay, the schedulers and
 * the pools close.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig {

  @Bean(destroyMethod = "close")
  PrometheusMeterRegistry meterRegistry() {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  @Bean
  RestUseCases restUseCases(
      AuthenticateUseCase authenticate,
      IdempotencyUseCase idempotency,
      SubmitRunUseCase submitRun,
      GetRunQuery getRun,
      ReportUsageUseCase reportUsage,
      ReportUsageBatchUseCase reportUsageBatch,
      CompleteRunUseCase completeRun,
      RetryRunUseCase retryRun,
      BillingQuery billingQuery,
      PurchaseAddOnUseCase purchaseAddOn,
      ConfigureAutoReloadUseCase configureAutoReload,
      RaiseSpendCapUseCase raiseSpendCap,
      ProvisionTeamUseCase provisionTeam,
      AddMemberUseCase addMember,
      IssueTeamApiKeyUseCase issueTeamApiKey,
      RevokeApiKeyUseCase revokeApiKey,
      GrantContractCreditsUseCase grantContractCredits,
      OperationsUseCase operations,
      IdentifyCallerQuery identifyCaller,
      PaymentMethodUseCase paymentMethods,
      PurchaseHistoryQuery purchaseHistory,
      RefundPurchaseUseCase refundPurchase,
      ReceivePaymentEventUseCase receivePaymentEvent,
      ListRunsUseCase listRuns,
      CancelRunUseCase cancelRun,
      ListMembersUseCase listMembers,
      ListApiKeysUseCase listApiKeys,
      UsageUseCase usage,
      RemoveMemberUseCase removeMember,
      RotateMemberKeyUseCase rotateMemberKey,
      MemberLimitsUseCase memberLimits) {
    return new RestUseCases(
        authenticate,
        idempotency,
        submitRun,
        getRun,
        reportUsage,
        reportUsageBatch,
        completeRun,
        retryRun,
        billingQuery,
        purchaseAddOn,
        configureAutoReload,
        raiseSpendCap,
        provisionTeam,
        addMember,
        issueTeamApiKey,
        revokeApiKey,
        grantContractCredits,
        operations,
        identifyCaller,
        paymentMethods,
        purchaseHistory,
        refundPurchase,
        receivePaymentEvent,
        listRuns,
        cancelRun,
        listMembers,
        listApiKeys,
        usage,
        removeMember,
        rotateMemberKey,
        memberLimits);
  }

  @Bean(destroyMethod = "stop")
  RestApi restApi(
      Settings settings,
      RestUseCases useCases,
      StoreBackend store,
      BrokerBackend broker,
      OutboxRelay relay,
      TimeKeepingScheduler timeKeeping,
      PrometheusMeterRegistry registry,
      StartupGate started) {
    var readiness =
        List.of(
            new HealthCheck("store", store.healthy()),
            new HealthCheck("broker", broker.healthy()),
            new HealthCheck("started", started::isOpen));
    var limit = new RateLimit(settings.rateLimitPerSecond(), settings.rateLimitBurst());
    var pages = new WebPages(WebAssets.BILLING, WebAssets.DOCS, WebAssets.WEBJARS);
    var throttle =
        new AuthThrottle(
            new RateLimit(settings.authFailuresPerSecond(), settings.authFailureBurst()),
            settings.trustForwardedFor());
    var rest =
        RestSettings.of(readiness, registry)
            .withRateLimit(limit)
            .withWebPages(pages)
            .withAuthThrottle(throttle)
            .withPayments(settings.payments().gateway().name().toLowerCase(Locale.ROOT));
    return new RestApi(useCases, rest).start(settings.httpPort());
  }
}
