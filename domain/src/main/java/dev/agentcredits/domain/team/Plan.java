package dev.agentcredits.domain.team;

/** A subscription plan and what it allows; the credit amounts live in {@code BillingTerms}. */
public enum Plan {
  BUILD(Kind.SELF_SERVE),
  MAX(Kind.SELF_SERVE),
  BUSINESS(Kind.SELF_SERVE),
  ENTERPRISE(Kind.CONTRACT),
  PRO(Kind.LEGACY),
  TURBO(Kind.LEGACY),
  LIGHTSPEED(Kind.LEGACY);

  /** How a plan is sold. */
  public enum Kind {
    SELF_SERVE,
    CONTRACT,
    LEGACY
  }

  private final Kind kind;

  Plan(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public boolean canRunCloudAgents() {
    return kind != Kind.LEGACY;
  }

  public boolean allowsAddOns() {
    return kind == Kind.SELF_SERVE;
  }

  public boolean isSelfServe() {
    return kind == Kind.SELF_SERVE;
  }

  public boolean isContract() {
    return kind == Kind.CONTRACT;
  }
}
