"""The AgentDesk Qt desktop. Imports :mod:`agentdesk`; the core never imports this package.

Start with :mod:`ui.app` (the composition root) and :mod:`ui.background` (how work leaves the
UI thread).
"""
