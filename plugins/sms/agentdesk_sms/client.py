"""The desk's side of the SMS HTTP API (openapi.yaml): batches of messages over one kept-alive
HTTP session, each with its idempotency key. Built only on the public plugin API."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import requests

from agentdesk.plugin_api import BackendError, BackendUnavailable, GatewayConfig, OutboundText, TextDelivery, text_of

MAX_BATCH = 500  # the API's limit per request (openapi.yaml)


class HttpSmsGateway:
    """A :class:`agentdesk.plugin_api.MessageGateway` for an SMS gateway speaking openapi.yaml."""

    max_batch = MAX_BATCH

    def __init__(self, config: GatewayConfig) -> None:
        self._url = config.url.rstrip("/")
        self._timeout = config.timeout
        self._session = requests.Session()
        if config.token:
            self._session.headers["Authorization"] = f"Bearer {config.token}"

    def send_batch(self, messages: Sequence[OutboundText]) -> Sequence[TextDelivery]:
        if not messages:
            return []
        if len(messages) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} messages per batch")
        body = {"messages": [{"idempotency_key": m.idempotency_key, "to": m.to, "text": m.text} for m in messages]}
        try:
            response = self._session.post(f"{self._url}/v1/messages/batch", json=body, timeout=self._timeout)
        except requests.RequestException as exc:
            raise BackendUnavailable(f"the SMS gateway did not answer ({type(exc).__name__})") from None
        if response.status_code >= 500:
            raise BackendUnavailable(f"the SMS gateway failed (HTTP {response.status_code})")
        if response.status_code != 200:
            raise BackendError(f"the SMS gateway refused the batch (HTTP {response.status_code})")
        try:
            results: Any = response.json()["results"]
        except (ValueError, KeyError, TypeError):
            raise BackendError("the SMS gateway's answer was malformed") from None
        if not isinstance(results, list):
            raise BackendError("the SMS gateway's answer was malformed")
        sent = {m.idempotency_key for m in messages}
        out = []
        for item in results:
            if not isinstance(item, dict):
                continue
            key = text_of(item.get("idempotency_key"))
            if key not in sent:
                continue
            status = text_of(item.get("status"))
            out.append(
                TextDelivery(
                    idempotency_key=key,
                    accepted=status in ("accepted", "duplicate"),
                    duplicate=status == "duplicate",
                    error=text_of(item.get("error"))[:200],
                )
            )
        return out

    def close(self) -> None:
        self._session.close()
