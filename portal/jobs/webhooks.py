"""Delivering webhooks: one signed POST per attempt, retried with backoff by the queue.

Each attempt is signed by the Standard Webhooks specification with the `standardwebhooks`
library (webhook-id, webhook-timestamp, webhook-signature: v1, HMAC-SHA256 of
"id.timestamp.body"). The timestamp is the wall clock's, not the sandbox clock's: the receiver
checks it against its own clock.

Safety: the host is resolved here and every address checked (no loopback, private, link-local
or multicast address unless WEBHOOKS_ALLOW_PRIVATE), then the connection is made to the address
checked (a second lookup could answer differently); https only when WEBHOOKS_HTTPS_ONLY (as in
production); a redirect is an answer, never followed; connect and read time out after
WEBHOOKS_TIMEOUT_SECONDS; at most WEBHOOKS_BODY_MAX bytes of the answer are read. Logs name the
delivery, the attempt, the status and the state: never the secret or the payload.
"""

from __future__ import annotations

import http.client
import logging
import socket
import ssl
import time
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from flask import current_app
from standardwebhooks.webhooks import Webhook

from portal import clock
from portal.extensions import queue
from portal.services.webhooks import delivery
from portal.services.webhooks.addresses import refused_address
from portal.services.webhooks.events import DELIVER_TASK

logger = logging.getLogger(__name__)
USER_AGENT = "EmployerPortalSimulator-Webhooks/1.0"


class AddressRefused(Exception):
    """The host resolves to an address the portal may not call."""


@queue.task(DELIVER_TASK)
def deliver(delivery_id: int) -> str:
    """One attempt at a delivery; returns what became of it. The sandbox clock's offset is read
    afresh: a delivery made by another process just after a clock move is due at once."""
    clock.forget_offset()
    config = current_app.config
    attempt = delivery.claim(delivery_id,
                             lease=timedelta(seconds=config["WEBHOOKS_LEASE_SECONDS"]))
    if attempt is None:
        return "not due"
    result = post(attempt, timeout=float(config["WEBHOOKS_TIMEOUT_SECONDS"]),
                  allow_private=bool(config["WEBHOOKS_ALLOW_PRIVATE"]),
                  https_only=bool(config["WEBHOOKS_HTTPS_ONLY"]),
                  body_max=int(config["WEBHOOKS_BODY_MAX"]))
    outcome = delivery.record_result(attempt.delivery_id, result)
    logger.info("webhook.attempt delivery=%s attempt=%s status=%s error=%s state=%s",
                attempt.delivery_id, attempt.attempt, result.status, result.error, outcome.state)
    if outcome.retry_in is not None:
        queue.enqueue_in(DELIVER_TASK, outcome.retry_in.total_seconds(),
                         delivery_id=attempt.delivery_id)
    return outcome.state


def signed_headers(attempt: delivery.Attempt, *, now: datetime | None = None) -> dict[str, str]:
    moment = now or datetime.now(UTC)
    signature = Webhook(attempt.secret).sign(attempt.webhook_id, moment, attempt.payload)
    return {
        "webhook-id": attempt.webhook_id,
        "webhook-timestamp": str(int(moment.timestamp())),
        "webhook-signature": signature,
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
    }


def resolve(host: str, port: int, *, allow_private: bool) -> str:
    """The address to connect to; AddressRefused when any address of the host is refused."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = [str(info[4][0]) for info in infos]
    for address in addresses:
        reason = refused_address(address, allow_private=allow_private)
        if reason is not None:
            raise AddressRefused(reason)
    return addresses[0]


class _PinnedHTTP(http.client.HTTPConnection):
    """A connection to an address already checked, with the URL's host in the Host header."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]  # http.client's own context


def post(attempt: delivery.Attempt, *, timeout: float, allow_private: bool, https_only: bool,
         body_max: int) -> delivery.Result:
    """POST the signed payload once; what the endpoint did (never raises for its faults)."""
    started = time.monotonic()

    def result(status: int | None, error: str | None, excerpt: bytes = b"") -> delivery.Result:
        return delivery.Result(status=status, error=error,
                               excerpt=excerpt[:delivery.EXCERPT_MAX].decode("utf-8", "replace"),
                               duration_ms=int((time.monotonic() - started) * 1000))

    parts = urlsplit(attempt.url)
    secure = parts.scheme == "https"
    if parts.hostname is None or (https_only and not secure):
        return result(None, "URL refused: https only")
    port = parts.port or (443 if secure else 80)
    try:
        address = resolve(parts.hostname, port, allow_private=allow_private)
    except AddressRefused as refused:
        return result(None, f"address refused: {refused}")
    except OSError as error:
        return result(None, f"DNS lookup failed: {type(error).__name__}")
    kind: Any = _PinnedHTTPS if secure else _PinnedHTTP
    connection = kind(parts.hostname, port, address=address, timeout=timeout)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("POST", path, body=attempt.payload.encode(),
                           headers=signed_headers(attempt))
        response = connection.getresponse()
        body = _read_capped(response, body_max, deadline=started + 3 * timeout)
    except TimeoutError:
        return result(None, "timeout")
    except ssl.SSLError as error:
        return result(None, f"TLS error: {type(error).__name__}")
    except (OSError, http.client.HTTPException) as error:
        return result(None, type(error).__name__)
    finally:
        connection.close()
    status = response.status
    if 300 <= status < 400:
        return result(status, f"HTTP {status}: redirect not followed", body)
    return result(status, None if 200 <= status < 300 else f"HTTP {status}", body)


def _read_capped(response: http.client.HTTPResponse, limit: int, *, deadline: float) -> bytes:
    """At most `limit` bytes of the answer, and no reading past the deadline."""
    chunks: list[bytes] = []
    size = 0
    while size < limit and time.monotonic() < deadline:
        chunk = response.read1(min(4096, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
