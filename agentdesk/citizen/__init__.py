"""What citizens send the city themselves, without an agent on the line.

- :mod:`.links` — signed, expiring links (HMAC-SHA256 under a secret from the OS keyring);
- :mod:`.feedback` — a one-question survey after a closed contact, sent by e-mail or SMS, answered
  once through its link, opt-out respected; its figures join the reports;
- :mod:`.updates` — a citizen's own update (phone, e-mail, language, address change notice), checked by
  the identity rules, queued as a work item, accepted into the register (lineage ``self-service``) or
  rejected with a reason;
- :mod:`.web` — the small loopback web service that serves both (HTML pages in fi/sv/en and a JSON API).
"""
