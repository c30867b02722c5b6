package dev.agentcredits.adapter.rest;

import dev.agentcredits.application.service.idempotency.IdempotentPurchases;
import dev.agentcredits.application.service.idempotency.IdempotentSpendCap;
import dev.agentcredits.application.testing.TestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/** The REST API over an application wired for tests, built as bootstrap builds it. */
public final class RestFixtures {
  private RestFixtures() {}

  /** Every route group over {@code app}, measured in the settings' registry; not started. */
  public static RestApi api(TestApplication app, RestSettings settings) {
    return new RestApi(app.authenticate(), settings, groups(app, settings.metrics()));
  }

  /** Every route group of the API over {@code app}, with bootstrap's decorators. */
  public static List<RouteGroup> groups(TestApplication app, MeterRegistry metrics) {
    return List.of(
        new ProvisioningRoutes(
            app.provisionTeam(),
            app.issueTeamApiKey(),
            app.revokeApiKey(),
            app.listApiKeys(),
            app.grantContractCredits()),
        new MemberRoutes(
            app.addMember(), app.listMembers(), app.removeMember(), app.rotateMemberKey()),
        new MemberLimitRoutes(app.memberLimits()),
        new RunRoutes(app.submitRun(), app.retryRun(), app.getRun(), app.listRuns(), metrics),
        new RunProgressRoutes(app.reportUsage(), app.completeRun(), app.cancelRun()),
        new UsageEventRoutes(app.reportUsageBatch()),
        new BillingRoutes(
            app.billingQuery(),
            app.paymentMethods(),
            app.configureAutoReload(),
            new IdempotentSpendCap(app.raiseSpendCap(), app.idempotency()),
            app.usage()),
        new PurchaseRoutes(
            new IdempotentPurchases(app.purchaseAddOn(), app.idempotency()),
            app.purchaseHistory(),
            app.refundPurchase(),
            metrics),
        new PaymentRoutes(app.paymentMethods(), app.receivePaymentEvent()),
        new OperationsRoutes(app.operations()),
        new WebhookRoutes(app.webhookEndpoints(), app.webhookDeliveries()),
        new CallerRoutes(app.identifyCaller(), null),
        new AlertRoutes(app.alerts()));
  }
}
