"""A service case in the desk: its history and its status changes (:mod:`agentdesk.cases` in the core)."""
