package io.dmpilot.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dmpilot.testing.OperatorKeys;
import io.dmpilot.testing.TestServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver packages) over the
 * scenario's data: all four charts must be drawn from it. Skipped, not failed, where no Chromium is
 * installed; the screenshot goes to target/dashboard.png.
 */
@QuarkusTest
@WithTestResource(value = TestServices.class, initArgs = @ResourceArg(name = "services", value = "kafka,postgres"))
class DashboardBrowserTest {
    private static final List<String> CHARTS = List.of("funnel", "keywords", "response-times", "paths");

    @TestHTTPResource("/dashboard/index.html")
    URL page;

    @Test
    void theDashboardDrawsFunnelKeywordsResponseTimesAndPathsOfAnAccount() throws IOException {
        Optional<Path> chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
        Optional<Path> driverBinary = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        assumeTrue(chromium.isPresent() && driverBinary.isPresent(), "needs Debian's chromium and chromium-driver");
        AnalyticsScenario scenario = new AnalyticsScenario().run();

        WebDriver browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(driverBinary.get().toFile())
                        .build(),
                options(chromium.get()));
        try {
            // the page keeps the operator's key in the tab's session storage (never in the URL)
            browser.get(page.toString());
            ((JavascriptExecutor) browser)
                    .executeScript("sessionStorage.setItem('dmpilot.key', arguments[0])", OperatorKeys.LOCAL_BOOTSTRAP);
            browser.get(page + "?account=" + scenario.account + "&from=" + AnalyticsScenario.DAY + "&to="
                    + AnalyticsScenario.DAY);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> List.of("all", "error").contains(body(browser).getDomAttribute("data-rendered")));
            screenshot(browser);

            assertEquals("all", body(browser).getDomAttribute("data-rendered"), status(browser));
            for (String chart : CHARTS) {
                assertEquals("true", browser.findElement(By.id(chart)).getDomAttribute("data-rendered"), chart);
                assertTrue(
                        !browser.findElements(By.cssSelector("#" + chart + " canvas"))
                                .isEmpty(),
                        chart + " canvas");
            }
            assertEquals(List.of(5L, 4L, 3L, 3L, 1L, 1L), seriesData(browser, "funnel"));
            assertEquals(List.of("钱", "退款", "多少", "优惠", "退货"), categories(browser, "keywords"));
            assertEquals(
                    3L,
                    ((List<?>) seriesData(browser, "response-times"))
                            .stream().mapToLong(n -> (Long) n).sum());
            assertTrue(browser.findElement(By.id("response-summary")).getText().contains("within 90 s 66.7%"));
        } finally {
            browser.quit();
        }
    }

    private static ChromeOptions options(Path chromium) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1300");
        return options;
    }

    private static org.openqa.selenium.WebElement body(WebDriver browser) {
        return browser.findElement(By.tagName("body"));
    }

    private static String status(WebDriver browser) {
        return browser.findElement(By.id("status")).getText();
    }

    /** The data of a chart's first series as ECharts holds it after drawing. */
    private static List<?> seriesData(WebDriver browser, String chart) {
        return (List<?>) ((JavascriptExecutor) browser)
                .executeScript(
                        "return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series[0].data",
                        chart);
    }

    private static List<?> categories(WebDriver browser, String chart) {
        return (List<?>) ((JavascriptExecutor) browser)
                .executeScript(
                        "return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().yAxis[0].data",
                        chart);
    }

    private static void screenshot(WebDriver browser) throws IOException {
        Path target = Path.of("target", "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static Optional<Path> firstExisting(String... paths) {
        return Stream.of(paths).map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
