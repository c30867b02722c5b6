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
    if (driver.getCurrentUrl().startsWith(base)) {
      // the last test's key must not load the page (its requests would land in this test's log)
      ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
    }
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

  /** Waits until no section of the page still reads "Loading…". */
  BillingPage settled() {
    wait.until(d -> d.findElements(By.cssSelector("#app .loading")).isEmpty());
    return this;
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** The id (or tag) of the element that has the focus. */
  String focused() {
    return (String)
        script(
            "const a = document.activeElement; return a ? (a.id || a.dataset.task || a.tagName.toLowerCase()) : null;");
  }

  /** In the open purchase dialog: picks a denomination and goes on to the confirmation step. */
  BillingPage review(String denomination) {
    labelled(denomination).click();
    button("Continue").click();
    return this;
  }

  /** The confirmation step's Pay button ("Pay $10.00", "Pay $10.00 with Visa ••4242"). */
  WebElement pay() {
    return wait.until(
        ExpectedConditions.elementToBeClickable(
            By.xpath(
                "//dialog[@id='buy-dialog']//button[starts-with(normalize-space(), 'Pay ')]")));
  }

  /** The texts of the buttons a person sees in the purchase dialog. */
  List<String> dialogButtons() {
    return driver.findElements(By.cssSelector("#buy-dialog button")).stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .toList();
  }

  /**
   * Text a person would read as a program's value: "null", "undefined", "NaN", "[object Object]",
   * or an id of a member, key, team or purchase (task ids are shown on purpose), in text nodes or
   * in accessible names.
   */
  @SuppressWarnings("unchecked")
  List<String> strayTexts() {
    return (List<String>)
        script(
            """
            const bad = /\\b(null|undefined|NaN)\\b|\\[object Object\\]|\\b(mem|key|team|pur)_[A-Za-z0-9]{6,}/;
            const found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (n.parentElement.closest("script, style")) continue;
              if (bad.test(n.textContent)) found.push(n.parentElement.tagName + ": " + n.textContent.trim());
            }
            for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
              for (const a of ["aria-label", "title", "placeholder"]) {
                const v = el.getAttribute(a);
                if (v && bad.test(v)) found.push(el.tagName + "[" + a + "]: " + v);
              }
            }
            for (const n of document.getElementById("app").childNodes) {
              if (n.nodeType === Node.TEXT_NODE && n.textContent.trim()) found.push("#app text: " + n.textContent);
            }
            return found;
            """);
  }

  /** How far the page scrolls sideways (0 when it does not). */
  long sidewaysOverflow() {
    return (Long)
        script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
  }

  /**
   * Why {@code element} is not wholly in sight without scrolling sideways: outside the viewport,
   * outside {@code container}, or clipped by a scrolling ancestor; null when it is in sight.
   */
  String notInSight(WebElement element, WebElement container) {
    return (String)
        script(
            """
            const [el, box] = arguments;
            const r = el.getBoundingClientRect(), c = box.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) return "not shown";
            if (r.left < 0 || r.right > document.documentElement.clientWidth + 0.5)
              return `outside the viewport: ${r.left}..${r.right} of ${document.documentElement.clientWidth}`;
            if (r.left < c.left - 0.5 || r.right > c.right + 0.5)
              return `outside its card: ${r.left}..${r.right} in ${c.left}..${c.right}`;
            for (let p = el.parentElement; p && p !== box; p = p.parentElement) {
              const s = getComputedStyle(p);
              if (s.overflowX !== "visible") {
                const pr = p.getBoundingClientRect();
                if (r.left < pr.left - 0.5 || r.right > pr.right + 0.5)
                  return `clipped by ${p.tagName}.${p.className}: ${r.left}..${r.right} in ${pr.left}..${pr.right}`;
              }
            }
            if (el.scrollWidth > el.clientWidth + 1) return `its text is cut: ${el.scrollWidth} > ${el.clientWidth}`;
            return null;
            """,
            element,
            container);
  }

  static final java.nio.file.Path SCREENSHOTS = java.nio.file.Path.of("target", "screenshots");
  static final int[] WIDTHS = {375, 1280, 1920};

  /** Sets the window to {@code width} (900 px high) and waits for the layout to follow. */
  void width(int width) {
    chromium.resize(width, 900);
    wait.until(d -> ((Long) script("return window.innerWidth")) == width);
  }

  /** The whole page at {@code width}, saved as target/screenshots/{name}-{width}.png. */
  void screenshot(String name, int width) {
    width(width);
    long height = (Long) script("return document.documentElement.scrollHeight");
    chromium.resize(width, (int) Math.min(height + 20, 9000));
    try {
      java.nio.file.Files.createDirectories(SCREENSHOTS);
      java.nio.file.Files.write(
          SCREENSHOTS.resolve(name + "-" + width + ".png"),
          ((org.openqa.selenium.TakesScreenshot) driver)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    width(width);
  }

  /** Every error the console shows, failed requests included. */
  List<String> consoleErrors() {
    return chromium.console().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
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
