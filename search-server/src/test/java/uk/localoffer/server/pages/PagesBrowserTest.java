package uk.localoffer.server.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import uk.localoffer.directory.Directory;
import uk.localoffer.server.web.DirectoryApp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The public pages in a real headless Chromium (Debian's chromium and chromedriver, installed
 * by scripts/install-browser.sh), against the real server over the default dataset: forms
 * filled and submitted, Welsh, the error summary, axe-core on every page, and a screenshot of
 * each page in search-server/target/screenshots/.
 */
class PagesBrowserTest {
    static final Path REPO = uk.localoffer.server.ServerTestData.repo();
    static final Path SCREENSHOTS = REPO.resolve("search-server/target/screenshots");
    @TempDir static Path dir;
    static uk.localoffer.server.ServerTestData.RunningServer server;
    static Directory directory;
    static DirectoryApp app;
    static WebDriver browser;
    static String axe;

    @BeforeAll
    static void start() throws Exception {
        File chromium = new File("/usr/bin/chromium"), driver = new File("/usr/bin/chromedriver");
        Path axeFile = REPO.resolve(".tools/node_modules/axe-core/axe.min.js");
        if (!chromium.canExecute() || !driver.canExecute() || !Files.exists(axeFile))
            fail("the page tests need Debian's chromium and chromedriver and axe-core: run scripts/install-browser.sh (./test does)");
        axe = Files.readString(axeFile);
        server = uk.localoffer.server.ServerTestData.startServer(dir);
        directory = server.directory();
        app = server.app();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1200,1000",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    static String url(String path) { return "http://127.0.0.1:" + app.port() + path; }

    static void open(String path) { browser.get(url(path)); }

    static String text() { return browser.findElement(By.tagName("main")).getText(); }

    /** Clicks something that loads a new page, and waits until that page is there. */
    static void clickAndWait(WebElement e) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        e.click();
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true; // stale, or "does not belong to the document": the old page has gone
            }
        });
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                && !d.findElements(By.tagName("main")).isEmpty());
    }

    /** axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules: no violations, and a screenshot for the record. */
    @SuppressWarnings("unchecked")
    static void checkPage(String name) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']}})"
                        + ".then(r => done({violations: r.violations.map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | '))}))"
                        + ".catch(e => done({violations: ['axe failed: ' + e]}));");
        List<String> violations = (List<String>) result.get("violations");
        assertEquals(List.of(), violations, name + " at " + browser.getCurrentUrl());
        // No request left this machine.
        List<String> hosts = ((List<Object>) js.executeScript("return performance.getEntriesByType('resource').map(e => new URL(e.name).host)"))
                .stream().map(Object::toString).distinct().toList();
        for (String h : hosts) assertTrue(h.startsWith("127.0.0.1"), name + " requested " + h);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(1, browser.findElements(By.tagName("h1")).size(), name + " has one main heading");
    }

    @Test
    void aYoungPersonFillsInTheFormAndGetsRankedResultsWithReasons() throws Exception {
        open("/");
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        checkPage("01-find-support");
        browser.findElement(By.id("postcode")).sendKeys("L8 1ST");
        browser.findElement(By.id("age")).sendKeys("19");
        new Select(browser.findElement(By.id("need"))).selectByValue("emotional-wellbeing");
        clickAndWait(browser.findElement(By.cssSelector("form button[type=submit]")));
        String t = text();
        assertTrue(t.contains("services you can use near Liverpool"), t);
        List<WebElement> results = browser.findElements(By.cssSelector(".app-result h2 a"));
        assertEquals(10, results.size());
        assertTrue(t.contains("Why it is here") && t.contains("Helps with: Emotional wellbeing and mental health"));
        assertTrue(t.contains("Example record: not a real service"), "illustrative records say so");
        Set<String> names = results.stream().map(WebElement::getText).collect(Collectors.toSet());
        assertTrue(names.stream().noneMatch(n -> n.contains("leaving care team") && !n.startsWith("Liverpool")),
                "only the local leaving care team when the home council is not given: " + names);
        checkPage("02-results");
        // With any need there are more than ten: the next page.
        open("/search?postcode=L8+1ST&age=19");
        clickAndWait(browser.findElement(By.cssSelector(".govuk-pagination__next a")));
        assertTrue(browser.getCurrentUrl().contains("page=2"));
        assertEquals(10, browser.findElements(By.cssSelector(".app-result")).size());
    }

    @Test
    void anInvalidPostcodeShowsTheErrorSummaryLinkedToTheField() throws Exception {
        open("/");
        browser.findElement(By.id("postcode")).sendKeys("NOT A POSTCODE");
        browser.findElement(By.id("age")).sendKeys("12");
        clickAndWait(browser.findElement(By.cssSelector("form button[type=submit]")));
        WebElement summary = browser.findElement(By.cssSelector(".govuk-error-summary"));
        assertTrue(summary.getText().contains("There is a problem"));
        List<WebElement> links = summary.findElements(By.tagName("a"));
        assertEquals(List.of("#postcode", "#age"), links.stream().map(a -> a.getAttribute("href").replaceAll(".*#", "#")).toList());
        assertTrue(browser.findElement(By.id("postcode-error")).getText().contains("Enter a real postcode"));
        assertEquals("NOT A POSTCODE", browser.findElement(By.id("postcode")).getAttribute("value"), "what was typed is kept");
        checkPage("03-error-summary");
        links.get(0).click();
        assertEquals("postcode", browser.switchTo().activeElement().getAttribute("id"));
    }

    @Test
    void theServicePageSaysWhoCanUseItAndHowToGetIn() throws Exception {
        var talk = directory.services().values().stream().filter(s -> s.name().startsWith("Talk Liverpool")).findFirst().orElseThrow();
        open("/services/" + talk.id());
        String t = text();
        assertTrue(t.contains("Who can use it") && t.contains("How to get in") && t.contains("Where this information comes from"), t);
        var phone = browser.findElement(By.cssSelector("a[href^='tel:']"));
        assertEquals("tel:01512282300", phone.getAttribute("href"), "the phone number can be called from the page");
        var source = browser.findElement(By.cssSelector(".app-source a"));
        assertTrue(source.getAttribute("href").startsWith("https://www.merseycare.nhs.uk/"), source.getAttribute("href"));
        assertTrue(t.contains("From ") && t.contains("recorded 3 December 2026"), "the source and when it was recorded: " + t);
        checkPage("04-service");
        clickAndWait(browser.findElement(By.linkText("Every change to this record")));
        String h = text();
        assertTrue(h.contains("Changes to Talk Liverpool") && h.contains("Added") && h.contains("Loaded from offers/"), h);
        checkPage("04b-service-history");
    }

    @Test
    void anAuthorityPageShowsItsLocalOfferTeamServicesAndReviewFlags() throws Exception {
        open("/authorities/E08000007");
        String t = text();
        assertTrue(t.contains("Stockport: local offer for care leavers"));
        assertTrue(t.contains("Leaving care team") && t.contains("Stockport leaving care team"));
        for (String area : List.of("Health and wellbeing", "Relationships", "Education and training", "Employment", "Accommodation", "Participation in society"))
            assertTrue(t.contains(area), area);
        assertTrue(t.contains("(May 2022)") && t.contains("Pure Insight"));
        checkPage("05-authority");
    }

    @Test
    void comparingAuthoritiesShowsThemSideBySideAndAMapLinkingEachOne() throws Exception {
        open("/compare");
        new Select(browser.findElement(By.id("gss-1"))).selectByValue("E08000012");
        new Select(browser.findElement(By.id("gss-2"))).selectByValue("W06000015");
        clickAndWait(browser.findElement(By.cssSelector("main form button")));
        List<String> heads = browser.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Liverpool", "Cardiff"), heads);
        List<WebElement> shapes = browser.findElements(By.cssSelector(".app-map svg a"));
        assertEquals(175, shapes.size(), "every authority is on the map");
        assertTrue(browser.findElements(By.cssSelector(".app-map svg a path")).size() > 170, "drawn from the boundaries");
        checkPage("06-compare");
        browser.get(url(shapes.get(0).getDomAttribute("href")));
        assertTrue(text().contains("local offer for care leavers"));
    }

    @Test
    void aPaSeesWhatSomeonePlacedOutOfAreaCanUseAndWhatTheHomeOfferStillGives() throws Exception {
        open("/out-of-area");
        checkPage("07-out-of-area-form");
        new Select(browser.findElement(By.id("home"))).selectByValue("W06000015");
        browser.findElement(By.id("postcode")).sendKeys("L20 3AB");
        browser.findElement(By.id("age")).sendKeys("19");
        new Select(browser.findElement(By.id("need"))).selectByValue("emotional-wellbeing");
        clickAndWait(browser.findElement(By.cssSelector("main form button[type=submit]")));
        String t = text();
        assertTrue(t.contains("They live in Sefton"), t);
        assertTrue(t.contains("found from the council boundary"));
        assertTrue(t.contains("Sefton Leaving Care Team"), "the host leaving care team");
        assertTrue(t.indexOf("Start here") < t.indexOf("Services there that accept them"), "the host team's way in comes first");
        assertTrue(t.contains("Your own leaving care team"), "the home team, shown apart: " + t);
        assertFalse(browser.findElements(By.cssSelector("a[href^='tel:']")).isEmpty(), "its number can be called");
        assertTrue(t.contains("Council tax where they live"), t);
        assertTrue(t.contains("What your offer still gives them there"));
        assertTrue(t.contains("When I am Ready"), "Cardiff's offer is Wales's: When I am Ready, not Staying Put");
        assertFalse(t.contains("Staying Put"), t);
        assertFalse(browser.findElements(By.cssSelector(".app-result")).isEmpty());
        checkPage("08-out-of-area-shortlist");
        // The print stylesheet hides navigation and the form.
        ((org.openqa.selenium.chromium.ChromiumDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertFalse(browser.findElement(By.cssSelector("header.app-header")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector(".app-result")).isDisplayed());
        ((org.openqa.selenium.chromium.ChromiumDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    @Test
    void inATwoTierCountyThePagesNameTheDistrictCouncilToo() throws Exception {
        open("/out-of-area?home=E08000012&postcode=GU1+1AA&age=19");
        String t = text();
        assertTrue(t.contains("They live in Surrey"), t);
        assertTrue(t.contains("Their district council, for council tax and housing: Guildford Borough Council, in Surrey"), t);
        open("/search?postcode=GU1+1AA&age=19");
        assertTrue(text().contains("services you can use near Guildford, in Surrey"), text());
    }

    @Test
    void switchingToWelshChangesTheWordsAndSetsOnlyTheLanguageCookie() throws Exception {
        browser.manage().deleteAllCookies();
        open("/authorities/W06000015");
        assertTrue(browser.manage().getCookies().isEmpty(), "no cookies until a language is chosen");
        clickAndWait(browser.findElement(By.linkText("Cymraeg")));
        assertEquals("cy", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(text().contains("Caerdydd"), "Welsh authority name");
        assertTrue(text().contains("Tîm gadael gofal"), text());
        assertEquals(Set.of("lang"), browser.manage().getCookies().stream().map(Cookie::getName).collect(Collectors.toSet()));
        checkPage("09-authority-welsh");
        open("/");
        assertTrue(text().contains("Dod o hyd i gymorth"));
        checkPage("10-find-support-welsh");
        clickAndWait(browser.findElement(By.linkText("English")));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    }

    @Test
    void theWelshResultsPageGivesItsReasonsAndWarningsInWelsh() throws Exception {
        open("/search?postcode=L8+1ST&age=19&need=emotional-wellbeing&lang=cy");
        String t = text();
        assertEquals("cy", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(t.contains("Pam mae yma") && t.contains("Yn helpu gyda: Llesiant emosiynol ac iechyd meddwl"), t);
        assertFalse(t.contains("Helps with") || t.contains("No referral needed") || t.contains("km away"), t);
        checkPage("13-results-welsh");
    }

    @Test
    void noResultsSaysWhatToRelax() throws Exception {
        open("/search?postcode=L8+1ST&age=30&need=parenting&delivery=home_visit");
        String t = text();
        assertTrue(t.contains("No services matched."), t);
        assertTrue(t.contains("Try choosing 'Anything'"), t);
        checkPage("12-no-results");
    }

    @Test
    void anUnknownPageIsAFriendlyNotFound() throws Exception {
        open("/no-such-page");
        assertTrue(text().contains("Page not found"));
        checkPage("11-not-found");
    }
}
