package uk.localoffer.server.pages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import uk.localoffer.directory.Directory;
import uk.localoffer.domain.Service;
import uk.localoffer.server.ServerTestData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public pages in a real headless Chromium against the real server over the default dataset
 * (with the examples): axe-core on every page at 1280 and 390 px in English and Welsh, forms filled
 * in and sent, the two-need search, the PA's out-of-area view, the handover shortlist printed to PDF,
 * compare, the error summary, and a screenshot of each page in search-server/target/screenshots/.
 */
class PagesBrowserTest {
    static final Path REPO = ServerTestData.repo();
    @TempDir static Path dir;
    static ServerTestData.RunningServer server;
    static Directory directory;
    static Browser b;

    @BeforeAll
    static void start() throws Exception {
        server = ServerTestData.startServer(dir);
        directory = server.directory();
        b = new Browser(REPO, dir, "http://127.0.0.1:" + server.app().port());
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (server != null) server.close();
    }

    /** Each test starts on a laptop's screen, as the screen shows the page. */
    @BeforeEach
    void screen() {
        b.width(1280);
        b.media("");
    }

    /** Ticks a GOV.UK checkbox as a person does: on its label (the input itself is drawn by the label). */
    static void tick(String id) {
        b.driver.findElement(By.cssSelector("label[for='" + id + "']")).click();
    }

    static Service named(String prefix) {
        return directory.services().values().stream().filter(s -> s.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    static final String TWO_NEEDS = "postcode=L8+1ST&age=19&need=emotional-wellbeing&need=housing-advice";
    static final String OUT_OF_AREA = "/out-of-area?home=W06000015&postcode=L20+3AB&age=19&need=emotional-wellbeing&need=housing-advice";

    /** The ids of the services an out-of-area search shows first (the PA's shortlist). */
    static List<String> firstTen() {
        b.open(OUT_OF_AREA);
        return b.driver.findElements(By.cssSelector("input[name=service]")).stream().map(e -> e.getDomAttribute("value")).toList();
    }

    @Test
    void everyPageAt1280And390InEnglishAndWelshHasNoAxeViolations() throws Exception {
        Service talk = named("Talk Liverpool");
        String shortlist = "/shortlist?" + firstTen().stream().map(id -> "service=" + id).collect(Collectors.joining("&")) + "&" + OUT_OF_AREA.substring(13);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("find", "/");
        pages.put("find-errors", "/search?postcode=NOT+A+POSTCODE&age=12");
        pages.put("results", "/search?" + TWO_NEEDS);
        pages.put("service", "/services/" + talk.id());
        pages.put("service-history", "/services/" + talk.id() + "/history");
        pages.put("authorities", "/authorities");
        pages.put("authority", "/authorities/E08000007");
        pages.put("compare", "/compare?gss=E08000012&gss=W06000015&gss=E10000030&gss=E09000002&shade=council_tax");
        pages.put("out-of-area-form", "/out-of-area");
        pages.put("out-of-area", OUT_OF_AREA);
        pages.put("shortlist", shortlist);
        pages.put("feedback", "/feedback");
        pages.put("not-found", "/no-such-page");
        List<String> sizes = new ArrayList<>();
        for (String lang : List.of("en", "cy"))
            for (int width : List.of(1280, 390)) {
                b.width(width);
                for (var p : pages.entrySet()) {
                    b.open(p.getValue() + (p.getValue().contains("?") ? "&" : "?") + "lang=" + lang);
                    assertEquals(lang, b.lang(), p.getKey());
                    if (lang.equals("cy")) {
                        String t = b.text();
                        for (String english : List.of("Why it is here", "Good to know", "Helps with", "Who can use it", "How to get in", "Opening hours",
                                "There is a problem", "What do you need", "Handover shortlist", "km away", "Change the search"))
                            assertFalse(t.contains(english), p.getKey() + " in Welsh says '" + english + "'");
                    }
                    int bytes = b.check(p.getKey() + "-" + lang + "-" + width);
                    if (lang.equals("en") && width == 1280) sizes.add(p.getKey() + " " + bytes / 1024 + " KiB");
                }
            }
        b.width(1280);
        Files.writeString(REPO.resolve("search-server/target/screenshots/page-sizes.txt"), String.join("\n", sizes) + "\n");
        System.out.println("page sizes (English, HTML): " + sizes);
    }

    @Test
    void aTwoNeedSearchShowsServicesForBothNeeds() throws Exception {
        b.open("/");
        b.driver.findElement(By.id("postcode")).sendKeys("L8 1ST");
        b.driver.findElement(By.id("age")).sendKeys("19");
        tick("need-emotional-wellbeing");
        tick("need-housing-advice");
        b.clickAndWait(b.driver.findElement(By.cssSelector("main form button[type=submit]")));
        String t = b.text();
        assertTrue(t.contains("services you can use near Liverpool"), t);
        assertTrue(t.contains("Emotional wellbeing and mental health and Housing advice and tenancy support · age 19 · near L8 1ST"), "the search in one line: " + t);
        List<WebElement> results = b.driver.findElements(By.cssSelector(".app-result"));
        assertEquals(10, results.size());
        long wellbeing = results.stream().filter(r -> r.getText().contains("Helps with: Emotional wellbeing and mental health")).count();
        long housing = results.stream().filter(r -> r.getText().contains("Helps with: Housing advice and tenancy support")).count();
        assertTrue(wellbeing > 0 && housing > 0, "services for both needs on the first page: " + wellbeing + " for wellbeing, " + housing + " for housing");
        b.check("two-needs-results");
        // "Change the search" gives the form back with both needs ticked.
        b.clickAndWait(b.driver.findElement(By.linkText("Change the search")));
        assertTrue(b.driver.findElement(By.id("need-emotional-wellbeing")).isSelected() && b.driver.findElement(By.id("need-housing-advice")).isSelected());
        assertEquals("L8 1ST", b.driver.findElement(By.id("postcode")).getDomProperty("value"));
        // With any need there are more than ten: the next page keeps the search.
        b.open("/search?postcode=L8+1ST&age=19&need=emotional-wellbeing&need=housing-advice&status=former_relevant&urgency=soon&distance=20");
        b.clickAndWait(b.driver.findElement(By.cssSelector(".govuk-pagination__next a")));
        assertTrue(b.driver.getCurrentUrl().contains("page=2") && b.driver.getCurrentUrl().contains("need=housing-advice"), b.driver.getCurrentUrl());
        assertTrue(b.text().contains("Former relevant"), "status, urgency and distance are read: " + b.text());
    }

    @Test
    void anInvalidFormShowsTheErrorSummaryLinkedToTheFieldsAndErrorInTheTitle() throws Exception {
        b.open("/");
        assertEquals("numeric", b.driver.findElement(By.id("age")).getDomAttribute("inputmode"));
        b.driver.findElement(By.id("postcode")).sendKeys("NOT A POSTCODE");
        b.driver.findElement(By.id("age")).sendKeys("12");
        b.clickAndWait(b.driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertTrue(b.driver.getTitle().startsWith("Error: "), b.driver.getTitle());
        WebElement summary = b.driver.findElement(By.cssSelector(".govuk-error-summary"));
        assertTrue(summary.getText().contains("There is a problem"));
        List<WebElement> links = summary.findElements(By.tagName("a"));
        assertEquals(List.of("#postcode", "#age"), links.stream().map(a -> a.getDomAttribute("href")).toList());
        assertTrue(b.driver.findElement(By.id("postcode-error")).getText().contains("Enter a real postcode"));
        assertEquals("NOT A POSTCODE", b.driver.findElement(By.id("postcode")).getDomProperty("value"), "what was typed is kept");
        b.check("error-summary");
        links.get(0).click();
        assertEquals("postcode", b.driver.switchTo().activeElement().getDomAttribute("id"));
        b.open("/out-of-area?postcode=L20+3AB&age=19&english=no");
        assertEquals(List.of("#home", "#language"), b.driver.findElements(By.cssSelector(".govuk-error-summary a")).stream().map(a -> a.getDomAttribute("href")).toList());
    }

    @Test
    void theServicePageSaysWhoCanUseItAndHowToGetInWithNoEmptyRows() throws Exception {
        var talk = named("Talk Liverpool");
        b.open("/services/" + talk.id());
        String t = b.text();
        assertTrue(t.contains("Who can use it") && t.contains("How to get in") && t.contains("Where this information comes from"), t);
        assertEquals(1, t.split("How to get in", -1).length - 1, "'How to get in' once: " + t);
        for (WebElement dd : b.driver.findElements(By.cssSelector(".govuk-summary-list__value")))
            assertFalse(dd.getText().isBlank() || dd.getText().equals("—"), "an empty row: " + t);
        assertEquals("tel:01512282300", b.driver.findElement(By.cssSelector("a[href^='tel:']")).getDomAttribute("href"));
        assertTrue(b.driver.findElement(By.cssSelector(".app-source a")).getDomAttribute("href").startsWith("https://www.merseycare.nhs.uk/"));
        assertTrue(t.contains("recorded 3 December 2026"), t);
        assertEquals("/authorities/E08000012", b.driver.findElement(By.cssSelector(".govuk-back-link")).getDomAttribute("href"), "a back link");
        b.clickAndWait(b.driver.findElement(By.linkText("Every change to this record")));
        String h = b.text();
        assertTrue(h.contains("Changes to Talk Liverpool") && h.contains("Added") && h.contains("Loaded from offers/"), h);
        b.open("/services/" + talk.id() + "?lang=cy");
        assertTrue(b.text().contains("Pwy all ei ddefnyddio"), b.text());
    }

    @Test
    void anAuthorityPageShowsItsLocalOfferTeamServicesAndReviewInPlainWords() throws Exception {
        b.open("/authorities/E08000007");
        String t = b.text();
        assertTrue(t.contains("Stockport: local offer for care leavers") && t.contains("Leaving care team"), t);
        for (String area : List.of("Health and wellbeing", "Accommodation"))
            assertTrue(t.contains(area), area);
        assertTrue(t.contains("(May 2022)") && t.contains("Mentoring") && t.contains("Pure Insight"), t);
        assertFalse(t.contains("generic mh access") || t.contains("extended camhs"), "no CSV column names: " + t);
    }

    @Test
    void compareShowsFourCouncilsSideBySideOnTheSourcedFactsStackedOnAPhoneWithAShadedMap() throws Exception {
        b.open("/compare");
        new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("gss-1"))).selectByValue("E08000012");
        new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("gss-2"))).selectByValue("W06000015");
        new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("gss-3"))).selectByValue("E10000030");
        new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("gss-4"))).selectByValue("E08000007");
        b.clickAndWait(b.driver.findElement(By.cssSelector("main form button")));
        List<WebElement> cards = b.driver.findElements(By.cssSelector(".app-compare-card"));
        assertEquals(List.of("Liverpool", "Cardiff", "Surrey", "Stockport"), cards.stream().map(c -> c.findElement(By.tagName("h3")).getText()).toList());
        String t = b.text();
        for (String row : List.of("Council tax", "Setting up home", "University bursary", "Leisure", "Staying Put or When I am Ready", "Local offer page"))
            assertTrue(t.contains(row), row);
        assertTrue(cards.get(1).getText().contains("When I am Ready"), "Cardiff's own facts: " + cards.get(1).getText());
        assertFalse(cards.get(0).getText().equals(cards.get(2).getText().replace("Surrey", "Liverpool")), "each council's own facts");
        int y0 = cards.get(0).getLocation().getY();
        assertTrue(cards.stream().allMatch(c -> c.getLocation().getY() == y0), "side by side at 1280 px");
        List<WebElement> rows = cards.get(0).findElements(By.cssSelector(".govuk-summary-list__row"));
        for (WebElement card : cards.subList(1, 4))
            assertEquals(rows.get(5).getLocation().getY(), card.findElements(By.cssSelector(".govuk-summary-list__row")).get(5).getLocation().getY(), "rows line up");
        b.driver.executeScript("arguments[0].scrollIntoView()", cards.get(0));
        b.screenshot("compare-side-by-side");
        assertEquals(175, b.driver.findElements(By.cssSelector(".app-map svg a")).size(), "every authority is on the map");
        b.width(390);
        b.open(b.driver.getCurrentUrl().replaceAll("^https?://[^/]+", ""));
        cards = b.driver.findElements(By.cssSelector(".app-compare-card"));
        int x0 = cards.get(0).getLocation().getX();
        assertTrue(cards.stream().allMatch(c -> c.getLocation().getX() == x0), "stacked at 390 px");
        b.check("compare-stacked");
        b.width(1280);
        new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("shade"))).selectByValue("setting_up_home");
        b.clickAndWait(b.driver.findElement(By.cssSelector("form .app-inline-button")));
        assertTrue(b.driver.getCurrentUrl().contains("shade=setting_up_home") && b.driver.getCurrentUrl().contains("gss=E08000007"));
        assertTrue(b.text().contains("£3,000 or more"), "the legend of the chosen fact");
        assertEquals(175, b.driver.findElements(By.cssSelector("details table tbody tr")).size(), "the map as a list");
    }

    @Test
    void aPaSeesInTheirOwnVoiceWhatSomeonePlacedOutOfAreaCanUseAndWhyOthersAreLeftOut() throws Exception {
        b.open("/out-of-area");
        String form = b.text();
        assertTrue(form.contains("What does the young person need help with?") && !form.contains("What do you need help with?"), form);
        new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("home"))).selectByValue("W06000015");
        b.driver.findElement(By.id("postcode")).sendKeys("L20 3AB");
        b.driver.findElement(By.id("age")).sendKeys("19");
        tick("need-emotional-wellbeing");
        b.clickAndWait(b.driver.findElement(By.cssSelector("main form button[type=submit]")));
        String t = b.text();
        assertTrue(t.contains("They live in Sefton") && t.contains("found from the council boundary"), t);
        assertTrue(t.contains("Sefton Leaving Care Team"), "the host leaving care team");
        assertTrue(t.indexOf("Start here") < t.indexOf("What your offer still gives them there")
                && t.indexOf("What your offer still gives them there") < t.indexOf("Services there that accept them"), "host team, home offer, then services");
        assertTrue(t.contains("When I am Ready") && !t.contains("Staying Put"), "Cardiff's offer is Wales's");
        assertTrue(t.contains("Council tax where they live"), t);
        assertTrue(t.contains("Your own leaving care team"), t);
        // The page's own words speak to the PA (example records' descriptions are the records' own).
        List<String> headings = b.driver.findElements(By.cssSelector("main h1, main h2, .app-host, .app-search-summary")).stream().map(WebElement::getText).toList();
        assertTrue(headings.stream().noneMatch(h -> h.contains("you need") || h.contains("near you") || h.contains("You can")), "the PA's voice: " + headings);
        WebElement excluded = b.driver.findElement(By.cssSelector("details.app-excluded"));
        assertTrue(excluded.getText().contains("cannot use them: see why"), excluded.getText());
        excluded.findElement(By.tagName("summary")).click();
        assertFalse(excluded.findElements(By.cssSelector(".app-excluded-service li")).isEmpty(), "each left-out service says why");
        assertTrue(excluded.getText().contains("Only for"), excluded.getText());
        b.check("out-of-area-excluded-open");
    }

    @Test
    void aPaTicksServicesOnTheResultsAndGetsAHandoverShortlistInTheAddressOnly() throws Exception {
        b.open(OUT_OF_AREA);
        List<WebElement> boxes = b.driver.findElements(By.cssSelector("input[name=service]"));
        assertEquals(10, boxes.size());
        for (WebElement box : boxes.subList(0, 3)) tick(box.getDomAttribute("id"));
        b.clickAndWait(b.driver.findElement(By.cssSelector(".app-shortlist-form button")));
        String url = b.driver.getCurrentUrl();
        assertTrue(url.contains("/shortlist?") && url.contains("home=W06000015") && url.split("service=", -1).length - 1 == 3, url);
        assertEquals(3, b.driver.findElements(By.cssSelector(".app-shortlist-item")).size());
        assertTrue(b.text().contains("Why it fits"), "why each fits, from the search in the address: " + b.text());
        assertTrue(b.driver.manage().getCookies().stream().allMatch(c -> c.getName().equals("lang")), "nothing stored but the language");
    }

    /** Ten services a PA would hand over: the first real (not example) ones of a two-need search, page by page. */
    static List<String> tenRealServices() {
        List<String> ids = new ArrayList<>();
        for (int page = 1; page <= 5 && ids.size() < 10; page++) {
            b.open("/search?" + TWO_NEEDS + "&page=" + page);
            for (WebElement card : b.driver.findElements(By.cssSelector(".app-result")))
                if (card.findElements(By.cssSelector(".app-illustrative")).isEmpty() && ids.size() < 10)
                    ids.add(card.findElement(By.cssSelector("input[name=service]")).getDomAttribute("value"));
        }
        return ids;
    }

    @Test
    void theHandoverShortlistOfTenPrintsOnAtMostTwoA4PagesWithAPhoneOrWebsiteForEach() throws Exception {
        List<String> ids = tenRealServices();
        assertEquals(10, ids.size());
        b.open("/shortlist?" + ids.stream().map(id -> "service=" + id).collect(Collectors.joining("&")) + "&" + TWO_NEEDS);
        List<WebElement> items = b.driver.findElements(By.cssSelector(".app-shortlist-item"));
        assertEquals(10, items.size());
        String t = b.text();
        assertTrue(t.contains("Printed on ") && t.contains("Prepared by") && t.contains("Prepared for") && t.contains("Why it fits"), t);
        b.driver.findElement(By.id("prepared-by")).sendKeys("A. Adviser, Liverpool leaving care team");
        b.driver.findElement(By.id("prepared-for")).sendKeys("J.");
        b.media("print");
        try {
            for (WebElement item : items) {
                boolean reach = item.findElements(By.cssSelector(".app-contact a[href^='tel:'], .app-contact a[href^='sms:'], .app-contact a.app-url")).stream()
                        .anyMatch(a -> a.isDisplayed() && (a.getDomAttribute("href").matches("(tel|sms):.*") || a.getText().startsWith("http")));
                assertTrue(reach, "a phone or website for " + item.getText());
            }
            for (WebElement a : b.driver.findElements(By.cssSelector(".app-shortlist a")))
                assertTrue(a.getDomAttribute("href").matches("(https?|tel|sms|mailto):.*"), "no relative link on paper: " + a.getDomAttribute("href"));
            for (WebElement a : b.driver.findElements(By.cssSelector(".app-shortlist a.app-url")))
                assertEquals(a.getDomAttribute("href"), a.getText(), "web addresses printed in full");
            assertFalse(b.driver.findElement(By.cssSelector("header.app-header")).isDisplayed(), "no navigation on paper");
            b.screenshot("shortlist-print-media");
        } finally {
            b.media("");
        }
        byte[] pdf = b.printToPdf("shortlist-10");
        int pages = Browser.pdfPages(pdf);
        System.out.println("handover shortlist of 10 services: " + pages + " A4 page(s), " + pdf.length / 1024 + " KiB of PDF");
        assertTrue(pages >= 1 && pages <= 2, "10 services on " + pages + " pages");
    }

    @Test
    void inATwoTierCountyThePagesNameTheDistrictCouncilToo() throws Exception {
        b.open("/out-of-area?home=E08000012&postcode=GU1+1AA&age=19");
        assertTrue(b.text().contains("Their district council, for council tax and housing: Guildford Borough Council, in Surrey"), b.text());
        b.open("/search?postcode=GU1+1AA&age=19");
        assertTrue(b.text().contains("services you can use near Guildford, in Surrey"), b.text());
    }

    @Test
    void welshPagesAreWelshThroughoutAndOnlyTheLanguageCookieIsSet() throws Exception {
        b.driver.manage().deleteAllCookies();
        b.open("/authorities/W06000015");
        assertTrue(b.driver.manage().getCookies().isEmpty(), "no cookies until a language is chosen");
        b.clickAndWait(b.driver.findElement(By.linkText("Cymraeg")));
        assertEquals("cy", b.lang());
        assertTrue(b.text().contains("Caerdydd") && b.text().contains("Tîm gadael gofal"), b.text());
        assertEquals(Set.of("lang"), b.driver.manage().getCookies().stream().map(Cookie::getName).collect(Collectors.toSet()));
        b.open("/");
        String t = b.text();
        assertTrue(t.contains("Dod o hyd i gymorth") && t.contains("CF10 1EP") && !t.contains("L1 8JQ"), "a Cardiff example postcode: " + t);
        List<String> languages = b.driver.findElements(By.cssSelector("#language option")).stream().map(o -> o.getDomProperty("textContent")).toList();
        assertTrue(languages.contains("Cymraeg") && languages.contains("Saesneg") && languages.contains("Arabeg"), "language names in Welsh: " + languages);
        b.open("/search?" + TWO_NEEDS);
        t = b.text();
        assertTrue(t.contains("Pam mae yma") && t.contains("Yn helpu gyda: Llesiant emosiynol ac iechyd meddwl"), t);
        assertFalse(t.contains("Helps with") || t.contains("No referral needed") || t.contains("km away"), t);
        b.open("/services/" + named("Talk Liverpool").id());
        assertTrue(b.text().contains(" i ") && !b.text().contains("Any age"), "ages in Welsh: " + b.text());
        b.clickAndWait(b.driver.findElement(By.linkText("English")));
        assertEquals("en", b.lang());
    }

    @Test
    void noResultsSaysWhatToRelaxAndAnUnknownPageIsAFriendlyNotFound() throws Exception {
        b.open("/search?postcode=L8+1ST&age=30&need=parenting&delivery=home_visit");
        assertTrue(b.text().contains("No services matched.") && b.text().contains("Try fewer needs"), b.text());
        b.open("/no-such-page");
        assertTrue(b.text().contains("Page not found"));
        assertTrue(b.driver.getTitle().startsWith("Error: Page not found"), b.driver.getTitle());
    }
}
