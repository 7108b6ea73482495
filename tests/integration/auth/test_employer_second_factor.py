"""Employers' second factor (issue 12 item 6): an employer user turns TOTP on for their own
account (QR code and printed secret, recovery codes shown once, stored hashed, single use);
every later sign-in asks for a code; the primary user can require it for the whole team, and
members without it are taken to set it up; administrators keep theirs mandatory."""

from __future__ import annotations

import re
from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import select

from portal import clock
from portal.extensions import db
from portal.models import AuditEvent, MemberRole, Membership, Permission, RecoveryCode, User
from portal.services.accounts import second_factor
from tests.admin_helpers import NOW, enrolled_admin
from tests.conftest import TEST_PASSWORD
from tests.factories import UserFactory


def _sign_in(client, user):
    return client.post("/sign-in", data={"email": user.email, "password": TEST_PASSWORD})


def _secret(user_id: int) -> str:
    db.session.commit()
    user = db.session.get(User, user_id)
    assert user is not None and user.totp_secret
    return user.totp_secret


def _code(user_id: int, *, later: int = 0) -> str:
    return pyotp.TOTP(_secret(user_id)).at(clock.now() + timedelta(seconds=30 * later))


def _turn_on(client, user) -> list[str]:
    page = client.get("/account/second-factor/set-up").get_data(as_text=True)
    assert 'src="data:image/svg+xml;base64,' in page  # the QR code, no script
    secret = _secret(user.id)
    assert " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)) in page
    response = client.post("/account/second-factor/set-up", data={"code": _code(user.id)})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "This is the only time these codes are shown." in html
    return re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", html)


@pytest.fixture
def frozen():
    clock.freeze(NOW)


def test_an_employer_turns_it_on_and_every_sign_in_then_asks_for_a_code(app, client, frozen):
    user = UserFactory()
    _sign_in(client, user)
    assert "Off: signing in asks only for your password" in client.get(
        "/account/security").get_data(as_text=True)
    codes = _turn_on(client, user)
    assert len(codes) == 10 and len(set(codes)) == 10
    stored = db.session.scalars(select(RecoveryCode.code_hash)
                                .where(RecoveryCode.user_id == user.id)).all()
    assert len(stored) == 10 and not set(codes) & set(stored)  # hashed only
    assert client.get("/employer/").status_code == 200  # this session passed it

    later = app.test_client()
    assert _sign_in(later, user).status_code == 302
    response = later.get("/employer/")
    assert response.headers["Location"].endswith("/account/second-factor")
    assert later.get("/employer/profile").headers["Location"].endswith("/account/second-factor")
    wrong = later.post("/account/second-factor", data={"code": "000000"})
    assert "not correct" in wrong.get_data(as_text=True)
    clock.advance(timedelta(seconds=30))
    response = later.post("/account/second-factor", data={"code": _code(user.id)})
    assert response.headers["Location"].endswith("/employer/")
    assert later.get("/employer/").status_code == 200


def test_a_code_works_once_and_a_recovery_code_once(app, client, frozen):
    user = UserFactory()
    _sign_in(client, user)
    codes = _turn_on(client, user)
    used = _code(user.id)  # accepted at enrolment
    again = app.test_client()
    _sign_in(again, user)
    assert "not correct or was already used" in again.post(
        "/account/second-factor", data={"code": used}).get_data(as_text=True)
    assert again.post("/account/second-factor", data={"code": codes[0].upper()}
                      ).status_code == 302
    third = app.test_client()
    _sign_in(third, user)
    assert third.post("/account/second-factor", data={"code": codes[0]}).status_code == 200
    assert third.get("/employer/").status_code == 302


def test_turning_it_off_needs_a_code(app, client, frozen):
    user = UserFactory()
    _sign_in(client, user)
    _turn_on(client, user)
    client.post("/account/second-factor/turn-off", data={"code": "123456"})
    assert second_factor.is_enrolled(user_id=user.id)
    clock.advance(timedelta(seconds=30))
    client.post("/account/second-factor/turn-off", data={"code": _code(user.id)})
    db.session.commit()
    assert not second_factor.is_enrolled(user_id=user.id)
    assert db.session.scalars(select(RecoveryCode).where(RecoveryCode.user_id == user.id)
                              ).all() == []
    fresh = app.test_client()
    _sign_in(fresh, user)
    assert fresh.get("/employer/").status_code == 200
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "second_factor.enrolled" in actions and "second_factor.turned_off" in actions


def _member(primary, permission=Permission.PREPARE):
    member = UserFactory(employer=primary.employer, role="employer_secondary")
    db.session.add(Membership(user_id=member.id, employer_id=primary.employer_id,
                              role=MemberRole.SECONDARY, permission=permission))
    db.session.commit()
    return member


def test_the_primary_user_requires_it_for_the_whole_team(app, client, frozen):
    primary = UserFactory()
    member = _member(primary)
    _sign_in(client, primary)
    refused = client.post("/account/security/team", data={"required": "y"}, follow_redirects=True)
    assert "Set up your own second factor first" in refused.get_data(as_text=True)
    _turn_on(client, primary)
    client.post("/account/security/team", data={"required": "y"})
    db.session.commit()
    assert primary.employer.second_factor_required

    member_client = app.test_client()
    assert _sign_in(member_client, member).status_code == 302
    for url in ("/employer/", "/employer/team", "/outbox"):
        assert member_client.get(url).headers["Location"].endswith(
            "/account/second-factor/set-up"), url
    page = member_client.get("/account/second-factor/set-up").get_data(as_text=True)
    assert "Your team requires a second factor" in page
    _turn_on(member_client, member)
    assert member_client.get("/employer/").status_code == 200
    # Required by the team: it cannot be turned off.
    clock.advance(timedelta(seconds=30))
    member_client.post("/account/second-factor/turn-off", data={"code": _code(member.id)})
    assert second_factor.is_enrolled(user_id=member.id)
    # Only the primary user sets the rule.
    assert member_client.post("/account/security/team", data={}).status_code == 403


def test_admins_keep_it_mandatory(app, client, frozen):
    admin = enrolled_admin()
    from portal.services.errors import Conflict

    with pytest.raises(Conflict):
        second_factor.turn_off(user_id=admin.id, code=_code(admin.id), ip_address=None)
    _sign_in(client, admin)
    assert client.get("/account/second-factor").headers["Location"].endswith(
        "/admin/second-factor")
    assert client.get("/account/security").status_code in (302, 404)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_pages_in_both_languages(client, lang, frozen):
    user = UserFactory()
    _sign_in(client, user)
    words = {"en": ("Sign-in security", "Turn on the second factor"),
             "fr": ("Sécurité de l'ouverture de session", "Activer le deuxième facteur")}[lang]
    assert words[0] in client.get(f"/account/security?lang={lang}").get_data(as_text=True)
    assert words[1] in client.get(f"/account/second-factor/set-up?lang={lang}").get_data(
        as_text=True)


def test_changing_the_password_keeps_the_second_factor_passed_in_this_session(client, frozen):
    user = UserFactory()
    _sign_in(client, user)
    _turn_on(client, user)
    new = "a-brand-new-passphrase-2026"
    response = client.post("/account/password",
                           data={"current": TEST_PASSWORD, "new": new, "confirm": new})
    assert response.status_code == 302
    assert client.get("/employer/").status_code == 200


def test_signed_in_is_said_only_once_the_second_factor_is_passed(app, client, frozen):
    """Issue 13 item 25: "You are signed in." appeared after the password alone."""
    from tests.admin_helpers import current_code

    plain = UserFactory()
    first = _sign_in(client, plain)
    assert "You are signed in." in client.get(first.headers["Location"]).get_data(as_text=True)
    user = UserFactory()
    setting_up = app.test_client()
    _sign_in(setting_up, user)
    _turn_on(setting_up, user)
    later = app.test_client()
    page = later.get(_sign_in(later, user).headers["Location"], follow_redirects=True)
    assert "Enter" in page.get_data(as_text=True)
    assert "You are signed in." not in page.get_data(as_text=True)
    clock.advance(timedelta(seconds=30))
    done = later.post("/account/second-factor", data={"code": _code(user.id)},
                      follow_redirects=True)
    assert "You are signed in." in done.get_data(as_text=True)

    admin = enrolled_admin()
    officer = app.test_client()
    step = officer.get(_sign_in(officer, admin).headers["Location"]).get_data(as_text=True)
    assert "You are signed in" not in step
    done = officer.post("/admin/second-factor", data={"code": current_code(admin.totp_secret)},
                        follow_redirects=True)
    assert "You are signed in as an administrator." in done.get_data(as_text=True)
