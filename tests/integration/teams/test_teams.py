"""Employer teams and representatives: invitations (code shown once, link in the outbox),
permissions, removal that ends sessions, and representatives acting for several employers."""

from __future__ import annotations

import re

from flask_login import login_user
from sqlalchemy import select

from portal.access import ACTING_EMPLOYER_KEY, current_actor
from portal.extensions import db
from portal.models import AuditEvent, Invitation, Message, User
from tests.accounts_helpers import confirm
from tests.conftest import TEST_PASSWORD
from tests.factories import UserFactory

NEW_PASSWORD = "harbour-violet-kettle-summit-77"


def _signed_in_client(app, user):
    client = app.test_client()
    response = client.post("/sign-in", data={"email": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return client


def _invite(client, email: str, permission: str) -> str:
    response = client.post("/employer/team/invite", data={"email": email, "permission": permission})
    assert response.status_code == 200, response.get_data(as_text=True)
    match = re.search(
        r"([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})", response.get_data(as_text=True)
    )
    assert match
    return match.group(1)


def _actor_for(app, user, acting_employer_id=None):
    with app.test_request_context("/"):
        from flask import session

        login_user(db.session.get(User, user.id))
        if acting_employer_id is not None:
            session[ACTING_EMPLOYER_KEY] = acting_employer_id
        return current_actor()


def _join_with_new_account(app, code: str):
    client = app.test_client()
    assert "Create your account" in client.get(f"/join/{code}").get_data(as_text=True)
    response = client.post(
        f"/join/{code}",
        data={
            "full_name": "Robin Preparer",
            "password": NEW_PASSWORD,
            "confirm_password": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    # The account is made, but it joins only once the invited address is confirmed.
    assert response.headers["Location"].endswith("/account/confirm-email")
    newest = db.session.scalars(select(User).order_by(User.id.desc())).first()
    assert newest is not None
    assert newest.email_confirmed_at is None
    assert client.get("/employer/").headers["Location"].endswith("/account/confirm-email")
    confirm(client, newest.email)
    assert client.get("/employer/").status_code == 200
    return client


def test_invited_person_joins_with_prepare_permission(app):
    primary = UserFactory()
    code = _invite(_signed_in_client(app, primary), "robin@example.com", "prepare")
    message = db.session.scalar(
        select(Message).where(Message.recipient_email == "robin@example.com")
    )
    assert message.kind == "invitation" and f"/join/{code}" in message.body
    assert primary.employer.operating_name in message.subject

    client = _join_with_new_account(app, code)
    assert client.get("/employer/").status_code == 200
    robin = db.session.scalar(select(User).where(User.email == "robin@example.com"))
    actor = _actor_for(app, robin)
    assert actor.employer_id == primary.employer_id
    assert actor.can_submit is False
    assert _actor_for(app, primary).can_submit is True
    # The outbox shows the invitation to the new user.
    assert "Invitation to act for" in client.get("/outbox").get_data(as_text=True)
    # The code works once.
    assert app.test_client().get(f"/join/{code}").status_code == 404


def test_primary_changes_permission_and_removal_ends_sessions_at_once(app):
    primary = UserFactory()
    primary_client = _signed_in_client(app, primary)
    code = _invite(primary_client, "sam@example.com", "prepare")
    sam_client = _join_with_new_account(app, code)
    sam = db.session.scalar(select(User).where(User.email == "sam@example.com"))

    response = primary_client.post(
        f"/employer/team/{sam.id}/permission", data={"permission": "submit"}
    )
    assert response.status_code == 302
    assert _actor_for(app, sam).can_submit is True

    assert primary_client.post(f"/employer/team/{sam.id}/remove").status_code == 302
    response = sam_client.get("/employer/")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
    # Signing in again gives no access to the employer any more.
    again = app.test_client()
    again.post("/sign-in", data={"email": "sam@example.com", "password": NEW_PASSWORD})
    response = again.get("/employer/")
    assert response.status_code == 302 and response.headers["Location"].endswith(
        "/employer/act-for"
    )
    assert "not a member of any employer" in again.get("/employer/act-for").get_data(as_text=True)
    assert "sam@example.com" not in primary_client.get("/employer/team").get_data(as_text=True)


def test_secondary_users_cannot_manage_the_team(app):
    primary = UserFactory()
    code = _invite(_signed_in_client(app, primary), "kim@example.com", "submit")
    kim_client = _join_with_new_account(app, code)
    assert kim_client.get("/employer/team").status_code == 200
    assert kim_client.get("/employer/team/invite").status_code == 403
    assert kim_client.post(f"/employer/team/{primary.id}/remove").status_code == 403


def test_primary_user_cannot_be_removed(app):
    primary = UserFactory()
    client = _signed_in_client(app, primary)
    client.post(f"/employer/team/{primary.id}/remove")
    assert client.get("/employer/").status_code == 200


def test_representative_acts_for_two_employers_one_at_a_time(app):
    first = UserFactory(employer__operating_name="Maple Orchards")
    second = UserFactory(employer__operating_name="Cedar Labs")
    rep = UserFactory(employer__operating_name="Consulting Firm", preferred_language="fr")
    code1 = _invite(_signed_in_client(app, first), rep.email, "submit")
    code2 = _invite(_signed_in_client(app, second), rep.email, "prepare")
    # The invitation reaches the representative's outbox in their language.
    rep_client = _signed_in_client(app, rep)
    assert "Invitation à agir pour Maple Orchards" in rep_client.get("/outbox").get_data(
        as_text=True
    )
    for code in (code1, code2):
        assert rep_client.post(f"/join/{code}").status_code == 302

    rep_client.post("/sign-out")
    response = rep_client.post("/sign-in", data={"email": rep.email, "password": TEST_PASSWORD})
    assert response.headers["Location"].endswith("/employer/act-for")

    rep_client.post("/employer/act-for", data={"employer_id": first.employer_id})
    html = rep_client.get("/employer/profile").get_data(as_text=True)
    assert "Maple Orchards" in html and "Cedar Labs" not in html
    history = rep_client.get("/employer/history").get_data(as_text=True)
    assert "team.invitation_accepted" in history

    rep_client.post("/employer/act-for", data={"employer_id": second.employer_id})
    html = rep_client.get("/employer/profile").get_data(as_text=True)
    assert "Cedar Labs" in html and "Maple Orchards" not in html
    assert _actor_for(app, rep, second.employer_id).can_submit is False
    actor = _actor_for(app, rep, first.employer_id)
    assert (actor.employer_id, actor.can_submit, actor.representative_user_id) == (
        first.employer_id,
        True,
        rep.id,
    )
    # A representative cannot pick an employer they do not belong to.
    stranger = UserFactory()
    rep_client.post("/employer/act-for", data={"employer_id": stranger.employer_id})
    assert stranger.employer.operating_name not in rep_client.get("/employer/profile").get_data(
        as_text=True
    )
    # Audit events record both the representative and the employer acted for.
    joined = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "team.invitation_accepted")
    ).all()
    assert {
        (e.actor_user_id, e.representative_user_id, e.on_behalf_of_employer_id) for e in joined
    } == {
        (rep.id, rep.id, first.employer_id),
        (rep.id, rep.id, second.employer_id),
    }


def test_history_shows_only_the_employers_own_events(app):
    mine, other = UserFactory(), UserFactory()
    _invite(_signed_in_client(app, other), "x@example.com", "prepare")
    html = _signed_in_client(app, mine).get("/employer/history").get_data(as_text=True)
    assert "team.user_invited" not in html
    assert "team.user_invited" in _signed_in_client(app, other).get("/employer/history").get_data(
        as_text=True
    )


def test_representative_prepares_an_offer_that_the_primary_user_submits(app):
    from portal.models import Offer, Payment
    from tests.offers_helpers import fill_all_sections

    primary = UserFactory()
    primary_client = _signed_in_client(app, primary)
    code = _invite(primary_client, "robin@example.com", "prepare")
    rep_client = _join_with_new_account(app, code)

    response = rep_client.post("/employer/offers/new")
    assert response.status_code == 302
    offer_id = int(re.search(r"/employer/offers/(\d+)/", response.headers["Location"]).group(1))
    fill_all_sections(rep_client, offer_id)
    review = rep_client.get(f"/employer/offers/{offer_id}/review").get_data(as_text=True)
    assert "Fix these before you submit" not in review

    card = {"card_number": "4242 4242 4242 4242", "expiry": "12/29", "cvc": "123",
            "idempotency_key": "r" * 20, "pay": "1"}
    refused = rep_client.post(f"/employer/offers/{offer_id}/pay", data=card)
    assert "only a user with the submit permission can pay" in refused.get_data(as_text=True)
    assert db.session.scalars(select(Payment)).all() == []
    assert db.session.get(Offer, offer_id).status == "draft"

    paid = primary_client.post(f"/employer/offers/{offer_id}/pay", data=card)
    assert paid.status_code == 302 and paid.headers["Location"].endswith("/confirmation")
    offer = db.session.get(Offer, offer_id)
    assert offer.status == "pending" and re.fullmatch(r"A\d{7}", offer.number)
    robin = db.session.scalar(select(User).where(User.email == "robin@example.com"))
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.object_type == "offer",
                                 AuditEvent.object_id == str(offer_id))
    ).all()
    who = {event.action: event.actor_user_id for event in events}
    assert who["offer.draft_created"] == robin.id
    assert who["offer.submitted"] == primary.id


def test_another_employers_member_or_invitation_is_404(app):
    other = UserFactory()
    _invite(_signed_in_client(app, other), "lee@example.com", "prepare")
    invitation_id = db.session.scalar(select(Invitation.id))
    client = _signed_in_client(app, UserFactory())
    for path, data in (
        (f"/employer/team/{other.id}/permission", {"permission": "submit"}),
        (f"/employer/team/{other.id}/remove", {}),
        (f"/employer/team/invitations/{invitation_id}/cancel", {}),
    ):
        response = client.post(path, data=data)
        assert response.status_code == 404, path
        assert "Page not found" in response.get_data(as_text=True)
    assert db.session.get(Invitation, invitation_id).cancelled_at is None
