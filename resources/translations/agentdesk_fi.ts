<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI" sourcelanguage="en_GB">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/action_dialog.py" line="+128"/>
        <location line="+78"/>
        <source>Loading the form…</source>
        <translation>Ladataan lomaketta…</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>&amp;File</source>
        <translation>&amp;Lähetä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+32"/>
        <source>The form could not be read from the back end.</source>
        <translation>Lomaketta ei saatu taustajärjestelmästä.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>The form for this choice could not be read; you can still file with the fields below.</source>
        <translation>Tämän valinnan lomaketta ei saatu; voit silti lähettää alla olevilla kentillä.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Filing…</source>
        <translation>Lähetetään…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The back end did not answer in time. Check in its panel whether the request was filed before filing it again.</source>
        <translation>Taustajärjestelmä ei vastannut ajoissa. Tarkista sen paneelista, kirjautuiko pyyntö, ennen kuin lähetät sen uudelleen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The back end does not answer; nothing was filed.</source>
        <translation>Taustajärjestelmä ei vastaa; mitään ei lähetetty.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The back end refused the request.</source>
        <translation>Taustajärjestelmä hylkäsi pyynnön.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You cannot use this action now.</source>
        <translation>Et voi käyttää tätä toimintoa nyt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The action failed.</source>
        <translation>Toiminto epäonnistui.</translation>
    </message>
</context>
<context>
    <name>AgentsModel</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/agents_model.py" line="+94"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time in state</source>
        <translation>Tilassa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Yksikkö</translation>
    </message>
</context>
<context>
    <name>BreakGlassPage</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/break_glass.py" line="+76"/>
        <source>This is a restricted record (%1). Only named roles may open it. If you must open it, write why: the access is logged and reported to the data protection officer.</source>
        <translation>Tämä on rajattu tietue (%1). Vain nimetyt roolit voivat avata sen. Jos sinun on pakko avata se, kirjoita miksi: avaus kirjataan lokiin ja ilmoitetaan tietosuojavastaavalle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no reason given</source>
        <translation>syytä ei annettu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why you need to open this record</source>
        <translation>Miksi sinun on avattava tämä tietue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break the glass</source>
        <translation>Avaa hätäkäyttönä</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The record could not be opened. Try again; the purpose you wrote is kept.</source>
        <translation>Tietuetta ei voitu avata. Yritä uudelleen; kirjoittamasi peruste säilyy.</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/call_bar.py" line="+86"/>
        <source>☎ %1 · ringing</source>
        <translation>☎ %1 · soi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>☎ %1 · on the line</source>
        <translation>☎ %1 · puhelu käynnissä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>☎ %1 · the caller hung up before the answer</source>
        <translation>☎ %1 · soittaja katkaisi ennen vastaamista</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>☎ %1 · call ended, talk time</source>
        <translation>☎ %1 · puhelu päättyi, puheaika</translation>
    </message>
</context>
<context>
    <name>CallNotification</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/call_notification.py" line="+148"/>
        <source>Accept (%1)</source>
        <translation>Vastaa (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss (%1)</source>
        <translation>Ohita (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Known customer</source>
        <translation>Tunnettu asiakas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Several customers have this number</source>
        <translation>Usealla asiakkaalla on tämä numero</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number withheld</source>
        <translation>Salainen numero</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unknown caller</source>
        <translation>Tuntematon soittaja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown number</source>
        <translation>Tuntematon numero</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unknown caller: no customer has this number</source>
        <translation>Tuntematon soittaja: kenelläkään asiakkaalla ei ole tätä numeroa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>☎ %1</source>
        <translation>☎ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue: %1</source>
        <translation>Jono: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Direct call</source>
        <translation>Suora puhelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming call: %1</source>
        <translation>Saapuva puhelu: %1</translation>
    </message>
</context>
<context>
    <name>CallerPrompt</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/caller_prompt.py" line="+149"/>
        <source>Who is calling?</source>
        <translation>Kuka soittaa?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller %1</source>
        <translation>Soittaja %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> There are more; search by the number to see them all.</source>
        <translation> Heitä on enemmänkin; hae numerolla nähdäksesi kaikki.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Several customers have this number. Choose who is calling; the phone contact has started in the contact panel.</source>
        <translation>Usealla asiakkaalla on tämä numero. Valitse, kuka soittaa; puhelinyhteydenotto on aloitettu yhteydenottopaneelissa.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>Unknown caller</source>
        <translation>Tuntematon soittaja</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Unknown caller, number withheld</source>
        <translation>Tuntematon soittaja, salainen numero</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask who is calling and search for them. The phone contact has started in the contact panel; link it to the customer once found.</source>
        <translation>Kysy, kuka soittaa, ja hae hänet. Puhelinyhteydenotto on aloitettu yhteydenottopaneelissa; liitä se asiakkaaseen, kun hänet löytyy.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown caller %1</source>
        <translation>Tuntematon soittaja %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No customer has this number. Search for the caller, add them as a new customer, or link the call to the customer open in the current tab. The phone contact has started in the contact panel.</source>
        <translation>Kenelläkään asiakkaalla ei ole tätä numeroa. Hae soittaja, lisää hänet uutena asiakkaana tai liitä puhelu nykyisellä välilehdellä avoinna olevaan asiakkaaseen. Puhelinyhteydenotto on aloitettu yhteydenottopaneelissa.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open</source>
        <translation>&amp;Avaa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search by the number</source>
        <translation>&amp;Hae numerolla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New customer…</source>
        <translation>&amp;Uusi asiakas…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Link to %1</source>
        <translation>&amp;Liitä asiakkaaseen %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Link to the open customer</source>
        <translation>&amp;Liitä avoinna olevaan asiakkaaseen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name from the phone network: %1</source>
        <translation>Nimi puhelinverkosta: %1</translation>
    </message>
</context>
<context>
    <name>CaseDeadlines</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/case_deadlines.py" line="+24"/>
        <source>Cases: %1 overdue, %2 due within %3 working days</source>
        <translation>Asiat: %1 myöhässä, %2 erääntyy %3 työpäivän sisällä</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/cases/case_dialog.py" line="+150"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filed as %1</source>
        <translation>Kirjattu: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>assigned to %1</source>
        <translation>vastuuhenkilö %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>was due %1</source>
        <translation>määräpäivä oli %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>due %1, %2 working days overdue</source>
        <translation>määräpäivä %1, myöhässä %2 työpäivää</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>due %1, %2 working days left</source>
        <translation>määräpäivä %1, %2 työpäivää jäljellä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>back office %1 %2</source>
        <translation>taustajärjestelmä %1 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The case could not be read; close this and open it again.</source>
        <translation>Asiaa ei voitu lukea; sulje tämä ja avaa uudelleen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+102"/>
        <source>(keep)</source>
        <translation>(ennallaan)</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Someone else changed this case meanwhile. It is shown as it is now; your note is kept.</source>
        <translation>Joku muu muutti asiaa sillä välin. Se näytetään nykyisessä tilassaan; muistiinpanosi on tallessa.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The change was not saved (the database could not be reached); try again.</source>
        <translation>Muutosta ei tallennettu (tietokantaan ei saatu yhteyttä); yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write a note saying why: it stays in the case&apos;s history.</source>
        <translation>Kirjoita perustelu: se jää asian historiaan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the department to assign the case to.</source>
        <translation>Valitse yksikkö, jolle asia siirretään.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That person is no longer on the staff list; choose another.</source>
        <translation>Henkilö ei ole enää henkilöstöluettelossa; valitse toinen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The due date cannot be before the case was filed.</source>
        <translation>Määräpäivä ei voi olla ennen asian kirjaamista.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That step is not possible from the case&apos;s current state; choose another.</source>
        <translation>Tämä vaihe ei ole mahdollinen asian nykyisestä tilasta; valitse toinen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Service case</source>
        <translation>Palvelupyyntö</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Kuka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Muutos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Yksikkö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to</source>
        <translation>Vastuuhenkilö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Muistiinpano</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next step</source>
        <translation>&amp;Seuraava vaihe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department</source>
        <translation>&amp;Yksikkö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote</source>
        <translation>&amp;Muistiinpano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Apply</source>
        <translation>&amp;Toteuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the next step (Ctrl+Enter)</source>
        <translation>Toteuta seuraava vaihe (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case history</source>
        <translation>Asian historia</translation>
    </message>
</context>
<context>
    <name>CasesSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_sections.py" line="+304"/>
        <location line="+11"/>
        <source>Open cases</source>
        <translation>Avoimet asiat</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Double-click a case (or press Enter) for its history and next step</source>
        <translation>Kaksoisnapsauta asiaa (tai paina Enter) nähdäksesi sen historian ja seuraavan vaiheen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>Asia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Yksikkö</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Määräpäivä</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back office</source>
        <translation>Taustajärjestelmä</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open cases (%1)</source>
        <translation>Avoimet asiat (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No open cases.</source>
        <translation>Ei avoimia asioita.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 overdue</source>
        <translation>Myöhässä: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The due date has passed</source>
        <translation>Määräpäivä on ohitettu</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_form/conflict_panel.py" line="+124"/>
        <source>This customer was saved on another workstation while you were editing. Nothing has been overwritten. Compare the versions (differences are highlighted) and choose which one to keep.</source>
        <translation>Asiakkaan tiedot tallennettiin toisella työasemalla muokkauksesi aikana. Mitään ei ole korvattu. Vertaa versioita (erot on korostettu) ja valitse, kumpi säilytetään.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Field</source>
        <translation>Kenttä</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved on the other workstation</source>
        <translation>Tallennettu toisella työasemalla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your version</source>
        <translation>Sinun versiosi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep theirs</source>
        <translation>Säilytä toinen versio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard your changes and show the version saved elsewhere</source>
        <translation>Hylkää muutoksesi ja näytä toisella työasemalla tallennettu versio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply mine on top</source>
        <translation>Tallenna omani sen päälle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save your version over the new one</source>
        <translation>Tallenna oma versiosi uuden version päälle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First names</source>
        <translation>Etunimet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Sukunimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>Syntymäaika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Asiointikieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity code</source>
        <translation>Henkilötunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business ID</source>
        <translation>Y-tunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phones</source>
        <translation>Puhelinnumerot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mails</source>
        <translation>Sähköpostiosoitteet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>Katuosoite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postinumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Municipality</source>
        <translation>Kunta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Organisation</source>
        <translation>Organisaatio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Person</source>
        <translation>Henkilö</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+30"/>
        <source>Address protected</source>
        <translation>Turvakielto</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_form.py" line="+216"/>
        <source>Customer</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Topic</source>
        <translation>A&amp;ihe</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Cha&amp;nnel</source>
        <translation>&amp;Kanava</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Department</source>
        <translation>&amp;Yksikkö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes</source>
        <translation>&amp;Muistiinpanot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;utcome</source>
        <translation>&amp;Lopputulos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ase</source>
        <translation>A&amp;sia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Caller not identified</source>
        <translation>Soittajaa ei ole tunnistettu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type to find a topic…</source>
        <translation>Kirjoita hakeaksesi aihetta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title of the new case</source>
        <translation>Uuden asian otsikko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Määräpäivä</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unidentified caller</source>
        <translation>Tunnistamaton soittaja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer %1</source>
        <translation>Asiakas %1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>— none —</source>
        <translation>— ei mitään —</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No case</source>
        <translation>Ei asiaa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a new case…</source>
        <translation>Avaa uusi asia…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link to case #%1: %2</source>
        <translation>Liitä asiaan #%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(due %1)</source>
        <translation>(määräpäivä %1)</translation>
    </message>
</context>
<context>
    <name>ContactMessages</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/field_messages.py" line="+22"/>
        <location line="+26"/>
        <source>Choose a topic from the list</source>
        <translation>Valitse aihe luettelosta</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Choose how the contact ended</source>
        <translation>Valitse, miten yhteydenotto päättyi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The start time has no time zone</source>
        <translation>Alkamisajasta puuttuu aikavyöhyke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The start time is in the future</source>
        <translation>Alkamisaika on tulevaisuudessa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the new case a title or link an existing case</source>
        <translation>Anna uudelle asialle otsikko tai liitä olemassa oleva asia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identify the customer before opening a case</source>
        <translation>Tunnista asiakas ennen asian avaamista</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The linked case does not belong to this customer</source>
        <translation>Liitetty asia ei kuulu tälle asiakkaalle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new case needs a due date</source>
        <translation>Uudelle asialle tarvitaan määräpäivä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The due date is in the past</source>
        <translation>Määräpäivä on jo mennyt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the department the contact is forwarded to</source>
        <translation>Valitse yksikkö, jolle yhteydenotto välitetään</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer is no longer in the register</source>
        <translation>Asiakas ei ole enää rekisterissä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The contact is already linked to another customer</source>
        <translation>Yhteydenotto on jo liitetty toiseen asiakkaaseen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Notes can be at most %1 characters (now %2)</source>
        <translation>Muistiinpanoissa voi olla enintään %1 merkkiä (nyt %2)</translation>
    </message>
</context>
<context>
    <name>ContactSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_sections.py" line="-141"/>
        <source>Contact details</source>
        <translation>Yhteystiedot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>primary</source>
        <translation>ensisijainen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Address protected (related person)</source>
        <translation>Osoite suojattu (läheinen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A person who lives with this customer has a protected address (turvakielto): this address is theirs too, so it is not shown and must not be given out.</source>
        <translation>Asiakkaan kanssa asuvalla henkilöllä on turvakielto: tämä osoite on myös hänen, joten sitä ei näytetä eikä saa luovuttaa.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address protected</source>
        <translation>Turvakielto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protected address (turvakielto): the address is not shown and must not be given out.</source>
        <translation>Turvakielto: osoitetta ei näytetä, eikä sitä saa luovuttaa.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Address: %1, %2</source>
        <translation>Osoite: %1, %2</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../agentdesk_desktop/core_messages.py" line="+55"/>
        <source>A search can be at most %1 characters, this one has %2</source>
        <translation>Haussa voi olla enintään %1 merkkiä, tässä on %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A search can have at most %1 words, this one has %2</source>
        <translation>Haussa voi olla enintään %1 sanaa, tässä on %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A word in a search can be at most %1 letters, one here has %2</source>
        <translation>Hakusanassa voi olla enintään %1 kirjainta, yhdessä tässä on %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The personal identity code is empty</source>
        <translation>Henkilötunnus puuttuu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A personal identity code has 11 characters, this one has %1</source>
        <translation>Henkilötunnuksessa on 11 merkkiä, tässä on %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invalid character %1 at position %2: the date of birth must be digits</source>
        <translation>Virheellinen merkki %1 kohdassa %2: syntymäajan on oltava numeroita</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invalid character %1 at position %2: the individual number must be digits</source>
        <translation>Virheellinen merkki %1 kohdassa %2: yksilönumeron on oltava numeroita</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown century sign %1</source>
        <translation>Tuntematon välimerkki %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No such date: %1</source>
        <translation>Päivämäärää %1 ei ole olemassa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Individual number %1 is not issued</source>
        <translation>Yksilönumeroa %1 ei anneta kenellekään</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is never a check character; it should be %2</source>
        <translation>%1 ei voi olla tarkistusmerkki; sen pitäisi olla %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check character should be %1</source>
        <translation>Tarkistusmerkin pitäisi olla %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The identity code&apos;s birth date is in the future</source>
        <translation>Henkilötunnuksen syntymäaika on tulevaisuudessa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid personal identity code</source>
        <translation>Henkilötunnus ei ole kelvollinen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The business ID is empty</source>
        <translation>Y-tunnus puuttuu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A business ID (Y-tunnus) is seven digits, a hyphen and a check digit, e.g. 0112038-9</source>
        <translation>Y-tunnus on seitsemän numeroa, yhdysmerkki ja tarkistusnumero, esim. 0112038-9</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The digits %1 give remainder 1: no valid business ID has these digits</source>
        <translation>Numeroista %1 jää jakojäännös 1: millään kelvollisella Y-tunnuksella ei ole näitä numeroita</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check digit should be %1</source>
        <translation>Tarkistusnumeron pitäisi olla %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid business ID</source>
        <translation>Y-tunnus ei ole kelvollinen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The phone number is empty</source>
        <translation>Puhelinnumero puuttuu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a phone number</source>
        <translation>Ei ole puhelinnumero</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown country code</source>
        <translation>Tuntematon maatunnus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too short to be a phone number</source>
        <translation>Liian lyhyt puhelinnumeroksi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too long to be a phone number</source>
        <translation>Liian pitkä puhelinnumeroksi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong length for a phone number in %1</source>
        <translation>Puhelinnumeron pituus ei kelpaa (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid number in %1</source>
        <translation>Numero ei ole kelvollinen (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The e-mail address is empty</source>
        <translation>Sähköpostiosoite puuttuu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spaces are not allowed in an e-mail address</source>
        <translation>Sähköpostiosoitteessa ei saa olla välilyöntejä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An e-mail address needs one @</source>
        <translation>Sähköpostiosoitteessa pitää olla yksi @-merkki</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The part before @ is empty</source>
        <translation>@-merkkiä edeltävä osa puuttuu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The part after @ is empty</source>
        <translation>@-merkin jälkeinen osa puuttuu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An e-mail address can be at most %1 characters, this one has %2</source>
        <translation>Sähköpostiosoitteessa voi olla enintään %1 merkkiä, tässä on %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The part before @ can be at most %1 characters, this one has %2</source>
        <translation>@-merkkiä edeltävässä osassa voi olla enintään %1 merkkiä, tässä on %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The character %1 is not allowed before @</source>
        <translation>Merkki %1 ei ole sallittu ennen @-merkkiä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dots before @ must be single and cannot start or end that part</source>
        <translation>Ennen @-merkkiä ei saa olla kahta pistettä peräkkäin, eikä osa saa alkaa tai päättyä pisteeseen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The character %1 is not allowed in the domain</source>
        <translation>Merkki %1 ei ole sallittu verkkotunnuksessa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The domain %1 has no dot</source>
        <translation>Verkkotunnuksessa %1 ei ole pistettä</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The domain %1 has an empty part between dots</source>
        <translation>Verkkotunnuksessa %1 on tyhjä osa pisteiden välissä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A part of the domain %1 starts or ends with a hyphen</source>
        <translation>Verkkotunnuksen %1 osa alkaa tai päättyy yhdysmerkkiin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A part of the domain can be at most %1 characters</source>
        <translation>Verkkotunnuksen osassa voi olla enintään %1 merkkiä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The domain %1 does not end in a top-level domain</source>
        <translation>Verkkotunnus %1 ei pääty ylätason verkkotunnukseen</translation>
    </message>
</context>
<context>
    <name>CustomerDesk</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_desk.py" line="+193"/>
        <source>&amp;Knowledge base…</source>
        <translation>&amp;Tietopankki…</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_form/customer_dialog.py" line="+206"/>
        <source>New customer</source>
        <translation>Uusi asiakas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit customer</source>
        <translation>Muokkaa asiakasta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First names</source>
        <translation>&amp;Etunimet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Nimi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Last name</source>
        <translation>&amp;Sukunimi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Identity code</source>
        <translation>&amp;Henkilötunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Business ID</source>
        <translation>&amp;Y-tunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Birth date</source>
        <translation>Syn&amp;tymäaika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;anguage</source>
        <translation>&amp;Asiointikieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone numbers</source>
        <translation>Puhe&amp;linnumerot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail addresses</source>
        <translation>Sähköposti&amp;osoitteet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Street address</source>
        <translation>&amp;Katuosoite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ostal code</source>
        <translation>&amp;Postinumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Municipality</source>
        <translation>K&amp;unta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Person</source>
        <translation>Henkilö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organisaatio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 010594Y9032</source>
        <translation>esim. 010594Y9032</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 0112038-9</source>
        <translation>esim. 0112038-9</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d.m.yyyy (from the identity code if empty)</source>
        <translation>p.k.vvvv (henkilötunnuksesta, jos tyhjä)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>040 123 4567; separate several with a comma</source>
        <translation>040 123 4567; erota useampi pilkulla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name@example.fi; separate several with a comma</source>
        <translation>nimi@example.fi; erota useampi pilkulla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address protected (turvakielto). The address is not shown here and stays as it is in the register.</source>
        <translation>Turvakielto. Osoitetta ei näytetä tässä, ja se säilyy rekisterissä ennallaan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the customer (Ctrl+Enter)</source>
        <translation>Tallenna asiakas (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The customer could not be loaded. Close this window and try again.</source>
        <translation>Asiakkaan tietoja ei voitu hakea. Sulje tämä ikkuna ja yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>The customer could not be saved. Nothing you typed is lost; try again in a moment.</source>
        <translation>Asiakasta ei voitu tallentaa. Kirjoittamasi teksti ei katoa; yritä hetken kuluttua uudelleen.</translation>
    </message>
</context>
<context>
    <name>CustomerMessages</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_form/customer_messages.py" line="+47"/>
        <source>A customer with this identity code already exists</source>
        <translation>Asiakas tällä henkilötunnuksella on jo olemassa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The identity code&apos;s birth date is in the future</source>
        <translation>Henkilötunnuksen syntymäaika on tulevaisuudessa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write the date as d.m.yyyy, e.g. 5.1.1980</source>
        <translation>Kirjoita päivämäärä muodossa p.k.vvvv, esim. 5.1.1980</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The birth date is in the future</source>
        <translation>Syntymäaika on tulevaisuudessa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Does not match the identity code (%1)</source>
        <translation>Ei vastaa henkilötunnusta (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last name is required</source>
        <translation>Sukunimi on pakollinen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name is required</source>
        <translation>Nimi on pakollinen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first name is required</source>
        <translation>Etunimi on pakollinen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Finnish postal code has five digits</source>
        <translation>Suomalaisessa postinumerossa on viisi numeroa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The municipality is required with an address</source>
        <translation>Osoitteeseen tarvitaan myös kunta</translation>
    </message>
</context>
<context>
    <name>CustomerOverviewView</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/customer_overview_view.py" line="+283"/>
        <source>Contact logging</source>
        <translation>Yhteydenottojen kirjaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department panels</source>
        <translation>Yksiköiden paneelit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Panels from the department plugins installed on this workstation (social services, health care, technical services and others) appear here: what each back-office system knows about this customer, for the staff allowed to see it.</source>
        <translation>Tälle työasemalle asennettujen yksikkölaajennusten (sosiaalipalvelut, terveydenhuolto, tekniset palvelut ja muut) paneelit näkyvät tässä: mitä kukin taustajärjestelmä tietää asiakkaasta, niille työntekijöille, joilla on oikeus nähdä se.</translation>
    </message>
</context>
<context>
    <name>CustomerSummaryView</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_summary.py" line="+153"/>
        <source>Loading customer…</source>
        <translation>Haetaan asiakkaan tietoja…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>Yritä uudelleen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Born</source>
        <translation>Syntynyt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal identity code</source>
        <translation>Henkilötunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business ID</source>
        <translation>Y-tunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Asiointikieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From the customer register</source>
        <translation>Tiedot asiakasrekisteristä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protected address (turvakielto): the address is not shown and must not be given out.</source>
        <translation>Turvakielto: osoitetta ei näytetä, eikä sitä saa luovuttaa.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Organisation</source>
        <translation>Organisaatio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Person</source>
        <translation>Henkilö</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swedish</source>
        <translation>ruotsi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>muu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address protected</source>
        <translation>Turvakielto</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This customer is no longer in the register.</source>
        <translation>Tämä asiakas ei ole enää rekisterissä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer could not be loaded. Check the connection and try again.</source>
        <translation>Asiakkaan tietoja ei voitu hakea. Tarkista yhteys ja yritä uudelleen.</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/dashboard_window.py" line="+338"/>
        <source>The figures could not be refreshed (%1); trying again.</source>
        <translation>Lukuja ei voitu päivittää (%1); yritetään uudelleen.</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Supervisor dashboard – AgentDesk</source>
        <translation>Esihenkilön tilannenäkymä – AgentDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agents</source>
        <translation>Asiakaspalvelijat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today&apos;s contacts</source>
        <translation>Tämän päivän yhteydenotot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By channel</source>
        <translation>Kanavittain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By hour</source>
        <translation>Tunneittain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No active queues. Queues are set up by the administrator.</source>
        <translation>Ei aktiivisia jonoja. Jonot perustaa pääkäyttäjä.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarantined e-mail…</source>
        <translation>Karanteenissa olevat sähköpostit…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Supervisor dashboard</source>
        <translation>Esihenkilön tilannenäkymä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading the figures…</source>
        <translation>Haetaan lukuja…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Supervisor dashboard · %1</source>
        <translation>Esihenkilön tilannenäkymä · %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Updated %1</source>
        <translation>Päivitetty %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 contacts logged today</source>
        <translation>Tänään kirjattu %1 yhteydenottoa</translation>
    </message>
</context>
<context>
    <name>DataProtectionWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/data_protection/dpo_window.py" line="+197"/>
        <source>Data protection — who handled a citizen&apos;s data</source>
        <translation>Tietosuoja — kuka on käsitellyt henkilön tietoja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citizen:</source>
        <translation>Henkilö:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, henkilötunnus or customer id</source>
        <translation>Nimi, henkilötunnus tai asiakasnumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>Hae</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show period</source>
        <translation>Näytä ajanjakso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose contains…</source>
        <translation>Käyttötarkoitus sisältää…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+9"/>
        <source>Staff</source>
        <translation>Käyttäjä</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Department</source>
        <translation>Yksikkö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Toimenpide</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Purpose</source>
        <translation>Käyttötarkoitus</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Workstation</source>
        <translation>Työasema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Break the glass — openings of restricted customers to review</source>
        <translation>Poikkeusavaukset — rajattujen asiakkaiden avaukset tarkistettavaksi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Citizen</source>
        <translation>Henkilö</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citizen&apos;s access-log document…</source>
        <translation>Henkilön lokiote…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Swedish</source>
        <translation>ruotsi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type a name, a henkilötunnus or a customer id.</source>
        <translation>Kirjoita nimi, henkilötunnus tai asiakasnumero.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Searching…</source>
        <translation>Haetaan…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No citizen found.</source>
        <translation>Henkilöä ei löytynyt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the citizen (Enter or double-click).</source>
        <translation>Valitse henkilö (Enter tai kaksoisnapsautus).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The period ends before it starts.</source>
        <translation>Ajanjakso päättyy ennen kuin se alkaa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the audit log…</source>
        <translation>Luetaan lokia…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>All staff</source>
        <translation>Kaikki käyttäjät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All actions</source>
        <translation>Kaikki toimenpiteet</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 (listed among %2)</source>
        <translation>%1 (yksi %2 tuloksesta)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (#%2): %3 of %4 accesses in the period.</source>
        <translation>%1 (#%2): %3/%4 käsittelyä ajanjaksolla.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More than this in the period: choose a shorter period.</source>
        <translation>Ajanjaksolla on enemmän merkintöjä: valitse lyhyempi ajanjakso.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Break the glass — openings of restricted customers to review: %1</source>
        <translation>Poikkeusavaukset — rajattujen asiakkaiden avaukset tarkistettavaksi: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Export CSV</source>
        <translation>Vie CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The citizen&apos;s access-log document</source>
        <translation>Henkilön lokiote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML documents (*.html)</source>
        <translation>HTML-asiakirjat (*.html)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrote %1.</source>
        <translation>Kirjoitettu %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No such citizen.</source>
        <translation>Tällaista henkilöä ei ole.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot write the file: %1</source>
        <translation>Tiedostoa ei voi kirjoittaa: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit log cannot be read now. Try again in a moment.</source>
        <translation>Lokia ei voi nyt lukea. Yritä hetken kuluttua uudelleen.</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../agentdesk_desktop/start_up.py" line="+189"/>
        <source>The database %1 has no AgentDesk data yet. Ask IT to prepare it (agentdesk db upgrade).</source>
        <translation>Tietokannassa %1 ei vielä ole AgentDeskin tietoja. Pyydä IT-tukea valmistelemaan se (agentdesk db upgrade).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database %1 was made for an older version of AgentDesk. Ask IT to upgrade it (agentdesk db upgrade) before using the desk.</source>
        <translation>Tietokanta %1 on tehty AgentDeskin vanhemmalle versiolle. Pyydä IT-tukea päivittämään se (agentdesk db upgrade) ennen käyttöä.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database %1 was made for a newer version of AgentDesk. Update AgentDesk on this workstation.</source>
        <translation>Tietokanta %1 on tehty AgentDeskin uudemmalle versiolle. Päivitä tämän työaseman AgentDesk.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open the database %1. Check the network connection; if the problem continues, contact IT support.</source>
        <translation>Tietokantaa %1 ei voi avata. Tarkista verkkoyhteys; jos ongelma jatkuu, ota yhteyttä IT-tukeen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>AgentDesk cannot start</source>
        <translation>AgentDesk ei käynnisty</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This workstation has no sign-in configured. IT connects AgentDesk to the city&apos;s directory in the department profile ([directory]: url, base_dn, group_roles) and stores the service account&apos;s password with: agentdesk secrets set directory. Contact IT support.</source>
        <translation>Tälle työasemalle ei ole määritetty kirjautumista. IT liittää AgentDeskin kaupungin hakemistoon yksikön profiilissa ([directory]: url, base_dn, group_roles) ja tallentaa palvelutilin salasanan komennolla: agentdesk secrets set directory. Ota yhteyttä IT-tukeen.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The configuration of AgentDesk could not be read (%1). Contact IT support.</source>
        <translation>AgentDeskin asetuksia ei voitu lukea (%1). Ota yhteyttä IT-tukeen.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/app.py" line="+251"/>
        <source>No secure keyring on this computer: unsaved contacts are kept in memory only and will not survive a crash.</source>
        <translation>Tällä tietokoneella ei ole turvallista avainnippua: tallentamattomat yhteydenotot säilyvät vain muistissa eivätkä selviä kaatumisesta.</translation>
    </message>
</context>
<context>
    <name>DeskPlugins</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/desk_plugins.py" line="+158"/>
        <source>Department plugins could not be started; see the log.</source>
        <translation>Toimialojen liitännäisiä ei voitu käynnistää; katso loki.</translation>
    </message>
    <message>
        <location line="+302"/>
        <source>Some department plugins are not in use: %1. See Help ▸ Plugins.</source>
        <translation>Osa toimialojen liitännäisistä ei ole käytössä: %1. Katso Ohje ▸ Liitännäiset.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Plugins…</source>
        <translation>&amp;Liitännäiset…</translation>
    </message>
</context>
<context>
    <name>DirectorySignInDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/sign_in_directory.py" line="+90"/>
        <source>Type your username.</source>
        <translation>Kirjoita käyttäjätunnuksesi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type your password.</source>
        <translation>Kirjoita salasanasi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing in…</source>
        <translation>Kirjaudutaan…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signed in, but the database could not be reached. Check the network connection and try again.</source>
        <translation>Kirjautuminen onnistui, mutta tietokantaan ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Wrong username or password. Check them and try again.</source>
        <translation>Väärä käyttäjätunnus tai salasana. Tarkista ne ja yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your account is locked after too many wrong passwords, or by IT. Wait a while or call IT support.</source>
        <translation>Tilisi on lukittu liian monen väärän salasanan vuoksi tai IT:n toimesta. Odota hetki tai soita IT-tukeen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your password has expired. Change it in the city&apos;s password service, then sign in again.</source>
        <translation>Salasanasi on vanhentunut. Vaihda se kaupungin salasanapalvelussa ja kirjaudu sitten uudelleen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your account has expired. Ask your supervisor or IT support.</source>
        <translation>Tilisi on vanhentunut. Kysy esihenkilöltäsi tai IT-tuesta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The city&apos;s directory does not answer. Check the network connection and try again; if it continues, call IT support.</source>
        <translation>Kaupungin hakemisto ei vastaa. Tarkista verkkoyhteys ja yritä uudelleen; jos vika jatkuu, soita IT-tukeen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You signed in, but your account is in no group that gives a role in AgentDesk. Ask your supervisor to have you added to your team&apos;s group.</source>
        <translation>Kirjauduit sisään, mutta tilisi ei kuulu mihinkään ryhmään, joka antaa roolin AgentDeskissä. Pyydä esihenkilöäsi lisäämään sinut tiimisi ryhmään.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>AgentDesk cannot search the directory on this workstation (its service account was refused or has no password here). Call IT support.</source>
        <translation>AgentDesk ei voi hakea hakemistosta tällä työasemalla (palvelutili hylättiin tai sen salasanaa ei ole täällä). Soita IT-tukeen.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Sign in to AgentDesk</source>
        <translation>Kirjaudu AgentDeskiin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with your city account (the one you use for your workstation).</source>
        <translation>Kirjaudu kaupungin tunnuksellasi (samalla, jolla kirjaudut työasemallesi).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Username</source>
        <translation>Käyttäjätunnus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>Salasana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caps Lock is on.</source>
        <translation>Caps Lock on päällä.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>Kirjaudu</translation>
    </message>
</context>
<context>
    <name>DraftOffer</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/draft_offer.py" line="+56"/>
        <source>Customer %1</source>
        <translation>Asiakas %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, unsaved contact from %2</source>
        <translation>%1, tallentamaton yhteydenotto (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsaved contacts</source>
        <translation>Tallentamattomat yhteydenotot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AgentDesk closed before these contacts were saved. Open the customers to restore them?</source>
        <translation>AgentDesk sulkeutui ennen kuin nämä yhteydenotot ehdittiin tallentaa. Avataanko asiakkaat, jotta yhteydenotot voidaan palauttaa?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open</source>
        <translation>Avaa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>Myöhemmin</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/drill_down.py" line="+165"/>
        <source>Loading…</source>
        <translation>Haetaan…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 items</source>
        <translation>%1 kpl</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The items could not be read; choose the list again to retry.</source>
        <translation>Rivejä ei voitu hakea; yritä uudelleen valitsemalla luettelo uudestaan.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: items</source>
        <translation>%1: jonon sisältö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show</source>
        <translation>&amp;Näytä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting now, in the order they will be served</source>
        <translation>Odottamassa nyt palvelujärjestyksessä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting past the target time</source>
        <translation>Odottaneet yli tavoiteajan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gave up today</source>
        <translation>Tänään luopuneet</translation>
    </message>
</context>
<context>
    <name>DueCases</name>
    <message>
        <location filename="../../agentdesk_desktop/work/due_cases.py" line="+61"/>
        <source>Case</source>
        <translation>Asia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Määräaika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases overdue or due soon</source>
        <translation>Myöhässä olevat ja pian erääntyvät asiat</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No cases overdue or due soon.</source>
        <translation>Ei myöhässä olevia eikä pian erääntyviä asioita.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases: %1 overdue · %2 due soon</source>
        <translation>Asiat: %1 myöhässä · %2 erääntyy pian</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 working day overdue</source>
        <translation>1 arkipäivän myöhässä</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 working days overdue</source>
        <translation>%1 arkipäivää myöhässä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due today</source>
        <translation>erääntyy tänään</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>due in 1 working day</source>
        <translation>erääntyy 1 arkipäivän kuluttua</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>due in %1 working days</source>
        <translation>erääntyy %1 arkipäivän kuluttua</translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_form/duplicate_panel.py" line="+55"/>
        <source>Possible duplicates: is the customer already in the register?</source>
        <translation>Mahdollisia kaksoiskappaleita: onko asiakas jo rekisterissä?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the customers above. Press Save again to create a new customer anyway.</source>
        <translation>Tarkista yllä olevat asiakkaat. Jos haluat silti luoda uuden asiakkaan, paina Tallenna uudelleen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (born %2)</source>
        <translation>%1 (syntynyt %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open this customer</source>
        <translation>Avaa tämä asiakas</translation>
    </message>
</context>
<context>
    <name>EmailThreadDock</name>
    <message>
        <location filename="../../agentdesk_desktop/mail/thread_dock.py" line="+184"/>
        <source>Opening the e-mail…</source>
        <translation>Avataan sähköpostia…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This e-mail is not in the database (it may still be arriving). Try again shortly.</source>
        <translation>Tätä sähköpostia ei ole tietokannassa (se voi olla vielä tulossa). Yritä hetken kuluttua uudelleen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The e-mail could not be read just now. Try again.</source>
        <translation>Sähköpostia ei juuri nyt voitu lukea. Yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(no text)</source>
        <translation>(ei tekstiä)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no name)</source>
        <translation>(ei nimeä)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Too large to keep in the desk: open it from the mailbox.</source>
        <translation>Liian suuri säilytettäväksi työpöydällä: avaa se postilaatikosta.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved as %1; not opened, as it is a program or a script.</source>
        <translation>Tallennettu nimellä %1; ei avattu, koska se on ohjelma tai skripti.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved as %1; no program on this computer opens it.</source>
        <translation>Tallennettu nimellä %1; millään tämän koneen ohjelmalla ei voi avata sitä.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened %1.</source>
        <translation>Avattu %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The attachment could not be opened just now. Try again.</source>
        <translation>Liitettä ei juuri nyt voitu avata. Yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Write the reply first.</source>
        <translation>Kirjoita vastaus ensin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending…</source>
        <translation>Lähetetään…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reply sent: %1</source>
        <translation>Vastaus lähetetty: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The reply was not sent: the mail server could not be reached or refused it.</source>
        <translation>Vastausta ei lähetetty: postipalvelimeen ei saatu yhteyttä tai se hylkäsi viestin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your text is kept; try again.</source>
        <translation>Tekstisi on tallessa; yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reply is empty or too long.</source>
        <translation>Vastaus on tyhjä tai liian pitkä.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The reply may have been sent but could not be logged. Check the timeline before sending again.</source>
        <translation>Vastaus on ehkä lähetetty, mutta sitä ei voitu kirjata. Tarkista aikajana ennen kuin lähetät uudelleen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The conversation is now the customer&apos;s.</source>
        <translation>Keskustelu on nyt liitetty asiakkaaseen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The conversation is already linked to another customer.</source>
        <translation>Keskustelu on jo liitetty toiseen asiakkaaseen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The link could not be saved just now. Try again.</source>
        <translation>Liitosta ei juuri nyt voitu tallentaa. Yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open an e-mail from the inbox (Next, or a double-click).</source>
        <translation>Avaa sähköposti työjonosta (Seuraava tai kaksoisnapsautus).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown sender: %1</source>
        <translation>Tuntematon lähettäjä: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Link to customer…</source>
        <translation>&amp;Liitä asiakkaaseen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages of the conversation</source>
        <translation>Keskustelun viestit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message</source>
        <translation>Viesti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown as text: the sender&apos;s formatting, pictures and links are not loaded.</source>
        <translation>Näytetään tekstinä: lähettäjän muotoiluja, kuvia ja linkkejä ei ladata.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>Liitteet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Avaa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reply</source>
        <translation>&amp;Vastaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply</source>
        <translation>Vastaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the reply; Ctrl+Return sends it.</source>
        <translation>Kirjoita vastaus; Ctrl+Enter lähettää sen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send reply</source>
        <translation>Lä&amp;hetä vastaus</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/errors.py" line="+85"/>
        <source>AgentDesk – error</source>
        <translation>AgentDesk – virhe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copy details</source>
        <translation>Kopioi tiedot</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Several errors occurred. You can keep working; if the problem continues, send the details below to IT support. The reports are saved in %1.</source>
        <translation>Tapahtui useita virheitä. Voit jatkaa työskentelyä; jos ongelma toistuu, lähetä alla olevat tiedot IT-tukeen. Raportit on tallennettu kansioon %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Something went wrong. You can keep working; if the problem continues, send the details below to IT support. The report is saved to %1.</source>
        <translation>Jokin meni vikaan. Voit jatkaa työskentelyä; jos ongelma toistuu, lähetä alla olevat tiedot IT-tukeen. Raportti on tallennettu tiedostoon %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Something went wrong. You can keep working; if the problem continues, send the details below to IT support.</source>
        <translation>Jokin meni vikaan. Voit jatkaa työskentelyä; jos ongelma toistuu, lähetä alla olevat tiedot IT-tukeen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copied</source>
        <translation>Kopioitu</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location line="+148"/>
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AgentDesk closed unexpectedly last time — details saved to %1</source>
        <translation>AgentDesk sulkeutui viime kerralla odottamatta — tiedot on tallennettu tiedostoon %1</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/figures.py" line="+28"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d %2 h</source>
        <translation>%1 vrk %2 h</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Available</source>
        <translation>Vapaana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Busy</source>
        <translation>Varattu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrap-up</source>
        <translation>Jälkityö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a break</source>
        <translation>Tauolla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>Poissa</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/form_fields.py" line="+111"/>
        <source>Choose…</source>
        <translation>Valitse…</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Fill this in.</source>
        <translation>Täytä tämä kenttä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At most %1 characters (now %2).</source>
        <translation>Enintään %1 merkkiä (nyt %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 merkkiä</translation>
    </message>
</context>
<context>
    <name>InboxDock</name>
    <message>
        <location filename="../../agentdesk_desktop/work/inbox_dock.py" line="+174"/>
        <source>Yours</source>
        <translation>Sinun</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting</source>
        <translation>Odottaa</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The inbox could not be read just now; it tries again shortly.</source>
        <translation>Työjonoa ei voitu juuri nyt lukea; yritetään pian uudelleen.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Nothing waits for you in your queues.</source>
        <translation>Jonoissasi ei odota mitään.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You took: %1</source>
        <translation>Otit: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Transferred.</source>
        <translation>Siirretty.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Finished: %1</source>
        <translation>Valmis: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The item is no longer yours: it went back to its queue or was taken by someone else.</source>
        <translation>Tehtävä ei ole enää sinun: se palasi jonoonsa tai joku muu otti sen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a queue or an agent to transfer to.</source>
        <translation>Valitse jono tai käsittelijä, jolle siirretään.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The item is in that queue already; choose another queue or an agent.</source>
        <translation>Tehtävä on jo siinä jonossa; valitse toinen jono tai käsittelijä.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That queue is closed; choose another.</source>
        <translation>Jono on suljettu; valitse toinen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That agent is no longer active; choose another.</source>
        <translation>Käsittelijä ei ole enää aktiivinen; valitse toinen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The note is too long.</source>
        <translation>Muistiinpano on liian pitkä.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That wrap-up code is not in use any more.</source>
        <translation>Tämä jälkikirjauskoodi ei ole enää käytössä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database could not be reached; nothing was changed. Try again.</source>
        <translation>Tietokantaan ei saatu yhteyttä; mitään ei muutettu. Yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Inbox (%1 waiting)</source>
        <translation>Työjono (%1 odottaa)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inbox</source>
        <translation>Työjono</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue</source>
        <translation>Jono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Aihe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waited</source>
        <translation>Odottanut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Määräaika</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work items</source>
        <translation>Työtehtävät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>&amp;Seuraava</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the next item the routing picks for you</source>
        <translation>Ota seuraava tehtävä, jonka reititys valitsee sinulle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transfer…</source>
        <translation>S&amp;iirrä…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Valmis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrap-up code</source>
        <translation>Jälkikirjauskoodi</translation>
    </message>
</context>
<context>
    <name>InteractionPanel</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+110"/>
        <source>New contact</source>
        <translation>Uusi yhteydenotto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start logging a new contact (Ctrl+N)</source>
        <translation>Aloita uuden yhteydenoton kirjaaminen (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/draft_restore_banner.py" line="+60"/>
        <source>Restore</source>
        <translation>Palauta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Hylkää</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+2"/>
        <source>Save contact</source>
        <translation>Tallenna yhteydenotto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the contact (Ctrl+Enter)</source>
        <translation>Tallenna yhteydenotto (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/interaction_panel.py" line="+168"/>
        <source>Link the last contact to %1</source>
        <translation>Liitä viimeisin yhteydenotto asiakkaaseen %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+4"/>
        <source>Contact saved. Press Ctrl+N to log the next one.</source>
        <translation>Yhteydenotto tallennettu. Kirjaa seuraava painamalla Ctrl+N.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Log a contact</source>
        <translation>Kirjaa yhteydenotto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handle time of the contact in progress (minutes:seconds)</source>
        <translation>Keskeneräisen yhteydenoton käsittelyaika (minuutit:sekunnit)</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/interaction_panel.py" line="+2"/>
        <source>Link the last contact to this customer</source>
        <translation>Liitä viimeisin yhteydenotto tähän asiakkaaseen</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+10"/>
        <source>No contact in progress. Press Ctrl+N or “New contact” to log a phone call, an e-mail, a walk-in visit or a web contact.</source>
        <translation>Ei keskeneräistä yhteydenottoa. Kirjaa puhelu, sähköposti, asiointikäynti tai verkkoyhteydenotto painamalla Ctrl+N tai ”Uusi yhteydenotto”.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/draft_restore_banner.py" line="+11"/>
        <source>Restore unsaved contact from %1?</source>
        <translation>Palautetaanko tallentamaton yhteydenotto (%1)?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1 more after this one)</source>
        <translation>(tämän jälkeen vielä %1)</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/interaction_panel.py" line="+119"/>
        <source>Save or cancel the contact in progress before restoring another.</source>
        <translation>Tallenna tai peruuta keskeneräinen yhteydenotto ennen kuin palautat toisen.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+41"/>
        <source>The database cannot be reached. The contact is kept on this computer and saved automatically when the connection returns. Press Ctrl+N to log the next one.</source>
        <translation>Tietokantaan ei saada yhteyttä. Yhteydenotto säilytetään tällä tietokoneella ja tallennetaan automaattisesti, kun yhteys palaa. Kirjaa seuraava painamalla Ctrl+N.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/interaction_panel.py" line="+124"/>
        <source>The contact could not be saved. Nothing you typed is lost; try again in a moment.</source>
        <translation>Yhteydenottoa ei voitu tallentaa. Kirjoittamasi teksti ei katoa; yritä hetken kuluttua uudelleen.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The contact is now linked to the customer.</source>
        <translation>Yhteydenotto on nyt liitetty asiakkaaseen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Linking the contact failed; try again in a moment.</source>
        <translation>Yhteydenoton liittäminen epäonnistui; yritä hetken kuluttua uudelleen.</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/drill_down.py" line="-109"/>
        <source>waiting</source>
        <translation>odottaa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offered</source>
        <translation>tarjottu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in service</source>
        <translation>palvelussa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>valmis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gave up</source>
        <translation>luopui</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reference</source>
        <translation>Tunniste</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Arrived</source>
        <translation>Saapui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waited</source>
        <translation>Odottanut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target time</source>
        <translation>Tavoiteaika</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Tila</translation>
    </message>
</context>
<context>
    <name>KnowledgeEditor</name>
    <message>
        <location filename="../../agentdesk_desktop/knowledge/knowledge_editor.py" line="+78"/>
        <source>Knowledge base</source>
        <translation>Tietopankki</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Knowledge base entries</source>
        <translation>Tietopankin sisällöt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New</source>
        <translation>Uusi</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+69"/>
        <source>Quick text</source>
        <translation>Pikateksti</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+69"/>
        <source>Article</source>
        <translation>Artikkeli</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+69"/>
        <source>Call script</source>
        <translation>Puhelukäsikirjoitus</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Kind</source>
        <translation>Laji</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. greet — typed as ;greet + Tab</source>
        <translation>esim. greet — kirjoitetaan ;greet + Sarkain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shortcut</source>
        <translation>Pikakoodi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any topic</source>
        <translation>Mikä tahansa aihe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Topic</source>
        <translation>Aihe</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Swedish</source>
        <translation>ruotsi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title</source>
        <translation>Otsikko</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text. Placeholders: {customer_name} {case_number} {agent_name} {today}</source>
        <translation>Teksti. Paikkamerkit: {customer_name} {case_number} {agent_name} {today}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save</source>
        <translation>Tallenna</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>Poista</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Saved.</source>
        <translation>Tallennettu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Someone else saved this entry meanwhile. Choose it again to see theirs.</source>
        <translation>Joku muu tallensi tämän sillä välin. Valitse se uudelleen nähdäksesi hänen versionsa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your role may not edit the knowledge base.</source>
        <translation>Roolisi ei saa muokata tietopankkia.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The entry could not be saved. Try again in a moment.</source>
        <translation>Tallennus ei onnistunut. Yritä hetken kuluttua uudelleen.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A shortcut is 2–31 letters a–z, digits, - or _, e.g. greet.</source>
        <translation>Pikakoodi on 2–31 merkkiä: kirjaimia a–z, numeroita, - tai _, esim. greet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the topic this belongs to (a call script always has one).</source>
        <translation>Valitse aihe, johon tämä kuuluu (puhelukäsikirjoituksella on aina aihe).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the text in at least one language.</source>
        <translation>Kirjoita teksti vähintään yhdellä kielellä.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another quick text already has this shortcut.</source>
        <translation>Toisella pikatekstillä on jo tämä pikakoodi.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Give the text a title (or leave both empty).</source>
        <translation>Anna tekstille otsikko (tai jätä molemmat tyhjiksi).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The title has no text (or the text is too long).</source>
        <translation>Otsikolla ei ole tekstiä (tai teksti on liian pitkä).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing was saved: see the messages above.</source>
        <translation>Mitään ei tallennettu: katso ilmoitukset yllä.</translation>
    </message>
</context>
<context>
    <name>KnowledgePane</name>
    <message>
        <location filename="../../agentdesk_desktop/knowledge/knowledge_pane.py" line="+71"/>
        <location line="+34"/>
        <source>Choose a topic to see its call script, or search.</source>
        <translation>Valitse aihe nähdäksesi sen puhelukäsikirjoituksen, tai hae.</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Scripts and articles</source>
        <translation>Käsikirjoitukset ja artikkelit</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Search the knowledge base</source>
        <translation>Hae tietopankista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Knowledge base results</source>
        <translation>Tietopankin tulokset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Knowledge base text</source>
        <translation>Tietopankin teksti</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No script or article for this topic yet.</source>
        <translation>Tälle aiheelle ei ole vielä käsikirjoitusta eikä artikkelia.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing found.</source>
        <translation>Mitään ei löytynyt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading…</source>
        <translation>Luetaan…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The knowledge base could not be read. Try again in a moment.</source>
        <translation>Tietopankkia ei voitu lukea. Yritä hetken kuluttua uudelleen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Script</source>
        <translation>Käsikirjoitus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Article</source>
        <translation>Artikkeli</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../agentdesk_desktop/widgets/labels.py" line="+36"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-in</source>
        <translation>Asiointikäynti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web</source>
        <translation>Verkko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>Tekstiviesti</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>incoming</source>
        <translation>saapuva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outgoing</source>
        <translation>lähtevä</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Resolved at first contact</source>
        <translation>Ratkaistu ensimmäisellä yhteydenotolla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forwarded to a department</source>
        <translation>Välitetty yksikölle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case created</source>
        <translation>Asia avattu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unresolved</source>
        <translation>Ratkaisematta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Safety warning</source>
        <translation>Turvallisuusvaroitus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs an interpreter</source>
        <translation>Tarvitsee tulkin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deceased</source>
        <translation>Kuollut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address protected</source>
        <translation>Turvakielto</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swedish</source>
        <translation>ruotsi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other language</source>
        <translation>muu kieli</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New</source>
        <translation>Uusi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resolved</source>
        <translation>Ratkaistu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Suljettu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopened</source>
        <translation>Avattu uudelleen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>mobile</source>
        <translation>matkapuhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>home</source>
        <translation>koti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>work</source>
        <translation>työ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>landline</source>
        <translation>lankapuhelin</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Water utility customer</source>
        <translation>Vesihuollon asiakas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City rental tenant</source>
        <translation>Kaupungin vuokra-asunnon asukas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian of a child in daycare</source>
        <translation>Varhaiskasvatuksessa olevan lapsen huoltaja</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Child</source>
        <translation>Lapsi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian</source>
        <translation>Huoltaja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household</source>
        <translation>Kotitalous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Represents</source>
        <translation>Edustaa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Representative</source>
        <translation>Edustaja</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>same birth date</source>
        <translation>sama syntymäaika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same phone number</source>
        <translation>sama puhelinnumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same e-mail</source>
        <translation>sama sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same address</source>
        <translation>sama osoite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>same identity code</source>
        <translation>sama henkilötunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same business ID</source>
        <translation>sama Y-tunnus</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>similar name, same birth date</source>
        <translation>samankaltainen nimi, sama syntymäaika</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Assigned</source>
        <translation>Käsittelyssä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the citizen</source>
        <translation>Odottaa asiakasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the back office</source>
        <translation>Odottaa taustapalvelua</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>similar name, same phone number</source>
        <translation>samankaltainen nimi, sama puhelinnumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar name, same e-mail</source>
        <translation>samankaltainen nimi, sama sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar name, same address</source>
        <translation>samankaltainen nimi, sama osoite</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>since %1</source>
        <translation>%1 alkaen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until %1</source>
        <translation>%1 asti</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/widgets/department_label.py" line="+18"/>
        <source>Customer service</source>
        <translation>Asiakaspalvelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education</source>
        <translation>Kasvatus ja koulutus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technical services</source>
        <translation>Tekniset palvelut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Housing</source>
        <translation>Asuminen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social services</source>
        <translation>Sosiaalipalvelut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health services</source>
        <translation>Terveyspalvelut</translation>
    </message>
</context>
<context>
    <name>LinkSenderDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/mail/link_sender_dialog.py" line="+38"/>
        <source>Link the sender to a customer</source>
        <translation>Liitä lähettäjä asiakkaaseen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is %1? Search and pick the customer.</source>
        <translation>Kuka on %1? Hae ja valitse asiakas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search for the customer</source>
        <translation>Hae asiakasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, henkilötunnus, phone or e-mail</source>
        <translation>Nimi, henkilötunnus, puhelin tai sähköposti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search</source>
        <translation>&amp;Hae</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customers found</source>
        <translation>Löydetyt asiakkaat</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Link</source>
        <translation>&amp;Liitä</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Type something to search for.</source>
        <translation>Kirjoita jotain haettavaksi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Searching…</source>
        <translation>Haetaan…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No customer found; try a name or a henkilötunnus.</source>
        <translation>Asiakasta ei löytynyt; kokeile nimeä tai henkilötunnusta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The search could not be made just now. Try again.</source>
        <translation>Hakua ei juuri nyt voitu tehdä. Yritä uudelleen.</translation>
    </message>
</context>
<context>
    <name>MailStatus</name>
    <message>
        <location filename="../../agentdesk_desktop/mail/mail_status.py" line="+47"/>
        <source>E-mail: login refused</source>
        <translation>Sähköposti: kirjautuminen hylätty</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail: connected</source>
        <translation>Sähköposti: yhdistetty</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail: reconnecting…</source>
        <translation>Sähköposti: yhdistetään uudelleen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail: stopped</source>
        <translation>Sähköposti: pysäytetty</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail: connecting…</source>
        <translation>Sähköposti: yhdistetään…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>stopped</source>
        <translation>pysäytetty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting</source>
        <translation>yhdistetään</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>taking in mail</source>
        <translation>noutaa postia</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>waiting for mail</source>
        <translation>odottaa postia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server cannot be reached; retrying</source>
        <translation>palvelimeen ei saada yhteyttä; yritetään uudelleen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server refused the login</source>
        <translation>palvelin hylkäsi kirjautumisen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/main_window.py" line="+322"/>
        <source>Customer %1</source>
        <translation>Asiakas %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Customer %1 was merged into customer %2: showing customer %2.</source>
        <translation>Asiakas %1 on yhdistetty asiakkaaseen %2: näytetään asiakas %2.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>About AgentDesk</source>
        <translation>Tietoja AgentDeskistä</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;h3&gt;AgentDesk %1&lt;/h3&gt;&lt;p&gt;The customer service desk of the city: one search for every customer, their details and contacts.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;AgentDesk %1&lt;/h3&gt;&lt;p&gt;Kaupungin asiakaspalvelun työpöytä: yksi haku kaikkiin asiakkaisiin, heidän tietoihinsa ja yhteydenottoihinsa.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>&amp;Tiedosto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Asetukset…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Lopeta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Customer</source>
        <translation>&amp;Asiakas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New customer…</source>
        <translation>&amp;Uusi asiakas…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close customer tab</source>
        <translation>&amp;Sulje asiakasvälilehti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queues</source>
        <translation>&amp;Jonot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-in &amp;reception…</source>
        <translation>Asiointipisteen &amp;vastaanotto…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supervisor &amp;dashboard…</source>
        <translation>Esihenkilön &amp;tilannenäkymä…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reports…</source>
        <translation>&amp;Raportit…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notice to citizens…</source>
        <translation>&amp;Tiedote asukkaille…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Steward&apos;s desk: duplicates…</source>
        <translation>&amp;Tietojen ylläpito: kaksoiskappaleet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Data protection…</source>
        <translation>&amp;Tietosuoja…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Demo</source>
        <translation>&amp;Demo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate incoming &amp;call</source>
        <translation>&amp;Simuloi saapuva puhelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Ohje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About AgentDesk</source>
        <translation>&amp;Tietoja AgentDeskistä</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search for a customer and press Enter to open them here.

Ctrl+K or F3: search    Ctrl+W: close the tab    Ctrl+Tab: next tab</source>
        <translation>Hae asiakas ja avaa hänen tietonsa tähän painamalla Enter.

Ctrl+K tai F3: haku    Ctrl+W: sulje välilehti    Ctrl+Tab: seuraava välilehti</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signed in: %1</source>
        <translation>Kirjautunut: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database: %1</source>
        <translation>Tietokanta: %1</translation>
    </message>
</context>
<context>
    <name>NoticeComposer</name>
    <message>
        <location filename="../../agentdesk_desktop/notices/composer_window.py" line="+192"/>
        <source>Notice to citizens</source>
        <translation>Tiedote asukkaille</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Street</source>
        <translation>Katu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>House numbers</source>
        <translation>Talonumerot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postinumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Municipality</source>
        <translation>Kunta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rooli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardians</source>
        <translation>Huoltajat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Hämeenkatu</source>
        <translation>esim. Hämeenkatu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 1–40</source>
        <translation>esim. 1–40</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. water_customer, daycare_child</source>
        <translation>esim. water_customer, daycare_child</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to the guardians of the matched persons instead</source>
        <translation>Lähetä löytyneiden henkilöiden huoltajille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Otsikko</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+89"/>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+89"/>
        <source>Swedish</source>
        <translation>ruotsi</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+89"/>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Subject (e-mail)</source>
        <translation>Aihe (sähköposti)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Viesti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>Tekstiviesti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the channels this desk is set up for can be chosen.</source>
        <translation>Vain tälle työpisteelle määritetyt kanavat ovat valittavissa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send…</source>
        <translation>Lähetä…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue sending</source>
        <translation>Jatka lähettämistä</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+31"/>
        <source>Choose a street, a postal code, a municipality or a role.</source>
        <translation>Valitse katu, postinumero, kunta tai rooli.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Give house numbers as 1–40 or a single number.</source>
        <translation>Anna talonumerot muodossa 1–40 tai yksi numero.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The house numbers run backwards: write the smaller number first (1–40, not 40–1).</source>
        <translation>Talonumerot ovat väärin päin: kirjoita pienempi numero ensin (1–40, ei 40–1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>House numbers need a street.</source>
        <translation>Talonumerot tarvitsevat kadun.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A house number is 1 or more.</source>
        <translation>Talonumero on vähintään 1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A postal code is five digits.</source>
        <translation>Postinumero on viisi numeroa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A role code is lower-case letters, digits and _ (e.g. water_customer).</source>
        <translation>Roolikoodi on pieniä kirjaimia, numeroita ja _ (esim. water_customer).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Counting…</source>
        <translation>Lasketaan…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 citizens</source>
        <translation>%1 asukasta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The segment could not be counted. Try again.</source>
        <translation>Joukkoa ei voitu laskea. Yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Give the notice a title (staff see it on the timelines).</source>
        <translation>Anna tiedotteelle otsikko (henkilöstö näkee sen aikajanoilla).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the Finnish text: it goes to everyone without a text of their own.</source>
        <translation>Kirjoita suomenkielinen teksti: se lähetetään kaikille, joille ei ole omankielistä tekstiä.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 text has a subject but no message.</source>
        <translation>Tekstillä (%1) on aihe mutta ei viestiä.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An e-mail needs a subject (%1).</source>
        <translation>Sähköposti tarvitsee aiheen (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 SMS is too long.</source>
        <translation>Tekstiviesti (%1) on liian pitkä.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 recipients read %2: write the %2 text.</source>
        <translation>%1 vastaanottajaa lukee kieltä %2: kirjoita teksti (%2).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Wait for the count of the segment, then send.</source>
        <translation>Odota, että joukko on laskettu, ja lähetä sitten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nobody is in this segment: nothing to send.</source>
        <translation>Joukossa ei ole ketään: ei lähetettävää.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preparing the notice…</source>
        <translation>Valmistellaan tiedotetta…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sending…</source>
        <translation>Lähetetään…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sent %1 of %2 (%3 failed, %4 without an address).</source>
        <translation>Lähetetty %1/%2 (%3 epäonnistui, %4 ilman osoitetta).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sending stopped (%1): %2 still to send. Continue when the channel is back.</source>
        <translation>Lähetys pysähtyi (%1): %2 vielä lähettämättä. Jatka, kun kanava toimii taas.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Done: %1 sent, %2 failed, %3 without an address.</source>
        <translation>Valmis: %1 lähetetty, %2 epäonnistui, %3 ilman osoitetta.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The notice could not be sent: %1</source>
        <translation>Tiedotetta ei voitu lähettää: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Continue sending “%1” (%2 of %3 left)</source>
        <translation>Jatka tiedotteen ”%1” lähettämistä (%2/%3 jäljellä)</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message numerus="yes">
        <location filename="../../agentdesk_desktop/logging/outbox_status.py" line="+35"/>
        <source>Offline — %n contact(s) waiting</source>
        <translation>
            <numerusform>Ei yhteyttä — %n yhteydenotto odottaa</numerusform>
            <numerusform>Ei yhteyttä — %n yhteydenottoa odottaa</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database cannot be reached. Saved contacts wait encrypted on this computer and are sent automatically when it answers again.</source>
        <translation>Tietokantaan ei saada yhteyttä. Tallennetut yhteydenotot odottavat salattuina tällä tietokoneella ja lähetetään automaattisesti, kun tietokanta taas vastaa.</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Database reachable again: %n waiting contact(s) saved.</source>
        <translation>
            <numerusform>Tietokanta vastaa taas: %n odottanut yhteydenotto tallennettu.</numerusform>
            <numerusform>Tietokanta vastaa taas: %n odottanutta yhteydenottoa tallennettu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n waiting contact(s) could not be saved: open the customer to check it and save it again.</source>
        <translation>
            <numerusform>%n odottanut yhteydenotto jäi tallentamatta: avaa asiakas, tarkista yhteydenotto ja tallenna se uudelleen.</numerusform>
            <numerusform>%n odottanutta yhteydenottoa jäi tallentamatta: avaa asiakas, tarkista yhteydenotot ja tallenna ne uudelleen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewHeader</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_header.py" line="+129"/>
        <source>Identity code</source>
        <translation>Henkilötunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>Näytä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the full identity code. Every view is logged.</source>
        <translation>Näytä koko henkilötunnus. Jokainen katselu kirjataan lokiin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit details…</source>
        <translation>Muokkaa tietoja…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes of the alerts</source>
        <translation>Varoitusten lisätiedot</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Organisation</source>
        <translation>Organisaatio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Business ID %1</source>
        <translation>Y-tunnus %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 years</source>
        <translation>%1 v</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>born %1</source>
        <translation>syntynyt %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language: %1</source>
        <translation>Asiointikieli: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>PairView</name>
    <message>
        <location filename="../../agentdesk_desktop/steward/pair_view.py" line="+74"/>
        <location line="+3"/>
        <location line="+1"/>
        <source>Customer %1</source>
        <translation>Asiakas %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the scan found (weight in bits: + one person, - two people)</source>
        <translation>Mitä haku löysi (paino bitteinä: + sama henkilö, - kaksi henkilöä)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Kenttä</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Found</source>
        <translation>Löydös</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>Paino</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a pair in the queue to compare the two records.</source>
        <translation>Valitse jonosta pari verrataksesi kahta tietuetta.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Score %1 · %2 of %3 fields differ (highlighted)</source>
        <translation>Pisteet %1 · %2/%3 kentästä eroaa (korostettu)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(protected address)</source>
        <translation>(turvakielto)</translation>
    </message>
</context>
<context>
    <name>PhoneStatusLabel</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/call_bar.py" line="+29"/>
        <source>Phone: off</source>
        <translation>Puhelin: pois käytöstä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone: connecting…</source>
        <translation>Puhelin: yhdistetään…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone: connected</source>
        <translation>Puhelin: yhdistetty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone: reconnecting…</source>
        <translation>Puhelin: yhdistetään uudelleen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone: login refused</source>
        <translation>Puhelin: kirjautuminen hylätty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone: no password on this workstation</source>
        <translation>Puhelin: tällä työasemalla ei ole salasanaa</translation>
    </message>
</context>
<context>
    <name>PluginPanelArea</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/panel_area.py" line="+165"/>
        <source>The department panels could not read this customer.</source>
        <translation>Toimialojen paneelit eivät saaneet tämän asiakkaan tietoja.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Choose a purpose to see this panel</source>
        <translation>Valitse käyttötarkoitus nähdäksesi tämän paneelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The panel could not be shown</source>
        <translation>Paneelia ei voitu näyttää</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing about this customer</source>
        <translation>Ei tietoja tästä asiakkaasta</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Department panels are starting…</source>
        <translation>Toimialojen paneeleja käynnistetään…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No department panels for your role on this workstation.</source>
        <translation>Roolillesi ei ole toimialojen paneeleja tällä työasemalla.</translation>
    </message>
</context>
<context>
    <name>PluginPanelWidget</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/panel_widget.py" line="+198"/>
        <source>This panel shows sensitive information. Choose why you need to see it; the access is logged.</source>
        <translation>Tämä paneeli näyttää arkaluonteisia tietoja. Valitse, miksi tarvitset niitä; katselu kirjataan lokiin.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/widgets/purpose_prompt.py" line="+48"/>
        <source>Customer is on the line and consents</source>
        <translation>Asiakas on linjalla ja antaa suostumuksensa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statutory task</source>
        <translation>Lakisääteinen tehtävä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency</source>
        <translation>Hätätilanne</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/plugins/panel_widget.py" line="+2"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Yritä uudelleen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>customer consents</source>
        <translation>asiakkaan suostumus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>statutory task</source>
        <translation>lakisääteinen tehtävä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>emergency</source>
        <translation>hätätilanne</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>The back end does not answer.</source>
        <translation>Taustajärjestelmä ei vastaa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The back end did not answer in time.</source>
        <translation>Taustajärjestelmä ei vastannut ajoissa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The back end answered with an error.</source>
        <translation>Taustajärjestelmä vastasi virheellä.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The back end has not been answering; the desk waits a moment before asking again.</source>
        <translation>Taustajärjestelmä ei ole vastannut; työpöytä odottaa hetken ennen kuin kysyy uudelleen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This panel is hidden: it tried to show a protected address.</source>
        <translation>Paneeli on piilotettu: se yritti näyttää turvakiellon alaisen osoitteen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This panel is not available to you now.</source>
        <translation>Tämä paneeli ei ole nyt käytettävissäsi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The panel could not be shown.</source>
        <translation>Paneelia ei voitu näyttää.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>at %1</source>
        <translation>klo %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(saved answer)</source>
        <translation>(tallennettu vastaus)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>purpose: %1</source>
        <translation>käyttötarkoitus: %1</translation>
    </message>
</context>
<context>
    <name>PluginStates</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/plugin_setup.py" line="+46"/>
        <source>starting</source>
        <translation>käynnistyy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>käytössä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disabled</source>
        <translation>poistettu käytöstä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incompatible</source>
        <translation>yhteensopimaton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>epäonnistui</translation>
    </message>
</context>
<context>
    <name>PluginsDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/plugins_dialog.py" line="+67"/>
        <source>Plugins</source>
        <translation>Liitännäiset</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plugin</source>
        <translation>Liitännäinen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Versio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Department plugins are turned off for this desk.</source>
        <translation>Toimialojen liitännäiset ovat poissa käytöstä tässä työpöydässä.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The department plugins are still starting.</source>
        <translation>Toimialojen liitännäiset käynnistyvät vielä.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department plugins found on this workstation. Disabling one removes its panels at once; it stays disabled until you enable it or restart the desk.</source>
        <translation>Tältä työasemalta löytyneet toimialojen liitännäiset. Käytöstä poistetun liitännäisen paneelit poistuvat heti; se pysyy poissa käytöstä, kunnes otat sen käyttöön tai käynnistät työpöydän uudelleen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Disabled by you in this session.</source>
        <translation>Poistit sen käytöstä tässä istunnossa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turned off by this workstation&apos;s department profile (IT).</source>
        <translation>Poistettu käytöstä tämän työaseman toimialaprofiilissa (IT).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Disable</source>
        <translation>Poista käytöstä</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enable</source>
        <translation>Ota käyttöön</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Try again</source>
        <translation>Yritä uudelleen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only IT can change this plugin.</source>
        <translation>Vain IT voi muuttaa tätä liitännäistä.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting…</source>
        <translation>Käynnistetään…</translation>
    </message>
</context>
<context>
    <name>PresenceButton</name>
    <message>
        <location filename="../../agentdesk_desktop/work/presence_button.py" line="+147"/>
        <source>Available</source>
        <translation>Vapaa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Busy</source>
        <translation>Varattu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrap-up</source>
        <translation>Jälkikirjaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <translation>Tauko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>Poissa</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Presence: …</source>
        <translation>Tila: …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>● Wrap-up %1</source>
        <translation>● Jälkikirjaus %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your presence could not be saved; the desk shows the last saved one. Try again.</source>
        <translation>Tilaasi ei voitu tallentaa; näytetään viimeksi tallennettu. Yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your presence: click to change it</source>
        <translation>Tilasi: vaihda napsauttamalla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Presence: %1</source>
        <translation>Tila: %1</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/quarantine_dialog.py" line="+153"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 messages could not be taken in. They are kept here; Retry takes one in again.</source>
        <translation>%1 viestiä ei voitu ottaa vastaan. Ne säilytetään täällä; Yritä uudelleen ottaa viestin vastaan uudelleen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No quarantined e-mail.</source>
        <translation>Ei karanteenissa olevia sähköposteja.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The quarantined e-mail could not be read; close and open this again.</source>
        <translation>Karanteenissa olevia sähköposteja ei voitu lukea; sulje ja avaa tämä uudelleen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Retrying…</source>
        <translation>Yritetään uudelleen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The message was taken in.</source>
        <translation>Viesti otettiin vastaan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The message could not be taken in: %1. It stays here.</source>
        <translation>Viestiä ei voitu ottaa vastaan: %1. Se jää tänne.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The retry did not run (the database could not be reached); try again.</source>
        <translation>Uudelleenyritys ei käynnistynyt (tietokantaan ei saatu yhteyttä); yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Quarantined e-mail</source>
        <translation>Karanteenissa olevat sähköpostit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retry</source>
        <translation>&amp;Yritä uudelleen</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location line="-149"/>
        <source>The message could not be read</source>
        <translation>Viestiä ei voitu lukea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database refused its text</source>
        <translation>Tietokanta ei hyväksynyt sen tekstiä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database refused it</source>
        <translation>Tietokanta ei hyväksynyt sitä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An error in AgentDesk</source>
        <translation>Virhe AgentDeskissä</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message %1, UID %2, AgentDesk %3, %4 attempts</source>
        <translation>Viesti %1, UID %2, AgentDesk %3, %4 yritystä</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unknown</source>
        <translation>tuntematon</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quarantined</source>
        <translation>Karanteeniin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mailbox</source>
        <translation>Postilaatikko</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sender&apos;s domain</source>
        <translation>Lähettäjän verkkotunnus</translation>
    </message>
</context>
<context>
    <name>QueryKind</name>
    <message>
        <location filename="../../agentdesk_desktop/search_panel.py" line="+243"/>
        <source>Name or address</source>
        <translation>Nimi tai osoite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal identity code</source>
        <translation>Henkilötunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business ID</source>
        <translation>Y-tunnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number</source>
        <translation>Puhelinnumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail address</source>
        <translation>Sähköpostiosoite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register ID</source>
        <translation>Rekisteritunnus</translation>
    </message>
</context>
<context>
    <name>QueueTile</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/queue_tile.py" line="+132"/>
        <source>%1 waiting (alarm at %2)</source>
        <translation>%1 odottaa (hälytysraja %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The longest wait is %1 (alarm at %2)</source>
        <translation>Pisin odotus on %1 (hälytysraja %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Service level %1 is below the target %2</source>
        <translation>Palvelutaso %1 on alle tavoitteen %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click for the items behind the figures.</source>
        <translation>Napsauta nähdäksesi lukujen taustalla olevat yhteydenotot.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 working hours</source>
        <translation>%1 työtunnissa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · target %2 within %3</source>
        <translation>%1 · tavoite %2 ajassa %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting now</source>
        <translation>Odottamassa nyt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest wait</source>
        <translation>Pisin odotus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service level today</source>
        <translation>Palvelutaso tänään</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average speed of answer</source>
        <translation>Keskimääräinen vastausaika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average handle time</source>
        <translation>Keskimääräinen käsittelyaika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abandonment rate</source>
        <translation>Luopumisosuus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-contact resolution</source>
        <translation>Ratkaistu ensimmäisellä yhteydenotolla</translation>
    </message>
</context>
<context>
    <name>QuickTextPicker</name>
    <message>
        <location filename="../../agentdesk_desktop/widgets/quick_texts.py" line="+84"/>
        <source>Insert a quick text</source>
        <translation>Lisää pikateksti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type to filter: shortcut, title or text</source>
        <translation>Kirjoita suodattaaksesi: pikakoodi, otsikko tai teksti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter quick texts</source>
        <translation>Suodata pikatekstejä</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quick texts</source>
        <translation>Pikatekstit</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No quick text matches.</source>
        <translation>Mikään pikateksti ei vastaa hakua.</translation>
    </message>
</context>
<context>
    <name>ReceptionWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/reception/reception_window.py" line="+224"/>
        <source>No walk-in services are set up. Ask the administrator for a walk-in queue.</source>
        <translation>Asiointipisteen palveluita ei ole perustettu. Pyydä pääkäyttäjää perustamaan asiointijono.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The services could not be read. Close the window and open it again.</source>
        <translation>Palveluita ei voitu hakea. Sulje ikkuna ja avaa se uudelleen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>For the customer in the current tab (none open)</source>
        <translation>Nykyisen välilehden asiakkaalle (ei avoinna)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For the customer in the current tab: %1</source>
        <translation>Nykyisen välilehden asiakkaalle: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 · issued at %2</source>
        <translation>%1 · annettu klo %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The ticket could not be issued; try again in a moment.</source>
        <translation>Vuoronumeroa ei voitu antaa; yritä hetken kuluttua uudelleen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Finish the current visit before calling the next visitor.</source>
        <translation>Päätä nykyinen käynti ennen kuin kutsut seuraavan asiakkaan.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nobody is waiting.</source>
        <translation>Kukaan ei odota.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Called to %1 · waited %2 min</source>
        <translation>Kutsuttu: %1 · odotti %2 min</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The next visitor could not be called; try again in a moment.</source>
        <translation>Seuraavaa asiakasta ei voitu kutsua; yritä hetken kuluttua uudelleen.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Visit %1 logged.</source>
        <translation>Käynti %1 kirjattu.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The visit could not be logged. Nothing you typed is lost; try again in a moment.</source>
        <translation>Käyntiä ei voitu kirjata. Kirjoittamasi tiedot ovat tallessa; yritä hetken kuluttua uudelleen.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Choose a topic</source>
        <translation>Valitse aihe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose how the visit ended</source>
        <translation>Valitse käynnin lopputulos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The service&apos;s own department</source>
        <translation>Palvelun oma yksikkö</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Walk-in reception – AgentDesk</source>
        <translation>Asiointipisteen vastaanotto – AgentDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket machine</source>
        <translation>Vuoronumerot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My service point</source>
        <translation>Oma palvelupiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service</source>
        <translation>&amp;Palvelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Issue ticket</source>
        <translation>&amp;Anna vuoronumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket number</source>
        <translation>Vuoronumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service &amp;point</source>
        <translation>Palvelup&amp;iste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk 1</source>
        <translation>Piste 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Call next</source>
        <translation>&amp;Kutsu seuraava</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open the customer</source>
        <translation>A&amp;vaa asiakas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Topic</source>
        <translation>Ai&amp;he</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;utcome</source>
        <translation>&amp;Lopputulos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department</source>
        <translation>&amp;Yksikkö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;Muistiinpanot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish visit</source>
        <translation>Päätä käy&amp;nti</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Press Call next when you are free.</source>
        <translation>Paina Kutsu seuraava, kun olet vapaana.</translation>
    </message>
</context>
<context>
    <name>RelationsSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_sections.py" line="+20"/>
        <source>Relationships</source>
        <translation>Suhteet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>Suhde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Born</source>
        <translation>Syntynyt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a person (or press Enter) to open them in a new tab</source>
        <translation>Avaa henkilö uudelle välilehdelle napsauttamalla (tai painamalla Enter)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No household members, guardians or children on record.</source>
        <translation>Ei kirjattuja kotitalouden jäseniä, huoltajia tai lapsia.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (ended)</source>
        <translation>%1 (päättynyt)</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../agentdesk_desktop/reports/report_texts.py" line="+37"/>
        <source>Contacts</source>
        <translation>Yhteydenotot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of contacts</source>
        <translation>Osuus yhteydenotoista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service level</source>
        <translation>Palvelutaso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed of answer, mean</source>
        <translation>Vastausaika, keskiarvo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed of answer, 90th percentile</source>
        <translation>Vastausaika, 90. persentiili</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handle time, mean</source>
        <translation>Käsittelyaika, keskiarvo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abandonment rate</source>
        <translation>Luopumisaste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-contact resolution</source>
        <translation>Ratkaistu ensikontaktilla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost per contact</source>
        <translation>Kustannus yhteydenottoa kohden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>Kustannus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backlog at period end</source>
        <translation>Avoimet asiat jakson lopussa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aged 0–5 working days</source>
        <translation>Ikä 0–5 työpäivää</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aged 6–10 working days</source>
        <translation>Ikä 6–10 työpäivää</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aged 11–20 working days</source>
        <translation>Ikä 11–20 työpäivää</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aged over 20 working days</source>
        <translation>Ikä yli 20 työpäivää</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved after the due date</source>
        <translation>Ratkaistu määräpäivän jälkeen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open past the due date</source>
        <translation>Avoinna yli määräpäivän</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline breaches</source>
        <translation>Määräaikojen ylitykset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback surveys sent</source>
        <translation>Lähetetyt palautekyselyt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback answers</source>
        <translation>Palautevastaukset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback response rate</source>
        <translation>Palautteen vastausaste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback score, mean (1–5)</source>
        <translation>Palautearvosana, keskiarvo (1–5)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>pp</source>
        <translation>%-yks.</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/reports/reports_window.py" line="+177"/>
        <source>Reports</source>
        <translation>Raportit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Period</source>
        <translation>&amp;Ajanjakso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From</source>
        <translation>&amp;Alkaen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To</source>
        <translation>&amp;Asti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department</source>
        <translation>&amp;Yksikkö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queue</source>
        <translation>&amp;Jono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hannel</source>
        <translation>&amp;Kanava</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;opic</source>
        <translation>A&amp;ihe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Municipality</source>
        <translation>K&amp;unta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This month</source>
        <translation>Tämä kuukausi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last month</source>
        <translation>Edellinen kuukausi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This year</source>
        <translation>Tämä vuosi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Custom</source>
        <translation>Oma valinta</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+15"/>
        <source>All</source>
        <translation>Kaikki</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>&amp;Show</source>
        <translation>&amp;Näytä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export XLSX…</source>
        <translation>Vie XLSX…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export PDF…</source>
        <translation>Vie PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Figure</source>
        <translation>Tunnusluku</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>Yhteensä</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous period</source>
        <translation>Edellinen jakso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Muutos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Feedback of</source>
        <translation>Palaute</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Reading the report…</source>
        <translation>Luetaan raporttia…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 – %2, compared with %3 – %4</source>
        <translation>%1 – %2, verrattuna jaksoon %3 – %4</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Queue %1</source>
        <translation>Jono %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agent %1</source>
        <translation>Asiakaspalvelija %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All contacts</source>
        <translation>Kaikki yhteydenotot</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The period must end on or after the day it starts, and cover at most three years.</source>
        <translation>Jakson on päätyttävä aikaisintaan alkupäivänä ja katettava enintään kolme vuotta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No customer lives in %1.</source>
        <translation>Kukaan asiakas ei asu kunnassa %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The report cannot be made: %1</source>
        <translation>Raporttia ei voi tehdä: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The report could not be read. Try again in a moment.</source>
        <translation>Raporttia ei voitu lukea. Yritä hetken kuluttua uudelleen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-tiedostot (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-työkirjat (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-asiakirjat (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the report</source>
        <translation>Vie raportti</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing %1…</source>
        <translation>Kirjoitetaan %1…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1.</source>
        <translation>Tallennettu %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The report could not be saved: %1</source>
        <translation>Raporttia ei voitu tallentaa: %1</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../agentdesk_desktop/sign_in.py" line="+54"/>
        <source>Customer service agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Esihenkilö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data steward</source>
        <translation>Tietovastaava</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Pääkäyttäjä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data protection officer</source>
        <translation>Tietosuojavastaava</translation>
    </message>
</context>
<context>
    <name>RolesSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/roles_section.py" line="+39"/>
        <source>Roles and profiles</source>
        <translation>Roolit ja profiilit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rooli</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Yksikkö</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period</source>
        <translation>Ajanjakso</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No roles or profiles on record.</source>
        <translation>Ei kirjattuja rooleja tai profiileja.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reference %1</source>
        <translation>Viite %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown for: %1</source>
        <translation>Näytetty: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (ended)</source>
        <translation>%1 (päättynyt)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ended</source>
        <translation>päättynyt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restricted entries (social or health services) hidden: %1. Choose why you need to see them; the access is logged.</source>
        <translation>Rajattuja merkintöjä (sosiaali- tai terveyspalvelut) piilotettu: %1. Valitse, miksi tarvitset ne; katselu kirjataan lokiin.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>customer consents</source>
        <translation>asiakkaan suostumus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>statutory task</source>
        <translation>lakisääteinen tehtävä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>emergency</source>
        <translation>hätätilanne</translation>
    </message>
</context>
<context>
    <name>ScreenPopController</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/screen_pop_controller.py" line="+132"/>
        <source>unknown number</source>
        <translation>tuntematon numero</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../agentdesk_desktop/search_panel.py" line="-95"/>
        <location line="+76"/>
        <source>The search failed. Check the connection and try again.</source>
        <translation>Haku epäonnistui. Tarkista yhteys ja yritä uudelleen.</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Searching…</source>
        <translation>Haetaan…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No customers found</source>
        <translation>Asiakkaita ei löytynyt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results: %1</source>
        <translation>Tuloksia: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Search: name, address, identity code, phone or e-mail  (Ctrl+K)</source>
        <translation>Hae: nimi, osoite, henkilötunnus, puhelin tai sähköposti  (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search customers (Ctrl+K or F3)</source>
        <translation>Hae asiakkaita (Ctrl+K tai F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search customers</source>
        <translation>Hae asiakkaita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, address, identity code, phone or e-mail</source>
        <translation>Nimi, osoite, henkilötunnus, puhelin tai sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search results</source>
        <translation>Hakutulokset</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../agentdesk_desktop/search_results_model.py" line="+199"/>
        <source>This customer has a protected address (turvakielto). The address is not shown or given out.</source>
        <translation>Asiakkaalla on turvakielto. Osoitetta ei näytetä eikä luovuteta.</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Restricted record</source>
        <translation>Rajattu tietue</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Address protected</source>
        <translation>Turvakielto</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Born</source>
        <translation>Syntynyt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Osoite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Municipality</source>
        <translation>Kunta</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_sections.py" line="-163"/>
        <location line="+20"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
</context>
<context>
    <name>SelfServiceDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/work/self_service_dialog.py" line="+121"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>no customer in the register matched</source>
        <translation>rekisteristä ei löytynyt asiakasta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2 · received %3 · %4</source>
        <translation>%1 · %2 · saapui %3 · %4</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(protected address: not shown)</source>
        <translation>(turvakielto: ei näytetä)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Say why the update is rejected: the reason is kept with it.</source>
        <translation>Kerro, miksi ilmoitus hylätään: syy tallennetaan sen mukana.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reason is %1 characters long; at most %2 fit.</source>
        <translation>Syy on %1 merkkiä pitkä; enintään %2 mahtuu.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Someone has decided this update meanwhile: it is no longer waiting.</source>
        <translation>Joku on ehtinyt ratkaista ilmoituksen: se ei enää odota.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No customer in the register matches the sender: reject the update with a reason.</source>
        <translation>Lähettäjä ei vastaa ketään rekisterin asiakasta: hylkää ilmoitus ja kerro syy.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person has a protected address: a steward decides this update.</source>
        <translation>Henkilöllä on turvakielto: tietosuojavastaava ratkaisee ilmoituksen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The decision could not be saved: %1</source>
        <translation>Ratkaisua ei voitu tallentaa: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This self-service update is not in the database any more.</source>
        <translation>Ilmoitusta ei ole enää tietokannassa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The update could not be read: %1</source>
        <translation>Ilmoitusta ei voitu lukea: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Accepted into the register by %1.</source>
        <translation>%1 hyväksyi rekisteriin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected by %1.</source>
        <translation>%1 hylkäsi.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Self-service update</source>
        <translation>Asiakkaan oma ilmoitus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Tieto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In the register now</source>
        <translation>Rekisterissä nyt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation>Ilmoitettu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason for a rejection (kept with the update):</source>
        <translation>Hylkäämisen &amp;syy (tallennetaan ilmoituksen mukana):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept into the register</source>
        <translation>&amp;Hyväksy rekisteriin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;ject</source>
        <translation>H&amp;ylkää</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>&amp;Sulje</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>new phone number</source>
        <translation>uusi puhelinnumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new e-mail address</source>
        <translation>uusi sähköpostiosoite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>preferred language</source>
        <translation>asiointikieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address change notice</source>
        <translation>muuttoilmoitus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>Katuosoite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postinumero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Municipality</source>
        <translation>Kunta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving date</source>
        <translation>Muuttopäivä</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Finnish</source>
        <translation>suomi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swedish</source>
        <translation>ruotsi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>englanti</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No customer in the register has the identity code and last name given: only a rejection is possible.</source>
        <translation>Kenelläkään rekisterin asiakkaalla ei ole annettua henkilötunnusta ja sukunimeä: ilmoituksen voi vain hylätä.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The phone number is another customer&apos;s in the register.</source>
        <translation>Puhelinnumero on rekisterissä toisen asiakkaan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The e-mail address is another customer&apos;s in the register.</source>
        <translation>Sähköpostiosoite on rekisterissä toisen asiakkaan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person has a protected address: only a steward sees and decides the address.</source>
        <translation>Henkilöllä on turvakielto: vain tietosuojavastaava näkee osoitteen ja ratkaisee ilmoituksen.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/settings_dialog.py" line="+44"/>
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/sign_in.py" line="+64"/>
        <source>Loading staff users…</source>
        <translation>Haetaan käyttäjiä…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>There are no active staff users in this database. Ask an administrator to add you.</source>
        <translation>Tietokannassa ei ole aktiivisia käyttäjiä. Pyydä pääkäyttäjää lisäämään sinut.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The staff list could not be loaded. Check the database connection and try again.</source>
        <translation>Käyttäjäluetteloa ei voitu hakea. Tarkista tietokantayhteys ja yritä uudelleen.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Sign in to AgentDesk</source>
        <translation>Kirjaudu AgentDeskiin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo — no password. Choose the staff user you want to try the desk as (demo mode only).</source>
        <translation>Demo — ei salasanaa. Valitse käyttäjä, jona haluat kokeilla työpöytää (vain demotilassa).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter by name, role or department</source>
        <translation>Rajaa nimen, roolin tai yksikön mukaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rooli</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Yksikkö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>Kirjaudu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>Yritä uudelleen</translation>
    </message>
</context>
<context>
    <name>StaleNote</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/stale_note.py" line="+49"/>
        <source>Shown from %1, database unreachable</source>
        <translation>Näytetään tilanne klo %1, tietokantaan ei saada yhteyttä</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again</source>
        <translation>Yritä uudelleen</translation>
    </message>
</context>
<context>
    <name>StewardWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/steward/steward_window.py" line="+185"/>
        <source>Steward&apos;s desk: duplicates</source>
        <translation>Tietojen ylläpito: kaksoiskappaleet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score</source>
        <translation>Pisteet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scan says</source>
        <translation>Haun tulos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record A</source>
        <translation>Tietue A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record B</source>
        <translation>Tietue B</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh (F5)</source>
        <translation>Päivitä (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score &amp;at least</source>
        <translation>&amp;Pisteet vähintään</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Select those</source>
        <translation>&amp;Valitse ne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept selected… (Ctrl+Shift+A)</source>
        <translation>Hyväksy valitut… (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept: one person (A)</source>
        <translation>Hyväksy: sama henkilö (A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject: two people (R)</source>
        <translation>Hylkää: kaksi henkilöä (R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sure (N)</source>
        <translation>Ei varma (N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A accept (merge) · R reject (never shown again) · N not sure (stays, marked) · ↑ ↓ previous / next pair · Shift+↑↓ select several</source>
        <translation>A hyväksy (yhdistä) · R hylkää (ei näytetä enää) · N ei varma (jää jonoon merkittynä) · ↑ ↓ edellinen / seuraava pari · Shift+↑↓ valitse useita</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the queue…</source>
        <translation>Luetaan jonoa…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The queue is empty. Run a duplicate scan (agentdesk duplicates scan) to fill it.</source>
        <translation>Jono on tyhjä. Aja kaksoiskappalehaku (agentdesk duplicates scan) täyttääksesi sen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 pairs to review, highest score first.</source>
        <translation>%1 paria tarkistettavana, suurimmat pisteet ensin.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Merged: customer %1 is now one with customer %2.</source>
        <translation>Yhdistetty: asiakas %1 on nyt sama kuin asiakas %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customers %1 and %2 are two people: the pair will not come back.</source>
        <translation>Asiakkaat %1 ja %2 ovat kaksi henkilöä: pari ei palaa jonoon.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customers %1 and %2 stay in the queue, marked not sure.</source>
        <translation>Asiakkaat %1 ja %2 jäävät jonoon merkinnällä ei varma.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not done: %1</source>
        <translation>Ei tehty: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 pairs with a score of at least %2 selected.</source>
        <translation>Valittu %1 paria, joiden pisteet ovat vähintään %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Accept selected pairs</source>
        <translation>Hyväksy valitut parit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge the %1 selected pairs, each into one customer?</source>
        <translation>Yhdistetäänkö %1 valittua paria, kukin yhdeksi asiakkaaksi?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each merge keeps the values the survivorship rules choose, and can be undone later.</source>
        <translation>Kukin yhdistäminen säilyttää säilyvyyssääntöjen valitsemat arvot, ja sen voi myöhemmin perua.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Merging %1 pairs…</source>
        <translation>Yhdistetään %1 paria…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 pairs merged.</source>
        <translation>%1 paria yhdistetty.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 not merged; the first: customers %2 and %3: %4</source>
        <translation>%1 jäi yhdistämättä; ensimmäinen: asiakkaat %2 ja %3: %4</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The queue could not be read or saved. Check the network connection and try again (F5).</source>
        <translation>Jonoa ei voitu lukea tai tallentaa. Tarkista verkkoyhteys ja yritä uudelleen (F5).</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/timeline_model.py" line="+230"/>
        <source>Feedback %1/5</source>
        <translation>Palaute %1/5</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Case #%1</source>
        <translation>Asia #%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The citizen&apos;s feedback: %1</source>
        <translation>Asiakkaan palaute: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When</source>
        <translation>Aika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>Aihe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Yksikkö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>Asiakaspalvelija</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Lopputulos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Muistiinpanot</translation>
    </message>
</context>
<context>
    <name>TimelineSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/timeline_section.py" line="+139"/>
        <location line="+7"/>
        <source>Contacts, newest first</source>
        <translation>Yhteydenotot, uusin ensin</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Show:</source>
        <translation>Näytä:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter by channel</source>
        <translation>Suodata kanavan mukaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by department</source>
        <translation>Suodata toimialan mukaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by topic</source>
        <translation>Suodata aiheen mukaan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again</source>
        <translation>Yritä uudelleen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All channels</source>
        <translation>Kaikki kanavat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All departments</source>
        <translation>Kaikki yksiköt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All topics</source>
        <translation>Kaikki aiheet</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No contacts match these filters.</source>
        <translation>Näillä rajauksilla ei löydy yhteydenottoja.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No contacts yet.</source>
        <translation>Ei vielä yhteydenottoja.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 shown, scroll for more</source>
        <translation>Näytetään %1, vieritä nähdäksesi lisää</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 contacts</source>
        <translation>Yhteydenottoja: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 shown</source>
        <translation>Näytetään %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contacts could not be loaded.</source>
        <translation>Yhteydenottoja ei voitu hakea.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/work/transfer_dialog.py" line="+99"/>
        <source>Choose a queue or an agent to transfer to.</source>
        <translation>Valitse jono tai käsittelijä, jolle siirretään.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation>Muistiinpanossa on %1 merkkiä; enintään %2 mahtuu.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Transfer</source>
        <translation>Siirrä</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To &amp;queue:</source>
        <translation>&amp;Jonoon:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To &amp;agent:</source>
        <translation>&amp;Käsittelijälle:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Note:</source>
        <translation>&amp;Muistiinpano:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(this queue)</source>
        <translation>(tämä jono)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(anyone in the queue)</source>
        <translation>(kuka tahansa jonossa)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the next agent should know</source>
        <translation>Mitä seuraavan käsittelijän pitää tietää</translation>
    </message>
</context>
<context>
    <name>UnidentifiedContactDock</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/unidentified_contact_dock.py" line="+41"/>
        <source>Contact without a customer</source>
        <translation>Yhteydenotto ilman asiakasta</translation>
    </message>
</context>
<context>
    <name>UnsavedContacts</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/unsaved_contacts_guard.py" line="+52"/>
        <source>A contact is not saved yet.</source>
        <translation>Yhteydenottoa ei ole vielä tallennettu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 contacts are not saved yet.</source>
        <translation>%1 yhteydenottoa on tallentamatta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unsaved contacts</source>
        <translation>Tallentamattomat yhteydenotot</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save before closing AgentDesk?</source>
        <translation>Tallennetaanko ennen AgentDeskin sulkemista?</translation>
    </message>
</context>
<context>
    <name>WrapUp</name>
    <message>
        <location filename="../../agentdesk_desktop/work/inbox_dock.py" line="+22"/>
        <source>Resolved</source>
        <translation>Ratkaistu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advice given</source>
        <translation>Neuvottu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback agreed</source>
        <translation>Takaisinsoitto sovittu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forwarded</source>
        <translation>Välitetty eteenpäin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No action needed</source>
        <translation>Ei toimenpiteitä</translation>
    </message>
</context>
</TS>
