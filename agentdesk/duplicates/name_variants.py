"""Finnish and Finland-Swedish first-name variants and nicknames: names that are the same name to a person.

Each group is one name as registers write it in its forms (official, Swedish, Finnish, short forms and
nicknames). Two first names are *variants* when they are in the same group: ``Johannes``/``Juha``/
``Jussi``, ``Katariina``/``Kati``/``Katja``, ``Matti``/``Matias``. Names are written folded (lower case,
no diacritics, as :func:`agentdesk.search.text_index.fold` gives them); every name is in one group at
most, so a name has one canonical form (the group's first name), which the blocking keys use.
"""

from __future__ import annotations

from agentdesk.search import text_index

GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "johannes",
        "juhani",
        "juha",
        "jussi",
        "juho",
        "hannes",
        "jukka",
        "janne",
        "johan",
        "jan",
        "hannu",
        "jouni",
        "hans",
        "jani",
        "juuso",
        "jukke",
    ),
    ("matti", "matias", "mattias", "mathias", "matts", "mats", "masa", "matteus"),
    (
        "katariina",
        "kati",
        "katja",
        "kaisa",
        "kaija",
        "katri",
        "kaarina",
        "karin",
        "katarina",
        "catharina",
        "kata",
        "kaisu",
        "katriina",
    ),
    (
        "elisabet",
        "liisa",
        "elisa",
        "elsa",
        "lisa",
        "eliisa",
        "liisi",
        "elise",
        "elisabeth",
        "lissu",
        "elsi",
        "elisabeta",
    ),
    ("helena", "elina", "leena", "heli", "helen", "lena", "hele", "helka"),
    ("margareta", "marketta", "maarit", "reetta", "kreeta", "margit", "greta", "marita", "maaret", "merete"),
    ("maria", "maija", "marja", "mari", "mia", "maja", "marjatta", "maiju", "marjo", "marie", "maikki"),
    ("kristiina", "kirsi", "tiina", "kristina", "stina", "kirsti", "krista", "kiia", "christina", "kristin"),
    ("aleksanteri", "aleksi", "santeri", "alexander", "aleksander", "ale", "sasha", "aki", "alex", "sakari"),
    ("mikael", "mikko", "mika", "mikka", "micke", "mikki", "michael", "mikaela"),
    ("antti", "anders", "ante", "antero", "andreas", "anssi", "andre"),
    ("pekka", "petri", "pietari", "peter", "per", "petteri", "petter", "pete", "pekko"),
    ("heikki", "henrik", "henrikki", "henri", "henry", "heke"),
    ("tuomas", "tommi", "thomas", "tomi", "tuomo", "tom", "tomas", "tommy"),
    ("yrjo", "jori", "jyrki", "georg", "goran", "jorgen", "yki", "jurgen"),
    ("erkki", "erik", "eerik", "eero", "eerikki", "erkka", "eric"),
    ("lauri", "lars", "lasse", "laurentius", "lassi", "lauris"),
    ("olavi", "olli", "olof", "olle", "oula", "olav", "ola", "uolevi"),
    ("kaarle", "kalle", "karl", "kaarlo", "carl", "kaarlo", "kalervo"),
    ("joonas", "jonas", "joni", "jooa", "joona"),
    ("johanna", "hanna", "jonna", "hanne", "hannele", "jaana", "hanni", "johanne", "janna"),
    ("anna", "anni", "anne", "annikki", "anneli", "annika", "annu", "ann", "anu", "anja", "annukka"),
    ("sofia", "sohvi", "sofie", "fia", "sonja", "sohvi", "sofi"),
    ("emilia", "emmi", "milla", "emilie", "emilja"),
    ("susanna", "sanna", "susanne", "susa", "sanni", "susan"),
    ("eeva", "eva", "eevi", "eveliina", "evi", "evelina"),
    ("paavali", "paavo", "pauli", "paul", "paavali", "pauli"),
    ("kristian", "risto", "christer", "christian", "krister", "kristo"),
    ("jaakko", "jaakob", "jakob", "jaska", "jaakkima", "jacob", "jaakoppi"),
    ("kustaa", "kusti", "gustav", "kyosti", "gustaf", "kustavi"),
    ("tapani", "stefan", "teppo", "tahvo", "steffen", "tapsa"),
    ("birgitta", "pirjo", "pirkko", "riitta", "piritta", "brita", "britt", "pirita", "birgit", "pirkka"),
    ("vilhelm", "ville", "viljami", "vilho", "wilhelm", "william", "willy", "viljo", "vili"),
    ("elias", "eelis", "eljas", "elia", "eelia"),
    ("nikolai", "niko", "niklas", "niilo", "nils", "nicklas", "niki", "nikolas", "nicolas"),
    ("oskari", "oskar", "osku", "oscar", "ossi"),
    ("valtteri", "walter", "valtter", "valto"),
    ("sara", "saara", "sari", "sarita"),
    ("ulrika", "ulla", "ulpu"),
    ("ingrid", "inkeri", "inga", "inka", "inkku"),
    ("kalevi", "kale"),
    ("markus", "marko", "markku", "mark", "marcus"),
    ("timo", "timoteus", "timi", "timppa"),
    ("tuula", "tuulikki", "tuuli"),
)


def _index() -> dict[str, int]:
    out: dict[str, int] = {}
    for gid, group in enumerate(GROUPS):
        for name in group:
            out.setdefault(name, gid)  # a name listed twice keeps its first group
    return out


GROUP_OF: dict[str, int] = _index()


def group_of(name: str) -> int:
    """The variant group of one given name (any case, with or without diacritics); -1 if none."""
    return GROUP_OF.get(text_index.fold(name).replace(" ", ""), -1)


def canonical(folded_name: str) -> str:
    """The group's first name for a folded given name, or the name itself when it has no group."""
    gid = GROUP_OF.get(folded_name, -1)
    return GROUPS[gid][0] if gid >= 0 else folded_name


def variants(name: str) -> tuple[str, ...]:
    """The other names of a name's group (folded), empty when the table does not know the name."""
    gid = group_of(name)
    if gid < 0:
        return ()
    own = text_index.fold(name)
    return tuple(n for n in dict.fromkeys(GROUPS[gid]) if n != own)
