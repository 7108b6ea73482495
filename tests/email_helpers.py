"""A real SMTP server for the email tests: aiosmtpd on loopback, in the test process. It keeps
the bytes of every message that reaches DATA, and answers what the test tells it to."""

from __future__ import annotations

import email
import socket
from email.message import EmailMessage
from email.policy import default

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Recorder:
    """aiosmtpd handler: records each message's raw bytes; `replies` answers DATA in turn."""

    def __init__(self) -> None:
        self.received: list[bytes] = []
        self.accepted: list[bytes] = []
        self.replies: list[str] = []  # e.g. ["451 4.3.0 Try again later"]; then 250

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope.content)
        reply = self.replies.pop(0) if self.replies else "250 OK"
        if reply.startswith("250"):
            self.accepted.append(envelope.content)
        return reply

    def messages(self) -> list[EmailMessage]:
        return [email.message_from_bytes(raw, policy=default) for raw in self.accepted]


class SmtpServer:
    def __init__(self) -> None:
        self.recorder = Recorder()
        self.port = free_port()
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.controller.stop()
