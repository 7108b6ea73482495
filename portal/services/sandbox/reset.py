"""`flask sandbox reset --yes`: the database back to the demo state.

Guarantees: refused unless the configuration allows the sandbox (SEED_DEMO_ALLOWED: never in
production); every table the models define is emptied in one transaction (the migrations'
alembic_version is not a model, so it stays), the sandbox clock included, the reset is the
first event of the new audit log (`sandbox.reset`), then the demo seed runs (demo.seed) and
its sign-ins, with fresh passwords, are returned for printing.
"""

from __future__ import annotations

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.rules.messages import Message
from portal.services.actor import Actor, require_admin
from portal.services.audit import chain as audit
from portal.services.errors import Conflict
from portal.services.sandbox import demo


def reset(*, actor: Actor, allowed: bool) -> list[demo.DemoAccount]:
    require_admin(actor)
    if not allowed:
        raise Conflict(Message.of("sandbox.reset_disabled"))
    with write_transaction():
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.flush()
        audit.record("sandbox.reset", actor=actor, object_type="sandbox")
    clock.forget_offset()
    return demo.seed()
