"""The password rule and changing a password.

Guarantees: a password is between MIN_LENGTH and MAX_LENGTH characters and not a common one;
it is stored only as an Argon2id hash; a change ends every session that carried the old
session version (the one that changed it included: the view starts a new one).
"""

from __future__ import annotations

from portal import clock, passwords
from portal.database import write_transaction
from portal.extensions import db
from portal.models import User
from portal.rules.messages import Message
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.errors import DomainError


class PasswordRejected(DomainError):
    pass


def check_password_rule(password: str, *, field: str = "password") -> None:
    """Raise PasswordRejected when the password breaks the rule."""
    if len(password) < passwords.MIN_LENGTH:
        raise PasswordRejected(
            Message.of("password.too_short", n=passwords.MIN_LENGTH), field=field
        )
    if len(password) > passwords.MAX_LENGTH:
        raise PasswordRejected(
            Message.of("password.too_long", n=passwords.MAX_LENGTH), field=field
        )
    if passwords.is_common(password):
        raise PasswordRejected(
            Message.of("password.too_common"), field=field
        )


def change_password(*, user: User, current: str, new: str, actor: Actor) -> None:
    """Change the password and end all other sessions. Raises PasswordRejected."""
    if not passwords.verify_password(user.password_hash, current):
        raise PasswordRejected(Message.of("password.current_wrong"), field="current")
    check_password_rule(new, field="new")
    if passwords.verify_password(user.password_hash, new):
        raise PasswordRejected(
            Message.of("password.unchanged"), field="new"
        )
    with write_transaction():
        found = db.session.get(User, user.id)
        assert found is not None, "the user acting is stored"
        user = found
        user.password_hash = passwords.hash_password(new)
        user.password_changed_at = clock.now()
        user.session_version += 1
        audit.record("user.password_changed", actor=actor, object_type="user", object_id=user.id)
