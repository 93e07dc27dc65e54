package org.rialto.node.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.DEALER;
import static org.rialto.node.Participants.IR_CB;
import static org.rialto.node.Participants.RU_CB;
import static org.rialto.node.Participants.TEHRAN;
import static org.rialto.node.Participants.VOLGA;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rialto.node.Node;
import org.rialto.node.TestOperators;
import org.rialto.node.config.ConfigLoader;

/**
 * The console in a real headless Chromium against two real nodes (RUB and IRR) on loopback:
 * domestic payments settled, queued and rejected, a cross-border payment through an FX provider,
 * a day close; then an operator's walk through every page. Screenshots of each page land in
 * {@code target/console-screenshots/} for review.
 */
class ConsoleBrowserTest {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  static final ObjectMapper JSON = new ObjectMapper();
  /** Fresh browser profiles this test made, removed when it ends. */
  static final java.util.Queue<Path> PROFILES = new java.util.concurrent.ConcurrentLinkedQueue<>();

  static final String NEVA = "NEVARUMM";

  @TempDir Path dir;
  Node ru;
  Node ir;
  WebDriver browser;
  final HttpClient http = org.rialto.node.TestPki.operatorClient().build();

  /** Real time, shifted to a Monday morning and moved forward by hand so the chart has hours. */
  static final class ShiftedClock extends Clock {
    final AtomicLong offsetMillis;

    ShiftedClock(Instant start) {
      offsetMillis = new AtomicLong(start.toEpochMilli() - System.currentTimeMillis());
    }

    void advanceMinutes(long minutes) {
      offsetMillis.addAndGet(minutes * 60_000);
    }

    @Override
    public long millis() {
      return System.currentTimeMillis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  // Monday 2026-11-23 05:30 UTC: 08:30 in Moscow, 09:00 in Tehran; both open.
  final ShiftedClock clock = new ShiftedClock(Instant.parse("2026-11-23T05:30:00Z"));

  static int freePort() throws Exception {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  Path yaml(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  int ruOperatorPort;
  int irOperatorPort;

  void startNodes() throws Exception {
    int ruPort = freePort();
    int irPort = freePort();
    ruOperatorPort = freePort();
    irOperatorPort = freePort();
    ru = Node.start(ConfigLoader.load(yaml("ru.yaml", """
        node: RU-NODE
        currency: {code: RUB, minorUnits: 2}
        centralBank: CBRURUMM
        listen: {host: 127.0.0.1, port: %d}
        operatorListen: {host: 127.0.0.1, port: %d}
        store: {url: '%s'}
        calendar: {zone: Europe/Moscow, weekendDays: [SATURDAY, SUNDAY], openTime: '07:00', cutOffTime: '21:00'}
        participants:
          - {bic: CBRURUMM, name: 'Bank of Russia', country: RU, creditLine: '0', openingBalance: '0'}
          - {bic: VOLGRUMM, name: 'Volga Bank', country: RU, creditLine: '50000.00', openingBalance: '1000000.00'}
          - {bic: NEVARUMM, name: 'Neva Bank', country: RU, creditLine: '0', openingBalance: '100.00'}
          - {bic: DLRXRUMM, name: 'Dealer Bank', country: RU, creditLine: '0', openingBalance: '0'}
        peers:
          - node: IR-NODE
            url: https://127.0.0.1:%d
            currency: {code: IRR, minorUnits: 0}
            bics: [IR]
            consoleUrl: https://127.0.0.1:%d
        fxProviders: [DLRXRUMM]
        decisionWindowSeconds: 10
        screening: {lists: [UN]}
        %s
        %s""".formatted(ruPort, ruOperatorPort, dir.resolve("ru.db"), irPort, irOperatorPort, operators(),
        org.rialto.node.TestPki.yaml("RU-NODE", java.util.List.of("IR-NODE"))))), clock);
    ir = Node.start(ConfigLoader.load(yaml("ir.yaml", """
        node: IR-NODE
        currency: {code: IRR, minorUnits: 0}
        centralBank: CBIRIRTH
        listen: {host: 127.0.0.1, port: %d}
        operatorListen: {host: 127.0.0.1, port: %d}
        store: {url: '%s'}
        calendar: {zone: Asia/Tehran, weekendDays: [FRIDAY], openTime: '07:30', cutOffTime: '17:00', solarHijri: true}
        participants:
          - {bic: CBIRIRTH, name: 'Central Bank of Iran', country: IR, creditLine: '0', openingBalance: '0'}
          - {bic: TEHRIRTH, name: 'Tehran Bank', country: IR, creditLine: '0', openingBalance: '0'}
          - {bic: DLRXRUMM, name: 'Dealer Bank', country: RU, creditLine: '0', openingBalance: '100000000000'}
        peers:
          - node: RU-NODE
            url: https://127.0.0.1:%d
            currency: {code: RUB, minorUnits: 2}
            bics: [RU]
        fxProviders: [DLRXRUMM]
        decisionWindowSeconds: 10
        %s
        %s""".formatted(irPort, irOperatorPort, dir.resolve("ir.db"), ruPort, operators(),
        org.rialto.node.TestPki.yaml("IR-NODE", java.util.List.of("RU-NODE"))))), clock);
  }

  /** The test operators, without the listener line (each node's listener is set above). */
  static String operators() {
    return TestOperators.yaml().lines().filter(l -> !l.startsWith("operatorListen"))
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  /** An operator's API session on a node's operator listener (bearer token). */
  String signIn(Node node, String name) throws Exception {
    var r = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.operatorPort() + "/v1/admin/session"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"name\":\"" + name + "\",\"password\":\"" + TestOperators.PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("token").asText();
  }

  JsonNode admin(Node node, String token, String path, String body) throws Exception {
    var r = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.operatorPort() + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " " + r.body()).isLessThan(300);
    return JSON.readTree(r.body());
  }

  java.util.concurrent.CompletableFuture<WebDriver> browserStarting;

  @AfterEach
  void stop() throws Exception {
    if (browser == null && browserStarting != null) {
      try {
        browser = browserStarting.join();
      } catch (RuntimeException | Error e) {
        // Already reported by the test if it got that far; nothing to quit.
      }
    }
    if (browser != null) browser.quit();
    for (Path profile; (profile = PROFILES.poll()) != null; ) removeProfile(profile);
    banks.values().forEach(org.rialto.node.Http::close);
    if (ru != null) ru.close();
    if (ir != null) ir.close();
  }

  /**
   * Chromium's helper processes may still write to the profile for a moment after quit() returns,
   * so removal is retried a few times; a profile that survives is reported, not fatal.
   */
  static void removeProfile(Path profile) throws InterruptedException {
    for (int attempt = 0; attempt < 10 && Files.exists(profile); attempt++) {
      Thread.sleep(200);
      try {
        deleteTree(profile);
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        // Still being written: the next attempt gets it.
      }
    }
    if (Files.exists(profile)) System.err.println("console test: could not remove browser profile " + profile);
  }

  static void deleteTree(Path root) throws java.io.IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  final java.util.Map<Node, org.rialto.node.Http> banks = new java.util.HashMap<>();

  /** Each bank through its own mutual-TLS, signing client. */
  org.rialto.node.Http banks(Node node) {
    return banks.computeIfAbsent(node, n -> new org.rialto.node.Http(n.port(), n.config().node()));
  }

  JsonNode post(Node node, String bic, String path, String body) throws Exception {
    var r = banks(node).client(bic).post(path, body);
    assertThat(r.status()).as(path + " " + r.text()).isLessThan(300);
    return JSON.readTree(r.text());
  }

  String stateOf(Node node, String bic, String uetr) throws Exception {
    var r = banks(node).client(bic).get("/v1/payments/" + uetr);
    return r.status() == 200 ? JSON.readTree(r.text()).get("state").asText() : "ABSENT";
  }

  JsonNode pay(String uetr, String debtor, String creditor, String amount, String quoteId) throws Exception {
    return pay(uetr, debtor, creditor, amount, quoteId, "Tehran Power Plant");
  }

  JsonNode pay(String uetr, String debtor, String creditor, String amount, String quoteId, String creditorName) throws Exception {
    return post(ru, debtor, "/v1/payments", "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + debtor + "\",\"creditorAgent\":\""
        + creditor + "\",\"amount\":\"" + amount + "\",\"currency\":\"RUB\"" + (quoteId == null ? "" : ",\"quoteId\":\"" + quoteId + "\"")
        + ",\"debtor\":{\"name\":\"Volga Energy\"},\"creditor\":{\"name\":\"" + creditorName + "\"}}").get("payments").get(0);
  }

  static WebDriver chromium() {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      throw new AssertionError("The console browser test needs Debian's Chromium and its driver at " + CHROMIUM + " and "
          + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
    }
    // An explicit driver path keeps Selenium Manager from trying to download one.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    // The console is HTTPS with the node's certificate from a test CA the browser profile does not hold.
    options.setAcceptInsecureCerts(true);
    Path profile;
    try {
      profile = Files.createTempDirectory("rialto-console-chromium");
      PROFILES.add(profile);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1366,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    var service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File(CHROMEDRIVER)).build();
    var driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /**
   * Generous: on a loaded CI machine a page that fetches from the peer node may take seconds, and
   * a wait that passes costs nothing more. A wait that fails says what the browser showed.
   */
  WebDriverWait waiting() {
    var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.withMessage(() -> {
      try {
        String body = browser.findElement(By.tagName("body")).getText();
        return "the browser was at " + browser.getCurrentUrl() + " showing: " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
      } catch (RuntimeException e) {
        return "the browser could not tell where it was: " + e;
      }
    });
    return wait;
  }

  void open(Node node, String path) {
    browser.get("https://127.0.0.1:" + node.operatorPort() + path);
  }

  /** Signs in through the console's form (a new session, with its own cookie and CSRF token). */
  void signInWithBrowser(Node node, String name) {
    open(node, "/console/");
    waiting().until(d -> d.getCurrentUrl().contains("/console/login"));
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(TestOperators.PASSWORD);
    browser.findElement(By.cssSelector("#login button")).click();
    waiting().until(d -> !d.getCurrentUrl().contains("/console/login"));
    assertThat(text("#who")).contains(name);
  }

  void signOut() {
    browser.findElement(By.id("logout")).click();
    waiting().until(d -> d.getCurrentUrl().contains("/console/login"));
  }

  /**
   * A whole-page PNG. Headless Chromium's window cannot grow past its virtual screen, so the page
   * is captured beyond the viewport through the DevTools protocol (via chromedriver, no download).
   */
  @SuppressWarnings("unchecked")
  void screenshot(String name) throws Exception {
    var driver = (ChromeDriver) browser;
    var metrics = driver.executeCdpCommand("Page.getLayoutMetrics", java.util.Map.of());
    var size = (java.util.Map<String, Object>) metrics.get("cssContentSize");
    double width = ((Number) size.get("width")).doubleValue();
    double height = Math.min(((Number) size.get("height")).doubleValue(), 6_000);
    var shot = driver.executeCdpCommand("Page.captureScreenshot", java.util.Map.of("format", "png",
        "captureBeyondViewport", true, "clip", java.util.Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
  }

  String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  @Test
  void operatorWalksThroughEveryPage() throws Exception {
    // Chromium starts while the nodes start and the traffic runs: on a busy 2-core machine each
    // takes seconds. A missing browser still fails the test, with the message from chromium().
    browserStarting = java.util.concurrent.CompletableFuture.supplyAsync(ConsoleBrowserTest::chromium);
    startNodes();
    assertThat(post(ru, DEALER, "/v1/fx/rates", "{\"targetCurrency\":\"IRR\",\"rate\":\"520.5\"}").toString()).contains("rate");

    // Traffic over a few hours of the morning.
    String firstSettled = null;
    for (int hour = 0; hour < 3; hour++) {
      for (int i = 0; i < 2 + hour * 2; i++) {
        String uetr = UUID.randomUUID().toString();
        assertThat(pay(uetr, VOLGA, NEVA, "1234.56", null).get("state").asText()).isEqualTo("SETTLED");
        if (firstSettled == null) firstSettled = uetr;
      }
      clock.advanceMinutes(60);
    }
    String queued = UUID.randomUUID().toString();
    assertThat(pay(queued, NEVA, VOLGA, "5000000.00", null).get("state").asText()).isEqualTo("QUEUED");
    String rejected = UUID.randomUUID().toString();
    var r = pay(rejected, VOLGA, "NOPERUMM", "10.00", null);
    assertThat(r.get("state").asText()).isEqualTo("REJECTED");
    String reason = r.get("reasonCode").asText();
    // A name on the UN Security Council consolidated list: held for operators.
    String held = UUID.randomUUID().toString();
    assertThat(pay(held, VOLGA, NEVA, "77.00", null, "Mahfouz Ould al-Walid").get("state").asText()).isEqualTo("HELD");
    String heldToReject = UUID.randomUUID().toString();
    assertThat(pay(heldToReject, VOLGA, NEVA, "88.00", null, "Mahfouz Ould al-Walid").get("state").asText()).isEqualTo("HELD");

    var quote = post(ru, VOLGA, "/v1/quotes", "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"1000.00\"}").get("quotes").get(0);
    String cross = UUID.randomUUID().toString();
    pay(cross, VOLGA, TEHRAN, "1000.00", quote.get("quoteId").asText());
    long deadline = System.currentTimeMillis() + 10_000;
    while (!stateOf(ru, VOLGA, cross).equals("SETTLED") && System.currentTimeMillis() < deadline) Thread.sleep(25);
    assertThat(stateOf(ru, VOLGA, cross)).isEqualTo("SETTLED");
    assertThat(stateOf(ir, TEHRAN, cross)).isEqualTo("SETTLED");
    admin(ru, signIn(ru, TestOperators.SUPERVISOR), "/v1/admin/day-close", "{\"businessDate\":\"2026-11-23\"}");

    try {
      browser = browserStarting.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }

    // Without a session every page sends the browser to the sign-in form; a wrong password stays there.
    open(ru, "/console/payments");
    waiting().until(d -> d.getCurrentUrl().contains("/console/login"));
    browser.findElement(By.id("name")).sendKeys(TestOperators.OPERATOR);
    browser.findElement(By.id("password")).sendKeys("not the password at all");
    browser.findElement(By.cssSelector("#login button")).click();
    waiting().until(d -> !d.findElements(By.id("login-error")).isEmpty());
    assertThat(text("#login-error")).contains("wrong operator name or password");
    screenshot("00-sign-in");
    signInWithBrowser(ru, TestOperators.OPERATOR);

    // Dashboard.
    open(ru, "/console/");
    assertThat(browser.getTitle()).contains("Dashboard").contains("RU-NODE");
    assertThat(browser.findElements(By.cssSelector("#liquidity-chart polyline.balance"))).hasSize(4);
    assertThat(text("#liquidity-legend")).contains(VOLGA, NEVA);
    assertThat(text("#settled-count .value")).isEqualTo("13"); // 2 + 4 + 6 domestic, 1 cross-border
    assertThat(text("#settled-value .value")).isEqualTo("15,814.72"); // 12 × 1,234.56 + 1,000.00
    assertThat(text("#queued .value")).isEqualTo("1");
    assertThat(text("#rejected .value")).isEqualTo("1");
    assertThat(text("#held .value")).isEqualTo("2");
    assertThat(browser.findElements(By.cssSelector("#throughput rect.settled"))).hasSizeGreaterThanOrEqualTo(3);
    assertThat(text("#liquidity")).contains("Volga Bank", VOLGA, "984,185.28", "50,000.00");
    assertThat(text("#peers")).contains("IR-NODE", "up");
    assertThat(text("#positions")).contains(DEALER, "IRR", "520,500");
    screenshot("01-dashboard");

    // Payments: htmx filters as the operator types, without a page load.
    open(ru, "/console/payments");
    ((JavascriptExecutor) browser).executeScript("window.rialtoSamePage = true");
    assertThat(browser.findElements(By.cssSelector("#payment-list tr"))).hasSize(18); // header + 17 payments
    browser.findElement(By.id("uetr")).sendKeys(cross.substring(0, 13));
    waiting().until(d -> d.findElements(By.cssSelector("#payment-list tr")).size() == 2);
    assertThat(text("#payment-list")).contains(cross, "1,000.00 RUB", "SETTLED");
    assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("return window.rialtoSamePage === true")).isTrue();
    assertThat(browser.getCurrentUrl()).contains("uetr=");
    browser.findElement(By.id("uetr")).clear();
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("state"))).selectByVisibleText("QUEUED");
    waiting().until(d -> d.findElement(By.id("results")).getText().contains(queued));
    assertThat(browser.findElements(By.cssSelector("#payment-list tr"))).hasSize(2);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("state"))).selectByVisibleText("any");
    browser.findElement(By.id("amount")).sendKeys("1,234.56");
    waiting().until(d -> d.findElements(By.cssSelector("#payment-list tr")).size() == 13);
    browser.findElement(By.id("amount")).clear();
    browser.findElement(By.id("bank")).sendKeys("TEHR");
    waiting().until(d -> d.findElements(By.cssSelector("#payment-list tr")).size() == 2);
    screenshot("02-payments-search");

    // The cross-border payment's page: history, both legs, the quote, the bank messages.
    browser.findElement(By.linkText(cross)).click();
    waiting().until(d -> d.getCurrentUrl().endsWith("/console/payments/" + cross));
    assertThat(browser.findElements(By.cssSelector("#history li"))).hasSizeGreaterThanOrEqualTo(2);
    assertThat(text("#history")).contains("RECEIVED", "SETTLED");
    // Its whole life on both nodes: IR-NODE's steps fetched from IR-NODE, merged in time order.
    assertThat(browser.findElements(By.cssSelector("#history li[data-node='IR-NODE']"))).isNotEmpty();
    assertThat(text("#history")).contains("History on RU-NODE and IR-NODE", "decided-committed");
    assertThat(text("#iso-messages")).contains("received from node:RU-NODE", "pacs.008.001.08");
    assertThat(text("#cross-border")).contains(DEALER, "520.5", "IR-NODE", "520,500 IRR", "1,000.00 RUB",
        quote.get("quoteId").asText());
    assertThat(text("#messages")).contains(VOLGA, "view XML");
    screenshot("03-payment-cross-border");
    browser.findElement(By.linkText("this payment on IR-NODE")).click();
    // The peer's console has its own operators: its sign-in page, or the payment when signed in already.
    waiting().until(d -> d.getCurrentUrl().contains(":" + ir.operatorPort() + "/console/login")
        || d.getCurrentUrl().contains(":" + ir.operatorPort() + "/console/payments/" + cross));
    if (browser.getCurrentUrl().contains("/console/login")) {
      waiting().until(d -> !d.findElements(By.cssSelector("#login button")).isEmpty());
      browser.findElement(By.id("name")).sendKeys(TestOperators.VIEWER);
      browser.findElement(By.id("password")).sendKeys(TestOperators.PASSWORD);
      browser.findElement(By.cssSelector("#login button")).click();
    }
    waiting().until(d -> d.getCurrentUrl().contains(":" + ir.operatorPort() + "/console/payments/" + cross));
    assertThat(text("#cross-border")).contains("received from RU-NODE".toUpperCase().isEmpty() ? "" : "RU-NODE");
    assertThat(text("#history")).contains("SETTLED");
    screenshot("04-payment-on-receiving-node");
    open(ru, "/console/payments/" + cross);
    browser.findElements(By.linkText("view XML")).get(0).click();
    waiting().until(d -> d.getCurrentUrl().contains("/console/messages/"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("As the bank received it", "urn:iso:std:iso:20022", cross);
    screenshot("05-bank-message-xml");

    open(ru, "/console/payments/" + rejected);
    assertThat(text("#payment")).contains("REJECTED", reason);
    open(ru, "/console/payments/" + queued);
    assertThat(text("#payment")).contains("QUEUED", "5,000,000.00 RUB");

    // Participants, FX, calendar, audit.
    open(ru, "/console/participants");
    assertThat(text("#liquidity")).contains("Bank of Russia", "central bank", "FX provider");
    assertThat(text("#turnover")).contains(VOLGA);
    screenshot("06-participants");
    open(ru, "/console/fx");
    assertThat(text("#rates")).contains("RUB → IRR", "520.5");
    assertThat(text("#positions")).contains(DEALER);
    screenshot("07-fx");
    open(ru, "/console/calendar");
    assertThat(browser.findElements(By.cssSelector("#days tr"))).hasSize(15);
    assertThat(text("#days")).contains("2026-11-23", "2026-12-06", "weekend").doesNotContain("Azar");
    screenshot("08-calendar-ru");
    open(ir, "/console/calendar");
    assertThat(text("header.top .dates")).contains("2 Azar 1405");
    assertThat(text("#days")).contains("2 Azar 1405", "Friday", "weekend");
    screenshot("09-calendar-ir-solar-hijri");
    open(ir, "/console/");
    assertThat(text("#settled-value .value")).isEqualTo("520,500");
    screenshot("10-dashboard-ir");
    open(ru, "/console/audit");
    assertThat(text("#snapshots")).contains("2026-11-23", VOLGA, "984,185.28");
    browser.findElement(By.id("check-invariants")).click();
    waiting().until(d -> !d.findElements(By.id("invariants-ok")).isEmpty());
    assertThat(text("#invariants")).contains("all invariants hold");
    screenshot("11-audit");

    // The held payment: its case with the evidence, on the case list and on the payment's page.
    browser.findElement(By.linkText("Compliance cases")).click();
    waiting().until(d -> d.getCurrentUrl().endsWith("/console/compliance"));
    assertThat(text("#open-cases")).contains(held, "UN");
    assertThat(text("main")).contains("two different people");
    screenshot("12-compliance-cases");
    browser.findElement(By.linkText(held)).click();
    waiting().until(d -> d.getCurrentUrl().endsWith("/console/payments/" + held));
    assertThat(text("#payment")).contains("HELD", "77.00 RUB");
    assertThat(text("#screening")).contains("UN", "awaiting operators");
    screenshot("13-payment-held");

    // Four eyes from the browser: the operator approves the release; the payment stays held.
    browser.findElement(By.id("release-reason")).sendKeys("namesake: a company, documents checked");
    browser.findElement(By.id("release")).click();
    waiting().until(d -> !d.findElements(By.id("done")).isEmpty());
    assertThat(text("#done")).contains("second operator must confirm");
    assertThat(text("#awaiting-second")).contains("second operator");
    assertThat(browser.findElements(By.id("release"))).as("the approver is offered no confirmation").isEmpty();
    assertThat(stateOf(ru, VOLGA, held)).isEqualTo("HELD");
    screenshot("14-release-approved-awaiting-second");
    // The same operator rejects another held payment on his own: rejecting takes one person.
    open(ru, "/console/payments/" + heldToReject);
    browser.findElement(By.id("reject-reason")).sendKeys("true match against the UN list");
    browser.findElement(By.id("reject")).click();
    waiting().until(d -> !d.findElements(By.id("done")).isEmpty());
    assertThat(stateOf(ru, VOLGA, heldToReject)).isEqualTo("REJECTED");
    assertThat(text("#payment")).contains("REJECTED", "RR04");
    screenshot("15-case-rejected");
    // An operator may not propose credit lines: the form is not there for him.
    open(ru, "/console/participants");
    assertThat(browser.findElements(By.id("credit-line-form"))).isEmpty();

    // A second person in a second session: a supervisor confirms the release, then proposes a credit line.
    signOut();
    signInWithBrowser(ru, TestOperators.SUPERVISOR);
    open(ru, "/console/payments/" + held);
    assertThat(text("#release-form")).contains("approved by " + TestOperators.OPERATOR);
    browser.findElement(By.id("release-reason")).sendKeys("confirmed: namesake");
    browser.findElement(By.id("release")).click();
    waiting().until(d -> !d.findElements(By.id("done")).isEmpty());
    assertThat(text("#done")).contains("Released");
    long settleBy = System.currentTimeMillis() + 5_000;
    while (!stateOf(ru, VOLGA, held).equals("SETTLED") && System.currentTimeMillis() < settleBy) Thread.sleep(25);
    assertThat(stateOf(ru, VOLGA, held)).isEqualTo("SETTLED");
    screenshot("16-release-confirmed");
    open(ru, "/console/participants");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("cl-bic"))).selectByValue(NEVA);
    browser.findElement(By.id("cl-amount")).sendKeys("2500.00");
    screenshot("17-participants-propose-credit-line");
    browser.findElement(By.id("propose-credit-line")).click();
    waiting().until(d -> d.getCurrentUrl().contains("/console/changes"));
    assertThat(text("#done")).contains("another operator must approve");
    assertThat(text("#pending-changes")).contains(NEVA, "0.00 RUB → 2,500.00 RUB", "yours");
    assertThat(browser.findElements(By.cssSelector("#pending-changes button.approve"))).as("no approving one's own change").isEmpty();
    screenshot("18-change-pending");

    // Another supervisor approves; only now does the credit line change.
    signOut();
    signInWithBrowser(ru, TestOperators.SUPERVISOR_2);
    open(ru, "/console/changes");
    browser.findElement(By.cssSelector("#pending-changes button.approve")).click();
    waiting().until(d -> !d.findElements(By.id("done")).isEmpty());
    assertThat(text("#done")).contains("Approved and applied");
    assertThat(text("#decided-changes")).contains(NEVA, "applied", TestOperators.SUPERVISOR, TestOperators.SUPERVISOR_2);
    screenshot("19-change-approved");
    open(ru, "/console/participants");
    assertThat(text("#liquidity")).contains("2,500.00");
    open(ru, "/console/audit");
    assertThat(text("#audit-trail")).contains("case.release.approve", "case.release.confirm", "case.reject", "change.propose",
        "change.approve", "operator.login", "operator.login.refused", TestOperators.OPERATOR, TestOperators.SUPERVISOR_2);
    screenshot("20-audit-trail");
    assertThat(browser.findElements(By.linkText("Operators"))).as("only administrators manage operators").isEmpty();
    signOut();
    signInWithBrowser(ru, TestOperators.ADMINISTRATOR);
    browser.findElement(By.linkText("Operators")).click();
    waiting().until(d -> d.getCurrentUrl().endsWith("/console/operators"));
    assertThat(text("#operators")).contains(TestOperators.OPERATOR, "active");
    screenshot("21-operators");

    // Hostile input is shown as text, never as markup.
    open(ru, "/console/payments?bank=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    WebElement bank = browser.findElement(By.id("bank"));
    assertThat(bank.getAttribute("value")).isEqualTo("<script>alert(1)</script>");
    assertThat(text("#results")).contains("No payment matches");
    // An operator's "_" or "%" is a character, not a LIKE wildcard.
    open(ru, "/console/payments?bank=VOLG_UMM");
    assertThat(text("#results")).contains("No payment matches");
    open(ru, "/console/payments?bank=VOLG");
    assertThat(browser.findElements(By.cssSelector("#payment-list tr"))).hasSizeGreaterThan(10);
    open(ru, "/console/payments/not-a-uetr");
    assertThat(browser.getPageSource()).contains("not a UETR");
  }
}
