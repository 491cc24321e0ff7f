package dev.fsm.sample;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.fsm.Transitions;

import static dev.fsm.test.WorkflowAssertions.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow console as an operator uses it, in headless Chromium: finding reports by id and
 * by title, a bulk action with a refused row, a transition that asks to be confirmed, the
 * fields of a report and the link to its page, the diagram legible and enlargeable, at 1,440
 * and at 390 px (nothing wider than the screen); axe-core (from the npm registry, fetched by
 * the {@code browser} profile) finds no WCAG 2.2 A or AA violation on any console page or page
 * of the sample. Screenshots of the console at both widths go to {@code docs/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsoleInTheBrowserTests {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** The docs' screenshots, in the project's docs/ folder (the tests run in sample-app/). */
	static final Path DOCS = Path.of("..", "docs");

	static final Path AXE = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");

	static final String AXE_TAGS = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']";

	@LocalServerPort
	int port;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	Transitions transitions;

	WebDriver driver;

	@BeforeAll
	static void folders() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		assertThat(AXE).as("axe-core, installed from the npm registry by -Pbrowser").exists();
	}

	@BeforeEach
	void open() {
		this.driver = browser();
	}

	@AfterEach
	void close() {
		this.driver.quit();
	}

	@Test
	void anOperatorFindsReportsFiresInBulkAndConfirmsWithNoAccessibilityViolations() {
		String word = "Zebra" + UUID.randomUUID().toString().substring(0, 6);
		CaseReport first = submitted(word + " first", DemoUsers.AUTHOR);
		CaseReport second = submitted(word + " second", DemoUsers.OTHER_AUTHOR);
		CaseReport moved = submitted(word + " moved meanwhile", DemoUsers.AUTHOR);
		CaseReport approved = approvedByItsAuthor(word + " approved");
		desktop();
		signIn(DemoUsers.STAFF);

		// the workflows: counts on the diagram
		this.driver.get(url("/fsm"));
		waitFor(By.cssSelector("a[href='#/w/CaseReport.state/s/ADMIN_REVIEW']"));
		assertThat(this.driver.getTitle()).isEqualTo("Workflows · Case reports");
		assertAccessible("console: workflows");

		// a state: filter by title, in the query
		this.driver.get(url("/fsm#/w/CaseReport.state/s/ADMIN_REVIEW"));
		WebElement title = waitFor(By.id("filter-title"));
		assertThat(text("label[for='filter-title']")).isEqualTo("Title");
		title.sendKeys(word.toLowerCase());
		this.driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
		waitUntil(() -> this.driver.getCurrentUrl().contains("filter.title="));
		waitUntil(() -> rowIds().size() == 4);
		assertThat(rowIds()).containsExactly(first.getId(), second.getId(), moved.getId(), approved.getId());
		assertThat(text("main h1")).isEqualTo("CaseReport in Processing");
		assertAccessible("console: a state, filtered");

		// bulk: send three back, one of which someone else moved meanwhile
		for (CaseReport report : List.of(first, second, moved)) {
			this.driver.findElement(By.cssSelector("input.pick[value='" + report.getId() + "']")).click();
		}
		sendBackAsSomeoneElse(moved);
		selectBulk("Send back");
		this.driver.findElement(By.cssSelector("form.bulk button[type=submit]")).click();
		WebElement results = waitFor(By.cssSelector("main .problem .results"));
		assertThat(text("main .problem strong")).isEqualTo("Send back: 2 fired, 1 refused");
		List<String> lines = results.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
		assertThat(lines).containsExactly("#" + first.getId() + ": now Author review",
				"#" + second.getId() + ": now Author review",
				"#" + moved.getId() + ": refused. " + refusalOf(moved));
		assertAccessible("console: bulk results");
		screenshotInto(DOCS, "console-desktop");
		assertThat(stateOf(first)).isEqualTo(ReportState.AUTHOR_REVIEW);
		assertThat(stateOf(second)).isEqualTo(ReportState.AUTHOR_REVIEW);

		// find by id: the report's page, its fields, and the link to its page in the sample
		this.driver.get(url("/fsm#/w/CaseReport.state"));
		// the same document, another view: wait for it, not for the list's own search field
		waitUntil(() -> "CaseReport.state".equals(js("const h = document.querySelector('main h1'); return h && h.textContent;")));
		waitFor(By.id("find-id")).sendKeys(String.valueOf(approved.getId()));
		this.driver.findElement(By.cssSelector("form.find button[type=submit]")).click();
		waitFor(By.cssSelector("form[aria-label='Publish']"));
		assertThat(this.driver.getCurrentUrl()).endsWith("#/w/CaseReport.state/e/" + approved.getId());
		assertThat(this.driver.findElements(By.cssSelector("dl.fields dt")).stream().map(WebElement::getText))
			.contains("Title", "Body", "Author email")
			.doesNotContain("Version", "State", "Id");
		assertThat(this.driver.findElement(By.cssSelector("a.own-page")).getAttribute("href"))
			.isEqualTo(url("/reports/" + approved.getId()));
		assertDiagramLegible();
		assertAccessible("console: an entity");

		// the diagram, enlarged
		this.driver.findElement(By.cssSelector(".diagram-card button.enlarge")).click();
		WebElement dialog = waitFor(By.cssSelector("dialog.zoom[open]"));
		assertThat(((Number) js("return document.querySelector('dialog.zoom svg').getBoundingClientRect().width;"))
			.doubleValue()).isGreaterThan(((Number) js(
					"return document.querySelector('.diagram-card svg').getBoundingClientRect().width;")).doubleValue());
		assertAccessible("console: the diagram enlarged");
		dialog.findElement(By.xpath(".//button[normalize-space()='Close']")).click();
		waitUntil(() -> this.driver.findElements(By.cssSelector("dialog.zoom")).isEmpty());

		// a transition that asks first: cancel changes nothing, yes publishes
		this.driver.findElement(By.cssSelector("form[aria-label='Publish'] button")).click();
		WebElement question = waitFor(By.cssSelector(".confirm"));
		assertThat(question.findElement(By.tagName("p")).getText())
			.isEqualTo("Publish this case report? Everyone will be able to read it.");
		assertAccessible("console: a confirmation");
		screenshot("22-console-confirm");
		question.findElement(By.xpath(".//button[normalize-space()='Cancel']")).click();
		assertThat(this.driver.findElements(By.cssSelector(".confirm"))).isEmpty();
		assertThat(stateOf(approved)).isEqualTo(ReportState.ADMIN_REVIEW);
		this.driver.findElement(By.cssSelector("form[aria-label='Publish'] button")).click();
		waitFor(By.xpath("//div[@class='confirm']//button[normalize-space()='Yes, publish']")).click();
		assertThat(waitFor(By.cssSelector("main .message")).getText()).isEqualTo("Publish: now Live\nThe case report is live.");
		assertThat(stateOf(approved)).isEqualTo(ReportState.LIVE);

		// validation messages next to their field
		CaseReport checked = submitted(word + " checked", DemoUsers.AUTHOR);
		this.driver.get(url("/fsm#/w/CaseReport.state/e/" + checked.getId()));
		waitUntil(() -> ("CaseReport #" + checked.getId()).equals(
				js("const h = document.querySelector('main h1'); return h && h.firstChild && h.textContent.split(' ').slice(0, 2).join(' ');")));
		WebElement field = waitFor(By.cssSelector("form[aria-label='Edit'] input[name='title']"));
		field.clear();
		field.sendKeys(" ");
		this.driver.findElement(By.cssSelector("form[aria-label='Edit'] button")).click();
		assertThat(waitFor(By.cssSelector("form[aria-label='Edit'] .field-error")).getText())
			.isEqualTo("A case report needs a title.");
		assertAccessible("console: a field error");

		// unknown and unreadable ids answer alike
		this.driver.get(url("/fsm#/w/CaseReport.state/e/987654"));
		waitUntil(() -> this.driver.findElements(By.cssSelector("form[aria-label='Edit']")).isEmpty());
		assertThat(waitFor(By.cssSelector("main .problem")).getText()).contains("CaseReport#987654 does not exist");
		assertAccessible("console: not found");
	}

	@Test
	void everyConsolePageFitsAPhoneAndHasNoAccessibilityViolations() {
		CaseReport report = submitted("On a phone " + UUID.randomUUID().toString().substring(0, 6), DemoUsers.AUTHOR);
		desktop();
		signIn(DemoUsers.STAFF);
		this.driver.manage().window().setSize(new Dimension(390, 844));
		assertThat(((Number) js("return window.innerWidth;")).intValue()).isEqualTo(390);
		for (String page : List.of("#/", "#/w/CaseReport.state", "#/w/CaseReport.state/s/ADMIN_REVIEW",
				"#/w/CaseReport.state/a?filter.title=phone",
				"#/w/CaseReport.state/e/" + report.getId())) {
			this.driver.get(url("/fsm" + page));
			waitUntil(() -> this.driver.findElements(By.cssSelector("main .loading")).isEmpty());
			waitFor(By.cssSelector("main h1"));
			assertFitsTheScreen(page);
			assertAccessible("console at 390 px: " + page);
			if (page.contains("/e/")) {
				screenshotInto(DOCS, "console-phone");
			}
		}
	}

	@Test
	void theSamplesPagesHaveNoAccessibilityViolations() {
		CaseReport report = submitted("Checked by axe " + UUID.randomUUID().toString().substring(0, 6),
				DemoUsers.AUTHOR);
		desktop();
		this.driver.get(url("/login"));
		waitFor(By.id("username"));
		assertAccessible("sample: login");
		signIn(DemoUsers.AUTHOR);
		for (String page : List.of("/reports", "/reports/new", "/reports/" + report.getId(), "/outbox")) {
			this.driver.get(url(page));
			waitFor(By.cssSelector("main"));
			assertAccessible("sample: " + page);
		}
		this.driver.manage().window().setSize(new Dimension(390, 844));
		for (String page : List.of("/reports", "/reports/" + report.getId())) {
			this.driver.get(url(page));
			waitFor(By.cssSelector("main"));
			assertFitsTheScreen(page);
			assertAccessible("sample at 390 px: " + page);
		}
	}

	// what is checked on every page

	/** axe-core on the page as it is: no violation of WCAG 2.0, 2.1 or 2.2, level A or AA. */
	private void assertAccessible(String page) {
		if (!Boolean.TRUE.equals(js("return typeof window.axe !== 'undefined';"))) {
			js(axeSource());
		}
		Object violations = ((JavascriptExecutor) this.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: %s }, resultTypes: ['violations'] })
				  .then((result) => done(result.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' at '
				    + v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '))))
				  .catch((error) => done(['axe failed: ' + error]));
				""".formatted(AXE_TAGS));
		assertThat((List<?>) violations).as("WCAG A/AA violations on " + page).isEmpty();
	}

	/** No element reaches past the screen's edges, but inside a box that scrolls or clips it. */
	private void assertFitsTheScreen(String page) {
		Object overflowing = js("""
				const width = document.documentElement.clientWidth;
				const insideAScroller = (element) => {
				  for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
				    const overflow = getComputedStyle(parent).overflowX;
				    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') {
				      return true;
				    }
				  }
				  return false;
				};
				const wide = [];
				document.querySelectorAll('body *').forEach((element) => {
				  const box = element.getBoundingClientRect();
				  if (box.width > 0 && (box.right > width + 1 || box.left < -1) && !insideAScroller(element)
				      && !element.closest('.skip, .visually-hidden, .sr-only, .skip-link')) {
				    wide.push(element.tagName.toLowerCase() + '.' + element.className + ' ' + Math.round(box.left) + '..'
				      + Math.round(box.right));
				  }
				});
				if (document.documentElement.scrollWidth > width) {
				  wide.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
				}
				return wide;
				""");
		assertThat((List<?>) overflowing).as("elements wider than the 390 px screen on " + page).isEmpty();
	}

	/** The entity's diagram shows its smallest text at 12 px or more. */
	private void assertDiagramLegible() {
		Number smallest = (Number) js("""
				const svg = document.querySelector('.diagram-card svg');
				const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
				let smallest = Infinity;
				svg.querySelectorAll('text').forEach((text) => {
				  smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
				});
				return smallest;
				""");
		assertThat(smallest.doubleValue()).as("the smallest text of the diagram, in px as shown").isGreaterThanOrEqualTo(12);
	}

	// the sample's data

	private CaseReport submitted(String title, String author) {
		CaseReport report = this.reports.save(new CaseReport(title, "Findings", author));
		this.transitions.runAs(user(author, "AUTHOR"), () -> this.transitions.on(report).submit());
		return this.reports.findById(report.getId()).orElseThrow();
	}

	private CaseReport approvedByItsAuthor(String title) {
		CaseReport report = submitted(title, DemoUsers.AUTHOR);
		this.transitions.runAs(user("another.staff@example.com", "STAFF"),
				() -> this.transitions.on(this.reports.findById(report.getId()).orElseThrow()).sendBack());
		this.transitions.runAs(user(DemoUsers.AUTHOR, "AUTHOR"),
				() -> this.transitions.on(this.reports.findById(report.getId()).orElseThrow()).approve());
		return this.reports.findById(report.getId()).orElseThrow();
	}

	private void sendBackAsSomeoneElse(CaseReport report) {
		this.transitions.runAs(user("another.staff@example.com", "STAFF"),
				() -> this.transitions.on(this.reports.findById(report.getId()).orElseThrow()).sendBack());
	}

	/** What the bulk's row says of a report that moved since the list was shown: a stale version. */
	private String refusalOf(CaseReport report) {
		return "Transition 'sendBack' on CaseReport#" + report.getId() + " expected version " + report.getVersion()
				+ ", but the entity is at version " + stateVersion(report)
				+ ": it changed since it was read; reload it and try again";
	}

	private Long stateVersion(CaseReport report) {
		return this.reports.findById(report.getId()).orElseThrow().getVersion();
	}

	private ReportState stateOf(CaseReport report) {
		return this.reports.findById(report.getId()).orElseThrow().getState();
	}

	// the browser

	private List<Long> rowIds() {
		List<Long> ids = new ArrayList<>();
		((List<?>) js("return Array.from(document.querySelectorAll('input.pick')).map((box) => box.value);"))
			.forEach((id) -> ids.add(Long.valueOf(String.valueOf(id))));
		return ids;
	}

	private void selectBulk(String label) {
		new org.openqa.selenium.support.ui.Select(this.driver.findElement(By.id("bulk-transition"))).selectByVisibleText(label);
	}

	private void desktop() {
		this.driver.manage().window().setSize(new Dimension(1440, 900));
	}

	private Object js(String script) {
		return ((JavascriptExecutor) this.driver).executeScript(script);
	}

	private static String axeSource() {
		try {
			return Files.readString(AXE, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("axe-core is missing: run with -Pbrowser, which installs it from npm", ex);
		}
	}

	private WebDriver browser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("CHROMIUM", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--window-size=1440,900", "--lang=en-GB", "--hide-scrollbars");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(executable("CHROMEDRIVER", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		WebDriver browser = new ChromeDriver(service, options);
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		return browser;
	}

	private static String executable(String variable, String fallback) {
		String value = System.getenv(variable);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void signIn(String name) {
		this.driver.get(url("/login"));
		this.driver.findElement(By.id("username")).sendKeys(name);
		this.driver.findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
		this.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
		waitFor(By.cssSelector(".who"));
	}

	private WebElement waitFor(By element) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(element));
	}

	private void waitUntil(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(this.driver, Duration.ofSeconds(10)).until((ignored) -> condition.getAsBoolean());
	}

	private String text(String css) {
		return this.driver.findElement(By.cssSelector(css)).getText();
	}

	private void screenshot(String name) {
		screenshotInto(SCREENSHOTS, name);
	}

	private void screenshotInto(Path folder, String name) {
		try {
			Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not save the screenshot " + name, ex);
		}
	}

}
