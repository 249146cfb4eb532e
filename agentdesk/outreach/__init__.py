"""Outbound notices to a segment of citizens ("water outage on Hämeenkatu 1–40, Tampere, Tuesday 8–12").

- :mod:`.segments` — who: a segment chosen by what the register knows (street and house-number range,
  postal code, municipality, a role, guardians of the matched persons); its count and a sample of names.
- :mod:`.notices` — what: the notice's texts in fi/sv/en and its channel; planning a send job writes
  the notice and one recipient row per citizen (their language, e-mail address or phone number).
- :mod:`.sending` — the send job: pending → sending → sent/failed in batches, resumable after a crash,
  never sending a recipient twice; each send an outbound contact on the citizen's timeline.
- :mod:`.transports` — the channels: SMTP over one connection, SMS through a plugin's
  :class:`agentdesk.plugin_api.MessageGateway`.
"""
