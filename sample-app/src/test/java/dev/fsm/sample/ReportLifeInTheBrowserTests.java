package dev.fsm.sample;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
 * The life of a case report in a real browser (headless Chromium): an author writes and
 * submits it, staff send it back in the workflow console, the author approves, staff publish,
 * the author retracts. At each step the buttons each user sees and the mail sent; screenshots
 * in {@code target/screenshots}. Tagged {@code browser}: {@code ./mvnw -pl sample-app -Pbrowser
 * verify} runs it (Debian's {@code chromium} and {@code chromium-driver}).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReportLifeInTheBrowserTests {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	int port;

	@Autowired
	CaseReportRepository reports;

	@Autowired
	Transitions transitions;

	@BeforeAll
	static void screenshotFolder() throws IOException {
		Files.createDirectories(SCREENSHOTS);
	}

	@Test
	void aReportFromDraftToRetracted() {
		WebDriver author = browser();
		WebDriver staff = browser();
		try {
			// the author signs in with a demo user from the login page
			author.get(url("/reports"));
			assertThat(author.getCurrentUrl()).endsWith("/login");
			assertThat(text(author, "#demo-users + p + table, .users")).contains("author@example.com", "author2@example.com",
					"staff@example.com");
			screenshot(author, "01-login");
			signIn(author, DemoUsers.AUTHOR);
			assertThat(author.findElement(By.tagName("h1")).getText()).isEqualTo("My case reports");
			assertThat(navigation(author)).containsExactly("My reports", "New report", "Outbox");

			// ... writes a draft, edits it and submits it
			author.findElement(By.linkText("New report")).click();
			author.findElement(By.id("title")).sendKeys("Takayasu arteritis in a teenager");
			author.findElement(By.id("body")).sendKeys("A 16-year-old girl presented with arm claudication.");
			screenshot(author, "02-new-report");
			author.findElement(By.cssSelector("form.form button[type=submit]")).click();
			assertThat(flash(author)).isEqualTo("Your draft has been saved. Submit it when it is ready for review.");
			assertThat(state(author)).isEqualTo("Draft");
			assertThat(buttons(author)).containsExactly("Edit", "Submit");
			long id = Long.parseLong(author.getCurrentUrl().replaceAll(".*/reports/", ""));

			author.findElement(By.linkText("Edit")).click();
			WebElement body = author.findElement(By.id("body"));
			body.sendKeys(" Both radial pulses were absent.");
			author.findElement(By.cssSelector("form.form button[type=submit]")).click();
			assertThat(flash(author)).isEqualTo("Your changes have been saved.");
			assertThat(text(author, ".report-body .text")).endsWith("Both radial pulses were absent.");
			screenshot(author, "03-draft");

			click(author, "Submit");
			assertThat(flash(author)).isEqualTo("Submitted for review.");
			assertThat(state(author)).isEqualTo("Processing");
			assertThat(buttons(author)).isEmpty();
			assertThat(text(author, "#actions-title + p")).startsWith("Staff are reviewing this report.");
			screenshot(author, "04-submitted");

			// staff sign in with the demo user's button, find the report in the workflow console,
			// linked from the navigation, and send it back
			staff.get(url("/login"));
			staff.findElement(By.cssSelector("button[aria-label='Sign in as staff@example.com']")).click();
			assertThat(waitFor(staff, By.cssSelector(".who")).getText()).isEqualTo(DemoUsers.STAFF);
			assertThat(navigation(staff)).containsExactly("All reports", "New report", "Outbox", "Workflow console");
			staff.findElement(By.linkText("Workflow console")).click();
			waitFor(staff, By.cssSelector("a[href='#/w/CaseReport.state/s/ADMIN_REVIEW']")).click();
			waitFor(staff, By.cssSelector("a[href='#/w/CaseReport.state/e/" + id + "']")).click();
			waitFor(staff, By.cssSelector("form[aria-label='Send back']"));
			assertThat(consoleButtons(staff)).containsExactly("Edit", "Send back");
			screenshot(staff, "05-console-review");
			staff.findElement(By.cssSelector("form[aria-label='Send back'] button")).click();
			assertThat(waitFor(staff, By.cssSelector("main .message")).getText())
				.isEqualTo("Send back: now Author review\nThe case report has been sent back to its author.");
			assertThat(consoleButtons(staff)).isEmpty();
			screenshot(staff, "06-console-sent-back");

			// the author got a mail, and may now edit, submit again or approve
			author.findElement(By.linkText("Outbox")).click();
			assertThat(mailSubjects(author)).containsExactly("Your case report was sent back: Takayasu arteritis in a teenager");
			assertThat(text(author, ".mail .text")).endsWith("\n" + url("/reports/" + id));
			screenshot(author, "07-outbox");
			author.get(url("/reports/" + id));
			assertThat(state(author)).isEqualTo("Author review");
			assertThat(buttons(author)).containsExactly("Edit", "Submit", "Approve");
			screenshot(author, "08-author-review");
			click(author, "Approve");
			assertThat(flash(author))
				.isEqualTo("Thank you for approving your Case Report. We will contact you when it goes live.");
			assertThat(state(author)).isEqualTo("Processing");
			assertThat(buttons(author)).isEmpty();

			// staff got the approval by mail, and publish it in the console
			staff.get(url("/outbox"));
			assertThat(mailSubjects(staff)).contains("Approved by its author: Takayasu arteritis in a teenager");
			staff.get(url("/fsm#/w/CaseReport.state/e/" + id));
			waitFor(staff, By.cssSelector("form[aria-label='Publish']"));
			assertThat(consoleButtons(staff)).containsExactly("Edit", "Publish", "Send back");
			staff.findElement(By.cssSelector("form[aria-label='Publish'] button")).click();
			// publishing asks first (the transition's confirm property)
			waitFor(staff, By.xpath("//div[@class='confirm']//button[normalize-space()='Yes, publish']")).click();
			assertThat(waitFor(staff, By.cssSelector("main .message")).getText())
				.isEqualTo("Publish: now Live\nThe case report is live.");

			// the author hears that it is live, and retracts it
			author.findElement(By.linkText("Outbox")).click();
			assertThat(mailSubjects(author)).containsExactly("Your case report is live: Takayasu arteritis in a teenager",
					"Your case report was sent back: Takayasu arteritis in a teenager");
			author.get(url("/reports/" + id));
			assertThat(state(author)).isEqualTo("Live");
			assertThat(buttons(author)).containsExactly("Retract");
			screenshot(author, "09-live");
			click(author, "Retract");
			assertThat(flash(author)).isEqualTo("The case report has been retracted.");
			assertThat(state(author)).isEqualTo("Retracted");
			assertThat(buttons(author)).containsExactly("Edit");
			assertThat(author.findElements(By.cssSelector(".timeline li .what strong")).stream().map(WebElement::getText))
				.containsExactly("Retract", "Publish", "Approve", "Send back", "Submit", "Edit");
			screenshot(author, "10-retracted");
			author.manage().window().setSize(new Dimension(390, 844));
			screenshot(author, "13-phone-width");

			CaseReport report = this.reports.findById(id).orElseThrow();
			assertThat(report.getState()).isEqualTo(ReportState.RETRACTED);
			assertThat(this.transitions.history(report)).extracting("actor")
				.containsExactly(DemoUsers.AUTHOR, DemoUsers.STAFF, DemoUsers.AUTHOR, DemoUsers.STAFF, DemoUsers.AUTHOR,
						DemoUsers.AUTHOR);
		}
		finally {
			author.quit();
			staff.quit();
		}
	}

	@Test
	void aStalePageShowsTheConflictMessageOnTheReportsPageAndInTheConsole() {
		CaseReport onThePage = submitted("Moved while on the page");
		CaseReport inTheConsole = submitted("Moved while in the console");
		WebDriver staff = browser();
		try {
			signIn(staff, DemoUsers.STAFF);
			staff.get(url("/reports/" + onThePage.getId()));
			assertThat(buttons(staff)).containsExactly("Edit", "Send back");
			sendBackAsSomeoneElse(onThePage);
			click(staff, "Send back");
			assertThat(problem(staff)).isEqualTo("Someone else changed this case report while you were looking at it;"
					+ " it is now Author review. Nothing was changed: check the report as it is now and try again.");
			assertThat(state(staff)).isEqualTo("Author review");
			assertThat(buttons(staff)).isEmpty();
			screenshot(staff, "11-stale-page");

			staff.get(url("/fsm#/w/CaseReport.state/e/" + inTheConsole.getId()));
			waitFor(staff, By.cssSelector("form[aria-label='Send back']"));
			sendBackAsSomeoneElse(inTheConsole);
			staff.findElement(By.cssSelector("form[aria-label='Send back'] button")).click();
			assertThat(waitFor(staff, By.cssSelector("main .problem")).getText())
				.startsWith("Someone else changed this meanwhile")
				.endsWith("The page now shows it as it is.");
			assertThat(consoleButtons(staff)).isEmpty();
			screenshot(staff, "12-stale-console");

			// an unknown report is a page that says so
			staff.get(url("/reports/987654"));
			assertThat(text(staff, "h1")).isEqualTo("Not found");
			assertThat(text(staff, "main .card")).isEqualTo("There is no such page or case report.");

			assertThat(this.transitions.history(this.reports.findById(inTheConsole.getId()).orElseThrow()))
				.extracting("actor")
				.containsExactly("another.staff@example.com", DemoUsers.AUTHOR);
		}
		finally {
			staff.quit();
		}
	}

	@Test
	void theConsoleShowsTheRulesOfTheArgumentsNextToTheirFields() {
		CaseReport report = submitted("Checked in the console");
		WebDriver staff = browser();
		try {
			signIn(staff, DemoUsers.STAFF);
			staff.get(url("/fsm#/w/CaseReport.state/e/" + report.getId()));
			WebElement title = waitFor(staff, By.cssSelector("form[aria-label='Edit'] input[name='title']"));
			title.clear();
			title.sendKeys(" ");
			staff.findElement(By.cssSelector("form[aria-label='Edit'] button")).click();
			WebElement error = waitFor(staff, By.cssSelector("form[aria-label='Edit'] .field-error"));
			assertThat(error.getText()).isEqualTo("A case report needs a title.");
			assertThat(title.getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(title.getAttribute("aria-describedby")).isEqualTo(error.getAttribute("id"));
			screenshot(staff, "16-console-field-error");
			CaseReport saved = this.reports.findById(report.getId()).orElseThrow();
			assertThat(List.of(saved.getTitle(), saved.getVersion())).containsExactly("Checked in the console", 1L);

			title.clear();
			title.sendKeys("Checked and retitled");
			staff.findElement(By.cssSelector("form[aria-label='Edit'] button")).click();
			assertThat(waitFor(staff, By.cssSelector("main .message")).getText()).startsWith("Edit: now Processing");
			assertThat(this.reports.findById(report.getId()).orElseThrow().getTitle()).isEqualTo("Checked and retitled");
		}
		finally {
			staff.quit();
		}
	}

	/**
	 * A page on another site (another host and port) posts a {@code text/plain} form whose body
	 * looks like JSON to a transition, while the author is signed in and while her browser sends
	 * Basic credentials too: the browser marks it cross-site, the sample asks it for the CSRF
	 * token it cannot have, and nothing is fired.
	 */
	@Test
	void aCrossSiteFormPostFiresNothing() throws IOException {
		CaseReport report = this.reports.save(new CaseReport("Not yours to submit", "Findings", DemoUsers.AUTHOR));
		String target = url("/api/workflows/CaseReport.state/" + report.getId() + "/transitions/submit");
		HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		attacker.createContext("/", (exchange) -> {
			byte[] page = ("<!DOCTYPE html><html><body><h1>Win a prize</h1>"
					+ "<form id=\"f\" method=\"POST\" enctype=\"text/plain\" action=\"" + target + "\">"
					+ "<input type=\"hidden\" name='{\"x\": \"' value='\"}'></form>"
					+ "<script>document.getElementById('f').submit();</script></body></html>")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(page);
			}
		});
		attacker.start();
		String prize = "http://127.0.0.1:" + attacker.getAddress().getPort() + "/";
		ChromeDriver author = (ChromeDriver) browser();
		try {
			signIn(author, DemoUsers.AUTHOR);
			author.get(prize);
			new WebDriverWait(author, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(target));
			screenshot(author, "14-cross-site-form-session");
			assertThat(text(author, "h1")).isEqualTo("Not for you"); // 403: no CSRF token
			assertNothingFired(report);

			// the same with Basic credentials the browser adds to every request, as cached ones are
			author.executeCdpCommand("Network.enable", Map.of());
			author.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((DemoUsers.AUTHOR + ":" + DemoUsers.PASSWORD)
						.getBytes(StandardCharsets.UTF_8)))));
			author.get(prize);
			new WebDriverWait(author, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(target));
			screenshot(author, "15-cross-site-form-basic");
			// 403: Basic credentials skip the token only when the browser does not say cross-site
			// (let through, the API would answer 415 for the text/plain body)
			assertThat(text(author, "h1")).isEqualTo("Not for you");
			assertNothingFired(report);
		}
		finally {
			author.quit();
			attacker.stop(0);
		}
	}

	private void assertNothingFired(CaseReport report) {
		CaseReport saved = this.reports.findById(report.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getVersion())).containsExactly(ReportState.DRAFT, 0L);
		assertThat(this.transitions.history(saved)).isEmpty();
	}

	private CaseReport submitted(String title) {
		CaseReport report = this.reports.save(new CaseReport(title, "Findings", DemoUsers.AUTHOR));
		this.transitions.runAs(user(DemoUsers.AUTHOR, "AUTHOR"), () -> this.transitions.on(report).submit());
		return report;
	}

	private void sendBackAsSomeoneElse(CaseReport report) {
		this.transitions.runAs(user("another.staff@example.com", "STAFF"),
				() -> this.transitions.on(this.reports.findById(report.getId()).orElseThrow()).sendBack());
	}

	// the browser

	private WebDriver browser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("CHROMIUM", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--window-size=1280,1100", "--lang=en-GB");
		// a driver service each: quitting a driver stops its service
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(executable("CHROMEDRIVER", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return driver;
	}

	private static String executable(String variable, String fallback) {
		String value = System.getenv(variable);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void signIn(WebDriver driver, String name) {
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(name);
		driver.findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
		driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
		waitFor(driver, By.cssSelector(".who"));
	}

	private static WebElement waitFor(WebDriver driver, By element) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(element));
	}

	private static String text(WebDriver driver, String css) {
		return driver.findElement(By.cssSelector(css)).getText();
	}

	private static List<String> navigation(WebDriver driver) {
		return driver.findElements(By.cssSelector(".nav a")).stream().map(WebElement::getText).toList();
	}

	private static String flash(WebDriver driver) {
		return text(driver, ".flash.ok");
	}

	private static String problem(WebDriver driver) {
		return text(driver, ".flash.problem");
	}

	private static String state(WebDriver driver) {
		return text(driver, ".heading .badge");
	}

	/** The buttons and links of "What you can do" on a report's page. */
	private static List<String> buttons(WebDriver driver) {
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		try {
			return driver.findElements(By.cssSelector(".buttons .button, .buttons button")).stream().map(WebElement::getText).toList();
		}
		finally {
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		}
	}

	private static void click(WebDriver driver, String button) {
		driver.findElement(By.xpath("//div[@class='buttons']//button[normalize-space()='" + button + "']")).click();
	}

	private static List<String> consoleButtons(WebDriver driver) {
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		try {
			return driver.findElements(By.cssSelector("main .actions form button")).stream().map(WebElement::getText).toList();
		}
		finally {
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		}
	}

	private static List<String> mailSubjects(WebDriver driver) {
		return driver.findElements(By.cssSelector(".mail h2")).stream().map(WebElement::getText).toList();
	}

	private static void screenshot(WebDriver driver, String name) {
		try {
			Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not save the screenshot " + name, ex);
		}
	}

}
