"""The citizen web service's pages: plain HTML in Finnish, Swedish or English, no script, every value
escaped. Texts are keyed; :func:`t` gives one in a language (the desk's Qt translations do not reach a
web page, so its three languages live here, as the citizen's access-log document's do)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

LANGS = ("fi", "sv", "en")

TEXTS: Mapping[str, tuple[str, str, str]] = {
    "title.feedback": ("Palaute", "Respons", "Feedback"),
    "title.update": ("Päivitä omat tietosi", "Uppdatera dina uppgifter", "Update your details"),
    "question": (
        "Miten onnistuimme asiointisi hoitamisessa?",
        "Hur lyckades vi med ditt ärende?",
        "How well did we handle your matter?",
    ),
    "scale": ("1 = huonosti, 5 = erinomaisesti", "1 = dåligt, 5 = utmärkt", "1 = poorly, 5 = excellently"),
    "comment": ("Kerro halutessasi lisää (vapaaehtoinen)", "Berätta gärna mer (frivilligt)", "Tell us more (optional)"),
    "send": ("Lähetä", "Skicka", "Send"),
    "thanks": ("Kiitos palautteestasi!", "Tack för din respons!", "Thank you for your feedback!"),
    "opt_out": (
        "En halua enää palautekyselyjä",
        "Jag vill inte få fler enkäter",
        "I do not want any more surveys",
    ),
    "opted_out": (
        "Selvä. Emme lähetä sinulle enää palautekyselyjä.",
        "Vi skickar inga fler enkäter till dig.",
        "Understood. We will send you no more surveys.",
    ),
    "answered": (
        "Tähän kyselyyn on jo vastattu. Kiitos!",
        "Enkäten är redan besvarad. Tack!",
        "This survey has already been answered. Thank you!",
    ),
    "expired": (
        "Linkki on vanhentunut. Voit antaa palautetta myös asiakaspalveluumme.",
        "Länken har gått ut. Du kan också ge respons till vår kundtjänst.",
        "The link has expired. You can also give feedback to our customer service.",
    ),
    "invalid": (
        "Linkki ei ole kelvollinen. Tarkista, että kopioit sen kokonaan.",
        "Länken är ogiltig. Kontrollera att du kopierade hela länken.",
        "The link is not valid. Check that you copied all of it.",
    ),
    "gone": ("Kyselyä ei enää ole.", "Enkäten finns inte längre.", "This survey no longer exists."),
    "score.range": ("Valitse arvosana 1–5.", "Välj ett betyg 1–5.", "Choose a score from 1 to 5."),
    "comment.too_long": (
        "Kommentti on liian pitkä (enintään 2000 merkkiä).",
        "Kommentaren är för lång (högst 2000 tecken).",
        "The comment is too long (at most 2,000 characters).",
    ),
    "intro.update": (
        (
            "Ilmoita uusi puhelinnumero, sähköpostiosoite, asiointikieli tai muutto. Asiakaspalvelu "
            "tarkistaa tiedot ennen kuin ne päivitetään."
        ),
        (
            "Meddela nytt telefonnummer, ny e-postadress, nytt språk eller flyttning. Kundtjänsten "
            "kontrollerar uppgifterna innan de uppdateras."
        ),
        (
            "Tell us your new phone number, e-mail address, language or a move. Customer service "
            "checks the details before they are updated."
        ),
    ),
    "field.kind": ("Mitä haluat päivittää?", "Vad vill du uppdatera?", "What do you want to update?"),
    "kind.phone": ("Puhelinnumero", "Telefonnummer", "Phone number"),
    "kind.email": ("Sähköpostiosoite", "E-postadress", "E-mail address"),
    "kind.language": ("Asiointikieli", "Språk", "Language"),
    "kind.address": ("Muuttoilmoitus", "Flyttningsanmälan", "Address change notice"),
    "field.hetu": ("Henkilötunnus", "Personbeteckning", "Personal identity code"),
    "field.last_name": ("Sukunimi", "Efternamn", "Last name"),
    "field.phone": ("Uusi puhelinnumero", "Nytt telefonnummer", "New phone number"),
    "field.email": ("Uusi sähköpostiosoite", "Ny e-postadress", "New e-mail address"),
    "field.language": ("Asiointikieli", "Språk", "Language"),
    "field.street": ("Uusi katuosoite", "Ny gatuadress", "New street address"),
    "field.postal_code": ("Postinumero", "Postnummer", "Postal code"),
    "field.municipality": ("Kunta", "Kommun", "Municipality"),
    "field.moved_on": ("Muuttopäivä (pp.kk.vvvv)", "Flyttdag (dd.mm.åååå)", "Moving date (d.m.yyyy)"),
    "lang.fi": ("suomi", "finska", "Finnish"),
    "lang.sv": ("ruotsi", "svenska", "Swedish"),
    "lang.en": ("englanti", "engelska", "English"),
    "received": (
        "Kiitos! Ilmoituksesi on vastaanotettu. Viitenumero: {ref}. Asiakaspalvelu käsittelee sen.",
        "Tack! Din anmälan har tagits emot. Referensnummer: {ref}. Kundtjänsten behandlar den.",
        "Thank you! Your update was received. Reference: {ref}. Customer service will handle it.",
    ),
    "fix": ("Korjaa merkityt kohdat.", "Rätta de markerade fälten.", "Please correct the marked fields."),
    "unavailable": (
        "Palvelu ei ole juuri nyt käytettävissä. Yritä myöhemmin uudelleen.",
        "Tjänsten är inte tillgänglig just nu. Försök igen senare.",
        "The service is not available right now. Please try again later.",
    ),
    # the identity rules' codes (agentdesk.identity and agentdesk.citizen.updates) the page words itself
    "kind.unknown": ("Valitse, mitä haluat päivittää.", "Välj vad du vill uppdatera.", "Choose what to update."),
    "last_name.required": ("Anna sukunimesi.", "Ange ditt efternamn.", "Give your last name."),
    "hetu": (
        "Henkilötunnus ei ole oikein. Tarkista se.",
        "Personbeteckningen är inte korrekt. Kontrollera den.",
        "The personal identity code is not correct. Please check it.",
    ),
    "phone": (
        "Puhelinnumero ei ole oikein (esim. 040 123 4567).",
        "Telefonnumret är inte korrekt (t.ex. 040 123 4567).",
        "The phone number is not correct (e.g. 040 123 4567).",
    ),
    "email": (
        "Sähköpostiosoite ei ole oikein (esim. nimi@example.fi).",
        "E-postadressen är inte korrekt (t.ex. namn@example.fi).",
        "The e-mail address is not correct (e.g. name@example.fi).",
    ),
    "language.unknown": ("Valitse kieli.", "Välj språk.", "Choose a language."),
    "street.required": ("Anna katuosoite.", "Ange gatuadressen.", "Give the street address."),
    "street.too_long": ("Katuosoite on liian pitkä.", "Gatuadressen är för lång.", "The street address is too long."),
    "postal_code.not_finnish": (
        "Postinumerossa on viisi numeroa.",
        "Postnumret har fem siffror.",
        "A Finnish postal code has five digits.",
    ),
    "municipality.unknown": ("Anna suomalainen kunta.", "Ange en finländsk kommun.", "Give a Finnish municipality."),
    "moved_on.invalid": ("Anna päivä muodossa pp.kk.vvvv.", "Ange datum som dd.mm.åååå.", "Give the date as d.m.yyyy."),
    "moved_on.far": (
        "Muuttopäivä on yli vuoden päässä.",
        "Flyttdagen är mer än ett år bort.",
        "The moving date is more than a year away.",
    ),
}
UPDATE_FIELDS = ("hetu", "last_name", "phone", "email", "language", "street", "postal_code", "municipality", "moved_on")


def t(key: str, lang: str) -> str:
    texts = TEXTS[key]
    return texts[LANGS.index(lang) if lang in LANGS else 0]


def problem_text(field: str, code: str, lang: str) -> str:
    """A rule's code worded for the citizen: the code's own text, else the field's ("phone.too_short" → "phone")."""
    if code in TEXTS:
        return t(code, lang)
    return t(field if field in TEXTS else "fix", lang)


def choose_language(query: str, accept_language: str, fallback: str = "fi") -> str:
    if query in LANGS:
        return query
    for part in accept_language.split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LANGS:
            return tag
    return fallback


_STYLE = (
    "body{font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em;line-height:1.4}"
    "label{display:block;margin-top:1em;font-weight:bold}input,select,textarea{font-size:1em;width:100%}"
    "input[type=radio]{width:auto}.error{color:#b00020}.scale label{display:inline;margin-right:1em}"
    "button{margin-top:1.2em;font-size:1em;padding:.4em 1.2em}nav a{margin-right:.8em}"
)


def page(lang: str, title: str, body: str, *, path: str = "") -> str:
    switch = "".join(
        f'<a href="{escape(path)}?lang={code}" lang="{code}">{escape(t("lang." + code, code))}</a>'
        for code in LANGS
        if code != lang
    )
    nav = f"<nav>{switch}</nav>" if path else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{nav}<h1>{escape(title)}</h1>{body}</body></html>"
    )


def message_page(lang: str, title_key: str, key: str, **values: str) -> str:
    return page(lang, t(title_key, lang), f'<p id="message">{escape(t(key, lang).format(**values))}</p>')


def survey_form(lang: str, token: str, *, error: str = "", score: str = "", comment: str = "") -> str:
    radios = "".join(
        f'<label><input type="radio" name="score" value="{n}" id="score{n}"'
        f"{' checked' if score == str(n) else ''}> {n}</label>"
        for n in range(1, 6)
    )
    err = f'<p class="error" id="error">{escape(error)}</p>' if error else ""
    body = (
        f'{err}<form method="post" action="/feedback/{escape(token)}?lang={lang}">'
        f"<p><strong>{escape(t('question', lang))}</strong><br>{escape(t('scale', lang))}</p>"
        f'<div class="scale">{radios}</div>'
        f'<label for="comment">{escape(t("comment", lang))}</label>'
        f'<textarea id="comment" name="comment" rows="5" maxlength="2000">{escape(comment)}</textarea>'
        f'<button type="submit" id="send">{escape(t("send", lang))}</button></form>'
        f'<form method="post" action="/feedback/{escape(token)}/opt-out?lang={lang}">'
        f'<button type="submit" id="optOut">{escape(t("opt_out", lang))}</button></form>'
    )
    return page(lang, t("title.feedback", lang), body, path=f"/feedback/{token}")


def update_form(lang: str, values: Mapping[str, str], errors: Mapping[str, str]) -> str:
    kind = values.get("kind", "")
    options = "".join(
        f'<option value="{k}"{" selected" if kind == k else ""}>{escape(t("kind." + k, lang))}</option>'
        for k in ("phone", "email", "language", "address")
    )
    parts = [f"<p>{escape(t('intro.update', lang))}</p>"]
    if errors:
        parts.append(f'<p class="error" id="error">{escape(t("fix", lang))}</p>')
    parts.append(f'<form method="post" action="/update?lang={lang}" id="updateForm">')
    parts.append(_labelled("kind", t("field.kind", lang), f'<select id="kind" name="kind">{options}</select>', errors))
    for name in UPDATE_FIELDS:
        value = values.get(name, "")
        if name == "language":
            choices = "".join(
                f'<option value="{c}"{" selected" if value == c else ""}>{escape(t("lang." + c, lang))}</option>'
                for c in LANGS
            )
            control = f'<select id="language" name="language"><option value=""></option>{choices}</select>'
        else:
            kind_attr = ' autocomplete="off"' if name == "hetu" else ""
            control = f'<input id="{name}" name="{name}" value="{escape(value)}"{kind_attr}>'
        parts.append(_labelled(name, t("field." + name, lang), control, errors))
    parts.append(f'<button type="submit" id="send">{escape(t("send", lang))}</button></form>')
    return page(lang, t("title.update", lang), "".join(parts), path="/update")


def _labelled(name: str, label: str, control: str, errors: Mapping[str, str]) -> str:
    error = errors.get(name)
    note = f'<div class="error" id="error-{name}">{escape(error)}</div>' if error else ""
    return f'<label for="{name}">{escape(label)}</label>{control}{note}'
