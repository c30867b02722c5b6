package dev.agentcredits.domain.principal;

/** The answer to "who pays for this run?". */
public sealed interface PrincipalResolution {
  record Billed(BilledPool pool) implements PrincipalResolution {}

  /** Legacy plans cannot run cloud agents. */
  record PlanCannotRunAgents() implements PrincipalResolution {}

  /** A USER trigger must name the member who started the run. */
  record TriggeringMemberMissing() implements PrincipalResolution {}
}
