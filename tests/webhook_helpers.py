"""A real webhook receiver for the tests: an HTTP server on loopback, in the test process.

It verifies every request with the `standardwebhooks` library (an implementation we did not
write) once it knows the endpoint's secret, keeps what arrived, answers what the test tells it
to (a status, a redirect, a slow answer), and applies each webhook-id's effect once (dedupe).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    verified: bool
    payload: Any = None
    at: float = 0.0  # time.monotonic() on arrival

    @property
    def webhook_id(self) -> str:
        return self.headers.get("webhook-id", "")


@dataclass
class Reply:
    status: int = 200
    delay: float = 0.0  # seconds before answering (a timeout, or a consumer killed meanwhile)
    location: str | None = None
    body: bytes = b'{"ok": true}'


@dataclass
class Receiver:
    secret: str | None = None
    tls: Any = None  # an ssl.SSLContext (server side): the receiver speaks https
    replies: list[Reply] = field(default_factory=list)  # answered in turn; then 200
    received: list[Received] = field(default_factory=list)
    effects: dict[str, Any] = field(default_factory=dict)  # webhook-id -> payload, once
    on_arrival: Any = None  # called after each request is recorded

    def __post_init__(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.arrived({k.lower(): v for k, v in self.headers.items()}, body)
                reply = receiver.replies.pop(0) if receiver.replies else Reply()
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    if reply.location:
                        self.send_header("Location", reply.location)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except OSError:
                    pass  # the portal gave up waiting (a timeout)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if self.tls is not None:
            self.server.socket = self.tls.wrap_socket(self.server.socket, server_side=True)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        scheme = "https" if self.tls is not None else "http"
        return f"{scheme}://127.0.0.1:{self.server.server_address[1]}/hooks?source=portal"

    def arrived(self, headers: dict[str, str], body: bytes) -> None:
        verified, payload = False, None
        if self.secret:
            try:
                payload = Webhook(self.secret).verify(body, headers)
                verified = True
            except WebhookVerificationError:
                payload = json.loads(body)
        self.received.append(Received(headers=headers, body=body, verified=verified,
                                      payload=payload, at=time.monotonic()))
        if verified:
            self.effects.setdefault(headers["webhook-id"], payload)
        if self.on_arrival is not None:
            self.on_arrival()

    def types(self) -> list[str]:
        return [json.loads(r.body)["type"] for r in self.received]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
