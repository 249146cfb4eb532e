"""``agentdesk citizen ...`` and ``agentdesk feedback ...``: the citizens' web service and the surveys,
for IT's service units and scheduled jobs.

    agentdesk citizen serve [--host 127.0.0.1] [--port 8470] [--link-base URL] [--queue self_service]
    agentdesk feedback send [--link-base URL] [--within-days 3] [--valid-days 14] [--quiet-days 30]
                            [--prefer email|sms]
                            [e-mail and SMS options of ``agentdesk notices send``]

``feedback send`` plans a survey for each contact closed in the last days and sends them: e-mail
through ``--smtp``/``--sender`` and SMS through ``--gateway-url`` (whichever is given; a survey of the
other channel waits for a run that has it). It prints one JSON object (planned, and per channel sent,
failed, stopped) and exits 0, or 3 when a channel stopped before the end (run it again), 2 for bad
input. The links are signed with the secret in the OS keyring (service agentdesk-citizen-web, made on
first use) and point at ``--link-base`` (the address citizens reach the web service at).
"""

from __future__ import annotations

import argparse
import json
import sys

from agentdesk.outreach.commands import BadOptions, open_db, transport_from, transport_options

DEFAULT_PORT = 8470


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("citizen", help="the citizens' web service: feedback surveys and self-service updates")
    actions = p.add_subparsers(dest="citizen_command", metavar="ACTION", required=True)
    serve = actions.add_parser("serve", help="serve the survey pages, the self-service form and the JSON API")
    serve.add_argument("--db", metavar="URL", help="database URL; default: the embedded database")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--link-base", default="", help="the public address of this service (survey links)")
    serve.add_argument("--queue", default="self_service", help="the work queue of self-service updates")
    serve.set_defaults(func=_cmd_serve)

    f = sub.add_parser("feedback", help="feedback surveys after closed contacts")
    f_actions = f.add_subparsers(dest="feedback_command", metavar="ACTION", required=True)
    send = f_actions.add_parser("send", help="plan and send the surveys of the recently closed contacts")
    send.add_argument("--db", metavar="URL", help="database URL; default: the embedded database")
    send.add_argument("--link-base", required=True, help="where citizens reach the web service")
    send.add_argument("--within-days", type=int, default=3)
    send.add_argument("--valid-days", type=int, default=14)
    send.add_argument("--quiet-days", type=int, default=30)
    send.add_argument(
        "--prefer", choices=("email", "sms"), default="email", help="the channel of a citizen who has both"
    )
    transport_options(send)
    send.set_defaults(func=_cmd_send)


def _cmd_serve(args: argparse.Namespace) -> int:
    from agentdesk.citizen.feedback import FeedbackSurveys
    from agentdesk.citizen.links import ensure_link_secret
    from agentdesk.citizen.updates import SelfServiceUpdates
    from agentdesk.citizen.web import CitizenServices, CitizenWebServer

    db = open_db(args)
    base = args.link_base or f"http://{args.host}:{args.port}"
    services = CitizenServices(
        FeedbackSurveys(db, ensure_link_secret(), link_base=base), SelfServiceUpdates(db, queue_code=args.queue)
    )
    try:
        server = CitizenWebServer(services, args.host, args.port)
    except OSError as exc:
        print(f"citizen serve: cannot listen on {args.host}:{args.port} ({exc.strerror})", file=sys.stderr)
        return 2
    print(f"citizen web service on {server.url} (Ctrl+C stops it)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _cmd_send(args: argparse.Namespace) -> int:
    from agentdesk.citizen.feedback import FeedbackSurveys, SurveyPolicy
    from agentdesk.citizen.links import ensure_link_secret
    from agentdesk.storage.models import Channel

    if min(args.within_days, args.valid_days) < 1 or args.quiet_days < 0:
        print("feedback send: --within-days and --valid-days are at least 1", file=sys.stderr)
        return 2
    channels = [c for c, given in ((Channel.EMAIL, args.smtp), (Channel.SMS, args.gateway_url)) if given]
    if not channels:
        print("feedback send: give --smtp and --sender (e-mail) and/or --gateway-url (SMS)", file=sys.stderr)
        return 2
    try:
        transports = [transport_from(args, c.value) for c in channels]
    except BadOptions as exc:
        print(f"feedback send: {exc}", file=sys.stderr)
        return 2
    db = open_db(args)
    order = (Channel.EMAIL, Channel.SMS) if args.prefer == "email" else (Channel.SMS, Channel.EMAIL)
    policy = SurveyPolicy(
        within_days=args.within_days, valid_days=args.valid_days, quiet_days=args.quiet_days, send_by=order
    )
    surveys = FeedbackSurveys(db, ensure_link_secret(), link_base=args.link_base, policy=policy)
    result: dict[str, object] = {"planned": surveys.plan()}
    stopped = False
    for transport in transports:
        try:
            outcome = surveys.send(transport)
        finally:
            transport.close()
        result[transport.channel.value] = {"sent": outcome.sent, "failed": outcome.failed, "stopped": outcome.stopped}
        stopped = stopped or bool(outcome.stopped)
    print(json.dumps(result))
    return 3 if stopped else 0
