"""The employer's webhook endpoints: create, list, change, delete (the primary user only).

Guarantees: the secret is `whsec_` + base64 of 24 random bytes, returned once (`Created`) and
never logged or audited; at most 20 endpoints per employer; events are known types, at least
one; a change is audited (the URL's host, the events; never the secret); deleting keeps the row
(its deliveries keep their history) and stops every delivery still due; turning a disabled
endpoint on again forgets its failures.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import func, select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import WebhookEndpoint, WebhookEventType
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import DomainError, NotFound
from portal.services.teams.membership import require_primary
from portal.services.webhooks import events as webhook_events
from portal.services.webhooks.addresses import UrlPolicy, check_url

SECRET_PREFIX = "whsec_"  # noqa: S105  (the prefix of every secret, not one)
MAX_ENDPOINTS = 20
DESCRIPTION_MAX = 200


@dataclass(frozen=True)
class Created:
    endpoint: WebhookEndpoint
    secret: str  # shown once


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def parse_events(values: Iterable[str]) -> str:
    """The stored form (comma-separated, in WebhookEventType order) of the event names given;
    DomainError on field "events" for none or an unknown one."""
    names = {str(value).strip() for value in values if str(value).strip()}
    known = {member.value for member in WebhookEventType}
    if not names or names - known:
        raise DomainError(Message.of("webhook.events"), field="events")
    return ",".join(member.value for member in WebhookEventType if member.value in names)


def _audit(action: str, endpoint: WebhookEndpoint, actor: Actor, **details: object) -> None:
    audit.record(action, actor=actor, employer_id=endpoint.employer_id,
                 object_type="webhook_endpoint", object_id=endpoint.id,
                 details={"host": urlsplit(endpoint.url).hostname, **details})


def create_endpoint(*, actor: Actor, url: str, events: Iterable[str], description: str = "",
                    policy: UrlPolicy) -> Created:
    """A new enabled endpoint for the actor's employer. Commits. Raises NotFound, Forbidden
    (not the primary user), DomainError on "url", "events" or "description" (too many)."""
    employer_id = require_primary(actor)
    url = check_url(url, policy=policy)
    stored_events = parse_events(events)
    secret = new_secret()
    with write_transaction():
        count = db.session.scalar(select(func.count(WebhookEndpoint.id)).where(
            WebhookEndpoint.employer_id == employer_id, WebhookEndpoint.deleted_at.is_(None)))
        if (count or 0) >= MAX_ENDPOINTS:
            raise DomainError(Message.of("webhook.too_many"), field="url")
        now = clock.now()
        endpoint = WebhookEndpoint(
            employer_id=employer_id, url=url, events=stored_events, secret=secret,
            description=(description or "").strip()[:DESCRIPTION_MAX], enabled=True,
            created_by_user_id=actor.user_id, created_at=now, updated_at=now,
        )
        db.session.add(endpoint)
        db.session.flush()
        _audit("webhook.endpoint_created", endpoint, actor, events=stored_events)
    return Created(endpoint=endpoint, secret=secret)


def list_endpoints(*, actor: Actor) -> list[WebhookEndpoint]:
    """The employer's endpoints (not deleted), oldest first. Raises NotFound, Forbidden."""
    employer_id = require_primary(actor)
    return list(db.session.scalars(
        select(WebhookEndpoint)
        .where(WebhookEndpoint.employer_id == employer_id, WebhookEndpoint.deleted_at.is_(None))
        .order_by(WebhookEndpoint.id)
    ))


def get_endpoint(*, actor: Actor, endpoint_id: int, for_update: bool = False) -> WebhookEndpoint:
    """One of the employer's endpoints. Raises NotFound (another employer's, deleted, unknown),
    Forbidden (not the primary user)."""
    employer_id = require_primary(actor)
    stmt = select(WebhookEndpoint).where(
        WebhookEndpoint.id == endpoint_id, WebhookEndpoint.employer_id == employer_id,
        WebhookEndpoint.deleted_at.is_(None))
    if for_update:
        stmt = stmt.with_for_update()
    endpoint = db.session.scalar(stmt)
    if endpoint is None:
        raise NotFound(Message.of("webhook.not_found"))
    return endpoint


def update_endpoint(*, actor: Actor, endpoint_id: int, enabled: bool | None = None,
                    events: Iterable[str] | None = None) -> WebhookEndpoint:
    """Turn the endpoint on or off and/or change its events. Commits. Raises NotFound,
    Forbidden, DomainError on "events"."""
    stored_events = parse_events(events) if events is not None else None
    with write_transaction():
        endpoint = get_endpoint(actor=actor, endpoint_id=endpoint_id, for_update=True)
        changes: dict[str, object] = {}
        if stored_events is not None and stored_events != endpoint.events:
            endpoint.events = changes["events"] = stored_events
        if enabled is not None and enabled != endpoint.enabled:
            endpoint.enabled = changes["enabled"] = enabled
            if enabled:  # a fresh start: the failures that disabled it are forgotten
                endpoint.failing_since = None
                endpoint.disabled_at = None
            else:
                webhook_events.stop_due_deliveries(endpoint.id, reason="endpoint disabled")
        if changes:
            endpoint.updated_at = clock.now()
            _audit("webhook.endpoint_changed", endpoint, actor, **changes)
    return endpoint


def delete_endpoint(*, actor: Actor, endpoint_id: int) -> None:
    """Delete the endpoint: nothing more is delivered to it. Commits. Raises NotFound,
    Forbidden."""
    with write_transaction():
        endpoint = get_endpoint(actor=actor, endpoint_id=endpoint_id, for_update=True)
        endpoint.deleted_at = endpoint.updated_at = clock.now()
        endpoint.enabled = False
        webhook_events.stop_due_deliveries(endpoint.id, reason="endpoint deleted")
        _audit("webhook.endpoint_deleted", endpoint, actor)
