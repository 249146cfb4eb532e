"""The phone on the desk: the PBX connection (:mod:`ui.phone.phone_connector`), the screen pop
that opens the caller (:mod:`ui.phone.screen_pop_controller`), the call's clock in the status bar
(:mod:`ui.phone.call_bar`) and, for ``agentdesk demo``, calls from the AMI simulator
(:mod:`ui.phone.demo_calls`). :class:`ui.phone.phone_desk.PhoneDesk` puts them together for one
main window."""
