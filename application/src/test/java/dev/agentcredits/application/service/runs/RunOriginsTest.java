package dev.agentcredits.application.service.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunOriginsTest {
  @Test
  void aShortPromptIsItsOwnExcerpt() {
    assertThat(RunOrigins.excerpt("fix the build", 80)).isEqualTo("fix the build");
    assertThat(RunOrigins.excerpt("x".repeat(80), 80)).isEqualTo("x".repeat(80));
  }

  @Test
  void aLongPromptIsCutToTheLimitEndingWithAnEllipsis() {
    assertThat(RunOrigins.excerpt("x".repeat(81), 80)).isEqualTo("x".repeat(79) + "\u2026");
  }

  @Test
  void aCharacterOutsideTheBasicPlaneIsNeverSplit() {
    String emoji = "\uD83D\uDE80"; // one character, two UTF-16 units
    String excerpt = RunOrigins.excerpt(emoji.repeat(100), 80);

    assertThat(excerpt.codePointCount(0, excerpt.length())).isEqualTo(80);
    assertThat(excerpt).isEqualTo(emoji.repeat(79) + "\u2026");
  }
}
