"""Form input held on the server (portal.services.held): only its own user reads it back, and
the sweep deletes it after 24 hours."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.jobs.sweep import sweep
from portal.models import HeldForm
from portal.services.held import forms as held
from tests.factories import UserFactory


def test_held_input_is_read_back_only_by_its_user(app):
    owner, other = UserFactory(), UserFactory()
    token = held.hold_search(user_id=owner.id, path="/employer/", criteria={"q": "Rivera"})
    assert held.held_search(user_id=owner.id, token=token) == {"q": "Rivera"}
    assert held.held_search(user_id=other.id, token=token) is None
    held.hold_timed_out_input(user_id=owner.id, path="/p", data={"f": ["typed"]})
    assert held.take_timed_out_input(user_id=other.id, path="/p") is None
    assert held.take_timed_out_input(user_id=owner.id, path="/p") == {"f": ["typed"]}
    assert held.take_timed_out_input(user_id=owner.id, path="/p") is None  # restored once


def test_the_sweep_deletes_held_input_after_24_hours(app):
    user = UserFactory()
    held.hold_search(user_id=user.id, path="/employer/", criteria={"q": "old"})
    held.hold_timed_out_input(user_id=user.id, path="/p", data={"f": ["old"]})
    clock.freeze(clock.now() + timedelta(hours=23))
    fresh = held.hold_search(user_id=user.id, path="/employer/", criteria={"q": "new"})
    sweep()
    assert db.session.scalar(select(func.count(HeldForm.id))) == 3
    clock.freeze(clock.now() + timedelta(hours=2))  # the first two are 25 hours old
    sweep()
    assert list(db.session.scalars(select(HeldForm.token))) == [fresh]
    assert held.take_timed_out_input(user_id=user.id, path="/p") is None
