package org.cockpit4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cockpit4j.instrument.Instrument;
import org.cockpit4j.instrument.Instruments;
import org.cockpit4j.instruments.testing.SyntheticLogs;
import org.cockpit4j.log.JsonLinesLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver};
 * skipped when they are absent): the page loads, shows every gauge of two runs and their
 * comparison, shows the diagnosis, and updates when a step is appended to a log. One browser
 * session.
 */
class DashboardBrowserTest {
  private static final String CHROMIUM =
      System.getProperty("cockpit4j.chromium", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getProperty("cockpit4j.chromedriver", "/usr/bin/chromedriver");

  @Test
  void pageShowsEveryGaugeAndUpdatesWhenAStepArrives(@TempDir Path root) throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER)),
        "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
    Path running = root.resolve("lr_0.1");
    Path finished = root.resolve("lr_1.0");
    Files.createDirectories(running);
    Files.createDirectories(finished);
    JsonLinesLog live =
        SyntheticLogs.writeJsonLines(running.resolve("cockpit.jsonl"), SyntheticLogs.healthy(6));
    SyntheticLogs.writeJsonLines(
            finished.resolve("cockpit.jsonl"), SyntheticLogs.full(8, step -> 1.2))
        .close();
    List<String> instruments = Instruments.all().stream().map(Instrument::name).toList();
    try (DashboardServer server =
            DashboardServer.start(
                List.of(running, finished), DashboardServer.DEFAULT_HOST, 0, 100);
        Browser browser = new Browser(root.resolve("profile"))) {
      WebDriver driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(server.url());
      wait.until(d -> d.findElements(By.cssSelector("section.run")).size() == 2);
      for (String run : List.of("0", "1")) {
        for (String instrument : instruments) {
          String selector =
              "section.run[data-run='" + run + "'] .gauge[data-instrument='" + instrument + "']";
          wait.until(d -> !d.findElements(By.cssSelector(selector)).isEmpty());
        }
      }
      WebElement runZero = driver.findElement(By.cssSelector("section.run[data-run='0']"));
      assertEquals("5", runZero.getAttribute("data-last-step"));
      for (String instrument : instruments) {
        WebElement gauge =
            runZero.findElement(By.cssSelector(".gauge[data-instrument='" + instrument + "']"));
        assertEquals("true", gauge.getAttribute("data-has-data"), instrument);
        assertTrue(
            !gauge.findElements(By.tagName("canvas")).isEmpty(), instrument + " has a chart");
      }
      WebElement comparison = driver.findElement(By.id("comparison-gauges"));
      assertTrue(comparison.getAttribute("data-runs").contains("lr_0.1"));
      assertTrue(comparison.getAttribute("data-runs").contains("lr_1.0"));
      assertEquals(
          "true",
          comparison
              .findElement(By.cssSelector(".gauge[data-instrument='compare-alpha']"))
              .getAttribute("data-has-data"));
      assertTrue(
          driver
              .findElement(
                  By.cssSelector("section.run[data-run='1'] .finding[data-rule='steps-too-large']"))
              .getText()
              .contains("Steps too large"));

      live.write(6, Map.of("Loss", Double.NaN, "Alpha", 0.4));
      wait.until(
          d ->
              "6"
                  .equals(
                      d.findElement(By.cssSelector("section.run[data-run='0']"))
                          .getAttribute("data-last-step")));
      wait.until(
          d ->
              !d.findElements(
                      By.cssSelector("section.run[data-run='0'] .finding[data-rule='divergence']"))
                  .isEmpty());
      Object errors =
          ((JavascriptExecutor) driver).executeScript("return window.__dashboardErrors;");
      assertEquals(List.of(), errors, "no script errors");
      Path screenshot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.createDirectories(Path.of("target"));
      Files.copy(
          screenshot, Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
      live.close();
    }
  }

  /** One headless Chromium session with the flags a root container needs. */
  private static final class Browser implements AutoCloseable {
    final WebDriver driver;

    Browser(Path profile) throws Exception {
      Files.createDirectories(profile);
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1600,1200",
          "--user-data-dir=" + profile.toAbsolutePath());
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(DRIVER))
              .usingAnyFreePort()
              .build();
      this.driver = new ChromeDriver(service, options);
    }

    @Override
    public void close() {
      driver.quit();
    }
  }
}
