package org.rialto.iso20022;

import java.util.ArrayList;
import java.util.List;

/**
 * Readers and writers of the building blocks shared by the messages: parties, agents, accounts,
 * addresses, amounts, references. Readers start on the element's start tag and consume it to its
 * end tag; writers do nothing for a null value.
 */
final class Components {
  private Components() {}

  static <T> List<T> add(List<T> list, T item) {
    List<T> l = list == null ? new ArrayList<>(4) : list;
    l.add(item);
    return l;
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * Untyped children in schema order. The XSD guarantees that order when validation is on;
   * without it, sorting here keeps read(write(m)) equal to m.
   */
  static List<XmlElement> ordered(List<XmlElement> others, String type) {
    if (others == null) return List.of();
    if (others.size() < 2) return others;
    java.util.Map<String, Integer> order = SchemaOrder.of(type);
    int previous = -1;
    for (XmlElement e : others) {
      int index = order.get(e.name());
      if (index < previous) {
        others.sort(java.util.Comparator.comparingInt(x -> order.get(x.name())));
        return others;
      }
      previous = index;
    }
    return others;
  }

  // ---- code or proprietary -----------------------------------------------------------------

  static CodeOrProprietary codeOrProprietary(XmlIn in) {
    String code = null;
    String proprietary = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Cd" -> code = in.text();
        case "Prtry" -> proprietary = in.text();
        default -> throw in.unexpected();
      }
    }
    if ((code == null) == (proprietary == null)) throw in.abort("exactly one of Cd and Prtry is expected");
    return new CodeOrProprietary(code, proprietary);
  }

  static void codeOrProprietary(XmlOut out, String name, CodeOrProprietary c) {
    if (c == null) return;
    out.start(name);
    out.leaf("Cd", c.code());
    out.leaf("Prtry", c.proprietary());
    out.end(name);
  }

  // ---- generic identification --------------------------------------------------------------

  static GenericId genericId(XmlIn in) {
    String id = null;
    CodeOrProprietary scheme = null;
    String issuer = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Id" -> id = in.text();
        case "SchmeNm" -> scheme = codeOrProprietary(in);
        case "Issr" -> issuer = in.text();
        default -> throw in.unexpected();
      }
    }
    return new GenericId(in.required(id, "Id"), scheme, issuer);
  }

  static void genericId(XmlOut out, String name, GenericId g) {
    if (g == null) return;
    out.start(name);
    out.leaf("Id", g.id());
    codeOrProprietary(out, "SchmeNm", g.scheme());
    out.leaf("Issr", g.issuer());
    out.end(name);
  }

  // ---- postal address ----------------------------------------------------------------------

  static PostalAddress postalAddress(XmlIn in) {
    XmlElement type = null;
    String dept = null, subDept = null, street = null, buildingNumber = null, buildingName = null, floor = null;
    String postBox = null, room = null, postCode = null, town = null, townLocation = null, district = null;
    String subDivision = null, country = null;
    List<String> lines = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "AdrTp" -> type = in.element();
        case "Dept" -> dept = in.text();
        case "SubDept" -> subDept = in.text();
        case "StrtNm" -> street = in.text();
        case "BldgNb" -> buildingNumber = in.text();
        case "BldgNm" -> buildingName = in.text();
        case "Flr" -> floor = in.text();
        case "PstBx" -> postBox = in.text();
        case "Room" -> room = in.text();
        case "PstCd" -> postCode = in.text();
        case "TwnNm" -> town = in.text();
        case "TwnLctnNm" -> townLocation = in.text();
        case "DstrctNm" -> district = in.text();
        case "CtrySubDvsn" -> subDivision = in.text();
        case "Ctry" -> country = in.text();
        case "AdrLine" -> lines = add(lines, in.text());
        default -> throw in.unexpected();
      }
    }
    return new PostalAddress(type, dept, subDept, street, buildingNumber, buildingName, floor, postBox, room, postCode, town,
        townLocation, district, subDivision, country, orEmpty(lines));
  }

  static void postalAddress(XmlOut out, String name, PostalAddress a) {
    if (a == null) return;
    out.start(name);
    out.element(a.addressType());
    out.leaf("Dept", a.department());
    out.leaf("SubDept", a.subDepartment());
    out.leaf("StrtNm", a.streetName());
    out.leaf("BldgNb", a.buildingNumber());
    out.leaf("BldgNm", a.buildingName());
    out.leaf("Flr", a.floor());
    out.leaf("PstBx", a.postBox());
    out.leaf("Room", a.room());
    out.leaf("PstCd", a.postCode());
    out.leaf("TwnNm", a.townName());
    out.leaf("TwnLctnNm", a.townLocationName());
    out.leaf("DstrctNm", a.districtName());
    out.leaf("CtrySubDvsn", a.countrySubDivision());
    out.leaf("Ctry", a.country());
    out.leaves("AdrLine", a.addressLines());
    out.end(name);
  }

  // ---- party -------------------------------------------------------------------------------

  static Party party(XmlIn in) {
    String name = null;
    PostalAddress address = null;
    PartyId id = null;
    String residence = null;
    XmlElement contact = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Nm" -> name = in.text();
        case "PstlAdr" -> address = postalAddress(in);
        case "Id" -> id = partyId(in);
        case "CtryOfRes" -> residence = in.text();
        case "CtctDtls" -> contact = in.element();
        default -> throw in.unexpected();
      }
    }
    return new Party(name, address, id, residence, contact);
  }

  private static PartyId partyId(XmlIn in) {
    PartyId id = null;
    while (in.nextChild()) {
      if (id != null) throw in.abort("Party38Choice takes one alternative");
      switch (in.name()) {
        case "OrgId" -> {
          String bic = null;
          String lei = null;
          List<GenericId> others = null;
          while (in.nextChild()) {
            switch (in.name()) {
              case "AnyBIC" -> bic = in.text();
              case "LEI" -> lei = in.text();
              case "Othr" -> others = add(others, genericId(in));
              default -> throw in.unexpected();
            }
          }
          id = new PartyId.Organisation(bic, lei, orEmpty(others));
        }
        case "PrvtId" -> {
          DateAndPlaceOfBirth birth = null;
          List<GenericId> others = null;
          while (in.nextChild()) {
            switch (in.name()) {
              case "DtAndPlcOfBirth" -> birth = birth(in);
              case "Othr" -> others = add(others, genericId(in));
              default -> throw in.unexpected();
            }
          }
          id = new PartyId.Person(birth, orEmpty(others));
        }
        default -> throw in.unexpected();
      }
    }
    return in.required(id, "OrgId");
  }

  private static DateAndPlaceOfBirth birth(XmlIn in) {
    java.time.LocalDate date = null;
    String province = null, city = null, country = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "BirthDt" -> date = in.date();
        case "PrvcOfBirth" -> province = in.text();
        case "CityOfBirth" -> city = in.text();
        case "CtryOfBirth" -> country = in.text();
        default -> throw in.unexpected();
      }
    }
    return new DateAndPlaceOfBirth(in.required(date, "BirthDt"), province, in.required(city, "CityOfBirth"),
        in.required(country, "CtryOfBirth"));
  }

  static void party(XmlOut out, String name, Party p) {
    if (p == null) return;
    out.start(name);
    out.leaf("Nm", p.name());
    postalAddress(out, "PstlAdr", p.postalAddress());
    if (p.id() != null) {
      out.start("Id");
      switch (p.id()) {
        case PartyId.Organisation o -> {
          out.start("OrgId");
          out.leaf("AnyBIC", o.anyBic());
          out.leaf("LEI", o.lei());
          for (GenericId g : o.others()) genericId(out, "Othr", g);
          out.end("OrgId");
        }
        case PartyId.Person person -> {
          out.start("PrvtId");
          DateAndPlaceOfBirth b = person.birth();
          if (b != null) {
            out.start("DtAndPlcOfBirth");
            out.leaf("BirthDt", b.birthDate());
            out.leaf("PrvcOfBirth", b.province());
            out.leaf("CityOfBirth", b.city());
            out.leaf("CtryOfBirth", b.country());
            out.end("DtAndPlcOfBirth");
          }
          for (GenericId g : person.others()) genericId(out, "Othr", g);
          out.end("PrvtId");
        }
      }
      out.end("Id");
    }
    out.leaf("CtryOfRes", p.countryOfResidence());
    out.element(p.contactDetails());
    out.end(name);
  }

  // ---- agent -------------------------------------------------------------------------------

  static Agent agent(XmlIn in) {
    String bic = null, lei = null, name = null;
    ClearingSystemMember member = null;
    PostalAddress address = null;
    GenericId other = null;
    Branch branch = null;
    boolean sawInstitution = false;
    while (in.nextChild()) {
      switch (in.name()) {
        case "FinInstnId" -> {
          sawInstitution = true;
          while (in.nextChild()) {
            switch (in.name()) {
              case "BICFI" -> bic = in.text();
              case "ClrSysMmbId" -> member = clearingSystemMember(in);
              case "LEI" -> lei = in.text();
              case "Nm" -> name = in.text();
              case "PstlAdr" -> address = postalAddress(in);
              case "Othr" -> other = genericId(in);
              default -> throw in.unexpected();
            }
          }
        }
        case "BrnchId" -> branch = branch(in);
        default -> throw in.unexpected();
      }
    }
    in.required(sawInstitution ? Boolean.TRUE : null, "FinInstnId");
    return new Agent(bic, member, lei, name, address, other, branch);
  }

  private static ClearingSystemMember clearingSystemMember(XmlIn in) {
    CodeOrProprietary system = null;
    String member = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "ClrSysId" -> system = codeOrProprietary(in);
        case "MmbId" -> member = in.text();
        default -> throw in.unexpected();
      }
    }
    return new ClearingSystemMember(system, in.required(member, "MmbId"));
  }

  private static Branch branch(XmlIn in) {
    String id = null, lei = null, name = null;
    PostalAddress address = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Id" -> id = in.text();
        case "LEI" -> lei = in.text();
        case "Nm" -> name = in.text();
        case "PstlAdr" -> address = postalAddress(in);
        default -> throw in.unexpected();
      }
    }
    return new Branch(id, lei, name, address);
  }

  static void agent(XmlOut out, String name, Agent a) {
    if (a == null) return;
    out.start(name);
    out.start("FinInstnId");
    out.leaf("BICFI", a.bic());
    ClearingSystemMember m = a.clearingSystemMember();
    if (m != null) {
      out.start("ClrSysMmbId");
      codeOrProprietary(out, "ClrSysId", m.system());
      out.leaf("MmbId", m.memberId());
      out.end("ClrSysMmbId");
    }
    out.leaf("LEI", a.lei());
    out.leaf("Nm", a.name());
    postalAddress(out, "PstlAdr", a.postalAddress());
    genericId(out, "Othr", a.other());
    out.end("FinInstnId");
    Branch b = a.branch();
    if (b != null) {
      out.start("BrnchId");
      out.leaf("Id", b.id());
      out.leaf("LEI", b.lei());
      out.leaf("Nm", b.name());
      postalAddress(out, "PstlAdr", b.postalAddress());
      out.end("BrnchId");
    }
    out.end(name);
  }

  // ---- party or agent ----------------------------------------------------------------------

  /** Party40Choice (Pty | Agt) or Party44Choice (OrgId | FIId), by the element names given. */
  static PartyOrAgent partyOrAgent(XmlIn in, String partyName, String agentName) {
    PartyOrAgent result = null;
    while (in.nextChild()) {
      if (result != null) throw in.abort("a party-or-agent choice takes one alternative");
      String n = in.name();
      if (n.equals(partyName)) {
        result = PartyOrAgent.of(party(in));
      } else if (n.equals(agentName)) {
        result = PartyOrAgent.of(agent(in));
      } else {
        throw in.unexpected();
      }
    }
    return in.required(result, partyName);
  }

  static PartyOrAgent partyOrAgent(XmlIn in) {
    return partyOrAgent(in, "Pty", "Agt");
  }

  static void partyOrAgent(XmlOut out, String name, PartyOrAgent p, String partyName, String agentName) {
    if (p == null) return;
    out.start(name);
    party(out, partyName, p.party());
    agent(out, agentName, p.agent());
    out.end(name);
  }

  static void partyOrAgent(XmlOut out, String name, PartyOrAgent p) {
    partyOrAgent(out, name, p, "Pty", "Agt");
  }

  // ---- account -----------------------------------------------------------------------------

  /** CashAccount38, or CashAccount39 when {@code withOwner} (statements and reports). */
  static Account account(XmlIn in, boolean withOwner) {
    String iban = null;
    GenericId other = null;
    CodeOrProprietary type = null;
    String currency = null, name = null;
    Proxy proxy = null;
    Party owner = null;
    Agent servicer = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Id" -> {
          while (in.nextChild()) {
            if (iban != null || other != null) throw in.abort("an account has one identification");
            switch (in.name()) {
              case "IBAN" -> iban = in.text();
              case "Othr" -> other = genericId(in);
              default -> throw in.unexpected();
            }
          }
          if (iban == null && other == null) throw in.abort("account identification is empty");
        }
        case "Tp" -> type = codeOrProprietary(in);
        case "Ccy" -> currency = in.text();
        case "Nm" -> name = in.text();
        case "Prxy" -> {
          CodeOrProprietary proxyType = null;
          String proxyId = null;
          while (in.nextChild()) {
            switch (in.name()) {
              case "Tp" -> proxyType = codeOrProprietary(in);
              case "Id" -> proxyId = in.text();
              default -> throw in.unexpected();
            }
          }
          proxy = new Proxy(proxyType, in.required(proxyId, "Id"));
        }
        case "Ownr" -> {
          if (!withOwner) throw in.unexpected();
          owner = party(in);
        }
        case "Svcr" -> {
          if (!withOwner) throw in.unexpected();
          servicer = agent(in);
        }
        default -> throw in.unexpected();
      }
    }
    if (iban == null && other == null) in.required(null, "Id");
    return new Account(iban, other, type, currency, name, proxy, owner, servicer);
  }

  static void account(XmlOut out, String name, Account a, boolean withOwner) {
    if (a == null) return;
    if (!withOwner && (a.owner() != null || a.servicer() != null)) {
      throw new IllegalArgumentException(name + ": only statement accounts carry an owner or servicer");
    }
    out.start(name);
    out.start("Id");
    out.leaf("IBAN", a.iban());
    genericId(out, "Othr", a.other());
    out.end("Id");
    codeOrProprietary(out, "Tp", a.type());
    out.leaf("Ccy", a.currency());
    out.leaf("Nm", a.name());
    Proxy p = a.proxy();
    if (p != null) {
      out.start("Prxy");
      codeOrProprietary(out, "Tp", p.type());
      out.leaf("Id", p.id());
      out.end("Prxy");
    }
    party(out, "Ownr", a.owner());
    agent(out, "Svcr", a.servicer());
    out.end(name);
  }

  static void account(XmlOut out, String name, Account a) {
    account(out, name, a, false);
  }

  // ---- payment-level pieces ----------------------------------------------------------------

  static PaymentId paymentId(XmlIn in) {
    String instruction = null, endToEnd = null, transaction = null, uetr = null, clearing = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "InstrId" -> instruction = in.text();
        case "EndToEndId" -> endToEnd = in.text();
        case "TxId" -> transaction = in.text();
        case "UETR" -> uetr = in.text();
        case "ClrSysRef" -> clearing = in.text();
        default -> throw in.unexpected();
      }
    }
    return new PaymentId(instruction, in.required(endToEnd, "EndToEndId"), transaction, uetr, clearing);
  }

  static void paymentId(XmlOut out, PaymentId id) {
    out.start("PmtId");
    out.leaf("InstrId", id.instructionId());
    out.leaf("EndToEndId", id.endToEndId());
    out.leaf("TxId", id.transactionId());
    out.leaf("UETR", id.uetr());
    out.leaf("ClrSysRef", id.clearingSystemReference());
    out.end("PmtId");
  }

  /** PaymentTypeInformation28, or 27 (which has SeqTp) when {@code withSequenceType}. */
  static PaymentTypeInformation paymentTypeInformation(XmlIn in, boolean withSequenceType) {
    Priority priority = null;
    ClearingChannel channel = null;
    List<CodeOrProprietary> levels = null;
    CodeOrProprietary local = null, category = null;
    String sequence = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "InstrPrty" -> priority = in.code(Priority.class);
        case "ClrChanl" -> channel = in.code(ClearingChannel.class);
        case "SvcLvl" -> levels = add(levels, codeOrProprietary(in));
        case "LclInstrm" -> local = codeOrProprietary(in);
        case "SeqTp" -> {
          if (!withSequenceType) throw in.unexpected();
          sequence = in.text();
        }
        case "CtgyPurp" -> category = codeOrProprietary(in);
        default -> throw in.unexpected();
      }
    }
    return new PaymentTypeInformation(priority, channel, orEmpty(levels), local, sequence, category);
  }

  static void paymentTypeInformation(XmlOut out, String name, PaymentTypeInformation p, boolean withSequenceType) {
    if (p == null) return;
    if (!withSequenceType && p.sequenceType() != null) {
      throw new IllegalArgumentException(name + ": a sequence type is only allowed in original transaction references");
    }
    out.start(name);
    out.leaf("InstrPrty", p.instructionPriority());
    out.leaf("ClrChanl", p.clearingChannel());
    for (CodeOrProprietary c : p.serviceLevels()) codeOrProprietary(out, "SvcLvl", c);
    codeOrProprietary(out, "LclInstrm", p.localInstrument());
    out.leaf("SeqTp", p.sequenceType());
    codeOrProprietary(out, "CtgyPurp", p.categoryPurpose());
    out.end(name);
  }

  static SettlementInstruction settlementInstruction(XmlIn in) {
    SettlementMethod method = null;
    Account account = null, instgAcct = null, instdAcct = null, thrdAcct = null;
    CodeOrProprietary system = null;
    Agent instg = null, instd = null, thrd = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "SttlmMtd" -> method = in.code(SettlementMethod.class);
        case "SttlmAcct" -> account = account(in, false);
        case "ClrSys" -> system = codeOrProprietary(in);
        case "InstgRmbrsmntAgt" -> instg = agent(in);
        case "InstgRmbrsmntAgtAcct" -> instgAcct = account(in, false);
        case "InstdRmbrsmntAgt" -> instd = agent(in);
        case "InstdRmbrsmntAgtAcct" -> instdAcct = account(in, false);
        case "ThrdRmbrsmntAgt" -> thrd = agent(in);
        case "ThrdRmbrsmntAgtAcct" -> thrdAcct = account(in, false);
        default -> throw in.unexpected();
      }
    }
    return new SettlementInstruction(in.required(method, "SttlmMtd"), account, system, instg, instgAcct, instd, instdAcct, thrd,
        thrdAcct);
  }

  static void settlementInstruction(XmlOut out, SettlementInstruction s) {
    if (s == null) return;
    out.start("SttlmInf");
    out.leaf("SttlmMtd", s.method());
    account(out, "SttlmAcct", s.settlementAccount());
    codeOrProprietary(out, "ClrSys", s.clearingSystem());
    agent(out, "InstgRmbrsmntAgt", s.instructingReimbursementAgent());
    account(out, "InstgRmbrsmntAgtAcct", s.instructingReimbursementAgentAccount());
    agent(out, "InstdRmbrsmntAgt", s.instructedReimbursementAgent());
    account(out, "InstdRmbrsmntAgtAcct", s.instructedReimbursementAgentAccount());
    agent(out, "ThrdRmbrsmntAgt", s.thirdReimbursementAgent());
    account(out, "ThrdRmbrsmntAgtAcct", s.thirdReimbursementAgentAccount());
    out.end("SttlmInf");
  }

  static Charge charge(XmlIn in) {
    Amount amount = null;
    Agent agent = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Amt" -> amount = in.amount();
        case "Agt" -> agent = agent(in);
        default -> throw in.unexpected();
      }
    }
    return new Charge(in.required(amount, "Amt"), in.required(agent, "Agt"));
  }

  static void charges(XmlOut out, List<Charge> charges) {
    for (Charge c : charges) {
      out.start("ChrgsInf");
      out.amount("Amt", c.amount());
      agent(out, "Agt", c.agent());
      out.end("ChrgsInf");
    }
  }

  static Instruction instruction(XmlIn in) {
    String code = null, information = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Cd" -> code = in.text();
        case "InstrInf" -> information = in.text();
        default -> throw in.unexpected();
      }
    }
    if (code == null && information == null) throw in.abort("an empty instruction");
    return new Instruction(code, information);
  }

  static void instructions(XmlOut out, String name, List<Instruction> instructions) {
    for (Instruction i : instructions) {
      out.start(name);
      out.leaf("Cd", i.code());
      out.leaf("InstrInf", i.information());
      out.end(name);
    }
  }

  static RemittanceInformation remittanceInformation(XmlIn in) {
    List<String> unstructured = null;
    List<XmlElement> structured = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Ustrd" -> unstructured = add(unstructured, in.text());
        case "Strd" -> structured = add(structured, in.element());
        default -> throw in.unexpected();
      }
    }
    return new RemittanceInformation(orEmpty(unstructured), orEmpty(structured));
  }

  static void remittanceInformation(XmlOut out, RemittanceInformation r) {
    if (r == null) return;
    out.start("RmtInf");
    out.leaves("Ustrd", r.unstructured());
    for (XmlElement s : r.structured()) {
      if (!s.name().equals("Strd")) throw new IllegalArgumentException("structured remittance elements are named Strd, not " + s.name());
      out.element(s);
    }
    out.end("RmtInf");
  }

  static SettlementTimeIndication settlementTimeIndication(XmlIn in) {
    java.time.OffsetDateTime debit = null, credit = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "DbtDtTm" -> debit = in.dateTime();
        case "CdtDtTm" -> credit = in.dateTime();
        default -> throw in.unexpected();
      }
    }
    return new SettlementTimeIndication(debit, credit);
  }

  static void settlementTimeIndication(XmlOut out, SettlementTimeIndication s) {
    if (s == null) return;
    out.start("SttlmTmIndctn");
    out.leaf("DbtDtTm", s.debitDateTime());
    out.leaf("CdtDtTm", s.creditDateTime());
    out.end("SttlmTmIndctn");
  }

  static SettlementTimeRequest settlementTimeRequest(XmlIn in) {
    java.time.OffsetTime cls = null, till = null, from = null, reject = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "CLSTm" -> cls = in.time();
        case "TillTm" -> till = in.time();
        case "FrTm" -> from = in.time();
        case "RjctTm" -> reject = in.time();
        default -> throw in.unexpected();
      }
    }
    return new SettlementTimeRequest(cls, till, from, reject);
  }

  static void settlementTimeRequest(XmlOut out, SettlementTimeRequest s) {
    if (s == null) return;
    out.start("SttlmTmReq");
    out.leaf("CLSTm", s.clsTime());
    out.leaf("TillTm", s.tillTime());
    out.leaf("FrTm", s.fromTime());
    out.leaf("RjctTm", s.rejectTime());
    out.end("SttlmTmReq");
  }

  static DateOrDateTime dateOrDateTime(XmlIn in) {
    DateOrDateTime result = null;
    while (in.nextChild()) {
      if (result != null) throw in.abort("a date-or-date-time choice takes one alternative");
      switch (in.name()) {
        case "Dt" -> result = DateOrDateTime.of(in.date());
        case "DtTm" -> result = DateOrDateTime.of(in.dateTime());
        default -> throw in.unexpected();
      }
    }
    return in.required(result, "Dt");
  }

  static void dateOrDateTime(XmlOut out, String name, DateOrDateTime d) {
    if (d == null) return;
    out.start(name);
    out.leaf("Dt", d.date());
    out.leaf("DtTm", d.dateTime());
    out.end(name);
  }

  /** StatusReasonInformation12, PaymentReturnReason6, PaymentCancellationReason5, CancellationStatusReason4. */
  static ReasonInformation reasonInformation(XmlIn in) {
    Party originator = null;
    CodeOrProprietary reason = null;
    List<String> info = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Orgtr" -> originator = party(in);
        case "Rsn" -> reason = codeOrProprietary(in);
        case "AddtlInf" -> info = add(info, in.text());
        default -> throw in.unexpected();
      }
    }
    return new ReasonInformation(originator, reason, orEmpty(info));
  }

  static void reasonInformation(XmlOut out, String name, List<ReasonInformation> reasons) {
    for (ReasonInformation r : reasons) {
      out.start(name);
      party(out, "Orgtr", r.originator());
      codeOrProprietary(out, "Rsn", r.reason());
      out.leaves("AddtlInf", r.additionalInformation());
      out.end(name);
    }
  }

  static OriginalGroupInfo originalGroupInfo(XmlIn in) {
    String id = null, name = null;
    java.time.OffsetDateTime created = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "OrgnlMsgId" -> id = in.text();
        case "OrgnlMsgNmId" -> name = in.text();
        case "OrgnlCreDtTm" -> created = in.dateTime();
        default -> throw in.unexpected();
      }
    }
    return new OriginalGroupInfo(in.required(id, "OrgnlMsgId"), in.required(name, "OrgnlMsgNmId"), created);
  }

  static void originalGroupInfo(XmlOut out, String name, OriginalGroupInfo g) {
    if (g == null) return;
    out.start(name);
    out.leaf("OrgnlMsgId", g.messageId());
    out.leaf("OrgnlMsgNmId", g.messageNameId());
    out.leaf("OrgnlCreDtTm", g.creationDateTime());
    out.end(name);
  }

  static InvestigationCase investigationCase(XmlIn in) {
    String id = null;
    PartyOrAgent creator = null;
    Boolean reopen = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Id" -> id = in.text();
        case "Cretr" -> creator = partyOrAgent(in);
        case "ReopCaseIndctn" -> reopen = in.bool();
        default -> throw in.unexpected();
      }
    }
    return new InvestigationCase(in.required(id, "Id"), in.required(creator, "Cretr"), reopen);
  }

  static void investigationCase(XmlOut out, String name, InvestigationCase c) {
    if (c == null) return;
    out.start(name);
    out.leaf("Id", c.id());
    partyOrAgent(out, "Cretr", c.creator());
    out.leaf("ReopCaseIndctn", c.reopenCaseIndication());
    out.end(name);
  }

  static CaseAssignment caseAssignment(XmlIn in) {
    String id = null;
    PartyOrAgent assigner = null, assignee = null;
    java.time.OffsetDateTime created = null;
    while (in.nextChild()) {
      switch (in.name()) {
        case "Id" -> id = in.text();
        case "Assgnr" -> assigner = partyOrAgent(in);
        case "Assgne" -> assignee = partyOrAgent(in);
        case "CreDtTm" -> created = in.dateTime();
        default -> throw in.unexpected();
      }
    }
    return new CaseAssignment(in.required(id, "Id"), in.required(assigner, "Assgnr"), in.required(assignee, "Assgne"),
        in.required(created, "CreDtTm"));
  }

  static void caseAssignment(XmlOut out, CaseAssignment a) {
    out.start("Assgnmt");
    out.leaf("Id", a.id());
    partyOrAgent(out, "Assgnr", a.assigner());
    partyOrAgent(out, "Assgne", a.assignee());
    out.leaf("CreDtTm", a.creationDateTime());
    out.end("Assgnmt");
  }
}
