package dev.agentcredits.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * One headless Debian Chromium for a test class, driven through {@code /usr/bin/chromedriver}
 * (Selenium Manager never runs: both paths are given). A failing test leaves a screenshot and the
 * page's console log under {@code target/browser-failures/}. Without Chromium the class is skipped
 * with the reason, except under {@code CI=true}, where that is a failure.
 */
final class Chromium
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AfterTestExecutionCallback {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path FAILURES = Path.of("target", "browser-failures");

  private final List<LogEntry> read = new ArrayList<>();
  private ChromeDriver driver;
  private Path profile;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      String why =
          "the browser tests need Debian's chromium and chromium-driver ("
              + BROWSER
              + ", "
              + DRIVER
              + "): apt-get install -y chromium chromium-driver";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(why);
      }
      Assumptions.abort("skipped: " + why);
    }
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    profile = Files.createTempDirectory("agent-credits-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    console();
    read.clear();
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    if (context.getExecutionException().isEmpty() || driver == null) {
      return;
    }
    Files.createDirectories(FAILURES);
    String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName();
    name = name.replaceAll("[^A-Za-z0-9_.-]+", "_");
    Files.write(FAILURES.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    console();
    List<String> console = read.stream().map(LogEntry::toString).toList();
    Files.write(
        FAILURES.resolve(name + ".console.log"),
        Stream.concat(Stream.of("url: " + driver.getCurrentUrl()), console.stream()).toList());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(Chromium::delete);
      }
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** The console entries since the last call (kept for the failure report too). */
  List<LogEntry> console() {
    if (driver == null) {
      return List.of();
    }
    List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
    read.addAll(entries);
    return entries;
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
