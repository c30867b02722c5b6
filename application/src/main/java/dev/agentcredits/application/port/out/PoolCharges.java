package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.PoolId;

/** Credits charged to one pool over a period. */
public record PoolCharges(PoolId pool, long credits) {}
