"""Duplicate detection across the whole customer register (``agentdesk duplicates scan``).

- :mod:`~agentdesk.duplicates.records` reads the register as columns (plain SQL; one function);
- :mod:`~agentdesk.duplicates.normalise` folds names, dates, codes into comparable arrays;
- :mod:`~agentdesk.duplicates.blocking` turns blocking keys into candidate pairs;
- :mod:`~agentdesk.duplicates.comparisons` gives each candidate pair a comparison level per field;
- :mod:`~agentdesk.duplicates.model` is the Fellegi–Sunter model (u from random pairs, m by EM);
- :mod:`~agentdesk.duplicates.scan` runs a full or incremental scan and explains each pair;
- :mod:`~agentdesk.duplicates.state` keeps the scan's state (what was scanned, the model, rejected pairs).

The package is Qt-free; numpy and rapidfuzz do the bulk work, and nothing is imported here.
"""
