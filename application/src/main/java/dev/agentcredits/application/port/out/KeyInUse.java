package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.team.Role;

/**
 * A key as a request presents it, with its member's role as it is now: null for a team API key, and
 * for a member key whose member was removed (their keys were revoked with them).
 */
public record KeyInUse(ApiKey key, Role memberRole) {}
