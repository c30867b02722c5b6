package dev.agentcredits.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The billing page as a person uses it: controls found by their labels and button texts, waits for
 * what the page shows rather than for time to pass.
 */
final class BillingPage {
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private final Chromium chromium;
  private final WebDriver driver;
  private final String base;
  private final WebDriverWait wait;

  BillingPage(Chromium chromium, int port) {
    this.chromium = chromium;
    this.driver = chromium.driver();
    this.base = "http://localhost:" + port;
    this.wait = new WebDriverWait(driver, PATIENCE);
  }

  WebDriver driver() {
    return driver;
  }

  /** Opens the page in a fresh state (no key remembered) and signs in with {@code key}. */
  BillingPage signIn(String key) {
    driver.get(base + "/");
    ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
    driver.navigate().refresh();
    WebElement field = labelled("API key");
    wait.until(ExpectedConditions.visibilityOf(field));
    field.clear();
    field.sendKeys(key);
    button("Sign in").click();
    return this;
  }

  /** Waits until the page shows the signed-in view with the pool loaded. */
  BillingPage signedIn() {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#app .card")));
    return this;
  }

  void reload() {
    driver.navigate().refresh();
    signedIn();
  }

  /** The control whose {@code <label>} reads exactly {@code text}. */
  WebElement labelled(String text) {
    WebElement label =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//label[normalize-space()='" + text + "']")));
    return driver.findElement(By.id(label.getDomAttribute("for")));
  }

  boolean hasLabel(String text) {
    return !driver.findElements(By.xpath("//label[normalize-space()='" + text + "']")).isEmpty();
  }

  WebElement button(String text) {
    return wait.until(
        ExpectedConditions.elementToBeClickable(
            By.xpath("//button[normalize-space()='" + text + "' or @aria-label='" + text + "']")));
  }

  List<WebElement> buttons(String text) {
    return driver.findElements(By.xpath("//button[normalize-space()='" + text + "']"));
  }

  WebElement byId(String id) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
  }

  String text(String id) {
    return byId(id).getText();
  }

  /** Waits until the element {@code id} reads something containing {@code text}, and returns it. */
  String waitForText(String id, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    return text(id);
  }

  void waitForText(By where, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(where, text));
  }

  void select(String label, String visibleText) {
    new Select(labelled(label)).selectByVisibleText(visibleText);
  }

  /** The script errors and policy violations the page logged: failed requests are not counted. */
  void assertNoScriptErrors() {
    List<String> errors =
        chromium.console().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .filter(m -> !m.contains("Failed to load resource: the server responded with a status"))
            .toList();
    assertThat(errors).as("console errors of the page").isEmpty();
  }
}
