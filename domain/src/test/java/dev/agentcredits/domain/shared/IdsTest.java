package dev.agentcredits.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every id is 1-128 characters of [A-Za-z0-9_:.-] and shows as its value. */
class IdsTest {

  static Stream<Arguments> ids() {
    return Stream.of(
        Arguments.of("ApiKeyId", (Function<String, Object>) ApiKeyId::new),
        Arguments.of("MemberId", (Function<String, Object>) MemberId::new),
        Arguments.of("PoolId", (Function<String, Object>) PoolId::new),
        Arguments.of("PurchaseId", (Function<String, Object>) PurchaseId::new),
        Arguments.of("RunId", (Function<String, Object>) RunId::new),
        Arguments.of("SourceId", (Function<String, Object>) SourceId::new),
        Arguments.of("TeamId", (Function<String, Object>) TeamId::new),
        Arguments.of("UsageId", (Function<String, Object>) UsageId::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void rejectsMissingEmptyOverlongAndForeignCharacters(String type, Function<String, Object> id) {
    for (String bad :
        new String[] {
          null, "", " ", "a b", "x".repeat(129), "a/b", "a\nb", "ü", "a@b", "1;DROP", "a\u0000"
        }) {
      assertThatThrownBy(() -> id.apply(bad))
          .as("%s(%s)", type, bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void acceptsTheAllowedAlphabetUpTo128Characters(String type, Function<String, Object> id) {
    for (String good : new String[] {"a", "x".repeat(128), "task_8f3k", "m:alice", "A-b.c_1:2"}) {
      assertThat(id.apply(good)).as("%s(%s)", type, good).hasToString(good);
    }
  }
}
