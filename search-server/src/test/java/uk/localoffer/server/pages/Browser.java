package uk.localoffer.server.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium driven by chromedriver, with axe-core: one browser the page tests
 * share. Widths are set as the device's (390 px as a phone, 1280 px as a laptop); every checked
 * page is kept as a screenshot in search-server/target/screenshots/.
 */
final class Browser implements AutoCloseable {
    final ChromiumDriver driver;
    private final String axe;
    private final Path screenshots;
    private final String base;

    Browser(Path repo, Path tmp, String base) throws Exception {
        File chromium = new File("/usr/bin/chromium"), chromedriver = new File("/usr/bin/chromedriver");
        Path axeFile = repo.resolve(".tools/node_modules/axe-core/axe.min.js");
        if (!chromium.canExecute() || !chromedriver.canExecute() || !Files.exists(axeFile))
            fail("the page tests need Debian's chromium and chromedriver and axe-core: run scripts/install-browser.sh (./test does)");
        axe = Files.readString(axeFile);
        screenshots = repo.resolve("search-server/target/screenshots");
        Files.createDirectories(screenshots);
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    void open(String path) { driver.get(base + path); }

    String text() { return driver.findElement(By.tagName("main")).getText(); }

    String lang() { return driver.findElement(By.tagName("html")).getDomAttribute("lang"); }

    /** The page as a phone (390 px wide) or a laptop (1280 px) shows it. */
    void width(int px) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", px, "height", px < 600 ? 844 : 1000,
                "deviceScaleFactor", 1, "mobile", px < 600));
    }

    /** Clicks something that loads a new page, and waits until that page is there. */
    void clickAndWait(WebElement e) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        e.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                && !d.findElements(By.tagName("main")).isEmpty());
    }

    /**
     * axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules: no violations; one main heading; no
     * request off this machine; no inline script or style (the CSP is default-src 'self'); nothing
     * wider than the screen; and a screenshot for the record. Returns the page's size in bytes.
     */
    @SuppressWarnings("unchecked")
    int check(String name) throws Exception {
        driver.executeScript(axe);
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']}})"
                        + ".then(r => done({violations: r.violations.map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | '))}))"
                        + ".catch(e => done({violations: ['axe failed: ' + e]}));");
        assertEquals(List.of(), result.get("violations"), name + " at " + driver.getCurrentUrl());
        List<Object> hosts = (List<Object>) driver.executeScript("return [...new Set(performance.getEntriesByType('resource').map(e => new URL(e.name).host))]");
        for (Object h : hosts) assertTrue(h.toString().startsWith("127.0.0.1"), name + " requested " + h);
        assertEquals(0L, driver.executeScript("return document.querySelectorAll('[style], script').length"), name + " has an inline style or a script");
        assertEquals(1, driver.findElements(By.tagName("h1")).size(), name + " has one main heading");
        long overflow = (Long) driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow <= 0, name + " is " + overflow + " px wider than the screen");
        screenshot(name);
        return ((Long) driver.executeScript("return new TextEncoder().encode(document.documentElement.outerHTML).length")).intValue();
    }

    void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The page printed to PDF on A4 as Chromium prints it (Page.printToPDF), kept beside the screenshots. */
    byte[] printToPdf(String name) throws Exception {
        Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF", Map.of("paperWidth", 8.27, "paperHeight", 11.69,
                "preferCSSPageSize", true, "printBackground", false));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Files.write(screenshots.resolve(name + ".pdf"), bytes);
        return bytes;
    }

    /** How many pages a PDF has: its page objects, else the page tree's count. */
    static int pdfPages(byte[] pdf) {
        String s = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("/Type\\s*/Page(?![A-Za-z])").matcher(s);
        int n = 0;
        while (m.find()) n++;
        if (n > 0) return n;
        Matcher count = Pattern.compile("/Type\\s*/Pages.*?/Count\\s+(\\d+)", Pattern.DOTALL).matcher(s);
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }

    void media(String media) { driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media)); }

    @Override
    public void close() { driver.quit(); }
}
