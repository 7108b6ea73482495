"""Email by SMTP (SMTP_URL set): every outbox message is emailed by the queue, in the
recipient's language, as text and HTML, with the simulator footer, List-Id and a stable
Message-ID, and nothing personal beyond the recipient's own name; failures are kept and
retried. A real SMTP server (aiosmtpd on loopback) receives the bytes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from flask import Flask

from portal import clock
from portal.database import write_transaction
from portal.extensions import db, queue
from portal.mail import parse_smtp_url
from portal.models import DeliveryState, Message
from portal.services.outbox import messages as outbox
from tests.admin_helpers import enrolled_admin, sign_in_admin
from tests.conftest import TEST_PASSWORD
from tests.email_helpers import SmtpServer
from tests.factories import UserFactory
from tests.offers_helpers import WORKER, complete_draft


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    yield server
    server.stop()


@pytest.fixture
def smtp_app(make_app, app: Flask, smtp: SmtpServer) -> Iterator[Flask]:
    """The portal with SMTP_URL pointing at the test's server, tasks run at once."""
    other = make_app(SMTP_URL=smtp.url, QUEUE_IMMEDIATE=True)
    with other.app_context():
        yield other
    queue.huey.immediate = False


def sign_in(app: Flask, user):
    client = app.test_client()
    assert client.post("/sign-in", data={"email": user.email,
                                         "password": TEST_PASSWORD}).status_code == 302
    return client


def pay(client, offer_id: int) -> None:
    r = client.post(f"/employer/offers/{offer_id}/pay", data={
        "card_number": "4242 4242 4242 4242", "expiry": "12/29", "cvc": "123",
        "idempotency_key": f"email-test-key-{offer_id}-000", "pay": "1"})
    assert r.status_code == 302, r.text


def stored(kind: str) -> Message:
    db.session.commit()
    return db.session.scalars(db.select(Message).where(Message.kind == kind)).one()


def send_matched(user) -> None:
    with write_transaction():
        outbox.send(to_email=user.email, to_user_id=user.id, kind="offer_matched",
                    language=user.preferred_language,
                    context={"offer_number": "A1234567", "application_number": "W123456789",
                             "language": user.preferred_language})


def test_a_french_users_confirmation_arrives_in_french(smtp_app, smtp):
    user = UserFactory(preferred_language="fr", full_name="Josée Tremblay")
    client = sign_in(smtp_app, user)
    offer = complete_draft(user)
    pay(client, offer.id)
    [mail] = smtp.recorder.messages()
    number = db.session.get(type(offer), offer.id).number
    assert mail["Subject"] == f"L'offre {number} est présentée"
    assert mail["To"].addresses[0].display_name == "Josée Tremblay"
    assert mail["To"].addresses[0].addr_spec == user.email
    assert mail["Content-Language"] == "fr"
    assert mail["Auto-Submitted"] == "auto-generated"
    assert re.fullmatch(r"Employer Portal simulator <notifications\.[\w.-]+>",
                        str(mail["List-Id"]).strip())
    assert re.fullmatch(r"<outbox-\d+-[0-9a-f]{16}@[\w.-]+>", mail["Message-ID"])
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "est présentée. Son statut est maintenant « en attente »" in text
    assert "Ce n'est pas un service du gouvernement du Canada" in text
    assert "Aucun courriel n'a été envoyé" not in text  # the outbox's own note is left out
    assert '<html lang="fr">' in html and "Simulateur : pas un service du gouvernement" in html
    assert "est présentée" in html
    # Nothing about the worker: not the passport number, not a name.
    raw = smtp.recorder.accepted[0].decode("utf-8", "replace")
    for personal in (WORKER["worker_passport_number"], WORKER["worker_family_name"],
                     WORKER["worker_given_names"]):
        assert personal not in raw and personal not in text and personal not in html
    message = stored("offer_submitted")
    assert message.delivery_state == DeliveryState.SENT and message.delivery_attempts == 1


def test_an_english_message_is_emailed_in_english_with_links_in_the_html(smtp_app, smtp):
    user = UserFactory(preferred_language="en")
    send_matched(user)
    [mail] = smtp.recorder.messages()
    assert mail["Subject"] == "Offer A1234567 is matched to a work permit application"
    assert mail["Content-Language"] == "en"
    text = mail.get_body(("plain",)).get_content()
    assert "It is not a Government of Canada service" in text
    assert "Nothing was sent by email" not in text


# real_commits: the retry task runs (immediate mode) inside the sweep task's app context; on one
# shared test connection the sweep's savepoint rollback would undo the inner task's update.
@pytest.mark.real_commits
def test_a_temporary_failure_is_kept_and_retried_with_the_same_message_id(smtp_app, smtp):
    clock.freeze(clock.now())
    smtp.recorder.replies = ["451 4.3.0 Try again later"]
    user = UserFactory()
    send_matched(user)
    message = stored("offer_matched")
    assert message.delivery_state == DeliveryState.RETRYING
    assert message.delivery_error == "451 SMTPDataError" and message.delivery_attempts == 1
    assert smtp.recorder.accepted == []
    # Not yet due: the sweep leaves it alone.
    queue.enqueue("jobs.sweep")
    assert len(smtp.recorder.received) == 1
    clock.advance(timedelta(minutes=1, seconds=1))
    queue.enqueue("jobs.sweep")
    assert len(smtp.recorder.received) == 2 and len(smtp.recorder.accepted) == 1
    first, second = (re.search(rb"Message-ID: (\S+)", raw).group(1)
                     for raw in smtp.recorder.received)
    assert first == second  # one message to the reader's mail client
    message = stored("offer_matched")
    assert message.delivery_state == DeliveryState.SENT and message.delivery_attempts == 2
    # Sent is final: the task asked for again sends nothing.
    queue.enqueue("email.deliver", message_id=message.id)
    assert len(smtp.recorder.received) == 2


def test_a_permanent_refusal_fails_without_retrying(smtp_app, smtp):
    smtp.recorder.replies = ["550 5.7.1 Rejected"]
    send_matched(UserFactory())
    message = stored("offer_matched")
    assert message.delivery_state == DeliveryState.FAILED
    assert message.delivery_error == "550 SMTPDataError" and message.next_attempt_at is None


def test_a_server_that_is_down_is_retried(make_app, app):
    down = make_app(SMTP_URL="smtp://127.0.0.1:9", QUEUE_IMMEDIATE=True)  # discard port: closed
    try:
        with down.app_context():
            send_matched(UserFactory())
            message = stored("offer_matched")
            assert message.delivery_state == DeliveryState.RETRYING
            assert message.delivery_error == "ConnectionRefusedError"
    finally:
        queue.huey.immediate = False


def test_without_smtp_messages_stay_in_the_outbox(app):
    send_matched(UserFactory())
    assert stored("offer_matched").delivery_state == DeliveryState.STORED
    assert queue.pending_count() == 0


def test_the_admin_sees_delivery_states(smtp_app, smtp):
    smtp.recorder.replies = ["550 5.7.1 Rejected"]
    send_matched(UserFactory())
    admin = enrolled_admin()
    client = smtp_app.test_client()
    sign_in_admin(client, admin)
    page = client.get("/admin/email")
    assert page.status_code == 200
    assert "550 SMTPDataError" in page.text and "Failed" in page.text
    assert f"smtp://127.0.0.1:{smtp.port}" in page.text
    fr = client.get("/admin/email?lang=fr&state=failed")
    assert "Envoi des courriels" in fr.text and "Échec" in fr.text
    assert "offer_matched" in client.get("/admin/email?state=failed").text
    assert "offer_matched" not in client.get("/admin/email?state=sent").text


def test_the_smtp_url_names_starttls_and_keeps_the_password_out_of_sight():
    settings = parse_smtp_url("smtp://robot:s3cr%40t@mail.example:587?starttls=1")
    assert (settings.host, settings.port, settings.username, settings.password) == (
        "mail.example", 587, "robot", "s3cr@t")
    assert settings.starttls and not settings.implicit_tls
    assert "s3cr" not in settings.describe()
    assert not parse_smtp_url("smtp://mail.example").starttls
    assert parse_smtp_url("smtps://mail.example").implicit_tls
    with pytest.raises(ValueError, match="SMTP_URL"):
        parse_smtp_url("http://mail.example")
