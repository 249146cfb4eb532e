"""Steward merges of duplicate customers, with survivorship and undo (issue #10 items 4 and 5).

- :mod:`agentdesk.merge.rules` the profile's ``[survivorship]`` rules
- :mod:`agentdesk.merge.survivorship` which value wins per field, and why
- :mod:`agentdesk.merge.journal` every row a merge changes, recorded so that undo restores it
- :mod:`agentdesk.merge.service` ``merge`` and ``undo_merge``, one transaction each
- :mod:`agentdesk.merge.tombstones` old ids resolve to the survivor; the audit's merge map

This package's ``__init__`` imports nothing: :mod:`agentdesk.audit` reads the merge map.
"""
