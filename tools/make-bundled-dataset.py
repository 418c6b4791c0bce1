import json
import os
S = "swp-2025c36"
INTRO = "Introduction"
H_TRUMP = "Enter Trump II: Rapprochement between the EU and Ankara"
H_BRUSSELS = "Concerns in Brussels: Between EU accession and overreliance on Ankara"
H_DIFF = "Differences among the member states"
H_COOP = "Bilateral cooperation with Turkey: Poland, Spain and Italy"
H_CAUT = "Cautious but open for engagement: Sweden, Finland and Germany"
H_REL = "Reluctant to cooperate: France and Greece"
H_ALIGN = "EU’s long-term structural alignment with Turkey: Bilateral versus gradual approach"
H_BLACK = "Securing the Black Sea region"
H_NATO = "Cementing the NATO alliance"
H_SOUTH = "Stabilising the shared southern neighbourhood"
H_CONC = "Conclusions for the EU"

def cite(loc, quote=None):
    c = {"source": S, "locator": loc}
    if quote: c["quote"] = quote
    return [c]

EU_NATO = ["EU", "NATO"]
states = [
 ("TUR","Turkey",["NATO","EU-candidate"],INTRO),
 ("POL","Poland",EU_NATO,H_COOP),("ESP","Spain",EU_NATO,H_COOP),("ITA","Italy",EU_NATO,H_COOP),
 ("SWE","Sweden",EU_NATO,H_CAUT),("FIN","Finland",EU_NATO,H_CAUT),("DEU","Germany",EU_NATO,H_CAUT),
 ("FRA","France",EU_NATO,H_REL),("GRC","Greece",EU_NATO,H_REL),("CYP","Republic of Cyprus",["EU"],H_REL),
 ("UKR","Ukraine",["EU-candidate"],INTRO),("RUS","Russia",[],INTRO),("USA","United States",["NATO"],INTRO),
 ("GBR","United Kingdom",["NATO"],H_TRUMP),("ROU","Romania",EU_NATO,H_NATO),("BGR","Bulgaria",EU_NATO,H_NATO),
 ("HRV","Croatia",EU_NATO,H_COOP),("CZE","Czechia",EU_NATO,H_REL),("SYR","Syria",[],H_CAUT),
 ("ARE","United Arab Emirates",[],H_REL),("MAR","Morocco",[],H_COOP),("DZA","Algeria",[],H_COOP),
 ("LBY","Libya",[],H_COOP),("ISR","Israel",[],H_COOP),("IRN","Iran",[],H_SOUTH),
]
actors = []
for iso, name, mem, loc in states:
    a = {"id": iso, "kind": "state", "name": name, "iso3": iso, "memberships": mem, "sources": cite(loc)}
    if iso == "CYP": a["short_name"] = "Cyprus"
    if iso == "TUR":
        a["description"] = ("NATO's second-largest army and the state with the longest coastline on the Black Sea; "
                            "under the Montreux Convention it controls warships' access to the Black Sea in wartime. "
                            "An EU candidate whose accession negotiations are stalled.")
    if iso == "GBR": a["short_name"] = "UK"
    if iso == "USA": a["short_name"] = "US"
    if iso == "ARE": a["short_name"] = "UAE"
    actors.append(a)
def org(id, kind, name, loc, lonlat, short=None, country=None, desc=None, mem=None):
    a = {"id": id, "kind": kind, "name": name, "location": lonlat, "sources": cite(loc)}
    if short: a["short_name"] = short
    if country: a["country"] = country
    if desc: a["description"] = desc
    if mem: a["memberships"] = mem
    actors.append(a)
org("eu","international-organisation","European Union",INTRO,[4.37,50.84],"EU")
org("nato","alliance","North Atlantic Treaty Organization",INTRO,[4.42,50.88],"NATO")
org("european-commission","eu-institution","European Commission",H_TRUMP,[4.38,50.84],"Commission")
org("european-council","eu-institution","European Council",H_TRUMP,[4.38,50.84],"Council")
org("european-parliament","eu-institution","European Parliament",H_BRUSSELS,[4.37,50.84],"Parliament")
org("three-seas","initiative","Three Seas Initiative",H_COOP,[21.01,52.23],"3SI",desc="Launched in 2015 by Croatia and Poland to strengthen transport, energy and digital links among the 12 EU member states around the Baltic, Adriatic and Black Seas.")
org("safe","initiative","Security Action for Europe (SAFE) regulation",H_TRUMP,[4.38,50.84],"SAFE",desc="An EU mechanism for joint defence investment; candidate countries such as Turkey may contribute up to 35 per cent of a defence product.")
org("coalition-of-the-willing","initiative","Coalition of the willing",H_TRUMP,[-0.13,51.50],desc="Led by the United Kingdom and France on the security of Ukraine.")
org("aselsan","company","ASELSAN",H_COOP,[32.75,39.98],country="TUR")
org("amz-kutno","company","AMZ Kutno",H_COOP,[19.36,52.23],country="POL")
org("baykar","company","Baykar Technologies",H_COOP,[28.84,41.07],"Baykar",country="TUR")
org("leonardo","company","Leonardo",H_COOP,[12.47,41.92],country="ITA")
org("piaggio","company","Piaggio Aerospace",H_COOP,[8.23,44.05],country="ITA")
org("cats","other","Centre for Applied Turkey Studies (CATS)",H_DIFF,[13.30,52.50],"CATS",desc="At SWP; commissioned the nine reports the paper's groupings rest on.")

rtypes = [("procurement","Procurement","#0072b2"),("co-production","Co-production","#009e73"),
 ("joint-venture","Joint venture","#56b4e9"),("acquisition","Acquisition","#cc79a7"),
 ("arms-export-licensing","Arms-export licensing","#e69f00"),("embargo","Embargo","#a6761d"),
 ("veto","Veto or blockage","#d55e00"),("dispute","Dispute","#b2182b"),
 ("military-cooperation","Military cooperation","#1b9e77"),("dialogue","Dialogue","#7570b3"),
 ("partnership","Partnership","#66a61e"),("membership","Membership","#666666")]
etypes = [("agreement","Agreement","#009e73"),("procurement","Procurement","#0072b2"),
 ("decision","Decision","#e69f00"),("crisis","Crisis","#d55e00"),("talks","Talks","#7570b3"),
 ("accession","Accession","#56b4e9"),("declaration","Declaration","#cc79a7"),("election","Election","#666666"),
 ("military","Military operation","#b2182b"),("other","Other","#999999")]

relations = []
def rel(id, f, t, typ, stance, strength, summary, loc, start=None, end=None, mutual=False, quote=None):
    r = {"id": id, "from": f, "to": t, "type": typ, "stance": stance, "strength": strength,
         "summary": summary, "sources": cite(loc, quote)}
    if start: r["start"] = start
    if end: r["end"] = end
    if mutual: r["direction"] = "mutual"
    relations.append(r)

rel("rel-pol-tur-tb2","POL","TUR","procurement","cooperative",0.8,"Poland buys Turkish Bayraktar TB2 drones, the first EU and NATO country to do so.",H_COOP,"2021")
rel("rel-aselsan-amzkutno","aselsan","amz-kutno","procurement","cooperative",0.5,"ASELSAN supplies the Polish firm AMZ Kutno with reconnaissance and surveillance systems.",H_COOP)
rel("rel-tur-3si","TUR","three-seas","partnership","cooperative",0.6,"Turkey joins the Three Seas Initiative as a strategic partner.",H_COOP,"2025-04")
rel("rel-esp-tur-supplier","ESP","TUR","arms-export-licensing","cooperative",0.9,"Spain has become one of Turkey's top defence suppliers; it provides 34 per cent of Turkey's arms imports.",H_COOP)
rel("rel-esp-tur-hurjet","ESP","TUR","co-production","cooperative",0.8,"Spain and Turkey are to develop the Hürjet advanced trainer jointly for the Spanish Air Force (MoU, then a €1.375 billion investment announced by Madrid).",H_COOP,"2024-12")
rel("rel-esp-tur-anadolu","ESP","TUR","co-production","cooperative",0.5,"Turkey's drone-capable amphibious assault ship TCG Anadolu is based on the design of the Spanish carrier Juan Carlos I.",H_COOP)
rel("rel-ita-tur-supplier","ITA","TUR","arms-export-licensing","cooperative",0.8,"Italy provides 24 per cent of Turkey's arms imports and sees Ankara as a crucial defence partner.",H_COOP)
rel("rel-leonardo-baykar","leonardo","baykar","joint-venture","cooperative",0.8,"Leonardo and Baykar sign an MoU to establish a joint venture for UAV production.",H_COOP,"2025-03",mutual=True)
rel("rel-baykar-piaggio","baykar","piaggio","acquisition","cooperative",0.7,"Baykar acquires the Italian aviation firm Piaggio Aerospace.",H_COOP,"2024-12")
rel("rel-ita-tur-libya","ITA","TUR","dispute","adversarial",0.4,"Italy and Turkey compete for influence in Libya and the eastern Mediterranean.",H_COOP,mutual=True)
rel("rel-deu-tur-supplier","DEU","TUR","arms-export-licensing","cooperative",0.6,"Germany provides 19 per cent of Turkey's arms imports and has recently approved arms exports for the Turkish Navy.",H_CAUT)
rel("rel-deu-tur-embargo","DEU","TUR","embargo","adversarial",0.6,"Germany and other EU member states impose an arms embargo on Turkey after its incursion into northern Syria; since lifted.",H_CAUT,"2019")
rel("rel-deu-tur-eurofighter","DEU","TUR","veto","adversarial",0.5,"Germany vetoes the delivery of Eurofighters to Turkey, a veto it has recently withdrawn.",H_CAUT)
rel("rel-usa-tur-supplier","USA","TUR","arms-export-licensing","neutral",0.5,"The United States provides 17 per cent of Turkey's arms imports.",H_COOP)
rel("rel-swe-tur-nato","TUR","SWE","veto","adversarial",0.6,"Ankara drags its feet over Sweden's NATO accession, shaping Swedish views of Turkey as unpredictable.",H_CAUT)
rel("rel-fin-tur-nato","TUR","FIN","veto","adversarial",0.3,"Finland's NATO accession experience with Ankara shapes its cautious view of defence cooperation with Turkey.",H_CAUT)
rel("rel-fra-tur-licensing","FRA","TUR","arms-export-licensing","adversarial",0.5,"Since Turkey's 2019 incursion into northern Syria, France approves export licences case by case and no longer allows the sale of weapon systems.",H_REL,"2019")
rel("rel-fra-tur-competitor","FRA","TUR","dispute","adversarial",0.7,"Paris increasingly sees Ankara as a strategic competitor; ties have soured over Syria, the eastern Mediterranean, diaspora policy and Turkey's authoritarian trend.",H_REL,mutual=True,quote="strategic competitor")
rel("rel-fra-tur-dialogue","FRA","TUR","dialogue","neutral",0.3,"Bilateral relations seem to have entered a new phase of dialogue, a tentative rapprochement.",H_REL,mutual=True)
rel("rel-fra-cyp-grc-block","FRA","TUR","veto","adversarial",0.7,"France, Cyprus and Greece block the financing of the supply of Turkish UAVs and artillery shells to Ukraine.",H_REL,"2024")
rel("rel-grc-tur-block","GRC","TUR","veto","adversarial",0.7,"Greece, with France and Cyprus, blocks the financing of Turkish UAVs and artillery shells for Ukraine.",H_REL,"2024")
rel("rel-cyp-tur-block","CYP","TUR","veto","adversarial",0.6,"Cyprus, with France and Greece, blocks the financing of Turkish UAVs and artillery shells for Ukraine.",H_REL,"2024")
rel("rel-grc-tur-aegean","GRC","TUR","dispute","adversarial",0.9,"Unresolved disputes over the status of Aegean islands, airspace and maritime boundaries in the Aegean and the Mediterranean.",H_REL,mutual=True)
rel("rel-tur-grc-casus-belli","TUR","GRC","dispute","adversarial",1.0,"The Turkish parliament authorises the government to declare a casus belli should Greece extend its territorial waters in the Aegean beyond six nautical miles.",H_REL,"1995")
rel("rel-grc-tur-talks","GRC","TUR","dialogue","neutral",0.5,"Athens and Ankara resume exploratory talks after the longest military face-off in the region since the 1970s.",H_REL,"2021",mutual=True)
rel("rel-usa-grc","USA","GRC","military-cooperation","cooperative",0.6,"Growing strategic cooperation between the United States and Greece (and Cyprus), begun under the first Trump administration.",H_REL,mutual=True)
rel("rel-tur-rus-s400","TUR","RUS","procurement","neutral",0.6,"Turkey buys the S-400 air defence system from Russia.",H_REL)
rel("rel-tur-nato","TUR","nato","membership","cooperative",0.9,"Turkey, NATO's second-largest army, consistently takes part in NATO missions; NATO is central to its security identity.",H_NATO)
rel("rel-tur-ukr","TUR","UKR","procurement","cooperative",0.6,"Turkey supports the Ukrainian military through defence exports and co-production.",INTRO)
rel("rel-tur-rus-sanctions","TUR","RUS","partnership","neutral",0.4,"Turkey does not join Western sanctions against Russia and has helped Moscow circumvent them, less so since US secondary sanctions.",INTRO)
rel("rel-rus-ukr-war","RUS","UKR","dispute","adversarial",1.0,"Russia's full-scale invasion of Ukraine.",INTRO,"2022-02")
rel("rel-tur-coalition","TUR","coalition-of-the-willing","partnership","cooperative",0.4,"Turkey attends the meetings of the coalition of the willing and is ready to monitor a potential ceasefire in Ukraine.",H_TRUMP)
rel("rel-gbr-coalition","GBR","coalition-of-the-willing","membership","cooperative",0.6,"The United Kingdom leads the coalition of the willing, with France.",H_TRUMP)
rel("rel-fra-coalition","FRA","coalition-of-the-willing","membership","cooperative",0.6,"France leads the coalition of the willing, with the United Kingdom.",H_TRUMP)
rel("rel-tur-safe","TUR","safe","partnership","cooperative",0.5,"As a candidate country identified as like-minded, Turkey may contribute up to 35 per cent of a defence product under SAFE.",H_TRUMP)
rel("rel-ep-tur","european-parliament","TUR","dialogue","neutral",0.4,"The European Parliament sees Turkey as a strategic partner and NATO ally, not a like-minded partner, and cautions about democratic backsliding.",H_BRUSSELS,quote="country with close but complex ties to the EU in security, trade, economy and migration")
rel("rel-com-tur","european-commission","TUR","partnership","cooperative",0.5,"The European Commission identifies Turkey as a like-minded non-EU partner.",H_TRUMP)
rel("rel-council-tur","european-council","TUR","partnership","cooperative",0.5,"The European Council identifies Turkey as a like-minded non-EU partner.",H_TRUMP)
rel("rel-eu-gbr-pact","eu","GBR","military-cooperation","cooperative",0.6,"Brussels negotiates a defence pact with the UK with provisions beyond the 35 per cent baseline; no comparable framework is pursued with Ankara.",H_BRUSSELS)
rel("rel-eu-tur-accession","TUR","eu","membership","neutral",0.4,"Turkey's EU accession negotiations are stalled; Ankara uses defence cooperation as leverage for membership.",H_BRUSSELS)
rel("rel-fra-cze-ammo","FRA","CZE","veto","adversarial",0.4,"France initially objects to a Czech-led initiative to procure ammunition from third countries.",H_REL,"2024")
rel("rel-tur-rom-bgr-mines-rou","TUR","ROU","military-cooperation","cooperative",0.7,"Turkey, Romania and Bulgaria agree to clear floating mines in the Black Sea.",H_NATO,"2024-01",mutual=True)
rel("rel-tur-rom-bgr-mines-bgr","TUR","BGR","military-cooperation","cooperative",0.7,"Turkey, Romania and Bulgaria agree to clear floating mines in the Black Sea.",H_NATO,"2024-01",mutual=True)
rel("rel-ukr-tur-blacksea","UKR","TUR","partnership","cooperative",0.6,"Kyiv sees Turkey as a key player in securing and stabilising the Black Sea region.",H_BLACK)
rel("rel-tur-rus-blacksea","TUR","RUS","dialogue","neutral",0.5,"Turkey keeps a balance of power with Russia in the Black Sea while avoiding direct confrontation.",H_BLACK,mutual=True)
rel("rel-hrv-pol-3si","POL","three-seas","membership","cooperative",0.4,"Croatia and Poland launch the Three Seas Initiative.",H_COOP,"2015")
rel("rel-hrv-3si","HRV","three-seas","membership","cooperative",0.4,"Croatia and Poland launch the Three Seas Initiative.",H_COOP,"2015")

events = []
def ev(id, date, typ, title, actors_, loc, desc=None, rels=None, place=None, quote=None, end=None):
    e = {"id": id, "date": date, "type": typ, "title": title, "actors": actors_, "sources": cite(loc, quote)}
    if desc: e["description"] = desc
    if rels: e["relations"] = rels
    if place: e["place"] = place
    if end: e["end"] = end
    events.append(e)
ev("ev-1995-casus-belli","1995","decision","Turkish parliament's casus belli resolution",["TUR","GRC"],H_REL,"The Turkish parliament gives the government the green light to declare a casus belli if Greece unilaterally extends its territorial waters in the Aegean beyond six nautical miles.",["rel-tur-grc-casus-belli"],{"feature":"aegean-sea"})
ev("ev-2010-exports-rise","2010","other","Turkey's defence and aerospace exports begin a steady rise",["TUR"],INTRO)
ev("ev-2014-crimea","2014","crisis","Russia annexes Crimea; proxy statelets occupy parts of Donbas",["RUS","UKR"],INTRO,"Ankara has since repeatedly stressed its commitment to Ukraine's territorial integrity.",place={"feature":"crimea"})
ev("ev-2015-3si","2015","agreement","Croatia and Poland launch the Three Seas Initiative",["HRV","POL","three-seas"],H_COOP,rels=["rel-hrv-pol-3si","rel-hrv-3si"])
ev("ev-2018-11-dialogue","2018-11","talks","Last EU–Turkey high-level political dialogue meeting",["eu","TUR"],H_CONC,"The EU's high-level political dialogue meetings with Turkey have not been convened since.")
ev("ev-2019-syria","2019","military","Turkish military incursion into northern Syria",["TUR","SYR"],H_CAUT,"Germany and other EU member states impose an arms embargo; France stops allowing sales of weapon systems.",["rel-deu-tur-embargo","rel-fra-tur-licensing"])
ev("ev-2021-tb2","2021","procurement","Poland buys Bayraktar TB2 drones",["POL","TUR","baykar"],H_COOP,"The first EU and NATO country to purchase Turkish Bayraktar TB2 drones.",["rel-pol-tur-tb2"])
ev("ev-2021-exploratory-talks","2021","talks","Greece and Turkey resume exploratory talks",["GRC","TUR"],H_REL,"After the longest military face-off in the region since the 1970s.",["rel-grc-tur-talks"])
ev("ev-2022-02-invasion","2022-02","crisis","Russia's full-scale invasion of Ukraine",["RUS","UKR"],INTRO,rels=["rel-rus-ukr-war"])
ev("ev-2022-06-vjtf","2022-06","military","Turkey takes command of NATO's Very High Readiness Joint Task Force",["TUR","nato"],H_NATO,rels=["rel-tur-nato"])
ev("ev-2023-erdogan","2023","election","President Erdoğan and his ruling alliance re-elected",["TUR"],H_CAUT,"One of three factors behind Berlin's more pragmatic view of Ankara.")
ev("ev-2024-01-mine-clearing","2024-01","agreement","Turkey, Romania and Bulgaria agree to clear floating mines in the Black Sea",["TUR","ROU","BGR"],H_NATO,rels=["rel-tur-rom-bgr-mines-rou","rel-tur-rom-bgr-mines-bgr"],place={"point":[31.0,43.3]})
ev("ev-2024-czech-ammo","2024","decision","France objects to the Czech-led ammunition initiative",["FRA","CZE"],H_REL,rels=["rel-fra-cze-ammo"])
ev("ev-2024-ukraine-financing-blocked","2024","decision","France, Cyprus and Greece block financing of Turkish UAVs and shells for Ukraine",["FRA","CYP","GRC","TUR","UKR"],H_REL,rels=["rel-fra-cyp-grc-block","rel-grc-tur-block","rel-cyp-tur-block"])
ev("ev-2024-12-hurjet-mou","2024-12","agreement","Spain and Turkey sign an MoU on the Hürjet trainer",["ESP","TUR"],H_COOP,"Madrid later announces a €1.375 billion investment.",["rel-esp-tur-hurjet"])
ev("ev-2024-12-piaggio","2024-12","agreement","Baykar acquires Piaggio Aerospace",["baykar","piaggio","TUR","ITA"],H_COOP,rels=["rel-baykar-piaggio"])
ev("ev-2024-exports","2024","other","Turkey's defence and aerospace exports reach US$7.15 billion",["TUR"],INTRO,"A 29 per cent increase over the previous year.")
ev("ev-2025-03-19-imamoglu","2025-03-19","crisis","Istanbul mayor Ekrem İmamoğlu arrested",["TUR"],H_BRUSSELS,"Another leap towards autocracy, on the day Erdoğan's most formidable rival was arrested.",place={"point":[28.98,41.01]})
ev("ev-2025-03-leonardo-baykar","2025-03","agreement","Leonardo and Baykar sign an MoU for a UAV joint venture",["leonardo","baykar","ITA","TUR"],H_COOP,rels=["rel-leonardo-baykar"])
ev("ev-2025-04-3si","2025-04","accession","Turkey joins the Three Seas Initiative as a strategic partner",["TUR","three-seas"],H_COOP,rels=["rel-tur-3si"])
ev("ev-2025-06-hague","2025-06","declaration","NATO Hague Summit Declaration names Russia a long-term threat",["nato","TUR","RUS"],INTRO,"Turkey signed it, but does not consider Russia a primary threat.",quote="the long-term threat posed by Russia to Euro-Atlantic security")
ev("ev-2025-istanbul-talks","2025","talks","Ankara hosts Russian–Ukrainian talks in Istanbul",["TUR","RUS","UKR"],H_TRUMP,"No concrete progress towards a ceasefire.",place={"point":[28.98,41.01]})

grouping = {"id": "stance-2025", "label": "Stance towards defence cooperation with Turkey",
 "description": "Three broad categories of EU member states by their willingness to cooperate with Turkey, from nine reports commissioned by CATS.",
 "sources": cite(H_DIFF),
 "groups": [
  {"id":"cooperative","label":"Cooperative","colour":"#009E73","description":"Relatively cooperative and friendly relations with Turkey.","members":["POL","ESP","ITA"],"sources":cite(H_DIFF)},
  {"id":"cautious","label":"Cautious","colour":"#E69F00","description":"A more cautious or reserved stance, though relatively open.","members":["SWE","FIN","DEU"],"sources":cite(H_DIFF)},
  {"id":"reluctant","label":"Reluctant","colour":"#D55E00","description":"Reluctant to engage with Turkey.","members":["FRA","GRC"],"sources":cite(H_DIFF)}]}

figures = [
 {"id":"fig-tur-arms-import-shares","kind":"shares","title":"Shares of Turkey's arms imports by supplier","subject":"TUR","role":"recipient","unit":"percent","period":"recent years",
  "values":[{"actor":"ESP","value":34},{"actor":"ITA","value":24},{"actor":"DEU","value":19},{"actor":"USA","value":17}],
  "note":"Spain and Italy have recently overtaken Germany and the US.","sources":cite(H_COOP)},
 {"id":"fig-tur-defence-exports","kind":"series","title":"Turkey's defence and aerospace exports","subject":"TUR","role":"supplier","unit":"USD billion",
  "values":[{"period":"2024","value":7.15}],"note":"A 29 per cent increase over the previous year; exports have risen steadily since 2010.","sources":cite(INTRO)},
 {"id":"fig-tur-export-growth","kind":"series","title":"Growth of Turkey's defence and aerospace exports over the previous year","subject":"TUR","unit":"percent",
  "values":[{"period":"2024","value":29}],"sources":cite(INTRO)},
 {"id":"fig-fra-customers-tur-rank","kind":"ranking","title":"Turkey's rank among buyers of French arms","subject":"FRA","role":"supplier","unit":"rank","period":"2013–2022",
  "values":[{"actor":"TUR","value":30}],"sources":cite(H_REL)},
 {"id":"fig-safe-candidate-share","kind":"shares","title":"Largest share of a defence product from a candidate country under SAFE","subject":"safe","unit":"percent",
  "values":[{"label":"Candidate countries, such as Turkey","value":35}],"sources":cite(H_TRUMP)},
 {"id":"fig-tur-situational-awareness","kind":"shares","title":"Turkey's share of situational awareness information for NATO and Ukraine in the Black Sea","subject":"TUR","unit":"percent",
  "values":[{"actor":"TUR","value":67}],"note":"Up to 67 per cent.","sources":cite(H_NATO)},
 {"id":"fig-esp-hurjet-investment","kind":"series","title":"Spain's announced investment in the Hürjet programme","subject":"ESP","unit":"EUR billion",
  "values":[{"period":"2025","value":1.375}],"note":"Announced after the December 2024 MoU; the paper says 'recently'.","sources":cite(H_COOP)},
]

annotations = [
 {"id":"bosporus","kind":"strait","name":"Bosporus","text":"Under the Montreux Convention, Turkey controls the access of warships to the Black Sea at times of war.","geometry":{"feature":"Bosporus"},"sources":cite(H_TRUMP)},
 {"id":"dardanelles","kind":"strait","name":"Dardanelles","text":"Montreux Convention: Turkey controls warships' access to the Black Sea in wartime.","geometry":{"feature":"Dardanelles"},"sources":cite(H_TRUMP)},
 {"id":"aegean-sea","kind":"area","name":"Aegean Sea","text":"Greek–Turkish disputes over islands, airspace and maritime boundaries; Turkey's 1995 casus belli over territorial waters beyond 6 nautical miles.","geometry":{"feature":"Aegean Sea"},"sources":cite(H_REL)},
 {"id":"crimea","kind":"disputed-area","name":"Crimea","text":"Annexed by Russia in 2014; Ankara stresses Ukraine's territorial integrity.","geometry":{"feature":"Crimea"},"sources":cite(INTRO)},
]

views = [
 {"id":"black-sea","title":"Black Sea","subtitle":"Littoral states, Crimea and the Turkish Straits","region":"black-sea","overlays":["disputed-areas","straits"]},
 {"id":"aegean","title":"Aegean","subtitle":"Greek–Turkish disputes, the 1995 casus belli and Cyprus","region":"aegean","overlays":["disputed-areas","aegean-sea","straits"],
  "relation_types":["dispute","dialogue","veto","military-cooperation"]},
 {"id":"eu-groupings","title":"EU Groupings","subtitle":"EU member states by their stance towards defence cooperation with Turkey (SWP, 2025)","region":"europe","grouping":"stance-2025",
  "relation_types":["procurement","co-production","joint-venture","acquisition","arms-export-licensing","embargo","veto"],"overlays":["disputed-areas"]},
]

ds = {"format":"straits-dataset","format_version":1,
 "metadata":{"title":"Turkey and European Security","description":"Actors, relations, events, groupings and figures from SWP Comment 2025/C 36: how EU member states and institutions engage Turkey in defence and security, the Black Sea, and the Greek–Turkish disputes.","version":"1.0","date":"2025","licence":"CC BY 4.0","authors":["Straits developers, from the paper by Sinem Adar et al."]},
 "vocabulary":{"relation_types":[{"id":i,"label":l,"colour":c} for i,l,c in rtypes],"event_types":[{"id":i,"label":l,"colour":c} for i,l,c in etypes]},
 "sources":[{"id":S,"title":"Turkey and European Security","authors":["Sinem Adar","Hürcan Aslı Aksoy","Minna Ålander","Alberto Bueno","Alessia Chiriatti","Antonia Dimou","Paul T. Levin","Nicolas Monceau","Günter Seufert","Eduard Soler i Lecha","Maryna Vorotnyuk","Karol Wasilewski"],"publisher":"Stiftung Wissenschaft und Politik (SWP), SWP Comment 2025/C 36","date":"2025","doi":"10.18449/2025C36","url":"https://doi.org/10.18449/2025C36","licence":"CC BY 4.0"}],
 "actors":actors,"groupings":[grouping],"relations":relations,"events":events,"figures":figures,"views":views,"annotations":annotations}
json.dump(ds, open(os.path.join(os.path.dirname(__file__), "..", "data", "datasets", "turkey-european-security.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2)
print(len(actors), len(relations), len(events), len(figures))
