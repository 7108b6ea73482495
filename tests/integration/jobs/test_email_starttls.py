"""Email over STARTTLS (SMTP_URL with ?starttls=1): a real SMTP server on loopback that refuses
anything before STARTTLS, with a self-signed certificate the test trusts, and a password that
is accepted only over TLS. The message arrives, and the server saw TLS and the sign-in."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from flask import Flask

from portal.database import write_transaction
from portal.extensions import db, queue
from portal.models import DeliveryState, Message
from portal.services.outbox import messages as outbox
from tests.email_helpers import Recorder, free_port
from tests.factories import UserFactory


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (its own issuer) and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


class TlsRecorder(Recorder):
    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[tuple[bool, object]] = []  # (over TLS, who signed in)

    async def handle_DATA(self, server, session, envelope):
        self.sessions.append((session.ssl is not None, session.auth_data))
        return await super().handle_DATA(server, session, envelope)


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = auth_data.login == b"robot" and auth_data.password == b"s3cret-pass"
    return AuthResult(success=ok, auth_data=auth_data.login if ok else None)


@pytest.fixture
def tls_server(tmp_path, monkeypatch) -> Iterator[tuple[TlsRecorder, int]]:
    cert, key = self_signed(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the portal's default context trusts it
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    recorder, port = TlsRecorder(), free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port, tls_context=context,
                            require_starttls=True, authenticator=authenticate,
                            auth_required=True, auth_require_tls=True)
    controller.start()
    yield recorder, port
    controller.stop()


@pytest.fixture
def tls_app(make_app, app: Flask, tls_server) -> Iterator[Flask]:
    _, port = tls_server
    other = make_app(SMTP_URL=f"smtp://robot:s3cret-pass@127.0.0.1:{port}?starttls=1",
                     QUEUE_IMMEDIATE=True)
    with other.app_context():
        yield other
    queue.huey.immediate = False


def test_a_message_is_sent_over_starttls_with_the_password_after_tls(tls_app, tls_server):
    recorder, _ = tls_server
    user = UserFactory(preferred_language="fr")
    with write_transaction():
        outbox.send(to_email=user.email, to_user_id=user.id, kind="offer_matched",
                    language="fr", context={"offer_number": "A1234567",
                                            "application_number": "W123456789",
                                            "language": "fr"})
    [mail] = recorder.messages()
    assert mail["Subject"].startswith("L'offre A1234567")
    [(over_tls, login)] = recorder.sessions
    assert over_tls and login == b"robot"
    db.session.commit()
    message = db.session.scalars(db.select(Message)).one()
    assert message.delivery_state == DeliveryState.SENT


def test_a_certificate_the_portal_does_not_trust_fails_the_attempt(tls_app, tls_server,
                                                                     monkeypatch, tmp_path):
    recorder, _ = tls_server
    (tmp_path / "other").mkdir()
    other_cert, _ = self_signed(tmp_path / "other")
    monkeypatch.setenv("SSL_CERT_FILE", str(other_cert))  # trusts another certificate only
    user = UserFactory()
    with write_transaction():
        outbox.send(to_email=user.email, to_user_id=user.id, kind="offer_matched",
                    language="en", context={"offer_number": "A1234567",
                                            "application_number": "W123456789",
                                            "language": "en"})
    assert recorder.accepted == []
    db.session.commit()
    message = db.session.scalars(db.select(Message)).one()
    assert message.delivery_state == DeliveryState.RETRYING
    assert message.delivery_error == "SSLCertVerificationError"
