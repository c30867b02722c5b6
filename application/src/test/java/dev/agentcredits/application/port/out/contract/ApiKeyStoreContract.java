package dev.agentcredits.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.application.port.out.KeyInUse;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public abstract class ApiKeyStoreContract extends StoreContract {
  @Test
  void aMemberKeyIsFoundByIdAndByHash() {
    World world = world();
    ApiKey key = TestData.memberKey(world.team().id(), world.owner().id());

    stores().apiKeys().insert(key);

    assertThat(stores().apiKeys().find(key.id())).contains(key);
    assertThat(stores().apiKeys().findByHash(key.hash())).contains(key);
  }

  @Test
  void aTeamKeyNamesNoMember() {
    World world = world();
    ApiKey key = TestData.teamKey(world.team().id());

    stores().apiKeys().insert(key);

    assertThat(stores().apiKeys().findByHash(key.hash()))
        .hasValueSatisfying(found -> assertThat(found.isTeamKey()).isTrue())
        .contains(key);
  }

  @Test
  void aKeyInUseCarriesItsMembersCurrentRoleAndNoneOnceTheMemberIsRemoved() {
    World world = world();
    Member admin = TeamBuilder.member(world.team(), "admin-in-use@example.com", Role.ADMIN);
    stores().teams().insertMember(admin);
    ApiKey memberKey = TestData.memberKey(world.team().id(), admin.id());
    ApiKey teamKey = TestData.teamKey(world.team().id());
    stores().apiKeys().insert(memberKey);
    stores().apiKeys().insert(teamKey);

    assertThat(stores().apiKeys().findInUse(memberKey.hash()))
        .contains(new KeyInUse(memberKey, Role.ADMIN));
    assertThat(stores().apiKeys().findInUse(teamKey.hash())).contains(new KeyInUse(teamKey, null));

    stores().teams().removeMember(admin.id(), TestData.T0);

    assertThat(stores().apiKeys().findInUse(memberKey.hash()))
        .contains(new KeyInUse(memberKey, null));
    assertThat(stores().apiKeys().findInUse("no-such-hash")).isEmpty();
  }

  @Test
  void anUnknownHashOrIdFindsNothing() {
    assertThat(stores().apiKeys().findByHash("no-such-hash")).isEmpty();
    assertThat(stores().apiKeys().find(new ApiKeyId("no-such-key"))).isEmpty();
  }

  @Test
  void twoKeysCannotShareAHash() {
    World world = world();
    ApiKey key = TestData.teamKey(world.team().id());
    stores().apiKeys().insert(key);
    ApiKey clash =
        new ApiKey(
            new ApiKeyId(TestData.unique("key")),
            key.team(),
            null,
            "other",
            key.hash(),
            key.createdAt(),
            null);

    assertThatThrownBy(() -> stores().apiKeys().insert(clash))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void revokingRecordsTheFirstRevocationTime() {
    World world = world();
    ApiKey key = TestData.teamKey(world.team().id());
    stores().apiKeys().insert(key);
    Instant first = TestData.at(Duration.ofHours(1));

    stores().apiKeys().revoke(key.id(), first);
    stores().apiKeys().revoke(key.id(), first.plus(Duration.ofHours(1)));

    assertThat(stores().apiKeys().findByHash(key.hash()))
        .hasValueSatisfying(found -> {
          assertThat(found.isRevoked()).isTrue();
          assertThat(found.revokedAt()).isEqualTo(first);
        });
  }

  @Test
  void aTeamListsItsOwnTeamKeysOldestFirstRevokedOnesIncluded() {
    World world = world();
    World other = world();
    ApiKey older = TestData.teamKey(world.team().id());
    ApiKey newer =
        new ApiKey(
            new ApiKeyId(TestData.unique("key")),
            world.team().id(),
            null,
            "nightly",
            TestData.unique("hash"),
            TestData.T0.plusSeconds(60),
            null);
    stores().apiKeys().insert(newer);
    stores().apiKeys().insert(older);
    stores().apiKeys().insert(TestData.memberKey(world.team().id(), world.owner().id()));
    stores().apiKeys().insert(TestData.teamKey(other.team().id()));
    Instant revokedAt = TestData.T0.plusSeconds(120);
    stores().apiKeys().revoke(older.id(), revokedAt);

    assertThat(stores().apiKeys().teamKeys(world.team().id()))
        .extracting(ApiKey::id, ApiKey::revokedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(older.id(), revokedAt),
            org.assertj.core.groups.Tuple.tuple(newer.id(), null));
  }

  @Test
  void revokingAMembersKeysRevokesEachOfTheirsAndNoOtherKey() {
    World world = world();
    ApiKey first = TestData.memberKey(world.team().id(), world.owner().id());
    ApiKey second = TestData.memberKey(world.team().id(), world.owner().id());
    ApiKey team = TestData.teamKey(world.team().id());
    stores().apiKeys().insert(first);
    stores().apiKeys().insert(second);
    stores().apiKeys().insert(team);
    Instant at = TestData.at(Duration.ofHours(2));

    assertThat(stores().apiKeys().revokeMemberKeys(world.owner().id(), at)).isEqualTo(2);
    assertThat(stores().apiKeys().revokeMemberKeys(world.owner().id(), at)).isZero();

    assertThat(stores().apiKeys().find(first.id()).orElseThrow().revokedAt()).isEqualTo(at);
    assertThat(stores().apiKeys().find(second.id()).orElseThrow().revokedAt()).isEqualTo(at);
    assertThat(stores().apiKeys().find(team.id()).orElseThrow().isRevoked()).isFalse();
  }

  @Test
  void aKeysLastUseIsWrittenOnlyWhenTheOneRecordedIsOlderThanTheWindow() {
    World world = world();
    ApiKey key = TestData.teamKey(world.team().id());
    stores().apiKeys().insert(key);
    Instant first = TestData.at(Duration.ofMinutes(10));
    Instant soon = first.plusSeconds(30);
    Instant later = first.plusSeconds(90);

    stores().apiKeys().touch(key.id(), first, first.minusSeconds(60));
    stores().apiKeys().touch(key.id(), soon, soon.minusSeconds(60));
    assertThat(stores().apiKeys().findByHash(key.hash()).orElseThrow().lastUsedAt())
        .isEqualTo(first);

    stores().apiKeys().touch(key.id(), later, later.minusSeconds(60));
    assertThat(stores().apiKeys().findByHash(key.hash()).orElseThrow().lastUsedAt())
        .isEqualTo(later);
  }
}
