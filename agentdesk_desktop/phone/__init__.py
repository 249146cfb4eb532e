"""The phone on the desk: the PBX connection (:mod:`agentdesk_desktop.phone.phone_connector`), the screen pop
that opens the caller (:mod:`agentdesk_desktop.phone.screen_pop_controller`), the call's clock in the status bar
(:mod:`agentdesk_desktop.phone.call_bar`) and, for ``agentdesk demo``, calls from the AMI simulator
(:mod:`agentdesk_desktop.phone.demo_calls`). :class:`agentdesk_desktop.phone.phone_desk.PhoneDesk` puts them together
for one main window."""
