package dev.agentcredits.application.port.in.view;

/**
 * Who submitted a run, by its trigger: a member ({@code memberId}, {@code email}) for USER, a team
 * API key ({@code keyId}, {@code name}) for TEAM_API_KEY, a schedule ({@code scheduleId}) for
 * SCHEDULED. Fields that do not apply, or are not known (a TEAM_API_KEY run an integration
 * submitted has no key), are null.
 */
public record SubmittedByView(
    String memberId, String email, String keyId, String name, String scheduleId) {}
