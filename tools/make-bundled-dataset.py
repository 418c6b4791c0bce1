#!/usr/bin/env python3
"""Builds data/datasets/turkey-european-security.json, the bundled dataset.

This script is the one way to rebuild the file. Its inputs are the paper's
text (../shared/sources/, one paragraph a line, headings on their own lines)
and SIPRI's trade register (../shared/data/sipri/). Every citation of the
paper is located by a phrase of the paragraph it rests on, so locators
("Heading, para. N", or "para. N" for the untitled opening) are computed,
not typed; every `quote` is checked to stand verbatim in its paragraph.
The supplier shares are recomputed from SIPRI's register and must round to
the paper's figures.

usage: tools/make-bundled-dataset.py [--paper FILE] [--sipri FILE]
"""
import argparse
import collections
import csv
import io
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PAPER_NAME = "swp-comment-2025c36-turkey-european-security.txt"
# The test suite reads this copy of the paper (tests/claims/); it must be
# the file the dataset was built from.
PAPER_COPY = os.path.join(ROOT, "tests", "claims", PAPER_NAME)
OUT = os.path.join(ROOT, "data", "datasets", "turkey-european-security.json")

S = "swp-2025c36"
SIPRI = "sipri-at"
HEADINGS = [
    "Enter Trump II: Rapprochement between the EU and Ankara",
    "Concerns in Brussels: Between EU accession and overreliance on Ankara",
    "Differences among the member states",
    "Bilateral cooperation with Turkey: Poland, Spain and Italy",
    "Cautious but open for engagement: Sweden, Finland and Germany",
    "Reluctant to cooperate: France and Greece",
    "EU’s long-term structural alignment with Turkey: Bilateral versus gradual approach",
    "Securing the Black Sea region",
    "Cementing the NATO alliance",
    "Stabilising the shared southern neighbourhood",
    "Conclusions for the EU",
]
# The body ends where the authors' notes begin.
BODY_END = "Dr Sinem Adar is Associate at SWP"

# The dataset's own additions, said once.
SEAT_NOTE = "The map point is the dataset's own placement for drawing arcs; the paper gives no location."


def fail(message):
    sys.exit("make-bundled-dataset: " + message)


# The paper ----------------------------------------------------------------

def read_paper(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    sections, current = [], {"heading": None, "paragraphs": []}
    for line in lines:
        if line.startswith(BODY_END):
            break
        if line in HEADINGS:
            sections.append(current)
            current = {"heading": line, "paragraphs": []}
        elif line.strip():
            current["paragraphs"].append(line)
    sections.append(current)
    found = [s["heading"] for s in sections[1:]]
    if found != HEADINGS:
        fail("the paper's headings are not the expected ones: %r" % found)
    return sections


def locator(heading, n):
    return "para. %d" % n if heading is None else "%s, para. %d" % (heading, n)


class Paper:
    def __init__(self, path):
        self.sections = read_paper(path)

    def at(self, phrase):
        """The locator of the one paragraph that contains @phrase."""
        hits = [locator(s["heading"], i + 1)
                for s in self.sections for i, p in enumerate(s["paragraphs"]) if phrase in p]
        if len(hits) != 1:
            fail("the phrase %r is in %d paragraphs, not one" % (phrase, len(hits)))
        return hits[0]

    def source_sections(self):
        out = []
        for s in self.sections:
            entry = {"paragraphs": len(s["paragraphs"])}
            if s["heading"] is not None:
                entry = {"heading": s["heading"], **entry}
            out.append(entry)
        return out


# SIPRI ----------------------------------------------------------------------

def sipri_supplier_shares(path, recipient, first, last):
    """Per-supplier TIV delivered to @recipient in [first, last] (licensed
    production included), the total, and the "Data generated" line."""
    raw = open(path, encoding="ascii", newline="").read().split("\r\n")
    generated = next(l for l in raw[:11] if l.startswith("Data generated:"))
    rows = [l[:-1] if l.endswith(";") else l for l in raw[11:] if l]
    tiv = collections.Counter()
    for row in csv.DictReader(io.StringIO("\n".join(rows))):
        if row["Recipient"] == recipient and first <= int(row["Delivery year"]) <= last:
            tiv[row["Supplier"]] += float(row["TIV delivery values"] or 0)
    return tiv, sum(tiv.values()), generated.rstrip(";")


# Building -------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--paper", default=os.path.join(ROOT, "..", "shared", "sources", PAPER_NAME))
    parser.add_argument("--sipri", default=os.path.join(ROOT, "..", "shared", "data", "sipri",
                                                        "trade_register.csv"))
    args = parser.parse_args()
    if open(args.paper, "rb").read() != open(PAPER_COPY, "rb").read():
        fail("%s differs from %s: update the copy the tests read" % (args.paper, PAPER_COPY))
    paper = Paper(args.paper)
    ds = build(paper, args.sipri)
    check_quotes(paper, ds)
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(ds, f, ensure_ascii=False, indent=2)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, OUT)
    print(len(ds["actors"]), "actors,", len(ds["relations"]), "relations,", len(ds["events"]), "events,",
          len(ds["figures"]), "figures")


def check_quotes(paper, ds):
    """Every quote of the paper stands verbatim in the paragraph cited."""
    paragraphs = {locator(s["heading"], i + 1): p
                  for s in paper.sections for i, p in enumerate(s["paragraphs"])}

    def walk(node):
        if isinstance(node, dict):
            if node.get("source") == S and "quote" in node:
                if node["quote"] not in paragraphs.get(node["locator"], ""):
                    fail("quote %r is not in %s" % (node["quote"], node["locator"]))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(ds)


def build(paper, sipri_path):
    def cite(*phrases, quote=None):
        """Citations of the paragraphs holding @phrases; @quote (a phrase of
        the first one) is quoted."""
        out = []
        for i, phrase in enumerate(phrases):
            c = {"source": S, "locator": paper.at(phrase)}
            if quote is not None and i == 0:
                if quote not in phrase and paper.at(quote) != c["locator"]:
                    fail("quote %r is not in the paragraph of %r" % (quote, phrase))
                c["quote"] = quote
            out.append(c)
        return out

    def q(phrase):
        """A citation quoting @phrase, located by it."""
        return cite(phrase, quote=phrase)

    # Actors -------------------------------------------------------------
    actors = []

    def state(iso, name, memberships, sources, short=None, description=None, note=None):
        a = {"id": iso, "kind": "state", "name": name, "iso3": iso, "memberships": memberships}
        if short:
            a["short_name"] = short
        if description:
            a["description"] = description
        if note:
            a["note"] = note
        a["sources"] = sources
        actors.append(a)

    eu_nato = ["EU", "NATO"]
    state("TUR", "Turkey", ["NATO", "EU-candidate"],
          cite("As NATO’s second-largest army", quote="competitive edge in ammunition and unmanned aerial vehicles (UAVs)")
          + cite("Turkey has been moving steadily towards an autocratic political system"),
          description="NATO's second-largest army and the state with the longest coastline on the Black Sea; "
                      "under the Montreux Convention it controls warships' access to the Black Sea in wartime. "
                      "Its defence industry has a competitive edge in ammunition and drones (UAVs). "
                      "An EU candidate whose accession negotiations are stalled.",
          note="Straits' own coastline measurement (Seas page; docs/maritime.md) bears the paper's claim out "
               "when Crimea is counted with Russia, which has controlled it since 2014, or when inlets up to "
               "10 km wide are closed; with Crimea counted with Ukraine, as the EU does, and inlets under 3 km "
               "closed, Ukraine's Black Sea coast is longer, as in UNEP's published figures.")
    state("POL", "Poland", eu_nato, cite("Those with relatively cooperative and friendly relations with Turkey"))
    state("ESP", "Spain", eu_nato, cite("Those with relatively cooperative and friendly relations with Turkey"))
    state("ITA", "Italy", eu_nato, cite("Those with relatively cooperative and friendly relations with Turkey"))
    state("SWE", "Sweden", eu_nato, cite("Those with a more cautious or reserved stance"))
    state("FIN", "Finland", eu_nato, cite("Those with a more cautious or reserved stance"))
    state("DEU", "Germany", eu_nato, cite("Those with a more cautious or reserved stance")
          + q("As the EU member with the largest Turkish diaspora"),
          description="The EU member with the largest Turkish diaspora.")
    state("FRA", "France", eu_nato, cite("Those reluctant to engage with Turkey"))
    state("GRC", "Greece", eu_nato, cite("Those reluctant to engage with Turkey"))
    state("CYP", "Republic of Cyprus", ["EU"], cite("together with the Republic of Cyprus and Greece, blocked"),
          short="Cyprus")
    state("UKR", "Ukraine", ["EU-candidate"], cite("Russia’s full-scale invasion of Ukraine marked the start"))
    state("RUS", "Russia", [], cite("Russia’s full-scale invasion of Ukraine marked the start"))
    state("USA", "United States", ["NATO"], cite("since the United States imposed secondary sanctions"), short="US")
    state("GBR", "United Kingdom", ["NATO"], cite("led by the United Kingdom and France"), short="UK")
    state("ROU", "Romania", eu_nato, cite("signed an agreement with Romania and Bulgaria"))
    state("BGR", "Bulgaria", eu_nato, cite("signed an agreement with Romania and Bulgaria"))
    state("HRV", "Croatia", eu_nato, cite("launched in 2015 by Croatia and Poland"))
    state("CZE", "Czechia", eu_nato, cite("Czech-led initiative in 2024"))
    state("SYR", "Syria", [], cite("Turkey’s military incursion into northern Syria in 2019"))
    state("ARE", "United Arab Emirates", [], q("suspicious of Paris’s close relations with Greece (and the UAE)"),
          short="UAE",
          description="Ankara is suspicious of Paris's close relations with Greece and the UAE.")
    state("MAR", "Morocco", [], q("relatively limited engagement in the western Mediterranean, particularly regarding Morocco and Algeria"),
          description="From the Spanish perspective, Ankara's engagement in the western Mediterranean, "
                      "particularly regarding Morocco and Algeria, is relatively limited, which lowers the risk "
                      "of Spanish–Turkish tensions.")
    state("DZA", "Algeria", [], q("relatively limited engagement in the western Mediterranean, particularly regarding Morocco and Algeria"),
          description="From the Spanish perspective, Ankara's engagement in the western Mediterranean, "
                      "particularly regarding Morocco and Algeria, is relatively limited, which lowers the risk "
                      "of Spanish–Turkish tensions.")
    state("LBY", "Libya", [], q("competing for influence in Libya and the eastern Mediterranean"),
          description="Italy and Turkey compete for influence in Libya (and the eastern Mediterranean).")
    state("ISR", "Israel", [], q("Madrid’s criticism of the Netanyahu government’s Gaza policy is positively received in Ankara"),
          description="Madrid's criticism of the Netanyahu government's Gaza policy is welcomed in Ankara.",
          note="The paper names the Netanyahu government, not Israel; the dataset ties the claim to Israel.")
    state("IRN", "Iran", [], q("his interventionist approach in the Middle East (Gaza and Iran)"),
          description="A theatre, with Gaza, of the Trump administration's interventionist approach in the Middle "
                      "East, one reason Ankara's threat perceptions are heightened.")

    def org(id, kind, name, sources, lonlat, short=None, country=None, description=None, note=None):
        a = {"id": id, "kind": kind, "name": name}
        if short:
            a["short_name"] = short
        if country:
            a["country"] = country
        if description:
            a["description"] = description
        a["location"] = lonlat
        a["note"] = SEAT_NOTE + (" " + note if note else "")
        a["sources"] = sources
        actors.append(a)

    org("eu", "international-organisation", "European Union",
        cite("strengthening the European Union’s defence and military capabilities"), [4.37, 50.84], "EU")
    org("nato", "alliance", "North Atlantic Treaty Organization",
        cite("June 2025 Hague Summit Declaration of NATO"), [4.42, 50.88], "NATO")
    org("european-commission", "eu-institution", "European Commission",
        cite("identified by both the European Commission and the European Council"), [4.38, 50.84], "Commission")
    org("european-council", "eu-institution", "European Council",
        cite("identified by both the European Commission and the European Council"), [4.38, 50.84], "Council")
    org("european-parliament", "eu-institution", "European Parliament",
        cite("The European Parliament has cautioned"), [4.37, 50.84], "Parliament")
    org("three-seas", "initiative", "Three Seas Initiative", cite("launched in 2015 by Croatia and Poland"),
        [21.01, 52.23], "3SI",
        description="Launched in 2015 by Croatia and Poland to strengthen transport, energy and digital links "
                    "among the 12 EU member states around the Baltic, Adriatic and Black Seas.",
        note="The initiative has no seat; Warsaw is used only to draw its arcs. The paper counts 12 member "
             "states; other public sources count 13 since Greece joined in 2023.")
    org("safe", "initiative", "SAFE regulation", cite("under the EU’s SAFE regulation"), [4.38, 50.84], "SAFE",
        description="An EU mechanism to strengthen joint defence investments; candidate countries such as Turkey "
                    "may contribute up to 35 per cent of a defence product.",
        note="The paper calls it the EU's SAFE regulation and does not expand the name.")
    org("coalition-of-the-willing", "initiative", "Coalition of the willing", cite("led by the United Kingdom and France"),
        [-0.13, 51.50], description="Led by the United Kingdom and France, on the security of Ukraine.",
        note="London is used because the UK co-leads it.")
    org("aselsan", "company", "ASELSAN", cite("ASELSAN is supplying the Polish firm AMZ Kutno"), [32.75, 39.98],
        country="TUR")
    org("amz-kutno", "company", "AMZ Kutno", cite("ASELSAN is supplying the Polish firm AMZ Kutno"), [19.36, 52.23],
        country="POL")
    org("baykar", "company", "Baykar Technologies", cite("Turkey’s Baykar Technologies signed an MoU"), [28.84, 41.07],
        "Baykar", country="TUR")
    org("leonardo", "company", "Leonardo", cite("Turkey’s Baykar Technologies signed an MoU"), [12.47, 41.92],
        country="ITA")
    org("piaggio", "company", "Piaggio Aerospace", cite("acquisition of Italian aviation firm Piaggio Aerospace"),
        [8.23, 44.05], country="ITA")
    org("cats", "other", "Centre for Applied Turkey Studies (CATS)", cite("commissioned nine reports"),
        [13.30, 52.50], "CATS", description="At SWP; commissioned the nine reports the paper's groupings rest on.")

    # Vocabulary ---------------------------------------------------------
    # Directed types name their ends' roles, from → to. One convention for
    # all: what moves (arms, money, a licence, a demand) goes from the
    # side that gives or does it to the side that receives or undergoes it.
    rtypes = [
        ("procurement", "Procurement", "#004b78", ["seller", "buyer"]),
        ("arms-supply", "Share of arms imports", "#0f69e1", ["supplier", "recipient"]),
        ("co-production", "Co-production", "#2d785a", None),
        ("joint-venture", "Joint venture", "#5a780f", None),
        ("acquisition", "Acquisition", "#965a87", ["acquirer", "acquired"]),
        ("arms-export-licensing", "Arms-export licensing", "#784b2d", ["licensor", "destination"]),
        ("embargo", "Embargo", "#87695a", ["imposer", "target"]),
        ("veto", "Veto or blockage", "#b44b00", ["blocker", "blocked"]),
        ("threat", "Threat", "#5a0f1e", ["threatener", "threatened"]),
        ("conditionality", "Condition set", "#5a3c00", ["setter", "conditioned"]),
        ("invasion", "Invasion", "#4b1e0f", ["invader", "invaded"]),
        ("dispute", "Dispute or competition", "#873c3c", None),
        ("military-cooperation", "Military cooperation", "#0f5a3c", None),
        ("dialogue", "Dialogue or negotiation", "#6969a5", None),
        ("partnership", "Close relations", "#5a693c", None),
        ("participation", "Participation", "#0078a5", ["participant", "framework"]),
        ("membership", "Membership", "#4b4b4b", ["member", "body"]),
        ("accession", "Accession process", "#696969", ["candidate", "union"]),
        ("designation", "Designation", "#695ae1", ["designator", "designee"]),
        ("perception", "View of", "#b43ca5", ["viewer", "viewed"]),
        ("sanctions-circumvention", "Sanctions non-alignment", "#d22d3c", ["helper", "helped"]),
        ("balance-of-power", "Balance of power", "#2d782d", ["balancer", "balanced"]),
        ("criticism", "Criticism", "#d21e78", ["critic", "criticised"]),
        ("intervention", "Interventionist approach", "#780000", ["intervener", "theatre"]),
        ("diaspora", "Diaspora", "#a55a00", ["host", "origin"]),
    ]
    relation_types = []
    for id, label, colour, roles in rtypes:
        t = {"id": id, "label": label, "colour": colour, "dated": True}
        if roles:
            t["roles"] = roles
        relation_types.append(t)
    roles_of = {id: roles for id, _, _, roles in rtypes}

    etypes = [("agreement", "Agreement", "#2d785a"), ("procurement", "Procurement", "#0069a5"),
              ("decision", "Decision", "#876900"), ("crisis", "Crisis", "#b44b00"), ("talks", "Talks", "#6969a5"),
              ("accession", "Accession", "#1e7896"), ("declaration", "Declaration", "#b44b78"),
              ("election", "Election", "#696969"), ("military", "Military operation", "#b41e2d"),
              ("trend", "Trend", "#875aa5"), ("other", "Other", "#786978")]

    # Relations ----------------------------------------------------------
    relations = []

    def rel(id, f, t, typ, stance, strength, summary, sources, start=None, end=None, attested=None,
            mutual=False, note=None):
        r = {"id": id, "from": f, "to": t, "type": typ}
        if mutual:
            r["direction"] = "mutual"
        elif roles_of[typ]:
            r["roles"] = {roles_of[typ][0]: f, roles_of[typ][1]: t}
        r["stance"] = stance
        r["strength"] = strength
        if start:
            r["start"] = start
        if end:
            r["end"] = end
        if attested:
            r["attested"] = attested
        r["summary"] = summary
        if note:
            r["note"] = note
        r["sources"] = sources
        relations.append(r)

    RECENT = ("The paper, published in 2025, says this holds now or happened recently; the start is not "
              "given, so the map shows it from 2025, and at earlier dates as of unknown date.")
    # A date the paper does not state is not given: the relation's start is
    # "unknown" and the paper's own date (2025) is the date it attests it at.
    UNDATED = ("The paper gives no year, and the dataset adds none: the map shows it from 2025, the paper's "
               "date, and at earlier dates as of unknown date.")
    SIPRI_PERIOD = ("The paper says Spain and Italy have 'recently' overtaken Germany and the US; SIPRI's "
                    "register gives these shares for deliveries in 2020–2024 (TIV, licensed production included).")

    # Bilateral cooperation: Poland
    rel("rel-pol-tur-tb2", "TUR", "POL", "procurement", "cooperative", 0.8,
        "Poland buys Turkish Bayraktar TB2 drones, the first EU and NATO country to do so.",
        cite("first EU and NATO country to purchase Turkish Bayraktar TB2 drones"), start="2021")
    rel("rel-aselsan-amzkutno", "aselsan", "amz-kutno", "procurement", "cooperative", 0.5,
        "ASELSAN supplies the Polish firm AMZ Kutno with reconnaissance and surveillance systems.",
        q("ASELSAN is supplying the Polish firm AMZ Kutno with reconnaissance and surveillance systems"),
        start="unknown", attested="2025", note=RECENT)
    rel("rel-pol-tur-view", "POL", "TUR", "perception", "cooperative", 0.6,
        "Warsaw sees Ankara as a crucial partner for containing Russia and wants to anchor Turkey in the Western "
        "security architecture; defence cooperation is currently limited to procurement.",
        q("Ankara is a crucial partner for containing Russia"), start="unknown", attested="2025", note=RECENT)
    rel("rel-tur-3si", "TUR", "three-seas", "participation", "cooperative", 0.6,
        "Turkey joins the Three Seas Initiative as a strategic partner.",
        cite("Turkey joined the Three Seas Initiative as a strategic partner"), start="2025-04")
    rel("rel-hrv-pol-3si", "POL", "three-seas", "membership", "cooperative", 0.4,
        "Croatia and Poland launch the Three Seas Initiative.", cite("launched in 2015 by Croatia and Poland"),
        start="2015")
    rel("rel-hrv-3si", "HRV", "three-seas", "membership", "cooperative", 0.4,
        "Croatia and Poland launch the Three Seas Initiative.", cite("launched in 2015 by Croatia and Poland"),
        start="2015")
    # Spain
    rel("rel-esp-tur-view", "ESP", "TUR", "perception", "cooperative", 0.6,
        "Madrid sees Turkish engagement as crucial for NATO's southern flank and the eastern Mediterranean; "
        "Ankara's relatively limited engagement in the western Mediterranean (Morocco, Algeria) lowers the risk "
        "of bilateral tensions.",
        q("relatively limited engagement in the western Mediterranean, particularly regarding Morocco and Algeria"),
        start="unknown", attested="2025", note=RECENT)
    rel("rel-tur-esp-gaza", "TUR", "ESP", "perception", "cooperative", 0.4,
        "Madrid's criticism of the Netanyahu government's Gaza policy is positively received in Ankara, despite "
        "the two countries' different approaches towards Hamas.",
        q("Madrid’s criticism of the Netanyahu government’s Gaza policy is positively received in Ankara"),
        start="unknown", attested="2025", note=RECENT)
    rel("rel-esp-isr-gaza", "ESP", "ISR", "criticism", "adversarial", 0.4,
        "Madrid criticises the Netanyahu government's Gaza policy.",
        q("Madrid’s criticism of the Netanyahu government’s Gaza policy"),
        start="unknown", attested="2025",
        note=RECENT + " The paper names the Netanyahu government, not Israel.")
    rel("rel-esp-tur-hurjet", "ESP", "TUR", "co-production", "cooperative", 0.8,
        "Spain and Turkey are to develop the Hürjet advanced trainer jointly for the Spanish Air Force "
        "(MoU of December 2024, then a €1.375 billion investment announced by Madrid).",
        cite("memorandum of understanding (MoU) in December 2024"), start="2024-12", mutual=True)
    rel("rel-esp-tur-anadolu", "ESP", "TUR", "co-production", "cooperative", 0.5,
        "Turkey's drone-capable amphibious assault ship TCG Anadolu is based on the design of the Spanish carrier "
        "Juan Carlos I; Spain is one of Turkey's co-production partners.",
        cite("TCG Anadolu, was based on that of the Spanish aircraft carrier Juan Carlos I"),
        start="unknown", attested="2025", mutual=True,
        note="The paper does not date the design's transfer; the map places the relation from 2025, the paper's date.")
    # Supplier shares, 2020–2024
    for id, iso, share, stance, extra in [
            ("rel-esp-tur-supplier", "ESP", 34, "cooperative", "Spain has become one of Turkey's top defence suppliers."),
            ("rel-ita-tur-supplier", "ITA", 24, "cooperative", "Italy sees Ankara as a crucial defence partner."),
            ("rel-deu-tur-supplier", "DEU", 19, "cooperative", ""),
            ("rel-usa-tur-supplier", "USA", 17, "neutral", "")]:
        note = SIPRI_PERIOD
        if iso == "USA":
            note += (" The stance is the dataset's own reading: the paper gives only the share, and reports "
                     "heightened US–Turkey frictions over the past ten years.")
        rel(id, iso, "TUR", "arms-supply", stance, round(share / 40, 2),
            ("%s provides %d per cent of Turkey's arms imports (2020–2024). %s" %
             ({"ESP": "Spain", "ITA": "Italy", "DEU": "Germany", "USA": "The United States"}[iso], share, extra)).strip(),
            cite("both Spain (34%) and Italy (24%) have recently overtaken Germany (19%) and the US (17%)")
            + [{"source": SIPRI, "locator": "Trade register: recipient Turkiye, deliveries 2020–2024, by supplier"}],
            start="2020", end="2024", note=note)
    # Italy
    rel("rel-leonardo-baykar", "leonardo", "baykar", "joint-venture", "cooperative", 0.8,
        "Leonardo and Baykar sign an MoU to establish a joint venture for UAV production.",
        cite("In March 2025, the Italian company Leonardo"), start="2025-03", mutual=True)
    rel("rel-baykar-piaggio", "baykar", "piaggio", "acquisition", "cooperative", 0.7,
        "Baykar acquires the Italian aviation firm Piaggio Aerospace.",
        cite("acquisition of Italian aviation firm Piaggio Aerospace in December 2024"), start="2024-12")
    rel("rel-ita-tur-view", "ITA", "TUR", "perception", "cooperative", 0.5,
        "Beyond defence, Rome regards Ankara as a potential partner in energy security, managing migration flows "
        "and providing security in Africa.",
        q("Rome regards Ankara as a potential partner in energy security, the management of migration flows and "
          "the provision of security in Africa"), start="unknown", attested="2025", note=RECENT)
    rel("rel-ita-tur-libya", "ITA", "TUR", "dispute", "adversarial", 0.4,
        "Italy and Turkey compete for influence in Libya and the eastern Mediterranean.",
        q("competing for influence in Libya and the eastern Mediterranean"),
        start="unknown", attested="2025", mutual=True, note=RECENT)
    # Cautious: Sweden, Finland, Germany
    accession_note = ("The paper dates neither Ankara's foot-dragging nor its end; it speaks of Sweden's NATO "
                      "accession as an experience that has shaped Swedish views, so the veto has ended, at a date "
                      "it does not give. The map draws it as of unknown date at every date on the time slider.")
    rel("rel-swe-tur-nato", "TUR", "SWE", "veto", "adversarial", 0.6,
        "Ankara drags its feet over Sweden's NATO accession, which shapes Swedish views of Turkey.",
        cite("in the case of the former, Ankara’s foot-dragging, in particular"),
        start="unknown", end="unknown", note=accession_note)
    rel("rel-fin-tur-nato", "FIN", "TUR", "perception", "neutral", 0.4,
        "Finland's NATO accession experience shapes its view of Turkey: unpredictable, but strategically important "
        "within NATO; \"too important to lose, too unreliable to prioritise\".",
        q("too important to lose, too unreliable to prioritise"), start="unknown", attested="2025",
        note="The paper names Ankara's foot-dragging over Sweden's accession only; for Finland it names the "
             "accession experience as what shaped its view. " + UNDATED)
    rel("rel-swe-tur-view", "SWE", "TUR", "perception", "neutral", 0.4,
        "Sweden regards Ankara as unpredictable but strategically important within NATO: \"too important to lose, "
        "too unreliable to prioritise\".",
        q("too important to lose, too unreliable to prioritise"), start="unknown", attested="2025", note=UNDATED)
    rel("rel-deu-tur-diaspora", "DEU", "TUR", "diaspora", "neutral", 0.6,
        "Germany is the EU member with the largest Turkish diaspora, which makes its relationship with Turkey complex.",
        q("As the EU member with the largest Turkish diaspora"), start="unknown", attested="2025", note=RECENT)
    rel("rel-deu-tur-navy-exports", "DEU", "TUR", "arms-export-licensing", "cooperative", 0.6,
        "Germany has recently approved arms exports for the Turkish Navy.",
        cite("Germany’s recent approval of arms exports for the Turkish Navy"),
        start="unknown", attested="2025", note=RECENT)
    rel("rel-deu-tur-embargo", "DEU", "TUR", "embargo", "adversarial", 0.6,
        "Germany and other EU member states impose an arms embargo on Turkey after its 2019 incursion into "
        "northern Syria; it has since been lifted.",
        cite("lifting of an embargo initially imposed by Germany and other EU member states"),
        start="2019", end="unknown",
        note="The paper says the embargo was lifted before Germany's recent approval of naval exports, but not "
             "when; the map shows it only in 2019, its last attested year.")
    rel("rel-deu-tur-eurofighter", "DEU", "TUR", "veto", "adversarial", 0.5,
        "Germany vetoed the delivery of Eurofighters to Turkey, a veto it has recently withdrawn.",
        cite("Berlin recently withdrew its veto on the delivery of Eurofighters"),
        start="unknown", end="unknown",
        note="The paper dates neither the veto nor its withdrawal ('recently'), so the map draws it as of "
             "unknown date at every date on the time slider.")
    # Reluctant: France
    rel("rel-fra-tur-licensing", "FRA", "TUR", "arms-export-licensing", "adversarial", 0.5,
        "Since Turkey's 2019 incursion into northern Syria, France approves export licences case by case and no "
        "longer allows the sale of weapon systems.",
        cite("France has approved export licences on a case-by-case basis"), start="2019")
    rel("rel-fra-tur-competitor", "FRA", "TUR", "dispute", "adversarial", 0.7,
        "Paris increasingly sees Ankara as a strategic competitor; ties have soured over Syria, the eastern "
        "Mediterranean, diaspora policy and Turkey's authoritarian trend.",
        q("strategic competitor"), start="unknown", attested="2025", mutual=True,
        note="The paper dates the souring of ties only as 'during the past decade'. " + UNDATED)
    rel("rel-fra-tur-dialogue", "FRA", "TUR", "dialogue", "neutral", 0.3,
        "Bilateral relations seem to have entered a new phase of dialogue, a tentative rapprochement.",
        cite("bilateral relations seem to have entered a new phase of dialogue"),
        start="unknown", attested="2025", mutual=True, note=RECENT)
    rel("rel-fra-tur-muslim-orgs", "FRA", "TUR", "perception", "adversarial", 0.5,
        "Paris believes that Turkish Muslim organisations have driven the Islamic resurgence in France, which it "
        "sees as destabilising and polarising.",
        q("has been driven by Turkish Muslim organisations"), start="unknown", attested="2025", note=RECENT)
    rel("rel-tur-fra-suspicion", "TUR", "FRA", "perception", "adversarial", 0.5,
        "Ankara is suspicious of Paris's close relations with Greece and the UAE.",
        q("suspicious of Paris’s close relations with Greece (and the UAE)"),
        start="unknown", attested="2025", note=RECENT)
    rel("rel-fra-are-ties", "FRA", "ARE", "partnership", "cooperative", 0.5,
        "Paris has close relations with the UAE, of which Ankara is suspicious.",
        q("suspicious of Paris’s close relations with Greece (and the UAE)"),
        start="unknown", attested="2025", mutual=True, note=RECENT)
    rel("rel-fra-grc-ties", "FRA", "GRC", "partnership", "cooperative", 0.5,
        "Paris has close relations with Greece, of which Ankara is suspicious.",
        q("suspicious of Paris’s close relations with Greece (and the UAE)"),
        start="unknown", attested="2025", mutual=True, note=RECENT)
    rel("rel-tur-rus-s400", "RUS", "TUR", "procurement", "neutral", 0.6,
        "Turkey buys the S-400 air defence system from Russia.", cite("purchase of the S-400 air defence system"),
        start="unknown", attested="2025",
        note="The paper does not date the purchase; it names it as a reason for France's present view. " + UNDATED)
    rel("rel-fra-cyp-grc-block", "FRA", "TUR", "veto", "adversarial", 0.7,
        "France, Cyprus and Greece block the financing of the supply of Turkish UAVs and artillery shells to Ukraine.",
        cite("blocked the financing of the supply of Turkish UAVs"), start="2024")
    rel("rel-grc-tur-block", "GRC", "TUR", "veto", "adversarial", 0.7,
        "Greece, with France and Cyprus, blocks the financing of Turkish UAVs and artillery shells for Ukraine.",
        cite("blocked the financing of the supply of Turkish UAVs"), start="2024")
    rel("rel-cyp-tur-block", "CYP", "TUR", "veto", "adversarial", 0.6,
        "Cyprus, with France and Greece, blocks the financing of Turkish UAVs and artillery shells for Ukraine.",
        cite("blocked the financing of the supply of Turkish UAVs"), start="2024")
    rel("rel-fra-cze-ammo", "FRA", "CZE", "veto", "adversarial", 0.4,
        "France initially objects to a Czech-led initiative to procure ammunition from third countries.",
        cite("France’s initial objection to a Czech-led initiative in 2024"), start="2024", end="unknown",
        note="'Initial' implies the objection was dropped; the paper does not say when, so the map shows it "
             "only in 2024.")
    # Reluctant: Greece
    rel("rel-grc-tur-aegean", "GRC", "TUR", "dispute", "adversarial", 0.9,
        "Unresolved disputes over the status of Aegean islands, airspace and maritime boundaries in the Aegean "
        "and the Mediterranean.",
        cite("embroiled in numerous unresolved disputes over the status of islands"),
        start="unknown", attested="1995", mutual=True,
        note="The paper calls the two 'historical foes' without dating the disputes; the map places them from "
             "1995, when the casus belli resolution over territorial waters attests them.")
    rel("rel-tur-grc-casus-belli", "TUR", "GRC", "threat", "adversarial", 1.0,
        "The Turkish parliament authorises the government to declare a casus belli should Greece extend its "
        "territorial waters in the Aegean beyond six nautical miles.",
        cite("In 1995, the Turkish parliament gave the government the green light"), start="1995")
    rel("rel-tur-grc-islands", "TUR", "GRC", "threat", "adversarial", 0.7,
        "Ankara's veiled threats over Greece's alleged militarisation of the Aegean islands remain a source of "
        "concern in Athens.",
        q("Ankara’s veiled threats against Greece over the latter’s alleged militarisation of the Aegean islands"),
        start="unknown", attested="2025", note=RECENT)
    rel("rel-grc-tur-conditionality", "GRC", "TUR", "conditionality", "adversarial", 0.6,
        "Athens demands that Ankara's participation in EU defence programmes be conditional on Turkey lifting "
        "its war threat.",
        q("Athens demands that Ankara’s participation in EU defence programmes should be conditional upon "
          "Turkey’s lifting of its war threat"), start="unknown", attested="2025", note=RECENT)
    rel("rel-grc-tur-talks", "GRC", "TUR", "dialogue", "neutral", 0.5,
        "Athens and Ankara resume exploratory talks after the longest military face-off in the region since the 1970s.",
        cite("Athens and Ankara resumed exploratory talks"), start="2021", mutual=True)
    rel("rel-usa-grc", "USA", "GRC", "military-cooperation", "cooperative", 0.6,
        "Growing strategic cooperation between the United States and Greece (and Cyprus), begun under the first "
        "Trump administration and accelerated under Biden.",
        cite("started under the first Trump administration"), start="unknown", attested="2025", mutual=True,
        note="The paper says the cooperation started under the first Trump administration, not in which year. "
             + UNDATED)
    rel("rel-usa-tur-friction", "USA", "TUR", "dispute", "adversarial", 0.6,
        "Heightened frictions between Washington and Ankara over the past ten years cast doubt on Washington's "
        "ability to mediate between Athens and Ankara.",
        q("the heightened frictions between Washington and Ankara over the past ten years"),
        start="unknown", attested="2025", mutual=True,
        note="The paper dates the frictions only as 'over the past ten years'. " + UNDATED)
    # NATO, the Black Sea, Ukraine, Russia
    rel("rel-tur-nato", "TUR", "nato", "membership", "cooperative", 0.9,
        "Turkey, NATO's second-largest army, consistently takes part in NATO missions; NATO is central to its "
        "security identity.",
        cite("As NATO’s second-largest army", "NATO plays a central role in Turkey’s security identity",
             "Turkey, which consistently participates in NATO missions"),
        start="unknown", attested="2022-06",
        note="The paper does not say when Turkey joined NATO; the earliest date it attests the membership at is "
             "June 2022, when Turkey assumed the command of NATO's Very High Readiness Joint Task Force. The map "
             "shows it from then, and at earlier dates as of unknown date.")
    rel("rel-tur-ukr", "TUR", "UKR", "procurement", "cooperative", 0.6,
        "Since 2014 Turkey has supported the Ukrainian military through defence exports and co-production.",
        cite("supported the Ukrainian military through defence exports and co-production"), start="2014",
        note="The paper dates the support from Moscow's annexation of Crimea in 2014 ('Ever since').")
    rel("rel-tur-rus-sanctions", "TUR", "RUS", "sanctions-circumvention", "neutral", 0.4,
        "Turkey has not joined Western sanctions against Russia (as a matter of principle, it says, it joins only "
        "UN sanctions) and has helped Moscow circumvent them, less so since US secondary sanctions.",
        q("as a matter of principle, it joins only UN sanctions"), start="unknown", attested="2025",
        note="The paper does not date the sanctions or their circumvention. " + UNDATED)
    rel("rel-rus-ukr-war", "RUS", "UKR", "invasion", "adversarial", 1.0, "Russia's full-scale invasion of Ukraine.",
        cite("multi-front attack on Ukraine in February 2022"), start="2022-02")
    rel("rel-ukr-tur-blacksea", "UKR", "TUR", "perception", "cooperative", 0.6,
        "Kyiv sees Turkey as a key player in securing and stabilising the Black Sea region.",
        q("Kyiv views Turkey as a key player in securing and stabilising the Black Sea region"),
        start="unknown", attested="2025", note=RECENT)
    rel("rel-tur-rus-blacksea", "TUR", "RUS", "balance-of-power", "neutral", 0.5,
        "Since the end of the Cold War, Turkey has kept a balance of power with Russia in the Black Sea while "
        "avoiding direct confrontation.",
        cite("Turkish policy in the Black Sea since the end of the Cold War"), start="unknown", attested="2025",
        note="The paper says 'since the end of the Cold War', without a year. " + UNDATED)
    rel("rel-tur-rom-bgr-mines-rou", "TUR", "ROU", "military-cooperation", "cooperative", 0.7,
        "Turkey, Romania and Bulgaria agree to clear floating mines in the Black Sea.",
        cite("signed an agreement with Romania and Bulgaria"), start="2024-01", mutual=True)
    rel("rel-tur-rom-bgr-mines-bgr", "TUR", "BGR", "military-cooperation", "cooperative", 0.7,
        "Turkey, Romania and Bulgaria agree to clear floating mines in the Black Sea.",
        cite("signed an agreement with Romania and Bulgaria"), start="2024-01", mutual=True)
    rel("rel-usa-irn-intervention", "USA", "IRN", "intervention", "adversarial", 0.5,
        "The Trump administration's interventionist approach in the Middle East (Gaza and Iran).",
        q("his interventionist approach in the Middle East (Gaza and Iran)"), start="unknown", attested="2025",
        note="The paper speaks of the second Trump administration's approach without a date. " + UNDATED)
    # Trump II and Brussels
    coalition_note = ("The paper speaks of the current Trump administration and gives no date. " + UNDATED)
    rel("rel-tur-coalition", "TUR", "coalition-of-the-willing", "participation", "cooperative", 0.4,
        "Turkey attends the meetings of the coalition of the willing and is ready to monitor a potential "
        "ceasefire in Ukraine.",
        cite("Turkey has attended the meetings of the “coalition of the willing”"), start="unknown", attested="2025", note=coalition_note)
    rel("rel-gbr-coalition", "GBR", "coalition-of-the-willing", "membership", "cooperative", 0.6,
        "The United Kingdom leads the coalition of the willing, with France.",
        cite("led by the United Kingdom and France"), start="unknown", attested="2025", note=coalition_note)
    rel("rel-fra-coalition", "FRA", "coalition-of-the-willing", "membership", "cooperative", 0.6,
        "France leads the coalition of the willing, with the United Kingdom.",
        cite("led by the United Kingdom and France"), start="unknown", attested="2025", note=coalition_note)
    like_minded_note = RECENT
    rel("rel-tur-safe", "TUR", "safe", "participation", "cooperative", 0.5,
        "As a candidate country identified as like-minded, Turkey may contribute up to 35 per cent of a defence "
        "product under SAFE.",
        cite("can now contribute up to 35 per cent of a defence product"), start="unknown", attested="2025", note=like_minded_note)
    rel("rel-com-tur", "european-commission", "TUR", "designation", "cooperative", 0.5,
        "The European Commission identifies Turkey as a like-minded non-EU partner.",
        cite("identified by both the European Commission and the European Council"), start="unknown",
        attested="2025", note=like_minded_note)
    rel("rel-council-tur", "european-council", "TUR", "designation", "cooperative", 0.5,
        "The European Council identifies Turkey as a like-minded non-EU partner.",
        cite("identified by both the European Commission and the European Council"), start="unknown",
        attested="2025", note=like_minded_note)
    rel("rel-ep-tur", "european-parliament", "TUR", "perception", "neutral", 0.4,
        "The European Parliament sees Turkey as a strategic partner and NATO ally, not a like-minded partner, "
        "and cautions about democratic backsliding.",
        q("country with close but complex ties to the EU in security, trade, economy and migration"),
        start="unknown", attested="2025", note=RECENT)
    rel("rel-eu-gbr-pact", "eu", "GBR", "dialogue", "cooperative", 0.6,
        "Brussels negotiates a defence pact with the UK with provisions beyond the 35 per cent baseline; no "
        "comparable framework is pursued with Ankara.",
        cite("currently negotiating a defence pact with the UK"), start="unknown", attested="2025", mutual=True,
        note=RECENT)
    rel("rel-eu-tur-accession", "TUR", "eu", "accession", "neutral", 0.4,
        "Turkey's EU accession negotiations are stalled; Ankara uses defence cooperation as leverage for membership.",
        cite("attempting to use defence cooperation as leverage for EU membership",
             "With the accession negotiations stalled"),
        start="unknown", attested="2025",
        note="The paper does not date Turkey's candidacy or the negotiations; the map places the relation from "
             "2025, when the paper calls the negotiations stalled.")
    rel("rel-eu-tur-dialogue", "eu", "TUR", "dialogue", "neutral", 0.4,
        "The EU's high-level political dialogue meetings with Turkey, not convened since November 2018.",
        cite("which have not been convened since November 2018"), start="unknown", end="2018-11", mutual=True,
        note="The paper gives only the last meeting; when the meetings began is not stated.")

    # Events ---------------------------------------------------------------
    events = []

    def ev(id, date, typ, title, actors_, sources, description=None, rels=None, place=None, end=None, note=None):
        e = {"id": id, "date": date}
        if end:
            e["end"] = end
        e.update({"type": typ, "title": title, "actors": actors_})
        if description:
            e["description"] = description
        if rels:
            e["relations"] = rels
        if place:
            e["place"] = place
        if note:
            e["note"] = note
        e["sources"] = sources
        events.append(e)

    ev("ev-1995-casus-belli", "1995", "decision", "Turkish parliament's casus belli resolution", ["TUR", "GRC"],
       cite("In 1995, the Turkish parliament gave the government the green light"),
       "The Turkish parliament gives the government the green light to declare a casus belli if Greece unilaterally "
       "extends its territorial waters in the Aegean beyond six nautical miles.",
       ["rel-tur-grc-casus-belli"], {"feature": "aegean-sea"})
    ev("ev-late-2000s-autocratisation", "2007", "trend", "Turkey begins moving steadily towards an autocratic system",
       ["TUR"], q("Turkey has been moving steadily towards an autocratic political system since the late 2000s"),
       "Turkey's ongoing autocratisation shapes the EU's cautious balancing act towards its role in European security.",
       end="2009", note="The paper says 'since the late 2000s'; the dataset renders that as 2007–2009, the start of "
                        "a trend that continues.")
    ev("ev-2010-exports-rise", "2010", "other", "Turkey's defence and aerospace exports begin a steady rise", ["TUR"],
       cite("Since 2010, Turkey’s defence and aerospace exports have been steadily increasing"))
    ev("ev-2014-crimea", "2014", "crisis", "Russia annexes Crimea; proxy statelets occupy parts of Donbas",
       ["RUS", "UKR"], cite("Ever since Moscow’s annexation of Crimea"),
       "Ankara has since repeatedly stressed its commitment to Ukraine's territorial integrity.",
       ["rel-tur-ukr"], {"feature": "crimea"})
    ev("ev-2015-3si", "2015", "agreement", "Croatia and Poland launch the Three Seas Initiative",
       ["HRV", "POL", "three-seas"], cite("launched in 2015 by Croatia and Poland"),
       rels=["rel-hrv-pol-3si", "rel-hrv-3si"])
    ev("ev-2018-11-dialogue", "2018-11", "talks", "Last EU–Turkey high-level political dialogue meeting",
       ["eu", "TUR"], cite("which have not been convened since November 2018"),
       "The EU's high-level political dialogue meetings with Turkey have not been convened since.",
       ["rel-eu-tur-dialogue"])
    ev("ev-2019-syria", "2019", "military", "Turkish military incursion into northern Syria", ["TUR", "SYR"],
       cite("Turkey’s military incursion into northern Syria in 2019", "Since the Turkish military incursion into northern Syria in 2019"),
       "Germany and other EU member states impose an arms embargo; France stops allowing sales of weapon systems.",
       ["rel-deu-tur-embargo", "rel-fra-tur-licensing"])
    ev("ev-2021-tb2", "2021", "procurement", "Poland buys Bayraktar TB2 drones", ["POL", "TUR", "baykar"],
       cite("first EU and NATO country to purchase Turkish Bayraktar TB2 drones"),
       "The first EU and NATO country to purchase Turkish Bayraktar TB2 drones.", ["rel-pol-tur-tb2"])
    ev("ev-2021-exploratory-talks", "2021", "talks", "Greece and Turkey resume exploratory talks", ["GRC", "TUR"],
       cite("Athens and Ankara resumed exploratory talks"),
       "After the longest military face-off in the region since the 1970s.", ["rel-grc-tur-talks"])
    ev("ev-2022-02-invasion", "2022-02", "crisis", "Russia's full-scale invasion of Ukraine", ["RUS", "UKR"],
       cite("multi-front attack on Ukraine in February 2022"), rels=["rel-rus-ukr-war"])
    ev("ev-2022-06-vjtf", "2022-06", "military", "Turkey takes command of NATO's Very High Readiness Joint Task Force",
       ["TUR", "nato"], cite("Turkey assumed the command of NATO’s Very High Readiness Joint Task Force"),
       rels=["rel-tur-nato"],
       note="As the paper states it. Other public sources (NATO's own) give 2021 as the year Turkey led the VJTF.")
    ev("ev-2023-erdogan", "2023", "election", "President Erdoğan and his ruling alliance re-elected", ["TUR"],
       cite("the re-election of President Erdoğan and his ruling alliance (in 2023)"),
       "One of three factors behind Berlin's more pragmatic view of Ankara.")
    ev("ev-2024-01-mine-clearing", "2024-01", "agreement",
       "Turkey, Romania and Bulgaria agree to clear floating mines in the Black Sea", ["TUR", "ROU", "BGR"],
       cite("signed an agreement with Romania and Bulgaria"),
       rels=["rel-tur-rom-bgr-mines-rou", "rel-tur-rom-bgr-mines-bgr"], place={"point": [31.0, 43.3]},
       note="The point in the western Black Sea is the dataset's own placement; the paper gives no place.")
    ev("ev-2024-czech-ammo", "2024", "decision", "France objects to the Czech-led ammunition initiative",
       ["FRA", "CZE"], cite("France’s initial objection to a Czech-led initiative in 2024"), rels=["rel-fra-cze-ammo"])
    ev("ev-2024-ukraine-financing-blocked", "2024", "decision",
       "France, Cyprus and Greece block financing of Turkish UAVs and shells for Ukraine",
       ["FRA", "CYP", "GRC", "TUR", "UKR"], cite("blocked the financing of the supply of Turkish UAVs"),
       rels=["rel-fra-cyp-grc-block", "rel-grc-tur-block", "rel-cyp-tur-block"])
    ev("ev-2024-12-hurjet-mou", "2024-12", "agreement", "Spain and Turkey sign an MoU on the Hürjet trainer",
       ["ESP", "TUR"], cite("memorandum of understanding (MoU) in December 2024"),
       "Madrid later ('recently') announces a €1.375 billion investment.", ["rel-esp-tur-hurjet"])
    ev("ev-2024-12-piaggio", "2024-12", "agreement", "Baykar acquires Piaggio Aerospace",
       ["baykar", "piaggio", "TUR", "ITA"], cite("acquisition of Italian aviation firm Piaggio Aerospace in December 2024"),
       rels=["rel-baykar-piaggio"])
    ev("ev-2024-exports", "2024", "other", "Turkey's defence and aerospace exports reach US$7.15 billion", ["TUR"],
       cite("they reached a total of US$7.15 billion in 2024"), "A 29 per cent increase over the previous year.")
    ev("ev-2025-03-19-imamoglu", "2025-03-19", "crisis", "Istanbul mayor Ekrem İmamoğlu arrested", ["TUR"],
       cite("On 19 March 2025"),
       "Another quantum leap towards autocracy, on the day Erdoğan's most formidable rival was arrested.",
       place={"point": [28.98, 41.01]})
    ev("ev-2025-03-leonardo-baykar", "2025-03", "agreement", "Leonardo and Baykar sign an MoU for a UAV joint venture",
       ["leonardo", "baykar", "ITA", "TUR"], cite("In March 2025, the Italian company Leonardo"),
       rels=["rel-leonardo-baykar"])
    ev("ev-2025-04-3si", "2025-04", "accession", "Turkey joins the Three Seas Initiative as a strategic partner",
       ["TUR", "three-seas"], cite("Turkey joined the Three Seas Initiative as a strategic partner"),
       rels=["rel-tur-3si"])
    ev("ev-2025-06-hague", "2025-06", "declaration", "NATO Hague Summit Declaration names Russia a long-term threat",
       ["nato", "TUR", "RUS"], q("the long-term threat posed by Russia to Euro-Atlantic security"),
       "Turkey signed it, but does not consider Russia a primary threat.")
    ev("ev-2025-istanbul-talks", "2025", "talks", "Ankara hosts Russian–Ukrainian talks in Istanbul",
       ["TUR", "RUS", "UKR"], cite("Ankara hosted talks between Russian and Ukrainian delegations in Istanbul"),
       "No concrete progress towards a ceasefire.", place={"point": [28.98, 41.01]},
       note="The paper says 'recently'; the year is the dataset's inference from the paper's date (2025).")
    ev("ev-2025-maritime-offer", "2025", "declaration",
       "Turkey reportedly offers to take on the maritime part of a multinational deployment in Ukraine",
       ["TUR", "UKR", "coalition-of-the-willing"],
       q("reportedly signalled a willingness to assume responsibility for the maritime dimension of any "
         "multinational deployment"),
       "Alongside its readiness to monitor a potential ceasefire in Ukraine.", ["rel-tur-coalition"],
       note="The paper gives no date; the year is the dataset's inference (the coalition's meetings of 2025).")

    # Grouping ------------------------------------------------------------
    grouping = {"id": "stance-2025", "label": "Stance towards defence cooperation with Turkey",
                "description": "Three broad categories of EU member states by their willingness to cooperate with "
                               "Turkey, from nine reports commissioned by CATS.",
                # The paper's reports describe the member states' stances as of
                # its writing and date them no further: before 2025 the map
                # draws them as of unknown date.
                "start": "unknown", "attested": "2025",
                "sources": cite("commissioned nine reports"),
                "groups": [
                    {"id": "cooperative", "label": "Cooperative", "colour": "#c8f8c8",
                     "description": "Relatively cooperative and friendly relations with Turkey.",
                     "members": ["POL", "ESP", "ITA"],
                     "sources": cite("Those with relatively cooperative and friendly relations with Turkey")},
                    {"id": "cautious", "label": "Cautious", "colour": "#f8e898",
                     "description": "A more cautious or reserved stance, though relatively open.",
                     "members": ["SWE", "FIN", "DEU"], "sources": cite("Those with a more cautious or reserved stance")},
                    {"id": "reluctant", "label": "Reluctant", "colour": "#f0c098",
                     "description": "Reluctant to engage with Turkey.", "members": ["FRA", "GRC"],
                     "sources": cite("Those reluctant to engage with Turkey")}]}

    # Figures ---------------------------------------------------------------
    tiv, total, generated = sipri_supplier_shares(sipri_path, "Turkiye", 2020, 2024)
    shares = []
    for iso, name, paper_share in [("ESP", "Spain", 34), ("ITA", "Italy", 24), ("DEU", "Germany", 19),
                                   ("USA", "United States", 17)]:
        unrounded = round(100 * tiv[name] / total, 2)
        if round(unrounded) != paper_share:
            fail("SIPRI gives %s %.2f %%, which does not round to the paper's %d %%" % (name, unrounded, paper_share))
        shares.append({"actor": iso, "value": paper_share, "unrounded": unrounded})
    if abs(total - 1635.10) > 0.005:
        fail("SIPRI's 2020–2024 deliveries to Türkiye total %.2f TIV, not 1,635.10" % total)
    figures = [
        {"id": "fig-tur-arms-import-shares", "kind": "shares", "title": "Shares of Turkey's arms imports by supplier",
         "subject": "TUR", "role": "recipient", "unit": "percent", "period": "2020–2024",
         "whole": "Turkey's imports of major arms, 2020–2024, in SIPRI trend-indicator values (TIV)",
         "values": shares,
         "note": ("The paper gives the four shares ('recently'); SIPRI's register gives them for deliveries in "
                  "2020–2024, licensed production included (%.2f million TIV in all). Unrounded: %s; "
                  "'Other' is computed from these."
                  % (total, ", ".join("%s %.2f %%" % (s["actor"], s["unrounded"]) for s in shares))),
         "sources": cite("both Spain (34%) and Italy (24%) have recently overtaken Germany (19%) and the US (17%)")
         + [{"source": SIPRI, "locator": "Trade register: recipient Turkiye, deliveries 2020–2024, by supplier"}]},
        {"id": "fig-tur-defence-exports", "kind": "value", "title": "Turkey's defence and aerospace exports",
         "subject": "TUR", "role": "supplier", "unit": "USD billion",
         "values": [{"period": "2024", "value": 7.15}],
         "change": {"value": 29, "unit": "percent", "against": "the previous year"},
         "note": "Exports have risen steadily since 2010.",
         "sources": cite("they reached a total of US$7.15 billion in 2024")},
        {"id": "fig-fra-customers-tur-rank", "kind": "rank", "title": "Turkey's rank among buyers of French arms",
         "subject": "FRA", "role": "supplier", "unit": "rank", "period": "2013–2022",
         "base": "top buyers of French arms exports",
         "values": [{"actor": "TUR", "value": 30}],
         "note": ("The paper does not say how many buyers there were or what measure it ranks by. SIPRI's "
                  "register, by TIV of deliveries 2013–2022, would place Türkiye 45th of 96 recipients of French "
                  "major arms, so the paper's ranking rests on another measure."),
         "sources": cite("Turkey ranked just 30th among the top buyers of French arms exports")},
        {"id": "fig-safe-candidate-share", "kind": "bound", "bound": "upper",
         "title": "Ceiling on a candidate country's share of a defence product under SAFE", "subject": "safe",
         "unit": "percent", "values": [{"label": "Candidate countries, such as Turkey", "value": 35}],
         "note": "A ceiling: candidate countries can contribute up to 35 per cent of a defence product.",
         "sources": cite("can now contribute up to 35 per cent of a defence product")},
        {"id": "fig-tur-situational-awareness", "kind": "bound", "bound": "upper",
         "title": "Turkey's share of situational awareness information for NATO and Ukraine in the Black Sea",
         "subject": "TUR", "unit": "percent", "values": [{"actor": "TUR", "value": 67}],
         "note": "The paper says 'up to 67 per cent of all situational awareness information'.",
         "sources": q("provides up to 67 per cent of all situational awareness information to NATO and Ukraine")},
        {"id": "fig-esp-hurjet-investment", "kind": "value", "title": "Spain's announced investment in the Hürjet programme",
         "subject": "ESP", "unit": "EUR billion", "values": [{"label": "Announced investment", "value": 1.375}],
         "note": "Announced 'recently', after the MoU of December 2024; the paper gives no date.",
         "sources": cite("Madrid recently announced a €1.375 billion investment")},
    ]

    annotations = [
        {"id": "bosporus", "kind": "strait", "name": "Bosporus",
         "text": "Under the Montreux Convention, Turkey controls the access of warships to the Black Sea at times of war.",
         "geometry": {"feature": "Bosporus"}, "sources": cite("as stipulated in the Montreux Convention")},
        {"id": "dardanelles", "kind": "strait", "name": "Dardanelles",
         "text": "Montreux Convention: Turkey controls warships' access to the Black Sea in wartime.",
         "geometry": {"feature": "Dardanelles"}, "sources": cite("as stipulated in the Montreux Convention")},
        {"id": "aegean-sea", "kind": "area", "name": "Aegean Sea",
         "text": "Greek–Turkish disputes over islands, airspace and maritime boundaries; Turkey's 1995 casus belli "
                 "over territorial waters beyond 6 nautical miles.",
         "geometry": {"feature": "Aegean Sea"},
         "sources": cite("embroiled in numerous unresolved disputes over the status of islands")},
        {"id": "crimea", "kind": "disputed-area", "name": "Crimea",
         "text": "Annexed by Russia in 2014; Ankara stresses Ukraine's territorial integrity.",
         "geometry": {"feature": "Crimea"}, "sources": cite("Ever since Moscow’s annexation of Crimea")},
    ]

    views = [
        {"id": "black-sea", "title": "Black Sea", "subtitle": "Littoral states, Crimea and the Turkish Straits",
         "region": "black-sea", "overlays": ["disputed-areas", "straits"]},
        {"id": "aegean", "title": "Aegean", "subtitle": "Greek–Turkish disputes, the 1995 casus belli and Cyprus",
         "region": "aegean", "overlays": ["disputed-areas", "aegean-sea", "straits"],
         "relation_types": ["dispute", "threat", "conditionality", "dialogue", "veto", "military-cooperation"]},
        {"id": "eu-groupings", "title": "EU Groupings",
         "subtitle": "EU member states by their stance towards defence cooperation with Turkey (SWP, 2025)",
         "region": "europe", "grouping": "stance-2025",
         "relation_types": ["procurement", "arms-supply", "co-production", "joint-venture", "acquisition",
                            "arms-export-licensing", "embargo", "veto"],
         "overlays": ["disputed-areas"]},
    ]

    sipri_date = "2026-02-12"
    if "12 Feb 2026" not in generated:
        fail("the SIPRI register's date changed: %s" % generated)
    return {
        "format": "straits-dataset", "format_version": 1,
        "metadata": {"title": "Turkey and European Security",
                     "description": "Actors, relations, events, groupings and figures from SWP Comment 2025/C 36: how "
                                    "EU member states and institutions engage Turkey in defence and security, the Black "
                                    "Sea, and the Greek–Turkish disputes.",
                     "version": "1.1", "date": "2025", "licence": "CC BY 4.0",
                     "authors": ["Straits developers, from the paper by Sinem Adar et al."]},
        "vocabulary": {"relation_types": relation_types,
                       "event_types": [{"id": i, "label": l, "colour": c} for i, l, c in etypes]},
        "sources": [
            {"id": S, "title": "Turkey and European Security",
             "authors": ["Sinem Adar", "Hürcan Aslı Aksoy", "Minna Ålander", "Alberto Bueno", "Alessia Chiriatti",
                         "Antonia Dimou", "Paul T. Levin", "Nicolas Monceau", "Günter Seufert", "Eduard Soler i Lecha",
                         "Maryna Vorotnyuk", "Karol Wasilewski"],
             "publisher": "Stiftung Wissenschaft und Politik (SWP), SWP Comment 2025/C 36", "date": "2025",
             "doi": "10.18449/2025C36", "url": "https://doi.org/10.18449/2025C36", "licence": "CC BY 4.0",
             "sections": paper.source_sections()},
            {"id": SIPRI, "title": "SIPRI Arms Transfers Database",
             "publisher": "Stockholm International Peace Research Institute (SIPRI)", "date": sipri_date,
             "url": "https://www.sipri.org/databases/armstransfers"},
        ],
        "actors": actors, "groupings": [grouping], "relations": relations, "events": events, "figures": figures,
        "views": views, "annotations": annotations,
    }


if __name__ == "__main__":
    main()
