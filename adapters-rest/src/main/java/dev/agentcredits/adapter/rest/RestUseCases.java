package dev.agentcredits.adapter.rest;

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

/**
 * The input ports the REST API serves, one per use case; each group of routes takes only its own.
 */
public record RestUseCases(
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
    MemberLimitsUseCase memberLimits) {}
