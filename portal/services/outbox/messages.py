"""The simulator's outbox: messages the portal would email, stored and shown instead.

Guarantees: `send` renders the subject and body from templates/email/<kind>.txt in the recipient's
language (first line "Subject: ...", a blank line, then the body) and adds the message to the
current transaction; it never commits, so a message exists only if the change it reports does.
When SMTP_URL is set, the message is also emailed by the queue once the transaction commits
(`delivery`). Context values must not include personal data beyond what
the recipient already knows (names of the business, offer numbers, links); days are `date`
values, written out by the template's `day` filter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask_babel import force_locale
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy import or_, select

from portal.extensions import db, mail
from portal.i18n import format_day, format_money, one_period
from portal.models import Message, User
from portal.services.outbox import delivery

KINDS = (
    "invitation", "offer_submitted", "offer_matched", "refund_approved", "refund_issued",
    "decision",
    "email_confirmation", "password_reset", "registration_attempt",
    "registration_attempt_business", "registration_business_taken",
    "webhook_endpoint_disabled", "compliance_exemption_expired", "compliance_ban_ended",
    "inspection_opened", "inspection_preliminary", "inspection_decided",
    "inspection_penalty_default", "account_locked",
)
# Messages whose link proves the reader owns the address: with SMTP_URL set the link goes only
# by email, so the outbox page shows that they were sent, not what they say (`withheld`).
LINK_KINDS = ("email_confirmation", "password_reset")
_TEMPLATES = Path(__file__).resolve().parents[3] / "templates" / "email"
_env = Environment(
    loader=FileSystemLoader(_TEMPLATES),
    autoescape=select_autoescape(enabled_extensions=()),  # plain text
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    extensions=["jinja2.ext.i18n"],
)
# Amounts in sentences, in the message's language: "$230" / "230 $".
_env.filters["money"] = lambda cents: format_money(cents, whole_dollars=True)
# Days in the message's language: "December 1, 2026" / "1er décembre 2026" (context: dates).
_env.filters["day"] = format_day


def _render(kind: str, language: str, context: dict[str, Any]) -> tuple[str, str]:
    from flask_babel import gettext, ngettext

    with force_locale(language):
        _env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]  # jinja2.ext.i18n adds it
        text = one_period(_env.get_template(f"{kind}.txt").render(**context))  # "Inc.." no
    first, _, rest = text.partition("\n")
    if not first.startswith("Subject:"):
        raise ValueError(f"templates/email/{kind}.txt must start with 'Subject:'")
    return first.removeprefix("Subject:").strip(), rest.strip() + "\n"


def send(
    *, to_email: str, to_user_id: int | None, kind: str, language: str, context: dict[str, Any]
) -> None:
    """Store the message `kind` for the recipient, in `language` ("en" or "fr").

    Raises ValueError for an unknown kind or language. Adds to the current transaction; the
    caller commits. With SMTP configured, the email is queued for after the commit.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown message kind {kind!r}; add it to outbox.KINDS")
    if language not in ("en", "fr"):
        raise ValueError(f"unknown language {language!r}")
    subject, body = _render(kind, language, context)
    message = Message(
        recipient_user_id=to_user_id,
        recipient_email=to_email.strip().lower(),
        kind=kind,
        language=language,
        subject=subject[:200],
        body=body,
    )
    db.session.add(message)
    db.session.flush()
    if mail.enabled:
        delivery.queue_message(message)


def list_for_user(*, user_id: int, limit: int = 100) -> list[Message]:
    """Messages addressed to the user, newest first: by id, and, once the user has confirmed
    their address, those sent to it before they had an account (never to someone who merely
    typed the address when registering)."""
    user = db.session.get(User, user_id)
    if user is None:
        return []
    mine = Message.recipient_user_id == user_id
    if user.email_confirmed_at is not None:
        mine = or_(
            mine, (Message.recipient_user_id.is_(None)) & (Message.recipient_email == user.email)
        )
    stmt = select(Message).where(mine).order_by(Message.id.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def withheld(message: Message) -> bool:
    """Whether the outbox page must not show the message's text: a link that proves ownership
    of the address, while real email is on (it went only by email)."""
    return mail.enabled and message.kind in LINK_KINDS
