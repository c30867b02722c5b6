package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.rest.AlertRoutes;
import dev.agentcredits.adapter.rest.BillingRoutes;
import dev.agentcredits.adapter.rest.CallerRoutes;
import dev.agentcredits.adapter.rest.MemberLimitRoutes;
import dev.agentcredits.adapter.rest.MemberRoutes;
import dev.agentcredits.adapter.rest.OperationsRoutes;
import dev.agentcredits.adapter.rest.PaymentRoutes;
import dev.agentcredits.adapter.rest.ProvisioningRoutes;
import dev.agentcredits.adapter.rest.PurchaseRoutes;
import dev.agentcredits.adapter.rest.RouteGroup;
import dev.agentcredits.adapter.rest.RunProgressRoutes;
import dev.agentcredits.adapter.rest.RunRoutes;
import dev.agentcredits.adapter.rest.UsageEventRoutes;
import dev.agentcredits.adapter.rest.WebhookRoutes;
import dev.agentcredits.application.port.in.AddMemberUseCase;
import dev.agentcredits.application.port.in.AlertsQuery;
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
import dev.agentcredits.application.port.in.UsageUseCase;
import dev.agentcredits.application.port.in.WebhookDeliveriesUseCase;
import dev.agentcredits.application.port.in.WebhookEndpointsUseCase;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's route groups, each built with exactly the input ports it serves; {@link WebConfig}
 * serves every {@link RouteGroup} bean. A new part of the API is one more bean here.
 */
@Configuration(proxyBeanMethods = false)
class RouteGroupsConfig {

  @Bean
  ProvisioningRoutes provisioningRoutes(
      ProvisionTeamUseCase provisionTeam,
      IssueTeamApiKeyUseCase issueTeamApiKey,
      RevokeApiKeyUseCase revokeApiKey,
      ListApiKeysUseCase listApiKeys,
      GrantContractCreditsUseCase grantContractCredits) {
    return new ProvisioningRoutes(
        provisionTeam, issueTeamApiKey, revokeApiKey, listApiKeys, grantContractCredits);
  }

  @Bean
  MemberRoutes memberRoutes(
      AddMemberUseCase addMember,
      ListMembersUseCase listMembers,
      RemoveMemberUseCase removeMember,
      RotateMemberKeyUseCase rotateMemberKey) {
    return new MemberRoutes(addMember, listMembers, removeMember, rotateMemberKey);
  }

  @Bean
  RunRoutes runRoutes(
      SubmitRunUseCase submitRun,
      RetryRunUseCase retryRun,
      GetRunQuery getRun,
      ListRunsUseCase listRuns,
      PrometheusMeterRegistry registry) {
    return new RunRoutes(submitRun, retryRun, getRun, listRuns, registry);
  }

  @Bean
  RunProgressRoutes runProgressRoutes(
      ReportUsageUseCase reportUsage, CompleteRunUseCase completeRun, CancelRunUseCase cancelRun) {
    return new RunProgressRoutes(reportUsage, completeRun, cancelRun);
  }

  @Bean
  UsageEventRoutes usageEventRoutes(ReportUsageBatchUseCase reportUsageBatch) {
    return new UsageEventRoutes(reportUsageBatch);
  }

  @Bean
  BillingRoutes billingRoutes(
      BillingQuery billingQuery,
      PaymentMethodUseCase paymentMethods,
      ConfigureAutoReloadUseCase configureAutoReload,
      RaiseSpendCapUseCase raiseSpendCap,
      UsageUseCase usage) {
    return new BillingRoutes(
        billingQuery, paymentMethods, configureAutoReload, raiseSpendCap, usage);
  }

  @Bean
  PurchaseRoutes purchaseRoutes(
      PurchaseAddOnUseCase purchaseAddOn,
      PurchaseHistoryQuery purchaseHistory,
      RefundPurchaseUseCase refundPurchase,
      PrometheusMeterRegistry registry) {
    return new PurchaseRoutes(purchaseAddOn, purchaseHistory, refundPurchase, registry);
  }

  @Bean
  PaymentRoutes paymentRoutes(
      PaymentMethodUseCase paymentMethods, ReceivePaymentEventUseCase receivePaymentEvent) {
    return new PaymentRoutes(paymentMethods, receivePaymentEvent);
  }

  @Bean
  OperationsRoutes operationsRoutes(OperationsUseCase operations) {
    return new OperationsRoutes(operations);
  }

  @Bean
  MemberLimitRoutes memberLimitRoutes(MemberLimitsUseCase limits) {
    return new MemberLimitRoutes(limits);
  }

  @Bean
  WebhookRoutes webhookRoutes(
      WebhookEndpointsUseCase endpoints, WebhookDeliveriesUseCase deliveries) {
    return new WebhookRoutes(endpoints, deliveries);
  }

  @Bean
  CallerRoutes callerRoutes(Settings settings, IdentifyCallerQuery identifyCaller) {
    String payments = settings.payments().gateway().name().toLowerCase(Locale.ROOT);
    return new CallerRoutes(identifyCaller, payments);
  }

  @Bean
  AlertRoutes alertRoutes(AlertsQuery alerts) {
    return new AlertRoutes(alerts);
  }
}
