"""Secrets in URLs, for messages: :func:`mask_url_secrets` is the one way a URL is shown in a message
(no password, no token); :func:`url_secret_names` finds query parameters that look like secrets.

Apart from :mod:`agentdesk.credentials` (which imports the keyring library, ~0.1 s): every database URL
is checked with these, the desk's first included.
"""

from __future__ import annotations

import re

# user:password@ after the scheme, up to the last '@' (a password may hold '/', ':' or '@')
_USERINFO_PASSWORD = re.compile(r"^(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/?#@]*:)(?P<password>.*)@", re.DOTALL)
SECRET_WORD = re.compile(r"(?i)(passw|pwd|secret|token|api_?key|apikey|credential|private_?key|signature|^key$|^sig$)")
_QUERY_PAIR = re.compile(r"(?P<sep>[?&;])(?P<name>[^=&;#]*)=(?P<value>[^&;#]*)")


def url_secret_names(url: str) -> list[str]:
    """The names of query parameters that look like secrets (``api_key``, ``token``, ...)."""
    query = url.split("?", 1)[1] if "?" in url else ""
    return [
        m.group("name")
        for m in _QUERY_PAIR.finditer("?" + query.split("#", 1)[0])
        if SECRET_WORD.search(m.group("name"))
    ]


def mask_url_secrets(url: str) -> str:
    """*url* for a message: a password after ``user:`` and the values of secret-looking query
    parameters become ``***``. Works on text that is not a valid URL too."""
    masked = _USERINFO_PASSWORD.sub(lambda m: f"{m.group('head')}***@", url, count=1)
    if "?" not in masked:
        return masked
    base, query = masked.split("?", 1)

    def hide(m: re.Match[str]) -> str:
        secret = SECRET_WORD.search(m.group("name"))
        return f"{m.group('sep')}{m.group('name')}={'***' if secret else m.group('value')}"

    return base + _QUERY_PAIR.sub(hide, "?" + query)
