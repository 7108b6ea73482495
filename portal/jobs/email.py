"""Emailing an outbox message (SMTP_URL set): one attempt per task, retried with backoff.

The email is made here, at the edge, in the message's language: the stored text, and the same
text as HTML, each with the simulator's footer; headers From, To (the recipient's own name and
address: nothing else personal), Subject, a stable Message-ID (the same on every attempt, so a
message sent twice is one message to the reader), List-Id, Content-Language and Auto-Submitted.
The outbox's own closing line ("Nothing was sent by email") is left out of what is emailed.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import smtplib
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape

from portal import clock
from portal.extensions import mail, queue
from portal.models.enums import DeliveryState
from portal.services.outbox import delivery

logger = logging.getLogger(__name__)
OUTBOX_NOTE = "This message comes from the Employer Portal simulator. Nothing was sent by email."
_URL = re.compile(r"https?://[^\s<>\"]+")


@queue.task("email.deliver")
def deliver(message_id: int) -> str:
    """One attempt at emailing the message; returns what became of it."""
    outgoing = delivery.claim(message_id)
    if outgoing is None:
        return "not due"
    email = compose(outgoing)
    try:
        mail.send(email)
    except smtplib.SMTPRecipientsRefused as error:
        codes = sorted({int(code) for code, _text in error.recipients.values()})
        return _failed(outgoing, f"{'/'.join(map(str, codes))} recipient refused",
                       permanent=all(code >= 500 for code in codes))
    except smtplib.SMTPResponseException as error:
        code = int(error.smtp_code)
        return _failed(outgoing, f"{code} {type(error).__name__}", permanent=500 <= code < 600)
    except (smtplib.SMTPException, OSError) as error:
        return _failed(outgoing, type(error).__name__, permanent=False)
    delivery.record_sent(outgoing.message_id)
    logger.info("email.sent message=%s attempt=%s", outgoing.message_id, outgoing.attempt)
    return "sent"


def _failed(outgoing: delivery.Outgoing, reason: str, *, permanent: bool) -> str:
    # The reason is a code and an error class: never the address or the message.
    state = delivery.record_failure(outgoing.message_id, reason=reason, permanent=permanent)
    logger.warning("email.failed message=%s attempt=%s reason=%s state=%s",
                   outgoing.message_id, outgoing.attempt, reason, state)
    if state == DeliveryState.RETRYING:
        queue.enqueue_in("email.deliver", delivery.retry_delay(outgoing.attempt).total_seconds(),
                         message_id=outgoing.message_id)
    return state


def message_id_header(message_id: int) -> str:
    """<outbox-ID-TAG@domain>: the same for every attempt; the tag (keyed with the app's
    secret) keeps ids of other portals' messages from colliding."""
    config = current_app.config
    tag = hmac.new(config["SECRET_KEY"].encode(), f"outbox:{message_id}".encode(),
                   hashlib.sha256).hexdigest()[:16]
    return f"<outbox-{message_id}-{tag}@{config['MAIL_DOMAIN']}>"


def compose(outgoing: delivery.Outgoing) -> EmailMessage:
    config = current_app.config
    with force_locale(outgoing.language):
        body = _without_outbox_note(outgoing.body, _(OUTBOX_NOTE))
        footer = [_("This is the Employer Portal simulator, a training and integration sandbox. "
                    "It is not a Government of Canada service: nothing done there reaches "
                    "IRCC."),
                  _("You receive this email because of your account, or an invitation, on the "
                    "simulator. Do not reply: nobody reads this address.")]
        text = body.rstrip() + "\n\n-- \n" + "\n".join(footer) + "\n"
        html = render_template("email/layout.html", language=outgoing.language,
                               subject=outgoing.subject, paragraphs=_paragraphs(body),
                               footer=footer)
    email = EmailMessage()
    email["From"] = config["MAIL_FROM"]
    email["To"] = formataddr((outgoing.to_name, outgoing.to_email))
    email["Subject"] = outgoing.subject
    email["Date"] = format_datetime(clock.now())
    email["Message-ID"] = message_id_header(outgoing.message_id)
    email["List-Id"] = f"Employer Portal simulator <notifications.{config['MAIL_DOMAIN']}>"
    email["Auto-Submitted"] = "auto-generated"
    email.set_content(text)
    email.add_alternative(html, subtype="html")
    email["Content-Language"] = outgoing.language  # after the body: set_content clears Content-*
    return email


def _without_outbox_note(body: str, note: str) -> str:
    stripped = body.rstrip()
    return stripped.removesuffix(note).rstrip() + "\n" if stripped.endswith(note) else body


def _paragraphs(body: str) -> list[Markup]:
    """The text as HTML paragraphs: escaped, line breaks kept, web addresses as links."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", body.strip()):
        lines = [_linkify(line) for line in block.splitlines()]
        paragraphs.append(Markup("<br>\n").join(lines))
    return paragraphs


def _linkify(line: str) -> Markup:
    out, last = [], 0
    for match in _URL.finditer(line):
        out.append(escape(line[last:match.start()]))
        out.append(Markup('<a href="{0}">{0}</a>').format(match.group(0)))  # format escapes
        last = match.end()
    out.append(escape(line[last:]))
    return Markup("").join(out)
