# ruff: noqa: E501 - demo texts, one line each
"""A few demo quick texts, articles and call scripts (fi/sv/en) for ``agentdesk demo`` and ``agentdesk seed``,
written through the knowledge base as a supervisor would (idempotent: an existing shortcut is skipped)."""

from __future__ import annotations

from agentdesk.knowledge import EntryEdit, EntryText, KnowledgeBase, KnowledgeInvalid
from agentdesk.staff import StaffMember
from agentdesk.storage.database import Database
from agentdesk.storage.models import StaffRole

_EDITOR = StaffMember(0, "system:demo", "Demo", StaffRole.ADMIN, None, None, None)
T = EntryText

DEMO_ENTRIES = (
    EntryEdit(
        "quick_text",
        {
            "fi": T(
                "Tervehdys", "Hei {customer_name}, kiitos yhteydenotostasi. Tässä {agent_name} kaupungin neuvonnasta."
            ),
            "sv": T(
                "Hälsning",
                "Hej {customer_name}, tack för att du kontaktade oss. Det här är {agent_name} på stadens rådgivning.",
            ),
            "en": T(
                "Greeting",
                "Hello {customer_name}, thank you for contacting us. This is {agent_name} from the city's advice line.",
            ),
        },
        shortcut="greet",
    ),
    EntryEdit(
        "quick_text",
        {
            "fi": T(
                "Asia kirjattu",
                "Asianne on kirjattu numerolla {case_number} ({today}). Saatte vastauksen kymmenen arkipäivän kuluessa.",
            ),
            "sv": T(
                "Ärendet registrerat",
                "Ditt ärende har registrerats med nummer {case_number} ({today}). Du får svar inom tio arbetsdagar.",
            ),
            "en": T(
                "Case filed",
                "Your case has been filed as {case_number} ({today}). You will get an answer within ten working days.",
            ),
        },
        shortcut="case",
    ),
    EntryEdit(
        "quick_text",
        {
            "fi": T("Lopetus", "Kiitos soitostanne ja hyvää päivänjatkoa!"),
            "sv": T("Avslutning", "Tack för samtalet och ha en fortsatt trevlig dag!"),
            "en": T("Closing", "Thank you for calling, and have a good day!"),
        },
        shortcut="bye",
    ),
    EntryEdit(
        "script",
        {
            "fi": T(
                "Vesilasku: soiton kulku",
                "1. Tarkista asiakkaan vesimittarin numero ja viimeisin lukema.\n2. Kerro, onko lasku arvio- vai lukemalaskutusta.\n3. Jos lukema puuttuu, pyydä asiakasta ilmoittamaan se verkossa.\n4. Kiistetty lasku: avaa asia ja ohjaa vesihuollon laskutukseen.",
            ),
            "sv": T(
                "Vattenräkning: samtalets gång",
                "1. Kontrollera kundens vattenmätarnummer och senaste avläsning.\n2. Berätta om räkningen är uppskattad eller grundar sig på avläsning.\n3. Saknas avläsning, be kunden anmäla den på webben.\n4. Bestriden räkning: öppna ett ärende och skicka det till vattenverkets fakturering.",
            ),
            "en": T(
                "Water bill: the call",
                "1. Check the customer's water meter number and last reading.\n2. Say whether the bill is estimated or read.\n3. If a reading is missing, ask the customer to report it online.\n4. A disputed bill: open a case for water billing.",
            ),
        },
        topic="water.billing",
    ),
    EntryEdit(
        "article",
        {
            "fi": T(
                "Jätehuolto: tyhjennysvälit",
                "Sekajäteastia tyhjennetään kahden viikon välein, biojäte kesällä viikoittain. Tyhjennysvälin muutos tehdään jätehuollon verkkopalvelussa.",
            ),
            "sv": T(
                "Avfallshantering: tömningsintervall",
                "Blandavfall töms varannan vecka, bioavfall varje vecka under sommaren. Ändringar görs i avfallshanteringens webbtjänst.",
            ),
            "en": T(
                "Waste: collection intervals",
                "Mixed waste is collected every two weeks, bio-waste weekly in summer. Changes are made in the waste service online.",
            ),
        },
        topic="waste.pickup",
    ),
    EntryEdit(
        "script",
        {
            "fi": T(
                "Katujen kunnossapito: ilmoitus",
                "1. Kysy tarkka osoite tai paikka.\n2. Kysy, onko vaaraa (liukkaus, kuoppa, rikkinäinen valo).\n3. Tee palvelupyyntö Tekniset palvelut -paneelista puhelun aikana: se kirjautuu tähän yhteydenottoon.",
            )
        },
        topic="streets.maintenance",
    ),
)


def seed_demo_knowledge(db: Database) -> int:
    """Write the demo entries; the number written (0 when they are there already)."""
    kb = KnowledgeBase(db)
    have = {(e.kind, e.shortcut, e.topic) for e in kb.entries()}
    written = 0
    for edit in DEMO_ENTRIES:
        if (edit.kind, edit.shortcut, edit.topic) in have:
            continue
        try:
            kb.save(edit, _EDITOR)
        except KnowledgeInvalid:
            continue
        written += 1
    return written
