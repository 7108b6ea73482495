"""Per-account sign-in limits (issue 12 item 5): ten failed passwords or second-factor codes in
an hour, from any addresses, lock the account for fifteen minutes: even the right password is
refused, in the user's language; an unknown email gets exactly the same answers; the owner is
told once per lockout; it is audited without personal data; the API's keys are unaffected."""

from __future__ import annotations

import html
import json
from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.jobs.sweep import sweep
from portal.models import AccountGuard, AuditEvent, Message, SignInFailure
from tests.accounts_helpers import latest_link
from tests.admin_helpers import NOW
from tests.api_helpers import bearer, make_key
from tests.conftest import TEST_PASSWORD
from tests.factories import UserFactory

LOCKED = "Too many failed sign-in attempts for this account."
LOCKED_FR = "Trop de tentatives d'ouverture de session ont échoué pour ce compte."
WRONG = "The email address or password is not correct."


@pytest.fixture
def limited(make_app):
    """Rate limits on, as in production; every request below comes from its own address."""
    clock.freeze(NOW)
    app = make_app(RATELIMIT_ENABLED=True)
    with app.app_context():
        yield app
        db.session.rollback()


_addresses = iter(f"198.51.{n // 250}.{n % 250 + 1}" for n in range(100_000))


def _post(app, path: str, data: dict, client=None, **headers):
    client = client or app.test_client()
    return client.post(path, data=data, headers=headers,
                       environ_base={"REMOTE_ADDR": next(_addresses)})


WRONG_PASSWORD = "wrong-password-000"


def _sign_in(app, email: str, password: str = WRONG_PASSWORD, client=None, **headers):
    return _post(app, "/sign-in", {"email": email, "password": password}, client, **headers)


def _notices(user_id: int) -> list[Message]:
    db.session.commit()
    return list(db.session.scalars(select(Message).where(
        Message.recipient_user_id == user_id, Message.kind == "account_locked")))


def test_ten_failures_from_ten_addresses_lock_even_the_right_password(limited):
    user = UserFactory()
    answers = [_sign_in(limited, user.email) for _ in range(10)]
    assert [a.status_code for a in answers] == [401] * 9 + [429]
    assert all(WRONG in a.get_data(as_text=True) for a in answers[:9])
    assert LOCKED in answers[9].get_data(as_text=True)

    client = limited.test_client()
    right = _sign_in(limited, user.email, TEST_PASSWORD, client)
    assert right.status_code == 429
    page = right.get_data(as_text=True)
    assert LOCKED in page and "15 minutes" in page and user.email in page  # the email is kept
    assert client.get("/employer/").status_code == 302  # not signed in

    db.session.commit()
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "account.locked"))
    [event] = list(events)
    assert event.object_id == str(user.id) and json.loads(event.details) == {"failures": 10,
                                                                   "minutes": 15}
    assert event.ip_address is None and user.email not in str(event.details)
    keys = db.session.scalars(select(SignInFailure.account_key)).all()
    assert len(keys) == 10 and not any(user.email in key for key in keys)


def test_the_lock_ends_after_fifteen_minutes(limited):
    user = UserFactory()
    for _ in range(10):
        _sign_in(limited, user.email)
    clock.advance(timedelta(minutes=14, seconds=59))
    assert _sign_in(limited, user.email, TEST_PASSWORD).status_code == 429
    clock.advance(timedelta(seconds=1))
    assert _sign_in(limited, user.email, TEST_PASSWORD).status_code == 302
    # The failures before the lock are not counted again: nine more do not lock it.
    assert [_sign_in(limited, user.email).status_code for _ in range(9)] == [401] * 9
    assert _sign_in(limited, user.email, TEST_PASSWORD).status_code == 302


def test_a_password_reset_by_link_ends_the_lockout(limited):
    user = UserFactory()
    for _ in range(10):
        _sign_in(limited, user.email)
    assert _post(limited, "/forgot-password", {"email": user.email}).status_code == 200
    new_password = "quartz-meadow-harbour-lantern-7"
    path = latest_link(user.email, "password_reset")
    reset = _post(limited, path, {"password": new_password, "confirm_password": new_password})
    assert reset.status_code == 302, reset.get_data(as_text=True)
    assert _sign_in(limited, user.email, new_password).status_code == 302


def test_an_unknown_email_gets_exactly_the_same_answers(limited):
    user = UserFactory(email="known@example.com")
    unknown = "nobody@example.com"
    for attempt in range(11):
        password = TEST_PASSWORD if attempt == 10 else WRONG_PASSWORD
        known = _sign_in(limited, user.email, password)
        other = _sign_in(limited, unknown, password)
        assert known.status_code == other.status_code
        assert (known.get_data(as_text=True).replace(user.email, "EMAIL")
                == other.get_data(as_text=True).replace(unknown, "EMAIL"))
    assert known.status_code == 429 and LOCKED in known.get_data(as_text=True)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(AccountGuard)) == 2


def test_the_owner_is_told_once_per_lockout_in_their_language(limited):
    user = UserFactory(preferred_language="fr")
    for _ in range(15):
        _sign_in(limited, user.email)
    [notice] = _notices(user.id)
    assert notice.language == "fr"
    assert notice.subject == "Votre compte est verrouillé pour un moment"
    assert "10 tentatives" in notice.body and "15 minutes" in notice.body
    assert "2026-11-24 15:15 UTC" in notice.body
    assert "198.51." not in notice.body  # nothing about who tried
    french = _sign_in(limited, user.email, TEST_PASSWORD, **{"Accept-Language": "fr"})
    assert LOCKED_FR in html.unescape(french.get_data(as_text=True))

    clock.advance(timedelta(minutes=15))
    for _ in range(10):
        _sign_in(limited, user.email)
    assert len(_notices(user.id)) == 2  # a new lockout, a new notice


def _totp_user():
    secret = pyotp.random_base32()
    return UserFactory(totp_secret=secret, totp_enrolled_at=clock.now()), secret


def test_wrong_second_factor_codes_count_with_wrong_passwords(limited):
    user, secret = _totp_user()
    for _ in range(5):
        _sign_in(limited, user.email)
    client = limited.test_client()
    assert _sign_in(limited, user.email, TEST_PASSWORD, client).status_code == 302
    answers = [_post(limited, "/account/second-factor", {"code": "000000"}, client)
               for _ in range(5)]
    assert "not correct" in answers[3].get_data(as_text=True)
    assert LOCKED in answers[4].get_data(as_text=True)
    right = _post(limited, "/account/second-factor",
                  {"code": pyotp.TOTP(secret).at(clock.now())}, client)
    assert LOCKED in right.get_data(as_text=True)
    assert client.get("/employer/").status_code == 302  # the code was refused
    assert _sign_in(limited, user.email, TEST_PASSWORD).status_code == 429
    assert len(_notices(user.id)) == 1


def test_ten_wrong_codes_alone_lock_and_a_recovery_code_is_refused_meanwhile(limited):
    user, _secret = _totp_user()
    client = limited.test_client()
    _sign_in(limited, user.email, TEST_PASSWORD, client)
    for _ in range(10):
        _post(limited, "/account/second-factor", {"code": "abcde-fghjk"}, client)
    refused = _post(limited, "/account/second-factor", {"code": "123456"}, client)
    assert LOCKED in refused.get_data(as_text=True)
    assert _sign_in(limited, user.email, TEST_PASSWORD).status_code == 429


def test_the_api_keys_of_a_locked_account_still_work(limited):
    user = UserFactory()
    token = make_key(user)
    for _ in range(10):
        _sign_in(limited, user.email)
    assert _sign_in(limited, user.email, TEST_PASSWORD).status_code == 429
    response = limited.test_client().get("/api/v1/me", headers=bearer(token))
    assert response.status_code == 200


def test_the_sweep_deletes_old_failures_and_ended_lockouts(limited):
    user = UserFactory()
    for _ in range(12):
        _sign_in(limited, user.email)
    _sign_in(limited, "nobody@example.com")
    clock.advance(timedelta(minutes=30))
    sweep()
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(AccountGuard)) == 2  # too early
    clock.advance(timedelta(minutes=31))
    sweep()
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(SignInFailure)) == 0
    assert db.session.scalar(select(func.count()).select_from(AccountGuard)) == 0
