package org.lookout.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.http.ContentType;

/**
 * The street's dashboard in a real browser (Debian's chromium, headless) against the running stack: supervisor1 signs
 * in on Keycloak's own login page (code flow with PKCE), sees the month's rates of the street's communities, follows
 * a community's breach count to its worklist and opens the breached report. The test first files that report and lets
 * its response deadline pass (as {@link StreetSupervisionIT} does), so it needs no demo data. The browser is always
 * stopped.
 */
class DashboardBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String CHROMIUM = System.getenv().getOrDefault("LOOKOUT_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("LOOKOUT_CHROMEDRIVER", "/usr/bin/chromedriver");

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,1024", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSupervisorSignsInSeesTheMonthsRatesAndOpensABreachedReport() {
        Breached report = breachedReport();

        browser.get(Stack.GATEWAY + "/dashboard");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(Stack.KEYCLOAK + "/realms/lookout/")
                .contains("client_id=lookout-dashboard").contains("code_challenge_method=S256");
        browser.findElement(By.id("username")).sendKeys("supervisor1");
        browser.findElement(By.id("password")).sendKeys(Stack.DEMO_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains(Stack.GATEWAY + "/dashboard"));

        browser.get(Stack.GATEWAY + "/dashboard?lang=en");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
                .startsWith("The month's figures");
        WebElement community = browser.findElement(By.xpath(
                "//section[@aria-labelledby='per-community']//tbody/tr[th/a[contains(@href, 'community=DCY&')]]"));
        List<WebElement> cells = community.findElements(By.tagName("td"));
        assertThat(Long.parseLong(cells.get(0).getText())).isPositive();
        // the report's response clock was breached, so it is due a response: the rate is a percentage, not —
        assertThat(cells.get(1).findElement(By.className("figure")).getText()).matches("\\d{1,3}%");
        assertThat(browser.findElement(By.id("per-category")).isDisplayed()).isTrue();

        // drill down: the community's breach count, its worklist, the report
        browser.findElement(By.cssSelector("a[href='/dashboard/worklist?community=DCY&breached=true']")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Breached reports DCY"));
        browser.findElement(By.linkText(report.trackingNumber())).click();
        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(heading.getText()).contains(report.trackingNumber()).contains("Breached");
        assertThat(browser.findElement(By.className("report")).getText()).contains("Response breached");

        // the same page in Chinese
        browser.findElement(By.linkText("中文")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("report"), "响应超时"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    }

    private record Breached(String id, String trackingNumber) {
    }

    /** A report of DCY whose response deadline has passed: its clock breached by escalation-service's sweep. */
    private static Breached breachedReport() {
        var created = given().baseUri(Stack.GATEWAY).auth().oauth2(Stack.token("resident1")).contentType(ContentType.JSON)
                .body("""
                        {"itemCode":"corridor-lighting","title":"Corridor lamp out (dashboard test)",
                         "description":"Floor 2, since Monday.","communityCode":"DCY",
                         "location":{"address":"5号楼","building":"5-1"},"channel":"APP","anonymous":false}
                        """)
                .post("/api/complaints").then().statusCode(201).extract();
        String id = created.path("id");
        String staff = Stack.token("staff1");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().baseUri(Stack.GATEWAY).auth().oauth2(staff)
                .get("/api/escalations/reports/" + id + "/clocks").then().statusCode(200)
                .body("kind", hasItem("RESPONSE")));
        assertThat(Stack.inEscalationDatabase("update sla_clock set warn_at = now() - interval '2 minutes',"
                + " due_at = now() - interval '1 minute' where report_id = ? and kind = 'RESPONSE'",
                UUID.fromString(id))).isEqualTo(1);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().baseUri(Stack.GATEWAY).auth().oauth2(staff)
                .queryParam("community", "DCY").queryParam("breached", "true").queryParam("limit", "200")
                .get("/api/complaints").then().statusCode(200).body("id", hasItem(id)));
        return new Breached(id, created.path("trackingNumber"));
    }
}
