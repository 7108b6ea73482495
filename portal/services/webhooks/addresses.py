"""Which webhook URLs and addresses the portal may call.

A URL is http or https (https only when the policy says so, as in production), with a host and
no credentials. An address is refused when it is not a public one: loopback, private, link-local,
multicast, reserved or unspecified (IPv4 and IPv6, IPv4-mapped included), unless the policy
allows private addresses (WEBHOOKS_ALLOW_PRIVATE=1: tests and local development). The check on
the URL sees only a literal address or `localhost`; the delivery resolves the name and checks
every address again just before it connects (a name may point anywhere).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from portal.rules.messages import Message
from portal.services.errors import DomainError

URL_MAX = 2000


@dataclass(frozen=True)
class UrlPolicy:
    https_only: bool
    allow_private: bool


def refused_address(address: str, *, allow_private: bool) -> str | None:
    """Why the IP address may not be called ("loopback", "private"...), or None."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if allow_private:
        return "multicast" if ip.is_multicast else None
    for reason in ("loopback", "link_local", "multicast", "private", "reserved", "unspecified"):
        if getattr(ip, f"is_{reason}"):
            return reason.replace("_", "-")
    return None if ip.is_global else "private"


def check_url(url: str, *, policy: UrlPolicy) -> str:
    """The URL, stripped, or DomainError on field "url" saying what is wrong with it."""
    url = (url or "").strip()
    parts = urlsplit(url)
    allowed = ("https",) if policy.https_only else ("https", "http")
    if not url or len(url) > URL_MAX or parts.scheme not in allowed or not parts.hostname:
        if policy.https_only and parts.scheme == "http":
            raise DomainError(Message.of("webhook.url_https"), field="url")
        raise DomainError(Message.of("webhook.url_invalid"), field="url")
    if parts.username or parts.password or parts.fragment:
        raise DomainError(Message.of("webhook.url_invalid"), field="url")
    try:
        parts.port  # noqa: B018  (raises ValueError for a bad port)
    except ValueError:
        raise DomainError(Message.of("webhook.url_invalid"), field="url") from None
    host = parts.hostname
    if host == "localhost" or host.endswith(".localhost"):
        host = "127.0.0.1"
    try:
        reason = refused_address(host, allow_private=policy.allow_private)
    except ValueError:
        reason = None  # a name: checked when it is resolved, at each delivery
    if reason is not None:
        raise DomainError(Message.of("webhook.url_private"), field="url")
    return url
