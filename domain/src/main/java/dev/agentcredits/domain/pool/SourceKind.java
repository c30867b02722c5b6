package dev.agentcredits.domain.pool;

/** Where credits in a pool came from; the waterfall takes plan credits before any lot. */
public enum SourceKind {
  PLAN(0),
  ADD_ON(1),
  GRANT(1);

  private final int waterfallRank;

  SourceKind(int waterfallRank) {
    this.waterfallRank = waterfallRank;
  }

  int waterfallRank() {
    return waterfallRank;
  }
}
