package dev.agentcredits.adapter.rest;

import dev.agentcredits.application.testing.TestApplication;

/** The REST API's input ports taken from an application wired for tests. */
public final class RestFixtures {
  private RestFixtures() {}

  /** What the REST API serves of an application wired for tests. */
  public static RestUseCases useCases(TestApplication app) {
    return new RestUseCases(
        app.authenticate(),
        app.idempotency(),
        app.submitRun(),
        app.getRun(),
        app.reportUsage(),
        app.reportUsageBatch(),
        app.completeRun(),
        app.retryRun(),
        app.billingQuery(),
        app.purchaseAddOn(),
        app.configureAutoReload(),
        app.raiseSpendCap(),
        app.provisionTeam(),
        app.addMember(),
        app.issueTeamApiKey(),
        app.revokeApiKey(),
        app.grantContractCredits(),
        app.operations(),
        app.identifyCaller(),
        app.paymentMethods(),
        app.purchaseHistory(),
        app.refundPurchase(),
        app.receivePaymentEvent(),
        app.listRuns(),
        app.cancelRun(),
        app.listMembers(),
        app.listApiKeys(),
        app.usage(),
        app.removeMember(),
        app.rotateMemberKey(),
        app.memberLimits());
  }
}
