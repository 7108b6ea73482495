"""Proof of email ownership (issue 12 item 4): registration sends a confirmation link, the
account can do nothing until it is confirmed, links work once for 24 hours and are stored
hashed, registration does not tell whether an email or business number is taken, messages sent
to an address before its account existed wait for the confirmation; password reset by a link
built the same way; expired links purged by the sweep. The embedded default (no SMTP)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.models import EmailLink, Employer, Message, User
from portal.services.accounts import email_links
from tests.accounts_helpers import confirm, latest_link, register_and_confirm
from tests.conftest import TEST_PASSWORD
from tests.factories import UserFactory
from tests.integration.auth.test_accounts import registration

EMAIL = "jordan.lee@example.com"


def _sign_in(client, email=EMAIL, password=TEST_PASSWORD):
    return client.post("/sign-in", data={"email": email, "password": password})


def _registered_unconfirmed(client, **overrides):
    assert client.post("/register", data=registration(**overrides)).status_code == 302
    assert _sign_in(client).headers["Location"].endswith("/account/confirm-email")
    return db.session.scalar(select(User).where(User.email == EMAIL))


@pytest.mark.parametrize(
    "url", ["/employer/", "/employer/profile", "/employer/team", "/employer/offers/export",
            "/account/password", "/employer/api-keys", "/employer/act-for"],
)
def test_an_unconfirmed_account_can_do_nothing_but_confirm(client, url):
    user = _registered_unconfirmed(client)
    assert user.email_confirmed_at is None
    response = client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/account/confirm-email")
    response = client.post(url, data={})
    assert response.status_code in (302, 405)
    if response.status_code == 302:
        assert response.headers["Location"].endswith("/account/confirm-email")
    started = client.post("/employer/offers/new")
    assert started.headers["Location"].endswith("/account/confirm-email")


def test_the_confirmation_page_holds_the_link_one_click_away_and_says_it_proves_nothing(client):
    _registered_unconfirmed(client)
    page = client.get("/account/confirm-email").get_data(as_text=True)
    assert "cannot prove that you own this address" in page
    path = latest_link(EMAIL)
    assert f'href="http://localhost{path}"' in page
    response = client.get(path)  # one click
    assert response.status_code == 302 and response.headers["Location"].endswith("/employer/")
    assert client.get("/employer/").status_code == 200
    assert "cannot prove that you own your email address" in client.get("/outbox").get_data(
        as_text=True)


def test_a_link_works_once_and_is_stored_only_hashed(client):
    _registered_unconfirmed(client)
    path = latest_link(EMAIL)
    token = path.rsplit("/", 1)[1]
    link = db.session.scalar(select(EmailLink))
    assert link.token_hash == email_links.hash_token(token) and token not in link.token_hash
    assert client.get(path).status_code == 302
    again = client.get(path)
    assert again.status_code == 404
    assert "This link does not work" in again.get_data(as_text=True)


def test_a_link_expires_after_24_hours_and_a_new_one_replaces_it(app, client):
    clock.freeze(clock.now())
    _registered_unconfirmed(client)
    old = latest_link(EMAIL)
    clock.advance(timedelta(hours=24, seconds=1))
    client = app.test_client()  # a new day, a new session
    assert _sign_in(client).headers["Location"].endswith("/account/confirm-email")
    assert client.get(old).status_code == 404
    assert db.session.get(User, db.session.scalar(select(User.id))).email_confirmed_at is None
    response = client.post("/account/confirm-email")
    assert response.status_code == 302
    new = latest_link(EMAIL)
    assert new != old
    clock.advance(timedelta(hours=23, minutes=59))
    assert app.test_client().get(new).status_code == 302  # opened from the mail, signed out
    db.session.commit()
    assert db.session.scalar(select(User.email_confirmed_at)) is not None


def test_a_link_made_just_before_the_limit_still_works(client):
    clock.freeze(clock.now())
    _registered_unconfirmed(client)
    clock.advance(timedelta(hours=23, minutes=59, seconds=59))
    assert client.get(latest_link(EMAIL)).status_code == 302


def _answer(client, **overrides):
    response = client.post("/register", data=registration(**overrides))
    page = client.get(response.headers["Location"])
    return response.status_code, response.headers["Location"], page.get_data(as_text=True)


def test_registration_answers_the_same_whether_or_not_the_email_or_number_is_taken(app):
    owner = UserFactory(email="owner@example.com", preferred_language="fr")
    fresh = _answer(app.test_client())
    taken_email = _answer(app.test_client(), email="OWNER@example.com",
                          business_number="046 454 286")
    taken_number = _answer(app.test_client(), email="someone.else@example.com",
                           business_number=owner.employer.business_number)
    assert fresh == taken_email == taken_number
    assert db.session.scalar(select(func.count(Employer.id))) == 2  # the owner's and the fresh
    told = db.session.scalars(
        select(Message).where(Message.recipient_user_id == owner.id).order_by(Message.id)
    ).all()
    assert [m.kind for m in told] == ["registration_attempt", "registration_attempt_business"]
    assert told[0].subject == "Quelqu'un a tenté de s'inscrire avec votre adresse"  # in French
    # The owner's account is untouched: their password still works.
    assert _sign_in(app.test_client(), "owner@example.com").status_code == 302


def test_messages_to_an_address_before_its_account_wait_for_the_confirmation(app):
    primary = UserFactory()
    inviter = app.test_client()
    assert _sign_in(inviter, primary.email).status_code == 302
    inviter.post("/employer/team/invite", data={"email": EMAIL, "permission": "submit"})
    squatter = app.test_client()
    _registered_unconfirmed(squatter)
    outbox = squatter.get("/outbox").get_data(as_text=True)
    assert "Invitation to act for" not in outbox  # someone who merely typed the address
    assert "Confirm your email address" in outbox  # their own message only
    confirm(squatter, EMAIL)
    assert "Invitation to act for" in squatter.get("/outbox").get_data(as_text=True)


def test_an_unconfirmed_account_cannot_accept_an_invitation(app):
    from portal.services.errors import Forbidden
    from portal.services.teams import invitations

    primary = UserFactory()
    inviter = app.test_client()
    _sign_in(inviter, primary.email)
    page = inviter.post("/employer/team/invite", data={"email": EMAIL, "permission": "submit"})
    import re

    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}",
                     page.get_data(as_text=True)).group(0)
    user = _registered_unconfirmed(app.test_client())
    with pytest.raises(Forbidden):
        invitations.accept_invitation(code=code, user_id=user.id, ip_address=None)
    db.session.rollback()
    db.session.get(User, user.id).email_confirmed_at = clock.now()
    db.session.commit()
    assert invitations.accept_invitation(code=code, user_id=user.id, ip_address=None) == \
        primary.employer_id


def test_a_confirmed_account_with_another_address_cannot_accept_an_invitation(app):
    import re

    from portal.models import Membership
    from portal.services.errors import Forbidden
    from portal.services.teams import invitations

    primary = UserFactory()
    inviter = app.test_client()
    _sign_in(inviter, primary.email)
    page = inviter.post("/employer/team/invite", data={"email": EMAIL, "permission": "submit"})
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}",
                     page.get_data(as_text=True)).group(0)
    someone_else = UserFactory(email="someone.else@example.com")  # confirmed, not the invitee
    assert someone_else.email_confirmed_at is not None
    with pytest.raises(Forbidden) as refused:
        invitations.accept_invitation(code=code, user_id=someone_else.id, ip_address=None)
    assert refused.value.message.code == "team.invitation_other_email"
    db.session.rollback()
    assert db.session.scalar(select(Membership).where(
        Membership.user_id == someone_else.id,
        Membership.employer_id == primary.employer_id)) is None


def test_confirmation_in_french(client):
    client.get("/register?lang=fr")
    client.post("/register", data=registration())
    message = db.session.scalar(select(Message).where(Message.kind == "email_confirmation"))
    assert message.language == "fr" and message.subject == "Confirmez votre adresse courriel"
    assert "Consultez vos courriels" in client.get("/register/check-email").get_data(as_text=True)
    _sign_in(client)
    page = client.get("/account/confirm-email").get_data(as_text=True)
    assert "ne peut donc pas prouver que cette adresse est la vôtre" in page
    client.get(latest_link(EMAIL))
    assert "Votre adresse courriel est confirmée." in client.get("/employer/").get_data(
        as_text=True)


def test_password_reset_answers_the_same_and_works_once(app, client):
    user = UserFactory(email="pat@example.com")
    known = client.post("/forgot-password", data={"email": "PAT@example.com"})
    unknown = client.post("/forgot-password", data={"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 200
    assert known.get_data(as_text=True) == unknown.get_data(as_text=True)
    other_device = app.test_client()
    assert _sign_in(other_device, user.email).status_code == 302
    path = latest_link("pat@example.com", kind="password_reset")
    assert "Choose a new password" in client.get(path).get_data(as_text=True)
    weak = client.post(path, data={"password": "short", "confirm_password": "short"})
    assert "at least 15" in weak.get_data(as_text=True)
    new = "a-fresh-reset-passphrase-2026"
    response = client.post(path, data={"password": new, "confirm_password": new})
    assert response.status_code == 302 and response.headers["Location"].endswith("/sign-in")
    assert other_device.get("/employer/").status_code == 302  # signed out everywhere
    assert _sign_in(app.test_client(), user.email).status_code == 401  # the old password
    assert _sign_in(app.test_client(), user.email, new).status_code == 302
    assert client.get(path).status_code == 404  # once only
    assert client.post(path, data={"password": new + "x", "confirm_password": new + "x"}
                       ).status_code == 404


def test_a_password_reset_link_expires_after_24_hours(client):
    clock.freeze(clock.now())
    UserFactory(email="pat@example.com")
    client.post("/forgot-password", data={"email": "pat@example.com"})
    path = latest_link("pat@example.com", kind="password_reset")
    clock.advance(timedelta(hours=24))
    assert client.get(path).status_code == 404


def test_the_sweep_purges_expired_and_used_links(client):
    clock.freeze(clock.now())
    UserFactory(email="pat@example.com")
    client.post("/forgot-password", data={"email": "pat@example.com"})
    _registered_unconfirmed(client)
    confirm(client, EMAIL)  # used
    assert db.session.scalar(select(func.count(EmailLink.id))) == 2
    from portal.jobs.sweep import sweep

    assert sweep()["email_links.purged"] == 1
    clock.advance(timedelta(hours=25))
    assert sweep()["email_links.purged"] == 1
    assert db.session.scalar(select(func.count(EmailLink.id))) == 0


def test_register_and_confirm_leaves_the_primary_user_on_the_dashboard(client):
    register_and_confirm(client, registration())
    assert "Northern Lights Robotics" in client.get("/employer/").get_data(as_text=True)
