package dev.agentcredits.application.port.in.view;

import java.time.Instant;
import java.util.List;

/** API.md's {@code pool}: available = plan + add-on − arrears − held. */
public record PoolView(
    String kind,
    String teamId,
    String memberId,
    long planCredits,
    long addonCredits,
    long arrearsCredits,
    long heldCredits,
    long availableCredits,
    Instant nextRefreshAt,
    List<LotView> lots,
    AutoReloadView autoReload) {}
