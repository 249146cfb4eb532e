"""``agentdesk notices ...``: outbound notices from the command line (IT, scheduled jobs).

    agentdesk notices segment [filters]                     # the count and a sample of names (audited)
    agentdesk notices send --title T --channel email|sms [filters] --body-fi TEXT|@FILE [--subject-fi S]
                           [--body-sv ...] [--body-en ...] [transport options]
    agentdesk notices resume NOTICE_ID [transport options]  # continue an interrupted send job
    agentdesk notices status [NOTICE_ID]                    # JSON: one job, or every unfinished one

Filters: --street NAME [--houses 1-40] --postal-code 33100 --municipality Tampere --role water_customer
--guardians. Transport: e-mail --smtp HOST:PORT [--smtp-security ssl|starttls|none] --sender ADDR
[--smtp-login LOGIN] (password from the OS keyring, as the e-mail channel's); SMS --gateway-url URL
[--gateway sms-http] (token from the keyring, service agentdesk-sms). ``--actor`` names the staff
member in the audit log (default: the login name). Exit status 0 when the job finished, 3 when it
stopped before (the channel went down: run ``resume``), 2 for bad input.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
from pathlib import Path

from agentdesk.storage.database import Database


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--street", default="", help='street name as the register writes it, e.g. "Hämeenkatu"')
    p.add_argument("--houses", default="", metavar="FROM-TO", help="house-number range, e.g. 1-40")
    p.add_argument("--postal-code", default="")
    p.add_argument("--municipality", default="")
    p.add_argument("--role", default="", help="a current role code, e.g. water_customer, daycare_child")
    p.add_argument("--guardians", action="store_true", help="the guardians of the matched persons instead")


def transport_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--smtp", metavar="HOST:PORT", help="SMTP server for e-mail notices")
    p.add_argument("--smtp-security", choices=("ssl", "starttls", "none"), default="ssl")
    p.add_argument("--smtp-login", default=None)
    p.add_argument("--sender", default="", help="From address of e-mail notices")
    p.add_argument("--sender-name", default="")
    p.add_argument("--gateway", default="sms-http", help="message gateway (entry point name)")
    p.add_argument("--gateway-url", default=os.environ.get("AGENTDESK_SMS_GATEWAY_URL", ""))
    p.add_argument("--batch", type=int, default=0, help="messages per batch (default: the channel's)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("notices", help="outbound notices to a segment of citizens (e-mail, SMS)")
    actions = p.add_subparsers(dest="notices_command", metavar="ACTION", required=True)

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--db", metavar="URL", help="database URL; default: the embedded database")
        q.add_argument("--actor", default="", help="staff username for the audit log (default: login name)")

    seg = actions.add_parser("segment", help="count a segment and show a sample of names")
    common(seg)
    _filters(seg)
    seg.set_defaults(func=_cmd_segment)

    send = actions.add_parser("send", help="plan a notice for a segment and send it")
    common(send)
    _filters(send)
    send.add_argument("--title", required=True)
    send.add_argument("--channel", choices=("email", "sms"), required=True)
    for lang in ("fi", "sv", "en"):
        send.add_argument(f"--subject-{lang}", default="")
        send.add_argument(f"--body-{lang}", default="", help="the text, or @FILE to read it from a file")
    transport_options(send)
    send.set_defaults(func=_cmd_send)

    resume = actions.add_parser("resume", help="continue an interrupted send job")
    common(resume)
    resume.add_argument("notice_id", type=int)
    transport_options(resume)
    resume.set_defaults(func=_cmd_resume)

    status = actions.add_parser("status", help="a send job's progress as JSON (default: every unfinished job)")
    common(status)
    status.add_argument("notice_id", type=int, nargs="?")
    status.set_defaults(func=_cmd_status)


def open_db(args: argparse.Namespace) -> Database:
    from agentdesk.storage import schema

    db = Database(args.db)
    schema.check_current(db)
    return db


def _actor(args: argparse.Namespace) -> str:
    return args.actor or getpass.getuser()


def _segment(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from agentdesk.outreach.segments import SegmentFilter, SegmentInputError, parse_house_range

    try:
        lo, hi = parse_house_range(args.houses)
    except SegmentInputError:
        raise BadOptions(f"--houses: give a range as FROM-TO, e.g. 1-40 (not {args.houses!r})") from None
    return SegmentFilter(
        street=args.street,
        house_from=lo,
        house_to=hi,
        postal_code=args.postal_code,
        municipality=args.municipality,
        role_code=args.role,
        guardians=args.guardians,
    )


class BadOptions(Exception):
    pass


def _problems(exc: Exception) -> str:
    problems = getattr(exc, "problems", None)
    if problems:
        return "; ".join(f"{field}: {message}" for field, (_code, message) in problems.items())
    return str(exc)


def _cmd_segment(args: argparse.Namespace) -> int:
    from agentdesk.outreach.segments import SegmentInputError, select_segment

    try:
        segment = _segment(args).cleaned()
        db = open_db(args)
        with db.session() as s, s.begin():
            answer = select_segment(s, segment, actor=_actor(args))
    except (SegmentInputError, BadOptions) as exc:
        print(f"agentdesk notices: {_problems(exc)}", file=sys.stderr)
        return 2
    print(json.dumps({"count": answer.count, "sample": list(answer.sample)}, ensure_ascii=False))
    return 0


def _text(value: str) -> str:
    return Path(value[1:]).read_text(encoding="utf-8") if value.startswith("@") else value


def transport_from(args: argparse.Namespace, channel: str):  # type: ignore[no-untyped-def]
    from agentdesk.channels.email_config import MailServer
    from agentdesk.outreach.transports import GatewayTransport, SmtpTransport, load_gateway

    if channel == "email":
        if not args.smtp or not args.sender:
            raise BadOptions("an e-mail notice needs --smtp HOST:PORT and --sender ADDRESS")
        host, _, port = args.smtp.rpartition(":")
        if not host or not port.isdigit():
            raise BadOptions(f"--smtp: give HOST:PORT (not {args.smtp!r})")
        return SmtpTransport(
            MailServer(host, int(port), args.smtp_security),
            sender=args.sender,
            sender_name=args.sender_name,
            login=args.smtp_login,
            **({"batch_size": args.batch} if args.batch else {}),
        )
    if not args.gateway_url:
        raise BadOptions("an SMS notice needs --gateway-url URL (or AGENTDESK_SMS_GATEWAY_URL)")
    try:
        gateway = load_gateway(args.gateway, args.gateway_url)
    except (LookupError, TypeError) as exc:
        raise BadOptions(str(exc)) from None
    return GatewayTransport(gateway, args.batch or None)


def _run(db: Database, notice_id: int, args: argparse.Namespace, channel: str) -> int:
    from agentdesk.outreach.sending import send_notice

    transport = transport_from(args, channel)
    try:

        def show(p) -> None:  # type: ignore[no-untyped-def]
            print(f"notice {p.notice_id}: {p.sent} sent, {p.failed} failed, {p.remaining} to go", file=sys.stderr)

        outcome = send_notice(db, notice_id, transport, actor=_actor(args), on_progress=show, sender=args.sender)
    finally:
        transport.close()
    print(json.dumps(dataclasses.asdict(outcome.progress) | {"stopped": outcome.stopped}, default=str))
    return 0 if not outcome.stopped else 3


def _cmd_send(args: argparse.Namespace) -> int:
    from agentdesk.outreach.notices import NoticeDraft, NoticeInputError, NoticeText, plan_notice
    from agentdesk.outreach.segments import SegmentInputError
    from agentdesk.storage.models import Channel, Language

    try:
        segment = _segment(args).cleaned()
        texts = {
            Language(lang): NoticeText(getattr(args, f"subject_{lang}"), _text(getattr(args, f"body_{lang}")))
            for lang in ("fi", "sv", "en")
        }
        draft = NoticeDraft(args.title, Channel(args.channel), segment, texts)
        transport_from(args, args.channel).close()  # check the transport options before planning
        db = open_db(args)
        with db.session() as s, s.begin():
            planned = plan_notice(s, draft, actor=_actor(args))
        print(
            f"notice {planned.notice_id}: {planned.recipients} recipients, {planned.unreachable} unreachable",
            file=sys.stderr,
        )
        return _run(db, planned.notice_id, args, args.channel)
    except (SegmentInputError, NoticeInputError, BadOptions, OSError) as exc:
        print(f"agentdesk notices: {_problems(exc)}", file=sys.stderr)
        return 2


def _cmd_resume(args: argparse.Namespace) -> int:
    from agentdesk.outreach.sending import progress_of

    db = open_db(args)
    try:
        progress = progress_of(db, args.notice_id)
        return _run(db, args.notice_id, args, progress.channel.value)
    except (LookupError, BadOptions) as exc:
        print(f"agentdesk notices: {_problems(exc)}", file=sys.stderr)
        return 2


def _cmd_status(args: argparse.Namespace) -> int:
    from agentdesk.outreach.sending import progress_of, unfinished_notices

    db = open_db(args)
    try:
        jobs = [progress_of(db, args.notice_id)] if args.notice_id else unfinished_notices(db)
    except LookupError as exc:
        print(f"agentdesk notices: {exc}", file=sys.stderr)
        return 2
    print(json.dumps([dataclasses.asdict(j) for j in jobs], default=str, indent=2))
    return 0
