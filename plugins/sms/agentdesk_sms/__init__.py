"""AgentDesk SMS gateway plugin: :class:`agentdesk_sms.client.HttpSmsGateway` speaks the SMS HTTP API
of ``openapi.yaml``; :mod:`agentdesk_sms.reference_gateway` is a loopback gateway that speaks it too."""
