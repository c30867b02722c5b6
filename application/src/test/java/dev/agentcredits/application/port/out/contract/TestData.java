package dev.agentcredits.application.port.out.contract;

import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.pool.PostingKind;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Ids, times and small values for store tests. Times are whole microseconds, what PostgreSQL keeps,
 * so every store reads back exactly what it was given.
 */
public final class TestData {
  public static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

  private TestData() {}

  public static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
  }

  public static Instant at(Duration sinceT0) {
    return T0.plus(sinceT0);
  }

  public static CreditSource plan(String id, long remaining, long reserved) {
    return new CreditSource(
        new SourceId(id), SourceKind.PLAN, remaining, reserved, T0, T0.plus(Duration.ofDays(30)));
  }

  public static CreditSource lot(String id, long remaining, long reserved, Instant expiresAt) {
    return new CreditSource(
        new SourceId(id), SourceKind.ADD_ON, remaining, reserved, T0, expiresAt);
  }

  public static CreditSource grant(String id, long remaining, Instant expiresAt) {
    return new CreditSource(new SourceId(id), SourceKind.GRANT, remaining, 0, T0, expiresAt);
  }

  public static Posting credited(PoolId pool, String source, long credits, Instant at) {
    return new Posting(
        pool,
        PostingKind.CREDITED,
        credits,
        new SourceId(source),
        SourceKind.PLAN,
        null,
        "ref",
        at);
  }

  public static ApiKey memberKey(TeamId team, MemberId member) {
    return new ApiKey(
        new ApiKeyId(unique("key")), team, member, "owner@example.com", unique("hash"), T0, null);
  }

  public static ApiKey teamKey(TeamId team) {
    return new ApiKey(new ApiKeyId(unique("key")), team, null, "ci", unique("hash"), T0, null);
  }

  /** A run.accepted event; {@code EventSamples} has one of every type. */
  public static DomainEvent event(TeamId team, String subject, Instant at) {
    var data =
        new EventData.RunChanged(
            new RunId(subject),
            "QUEUED",
            Trigger.USER,
            new PoolId("m:" + subject),
            20,
            0,
            null,
            null,
            null);
    return new DomainEvent(EventType.RUN_ACCEPTED, team, subject, at, data);
  }
}
