"""The AgentDesk Qt desktop. Imports :mod:`agentdesk`; the core never imports this package.

Start with :mod:`agentdesk_desktop.app` (the composition root) and :mod:`agentdesk_desktop.background`
(how work leaves the UI thread).
"""
