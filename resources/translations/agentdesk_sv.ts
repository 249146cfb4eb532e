<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_FI" sourcelanguage="en_GB">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/action_dialog.py" line="+128"/>
        <location line="+78"/>
        <source>Loading the form…</source>
        <translation>Formuläret laddas…</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>&amp;File</source>
        <translation>&amp;Skicka</translation>
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
        <translation>Formuläret kunde inte hämtas från bakgrundssystemet.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>The form for this choice could not be read; you can still file with the fields below.</source>
        <translation>Formuläret för det här valet kunde inte hämtas; du kan ändå skicka med fälten nedan.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Filing…</source>
        <translation>Skickas…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The back end did not answer in time. Check in its panel whether the request was filed before filing it again.</source>
        <translation>Bakgrundssystemet svarade inte i tid. Kontrollera i dess panel om förfrågan registrerades innan du skickar den på nytt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The back end does not answer; nothing was filed.</source>
        <translation>Bakgrundssystemet svarar inte; inget skickades.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The back end refused the request.</source>
        <translation>Bakgrundssystemet avvisade förfrågan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You cannot use this action now.</source>
        <translation>Du kan inte använda den här funktionen nu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The action failed.</source>
        <translation>Åtgärden misslyckades.</translation>
    </message>
</context>
<context>
    <name>AgentsModel</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/agents_model.py" line="+94"/>
        <source>Agent</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time in state</source>
        <translation>Tid i status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Enhet</translation>
    </message>
</context>
<context>
    <name>BreakGlassPage</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/break_glass.py" line="+76"/>
        <source>This is a restricted record (%1). Only named roles may open it. If you must open it, write why: the access is logged and reported to the data protection officer.</source>
        <translation>Detta är en begränsad post (%1). Endast angivna roller får öppna den. Om du måste öppna den, skriv varför: åtkomsten loggas och rapporteras till dataskyddsombudet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no reason given</source>
        <translation>inget skäl angivet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why you need to open this record</source>
        <translation>Varför du behöver öppna den här posten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break the glass</source>
        <translation>Nödöppna</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The record could not be opened. Try again; the purpose you wrote is kept.</source>
        <translation>Posten kunde inte öppnas. Försök igen; syftet du skrev finns kvar.</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/call_bar.py" line="+86"/>
        <source>☎ %1 · ringing</source>
        <translation>☎ %1 · ringer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>☎ %1 · on the line</source>
        <translation>☎ %1 · i samtal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>☎ %1 · the caller hung up before the answer</source>
        <translation>☎ %1 · den som ringde lade på före svaret</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>☎ %1 · call ended, talk time</source>
        <translation>☎ %1 · samtalet avslutat, samtalstid</translation>
    </message>
</context>
<context>
    <name>CallNotification</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/call_notification.py" line="+148"/>
        <source>Accept (%1)</source>
        <translation>Svara (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss (%1)</source>
        <translation>Avvisa (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Known customer</source>
        <translation>Känd kund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Several customers have this number</source>
        <translation>Flera kunder har det här numret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number withheld</source>
        <translation>Dolt nummer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unknown caller</source>
        <translation>Okänd uppringare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown number</source>
        <translation>Okänt nummer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unknown caller: no customer has this number</source>
        <translation>Okänd uppringare: ingen kund har det här numret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>☎ %1</source>
        <translation>☎ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue: %1</source>
        <translation>Kö: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Direct call</source>
        <translation>Direktsamtal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming call: %1</source>
        <translation>Inkommande samtal: %1</translation>
    </message>
</context>
<context>
    <name>CallerPrompt</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/caller_prompt.py" line="+149"/>
        <source>Who is calling?</source>
        <translation>Vem ringer?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller %1</source>
        <translation>Uppringare %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> There are more; search by the number to see them all.</source>
        <translation> Det finns fler; sök på numret för att se alla.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Several customers have this number. Choose who is calling; the phone contact has started in the contact panel.</source>
        <translation>Flera kunder har det här numret. Välj vem som ringer; telefonkontakten har startat i kontaktpanelen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>Unknown caller</source>
        <translation>Okänd uppringare</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Unknown caller, number withheld</source>
        <translation>Okänd uppringare, dolt nummer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask who is calling and search for them. The phone contact has started in the contact panel; link it to the customer once found.</source>
        <translation>Fråga vem som ringer och sök efter personen. Telefonkontakten har startat i kontaktpanelen; koppla den till kunden när kunden hittats.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown caller %1</source>
        <translation>Okänd uppringare %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No customer has this number. Search for the caller, add them as a new customer, or link the call to the customer open in the current tab. The phone contact has started in the contact panel.</source>
        <translation>Ingen kund har det här numret. Sök efter den som ringer, lägg till personen som ny kund eller koppla samtalet till kunden som är öppen i den aktuella fliken. Telefonkontakten har startat i kontaktpanelen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search by the number</source>
        <translation>&amp;Sök på numret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New customer…</source>
        <translation>&amp;Ny kund…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Link to %1</source>
        <translation>&amp;Koppla till %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Link to the open customer</source>
        <translation>&amp;Koppla till den öppna kunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name from the phone network: %1</source>
        <translation>Namn från telefonnätet: %1</translation>
    </message>
</context>
<context>
    <name>CaseDeadlines</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/case_deadlines.py" line="+24"/>
        <source>Cases: %1 overdue, %2 due within %3 working days</source>
        <translation>Ärenden: %1 försenade, %2 förfaller inom %3 arbetsdagar</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/cases/case_dialog.py" line="+150"/>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filed as %1</source>
        <translation>Registrerat: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>assigned to %1</source>
        <translation>ansvarig %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>was due %1</source>
        <translation>förfallodagen var %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>due %1, %2 working days overdue</source>
        <translation>förfaller %1, %2 arbetsdagar försenat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>due %1, %2 working days left</source>
        <translation>förfaller %1, %2 arbetsdagar kvar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>back office %1 %2</source>
        <translation>bakomliggande system %1 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The case could not be read; close this and open it again.</source>
        <translation>Ärendet kunde inte läsas; stäng detta och öppna det igen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+102"/>
        <source>(keep)</source>
        <translation>(oförändrad)</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Someone else changed this case meanwhile. It is shown as it is now; your note is kept.</source>
        <translation>Någon annan ändrade ärendet under tiden. Det visas som det är nu; din anteckning finns kvar.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The change was not saved (the database could not be reached); try again.</source>
        <translation>Ändringen sparades inte (databasen kunde inte nås); försök igen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write a note saying why: it stays in the case&apos;s history.</source>
        <translation>Skriv en motivering: den sparas i ärendets historik.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the department to assign the case to.</source>
        <translation>Välj den enhet ärendet ska tilldelas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That person is no longer on the staff list; choose another.</source>
        <translation>Personen finns inte längre i personallistan; välj en annan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The due date cannot be before the case was filed.</source>
        <translation>Förfallodagen kan inte vara före registreringen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That step is not possible from the case&apos;s current state; choose another.</source>
        <translation>Det steget är inte möjligt från ärendets nuvarande läge; välj ett annat.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Service case</source>
        <translation>Serviceärende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Ändring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned to</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next step</source>
        <translation>&amp;Nästa steg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department</source>
        <translation>&amp;Enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote</source>
        <translation>&amp;Anteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Apply</source>
        <translation>&amp;Verkställ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the next step (Ctrl+Enter)</source>
        <translation>Verkställ nästa steg (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case history</source>
        <translation>Ärendets historik</translation>
    </message>
</context>
<context>
    <name>CasesSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_sections.py" line="+304"/>
        <location line="+11"/>
        <source>Open cases</source>
        <translation>Öppna ärenden</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Double-click a case (or press Enter) for its history and next step</source>
        <translation>Dubbelklicka på ett ärende (eller tryck Enter) för dess historik och nästa steg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Förfaller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back office</source>
        <translation>Bakgrundssystem</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open cases (%1)</source>
        <translation>Öppna ärenden (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No open cases.</source>
        <translation>Inga öppna ärenden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 overdue</source>
        <translation>Försenade: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The due date has passed</source>
        <translation>Förfallodatumet har passerat</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_form/conflict_panel.py" line="+124"/>
        <source>This customer was saved on another workstation while you were editing. Nothing has been overwritten. Compare the versions (differences are highlighted) and choose which one to keep.</source>
        <translation>Kunduppgifterna sparades på en annan arbetsstation medan du redigerade. Ingenting har skrivits över. Jämför versionerna (skillnaderna är markerade) och välj vilken som ska behållas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved on the other workstation</source>
        <translation>Sparad på den andra arbetsstationen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your version</source>
        <translation>Din version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep theirs</source>
        <translation>Behåll den andra versionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard your changes and show the version saved elsewhere</source>
        <translation>Förkasta dina ändringar och visa versionen som sparats på annat håll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply mine on top</source>
        <translation>Spara min ovanpå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save your version over the new one</source>
        <translation>Spara din version över den nya</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First names</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Ärendespråk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity code</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business ID</source>
        <translation>FO-nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phones</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mails</source>
        <translation>E-postadresser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+30"/>
        <source>Address protected</source>
        <translation>Spärrmarkering</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_form.py" line="+216"/>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Topic</source>
        <translation>&amp;Ämne</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Cha&amp;nnel</source>
        <translation>Kana&amp;l</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Department</source>
        <translation>&amp;Enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes</source>
        <translation>A&amp;nteckningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;utcome</source>
        <translation>&amp;Resultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ase</source>
        <translation>Ären&amp;de</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Caller not identified</source>
        <translation>Den som ringer är inte identifierad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type to find a topic…</source>
        <translation>Skriv för att söka ett ämne…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title of the new case</source>
        <translation>Rubrik för det nya ärendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Förfaller</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unidentified caller</source>
        <translation>Oidentifierad uppringare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer %1</source>
        <translation>Kund %1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>— none —</source>
        <translation>— ingen —</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No case</source>
        <translation>Inget ärende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a new case…</source>
        <translation>Öppna ett nytt ärende…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link to case #%1: %2</source>
        <translation>Koppla till ärende #%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(due %1)</source>
        <translation>(förfaller %1)</translation>
    </message>
</context>
<context>
    <name>ContactMessages</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/field_messages.py" line="+22"/>
        <location line="+26"/>
        <source>Choose a topic from the list</source>
        <translation>Välj ett ämne i listan</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Choose how the contact ended</source>
        <translation>Välj hur kontakten avslutades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The start time has no time zone</source>
        <translation>Starttiden saknar tidszon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The start time is in the future</source>
        <translation>Starttiden ligger i framtiden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the new case a title or link an existing case</source>
        <translation>Ge det nya ärendet en rubrik eller koppla ett befintligt ärende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identify the customer before opening a case</source>
        <translation>Identifiera kunden innan du öppnar ett ärende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The linked case does not belong to this customer</source>
        <translation>Det kopplade ärendet hör inte till den här kunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new case needs a due date</source>
        <translation>Ett nytt ärende behöver ett förfallodatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The due date is in the past</source>
        <translation>Förfallodatumet har redan passerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the department the contact is forwarded to</source>
        <translation>Välj den enhet som kontakten skickas vidare till</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer is no longer in the register</source>
        <translation>Kunden finns inte längre i registret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The contact is already linked to another customer</source>
        <translation>Kontakten är redan kopplad till en annan kund</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Notes can be at most %1 characters (now %2)</source>
        <translation>Anteckningarna får ha högst %1 tecken (nu %2)</translation>
    </message>
</context>
<context>
    <name>ContactSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_sections.py" line="-141"/>
        <source>Contact details</source>
        <translation>Kontaktuppgifter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>primary</source>
        <translation>primär</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Address protected (related person)</source>
        <translation>Adressen skyddad (närstående)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A person who lives with this customer has a protected address (turvakielto): this address is theirs too, so it is not shown and must not be given out.</source>
        <translation>En person som bor med kunden har spärrmarkering: adressen är också hens, så den visas inte och får inte lämnas ut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address protected</source>
        <translation>Spärrmarkering</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protected address (turvakielto): the address is not shown and must not be given out.</source>
        <translation>Spärrmarkering (turvakielto): adressen visas inte och får inte lämnas ut.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Address: %1, %2</source>
        <translation>Adress: %1, %2</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../agentdesk_desktop/core_messages.py" line="+55"/>
        <source>A search can be at most %1 characters, this one has %2</source>
        <translation>En sökning kan ha högst %1 tecken, den här har %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A search can have at most %1 words, this one has %2</source>
        <translation>En sökning kan ha högst %1 ord, den här har %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A word in a search can be at most %1 letters, one here has %2</source>
        <translation>Ett sökord kan ha högst %1 bokstäver, ett här har %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The personal identity code is empty</source>
        <translation>Personbeteckningen saknas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A personal identity code has 11 characters, this one has %1</source>
        <translation>En personbeteckning har 11 tecken, den här har %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invalid character %1 at position %2: the date of birth must be digits</source>
        <translation>Ogiltigt tecken %1 på plats %2: födelsedatumet ska bestå av siffror</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invalid character %1 at position %2: the individual number must be digits</source>
        <translation>Ogiltigt tecken %1 på plats %2: individnumret ska bestå av siffror</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown century sign %1</source>
        <translation>Okänt skiljetecken %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No such date: %1</source>
        <translation>Datumet %1 finns inte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Individual number %1 is not issued</source>
        <translation>Individnumret %1 ges inte ut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is never a check character; it should be %2</source>
        <translation>%1 kan aldrig vara kontrolltecken; det ska vara %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check character should be %1</source>
        <translation>Kontrolltecknet ska vara %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The identity code&apos;s birth date is in the future</source>
        <translation>Personbeteckningens födelsedatum ligger i framtiden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid personal identity code</source>
        <translation>Personbeteckningen är inte giltig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The business ID is empty</source>
        <translation>FO-numret saknas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A business ID (Y-tunnus) is seven digits, a hyphen and a check digit, e.g. 0112038-9</source>
        <translation>Ett FO-nummer består av sju siffror, ett bindestreck och en kontrollsiffra, t.ex. 0112038-9</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The digits %1 give remainder 1: no valid business ID has these digits</source>
        <translation>Siffrorna %1 ger resten 1: inget giltigt FO-nummer har de här siffrorna</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check digit should be %1</source>
        <translation>Kontrollsiffran ska vara %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid business ID</source>
        <translation>FO-numret är inte giltigt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The phone number is empty</source>
        <translation>Telefonnumret saknas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a phone number</source>
        <translation>Inte ett telefonnummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown country code</source>
        <translation>Okänd landskod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too short to be a phone number</source>
        <translation>För kort för att vara ett telefonnummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too long to be a phone number</source>
        <translation>För långt för att vara ett telefonnummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong length for a phone number in %1</source>
        <translation>Fel längd för ett telefonnummer (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a valid number in %1</source>
        <translation>Numret är inte giltigt (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The e-mail address is empty</source>
        <translation>E-postadressen saknas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spaces are not allowed in an e-mail address</source>
        <translation>E-postadressen får inte innehålla mellanslag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An e-mail address needs one @</source>
        <translation>En e-postadress ska ha ett @</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The part before @ is empty</source>
        <translation>Delen före @ saknas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The part after @ is empty</source>
        <translation>Delen efter @ saknas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An e-mail address can be at most %1 characters, this one has %2</source>
        <translation>En e-postadress får ha högst %1 tecken, den här har %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The part before @ can be at most %1 characters, this one has %2</source>
        <translation>Delen före @ får ha högst %1 tecken, den här har %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The character %1 is not allowed before @</source>
        <translation>Tecknet %1 är inte tillåtet före @</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dots before @ must be single and cannot start or end that part</source>
        <translation>Punkter före @ får inte stå två i rad och får inte inleda eller avsluta den delen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The character %1 is not allowed in the domain</source>
        <translation>Tecknet %1 är inte tillåtet i domänen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The domain %1 has no dot</source>
        <translation>Domänen %1 saknar punkt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The domain %1 has an empty part between dots</source>
        <translation>Domänen %1 har en tom del mellan punkterna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A part of the domain %1 starts or ends with a hyphen</source>
        <translation>En del av domänen %1 börjar eller slutar med bindestreck</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A part of the domain can be at most %1 characters</source>
        <translation>En del av domänen får ha högst %1 tecken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The domain %1 does not end in a top-level domain</source>
        <translation>Domänen %1 slutar inte med en toppdomän</translation>
    </message>
</context>
<context>
    <name>CustomerDesk</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_desk.py" line="+193"/>
        <source>&amp;Knowledge base…</source>
        <translation>&amp;Kunskapsbank…</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_form/customer_dialog.py" line="+206"/>
        <source>New customer</source>
        <translation>Ny kund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit customer</source>
        <translation>Redigera kund</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First names</source>
        <translation>&amp;Förnamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name</source>
        <translation>&amp;Namn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Last name</source>
        <translation>&amp;Efternamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Identity code</source>
        <translation>&amp;Personbeteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Business ID</source>
        <translation>F&amp;O-nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Birth date</source>
        <translation>Fö&amp;delsedatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;anguage</source>
        <translation>Ä&amp;rendespråk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone numbers</source>
        <translation>&amp;Telefonnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail addresses</source>
        <translation>E-post&amp;adresser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Street address</source>
        <translation>&amp;Gatuadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ostal code</source>
        <translation>Postnu&amp;mmer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Municipality</source>
        <translation>&amp;Kommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 010594Y9032</source>
        <translation>t.ex. 010594Y9032</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 0112038-9</source>
        <translation>t.ex. 0112038-9</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d.m.yyyy (from the identity code if empty)</source>
        <translation>d.m.åååå (ur personbeteckningen om tomt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>040 123 4567; separate several with a comma</source>
        <translation>040 123 4567; skilj flera åt med kommatecken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name@example.fi; separate several with a comma</source>
        <translation>namn@example.fi; skilj flera åt med kommatecken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address protected (turvakielto). The address is not shown here and stays as it is in the register.</source>
        <translation>Spärrmarkering (turvakielto). Adressen visas inte här och förblir som den är i registret.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the customer (Ctrl+Enter)</source>
        <translation>Spara kunden (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The customer could not be loaded. Close this window and try again.</source>
        <translation>Kunduppgifterna kunde inte hämtas. Stäng fönstret och försök igen.</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>The customer could not be saved. Nothing you typed is lost; try again in a moment.</source>
        <translation>Kunden kunde inte sparas. Inget av det du skrivit går förlorat; försök igen om en stund.</translation>
    </message>
</context>
<context>
    <name>CustomerMessages</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_form/customer_messages.py" line="+47"/>
        <source>A customer with this identity code already exists</source>
        <translation>Det finns redan en kund med den här personbeteckningen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The identity code&apos;s birth date is in the future</source>
        <translation>Personbeteckningens födelsedatum ligger i framtiden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write the date as d.m.yyyy, e.g. 5.1.1980</source>
        <translation>Skriv datumet som d.m.åååå, t.ex. 5.1.1980</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The birth date is in the future</source>
        <translation>Födelsedatumet ligger i framtiden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Does not match the identity code (%1)</source>
        <translation>Stämmer inte med personbeteckningen (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last name is required</source>
        <translation>Efternamnet är obligatoriskt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name is required</source>
        <translation>Namnet är obligatoriskt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first name is required</source>
        <translation>Förnamnet är obligatoriskt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Finnish postal code has five digits</source>
        <translation>Ett finländskt postnummer har fem siffror</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The municipality is required with an address</source>
        <translation>Kommunen är obligatorisk med en adress</translation>
    </message>
</context>
<context>
    <name>CustomerOverviewView</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/customer_overview_view.py" line="+283"/>
        <source>Contact logging</source>
        <translation>Registrering av kontakter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department panels</source>
        <translation>Enheternas paneler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Panels from the department plugins installed on this workstation (social services, health care, technical services and others) appear here: what each back-office system knows about this customer, for the staff allowed to see it.</source>
        <translation>Paneler från enhetsinsticksprogrammen som installerats på den här arbetsstationen (socialtjänst, hälso- och sjukvård, tekniska tjänster med flera) visas här: vad varje bakgrundssystem vet om kunden, för den personal som har rätt att se det.</translation>
    </message>
</context>
<context>
    <name>CustomerSummaryView</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_summary.py" line="+153"/>
        <source>Loading customer…</source>
        <translation>Kunduppgifterna hämtas…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Born</source>
        <translation>Född</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal identity code</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business ID</source>
        <translation>FO-nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Ärendespråk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From the customer register</source>
        <translation>Uppgifter ur kundregistret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protected address (turvakielto): the address is not shown and must not be given out.</source>
        <translation>Spärrmarkering (turvakielto): adressen visas inte och får inte lämnas ut.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finnish</source>
        <translation>finska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>annat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address protected</source>
        <translation>Spärrmarkering</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This customer is no longer in the register.</source>
        <translation>Kunden finns inte längre i registret.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer could not be loaded. Check the connection and try again.</source>
        <translation>Kunduppgifterna kunde inte hämtas. Kontrollera anslutningen och försök igen.</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/dashboard_window.py" line="+338"/>
        <source>The figures could not be refreshed (%1); trying again.</source>
        <translation>Siffrorna kunde inte uppdateras (%1); försöker igen.</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Supervisor dashboard – AgentDesk</source>
        <translation>Chefens översikt – AgentDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agents</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today&apos;s contacts</source>
        <translation>Dagens kontakter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By channel</source>
        <translation>Per kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By hour</source>
        <translation>Per timme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No active queues. Queues are set up by the administrator.</source>
        <translation>Inga aktiva köer. Köerna skapas av administratören.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarantined e-mail…</source>
        <translation>E-post i karantän…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Supervisor dashboard</source>
        <translation>Chefens översikt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading the figures…</source>
        <translation>Hämtar siffrorna…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Supervisor dashboard · %1</source>
        <translation>Chefens översikt · %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Updated %1</source>
        <translation>Uppdaterad %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 contacts logged today</source>
        <translation>%1 kontakter registrerade i dag</translation>
    </message>
</context>
<context>
    <name>DataProtectionWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/data_protection/dpo_window.py" line="+197"/>
        <source>Data protection — who handled a citizen&apos;s data</source>
        <translation>Dataskydd — vem har behandlat personens uppgifter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citizen:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, henkilötunnus or customer id</source>
        <translation>Namn, personbeteckning eller kundnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find</source>
        <translation>Sök</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show period</source>
        <translation>Visa perioden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose contains…</source>
        <translation>Ändamålet innehåller…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+9"/>
        <source>Staff</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Department</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Purpose</source>
        <translation>Ändamål</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Workstation</source>
        <translation>Arbetsstation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Break the glass — openings of restricted customers to review</source>
        <translation>Nödöppningar — öppningar av begränsade kunder att granska</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Citizen</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Citizen&apos;s access-log document…</source>
        <translation>Personens loggutdrag…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finnish</source>
        <translation>finska</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type a name, a henkilötunnus or a customer id.</source>
        <translation>Skriv ett namn, en personbeteckning eller ett kundnummer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No citizen found.</source>
        <translation>Ingen person hittades.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the citizen (Enter or double-click).</source>
        <translation>Välj personen (Enter eller dubbelklick).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The period ends before it starts.</source>
        <translation>Perioden slutar innan den börjar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the audit log…</source>
        <translation>Loggen läses…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>All staff</source>
        <translation>All personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All actions</source>
        <translation>Alla åtgärder</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 (listed among %2)</source>
        <translation>%1 (en av %2 träffar)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (#%2): %3 of %4 accesses in the period.</source>
        <translation>%1 (#%2): %3 av %4 behandlingar under perioden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More than this in the period: choose a shorter period.</source>
        <translation>Perioden har fler poster: välj en kortare period.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Break the glass — openings of restricted customers to review: %1</source>
        <translation>Nödöppningar — öppningar av begränsade kunder att granska: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Export CSV</source>
        <translation>Exportera CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The citizen&apos;s access-log document</source>
        <translation>Personens loggutdrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML documents (*.html)</source>
        <translation>HTML-dokument (*.html)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrote %1.</source>
        <translation>Skrev %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No such citizen.</source>
        <translation>Ingen sådan person.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot write the file: %1</source>
        <translation>Filen kan inte skrivas: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit log cannot be read now. Try again in a moment.</source>
        <translation>Loggen kan inte läsas nu. Försök igen om en stund.</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../agentdesk_desktop/start_up.py" line="+189"/>
        <source>The database %1 has no AgentDesk data yet. Ask IT to prepare it (agentdesk db upgrade).</source>
        <translation>Databasen %1 har ännu inga AgentDesk-uppgifter. Be IT-stödet förbereda den (agentdesk db upgrade).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database %1 was made for an older version of AgentDesk. Ask IT to upgrade it (agentdesk db upgrade) before using the desk.</source>
        <translation>Databasen %1 är gjord för en äldre version av AgentDesk. Be IT-stödet uppgradera den (agentdesk db upgrade) innan programmet används.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database %1 was made for a newer version of AgentDesk. Update AgentDesk on this workstation.</source>
        <translation>Databasen %1 är gjord för en nyare version av AgentDesk. Uppdatera AgentDesk på den här arbetsstationen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open the database %1. Check the network connection; if the problem continues, contact IT support.</source>
        <translation>Databasen %1 kan inte öppnas. Kontrollera nätverksanslutningen; om problemet kvarstår, kontakta IT-stödet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>AgentDesk cannot start</source>
        <translation>AgentDesk kan inte starta</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This workstation has no sign-in configured. IT connects AgentDesk to the city&apos;s directory in the department profile ([directory]: url, base_dn, group_roles) and stores the service account&apos;s password with: agentdesk secrets set directory. Contact IT support.</source>
        <translation>Ingen inloggning är konfigurerad på den här arbetsstationen. IT kopplar AgentDesk till stadens katalog i enhetens profil ([directory]: url, base_dn, group_roles) och sparar tjänstekontots lösenord med: agentdesk secrets set directory. Kontakta IT-supporten.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The configuration of AgentDesk could not be read (%1). Contact IT support.</source>
        <translation>AgentDesks konfiguration kunde inte läsas (%1). Kontakta IT-stödet.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/app.py" line="+251"/>
        <source>No secure keyring on this computer: unsaved contacts are kept in memory only and will not survive a crash.</source>
        <translation>Ingen säker nyckelring på den här datorn: osparade kontakter finns bara i minnet och överlever inte en krasch.</translation>
    </message>
</context>
<context>
    <name>DeskPlugins</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/desk_plugins.py" line="+158"/>
        <source>Department plugins could not be started; see the log.</source>
        <translation>Förvaltningarnas insticksprogram kunde inte startas; se loggen.</translation>
    </message>
    <message>
        <location line="+302"/>
        <source>Some department plugins are not in use: %1. See Help ▸ Plugins.</source>
        <translation>Några av förvaltningarnas insticksprogram används inte: %1. Se Hjälp ▸ Insticksprogram.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Plugins…</source>
        <translation>&amp;Insticksprogram…</translation>
    </message>
</context>
<context>
    <name>DirectorySignInDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/sign_in_directory.py" line="+90"/>
        <source>Type your username.</source>
        <translation>Skriv ditt användarnamn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type your password.</source>
        <translation>Skriv ditt lösenord.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing in…</source>
        <translation>Loggar in…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Signed in, but the database could not be reached. Check the network connection and try again.</source>
        <translation>Inloggningen lyckades, men databasen kunde inte nås. Kontrollera nätverksanslutningen och försök igen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Wrong username or password. Check them and try again.</source>
        <translation>Fel användarnamn eller lösenord. Kontrollera dem och försök igen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your account is locked after too many wrong passwords, or by IT. Wait a while or call IT support.</source>
        <translation>Ditt konto är låst efter för många felaktiga lösenord, eller av IT. Vänta en stund eller ring IT-supporten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your password has expired. Change it in the city&apos;s password service, then sign in again.</source>
        <translation>Ditt lösenord har gått ut. Byt det i stadens lösenordstjänst och logga sedan in igen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your account has expired. Ask your supervisor or IT support.</source>
        <translation>Ditt konto har gått ut. Fråga din chef eller IT-supporten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The city&apos;s directory does not answer. Check the network connection and try again; if it continues, call IT support.</source>
        <translation>Stadens katalog svarar inte. Kontrollera nätverksanslutningen och försök igen; om felet fortsätter, ring IT-supporten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You signed in, but your account is in no group that gives a role in AgentDesk. Ask your supervisor to have you added to your team&apos;s group.</source>
        <translation>Du loggade in, men ditt konto hör inte till någon grupp som ger en roll i AgentDesk. Be din chef att lägga till dig i ditt teams grupp.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>AgentDesk cannot search the directory on this workstation (its service account was refused or has no password here). Call IT support.</source>
        <translation>AgentDesk kan inte söka i katalogen på den här arbetsstationen (tjänstekontot nekades eller saknar lösenord här). Ring IT-supporten.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Sign in to AgentDesk</source>
        <translation>Logga in i AgentDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with your city account (the one you use for your workstation).</source>
        <translation>Logga in med ditt stadskonto (samma som du använder för din arbetsstation).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caps Lock is on.</source>
        <translation>Caps Lock är på.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
</context>
<context>
    <name>DraftOffer</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/draft_offer.py" line="+56"/>
        <source>Customer %1</source>
        <translation>Kund %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, unsaved contact from %2</source>
        <translation>%1, osparad kontakt från %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsaved contacts</source>
        <translation>Osparade kontakter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AgentDesk closed before these contacts were saved. Open the customers to restore them?</source>
        <translation>AgentDesk stängdes innan de här kontakterna sparades. Vill du öppna kunderna för att återställa dem?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>Senare</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/drill_down.py" line="+165"/>
        <source>Loading…</source>
        <translation>Hämtar…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 items</source>
        <translation>%1 st.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The items could not be read; choose the list again to retry.</source>
        <translation>Raderna kunde inte hämtas; välj listan igen för att försöka på nytt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: items</source>
        <translation>%1: innehåll i kön</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting now, in the order they will be served</source>
        <translation>Väntar nu, i den ordning de betjänas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting past the target time</source>
        <translation>Väntat längre än målet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gave up today</source>
        <translation>Gav upp i dag</translation>
    </message>
</context>
<context>
    <name>DueCases</name>
    <message>
        <location filename="../../agentdesk_desktop/work/due_cases.py" line="+61"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Förfaller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases overdue or due soon</source>
        <translation>Försenade ärenden och ärenden som snart förfaller</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No cases overdue or due soon.</source>
        <translation>Inga försenade ärenden och inga som snart förfaller.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases: %1 overdue · %2 due soon</source>
        <translation>Ärenden: %1 försenade · %2 förfaller snart</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 working day overdue</source>
        <translation>1 arbetsdag försenat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 working days overdue</source>
        <translation>%1 arbetsdagar försenat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due today</source>
        <translation>förfaller i dag</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>due in 1 working day</source>
        <translation>förfaller om 1 arbetsdag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>due in %1 working days</source>
        <translation>förfaller om %1 arbetsdagar</translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_form/duplicate_panel.py" line="+55"/>
        <source>Possible duplicates: is the customer already in the register?</source>
        <translation>Möjliga dubbletter: finns kunden redan i registret?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the customers above. Press Save again to create a new customer anyway.</source>
        <translation>Kontrollera kunderna ovan. Tryck Spara igen för att ändå skapa en ny kund.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (born %2)</source>
        <translation>%1 (född %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open this customer</source>
        <translation>Öppna den här kunden</translation>
    </message>
</context>
<context>
    <name>EmailThreadDock</name>
    <message>
        <location filename="../../agentdesk_desktop/mail/thread_dock.py" line="+184"/>
        <source>Opening the e-mail…</source>
        <translation>Öppnar e-postmeddelandet…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This e-mail is not in the database (it may still be arriving). Try again shortly.</source>
        <translation>Det här e-postmeddelandet finns inte i databasen (det kan vara på väg). Försök igen om en stund.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The e-mail could not be read just now. Try again.</source>
        <translation>E-postmeddelandet kunde inte läsas just nu. Försök igen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(no text)</source>
        <translation>(ingen text)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no name)</source>
        <translation>(inget namn)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Too large to keep in the desk: open it from the mailbox.</source>
        <translation>För stor för att sparas i skrivbordet: öppna den från postlådan.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved as %1; not opened, as it is a program or a script.</source>
        <translation>Sparad som %1; inte öppnad eftersom den är ett program eller ett skript.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved as %1; no program on this computer opens it.</source>
        <translation>Sparad som %1; inget program på den här datorn kan öppna den.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened %1.</source>
        <translation>Öppnade %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The attachment could not be opened just now. Try again.</source>
        <translation>Bilagan kunde inte öppnas just nu. Försök igen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Write the reply first.</source>
        <translation>Skriv svaret först.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending…</source>
        <translation>Skickar…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reply sent: %1</source>
        <translation>Svaret har skickats: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The reply was not sent: the mail server could not be reached or refused it.</source>
        <translation>Svaret skickades inte: e-postservern kunde inte nås eller avvisade det.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your text is kept; try again.</source>
        <translation>Din text finns kvar; försök igen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reply is empty or too long.</source>
        <translation>Svaret är tomt eller för långt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The reply may have been sent but could not be logged. Check the timeline before sending again.</source>
        <translation>Svaret kan ha skickats men kunde inte registreras. Kontrollera tidslinjen innan du skickar igen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The conversation is now the customer&apos;s.</source>
        <translation>Konversationen hör nu till kunden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The conversation is already linked to another customer.</source>
        <translation>Konversationen är redan kopplad till en annan kund.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The link could not be saved just now. Try again.</source>
        <translation>Kopplingen kunde inte sparas just nu. Försök igen.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open an e-mail from the inbox (Next, or a double-click).</source>
        <translation>Öppna ett e-postmeddelande från inkorgen (Nästa eller dubbelklick).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown sender: %1</source>
        <translation>Okänd avsändare: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Link to customer…</source>
        <translation>&amp;Koppla till kund…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages of the conversation</source>
        <translation>Konversationens meddelanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message</source>
        <translation>Meddelandet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown as text: the sender&apos;s formatting, pictures and links are not loaded.</source>
        <translation>Visas som text: avsändarens formatering, bilder och länkar laddas inte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>Bilagor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reply</source>
        <translation>&amp;Svar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply</source>
        <translation>Svar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the reply; Ctrl+Return sends it.</source>
        <translation>Skriv svaret; Ctrl+Retur skickar det.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send reply</source>
        <translation>Skicka s&amp;var</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/errors.py" line="+85"/>
        <source>AgentDesk – error</source>
        <translation>AgentDesk – fel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copy details</source>
        <translation>Kopiera detaljerna</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Several errors occurred. You can keep working; if the problem continues, send the details below to IT support. The reports are saved in %1.</source>
        <translation>Flera fel inträffade. Du kan fortsätta arbeta; om problemet kvarstår, skicka uppgifterna nedan till IT-stödet. Rapporterna har sparats i %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Something went wrong. You can keep working; if the problem continues, send the details below to IT support. The report is saved to %1.</source>
        <translation>Något gick fel. Du kan fortsätta arbeta; om problemet kvarstår, skicka uppgifterna nedan till IT-stödet. Rapporten har sparats i %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Something went wrong. You can keep working; if the problem continues, send the details below to IT support.</source>
        <translation>Något gick fel. Du kan fortsätta arbeta; om problemet kvarstår, skicka uppgifterna nedan till IT-stödet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copied</source>
        <translation>Kopierat</translation>
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
        <translation>AgentDesk stängdes oväntat förra gången — detaljerna har sparats i %1</translation>
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
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Available</source>
        <translation>Ledig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Busy</source>
        <translation>Upptagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrap-up</source>
        <translation>Efterarbete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a break</source>
        <translation>På paus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>Frånvarande</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/form_fields.py" line="+111"/>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Fill this in.</source>
        <translation>Fyll i det här fältet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At most %1 characters (now %2).</source>
        <translation>Högst %1 tecken (nu %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 tecken</translation>
    </message>
</context>
<context>
    <name>InboxDock</name>
    <message>
        <location filename="../../agentdesk_desktop/work/inbox_dock.py" line="+174"/>
        <source>Yours</source>
        <translation>Dina</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The inbox could not be read just now; it tries again shortly.</source>
        <translation>Inkorgen kunde inte läsas just nu; den försöker igen strax.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Nothing waits for you in your queues.</source>
        <translation>Ingenting väntar på dig i dina köer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You took: %1</source>
        <translation>Du tog: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Transferred.</source>
        <translation>Överfört.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Finished: %1</source>
        <translation>Klart: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The item is no longer yours: it went back to its queue or was taken by someone else.</source>
        <translation>Uppgiften är inte längre din: den gick tillbaka till sin kö eller togs av någon annan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a queue or an agent to transfer to.</source>
        <translation>Välj en kö eller en handläggare att överföra till.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The item is in that queue already; choose another queue or an agent.</source>
        <translation>Uppgiften finns redan i den kön; välj en annan kö eller en handläggare.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That queue is closed; choose another.</source>
        <translation>Kön är stängd; välj en annan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That agent is no longer active; choose another.</source>
        <translation>Handläggaren är inte längre aktiv; välj en annan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The note is too long.</source>
        <translation>Anteckningen är för lång.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That wrap-up code is not in use any more.</source>
        <translation>Den avslutningskoden används inte längre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database could not be reached; nothing was changed. Try again.</source>
        <translation>Databasen kunde inte nås; ingenting ändrades. Försök igen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Inbox (%1 waiting)</source>
        <translation>Inkorg (%1 väntar)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inbox</source>
        <translation>Inkorg</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waited</source>
        <translation>Väntat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Förfaller</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work items</source>
        <translation>Arbetsuppgifter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>&amp;Nästa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the next item the routing picks for you</source>
        <translation>Ta nästa uppgift som dirigeringen väljer åt dig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transfer…</source>
        <translation>&amp;Överför…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrap-up code</source>
        <translation>Avslutningskod</translation>
    </message>
</context>
<context>
    <name>InteractionPanel</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+110"/>
        <source>New contact</source>
        <translation>Ny kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start logging a new contact (Ctrl+N)</source>
        <translation>Börja registrera en ny kontakt (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/draft_restore_banner.py" line="+60"/>
        <source>Restore</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Förkasta</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+2"/>
        <source>Save contact</source>
        <translation>Spara kontakten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the contact (Ctrl+Enter)</source>
        <translation>Spara kontakten (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/interaction_panel.py" line="+168"/>
        <source>Link the last contact to %1</source>
        <translation>Koppla den senaste kontakten till %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+4"/>
        <source>Contact saved. Press Ctrl+N to log the next one.</source>
        <translation>Kontakten har sparats. Tryck Ctrl+N för att registrera nästa.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Log a contact</source>
        <translation>Registrera en kontakt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handle time of the contact in progress (minutes:seconds)</source>
        <translation>Hanteringstid för den pågående kontakten (minuter:sekunder)</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/interaction_panel.py" line="+2"/>
        <source>Link the last contact to this customer</source>
        <translation>Koppla den senaste kontakten till den här kunden</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+10"/>
        <source>No contact in progress. Press Ctrl+N or “New contact” to log a phone call, an e-mail, a walk-in visit or a web contact.</source>
        <translation>Ingen pågående kontakt. Tryck Ctrl+N eller ”Ny kontakt” för att registrera ett samtal, ett e-postmeddelande, ett besök eller en webbkontakt.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/draft_restore_banner.py" line="+11"/>
        <source>Restore unsaved contact from %1?</source>
        <translation>Återställa den osparade kontakten från %1?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1 more after this one)</source>
        <translation>(%1 till efter den här)</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/interaction_panel.py" line="+119"/>
        <source>Save or cancel the contact in progress before restoring another.</source>
        <translation>Spara eller avbryt den pågående kontakten innan du återställer en annan.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+41"/>
        <source>The database cannot be reached. The contact is kept on this computer and saved automatically when the connection returns. Press Ctrl+N to log the next one.</source>
        <translation>Databasen kan inte nås. Kontakten sparas på den här datorn och lagras automatiskt när anslutningen är tillbaka. Tryck Ctrl+N för att registrera nästa.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/interaction_panel.py" line="+124"/>
        <source>The contact could not be saved. Nothing you typed is lost; try again in a moment.</source>
        <translation>Kontakten kunde inte sparas. Inget av det du skrivit går förlorat; försök igen om en stund.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The contact is now linked to the customer.</source>
        <translation>Kontakten är nu kopplad till kunden.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Linking the contact failed; try again in a moment.</source>
        <translation>Det gick inte att koppla kontakten; försök igen om en stund.</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/drill_down.py" line="-109"/>
        <source>waiting</source>
        <translation>väntar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offered</source>
        <translation>erbjuden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in service</source>
        <translation>betjänas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>klar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gave up</source>
        <translation>gav upp</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Arrived</source>
        <translation>Kom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waited</source>
        <translation>Väntat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target time</source>
        <translation>Måltid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>KnowledgeEditor</name>
    <message>
        <location filename="../../agentdesk_desktop/knowledge/knowledge_editor.py" line="+78"/>
        <source>Knowledge base</source>
        <translation>Kunskapsbank</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Knowledge base entries</source>
        <translation>Kunskapsbankens poster</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+69"/>
        <source>Quick text</source>
        <translation>Snabbtext</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+69"/>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+69"/>
        <source>Call script</source>
        <translation>Samtalsmanus</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. greet — typed as ;greet + Tab</source>
        <translation>t.ex. greet — skrivs ;greet + Tabb</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shortcut</source>
        <translation>Genväg</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any topic</source>
        <translation>Vilket ämne som helst</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Topic</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Finnish</source>
        <translation>finska</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text. Placeholders: {customer_name} {case_number} {agent_name} {today}</source>
        <translation>Text. Platshållare: {customer_name} {case_number} {agent_name} {today}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Someone else saved this entry meanwhile. Choose it again to see theirs.</source>
        <translation>Någon annan sparade posten under tiden. Välj den igen för att se deras version.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your role may not edit the knowledge base.</source>
        <translation>Din roll får inte redigera kunskapsbanken.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The entry could not be saved. Try again in a moment.</source>
        <translation>Posten kunde inte sparas. Försök igen om en stund.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A shortcut is 2–31 letters a–z, digits, - or _, e.g. greet.</source>
        <translation>En genväg är 2–31 tecken: bokstäver a–z, siffror, - eller _, t.ex. greet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the topic this belongs to (a call script always has one).</source>
        <translation>Välj det ämne detta hör till (ett samtalsmanus har alltid ett).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the text in at least one language.</source>
        <translation>Skriv texten på minst ett språk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another quick text already has this shortcut.</source>
        <translation>En annan snabbtext har redan denna genväg.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Give the text a title (or leave both empty).</source>
        <translation>Ge texten en rubrik (eller lämna båda tomma).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The title has no text (or the text is too long).</source>
        <translation>Rubriken har ingen text (eller texten är för lång).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing was saved: see the messages above.</source>
        <translation>Inget sparades: se meddelandena ovan.</translation>
    </message>
</context>
<context>
    <name>KnowledgePane</name>
    <message>
        <location filename="../../agentdesk_desktop/knowledge/knowledge_pane.py" line="+71"/>
        <location line="+34"/>
        <source>Choose a topic to see its call script, or search.</source>
        <translation>Välj ett ämne för att se dess samtalsmanus, eller sök.</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Scripts and articles</source>
        <translation>Manus och artiklar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Search the knowledge base</source>
        <translation>Sök i kunskapsbanken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Knowledge base results</source>
        <translation>Kunskapsbankens resultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Knowledge base text</source>
        <translation>Kunskapsbankens text</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No script or article for this topic yet.</source>
        <translation>Inget manus eller artikel för detta ämne ännu.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing found.</source>
        <translation>Inget hittades.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading…</source>
        <translation>Läser…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The knowledge base could not be read. Try again in a moment.</source>
        <translation>Kunskapsbanken kunde inte läsas. Försök igen om en stund.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Script</source>
        <translation>Manus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../agentdesk_desktop/widgets/labels.py" line="+36"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-in</source>
        <translation>Besök</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web</source>
        <translation>Webb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>incoming</source>
        <translation>inkommande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outgoing</source>
        <translation>utgående</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Resolved at first contact</source>
        <translation>Löst vid första kontakten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forwarded to a department</source>
        <translation>Vidarebefordrad till en enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case created</source>
        <translation>Ärende skapat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unresolved</source>
        <translation>Olöst</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Safety warning</source>
        <translation>Säkerhetsvarning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs an interpreter</source>
        <translation>Behöver tolk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deceased</source>
        <translation>Avliden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address protected</source>
        <translation>Spärrmarkering</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finnish</source>
        <translation>finska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other language</source>
        <translation>annat språk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resolved</source>
        <translation>Löst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Stängd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopened</source>
        <translation>Återöppnat</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>mobile</source>
        <translation>mobil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>home</source>
        <translation>hem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>work</source>
        <translation>arbete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>landline</source>
        <translation>fast telefon</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Water utility customer</source>
        <translation>Kund hos vattentjänsten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City rental tenant</source>
        <translation>Hyresgäst i stadens bostad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian of a child in daycare</source>
        <translation>Vårdnadshavare till ett barn i småbarnspedagogik</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household</source>
        <translation>Hushåll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Represents</source>
        <translation>Företräder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Representative</source>
        <translation>Företrädare</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>same birth date</source>
        <translation>samma födelsedatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same phone number</source>
        <translation>samma telefonnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same e-mail</source>
        <translation>samma e-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same address</source>
        <translation>samma adress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>same identity code</source>
        <translation>samma personbeteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same business ID</source>
        <translation>samma FO-nummer</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>similar name, same birth date</source>
        <translation>liknande namn, samma födelsedatum</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Assigned</source>
        <translation>Under behandling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the citizen</source>
        <translation>Väntar på kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the back office</source>
        <translation>Väntar på bakomliggande tjänst</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>similar name, same phone number</source>
        <translation>liknande namn, samma telefonnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar name, same e-mail</source>
        <translation>liknande namn, samma e-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar name, same address</source>
        <translation>liknande namn, samma adress</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>since %1</source>
        <translation>sedan %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>until %1</source>
        <translation>till och med %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/widgets/department_label.py" line="+18"/>
        <source>Customer service</source>
        <translation>Kundtjänst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education</source>
        <translation>Fostran och utbildning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technical services</source>
        <translation>Tekniska tjänster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Housing</source>
        <translation>Boende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social services</source>
        <translation>Socialtjänster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health services</source>
        <translation>Hälsotjänster</translation>
    </message>
</context>
<context>
    <name>LinkSenderDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/mail/link_sender_dialog.py" line="+38"/>
        <source>Link the sender to a customer</source>
        <translation>Koppla avsändaren till en kund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is %1? Search and pick the customer.</source>
        <translation>Vem är %1? Sök och välj kunden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search for the customer</source>
        <translation>Sök kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, henkilötunnus, phone or e-mail</source>
        <translation>Namn, personbeteckning, telefon eller e-post</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search</source>
        <translation>&amp;Sök</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customers found</source>
        <translation>Hittade kunder</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Link</source>
        <translation>&amp;Koppla</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Type something to search for.</source>
        <translation>Skriv något att söka efter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No customer found; try a name or a henkilötunnus.</source>
        <translation>Ingen kund hittades; försök med ett namn eller en personbeteckning.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The search could not be made just now. Try again.</source>
        <translation>Sökningen kunde inte göras just nu. Försök igen.</translation>
    </message>
</context>
<context>
    <name>MailStatus</name>
    <message>
        <location filename="../../agentdesk_desktop/mail/mail_status.py" line="+47"/>
        <source>E-mail: login refused</source>
        <translation>E-post: inloggningen nekades</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail: connected</source>
        <translation>E-post: ansluten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail: reconnecting…</source>
        <translation>E-post: återansluter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail: stopped</source>
        <translation>E-post: stoppad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail: connecting…</source>
        <translation>E-post: ansluter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>stopped</source>
        <translation>stoppad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting</source>
        <translation>ansluter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>taking in mail</source>
        <translation>hämtar post</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>waiting for mail</source>
        <translation>väntar på post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server cannot be reached; retrying</source>
        <translation>servern kan inte nås; försöker igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server refused the login</source>
        <translation>servern nekade inloggningen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/main_window.py" line="+322"/>
        <source>Customer %1</source>
        <translation>Kund %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Customer %1 was merged into customer %2: showing customer %2.</source>
        <translation>Kund %1 har slagits samman med kund %2: kund %2 visas.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>About AgentDesk</source>
        <translation>Om AgentDesk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;h3&gt;AgentDesk %1&lt;/h3&gt;&lt;p&gt;The customer service desk of the city: one search for every customer, their details and contacts.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;AgentDesk %1&lt;/h3&gt;&lt;p&gt;Stadens kundtjänstskrivbord: en sökning för alla kunder, deras uppgifter och kontakter.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Customer</source>
        <translation>&amp;Kund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New customer…</source>
        <translation>&amp;Ny kund…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close customer tab</source>
        <translation>&amp;Stäng kundfliken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queues</source>
        <translation>Kö&amp;er</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-in &amp;reception…</source>
        <translation>Besöks&amp;mottagning…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supervisor &amp;dashboard…</source>
        <translation>Chefens &amp;översikt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reports…</source>
        <translation>&amp;Rapporter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notice to citizens…</source>
        <translation>&amp;Meddelande till invånare…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Steward&apos;s desk: duplicates…</source>
        <translation>&amp;Dataförvaltning: dubbletter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Data protection…</source>
        <translation>&amp;Dataskydd…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Demo</source>
        <translation>&amp;Demo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulate incoming &amp;call</source>
        <translation>&amp;Simulera inkommande samtal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About AgentDesk</source>
        <translation>&amp;Om AgentDesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search for a customer and press Enter to open them here.

Ctrl+K or F3: search    Ctrl+W: close the tab    Ctrl+Tab: next tab</source>
        <translation>Sök en kund och tryck Enter för att öppna kunden här.

Ctrl+K eller F3: sök    Ctrl+W: stäng fliken    Ctrl+Tab: nästa flik</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signed in: %1</source>
        <translation>Inloggad: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database: %1</source>
        <translation>Databas: %1</translation>
    </message>
</context>
<context>
    <name>NoticeComposer</name>
    <message>
        <location filename="../../agentdesk_desktop/notices/composer_window.py" line="+192"/>
        <source>Notice to citizens</source>
        <translation>Meddelande till invånare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Street</source>
        <translation>Gata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>House numbers</source>
        <translation>Husnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardians</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Hämeenkatu</source>
        <translation>t.ex. Hämeenkatu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 1–40</source>
        <translation>t.ex. 1–40</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. water_customer, daycare_child</source>
        <translation>t.ex. water_customer, daycare_child</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to the guardians of the matched persons instead</source>
        <translation>Skicka i stället till vårdnadshavarna för de hittade personerna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+89"/>
        <source>Finnish</source>
        <translation>finska</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+89"/>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+89"/>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Subject (e-mail)</source>
        <translation>Ämne (e-post)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the channels this desk is set up for can be chosen.</source>
        <translation>Endast de kanaler som är inställda för denna arbetsstation kan väljas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send…</source>
        <translation>Skicka…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue sending</source>
        <translation>Fortsätt skicka</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+31"/>
        <source>Choose a street, a postal code, a municipality or a role.</source>
        <translation>Välj en gata, ett postnummer, en kommun eller en roll.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Give house numbers as 1–40 or a single number.</source>
        <translation>Ange husnummer som 1–40 eller ett enda nummer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The house numbers run backwards: write the smaller number first (1–40, not 40–1).</source>
        <translation>Husnumren är i omvänd ordning: skriv det mindre numret först (1–40, inte 40–1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>House numbers need a street.</source>
        <translation>Husnummer kräver en gata.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A house number is 1 or more.</source>
        <translation>Ett husnummer är minst 1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A postal code is five digits.</source>
        <translation>Ett postnummer består av fem siffror.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A role code is lower-case letters, digits and _ (e.g. water_customer).</source>
        <translation>En rollkod består av gemener, siffror och _ (t.ex. water_customer).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Counting…</source>
        <translation>Räknar…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 citizens</source>
        <translation>%1 invånare</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The segment could not be counted. Try again.</source>
        <translation>Gruppen kunde inte räknas. Försök igen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Give the notice a title (staff see it on the timelines).</source>
        <translation>Ge meddelandet en rubrik (personalen ser den på tidslinjerna).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the Finnish text: it goes to everyone without a text of their own.</source>
        <translation>Skriv den finska texten: den går till alla som inte har en text på sitt eget språk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 text has a subject but no message.</source>
        <translation>Texten (%1) har ett ämne men inget meddelande.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An e-mail needs a subject (%1).</source>
        <translation>Ett e-postmeddelande behöver ett ämne (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 SMS is too long.</source>
        <translation>SMS:et (%1) är för långt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 recipients read %2: write the %2 text.</source>
        <translation>%1 mottagare läser %2: skriv texten (%2).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Wait for the count of the segment, then send.</source>
        <translation>Vänta tills gruppen är räknad och skicka sedan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nobody is in this segment: nothing to send.</source>
        <translation>Ingen finns i gruppen: inget att skicka.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preparing the notice…</source>
        <translation>Förbereder meddelandet…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sending…</source>
        <translation>Skickar…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sent %1 of %2 (%3 failed, %4 without an address).</source>
        <translation>Skickat %1 av %2 (%3 misslyckades, %4 utan adress).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sending stopped (%1): %2 still to send. Continue when the channel is back.</source>
        <translation>Utskicket stoppades (%1): %2 återstår. Fortsätt när kanalen fungerar igen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Done: %1 sent, %2 failed, %3 without an address.</source>
        <translation>Klart: %1 skickade, %2 misslyckades, %3 utan adress.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The notice could not be sent: %1</source>
        <translation>Meddelandet kunde inte skickas: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Continue sending “%1” (%2 of %3 left)</source>
        <translation>Fortsätt skicka ”%1” (%2 av %3 kvar)</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message numerus="yes">
        <location filename="../../agentdesk_desktop/logging/outbox_status.py" line="+35"/>
        <source>Offline — %n contact(s) waiting</source>
        <translation>
            <numerusform>Offline — %n kontakt väntar</numerusform>
            <numerusform>Offline — %n kontakter väntar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database cannot be reached. Saved contacts wait encrypted on this computer and are sent automatically when it answers again.</source>
        <translation>Databasen kan inte nås. Sparade kontakter väntar krypterade på den här datorn och skickas automatiskt när databasen svarar igen.</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Database reachable again: %n waiting contact(s) saved.</source>
        <translation>
            <numerusform>Databasen nås igen: %n väntande kontakt sparad.</numerusform>
            <numerusform>Databasen nås igen: %n väntande kontakter sparade.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n waiting contact(s) could not be saved: open the customer to check it and save it again.</source>
        <translation>
            <numerusform>%n väntande kontakt kunde inte sparas: öppna kunden, kontrollera kontakten och spara den igen.</numerusform>
            <numerusform>%n väntande kontakter kunde inte sparas: öppna kunden, kontrollera kontakten och spara den igen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewHeader</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_header.py" line="+129"/>
        <source>Identity code</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the full identity code. Every view is logged.</source>
        <translation>Visa hela personbeteckningen. Varje visning loggas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit details…</source>
        <translation>Redigera uppgifter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes of the alerts</source>
        <translation>Anteckningar till varningarna</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Business ID %1</source>
        <translation>FO-nummer %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 years</source>
        <translation>%1 år</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>born %1</source>
        <translation>född %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language: %1</source>
        <translation>Ärendespråk: %1</translation>
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
        <translation>Kund %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the scan found (weight in bits: + one person, - two people)</source>
        <translation>Vad sökningen fann (vikt i bitar: + en person, - två personer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Found</source>
        <translation>Fynd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>Vikt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a pair in the queue to compare the two records.</source>
        <translation>Välj ett par i kön för att jämföra de två posterna.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Score %1 · %2 of %3 fields differ (highlighted)</source>
        <translation>Poäng %1 · %2 av %3 fält skiljer sig (markerade)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(protected address)</source>
        <translation>(spärrmarkering)</translation>
    </message>
</context>
<context>
    <name>PhoneStatusLabel</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/call_bar.py" line="+29"/>
        <source>Phone: off</source>
        <translation>Telefon: av</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone: connecting…</source>
        <translation>Telefon: ansluter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone: connected</source>
        <translation>Telefon: ansluten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone: reconnecting…</source>
        <translation>Telefon: återansluter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone: login refused</source>
        <translation>Telefon: inloggningen nekades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone: no password on this workstation</source>
        <translation>Telefon: inget lösenord på den här arbetsstationen</translation>
    </message>
</context>
<context>
    <name>PluginPanelArea</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/panel_area.py" line="+165"/>
        <source>The department panels could not read this customer.</source>
        <translation>Förvaltningspanelerna kunde inte läsa den här kundens uppgifter.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Choose a purpose to see this panel</source>
        <translation>Välj ett ändamål för att se panelen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Loading…</source>
        <translation>Laddas…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The panel could not be shown</source>
        <translation>Panelen kunde inte visas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing about this customer</source>
        <translation>Inga uppgifter om den här kunden</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Department panels are starting…</source>
        <translation>Förvaltningspanelerna startas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No department panels for your role on this workstation.</source>
        <translation>Det finns inga förvaltningspaneler för din roll på den här arbetsstationen.</translation>
    </message>
</context>
<context>
    <name>PluginPanelWidget</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/panel_widget.py" line="+198"/>
        <source>This panel shows sensitive information. Choose why you need to see it; the access is logged.</source>
        <translation>Den här panelen visar känsliga uppgifter. Välj varför du behöver se dem; åtkomsten loggas.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/widgets/purpose_prompt.py" line="+48"/>
        <source>Customer is on the line and consents</source>
        <translation>Kunden är i telefon och samtycker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statutory task</source>
        <translation>Lagstadgad uppgift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency</source>
        <translation>Nödsituation</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/plugins/panel_widget.py" line="+2"/>
        <source>Loading…</source>
        <translation>Laddas…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>customer consents</source>
        <translation>kundens samtycke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>statutory task</source>
        <translation>lagstadgad uppgift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>emergency</source>
        <translation>nödsituation</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>The back end does not answer.</source>
        <translation>Bakgrundssystemet svarar inte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The back end did not answer in time.</source>
        <translation>Bakgrundssystemet svarade inte i tid.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The back end answered with an error.</source>
        <translation>Bakgrundssystemet svarade med ett fel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The back end has not been answering; the desk waits a moment before asking again.</source>
        <translation>Bakgrundssystemet har inte svarat; skrivbordet väntar en stund innan det frågar igen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This panel is hidden: it tried to show a protected address.</source>
        <translation>Panelen är dold: den försökte visa en adress som omfattas av spärrmarkering.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This panel is not available to you now.</source>
        <translation>Den här panelen är inte tillgänglig för dig nu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The panel could not be shown.</source>
        <translation>Panelen kunde inte visas.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>at %1</source>
        <translation>kl. %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(saved answer)</source>
        <translation>(sparat svar)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>purpose: %1</source>
        <translation>ändamål: %1</translation>
    </message>
</context>
<context>
    <name>PluginStates</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/plugin_setup.py" line="+46"/>
        <source>starting</source>
        <translation>startar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>i bruk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disabled</source>
        <translation>avstängt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incompatible</source>
        <translation>inkompatibelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>misslyckades</translation>
    </message>
</context>
<context>
    <name>PluginsDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/plugins_dialog.py" line="+67"/>
        <source>Plugins</source>
        <translation>Insticksprogram</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plugin</source>
        <translation>Insticksprogram</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Department plugins are turned off for this desk.</source>
        <translation>Förvaltningarnas insticksprogram är avstängda på det här skrivbordet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The department plugins are still starting.</source>
        <translation>Förvaltningarnas insticksprogram startar fortfarande.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department plugins found on this workstation. Disabling one removes its panels at once; it stays disabled until you enable it or restart the desk.</source>
        <translation>Förvaltningarnas insticksprogram på den här arbetsstationen. Om du stänger av ett försvinner dess paneler genast; det förblir avstängt tills du slår på det eller startar om skrivbordet.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Disabled by you in this session.</source>
        <translation>Du stängde av det under den här sessionen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turned off by this workstation&apos;s department profile (IT).</source>
        <translation>Avstängt i arbetsstationens förvaltningsprofil (IT).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Disable</source>
        <translation>Stäng av</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enable</source>
        <translation>Slå på</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only IT can change this plugin.</source>
        <translation>Endast IT kan ändra det här insticksprogrammet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting…</source>
        <translation>Startar…</translation>
    </message>
</context>
<context>
    <name>PresenceButton</name>
    <message>
        <location filename="../../agentdesk_desktop/work/presence_button.py" line="+147"/>
        <source>Available</source>
        <translation>Tillgänglig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Busy</source>
        <translation>Upptagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrap-up</source>
        <translation>Efterarbete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <translation>Paus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>Frånvarande</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Presence: …</source>
        <translation>Närvaro: …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>● Wrap-up %1</source>
        <translation>● Efterarbete %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your presence could not be saved; the desk shows the last saved one. Try again.</source>
        <translation>Din närvaro kunde inte sparas; den senast sparade visas. Försök igen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your presence: click to change it</source>
        <translation>Din närvaro: klicka för att ändra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Presence: %1</source>
        <translation>Närvaro: %1</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/quarantine_dialog.py" line="+153"/>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 messages could not be taken in. They are kept here; Retry takes one in again.</source>
        <translation>%1 meddelanden kunde inte tas emot. De sparas här; Försök igen tar emot ett meddelande på nytt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No quarantined e-mail.</source>
        <translation>Ingen e-post i karantän.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The quarantined e-mail could not be read; close and open this again.</source>
        <translation>E-posten i karantän kunde inte läsas; stäng och öppna detta igen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Retrying…</source>
        <translation>Försöker igen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The message was taken in.</source>
        <translation>Meddelandet togs emot.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The message could not be taken in: %1. It stays here.</source>
        <translation>Meddelandet kunde inte tas emot: %1. Det stannar här.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The retry did not run (the database could not be reached); try again.</source>
        <translation>Nytt försök kördes inte (databasen kunde inte nås); försök igen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Quarantined e-mail</source>
        <translation>E-post i karantän</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retry</source>
        <translation>&amp;Försök igen</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location line="-149"/>
        <source>The message could not be read</source>
        <translation>Meddelandet kunde inte läsas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database refused its text</source>
        <translation>Databasen godtog inte dess text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database refused it</source>
        <translation>Databasen godtog det inte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An error in AgentDesk</source>
        <translation>Ett fel i AgentDesk</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message %1, UID %2, AgentDesk %3, %4 attempts</source>
        <translation>Meddelande %1, UID %2, AgentDesk %3, %4 försök</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unknown</source>
        <translation>okänd</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quarantined</source>
        <translation>I karantän sedan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mailbox</source>
        <translation>Brevlåda</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sender&apos;s domain</source>
        <translation>Avsändarens domän</translation>
    </message>
</context>
<context>
    <name>QueryKind</name>
    <message>
        <location filename="../../agentdesk_desktop/search_panel.py" line="+243"/>
        <source>Name or address</source>
        <translation>Namn eller adress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal identity code</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business ID</source>
        <translation>FO-nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail address</source>
        <translation>E-postadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register ID</source>
        <translation>Registerbeteckning</translation>
    </message>
</context>
<context>
    <name>QueueTile</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/queue_tile.py" line="+132"/>
        <source>%1 waiting (alarm at %2)</source>
        <translation>%1 väntar (larmgräns %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The longest wait is %1 (alarm at %2)</source>
        <translation>Den längsta väntan är %1 (larmgräns %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Service level %1 is below the target %2</source>
        <translation>Servicenivån %1 är under målet %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click for the items behind the figures.</source>
        <translation>Klicka för att se kontakterna bakom siffrorna.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 working hours</source>
        <translation>%1 arbetstimmar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · target %2 within %3</source>
        <translation>%1 · mål %2 inom %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting now</source>
        <translation>Väntar nu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest wait</source>
        <translation>Längsta väntan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service level today</source>
        <translation>Servicenivå i dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average speed of answer</source>
        <translation>Genomsnittlig svarstid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average handle time</source>
        <translation>Genomsnittlig hanteringstid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abandonment rate</source>
        <translation>Andel som gav upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-contact resolution</source>
        <translation>Löst vid första kontakten</translation>
    </message>
</context>
<context>
    <name>QuickTextPicker</name>
    <message>
        <location filename="../../agentdesk_desktop/widgets/quick_texts.py" line="+84"/>
        <source>Insert a quick text</source>
        <translation>Infoga en snabbtext</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type to filter: shortcut, title or text</source>
        <translation>Skriv för att filtrera: genväg, rubrik eller text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter quick texts</source>
        <translation>Filtrera snabbtexter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quick texts</source>
        <translation>Snabbtexter</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No quick text matches.</source>
        <translation>Ingen snabbtext matchar.</translation>
    </message>
</context>
<context>
    <name>ReceptionWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/reception/reception_window.py" line="+224"/>
        <source>No walk-in services are set up. Ask the administrator for a walk-in queue.</source>
        <translation>Inga besökstjänster har skapats. Be administratören om en besökskö.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The services could not be read. Close the window and open it again.</source>
        <translation>Tjänsterna kunde inte hämtas. Stäng fönstret och öppna det igen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>For the customer in the current tab (none open)</source>
        <translation>För kunden i den aktuella fliken (ingen öppen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For the customer in the current tab: %1</source>
        <translation>För kunden i den aktuella fliken: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 · issued at %2</source>
        <translation>%1 · utfärdad kl. %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The ticket could not be issued; try again in a moment.</source>
        <translation>Könumret kunde inte ges; försök igen om en stund.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Finish the current visit before calling the next visitor.</source>
        <translation>Avsluta det pågående besöket innan du ropar upp nästa besökare.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nobody is waiting.</source>
        <translation>Ingen väntar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Called to %1 · waited %2 min</source>
        <translation>Uppropad till %1 · väntade %2 min</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The next visitor could not be called; try again in a moment.</source>
        <translation>Nästa besökare kunde inte ropas upp; försök igen om en stund.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Visit %1 logged.</source>
        <translation>Besöket %1 har registrerats.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The visit could not be logged. Nothing you typed is lost; try again in a moment.</source>
        <translation>Besöket kunde inte registreras. Inget av det du skrev har gått förlorat; försök igen om en stund.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Choose a topic</source>
        <translation>Välj ämne</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose how the visit ended</source>
        <translation>Välj hur besöket slutade</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The service&apos;s own department</source>
        <translation>Tjänstens egen enhet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Walk-in reception – AgentDesk</source>
        <translation>Besöksmottagning – AgentDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket machine</source>
        <translation>Kölappar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My service point</source>
        <translation>Min servicepunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service</source>
        <translation>&amp;Tjänst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Issue ticket</source>
        <translation>&amp;Ge kölapp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket number</source>
        <translation>Könummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service &amp;point</source>
        <translation>Service&amp;punkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk 1</source>
        <translation>Lucka 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Call next</source>
        <translation>&amp;Ropa upp nästa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open the customer</source>
        <translation>&amp;Öppna kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Topic</source>
        <translation>&amp;Ämne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;utcome</source>
        <translation>Resu&amp;ltat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department</source>
        <translation>&amp;Enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>A&amp;nteckningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish visit</source>
        <translation>&amp;Avsluta besöket</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Press Call next when you are free.</source>
        <translation>Tryck på Ropa upp nästa när du är ledig.</translation>
    </message>
</context>
<context>
    <name>RelationsSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_sections.py" line="+20"/>
        <source>Relationships</source>
        <translation>Relationer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Born</source>
        <translation>Född</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a person (or press Enter) to open them in a new tab</source>
        <translation>Klicka på en person (eller tryck Enter) för att öppna personen i en ny flik</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No household members, guardians or children on record.</source>
        <translation>Inga registrerade hushållsmedlemmar, vårdnadshavare eller barn.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (ended)</source>
        <translation>%1 (avslutad)</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../agentdesk_desktop/reports/report_texts.py" line="+37"/>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of contacts</source>
        <translation>Andel av kontakterna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service level</source>
        <translation>Servicenivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed of answer, mean</source>
        <translation>Svarstid, medel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed of answer, 90th percentile</source>
        <translation>Svarstid, 90:e percentilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handle time, mean</source>
        <translation>Hanteringstid, medel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abandonment rate</source>
        <translation>Andel avbrutna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-contact resolution</source>
        <translation>Lösta vid första kontakten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost per contact</source>
        <translation>Kostnad per kontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>Kostnad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backlog at period end</source>
        <translation>Öppna ärenden vid periodens slut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aged 0–5 working days</source>
        <translation>Ålder 0–5 arbetsdagar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aged 6–10 working days</source>
        <translation>Ålder 6–10 arbetsdagar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aged 11–20 working days</source>
        <translation>Ålder 11–20 arbetsdagar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aged over 20 working days</source>
        <translation>Ålder över 20 arbetsdagar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved after the due date</source>
        <translation>Lösta efter förfallodagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open past the due date</source>
        <translation>Öppna efter förfallodagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline breaches</source>
        <translation>Överskridna tidsfrister</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback surveys sent</source>
        <translation>Skickade responsenkäter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback answers</source>
        <translation>Responssvar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback response rate</source>
        <translation>Svarsfrekvens för respons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback score, mean (1–5)</source>
        <translation>Responsbetyg, medel (1–5)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>pp</source>
        <translation>%-enh.</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/reports/reports_window.py" line="+177"/>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Period</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From</source>
        <translation>&amp;Från</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To</source>
        <translation>&amp;Till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Department</source>
        <translation>&amp;Enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queue</source>
        <translation>&amp;Kö</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hannel</source>
        <translation>K&amp;anal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;opic</source>
        <translation>Ä&amp;mne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Municipality</source>
        <translation>K&amp;ommun</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This month</source>
        <translation>Denna månad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last month</source>
        <translation>Förra månaden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This year</source>
        <translation>Detta år</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Custom</source>
        <translation>Eget val</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+15"/>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>&amp;Show</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export XLSX…</source>
        <translation>Exportera XLSX…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export PDF…</source>
        <translation>Exportera PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Figure</source>
        <translation>Nyckeltal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous period</source>
        <translation>Föregående period</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Förändring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Feedback of</source>
        <translation>Respons</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Reading the report…</source>
        <translation>Läser rapporten…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 – %2, compared with %3 – %4</source>
        <translation>%1 – %2, jämfört med %3 – %4</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Queue %1</source>
        <translation>Kö %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agent %1</source>
        <translation>Kundtjänstmedarbetare %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All contacts</source>
        <translation>Alla kontakter</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The period must end on or after the day it starts, and cover at most three years.</source>
        <translation>Perioden måste sluta tidigast samma dag som den börjar och omfatta högst tre år.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No customer lives in %1.</source>
        <translation>Ingen kund bor i %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The report cannot be made: %1</source>
        <translation>Rapporten kan inte göras: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The report could not be read. Try again in a moment.</source>
        <translation>Rapporten kunde inte läsas. Försök igen om en stund.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the report</source>
        <translation>Exportera rapporten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing %1…</source>
        <translation>Skriver %1…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1.</source>
        <translation>Sparat %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The report could not be saved: %1</source>
        <translation>Rapporten kunde inte sparas: %1</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../agentdesk_desktop/sign_in.py" line="+54"/>
        <source>Customer service agent</source>
        <translation>Kundtjänstrådgivare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Förman</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data steward</source>
        <translation>Dataansvarig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Huvudanvändare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data protection officer</source>
        <translation>Dataskyddsombud</translation>
    </message>
</context>
<context>
    <name>RolesSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/roles_section.py" line="+39"/>
        <source>Roles and profiles</source>
        <translation>Roller och profiler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No roles or profiles on record.</source>
        <translation>Inga registrerade roller eller profiler.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reference %1</source>
        <translation>Referens %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown for: %1</source>
        <translation>Visat för: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (ended)</source>
        <translation>%1 (avslutad)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ended</source>
        <translation>avslutad</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restricted entries (social or health services) hidden: %1. Choose why you need to see them; the access is logged.</source>
        <translation>Begränsade uppgifter (social- eller hälsovård) dolda: %1. Välj varför du behöver se dem; åtkomsten loggas.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>customer consents</source>
        <translation>kundens samtycke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>statutory task</source>
        <translation>lagstadgad uppgift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>emergency</source>
        <translation>nödsituation</translation>
    </message>
</context>
<context>
    <name>ScreenPopController</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/screen_pop_controller.py" line="+132"/>
        <source>unknown number</source>
        <translation>okänt nummer</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../agentdesk_desktop/search_panel.py" line="-95"/>
        <location line="+76"/>
        <source>The search failed. Check the connection and try again.</source>
        <translation>Sökningen misslyckades. Kontrollera anslutningen och försök igen.</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No customers found</source>
        <translation>Inga kunder hittades</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Results: %1</source>
        <translation>Träffar: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Search: name, address, identity code, phone or e-mail  (Ctrl+K)</source>
        <translation>Sök: namn, adress, personbeteckning, telefon eller e-post  (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search customers (Ctrl+K or F3)</source>
        <translation>Sök kunder (Ctrl+K eller F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search customers</source>
        <translation>Sök kunder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, address, identity code, phone or e-mail</source>
        <translation>Namn, adress, personbeteckning, telefon eller e-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search results</source>
        <translation>Sökresultat</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../agentdesk_desktop/search_results_model.py" line="+199"/>
        <source>This customer has a protected address (turvakielto). The address is not shown or given out.</source>
        <translation>Kunden har spärrmarkering (turvakielto). Adressen visas inte och lämnas inte ut.</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Restricted record</source>
        <translation>Begränsad post</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Address protected</source>
        <translation>Spärrmarkering</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Born</source>
        <translation>Född</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_sections.py" line="-163"/>
        <location line="+20"/>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
</context>
<context>
    <name>SelfServiceDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/work/self_service_dialog.py" line="+121"/>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>no customer in the register matched</source>
        <translation>ingen kund i registret motsvarade</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2 · received %3 · %4</source>
        <translation>%1 · %2 · inkom %3 · %4</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(protected address: not shown)</source>
        <translation>(spärrmarkering: visas inte)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Say why the update is rejected: the reason is kept with it.</source>
        <translation>Ange varför anmälan avslås: skälet sparas med den.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reason is %1 characters long; at most %2 fit.</source>
        <translation>Skälet är %1 tecken långt; högst %2 ryms.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Someone has decided this update meanwhile: it is no longer waiting.</source>
        <translation>Någon har redan avgjort anmälan: den väntar inte längre.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No customer in the register matches the sender: reject the update with a reason.</source>
        <translation>Avsändaren motsvarar ingen kund i registret: avslå anmälan och ange skälet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person has a protected address: a steward decides this update.</source>
        <translation>Personen har spärrmarkering: dataskyddsansvarig avgör anmälan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The decision could not be saved: %1</source>
        <translation>Beslutet kunde inte sparas: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This self-service update is not in the database any more.</source>
        <translation>Anmälan finns inte längre i databasen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The update could not be read: %1</source>
        <translation>Anmälan kunde inte läsas: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Accepted into the register by %1.</source>
        <translation>Godkänd i registret av %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected by %1.</source>
        <translation>Avslagen av %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Self-service update</source>
        <translation>Kundens egen anmälan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In the register now</source>
        <translation>I registret nu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation>Anmält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason for a rejection (kept with the update):</source>
        <translation>&amp;Skäl för avslag (sparas med anmälan):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept into the register</source>
        <translation>&amp;Godkänn i registret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;ject</source>
        <translation>A&amp;vslå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>S&amp;täng</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>new phone number</source>
        <translation>nytt telefonnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new e-mail address</source>
        <translation>ny e-postadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>preferred language</source>
        <translation>kontaktspråk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address change notice</source>
        <translation>flyttningsanmälan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving date</source>
        <translation>Flyttdag</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Finnish</source>
        <translation>finska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No customer in the register has the identity code and last name given: only a rejection is possible.</source>
        <translation>Ingen kund i registret har den angivna personbeteckningen och det angivna efternamnet: anmälan kan bara avslås.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The phone number is another customer&apos;s in the register.</source>
        <translation>Telefonnumret hör till en annan kund i registret.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The e-mail address is another customer&apos;s in the register.</source>
        <translation>E-postadressen hör till en annan kund i registret.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The person has a protected address: only a steward sees and decides the address.</source>
        <translation>Personen har spärrmarkering: bara dataskyddsansvarig ser adressen och avgör anmälan.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/settings_dialog.py" line="+44"/>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/sign_in.py" line="+64"/>
        <source>Loading staff users…</source>
        <translation>Användarna hämtas…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>There are no active staff users in this database. Ask an administrator to add you.</source>
        <translation>Databasen har inga aktiva användare. Be en huvudanvändare lägga till dig.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The staff list could not be loaded. Check the database connection and try again.</source>
        <translation>Användarlistan kunde inte hämtas. Kontrollera databasanslutningen och försök igen.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Sign in to AgentDesk</source>
        <translation>Logga in i AgentDesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo — no password. Choose the staff user you want to try the desk as (demo mode only).</source>
        <translation>Demo — inget lösenord. Välj den användare du vill prova skrivbordet som (endast i demoläge).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter by name, role or department</source>
        <translation>Filtrera efter namn, roll eller enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Department</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
</context>
<context>
    <name>StaleNote</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/stale_note.py" line="+49"/>
        <source>Shown from %1, database unreachable</source>
        <translation>Visas från kl. %1, databasen kan inte nås</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
</context>
<context>
    <name>StewardWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/steward/steward_window.py" line="+185"/>
        <source>Steward&apos;s desk: duplicates</source>
        <translation>Dataförvaltning: dubbletter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scan says</source>
        <translation>Sökningen säger</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record A</source>
        <translation>Post A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record B</source>
        <translation>Post B</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh (F5)</source>
        <translation>Uppdatera (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score &amp;at least</source>
        <translation>Poäng &amp;minst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Select those</source>
        <translation>&amp;Välj dem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept selected… (Ctrl+Shift+A)</source>
        <translation>Godkänn valda… (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept: one person (A)</source>
        <translation>Godkänn: samma person (A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject: two people (R)</source>
        <translation>Avvisa: två personer (R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not sure (N)</source>
        <translation>Osäker (N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A accept (merge) · R reject (never shown again) · N not sure (stays, marked) · ↑ ↓ previous / next pair · Shift+↑↓ select several</source>
        <translation>A godkänn (slå samman) · R avvisa (visas aldrig igen) · N osäker (stannar, markerad) · ↑ ↓ föregående / nästa par · Shift+↑↓ välj flera</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the queue…</source>
        <translation>Läser kön…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The queue is empty. Run a duplicate scan (agentdesk duplicates scan) to fill it.</source>
        <translation>Kön är tom. Kör en dubblettsökning (agentdesk duplicates scan) för att fylla den.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 pairs to review, highest score first.</source>
        <translation>%1 par att granska, högsta poäng först.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Merged: customer %1 is now one with customer %2.</source>
        <translation>Sammanslagen: kund %1 är nu en och samma med kund %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customers %1 and %2 are two people: the pair will not come back.</source>
        <translation>Kunderna %1 och %2 är två personer: paret kommer inte tillbaka.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customers %1 and %2 stay in the queue, marked not sure.</source>
        <translation>Kunderna %1 och %2 stannar i kön, markerade som osäkra.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not done: %1</source>
        <translation>Inte gjort: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 pairs with a score of at least %2 selected.</source>
        <translation>%1 par med poäng på minst %2 valda.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Accept selected pairs</source>
        <translation>Godkänn valda par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge the %1 selected pairs, each into one customer?</source>
        <translation>Slå samman de %1 valda paren, vart och ett till en kund?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each merge keeps the values the survivorship rules choose, and can be undone later.</source>
        <translation>Varje sammanslagning behåller de värden som reglerna för bevarande väljer och kan ångras senare.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Merging %1 pairs…</source>
        <translation>Slår samman %1 par…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 pairs merged.</source>
        <translation>%1 par sammanslagna.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 not merged; the first: customers %2 and %3: %4</source>
        <translation>%1 inte sammanslagna; det första: kunderna %2 och %3: %4</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The queue could not be read or saved. Check the network connection and try again (F5).</source>
        <translation>Kön kunde inte läsas eller sparas. Kontrollera nätverksanslutningen och försök igen (F5).</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/timeline_model.py" line="+230"/>
        <source>Feedback %1/5</source>
        <translation>Respons %1/5</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Case #%1</source>
        <translation>Ärende #%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The citizen&apos;s feedback: %1</source>
        <translation>Kundens respons: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
</context>
<context>
    <name>TimelineSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/timeline_section.py" line="+139"/>
        <location line="+7"/>
        <source>Contacts, newest first</source>
        <translation>Kontakter, nyaste först</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Show:</source>
        <translation>Visa:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter by channel</source>
        <translation>Filtrera efter kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by department</source>
        <translation>Filtrera efter avdelning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by topic</source>
        <translation>Filtrera efter ärende</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All channels</source>
        <translation>Alla kanaler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All departments</source>
        <translation>Alla enheter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All topics</source>
        <translation>Alla ämnen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Loading…</source>
        <translation>Laddar…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No contacts match these filters.</source>
        <translation>Inga kontakter matchar filtren.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No contacts yet.</source>
        <translation>Inga kontakter ännu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 shown, scroll for more</source>
        <translation>%1 visas, rulla för fler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 contacts</source>
        <translation>Kontakter: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 shown</source>
        <translation>%1 visas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contacts could not be loaded.</source>
        <translation>Kontakterna kunde inte hämtas.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/work/transfer_dialog.py" line="+99"/>
        <source>Choose a queue or an agent to transfer to.</source>
        <translation>Välj en kö eller en handläggare att överföra till.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation>Anteckningen är %1 tecken lång; högst %2 ryms.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Transfer</source>
        <translation>Överför</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To &amp;queue:</source>
        <translation>Till &amp;kö:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To &amp;agent:</source>
        <translation>Till &amp;handläggare:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Note:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(this queue)</source>
        <translation>(den här kön)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(anyone in the queue)</source>
        <translation>(vem som helst i kön)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the next agent should know</source>
        <translation>Vad nästa handläggare behöver veta</translation>
    </message>
</context>
<context>
    <name>UnidentifiedContactDock</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/unidentified_contact_dock.py" line="+41"/>
        <source>Contact without a customer</source>
        <translation>Kontakt utan kund</translation>
    </message>
</context>
<context>
    <name>UnsavedContacts</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/unsaved_contacts_guard.py" line="+52"/>
        <source>A contact is not saved yet.</source>
        <translation>En kontakt är inte sparad ännu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 contacts are not saved yet.</source>
        <translation>%1 kontakter är inte sparade ännu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unsaved contacts</source>
        <translation>Osparade kontakter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save before closing AgentDesk?</source>
        <translation>Spara innan AgentDesk stängs?</translation>
    </message>
</context>
<context>
    <name>WrapUp</name>
    <message>
        <location filename="../../agentdesk_desktop/work/inbox_dock.py" line="+22"/>
        <source>Resolved</source>
        <translation>Löst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advice given</source>
        <translation>Rådgivning given</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback agreed</source>
        <translation>Återuppringning avtalad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forwarded</source>
        <translation>Vidarebefordrat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No action needed</source>
        <translation>Ingen åtgärd behövs</translation>
    </message>
</context>
</TS>
