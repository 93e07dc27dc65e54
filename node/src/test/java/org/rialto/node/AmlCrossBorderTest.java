package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.DEALER;
import static org.rialto.node.Participants.IR_CB;
import static org.rialto.node.Participants.RU_CB;
import static org.rialto.node.Participants.TEHRAN;
import static org.rialto.node.Participants.VOLGA;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.config.NodeConfig;

/**
 * AML rules on the receiving node of a cross-border payment: an incoming payment over its
 * threshold is held there, nothing moves on either node, and two operators of that node release
 * it; and FATF R16 data (accounts, addresses, identifications) the debtor's bank gave on the
 * sending node reaches the receiving node's rules, which judge an incomplete payment by their own
 * configuration although the sending node (no R16 rule) let it through.
 */
class AmlCrossBorderTest {
  @TempDir Path dir;
  TestClock clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z"));
  Node ru;
  Node ir;

  static int freePort() throws Exception {
    // Reserves the operator listener's port (bank port + 1) too: see FreePorts.
    return org.rialto.node.config.FreePorts.bankAndOperator();
  }

  @AfterEach
  void stop() throws Exception {
    if (ru != null) ru.close();
    if (ir != null) ir.close();
  }

  /** The IR node's rules: hold from IRR 500,000; R16 on cross-border payments, full originator data from IRR 100,000. */
  static final String IR_RULES = "{\"amountThresholds\":[{\"id\":\"large-irr\",\"currency\":\"IRR\","
      + "\"amountMinor\":500000,\"action\":\"hold\"}],"
      + "\"r16\":{\"enabled\":true,\"crossBorderOnly\":true,\"fullInformationFromMinor\":{\"IRR\":100000},\"action\":\"reject\"}}";

  Http ruHttp;
  Http irHttp;

  void startNodes() throws Exception {
    int ruPort = freePort();
    int irPort = freePort();
    var irRules = Http.JSON.readTree(IR_RULES);
    ru = Node.start(new NodeConfig("RU-NODE", new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", ruPort), new NodeConfig.StoreConfig(dir.resolve("ru.db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(RU_CB, "Central Bank RU", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(VOLGA, "Volga Bank", "RU", "0", "1000000.00"),
            new NodeConfig.ParticipantConfig(DEALER, "Dealer Bank", "RU", "0", "0")),
        List.of(new NodeConfig.PeerConfig("IR-NODE", "https://127.0.0.1:" + irPort, new NodeConfig.CurrencyConfig("IRR", 0), List.of("IR"))),
        List.of(DEALER), 5, null, null).withSecurity(TestPki.security("RU-NODE", "IR-NODE")), clock);
    ir = Node.start(new NodeConfig("IR-NODE", new NodeConfig.CurrencyConfig("IRR", 0), IR_CB,
        new NodeConfig.ListenConfig("127.0.0.1", irPort), new NodeConfig.StoreConfig(dir.resolve("ir.db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(IR_CB, "Central Bank IR", "IR", "0", "0"),
            new NodeConfig.ParticipantConfig(TEHRAN, "Tehran Bank", "IR", "0", "0"),
            new NodeConfig.ParticipantConfig(DEALER, "Dealer Bank", "RU", "0", "100000000")),
        List.of(new NodeConfig.PeerConfig("RU-NODE", "https://127.0.0.1:" + ruPort, new NodeConfig.CurrencyConfig("RUB", 2), List.of("RU"))),
        List.of(DEALER), 5, null, null, new NodeConfig.AmlConfig(null, irRules)).withOperators(TestOperators.all())
        .withSecurity(TestPki.security("IR-NODE", "RU-NODE")), clock);
    ruHttp = new Http(ru.port(), "RU-NODE");
    irHttp = new Http(ir.port(), "IR-NODE");
    assertThat(ruHttp.post(DEALER, "/v1/fx/rates", "{\"targetCurrency\":\"IRR\",\"rate\":\"520.5\"}").status()).isEqualTo(201);
  }

  String quote(String sourceAmount) throws Exception {
    return ruHttp.post(VOLGA, "/v1/quotes", "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"" + sourceAmount + "\"}")
        .body().get("quotes").get(0).get("quoteId").asText();
  }

  @Test
  void anIncomingPaymentOverTheThresholdIsHeldOnTheReceivingNodeUntilTwoOperatorsReleaseIt() throws Exception {
    startNodes();
    String quoteId = quote("1000.00");
    String uetr = UUID.randomUUID().toString();
    ruHttp.post(VOLGA, "/v1/payments", "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + VOLGA + "\",\"creditorAgent\":\""
        + TEHRAN + "\",\"amount\":\"1000.00\",\"currency\":\"RUB\",\"quoteId\":\"" + quoteId
        + "\",\"debtor\":{\"name\":\"Volga Energy\"},\"creditor\":{\"name\":\"Tehran Power Plant\"}}");
    long deadline = System.currentTimeMillis() + 20_000;
    while (!"HELD".equals(stateOn(irHttp, TEHRAN, uetr)) && System.currentTimeMillis() < deadline) Thread.sleep(25);
    assertThat(stateOn(irHttp, TEHRAN, uetr)).isEqualTo("HELD");
    var viewer = Http.operator(ir.operatorPort(), TestOperators.VIEWER);
    assertThat(viewer.get(null, "/v1/admin/cases").raw()).contains(uetr).contains("large-irr").contains("520500");
    // Held on the receiving node: leg 2 not posted, leg 1 only reserved, the sender still waits.
    assertThat(irHttp.get(TEHRAN, "/v1/accounts/" + TEHRAN).body().get("balance").asText()).isEqualTo("0");
    assertThat(stateOn(ruHttp, VOLGA, uetr)).isIn("RECEIVED", "HELD");

    String release = "/v1/admin/cases/" + uetr + "/release";
    String why = "{\"reason\":\"contract checked\"}";
    assertThat(Http.operator(ir.operatorPort(), TestOperators.OPERATOR).post(null, release, why).body().get("status").asText())
        .isEqualTo("awaiting-second-operator");
    assertThat(Http.operator(ir.operatorPort(), TestOperators.SUPERVISOR).post(null, release, why).body().get("status").asText())
        .isEqualTo("released");
    assertThat(stateOn(irHttp, TEHRAN, uetr)).isEqualTo("SETTLED");
    assertThat(irHttp.get(TEHRAN, "/v1/accounts/" + TEHRAN).body().get("balance").asText()).isEqualTo("520500");
    deadline = System.currentTimeMillis() + 20_000;
    while (!"SETTLED".equals(stateOn(ruHttp, VOLGA, uetr)) && System.currentTimeMillis() < deadline) Thread.sleep(25);
    assertThat(stateOn(ruHttp, VOLGA, uetr)).isEqualTo("SETTLED");
  }

  /** Debtor: account, and an address that locates it (R16 in full). Creditor: an IBAN. */
  static final String FULL_DEBTOR = "{\"name\":\"Volga Energy\",\"account\":\"40702810900000000001\","
      + "\"address\":{\"street\":\"Lenina\",\"buildingNumber\":\"12\",\"postCode\":\"443001\",\"town\":\"Samara\","
      + "\"country\":\"RU\"},\"lei\":\"5493001KJTIIGC8Y1R12\"}";
  static final String FULL_CREDITOR = "{\"name\":\"Tehran Power Plant\",\"iban\":\"IR062960000000100324200001\"}";
  /** The debtor's account but no address or identification. */
  static final String DEBTOR_WITHOUT_ADDRESS = "{\"name\":\"Volga Energy\",\"account\":\"40702810900000000001\"}";

  String pay(String amount, String debtor, String creditor) throws Exception {
    String uetr = UUID.randomUUID().toString();
    var r = ruHttp.post(VOLGA, "/v1/payments", "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + VOLGA + "\",\"creditorAgent\":\""
        + TEHRAN + "\",\"amount\":\"" + amount + "\",\"currency\":\"RUB\",\"quoteId\":\"" + quote(amount)
        + "\",\"debtor\":" + debtor + ",\"creditor\":" + creditor + "}");
    assertThat(r.status()).as(r.raw()).isLessThan(300);
    return uetr;
  }

  /** Waits until the sending node knows the end of the payment; returns its state and reason. */
  String finalOnSender(String uetr) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      var b = ruHttp.get(VOLGA, "/v1/payments/" + uetr).body();
      String state = b.get("state").asText();
      if (state.equals("SETTLED") || state.equals("REJECTED")) return state + (b.hasNonNull("reasonCode") ? " " + b.get("reasonCode").asText() : "");
      Thread.sleep(25);
    }
    return "not final";
  }

  @Test
  void fatfR16DataTravelsInThePacs008AndTheReceivingNodesRulesJudgeIt() throws Exception {
    startNodes();
    // Complete, above the IR node's full-information amount (500.00 RUB = IRR 260,250): settles on both.
    String full = pay("500.00", FULL_DEBTOR, FULL_CREDITOR);
    // The creditor's account missing: RU has no R16 rule and forwards it; IR rejects it (RR04), leg 1 is voided.
    String noCreditorAccount = pay("100.00", FULL_DEBTOR, "{\"name\":\"Tehran Power Plant\"}");
    // Accounts given but nothing locates or identifies the debtor, above IRR 100,000: RR01 on IR.
    String unlocated = pay("500.00", DEBTOR_WITHOUT_ADDRESS, FULL_CREDITOR);
    // The same below IRR 100,000 (100.00 RUB = IRR 52,050): R16 asks the accounts only; it settles.
    String smallUnlocated = pay("100.00", DEBTOR_WITHOUT_ADDRESS, FULL_CREDITOR);

    assertThat(finalOnSender(full)).isEqualTo("SETTLED");
    assertThat(finalOnSender(noCreditorAccount)).isEqualTo("REJECTED RR04");
    assertThat(finalOnSender(unlocated)).isEqualTo("REJECTED RR01");
    assertThat(finalOnSender(smallUnlocated)).isEqualTo("SETTLED");
    assertThat(stateOn(irHttp, TEHRAN, noCreditorAccount)).isEqualTo("REJECTED");
    assertThat(stateOn(irHttp, TEHRAN, unlocated)).isEqualTo("REJECTED");
    // Only the two settled payments moved money: 260,250 + 52,050 IRR to Tehran; 600.00 RUB from Volga.
    assertThat(irHttp.get(TEHRAN, "/v1/accounts/" + TEHRAN).body().get("balance").asText()).isEqualTo("312300");
    assertThat(ruHttp.get(VOLGA, "/v1/accounts/" + VOLGA).body().get("balance").asText()).isEqualTo("999400.00");
    // The creditor bank's pacs.008 is rendered from the stored payment: the details are kept with it.
    String tehranInbox = irHttp.get(TEHRAN, "/v1/messages?after=0&limit=1000").raw();
    assertThat(tehranInbox).contains(full).contains("IR062960000000100324200001").contains("40702810900000000001")
        .contains("5493001KJTIIGC8Y1R12");

    // Details that the peer's schema would refuse are refused at the bank's door, not on the link.
    var bad = ruHttp.post(VOLGA, "/v1/payments", "{\"uetr\":\"" + UUID.randomUUID() + "\",\"debtorAgent\":\"" + VOLGA
        + "\",\"creditorAgent\":\"" + TEHRAN + "\",\"amount\":\"1.00\",\"currency\":\"RUB\",\"quoteId\":\"" + quote("1.00")
        + "\",\"debtor\":{\"name\":\"X\",\"iban\":\"not an iban\"}}");
    assertThat(bad.status()).isEqualTo(400);
  }

  static String stateOn(Http http, String bic, String uetr) throws Exception {
    var r = http.get(bic, "/v1/payments/" + uetr);
    return r.status() == 200 ? r.body().get("state").asText() : "ABSENT";
  }
}
