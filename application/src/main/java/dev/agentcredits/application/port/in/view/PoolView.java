package dev.agentcredits.application.port.in.view;

import java.time.Instant;
import java.util.List;

/**
 * API.md's {@code pool}: available = plan + add-on − arrears − held; {@code limit} the member's
 * monthly limit when one applies (DOMAIN.md rule 24), else null.
 */
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
    AutoReloadView autoReload,
    PoolLimitView limit) {

  /** A pool without a member limit. */
  public PoolView(
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
      AutoReloadView autoReload) {
    this(
        kind,
        teamId,
        memberId,
        planCredits,
        addonCredits,
        arrearsCredits,
        heldCredits,
        availableCredits,
        nextRefreshAt,
        lots,
        autoReload,
        null);
  }

  public PoolView withLimit(PoolLimitView newLimit) {
    return new PoolView(
        kind,
        teamId,
        memberId,
        planCredits,
        addonCredits,
        arrearsCredits,
        heldCredits,
        availableCredits,
        nextRefreshAt,
        lots,
        autoReload,
        newLimit);
  }
}
