"""Importing a city register (CSV or XLSX) into the customer register, with lineage:
:mod:`.mapping` (the TOML mapping file), :mod:`.reading` (the file's rows), :mod:`.cleaning`
(identity rules and flags), :mod:`.importer` (matching, writing, the report) and :mod:`.commands`
(``agentdesk register import``)."""
