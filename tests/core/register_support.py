"""A register extract with one row per dirty-data case, and its mapping (the register import's tests)."""

MAPPING = """\
[source]
id_column = "asiakasnro"
date_format = "%d.%m.%Y"
observed = "2026-11-02"
[columns]
first_names = "etunimet"
last_name = "sukunimi"
birth_date = "syntymaaika"
street = "katuosoite"
house_number = "talonumero"
postal_code = "postinumero"
municipality = "postitoimipaikka"
hetu = "hetu"
phone = "puhelin"
email = "sahkoposti"
language = "kieli"
external_id = "vesilaitos"
"""

HEADER = (
    "asiakasnro;etunimet;sukunimi;syntymaaika;katuosoite;talonumero;postinumero;postitoimipaikka;"
    "hetu;puhelin;sahkoposti;kieli;vesilaitos"
)
# One row per dirty-data case (the comment names it); row numbers count the header as row 1.
ROWS = [
    # 2 clean
    "PD-101;Anna;Virtanen;01.05.1994;Mannerheimintie;5 A 3;00100;Helsinki;010594Y9032;0401234567;Anna@Example.fi;fi;W7",
    "PD-102;Bo;Lindqvist;;Storgatan;1;SE-112 51;Stockholm;;;;svenska;",  # 3 foreign address and postcode
    "PD-103;Pekka;Mäkinen;;;;;;010594Y9033;;;;",  # 4 hetu with a wrong check character
    "PD-104;Liisa;Korhonen;05.01.1994;Hämeenkatu;12;33100;Tampere;010594Y9032X;;;;",  # 5 hetu too long (a typo)
    "PD-105;Matti;Nieminen;15.08.1985;;;;;150885-947L;;;;",  # 6 birth date and hetu agree
    "PD-106;Sari;Laine;08.15.1985;;;;;;;;;",  # 7 day and month swapped: not a date
    "PD-107;Juha;Heikkinen;;;;;;;juha@example.fi;0401234567;;",  # 8 phone and e-mail swapped
    "PD-108;Eva;Ek;12.03.1975;Esplanaden;2;00130;Helsingfors;;;;sv;",  # 9 Swedish municipality name
    "PD-109;;;;;;;;;;;;",  # 10 no name at all: rejected
    ";Nimetön;Rivi;;;;;;;;;;",  # 11 no register id: rejected
    "PD-1010;Ville;Vaara;01.01.2090;;;;;;;;klingon;",  # 12 birth date in the future, unknown language
    "PD-1011;Kalle;Kivi",  # 13 too few fields: rejected
    "PD-1012;Tiina;Tamminen;03.02.1960;;;;;030260-946J;;;;",  # 14 birth date and hetu agree
    # 15 the same hetu as PD-1012 (matched by it), a birth date that differs from the hetu's
    "PD-1013;Olli;Oksanen;02.03.1960;;;;;030260-946J;;;;",
]
