<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/action_dialog.py" line="+128" />
        <location line="+78" />
        <source>Loading the form…</source>
        <translation>Loading the form…</translation>
    </message>
    <message>
        <location line="-63" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+19" />
        <location line="+32" />
        <source>The form could not be read from the back end.</source>
        <translation>The form could not be read from the back end.</translation>
    </message>
    <message>
        <location line="-27" />
        <source>The form for this choice could not be read; you can still file with the fields below.</source>
        <translation>The form for this choice could not be read; you can still file with the fields below.</translation>
    </message>
    <message>
        <location line="+87" />
        <source>Filing…</source>
        <translation>Filing…</translation>
    </message>
    <message>
        <location line="+41" />
        <source>The back end did not answer in time. Check in its panel whether the request was filed before filing it again.</source>
        <translation>The back end did not answer in time. Check in its panel whether the request was filed before filing it again.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The back end does not answer; nothing was filed.</source>
        <translation>The back end does not answer; nothing was filed.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The back end refused the request.</source>
        <translation>The back end refused the request.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>You cannot use this action now.</source>
        <translation>You cannot use this action now.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The action failed.</source>
        <translation>The action failed.</translation>
    </message>
</context>
<context>
    <name>AgentsModel</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/agents_model.py" line="+94" />
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Time in state</source>
        <translation>Time in state</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Department</source>
        <translation>Department</translation>
    </message>
</context>
<context>
    <name>BreakGlassPage</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/break_glass.py" line="+76" />
        <source>This is a restricted record (%1). Only named roles may open it. If you must open it, write why: the access is logged and reported to the data protection officer.</source>
        <translation>This is a restricted record (%1). Only named roles may open it. If you must open it, write why: the access is logged and reported to the data protection officer.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Why you need to open this record</source>
        <translation>Why you need to open this record</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Break the glass</source>
        <translation>Break the glass</translation>
    </message>
    <message>
        <location line="+30" />
        <source>The record could not be opened. Try again; the purpose you wrote is kept.</source>
        <translation>The record could not be opened. Try again; the purpose you wrote is kept.</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/call_bar.py" line="+86" />
        <source>☎ %1 · ringing</source>
        <translation>☎ %1 · ringing</translation>
    </message>
    <message>
        <location line="+2" />
        <source>☎ %1 · on the line</source>
        <translation>☎ %1 · on the line</translation>
    </message>
    <message>
        <location line="+2" />
        <source>☎ %1 · the caller hung up before the answer</source>
        <translation>☎ %1 · the caller hung up before the answer</translation>
    </message>
    <message>
        <location line="+3" />
        <source>☎ %1 · call ended, talk time</source>
        <translation>☎ %1 · call ended, talk time</translation>
    </message>
</context>
<context>
    <name>CallNotification</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/call_notification.py" line="+148" />
        <source>Accept (%1)</source>
        <translation>Accept (%1)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dismiss (%1)</source>
        <translation>Dismiss (%1)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Known customer</source>
        <translation>Known customer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Several customers have this number</source>
        <translation>Several customers have this number</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Number withheld</source>
        <translation>Number withheld</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unknown caller</source>
        <translation>Unknown caller</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unknown number</source>
        <translation>Unknown number</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Unknown caller: no customer has this number</source>
        <translation>Unknown caller: no customer has this number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>☎ %1</source>
        <translation>☎ %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Queue: %1</source>
        <translation>Queue: %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Direct call</source>
        <translation>Direct call</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incoming call: %1</source>
        <translation>Incoming call: %1</translation>
    </message>
</context>
<context>
    <name>CallerPrompt</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/caller_prompt.py" line="+149" />
        <source>Who is calling?</source>
        <translation>Who is calling?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Caller %1</source>
        <translation>Caller %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source> There are more; search by the number to see them all.</source>
        <translation> There are more; search by the number to see them all.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Several customers have this number. Choose who is calling; the phone contact has started in the contact panel.</source>
        <translation>Several customers have this number. Choose who is calling; the phone contact has started in the contact panel.</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+9" />
        <source>Unknown caller</source>
        <translation>Unknown caller</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Unknown caller, number withheld</source>
        <translation>Unknown caller, number withheld</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Ask who is calling and search for them. The phone contact has started in the contact panel; link it to the customer once found.</source>
        <translation>Ask who is calling and search for them. The phone contact has started in the contact panel; link it to the customer once found.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Unknown caller %1</source>
        <translation>Unknown caller %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No customer has this number. Search for the caller, add them as a new customer, or link the call to the customer open in the current tab. The phone contact has started in the contact panel.</source>
        <translation>No customer has this number. Search for the caller, add them as a new customer, or link the call to the customer open in the current tab. The phone contact has started in the contact panel.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Search by the number</source>
        <translation>&amp;Search by the number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New customer…</source>
        <translation>&amp;New customer…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Link to %1</source>
        <translation>&amp;Link to %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Link to the open customer</source>
        <translation>&amp;Link to the open customer</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Name from the phone network: %1</source>
        <translation>Name from the phone network: %1</translation>
    </message>
</context>
<context>
    <name>CaseDeadlines</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/case_deadlines.py" line="+24" />
        <source>Cases: %1 overdue, %2 due within %3 working days</source>
        <translation>Cases: %1 overdue, %2 due within %3 working days</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/cases/case_dialog.py" line="+150" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Filed as %1</source>
        <translation>Filed as %1</translation>
    </message>
    <message>
        <location line="+23" />
        <source>assigned to %1</source>
        <translation>assigned to %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>was due %1</source>
        <translation>was due %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>due %1, %2 working days overdue</source>
        <translation>due %1, %2 working days overdue</translation>
    </message>
    <message>
        <location line="+3" />
        <source>due %1, %2 working days left</source>
        <translation>due %1, %2 working days left</translation>
    </message>
    <message>
        <location line="+2" />
        <source>back office %1 %2</source>
        <translation>back office %1 %2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The case could not be read; close this and open it again.</source>
        <translation>The case could not be read; close this and open it again.</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+102" />
        <source>(keep)</source>
        <translation>(keep)</translation>
    </message>
    <message>
        <location line="-56" />
        <source>Someone else changed this case meanwhile. It is shown as it is now; your note is kept.</source>
        <translation>Someone else changed this case meanwhile. It is shown as it is now; your note is kept.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The change was not saved (the database could not be reached); try again.</source>
        <translation>The change was not saved (the database could not be reached); try again.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Write a note saying why: it stays in the case's history.</source>
        <translation>Write a note saying why: it stays in the case's history.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose the department to assign the case to.</source>
        <translation>Choose the department to assign the case to.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>That person is no longer on the staff list; choose another.</source>
        <translation>That person is no longer on the staff list; choose another.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The due date cannot be before the case was filed.</source>
        <translation>The due date cannot be before the case was filed.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>That step is not possible from the case's current state; choose another.</source>
        <translation>That step is not possible from the case's current state; choose another.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Service case</source>
        <translation>Service case</translation>
    </message>
    <message>
        <location line="+3" />
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Next step</source>
        <translation>&amp;Next step</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Department</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apply the next step (Ctrl+Enter)</source>
        <translation>Apply the next step (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case history</source>
        <translation>Case history</translation>
    </message>
</context>
<context>
    <name>CasesSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_sections.py" line="+304" />
        <location line="+11" />
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Double-click a case (or press Enter) for its history and next step</source>
        <translation>Double-click a case (or press Enter) for its history and next step</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Open cases (%1)</source>
        <translation>Open cases (%1)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No open cases.</source>
        <translation>No open cases.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 overdue</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The due date has passed</source>
        <translation>The due date has passed</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_form/conflict_panel.py" line="+124" />
        <source>This customer was saved on another workstation while you were editing. Nothing has been overwritten. Compare the versions (differences are highlighted) and choose which one to keep.</source>
        <translation>This customer was saved on another workstation while you were editing. Nothing has been overwritten. Compare the versions (differences are highlighted) and choose which one to keep.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Saved on the other workstation</source>
        <translation>Saved on the other workstation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Your version</source>
        <translation>Your version</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Keep theirs</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Discard your changes and show the version saved elsewhere</source>
        <translation>Discard your changes and show the version saved elsewhere</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apply mine on top</source>
        <translation>Apply mine on top</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save your version over the new one</source>
        <translation>Save your version over the new one</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First names</source>
        <translation>First names</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Identity code</source>
        <translation>Identity code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Business ID</source>
        <translation>Business ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phones</source>
        <translation>Phones</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mails</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Street address</source>
        <translation>Street address</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+30" />
        <source>Address protected</source>
        <translation>Address protected</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_form.py" line="+216" />
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Topic</source>
        <translation>&amp;Topic</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Cha&amp;nnel</source>
        <translation>Cha&amp;nnel</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Department</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>O&amp;utcome</source>
        <translation>O&amp;utcome</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;ase</source>
        <translation>C&amp;ase</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Caller not identified</source>
        <translation>Caller not identified</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Type to find a topic…</source>
        <translation>Type to find a topic…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title of the new case</source>
        <translation>Title of the new case</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unidentified caller</source>
        <translation>Unidentified caller</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Customer %1</source>
        <translation>Customer %1</translation>
    </message>
    <message>
        <location line="+71" />
        <source>— none —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <location line="+13" />
        <source>No case</source>
        <translation>No case</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open a new case…</source>
        <translation>Open a new case…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Link to case #%1: %2</source>
        <translation>Link to case #%1: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(due %1)</source>
        <translation>(due %1)</translation>
    </message>
</context>
<context>
    <name>ContactMessages</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/field_messages.py" line="+22" />
        <location line="+26" />
        <source>Choose a topic from the list</source>
        <translation>Choose a topic from the list</translation>
    </message>
    <message>
        <location line="-25" />
        <source>Choose how the contact ended</source>
        <translation>Choose how the contact ended</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The start time has no time zone</source>
        <translation>The start time has no time zone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The start time is in the future</source>
        <translation>The start time is in the future</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Give the new case a title or link an existing case</source>
        <translation>Give the new case a title or link an existing case</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Identify the customer before opening a case</source>
        <translation>Identify the customer before opening a case</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The linked case does not belong to this customer</source>
        <translation>The linked case does not belong to this customer</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A new case needs a due date</source>
        <translation>A new case needs a due date</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The due date is in the past</source>
        <translation>The due date is in the past</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose the department the contact is forwarded to</source>
        <translation>Choose the department the contact is forwarded to</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The customer is no longer in the register</source>
        <translation>The customer is no longer in the register</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The contact is already linked to another customer</source>
        <translation>The contact is already linked to another customer</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Notes can be at most %1 characters (now %2)</source>
        <translation>Notes can be at most %1 characters (now %2)</translation>
    </message>
</context>
<context>
    <name>ContactSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_sections.py" line="-141" />
        <source>Contact details</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+7" />
        <source>primary</source>
        <translation>primary</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Address protected (related person)</source>
        <translation>Address protected (related person)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A person who lives with this customer has a protected address (turvakielto): this address is theirs too, so it is not shown and must not be given out.</source>
        <translation>A person who lives with this customer has a protected address (turvakielto): this address is theirs too, so it is not shown and must not be given out.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Address protected</source>
        <translation>Address protected</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Protected address (turvakielto): the address is not shown and must not be given out.</source>
        <translation>Protected address (turvakielto): the address is not shown and must not be given out.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Address: %1, %2</source>
        <translation>Address: %1, %2</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../agentdesk_desktop/core_messages.py" line="+55" />
        <source>A search can be at most %1 characters, this one has %2</source>
        <translation>A search can be at most %1 characters, this one has %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A search can have at most %1 words, this one has %2</source>
        <translation>A search can have at most %1 words, this one has %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A word in a search can be at most %1 letters, one here has %2</source>
        <translation>A word in a search can be at most %1 letters, one here has %2</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The personal identity code is empty</source>
        <translation>The personal identity code is empty</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A personal identity code has 11 characters, this one has %1</source>
        <translation>A personal identity code has 11 characters, this one has %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Invalid character %1 at position %2: the date of birth must be digits</source>
        <translation>Invalid character %1 at position %2: the date of birth must be digits</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Invalid character %1 at position %2: the individual number must be digits</source>
        <translation>Invalid character %1 at position %2: the individual number must be digits</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Unknown century sign %1</source>
        <translation>Unknown century sign %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No such date: %1</source>
        <translation>No such date: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Individual number %1 is not issued</source>
        <translation>Individual number %1 is not issued</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 is never a check character; it should be %2</source>
        <translation>%1 is never a check character; it should be %2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Check character should be %1</source>
        <translation>Check character should be %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The identity code's birth date is in the future</source>
        <translation>The identity code's birth date is in the future</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not a valid personal identity code</source>
        <translation>Not a valid personal identity code</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The business ID is empty</source>
        <translation>The business ID is empty</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A business ID (Y-tunnus) is seven digits, a hyphen and a check digit, e.g. 0112038-9</source>
        <translation>A business ID (Y-tunnus) is seven digits, a hyphen and a check digit, e.g. 0112038-9</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The digits %1 give remainder 1: no valid business ID has these digits</source>
        <translation>The digits %1 give remainder 1: no valid business ID has these digits</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Check digit should be %1</source>
        <translation>Check digit should be %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not a valid business ID</source>
        <translation>Not a valid business ID</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The phone number is empty</source>
        <translation>The phone number is empty</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not a phone number</source>
        <translation>Not a phone number</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unknown country code</source>
        <translation>Unknown country code</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Too short to be a phone number</source>
        <translation>Too short to be a phone number</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Too long to be a phone number</source>
        <translation>Too long to be a phone number</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Wrong length for a phone number in %1</source>
        <translation>Wrong length for a phone number in %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Not a valid number in %1</source>
        <translation>Not a valid number in %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The e-mail address is empty</source>
        <translation>The e-mail address is empty</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Spaces are not allowed in an e-mail address</source>
        <translation>Spaces are not allowed in an e-mail address</translation>
    </message>
    <message>
        <location line="+2" />
        <source>An e-mail address needs one @</source>
        <translation>An e-mail address needs one @</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The part before @ is empty</source>
        <translation>The part before @ is empty</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The part after @ is empty</source>
        <translation>The part after @ is empty</translation>
    </message>
    <message>
        <location line="+3" />
        <source>An e-mail address can be at most %1 characters, this one has %2</source>
        <translation>An e-mail address can be at most %1 characters, this one has %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The part before @ can be at most %1 characters, this one has %2</source>
        <translation>The part before @ can be at most %1 characters, this one has %2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The character %1 is not allowed before @</source>
        <translation>The character %1 is not allowed before @</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Dots before @ must be single and cannot start or end that part</source>
        <translation>Dots before @ must be single and cannot start or end that part</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The character %1 is not allowed in the domain</source>
        <translation>The character %1 is not allowed in the domain</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The domain %1 has no dot</source>
        <translation>The domain %1 has no dot</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The domain %1 has an empty part between dots</source>
        <translation>The domain %1 has an empty part between dots</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A part of the domain %1 starts or ends with a hyphen</source>
        <translation>A part of the domain %1 starts or ends with a hyphen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A part of the domain can be at most %1 characters</source>
        <translation>A part of the domain can be at most %1 characters</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The domain %1 does not end in a top-level domain</source>
        <translation>The domain %1 does not end in a top-level domain</translation>
    </message>
</context>
<context>
    <name>CustomerDesk</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_desk.py" line="+193" />
        <source>&amp;Knowledge base…</source>
        <translation>&amp;Knowledge base…</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_form/customer_dialog.py" line="+206" />
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Edit customer</source>
        <translation>Edit customer</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;First names</source>
        <translation>&amp;First names</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+0" />
        <source>&amp;Last name</source>
        <translation>&amp;Last name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Identity code</source>
        <translation>&amp;Identity code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Business ID</source>
        <translation>&amp;Business ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Birth date</source>
        <translation>&amp;Birth date</translation>
    </message>
    <message>
        <location line="+1" />
        <source>L&amp;anguage</source>
        <translation>L&amp;anguage</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Phone numbers</source>
        <translation>&amp;Phone numbers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;E-mail addresses</source>
        <translation>&amp;E-mail addresses</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Street address</source>
        <translation>&amp;Street address</translation>
    </message>
    <message>
        <location line="+1" />
        <source>P&amp;ostal code</source>
        <translation>P&amp;ostal code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Municipality</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+3" />
        <source>e.g. 010594Y9032</source>
        <translation>e.g. 010594Y9032</translation>
    </message>
    <message>
        <location line="+1" />
        <source>e.g. 0112038-9</source>
        <translation>e.g. 0112038-9</translation>
    </message>
    <message>
        <location line="+1" />
        <source>d.m.yyyy (from the identity code if empty)</source>
        <translation>d.m.yyyy (from the identity code if empty)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>040 123 4567; separate several with a comma</source>
        <translation>040 123 4567; separate several with a comma</translation>
    </message>
    <message>
        <location line="+1" />
        <source>name@example.fi; separate several with a comma</source>
        <translation>name@example.fi; separate several with a comma</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Address protected (turvakielto). The address is not shown here and stays as it is in the register.</source>
        <translation>Address protected (turvakielto). The address is not shown here and stays as it is in the register.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the customer (Ctrl+Enter)</source>
        <translation>Save the customer (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+87" />
        <source>The customer could not be loaded. Close this window and try again.</source>
        <translation>The customer could not be loaded. Close this window and try again.</translation>
    </message>
    <message>
        <location line="+131" />
        <source>The customer could not be saved. Nothing you typed is lost; try again in a moment.</source>
        <translation>The customer could not be saved. Nothing you typed is lost; try again in a moment.</translation>
    </message>
</context>
<context>
    <name>CustomerMessages</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_form/customer_messages.py" line="+47" />
        <source>A customer with this identity code already exists</source>
        <translation>A customer with this identity code already exists</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The identity code's birth date is in the future</source>
        <translation>The identity code's birth date is in the future</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Write the date as d.m.yyyy, e.g. 5.1.1980</source>
        <translation>Write the date as d.m.yyyy, e.g. 5.1.1980</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The birth date is in the future</source>
        <translation>The birth date is in the future</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Does not match the identity code (%1)</source>
        <translation>Does not match the identity code (%1)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The last name is required</source>
        <translation>The last name is required</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The name is required</source>
        <translation>The name is required</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The first name is required</source>
        <translation>The first name is required</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A Finnish postal code has five digits</source>
        <translation>A Finnish postal code has five digits</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The municipality is required with an address</source>
        <translation>The municipality is required with an address</translation>
    </message>
</context>
<context>
    <name>CustomerOverviewView</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/customer_overview_view.py" line="+283" />
        <source>Contact logging</source>
        <translation>Contact logging</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department panels</source>
        <translation>Department panels</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Panels from the department plugins installed on this workstation (social services, health care, technical services and others) appear here: what each back-office system knows about this customer, for the staff allowed to see it.</source>
        <translation>Panels from the department plugins installed on this workstation (social services, health care, technical services and others) appear here: what each back-office system knows about this customer, for the staff allowed to see it.</translation>
    </message>
</context>
<context>
    <name>CustomerSummaryView</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_summary.py" line="+153" />
        <source>Loading customer…</source>
        <translation>Loading customer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Personal identity code</source>
        <translation>Personal identity code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Business ID</source>
        <translation>Business ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+4" />
        <source>From the customer register</source>
        <translation>From the customer register</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Protected address (turvakielto): the address is not shown and must not be given out.</source>
        <translation>Protected address (turvakielto): the address is not shown and must not be given out.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Finnish</source>
        <translation>Finnish</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Swedish</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <location line="+1" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Address protected</source>
        <translation>Address protected</translation>
    </message>
    <message>
        <location line="+23" />
        <source>This customer is no longer in the register.</source>
        <translation>This customer is no longer in the register.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The customer could not be loaded. Check the connection and try again.</source>
        <translation>The customer could not be loaded. Check the connection and try again.</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/dashboard_window.py" line="+338" />
        <source>The figures could not be refreshed (%1); trying again.</source>
        <translation>The figures could not be refreshed (%1); trying again.</translation>
    </message>
    <message>
        <location line="+119" />
        <source>Supervisor dashboard – AgentDesk</source>
        <translation>Supervisor dashboard – AgentDesk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Today's contacts</source>
        <translation>Today's contacts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By channel</source>
        <translation>By channel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By hour</source>
        <translation>By hour</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No active queues. Queues are set up by the administrator.</source>
        <translation>No active queues. Queues are set up by the administrator.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quarantined e-mail…</source>
        <translation>Quarantined e-mail…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Supervisor dashboard</source>
        <translation>Supervisor dashboard</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Loading the figures…</source>
        <translation>Loading the figures…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Supervisor dashboard · %1</source>
        <translation>Supervisor dashboard · %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 contacts logged today</source>
        <translation>%1 contacts logged today</translation>
    </message>
</context>
<context>
    <name>DataProtectionWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/data_protection/dpo_window.py" line="+197" />
        <source>Data protection — who handled a citizen's data</source>
        <translation>Data protection — who handled a citizen's data</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen:</source>
        <translation>Citizen:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name, henkilötunnus or customer id</source>
        <translation>Name, henkilötunnus or customer id</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <location line="+1" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1" />
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show period</source>
        <translation>Show period</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Purpose contains…</source>
        <translation>Purpose contains…</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+10" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="-9" />
        <location line="+9" />
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+6" />
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Break the glass — openings of restricted customers to review</source>
        <translation>Break the glass — openings of restricted customers to review</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen's access-log document…</source>
        <translation>Citizen's access-log document…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Finnish</source>
        <translation>Finnish</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Swedish</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <location line="+0" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Type a name, a henkilötunnus or a customer id.</source>
        <translation>Type a name, a henkilötunnus or a customer id.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>No citizen found.</source>
        <translation>No citizen found.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose the citizen (Enter or double-click).</source>
        <translation>Choose the citizen (Enter or double-click).</translation>
    </message>
    <message>
        <location line="+15" />
        <source>The period ends before it starts.</source>
        <translation>The period ends before it starts.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reading the audit log…</source>
        <translation>Reading the audit log…</translation>
    </message>
    <message>
        <location line="+23" />
        <source>All staff</source>
        <translation>All staff</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location line="+27" />
        <source>%1 (listed among %2)</source>
        <translation>%1 (listed among %2)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 (#%2): %3 of %4 accesses in the period.</source>
        <translation>%1 (#%2): %3 of %4 accesses in the period.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>More than this in the period: choose a shorter period.</source>
        <translation>More than this in the period: choose a shorter period.</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Break the glass — openings of restricted customers to review: %1</source>
        <translation>Break the glass — openings of restricted customers to review: %1</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The citizen's access-log document</source>
        <translation>The citizen's access-log document</translation>
    </message>
    <message>
        <location line="+1" />
        <source>HTML documents (*.html)</source>
        <translation>HTML documents (*.html)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Wrote %1.</source>
        <translation>Wrote %1.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No such citizen.</source>
        <translation>No such citizen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cannot write the file: %1</source>
        <translation>Cannot write the file: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The audit log cannot be read now. Try again in a moment.</source>
        <translation>The audit log cannot be read now. Try again in a moment.</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <location filename="../../agentdesk_desktop/start_up.py" line="+189" />
        <source>The database %1 has no AgentDesk data yet. Ask IT to prepare it (agentdesk db upgrade).</source>
        <translation>The database %1 has no AgentDesk data yet. Ask IT to prepare it (agentdesk db upgrade).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The database %1 was made for an older version of AgentDesk. Ask IT to upgrade it (agentdesk db upgrade) before using the desk.</source>
        <translation>The database %1 was made for an older version of AgentDesk. Ask IT to upgrade it (agentdesk db upgrade) before using the desk.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The database %1 was made for a newer version of AgentDesk. Update AgentDesk on this workstation.</source>
        <translation>The database %1 was made for a newer version of AgentDesk. Update AgentDesk on this workstation.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Cannot open the database %1. Check the network connection; if the problem continues, contact IT support.</source>
        <translation>Cannot open the database %1. Check the network connection; if the problem continues, contact IT support.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>AgentDesk cannot start</source>
        <translation>AgentDesk cannot start</translation>
    </message>
    <message>
        <location line="+29" />
        <source>This workstation has no sign-in configured. IT connects AgentDesk to the city's directory in the department profile ([directory]: url, base_dn, group_roles) and stores the service account's password with: agentdesk secrets set directory. Contact IT support.</source>
        <translation>This workstation has no sign-in configured. IT connects AgentDesk to the city's directory in the department profile ([directory]: url, base_dn, group_roles) and stores the service account's password with: agentdesk secrets set directory. Contact IT support.</translation>
    </message>
    <message>
        <location line="+88" />
        <source>The configuration of AgentDesk could not be read (%1). Contact IT support.</source>
        <translation>The configuration of AgentDesk could not be read (%1). Contact IT support.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/app.py" line="+251" />
        <source>No secure keyring on this computer: unsaved contacts are kept in memory only and will not survive a crash.</source>
        <translation>No secure keyring on this computer: unsaved contacts are kept in memory only and will not survive a crash.</translation>
    </message>
</context>
<context>
    <name>DeskPlugins</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/desk_plugins.py" line="+158" />
        <source>Department plugins could not be started; see the log.</source>
        <translation>Department plugins could not be started; see the log.</translation>
    </message>
    <message>
        <location line="+302" />
        <source>Some department plugins are not in use: %1. See Help ▸ Plugins.</source>
        <translation>Some department plugins are not in use: %1. See Help ▸ Plugins.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>&amp;Plugins…</source>
        <translation>&amp;Plugins…</translation>
    </message>
</context>
<context>
    <name>DirectorySignInDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/sign_in_directory.py" line="+90" />
        <source>Type your username.</source>
        <translation>Type your username.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Type your password.</source>
        <translation>Type your password.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Signed in, but the database could not be reached. Check the network connection and try again.</source>
        <translation>Signed in, but the database could not be reached. Check the network connection and try again.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Wrong username or password. Check them and try again.</source>
        <translation>Wrong username or password. Check them and try again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your account is locked after too many wrong passwords, or by IT. Wait a while or call IT support.</source>
        <translation>Your account is locked after too many wrong passwords, or by IT. Wait a while or call IT support.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Your password has expired. Change it in the city's password service, then sign in again.</source>
        <translation>Your password has expired. Change it in the city's password service, then sign in again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your account has expired. Ask your supervisor or IT support.</source>
        <translation>Your account has expired. Ask your supervisor or IT support.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The city's directory does not answer. Check the network connection and try again; if it continues, call IT support.</source>
        <translation>The city's directory does not answer. Check the network connection and try again; if it continues, call IT support.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>You signed in, but your account is in no group that gives a role in AgentDesk. Ask your supervisor to have you added to your team's group.</source>
        <translation>You signed in, but your account is in no group that gives a role in AgentDesk. Ask your supervisor to have you added to your team's group.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>AgentDesk cannot search the directory on this workstation (its service account was refused or has no password here). Call IT support.</source>
        <translation>AgentDesk cannot search the directory on this workstation (its service account was refused or has no password here). Call IT support.</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Sign in to AgentDesk</source>
        <translation>Sign in to AgentDesk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign in with your city account (the one you use for your workstation).</source>
        <translation>Sign in with your city account (the one you use for your workstation).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Caps Lock is on.</source>
        <translation>Caps Lock is on.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>DraftOffer</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/draft_offer.py" line="+56" />
        <source>Customer %1</source>
        <translation>Customer %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1, unsaved contact from %2</source>
        <translation>%1, unsaved contact from %2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Unsaved contacts</source>
        <translation>Unsaved contacts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>AgentDesk closed before these contacts were saved. Open the customers to restore them?</source>
        <translation>AgentDesk closed before these contacts were saved. Open the customers to restore them?</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Later</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/drill_down.py" line="+165" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 items</source>
        <translation>%1 items</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The items could not be read; choose the list again to retry.</source>
        <translation>The items could not be read; choose the list again to retry.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1: items</source>
        <translation>%1: items</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Waiting now, in the order they will be served</source>
        <translation>Waiting now, in the order they will be served</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting past the target time</source>
        <translation>Waiting past the target time</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gave up today</source>
        <translation>Gave up today</translation>
    </message>
</context>
<context>
    <name>DueCases</name>
    <message>
        <location filename="../../agentdesk_desktop/work/due_cases.py" line="+61" />
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cases overdue or due soon</source>
        <translation>Cases overdue or due soon</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No cases overdue or due soon.</source>
        <translation>No cases overdue or due soon.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cases: %1 overdue · %2 due soon</source>
        <translation>Cases: %1 overdue · %2 due soon</translation>
    </message>
    <message>
        <location line="+7" />
        <source>1 working day overdue</source>
        <translation>1 working day overdue</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 working days overdue</source>
        <translation>%1 working days overdue</translation>
    </message>
    <message>
        <location line="+2" />
        <source>due today</source>
        <translation>due today</translation>
    </message>
    <message>
        <location line="+3" />
        <source>due in 1 working day</source>
        <translation>due in 1 working day</translation>
    </message>
    <message>
        <location line="+0" />
        <source>due in %1 working days</source>
        <translation>due in %1 working days</translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <location filename="../../agentdesk_desktop/customer_form/duplicate_panel.py" line="+55" />
        <source>Possible duplicates: is the customer already in the register?</source>
        <translation>Possible duplicates: is the customer already in the register?</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check the customers above. Press Save again to create a new customer anyway.</source>
        <translation>Check the customers above. Press Save again to create a new customer anyway.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 (born %2)</source>
        <translation>%1 (born %2)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Open this customer</source>
        <translation>Open this customer</translation>
    </message>
</context>
<context>
    <name>EmailThreadDock</name>
    <message>
        <location filename="../../agentdesk_desktop/mail/thread_dock.py" line="+184" />
        <source>Opening the e-mail…</source>
        <translation>Opening the e-mail…</translation>
    </message>
    <message>
        <location line="+31" />
        <source>This e-mail is not in the database (it may still be arriving). Try again shortly.</source>
        <translation>This e-mail is not in the database (it may still be arriving). Try again shortly.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The e-mail could not be read just now. Try again.</source>
        <translation>The e-mail could not be read just now. Try again.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>(no text)</source>
        <translation>(no text)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Too large to keep in the desk: open it from the mailbox.</source>
        <translation>Too large to keep in the desk: open it from the mailbox.</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Saved as %1; not opened, as it is a program or a script.</source>
        <translation>Saved as %1; not opened, as it is a program or a script.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Saved as %1; no program on this computer opens it.</source>
        <translation>Saved as %1; no program on this computer opens it.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Opened %1.</source>
        <translation>Opened %1.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The attachment could not be opened just now. Try again.</source>
        <translation>The attachment could not be opened just now. Try again.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Write the reply first.</source>
        <translation>Write the reply first.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Reply sent: %1</source>
        <translation>Reply sent: %1</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The reply was not sent: the mail server could not be reached or refused it.</source>
        <translation>The reply was not sent: the mail server could not be reached or refused it.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your text is kept; try again.</source>
        <translation>Your text is kept; try again.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The reply is empty or too long.</source>
        <translation>The reply is empty or too long.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The reply may have been sent but could not be logged. Check the timeline before sending again.</source>
        <translation>The reply may have been sent but could not be logged. Check the timeline before sending again.</translation>
    </message>
    <message>
        <location line="+27" />
        <source>The conversation is now the customer's.</source>
        <translation>The conversation is now the customer's.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The conversation is already linked to another customer.</source>
        <translation>The conversation is already linked to another customer.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The link could not be saved just now. Try again.</source>
        <translation>The link could not be saved just now. Try again.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open an e-mail from the inbox (Next, or a double-click).</source>
        <translation>Open an e-mail from the inbox (Next, or a double-click).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Unknown sender: %1</source>
        <translation>Unknown sender: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Link to customer…</source>
        <translation>&amp;Link to customer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Messages of the conversation</source>
        <translation>Messages of the conversation</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The message</source>
        <translation>The message</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shown as text: the sender's formatting, pictures and links are not loaded.</source>
        <translation>Shown as text: the sender's formatting, pictures and links are not loaded.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reply</source>
        <translation>&amp;Reply</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Write the reply; Ctrl+Return sends it.</source>
        <translation>Write the reply; Ctrl+Return sends it.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Send reply</source>
        <translation>&amp;Send reply</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/errors.py" line="+85" />
        <source>AgentDesk – error</source>
        <translation>AgentDesk – error</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Several errors occurred. You can keep working; if the problem continues, send the details below to IT support. The reports are saved in %1.</source>
        <translation>Several errors occurred. You can keep working; if the problem continues, send the details below to IT support. The reports are saved in %1.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Something went wrong. You can keep working; if the problem continues, send the details below to IT support. The report is saved to %1.</source>
        <translation>Something went wrong. You can keep working; if the problem continues, send the details below to IT support. The report is saved to %1.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Something went wrong. You can keep working; if the problem continues, send the details below to IT support.</source>
        <translation>Something went wrong. You can keep working; if the problem continues, send the details below to IT support.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location line="+148" />
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>AgentDesk closed unexpectedly last time — details saved to %1</source>
        <translation>AgentDesk closed unexpectedly last time — details saved to %1</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/figures.py" line="+28" />
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On a break</source>
        <translation>On a break</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/form_fields.py" line="+111" />
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+97" />
        <source>Fill this in.</source>
        <translation>Fill this in.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>At most %1 characters (now %2).</source>
        <translation>At most %1 characters (now %2).</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 characters</translation>
    </message>
</context>
<context>
    <name>InboxDock</name>
    <message>
        <location filename="../../agentdesk_desktop/work/inbox_dock.py" line="+174" />
        <source>Yours</source>
        <translation>Yours</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location line="+23" />
        <source>The inbox could not be read just now; it tries again shortly.</source>
        <translation>The inbox could not be read just now; it tries again shortly.</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Nothing waits for you in your queues.</source>
        <translation>Nothing waits for you in your queues.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>You took: %1</source>
        <translation>You took: %1</translation>
    </message>
    <message>
        <location line="+43" />
        <source>Transferred.</source>
        <translation>Transferred.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Finished: %1</source>
        <translation>Finished: %1</translation>
    </message>
    <message>
        <location line="+10" />
        <source>The item is no longer yours: it went back to its queue or was taken by someone else.</source>
        <translation>The item is no longer yours: it went back to its queue or was taken by someone else.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choose a queue or an agent to transfer to.</source>
        <translation>Choose a queue or an agent to transfer to.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The item is in that queue already; choose another queue or an agent.</source>
        <translation>The item is in that queue already; choose another queue or an agent.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>That queue is closed; choose another.</source>
        <translation>That queue is closed; choose another.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>That agent is no longer active; choose another.</source>
        <translation>That agent is no longer active; choose another.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The note is too long.</source>
        <translation>The note is too long.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>That wrap-up code is not in use any more.</source>
        <translation>That wrap-up code is not in use any more.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database could not be reached; nothing was changed. Try again.</source>
        <translation>The database could not be reached; nothing was changed. Try again.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Inbox (%1 waiting)</source>
        <translation>Inbox (%1 waiting)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location line="+3" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waited</source>
        <translation>Waited</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Work items</source>
        <translation>Work items</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Take the next item the routing picks for you</source>
        <translation>Take the next item the routing picks for you</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Transfer…</source>
        <translation>&amp;Transfer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wrap-up code</source>
        <translation>Wrap-up code</translation>
    </message>
</context>
<context>
    <name>InteractionPanel</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+110" />
        <source>New contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start logging a new contact (Ctrl+N)</source>
        <translation>Start logging a new contact (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/draft_restore_banner.py" line="+60" />
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+2" />
        <source>Save contact</source>
        <translation>Save contact</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save the contact (Ctrl+Enter)</source>
        <translation>Save the contact (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/interaction_panel.py" line="+168" />
        <source>Link the last contact to %1</source>
        <translation>Link the last contact to %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+4" />
        <source>Contact saved. Press Ctrl+N to log the next one.</source>
        <translation>Contact saved. Press Ctrl+N to log the next one.</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Log a contact</source>
        <translation>Log a contact</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Handle time of the contact in progress (minutes:seconds)</source>
        <translation>Handle time of the contact in progress (minutes:seconds)</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/interaction_panel.py" line="+2" />
        <source>Link the last contact to this customer</source>
        <translation>Link the last contact to this customer</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+10" />
        <source>No contact in progress. Press Ctrl+N or “New contact” to log a phone call, an e-mail, a walk-in visit or a web contact.</source>
        <translation>No contact in progress. Press Ctrl+N or “New contact” to log a phone call, an e-mail, a walk-in visit or a web contact.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/draft_restore_banner.py" line="+11" />
        <source>Restore unsaved contact from %1?</source>
        <translation>Restore unsaved contact from %1?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(%1 more after this one)</source>
        <translation>(%1 more after this one)</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/interaction_panel.py" line="+119" />
        <source>Save or cancel the contact in progress before restoring another.</source>
        <translation>Save or cancel the contact in progress before restoring another.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/contact_panel_frame.py" line="+41" />
        <source>The database cannot be reached. The contact is kept on this computer and saved automatically when the connection returns. Press Ctrl+N to log the next one.</source>
        <translation>The database cannot be reached. The contact is kept on this computer and saved automatically when the connection returns. Press Ctrl+N to log the next one.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/logging/interaction_panel.py" line="+124" />
        <source>The contact could not be saved. Nothing you typed is lost; try again in a moment.</source>
        <translation>The contact could not be saved. Nothing you typed is lost; try again in a moment.</translation>
    </message>
    <message>
        <location line="+45" />
        <source>The contact is now linked to the customer.</source>
        <translation>The contact is now linked to the customer.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Linking the contact failed; try again in a moment.</source>
        <translation>Linking the contact failed; try again in a moment.</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/drill_down.py" line="-109" />
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location line="+1" />
        <source>offered</source>
        <translation>offered</translation>
    </message>
    <message>
        <location line="+1" />
        <source>in service</source>
        <translation>in service</translation>
    </message>
    <message>
        <location line="+1" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+1" />
        <source>gave up</source>
        <translation>gave up</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Arrived</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Waited</source>
        <translation>Waited</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Target time</source>
        <translation>Target time</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>KnowledgeEditor</name>
    <message>
        <location filename="../../agentdesk_desktop/knowledge/knowledge_editor.py" line="+78" />
        <source>Knowledge base</source>
        <translation>Knowledge base</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Knowledge base entries</source>
        <translation>Knowledge base entries</translation>
    </message>
    <message>
        <location line="+4" />
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+69" />
        <source>Quick text</source>
        <translation>Quick text</translation>
    </message>
    <message>
        <location line="-69" />
        <location line="+69" />
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location line="-69" />
        <location line="+69" />
        <source>Call script</source>
        <translation>Call script</translation>
    </message>
    <message>
        <location line="-66" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+3" />
        <source>e.g. greet — typed as ;greet + Tab</source>
        <translation>e.g. greet — typed as ;greet + Tab</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Any topic</source>
        <translation>Any topic</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Finnish</source>
        <translation>Finnish</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Swedish</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <location line="+0" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Text. Placeholders: {customer_name} {case_number} {agent_name} {today}</source>
        <translation>Text. Placeholders: {customer_name} {case_number} {agent_name} {today}</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+90" />
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Someone else saved this entry meanwhile. Choose it again to see theirs.</source>
        <translation>Someone else saved this entry meanwhile. Choose it again to see theirs.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your role may not edit the knowledge base.</source>
        <translation>Your role may not edit the knowledge base.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The entry could not be saved. Try again in a moment.</source>
        <translation>The entry could not be saved. Try again in a moment.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>A shortcut is 2–31 letters a–z, digits, - or _, e.g. greet.</source>
        <translation>A shortcut is 2–31 letters a–z, digits, - or _, e.g. greet.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose the topic this belongs to (a call script always has one).</source>
        <translation>Choose the topic this belongs to (a call script always has one).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Write the text in at least one language.</source>
        <translation>Write the text in at least one language.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Another quick text already has this shortcut.</source>
        <translation>Another quick text already has this shortcut.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Give the text a title (or leave both empty).</source>
        <translation>Give the text a title (or leave both empty).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The title has no text (or the text is too long).</source>
        <translation>The title has no text (or the text is too long).</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Nothing was saved: see the messages above.</source>
        <translation>Nothing was saved: see the messages above.</translation>
    </message>
</context>
<context>
    <name>KnowledgePane</name>
    <message>
        <location filename="../../agentdesk_desktop/knowledge/knowledge_pane.py" line="+71" />
        <location line="+34" />
        <source>Choose a topic to see its call script, or search.</source>
        <translation>Choose a topic to see its call script, or search.</translation>
    </message>
    <message>
        <location line="-26" />
        <source>Scripts and articles</source>
        <translation>Scripts and articles</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Search the knowledge base</source>
        <translation>Search the knowledge base</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Knowledge base results</source>
        <translation>Knowledge base results</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Knowledge base text</source>
        <translation>Knowledge base text</translation>
    </message>
    <message>
        <location line="+24" />
        <source>No script or article for this topic yet.</source>
        <translation>No script or article for this topic yet.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Nothing found.</source>
        <translation>Nothing found.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The knowledge base could not be read. Try again in a moment.</source>
        <translation>The knowledge base could not be read. Try again in a moment.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Script</source>
        <translation>Script</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Article</source>
        <translation>Article</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../agentdesk_desktop/widgets/labels.py" line="+36" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+6" />
        <source>incoming</source>
        <translation>incoming</translation>
    </message>
    <message>
        <location line="+1" />
        <source>outgoing</source>
        <translation>outgoing</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Resolved at first contact</source>
        <translation>Resolved at first contact</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Forwarded to a department</source>
        <translation>Forwarded to a department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case created</source>
        <translation>Case created</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unresolved</source>
        <translation>Unresolved</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Safety warning</source>
        <translation>Safety warning</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Needs an interpreter</source>
        <translation>Needs an interpreter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deceased</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address protected</source>
        <translation>Address protected</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Finnish</source>
        <translation>Finnish</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Swedish</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <location line="+1" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other language</source>
        <translation>Other language</translation>
    </message>
    <message>
        <location line="+6" />
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reopened</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location line="+8" />
        <source>mobile</source>
        <translation>mobile</translation>
    </message>
    <message>
        <location line="+1" />
        <source>home</source>
        <translation>home</translation>
    </message>
    <message>
        <location line="+1" />
        <source>work</source>
        <translation>work</translation>
    </message>
    <message>
        <location line="+1" />
        <source>landline</source>
        <translation>landline</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Water utility customer</source>
        <translation>Water utility customer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>City rental tenant</source>
        <translation>City rental tenant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Guardian of a child in daycare</source>
        <translation>Guardian of a child in daycare</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Guardian</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Represents</source>
        <translation>Represents</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Representative</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location line="+16" />
        <source>same birth date</source>
        <translation>same birth date</translation>
    </message>
    <message>
        <location line="+1" />
        <source>same phone number</source>
        <translation>same phone number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>same e-mail</source>
        <translation>same e-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>same address</source>
        <translation>same address</translation>
    </message>
    <message>
        <location line="+2" />
        <source>same identity code</source>
        <translation>same identity code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>same business ID</source>
        <translation>same business ID</translation>
    </message>
    <message>
        <location line="-13" />
        <source>similar name, same birth date</source>
        <translation>similar name, same birth date</translation>
    </message>
    <message>
        <location line="-53" />
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting for the citizen</source>
        <translation>Waiting for the citizen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting for the back office</source>
        <translation>Waiting for the back office</translation>
    </message>
    <message>
        <location line="+52" />
        <source>similar name, same phone number</source>
        <translation>similar name, same phone number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>similar name, same e-mail</source>
        <translation>similar name, same e-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>similar name, same address</source>
        <translation>similar name, same address</translation>
    </message>
    <message>
        <location line="+35" />
        <source>since %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>until %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/widgets/department_label.py" line="+18" />
        <source>Customer service</source>
        <translation>Customer service</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Education</source>
        <translation>Education</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Technical services</source>
        <translation>Technical services</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Housing</source>
        <translation>Housing</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Social services</source>
        <translation>Social services</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Health services</source>
        <translation>Health services</translation>
    </message>
</context>
<context>
    <name>LinkSenderDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/mail/link_sender_dialog.py" line="+38" />
        <source>Link the sender to a customer</source>
        <translation>Link the sender to a customer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Who is %1? Search and pick the customer.</source>
        <translation>Who is %1? Search and pick the customer.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Search for the customer</source>
        <translation>Search for the customer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name, henkilötunnus, phone or e-mail</source>
        <translation>Name, henkilötunnus, phone or e-mail</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Customers found</source>
        <translation>Customers found</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Link</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Type something to search for.</source>
        <translation>Type something to search for.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>No customer found; try a name or a henkilötunnus.</source>
        <translation>No customer found; try a name or a henkilötunnus.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The search could not be made just now. Try again.</source>
        <translation>The search could not be made just now. Try again.</translation>
    </message>
</context>
<context>
    <name>MailStatus</name>
    <message>
        <location filename="../../agentdesk_desktop/mail/mail_status.py" line="+47" />
        <source>E-mail: login refused</source>
        <translation>E-mail: login refused</translation>
    </message>
    <message>
        <location line="+2" />
        <source>E-mail: connected</source>
        <translation>E-mail: connected</translation>
    </message>
    <message>
        <location line="+2" />
        <source>E-mail: reconnecting…</source>
        <translation>E-mail: reconnecting…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>E-mail: stopped</source>
        <translation>E-mail: stopped</translation>
    </message>
    <message>
        <location line="+2" />
        <source>E-mail: connecting…</source>
        <translation>E-mail: connecting…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+9" />
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location line="+1" />
        <source>connecting</source>
        <translation>connecting</translation>
    </message>
    <message>
        <location line="+1" />
        <source>taking in mail</source>
        <translation>taking in mail</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>waiting for mail</source>
        <translation>waiting for mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the server cannot be reached; retrying</source>
        <translation>the server cannot be reached; retrying</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the server refused the login</source>
        <translation>the server refused the login</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/main_window.py" line="+322" />
        <source>Customer %1</source>
        <translation>Customer %1</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Customer %1 was merged into customer %2: showing customer %2.</source>
        <translation>Customer %1 was merged into customer %2: showing customer %2.</translation>
    </message>
    <message>
        <location line="+59" />
        <source>About AgentDesk</source>
        <translation>About AgentDesk</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&lt;h3&gt;AgentDesk %1&lt;/h3&gt;&lt;p&gt;The customer service desk of the city: one search for every customer, their details and contacts.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;AgentDesk %1&lt;/h3&gt;&lt;p&gt;The customer service desk of the city: one search for every customer, their details and contacts.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+36" />
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Customer</source>
        <translation>&amp;Customer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;New customer…</source>
        <translation>&amp;New customer…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Close customer tab</source>
        <translation>&amp;Close customer tab</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Queues</source>
        <translation>&amp;Queues</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Walk-in &amp;reception…</source>
        <translation>Walk-in &amp;reception…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Supervisor &amp;dashboard…</source>
        <translation>Supervisor &amp;dashboard…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Reports…</source>
        <translation>&amp;Reports…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Notice to citizens…</source>
        <translation>&amp;Notice to citizens…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Steward's desk: duplicates…</source>
        <translation>&amp;Steward's desk: duplicates…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Data protection…</source>
        <translation>&amp;Data protection…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Demo</source>
        <translation>&amp;Demo</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Simulate incoming &amp;call</source>
        <translation>Simulate incoming &amp;call</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About AgentDesk</source>
        <translation>&amp;About AgentDesk</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Search for a customer and press Enter to open them here.

Ctrl+K or F3: search    Ctrl+W: close the tab    Ctrl+Tab: next tab</source>
        <translation>Search for a customer and press Enter to open them here.

Ctrl+K or F3: search    Ctrl+W: close the tab    Ctrl+Tab: next tab</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Signed in: %1</source>
        <translation>Signed in: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>NoticeComposer</name>
    <message>
        <location filename="../../agentdesk_desktop/notices/composer_window.py" line="+192" />
        <source>Notice to citizens</source>
        <translation>Notice to citizens</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <location line="+1" />
        <source>House numbers</source>
        <translation>House numbers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Guardians</source>
        <translation>Guardians</translation>
    </message>
    <message>
        <location line="+3" />
        <source>e.g. Hämeenkatu</source>
        <translation>e.g. Hämeenkatu</translation>
    </message>
    <message>
        <location line="+1" />
        <source>e.g. 1–40</source>
        <translation>e.g. 1–40</translation>
    </message>
    <message>
        <location line="+1" />
        <source>e.g. water_customer, daycare_child</source>
        <translation>e.g. water_customer, daycare_child</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send to the guardians of the matched persons instead</source>
        <translation>Send to the guardians of the matched persons instead</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+89" />
        <source>Finnish</source>
        <translation>Finnish</translation>
    </message>
    <message>
        <location line="-89" />
        <location line="+89" />
        <source>Swedish</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <location line="-89" />
        <location line="+89" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="-86" />
        <source>Subject (e-mail)</source>
        <translation>Subject (e-mail)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only the channels this desk is set up for can be chosen.</source>
        <translation>Only the channels this desk is set up for can be chosen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Send…</source>
        <translation>Send…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Continue sending</source>
        <translation>Continue sending</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+31" />
        <source>Choose a street, a postal code, a municipality or a role.</source>
        <translation>Choose a street, a postal code, a municipality or a role.</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Give house numbers as 1–40 or a single number.</source>
        <translation>Give house numbers as 1–40 or a single number.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The house numbers run backwards: write the smaller number first (1–40, not 40–1).</source>
        <translation>The house numbers run backwards: write the smaller number first (1–40, not 40–1).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>House numbers need a street.</source>
        <translation>House numbers need a street.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A house number is 1 or more.</source>
        <translation>A house number is 1 or more.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A postal code is five digits.</source>
        <translation>A postal code is five digits.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A role code is lower-case letters, digits and _ (e.g. water_customer).</source>
        <translation>A role code is lower-case letters, digits and _ (e.g. water_customer).</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 citizens</source>
        <translation>%1 citizens</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The segment could not be counted. Try again.</source>
        <translation>The segment could not be counted. Try again.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Give the notice a title (staff see it on the timelines).</source>
        <translation>Give the notice a title (staff see it on the timelines).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Write the Finnish text: it goes to everyone without a text of their own.</source>
        <translation>Write the Finnish text: it goes to everyone without a text of their own.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The %1 text has a subject but no message.</source>
        <translation>The %1 text has a subject but no message.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>An e-mail needs a subject (%1).</source>
        <translation>An e-mail needs a subject (%1).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The %1 SMS is too long.</source>
        <translation>The %1 SMS is too long.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 recipients read %2: write the %2 text.</source>
        <translation>%1 recipients read %2: write the %2 text.</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Wait for the count of the segment, then send.</source>
        <translation>Wait for the count of the segment, then send.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Nobody is in this segment: nothing to send.</source>
        <translation>Nobody is in this segment: nothing to send.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Preparing the notice…</source>
        <translation>Preparing the notice…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Sent %1 of %2 (%3 failed, %4 without an address).</source>
        <translation>Sent %1 of %2 (%3 failed, %4 without an address).</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Sending stopped (%1): %2 still to send. Continue when the channel is back.</source>
        <translation>Sending stopped (%1): %2 still to send. Continue when the channel is back.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Done: %1 sent, %2 failed, %3 without an address.</source>
        <translation>Done: %1 sent, %2 failed, %3 without an address.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The notice could not be sent: %1</source>
        <translation>The notice could not be sent: %1</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Continue sending “%1” (%2 of %3 left)</source>
        <translation>Continue sending “%1” (%2 of %3 left)</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message numerus="yes">
        <location filename="../../agentdesk_desktop/logging/outbox_status.py" line="+35" />
        <source>Offline — %n contact(s) waiting</source>
        <translation><numerusform>Offline — %n contact waiting</numerusform><numerusform>Offline — %n contacts waiting</numerusform></translation>
    </message>
    <message>
        <location line="+3" />
        <source>The database cannot be reached. Saved contacts wait encrypted on this computer and are sent automatically when it answers again.</source>
        <translation>The database cannot be reached. Saved contacts wait encrypted on this computer and are sent automatically when it answers again.</translation>
    </message>
    <message numerus="yes">
        <location line="+13" />
        <source>Database reachable again: %n waiting contact(s) saved.</source>
        <translation><numerusform>Database reachable again: %n waiting contact saved.</numerusform><numerusform>Database reachable again: %n waiting contacts saved.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+7" />
        <source>%n waiting contact(s) could not be saved: open the customer to check it and save it again.</source>
        <translation><numerusform>%n waiting contact could not be saved: open the customer to check it and save it again.</numerusform><numerusform>%n waiting contacts could not be saved: open the customer to check it and save it again.</numerusform></translation>
    </message>
</context>
<context>
    <name>OverviewHeader</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_header.py" line="+129" />
        <source>Identity code</source>
        <translation>Identity code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show the full identity code. Every view is logged.</source>
        <translation>Show the full identity code. Every view is logged.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Edit details…</source>
        <translation>Edit details…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Notes of the alerts</source>
        <translation>Notes of the alerts</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Business ID %1</source>
        <translation>Business ID %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 years</source>
        <translation>%1 years</translation>
    </message>
    <message>
        <location line="+2" />
        <source>born %1</source>
        <translation>born %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language: %1</source>
        <translation>Language: %1</translation>
    </message>
    <message>
        <location line="+38" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>PairView</name>
    <message>
        <location filename="../../agentdesk_desktop/steward/pair_view.py" line="+74" />
        <location line="+3" />
        <location line="+1" />
        <source>Customer %1</source>
        <translation>Customer %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>What the scan found (weight in bits: + one person, - two people)</source>
        <translation>What the scan found (weight in bits: + one person, - two people)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Choose a pair in the queue to compare the two records.</source>
        <translation>Choose a pair in the queue to compare the two records.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Score %1 · %2 of %3 fields differ (highlighted)</source>
        <translation>Score %1 · %2 of %3 fields differ (highlighted)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>(protected address)</source>
        <translation>(protected address)</translation>
    </message>
</context>
<context>
    <name>PhoneStatusLabel</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/call_bar.py" line="+29" />
        <source>Phone: off</source>
        <translation>Phone: off</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone: connecting…</source>
        <translation>Phone: connecting…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone: connected</source>
        <translation>Phone: connected</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone: reconnecting…</source>
        <translation>Phone: reconnecting…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone: login refused</source>
        <translation>Phone: login refused</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone: no password on this workstation</source>
        <translation>Phone: no password on this workstation</translation>
    </message>
</context>
<context>
    <name>PluginPanelArea</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/panel_area.py" line="+165" />
        <source>The department panels could not read this customer.</source>
        <translation>The department panels could not read this customer.</translation>
    </message>
    <message>
        <location line="+63" />
        <source>Choose a purpose to see this panel</source>
        <translation>Choose a purpose to see this panel</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The panel could not be shown</source>
        <translation>The panel could not be shown</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Nothing about this customer</source>
        <translation>Nothing about this customer</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Department panels are starting…</source>
        <translation>Department panels are starting…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No department panels for your role on this workstation.</source>
        <translation>No department panels for your role on this workstation.</translation>
    </message>
</context>
<context>
    <name>PluginPanelWidget</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/panel_widget.py" line="+198" />
        <source>This panel shows sensitive information. Choose why you need to see it; the access is logged.</source>
        <translation>This panel shows sensitive information. Choose why you need to see it; the access is logged.</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/widgets/purpose_prompt.py" line="+48" />
        <source>Customer is on the line and consents</source>
        <translation>Customer is on the line and consents</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Statutory task</source>
        <translation>Statutory task</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <location filename="../../agentdesk_desktop/plugins/panel_widget.py" line="+2" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location line="+15" />
        <source>customer consents</source>
        <translation>customer consents</translation>
    </message>
    <message>
        <location line="+1" />
        <source>statutory task</source>
        <translation>statutory task</translation>
    </message>
    <message>
        <location line="+1" />
        <source>emergency</source>
        <translation>emergency</translation>
    </message>
    <message>
        <location line="+102" />
        <source>The back end does not answer.</source>
        <translation>The back end does not answer.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The back end did not answer in time.</source>
        <translation>The back end did not answer in time.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The back end answered with an error.</source>
        <translation>The back end answered with an error.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The back end has not been answering; the desk waits a moment before asking again.</source>
        <translation>The back end has not been answering; the desk waits a moment before asking again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This panel is hidden: it tried to show a protected address.</source>
        <translation>This panel is hidden: it tried to show a protected address.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This panel is not available to you now.</source>
        <translation>This panel is not available to you now.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The panel could not be shown.</source>
        <translation>The panel could not be shown.</translation>
    </message>
    <message>
        <location line="+33" />
        <source>at %1</source>
        <translation>at %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(saved answer)</source>
        <translation>(saved answer)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>purpose: %1</source>
        <translation>purpose: %1</translation>
    </message>
</context>
<context>
    <name>PluginStates</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/plugin_setup.py" line="+46" />
        <source>starting</source>
        <translation>starting</translation>
    </message>
    <message>
        <location line="+1" />
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+1" />
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location line="+1" />
        <source>incompatible</source>
        <translation>incompatible</translation>
    </message>
    <message>
        <location line="+1" />
        <source>failed</source>
        <translation>failed</translation>
    </message>
</context>
<context>
    <name>PluginsDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/plugins/plugins_dialog.py" line="+67" />
        <source>Plugins</source>
        <translation>Plugins</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Department plugins are turned off for this desk.</source>
        <translation>Department plugins are turned off for this desk.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The department plugins are still starting.</source>
        <translation>The department plugins are still starting.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Department plugins found on this workstation. Disabling one removes its panels at once; it stays disabled until you enable it or restart the desk.</source>
        <translation>Department plugins found on this workstation. Disabling one removes its panels at once; it stays disabled until you enable it or restart the desk.</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Disabled by you in this session.</source>
        <translation>Disabled by you in this session.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Turned off by this workstation's department profile (IT).</source>
        <translation>Turned off by this workstation's department profile (IT).</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Only IT can change this plugin.</source>
        <translation>Only IT can change this plugin.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
</context>
<context>
    <name>PresenceButton</name>
    <message>
        <location filename="../../agentdesk_desktop/work/presence_button.py" line="+147" />
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Presence: …</source>
        <translation>Presence: …</translation>
    </message>
    <message>
        <location line="+3" />
        <source>● Wrap-up %1</source>
        <translation>● Wrap-up %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Your presence could not be saved; the desk shows the last saved one. Try again.</source>
        <translation>Your presence could not be saved; the desk shows the last saved one. Try again.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your presence: click to change it</source>
        <translation>Your presence: click to change it</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Presence: %1</source>
        <translation>Presence: %1</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/quarantine_dialog.py" line="+153" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 messages could not be taken in. They are kept here; Retry takes one in again.</source>
        <translation>%1 messages could not be taken in. They are kept here; Retry takes one in again.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No quarantined e-mail.</source>
        <translation>No quarantined e-mail.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The quarantined e-mail could not be read; close and open this again.</source>
        <translation>The quarantined e-mail could not be read; close and open this again.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Retrying…</source>
        <translation>Retrying…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The message was taken in.</source>
        <translation>The message was taken in.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The message could not be taken in: %1. It stays here.</source>
        <translation>The message could not be taken in: %1. It stays here.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The retry did not run (the database could not be reached); try again.</source>
        <translation>The retry did not run (the database could not be reached); try again.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Quarantined e-mail</source>
        <translation>Quarantined e-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location line="-149" />
        <source>The message could not be read</source>
        <translation>The message could not be read</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The database refused its text</source>
        <translation>The database refused its text</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The database refused it</source>
        <translation>The database refused it</translation>
    </message>
    <message>
        <location line="+1" />
        <source>An error in AgentDesk</source>
        <translation>An error in AgentDesk</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Message %1, UID %2, AgentDesk %3, %4 attempts</source>
        <translation>Message %1, UID %2, AgentDesk %3, %4 attempts</translation>
    </message>
    <message>
        <location line="+13" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Quarantined</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Mailbox</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sender's domain</source>
        <translation>Sender's domain</translation>
    </message>
</context>
<context>
    <name>QueryKind</name>
    <message>
        <location filename="../../agentdesk_desktop/search_panel.py" line="+243" />
        <source>Name or address</source>
        <translation>Name or address</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Personal identity code</source>
        <translation>Personal identity code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Business ID</source>
        <translation>Business ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail address</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Register ID</source>
        <translation>Register ID</translation>
    </message>
</context>
<context>
    <name>QueueTile</name>
    <message>
        <location filename="../../agentdesk_desktop/dashboard/queue_tile.py" line="+132" />
        <source>%1 waiting (alarm at %2)</source>
        <translation>%1 waiting (alarm at %2)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The longest wait is %1 (alarm at %2)</source>
        <translation>The longest wait is %1 (alarm at %2)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Service level %1 is below the target %2</source>
        <translation>Service level %1 is below the target %2</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Click for the items behind the figures.</source>
        <translation>Click for the items behind the figures.</translation>
    </message>
    <message>
        <location line="+41" />
        <source>%1 working hours</source>
        <translation>%1 working hours</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 · target %2 within %3</source>
        <translation>%1 · target %2 within %3</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Waiting now</source>
        <translation>Waiting now</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Longest wait</source>
        <translation>Longest wait</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service level today</source>
        <translation>Service level today</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Average speed of answer</source>
        <translation>Average speed of answer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Average handle time</source>
        <translation>Average handle time</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Abandonment rate</source>
        <translation>Abandonment rate</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First-contact resolution</source>
        <translation>First-contact resolution</translation>
    </message>
</context>
<context>
    <name>QuickTextPicker</name>
    <message>
        <location filename="../../agentdesk_desktop/widgets/quick_texts.py" line="+84" />
        <source>Insert a quick text</source>
        <translation>Insert a quick text</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Type to filter: shortcut, title or text</source>
        <translation>Type to filter: shortcut, title or text</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter quick texts</source>
        <translation>Filter quick texts</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Quick texts</source>
        <translation>Quick texts</translation>
    </message>
    <message>
        <location line="+29" />
        <source>No quick text matches.</source>
        <translation>No quick text matches.</translation>
    </message>
</context>
<context>
    <name>ReceptionWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/reception/reception_window.py" line="+224" />
        <source>No walk-in services are set up. Ask the administrator for a walk-in queue.</source>
        <translation>No walk-in services are set up. Ask the administrator for a walk-in queue.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The services could not be read. Close the window and open it again.</source>
        <translation>The services could not be read. Close the window and open it again.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>For the customer in the current tab (none open)</source>
        <translation>For the customer in the current tab (none open)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>For the customer in the current tab: %1</source>
        <translation>For the customer in the current tab: %1</translation>
    </message>
    <message>
        <location line="+22" />
        <source>%1 · issued at %2</source>
        <translation>%1 · issued at %2</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The ticket could not be issued; try again in a moment.</source>
        <translation>The ticket could not be issued; try again in a moment.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Finish the current visit before calling the next visitor.</source>
        <translation>Finish the current visit before calling the next visitor.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Nobody is waiting.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Called to %1 · waited %2 min</source>
        <translation>Called to %1 · waited %2 min</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The next visitor could not be called; try again in a moment.</source>
        <translation>The next visitor could not be called; try again in a moment.</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Visit %1 logged.</source>
        <translation>Visit %1 logged.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The visit could not be logged. Nothing you typed is lost; try again in a moment.</source>
        <translation>The visit could not be logged. Nothing you typed is lost; try again in a moment.</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Choose a topic</source>
        <translation>Choose a topic</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Choose how the visit ended</source>
        <translation>Choose how the visit ended</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The service's own department</source>
        <translation>The service's own department</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Walk-in reception – AgentDesk</source>
        <translation>Walk-in reception – AgentDesk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ticket machine</source>
        <translation>Ticket machine</translation>
    </message>
    <message>
        <location line="+1" />
        <source>My service point</source>
        <translation>My service point</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Service</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Issue ticket</source>
        <translation>&amp;Issue ticket</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ticket number</source>
        <translation>Ticket number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service &amp;point</source>
        <translation>Service &amp;point</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Desk 1</source>
        <translation>Desk 1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Call next</source>
        <translation>&amp;Call next</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Open the customer</source>
        <translation>&amp;Open the customer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Topic</source>
        <translation>&amp;Topic</translation>
    </message>
    <message>
        <location line="+1" />
        <source>O&amp;utcome</source>
        <translation>O&amp;utcome</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Department</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Finish visit</source>
        <translation>&amp;Finish visit</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Press Call next when you are free.</source>
        <translation>Press Call next when you are free.</translation>
    </message>
</context>
<context>
    <name>RelationsSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_sections.py" line="+20" />
        <source>Relationships</source>
        <translation>Relationships</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Click a person (or press Enter) to open them in a new tab</source>
        <translation>Click a person (or press Enter) to open them in a new tab</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No household members, guardians or children on record.</source>
        <translation>No household members, guardians or children on record.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 (ended)</source>
        <translation>%1 (ended)</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../agentdesk_desktop/reports/report_texts.py" line="+37" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Share of contacts</source>
        <translation>Share of contacts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Service level</source>
        <translation>Service level</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Speed of answer, mean</source>
        <translation>Speed of answer, mean</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Speed of answer, 90th percentile</source>
        <translation>Speed of answer, 90th percentile</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handle time, mean</source>
        <translation>Handle time, mean</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Abandonment rate</source>
        <translation>Abandonment rate</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First-contact resolution</source>
        <translation>First-contact resolution</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cost per contact</source>
        <translation>Cost per contact</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Backlog at period end</source>
        <translation>Backlog at period end</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Aged 0–5 working days</source>
        <translation>Aged 0–5 working days</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Aged 6–10 working days</source>
        <translation>Aged 6–10 working days</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Aged 11–20 working days</source>
        <translation>Aged 11–20 working days</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Aged over 20 working days</source>
        <translation>Aged over 20 working days</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resolved after the due date</source>
        <translation>Resolved after the due date</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open past the due date</source>
        <translation>Open past the due date</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deadline breaches</source>
        <translation>Deadline breaches</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Feedback surveys sent</source>
        <translation>Feedback surveys sent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Feedback answers</source>
        <translation>Feedback answers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Feedback response rate</source>
        <translation>Feedback response rate</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Feedback score, mean (1–5)</source>
        <translation>Feedback score, mean (1–5)</translation>
    </message>
    <message>
        <location line="+27" />
        <source>pp</source>
        <translation>pp</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/reports/reports_window.py" line="+177" />
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Period</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Department</source>
        <translation>&amp;Department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <location line="+1" />
        <source>C&amp;hannel</source>
        <translation>C&amp;hannel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>T&amp;opic</source>
        <translation>T&amp;opic</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Municipality</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <location line="+7" />
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <location line="+0" />
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+15" />
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="-14" />
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Export XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Previous period</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Feedback of</source>
        <translation>Feedback of</translation>
    </message>
    <message>
        <location line="+56" />
        <source>Reading the report…</source>
        <translation>Reading the report…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 – %2, compared with %3 – %4</source>
        <translation>%1 – %2, compared with %3 – %4</translation>
    </message>
    <message>
        <location line="+52" />
        <source>Queue %1</source>
        <translation>Queue %1</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Agent %1</source>
        <translation>Agent %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All contacts</source>
        <translation>All contacts</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The period must end on or after the day it starts, and cover at most three years.</source>
        <translation>The period must end on or after the day it starts, and cover at most three years.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No customer lives in %1.</source>
        <translation>No customer lives in %1.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The report cannot be made: %1</source>
        <translation>The report cannot be made: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The report could not be read. Try again in a moment.</source>
        <translation>The report could not be read. Try again in a moment.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Export the report</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Writing %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The report could not be saved: %1</source>
        <translation>The report could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../agentdesk_desktop/sign_in.py" line="+54" />
        <source>Customer service agent</source>
        <translation>Customer service agent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Data steward</source>
        <translation>Data steward</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Data protection officer</source>
        <translation>Data protection officer</translation>
    </message>
</context>
<context>
    <name>RolesSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/roles_section.py" line="+39" />
        <source>Roles and profiles</source>
        <translation>Roles and profiles</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+14" />
        <source>No roles or profiles on record.</source>
        <translation>No roles or profiles on record.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Reference %1</source>
        <translation>Reference %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shown for: %1</source>
        <translation>Shown for: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 (ended)</source>
        <translation>%1 (ended)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>ended</source>
        <translation>ended</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Restricted entries (social or health services) hidden: %1. Choose why you need to see them; the access is logged.</source>
        <translation>Restricted entries (social or health services) hidden: %1. Choose why you need to see them; the access is logged.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>customer consents</source>
        <translation>customer consents</translation>
    </message>
    <message>
        <location line="+1" />
        <source>statutory task</source>
        <translation>statutory task</translation>
    </message>
    <message>
        <location line="+1" />
        <source>emergency</source>
        <translation>emergency</translation>
    </message>
</context>
<context>
    <name>ScreenPopController</name>
    <message>
        <location filename="../../agentdesk_desktop/phone/screen_pop_controller.py" line="+132" />
        <source>unknown number</source>
        <translation>unknown number</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../agentdesk_desktop/search_panel.py" line="-95" />
        <location line="+76" />
        <source>The search failed. Check the connection and try again.</source>
        <translation>The search failed. Check the connection and try again.</translation>
    </message>
    <message>
        <location line="-57" />
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No customers found</source>
        <translation>No customers found</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Results: %1</source>
        <translation>Results: %1</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Search: name, address, identity code, phone or e-mail  (Ctrl+K)</source>
        <translation>Search: name, address, identity code, phone or e-mail  (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search customers (Ctrl+K or F3)</source>
        <translation>Search customers (Ctrl+K or F3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search customers</source>
        <translation>Search customers</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name, address, identity code, phone or e-mail</source>
        <translation>Name, address, identity code, phone or e-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../agentdesk_desktop/search_results_model.py" line="+199" />
        <source>This customer has a protected address (turvakielto). The address is not shown or given out.</source>
        <translation>This customer has a protected address (turvakielto). The address is not shown or given out.</translation>
    </message>
    <message>
        <location line="-134" />
        <source>Restricted record</source>
        <translation>Restricted record</translation>
    </message>
    <message>
        <location line="+155" />
        <source>Address protected</source>
        <translation>Address protected</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/overview_sections.py" line="-163" />
        <location line="+20" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>SelfServiceDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/work/self_service_dialog.py" line="+121" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+28" />
        <source>no customer in the register matched</source>
        <translation>no customer in the register matched</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 · %2 · received %3 · %4</source>
        <translation>%1 · %2 · received %3 · %4</translation>
    </message>
    <message>
        <location line="+16" />
        <source>(protected address: not shown)</source>
        <translation>(protected address: not shown)</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Say why the update is rejected: the reason is kept with it.</source>
        <translation>Say why the update is rejected: the reason is kept with it.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The reason is %1 characters long; at most %2 fit.</source>
        <translation>The reason is %1 characters long; at most %2 fit.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Someone has decided this update meanwhile: it is no longer waiting.</source>
        <translation>Someone has decided this update meanwhile: it is no longer waiting.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No customer in the register matches the sender: reject the update with a reason.</source>
        <translation>No customer in the register matches the sender: reject the update with a reason.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The person has a protected address: a steward decides this update.</source>
        <translation>The person has a protected address: a steward decides this update.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The decision could not be saved: %1</source>
        <translation>The decision could not be saved: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This self-service update is not in the database any more.</source>
        <translation>This self-service update is not in the database any more.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The update could not be read: %1</source>
        <translation>The update could not be read: %1</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Accepted into the register by %1.</source>
        <translation>Accepted into the register by %1.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rejected by %1.</source>
        <translation>Rejected by %1.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Self-service update</source>
        <translation>Self-service update</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+0" />
        <source>In the register now</source>
        <translation>In the register now</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Reason for a rejection (kept with the update):</source>
        <translation>&amp;Reason for a rejection (kept with the update):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Accept into the register</source>
        <translation>&amp;Accept into the register</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Re&amp;ject</source>
        <translation>Re&amp;ject</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+5" />
        <source>new phone number</source>
        <translation>new phone number</translation>
    </message>
    <message>
        <location line="+1" />
        <source>new e-mail address</source>
        <translation>new e-mail address</translation>
    </message>
    <message>
        <location line="+1" />
        <source>preferred language</source>
        <translation>preferred language</translation>
    </message>
    <message>
        <location line="+1" />
        <source>address change notice</source>
        <translation>address change notice</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Street address</source>
        <translation>Street address</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Moving date</source>
        <translation>Moving date</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Finnish</source>
        <translation>Finnish</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Swedish</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <location line="+1" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No customer in the register has the identity code and last name given: only a rejection is possible.</source>
        <translation>No customer in the register has the identity code and last name given: only a rejection is possible.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The phone number is another customer's in the register.</source>
        <translation>The phone number is another customer's in the register.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The e-mail address is another customer's in the register.</source>
        <translation>The e-mail address is another customer's in the register.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The person has a protected address: only a steward sees and decides the address.</source>
        <translation>The person has a protected address: only a steward sees and decides the address.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/settings_dialog.py" line="+44" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/sign_in.py" line="+64" />
        <source>Loading staff users…</source>
        <translation>Loading staff users…</translation>
    </message>
    <message>
        <location line="+20" />
        <source>There are no active staff users in this database. Ask an administrator to add you.</source>
        <translation>There are no active staff users in this database. Ask an administrator to add you.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The staff list could not be loaded. Check the database connection and try again.</source>
        <translation>The staff list could not be loaded. Check the database connection and try again.</translation>
    </message>
    <message>
        <location line="+49" />
        <source>Sign in to AgentDesk</source>
        <translation>Sign in to AgentDesk</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Demo — no password. Choose the staff user you want to try the desk as (demo mode only).</source>
        <translation>Demo — no password. Choose the staff user you want to try the desk as (demo mode only).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Filter by name, role or department</source>
        <translation>Filter by name, role or department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>StaleNote</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/stale_note.py" line="+49" />
        <source>Shown from %1, database unreachable</source>
        <translation>Shown from %1, database unreachable</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
</context>
<context>
    <name>StewardWindow</name>
    <message>
        <location filename="../../agentdesk_desktop/steward/steward_window.py" line="+185" />
        <source>Steward's desk: duplicates</source>
        <translation>Steward's desk: duplicates</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Scan says</source>
        <translation>Scan says</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Record A</source>
        <translation>Record A</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Record B</source>
        <translation>Record B</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Score &amp;at least</source>
        <translation>Score &amp;at least</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Select those</source>
        <translation>&amp;Select those</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accept selected… (Ctrl+Shift+A)</source>
        <translation>Accept selected… (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accept: one person (A)</source>
        <translation>Accept: one person (A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject: two people (R)</source>
        <translation>Reject: two people (R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Not sure (N)</source>
        <translation>Not sure (N)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A accept (merge) · R reject (never shown again) · N not sure (stays, marked) · ↑ ↓ previous / next pair · Shift+↑↓ select several</source>
        <translation>A accept (merge) · R reject (never shown again) · N not sure (stays, marked) · ↑ ↓ previous / next pair · Shift+↑↓ select several</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Reading the queue…</source>
        <translation>Reading the queue…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The queue is empty. Run a duplicate scan (agentdesk duplicates scan) to fill it.</source>
        <translation>The queue is empty. Run a duplicate scan (agentdesk duplicates scan) to fill it.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 pairs to review, highest score first.</source>
        <translation>%1 pairs to review, highest score first.</translation>
    </message>
    <message>
        <location line="+86" />
        <source>Merged: customer %1 is now one with customer %2.</source>
        <translation>Merged: customer %1 is now one with customer %2.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Customers %1 and %2 are two people: the pair will not come back.</source>
        <translation>Customers %1 and %2 are two people: the pair will not come back.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Customers %1 and %2 stay in the queue, marked not sure.</source>
        <translation>Customers %1 and %2 stay in the queue, marked not sure.</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Not done: %1</source>
        <translation>Not done: %1</translation>
    </message>
    <message>
        <location line="+33" />
        <source>%1 pairs with a score of at least %2 selected.</source>
        <translation>%1 pairs with a score of at least %2 selected.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Accept selected pairs</source>
        <translation>Accept selected pairs</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Merge the %1 selected pairs, each into one customer?</source>
        <translation>Merge the %1 selected pairs, each into one customer?</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Each merge keeps the values the survivorship rules choose, and can be undone later.</source>
        <translation>Each merge keeps the values the survivorship rules choose, and can be undone later.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Merging %1 pairs…</source>
        <translation>Merging %1 pairs…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 pairs merged.</source>
        <translation>%1 pairs merged.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 not merged; the first: customers %2 and %3: %4</source>
        <translation>%1 not merged; the first: customers %2 and %3: %4</translation>
    </message>
    <message>
        <location line="+16" />
        <source>The queue could not be read or saved. Check the network connection and try again (F5).</source>
        <translation>The queue could not be read or saved. Check the network connection and try again (F5).</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/timeline_model.py" line="+230" />
        <source>Feedback %1/5</source>
        <translation>Feedback %1/5</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Case #%1</source>
        <translation>Case #%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The citizen's feedback: %1</source>
        <translation>The citizen's feedback: %1</translation>
    </message>
    <message>
        <location line="+10" />
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>TimelineSection</name>
    <message>
        <location filename="../../agentdesk_desktop/overview/timeline_section.py" line="+139" />
        <location line="+7" />
        <source>Contacts, newest first</source>
        <translation>Contacts, newest first</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Filter by channel</source>
        <translation>Filter by channel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter by department</source>
        <translation>Filter by department</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter by topic</source>
        <translation>Filter by topic</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location line="+16" />
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location line="+4" />
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location line="+6" />
        <source>All topics</source>
        <translation>All topics</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>No contacts match these filters.</source>
        <translation>No contacts match these filters.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>No contacts yet.</source>
        <translation>No contacts yet.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 shown, scroll for more</source>
        <translation>%1 shown, scroll for more</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 contacts</source>
        <translation>%1 contacts</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 shown</source>
        <translation>%1 shown</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Contacts could not be loaded.</source>
        <translation>Contacts could not be loaded.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../agentdesk_desktop/work/transfer_dialog.py" line="+99" />
        <source>Choose a queue or an agent to transfer to.</source>
        <translation>Choose a queue or an agent to transfer to.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation>The note is %1 characters long; at most %2 fit.</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To &amp;queue:</source>
        <translation>To &amp;queue:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>To &amp;agent:</source>
        <translation>To &amp;agent:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location line="+2" />
        <source>(this queue)</source>
        <translation>(this queue)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>(anyone in the queue)</source>
        <translation>(anyone in the queue)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What the next agent should know</source>
        <translation>What the next agent should know</translation>
    </message>
</context>
<context>
    <name>UnidentifiedContactDock</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/unidentified_contact_dock.py" line="+41" />
        <source>Contact without a customer</source>
        <translation>Contact without a customer</translation>
    </message>
</context>
<context>
    <name>UnsavedContacts</name>
    <message>
        <location filename="../../agentdesk_desktop/logging/unsaved_contacts_guard.py" line="+52" />
        <source>A contact is not saved yet.</source>
        <translation>A contact is not saved yet.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 contacts are not saved yet.</source>
        <translation>%1 contacts are not saved yet.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Unsaved contacts</source>
        <translation>Unsaved contacts</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Save before closing AgentDesk?</source>
        <translation>Save before closing AgentDesk?</translation>
    </message>
</context>
<context>
    <name>WrapUp</name>
    <message>
        <location filename="../../agentdesk_desktop/work/inbox_dock.py" line="+22" />
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Advice given</source>
        <translation>Advice given</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Callback agreed</source>
        <translation>Callback agreed</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Forwarded</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No action needed</source>
        <translation>No action needed</translation>
    </message>
</context>
</TS>
