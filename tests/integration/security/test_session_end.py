"""Sessions that really end (issue 12 item 1): past the idle or absolute limit a session writes
nothing, however often its cookie is replayed, and is dead on the server (its id recorded as
ended); what it posted to a draft section is held for that user only, comes back into the
form after they sign in again, and is purged after 24 hours."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.jobs.sweep import sweep
from portal.models import AuditEvent, EndedSession, HeldForm, Offer, Role
from tests.factories import UserFactory
from tests.offers_helpers import complete_draft

COOKIE = "portal_session"
TYPED = {"worker_family_name": "Tremblay-Typed", "worker_given_names": "Ana", "worker_sex": "F",
         "worker_date_of_birth": "1990-04-25", "worker_country_of_birth": "FR",
         "worker_citizenship": "FR", "worker_residence_country": "FR",
         "worker_passport_number": "18AV12345", "worker_passport_expiry": "2032-01-01",
         "save": "1"}


def _draft_signed_in(client, auth):
    clock.freeze(clock.now())
    user = UserFactory()
    offer = complete_draft(user)
    db.session.commit()
    assert auth.sign_in(user.email).status_code == 302
    return user, offer, f"/employer/offers/{offer.id}/foreign-worker"


def _family_name(offer) -> str | None:
    db.session.expire_all()
    stored = db.session.get(Offer, offer.id)
    assert stored is not None
    return stored.worker_family_name


def _counts() -> tuple[int, int]:
    db.session.rollback()
    return (db.session.scalar(select(func.count(AuditEvent.id))) or 0,
            db.session.scalar(select(func.count(HeldForm.id))) or 0)


def _replay(client, cookie: str, url: str, times: int = 4) -> list:
    responses = []
    for _ in range(times):
        client.set_cookie(COOKIE, cookie)
        responses.append(client.post(url, data=TYPED))
    return responses


def _assert_refused(responses, offer) -> None:
    for response in responses:
        assert response.status_code == 302
        assert "/sign-in" in response.headers["Location"]
    db.session.expire_all()
    assert _family_name(offer) != "Tremblay-Typed"


def test_an_idle_cookie_replayed_writes_nothing_and_is_ended_on_the_server(client, auth):
    _user, offer, url = _draft_signed_in(client, auth)
    assert client.get(url).status_code == 200
    cookie = client.get_cookie(COOKIE).value
    audited, _held = _counts()
    clock.advance(timedelta(minutes=31))
    _assert_refused(_replay(client, cookie, url), offer)
    assert _counts() == (audited, 1)  # no audited write; one held input (the latest post)
    assert db.session.scalar(select(func.count()).select_from(EndedSession)) == 1
    # Dead on the server: even with a clock that says it is fresh again, the id is refused.
    clock.advance(timedelta(minutes=-31))
    client.set_cookie(COOKIE, cookie)
    response = client.get(url)
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_a_cookie_past_the_absolute_limit_writes_nothing(client, auth):
    _user, offer, url = _draft_signed_in(client, auth)
    for _ in range(24):  # active every 29 minutes, for 11 h 36 min
        clock.advance(timedelta(minutes=29))
        assert client.get("/employer/").status_code == 200
    cookie = client.get_cookie(COOKIE).value
    clock.advance(timedelta(minutes=29))
    audited, _held = _counts()
    _assert_refused(_replay(client, cookie, url, times=3), offer)
    assert _counts()[0] == audited


def test_a_signed_out_cookie_is_refused(client, auth):
    _user, offer, url = _draft_signed_in(client, auth)
    cookie = client.get_cookie(COOKIE).value
    auth.sign_out()
    _assert_refused(_replay(client, cookie, url, times=2), offer)


def test_what_was_typed_comes_back_after_sign_in_for_that_user_only(client, auth, app):
    user, offer, url = _draft_signed_in(client, auth)
    clock.advance(timedelta(minutes=31))
    response = client.post(url, data=TYPED)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "what you had typed will be back in the form" in page
    colleague = UserFactory(role=Role.EMPLOYER_SECONDARY, employer=user.employer)
    db.session.commit()
    other = app.test_client()
    other.post("/sign-in", data={"email": colleague.email,
                                 "password": "plum-orbit-canvas-lantern-42"})
    assert "Tremblay-Typed" not in other.get(url).get_data(as_text=True)
    signed = auth.sign_in(user.email)
    assert signed.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert 'value="Tremblay-Typed"' in page
    assert "check it" in page.lower()
    db.session.expire_all()
    assert _family_name(offer) != "Tremblay-Typed"  # unsaved
    assert 'value="Tremblay-Typed"' not in client.get(url).get_data(as_text=True)  # once
    saved = client.post(url, data=TYPED)
    assert saved.status_code == 302
    db.session.expire_all()
    assert _family_name(offer) == "Tremblay-Typed"


def test_held_input_and_ended_sessions_are_purged(client, auth):
    _user, _offer, url = _draft_signed_in(client, auth)
    clock.advance(timedelta(minutes=31))
    client.post(url, data=TYPED)
    assert _counts()[1] == 1
    clock.advance(timedelta(hours=25))
    sweep()
    db.session.rollback()
    assert _counts()[1] == 0
    assert db.session.scalar(select(func.count()).select_from(EndedSession)) == 0


def test_the_limits_are_settings():
    code = ("import config; c = config.Config; print(c.SESSION_IDLE_TIMEOUT.total_seconds(), "
            "c.SESSION_ABSOLUTE_TIMEOUT.total_seconds())")
    env = {**os.environ, "PORTAL_SESSION_IDLE_MINUTES": "5", "PORTAL_SESSION_MAX_HOURS": "2"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["300.0", "7200.0"]
