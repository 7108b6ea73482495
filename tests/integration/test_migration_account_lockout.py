"""Migration 0026: the per-account sign-in limit's two tables come and go, and once upgraded
the lockout works on the migrated schema (not only on the tests' create_all one)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from portal.database import write_transaction
from portal.extensions import db
from portal.services.accounts import lockout
from tests.databases import app_at_revision

TABLES = {"account_guard", "sign_in_failure"}


@pytest.fixture
def app_at_0025(tmp_path):
    with app_at_revision(tmp_path, "0025") as app:
        yield app


def _tables() -> set[str]:
    return set(sa.inspect(db.engine).get_table_names())


def test_0026_adds_the_lockout_tables_and_removes_them(app_at_0025):
    assert not TABLES & _tables()

    upgrade(revision="0026")

    assert _tables() >= TABLES
    limits = lockout.LockoutLimits(failures_per_hour=2)
    key = lockout.email_key("nobody@example.com", secret=b"k")
    for expected in (False, True):
        with write_transaction():
            assert lockout.count_failure(key, kind=lockout.PASSWORD, user=None,
                                         limits=limits) is expected
    with pytest.raises(lockout.AccountLocked):
        lockout.refuse_when_locked(key, limits)
    db.session.commit()

    downgrade(revision="0025")

    assert not TABLES & _tables()
