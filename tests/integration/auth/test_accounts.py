"""Registration, sign-in, sign-out, passwords, sessions, rate limits and CSRF."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.models import AuditEvent, Employer, Message, Role, User
from tests.accounts_helpers import confirm, register_and_confirm
from tests.conftest import TEST_PASSWORD
from tests.factories import valid_business_number


def registration(**overrides):
    data = {
        "legal_name": "Northern Lights Robotics Inc.",
        "operating_name": "Northern Lights Robotics",
        "business_number": "123 456 782",
        "business_type": "corporation",
        "address_line1": "200 Kent Street",
        "address_line2": "",
        "city": "Ottawa",
        "province": "ON",
        "postal_code": "k1a0b1",
        "phone": "(613) 555-0199",
        "contact_name": "Jordan Lee",
        "full_name": "Jordan Lee",
        "email": "Jordan.Lee@Example.com",
        "password": TEST_PASSWORD,
        "confirm_password": TEST_PASSWORD,
    }
    data.update(overrides)
    if "password" in overrides and "confirm_password" not in overrides:
        data["confirm_password"] = overrides["password"]
    return data


def field_error(html: str, field: str) -> str:
    match = re.search(rf'<p class="error-message" id="{field}-error">(.*?)</p>', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


def test_register_creates_employer_and_primary_user_and_signs_in(client):
    response = client.post("/register", data=registration())
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/register/check-email")
    employer = db.session.scalar(select(Employer))
    assert employer.business_number == "123456782"
    assert employer.business_number_display == "123 456 782"
    assert employer.postal_code == "K1A 0B1"
    assert employer.phone == "613-555-0199"
    user = db.session.scalar(select(User))
    assert user.email == "jordan.lee@example.com"
    assert user.role == Role.EMPLOYER_PRIMARY
    assert user.password_hash.startswith("$argon2id$")
    assert user.email_confirmed_at is None
    confirm(client, "jordan.lee@example.com")
    assert client.post("/sign-in", data={"email": "jordan.lee@example.com",
                                         "password": TEST_PASSWORD}).status_code == 302
    dashboard = client.get("/employer/")
    assert "Northern Lights Robotics" in dashboard.get_data(as_text=True)
    assert "123 456 782" in dashboard.get_data(as_text=True)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"business_number": "123456789"}, "business_number", "not valid"),
        ({"business_number": "12345"}, "business_number", "9 digits"),
        ({"postal_code": "12345"}, "postal_code", "Canadian postal code"),
        ({"postal_code": "H2X 1Y4"}, "postal_code", "not in the province"),
        ({"phone": "555"}, "phone", "10-digit"),
        ({"email": "not-an-email"}, "email", "email address like"),
        ({"password": "a" * 5 + "b" * 9}, "password", "at least 15"),
        ({"password": "passwordpassword"}, "password", "too common"),
        ({"password": "x" * 257}, "password", "at most 256"),
        ({"confirm_password": "something-else-entirely"}, "confirm_password", "do not match"),
        ({"legal_name": ""}, "legal_name", "required"),
    ],
)
def test_bad_registration_input_is_explained_next_to_the_field(client, overrides, field, message):
    response = client.post("/register", data=registration(**overrides))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in field_error(html, field)
    assert 'href="#' + field + '"' in html  # the error summary links to the field
    # Nothing typed is lost: the other fields keep their values.
    assert 'value="Northern Lights Robotics Inc."' in html or field == "legal_name"
    assert 'value="Jordan Lee"' in html
    assert db.session.scalar(select(func.count(Employer.id))) == 0


def test_fifteen_character_password_is_accepted(client):
    response = client.post("/register", data=registration(password="fifteen-chars-x"))
    assert len("fifteen-chars-x") == 15
    assert response.status_code == 302


def test_fourteen_character_password_is_rejected(client):
    response = client.post("/register", data=registration(password="fourteen-chars"))
    assert len("fourteen-chars") == 14
    assert "at least 15" in field_error(response.get_data(as_text=True), "password")


def test_two_hundred_character_password_round_trips(client, auth):
    password = "  long passphrase with spaces " + "z" * 170
    assert len(password) == 200
    register_and_confirm(client, registration(password=password))
    auth.sign_out()
    assert auth.sign_in("jordan.lee@example.com", password).status_code == 302
    assert auth.sign_out().status_code == 302
    # Trimmed, it is a different password.
    assert auth.sign_in("jordan.lee@example.com", password.strip()).status_code == 401


def test_duplicate_business_number_and_email_make_no_account_and_tell_the_owner(
    client, employer_user
):
    taken_bn = employer_user.employer.business_number
    response = client.post("/register", data=registration(business_number=taken_bn))
    assert response.headers["Location"].endswith("/register/check-email")
    response = client.post("/register", data=registration(email=employer_user.email.upper(),
                                                          business_number="046 454 286"))
    assert response.headers["Location"].endswith("/register/check-email")
    assert db.session.scalar(select(func.count(Employer.id))) == 1
    assert db.session.scalar(select(func.count(User.id))) == 1
    kinds = db.session.scalars(
        select(Message.kind).where(Message.recipient_user_id == employer_user.id)
    ).all()
    assert sorted(kinds) == ["registration_attempt", "registration_attempt_business"]


def test_sign_in_wrong_password_and_unknown_email_look_the_same(client, employer_user):
    wrong = client.post("/sign-in", data={"email": employer_user.email, "password": "x" * 20})
    unknown = client.post("/sign-in", data={"email": "nobody@example.com", "password": "x" * 20})
    assert wrong.status_code == unknown.status_code == 401
    normalise = lambda r, e: r.get_data(as_text=True).replace(e, "EMAIL")  # noqa: E731
    assert normalise(wrong, employer_user.email) == normalise(unknown, "nobody@example.com")
    assert "The email address or password is not correct." in wrong.get_data(as_text=True)


def test_sign_in_is_case_insensitive_on_email_and_audited(auth, employer_user):
    response = auth.sign_in(employer_user.email.upper())
    assert response.status_code == 302
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "user.signed_in" in actions


def test_sign_in_follows_only_local_next(client, employer_user):
    response = client.post(
        "/sign-in?next=https://evil.example/steal",
        data={"email": employer_user.email, "password": TEST_PASSWORD},
    )
    assert response.headers["Location"] == "/employer/"
    client.post("/sign-out")
    response = client.post(
        "/sign-in?next=/employer/profile",
        data={"email": employer_user.email, "password": TEST_PASSWORD},
    )
    assert response.headers["Location"] == "/employer/profile"


def test_replayed_cookie_after_sign_out_is_rejected(app, client, signed_in):
    assert client.get("/employer/").status_code == 200
    stolen = client.get_cookie("portal_session").value
    client.post("/sign-out")
    thief = app.test_client()
    thief.set_cookie("portal_session", stolen)
    response = thief.get("/employer/")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_password_change_ends_other_sessions_but_keeps_this_one(app, client, auth, signed_in):
    other_device = app.test_client()
    other_device.post("/sign-in", data={"email": signed_in.email, "password": TEST_PASSWORD})
    assert other_device.get("/employer/").status_code == 200
    new = "a-brand-new-passphrase-2026"
    response = client.post(
        "/account/password", data={"current": TEST_PASSWORD, "new": new, "confirm": new}
    )
    assert response.status_code == 302
    assert client.get("/employer/").status_code == 200
    assert other_device.get("/employer/").status_code == 302
    auth.sign_out()
    assert auth.sign_in(signed_in.email, new).status_code == 302


def test_password_change_needs_the_current_password(client, signed_in):
    new = "a-brand-new-passphrase-2026"
    html = client.post(
        "/account/password", data={"current": "wrong-password-here", "new": new, "confirm": new}
    ).get_data(as_text=True)
    assert "current password is not correct" in field_error(html, "current")


def test_idle_session_times_out_and_says_why(client, signed_in):
    clock.freeze(clock.now())
    assert client.get("/employer/").status_code == 200
    clock.advance(timedelta(minutes=31))
    response = client.get("/employer/")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "inactive for too long" in page


def test_absolute_session_timeout(client, signed_in):
    clock.freeze(clock.now())
    for _ in range(26):  # active every 29 minutes, for more than 12 hours
        clock.advance(timedelta(minutes=29))
        response = client.get("/employer/")
    assert response.status_code == 302


def test_sign_in_is_rate_limited_with_a_clear_page(make_app, _schema):
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_SIGN_IN="3 per minute")
    client = app.test_client()
    attempt = {"email": "a@example.com", "password": "x" * 16}
    with app.app_context():
        statuses = [client.post("/sign-in", data=attempt).status_code for _ in range(4)]
        limited = client.post("/sign-in", data={"email": "a@example.com", "password": "x" * 16})
    assert statuses[:3] == [401, 401, 401]
    assert statuses[3] == 429
    assert limited.status_code == 429
    assert "Too many attempts" in limited.get_data(as_text=True)
    assert client.get("/sign-in").status_code == 200  # reading the page is not limited


def test_registration_is_rate_limited(make_app, _schema):
    app = make_app(RATELIMIT_ENABLED=True, RATELIMIT_REGISTER="2 per minute")
    client = app.test_client()
    with app.app_context():
        codes = [client.post("/register", data={}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_post_without_csrf_token_is_rejected(make_app, _schema):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    with app.app_context():
        response = client.post("/sign-in", data={"email": "a@example.com", "password": "x" * 16})
    assert response.status_code == 400
    assert "Your form expired" in response.get_data(as_text=True)


def test_post_with_csrf_token_is_accepted(make_app, _schema):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    with app.app_context():
        page = client.get("/sign-in").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        response = client.post(
            "/sign-in", data={"email": "a@example.com", "password": "x" * 16, "csrf_token": token}
        )
    assert response.status_code == 401  # past CSRF, refused only for the wrong password


def test_create_admin_command(runner):
    result = runner.invoke(
        args=["create-admin", "--email", "Root@Example.com", "--name", "Ada Admin",
              "--password", "an-admin-passphrase-2026"],
    )
    assert result.exit_code == 0, result.output
    admin = db.session.scalar(select(User).where(User.email == "root@example.com"))
    assert admin.role == Role.ADMIN and admin.employer_id is None


def test_create_admin_refuses_a_weak_password(runner):
    result = runner.invoke(
        args=["create-admin", "--email", "a@example.com", "--name", "A", "--password", "short"]
    )
    assert result.exit_code != 0
    assert "at least 15" in result.output


def test_seed_demo_is_idempotent_and_prints_sign_ins(runner):
    first = runner.invoke(args=["seed-demo"])
    second = runner.invoke(args=["seed-demo"])
    assert first.exit_code == second.exit_code == 0
    assert "demo@example.com" in second.output and "admin@example.com" in second.output
    assert db.session.scalar(select(func.count(Employer.id))) == 2
    assert db.session.scalar(select(func.count(User.id))) == 3


def test_seeded_demo_password_signs_in(runner, auth):
    output = runner.invoke(args=["seed-demo"]).output
    password = re.search(r"demo@example\.com\s+(\S+)", output).group(1)
    assert auth.sign_in("demo@example.com", password).status_code == 302


def test_factory_business_numbers_are_valid():
    from stdnum.ca import bn

    assert all(bn.is_valid(valid_business_number()) for _ in range(50))



def test_rate_limits_can_live_in_redis_for_several_workers(make_app, _schema):
    import socket
    import uuid

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    app = make_app(
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/15",
        RATELIMIT_KEY_PREFIX=f"test-{uuid.uuid4().hex}",
        RATELIMIT_SIGN_IN="2 per minute",
    )
    # Two clients of two app instances (two gunicorn workers) share one budget.
    other_worker = make_app(
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/15",
        RATELIMIT_KEY_PREFIX=app.config["RATELIMIT_KEY_PREFIX"],
        RATELIMIT_SIGN_IN="2 per minute",
    )
    attempt = {"email": "a@example.com", "password": "x" * 16}
    with app.app_context():
        assert app.test_client().post("/sign-in", data=attempt).status_code == 401
    with other_worker.app_context():
        assert other_worker.test_client().post("/sign-in", data=attempt).status_code == 401
        assert other_worker.test_client().post("/sign-in", data=attempt).status_code == 429


def test_the_business_number_example_is_valid_and_free_beside_the_demo_data(client):
    """A newcomer on a fresh bin/run (demo data seeded) copies the hint's example: it must be
    accepted, not taken by a demo employer (issue 13 item 28)."""
    from portal.services.sandbox import demo

    demo.seed()
    html = client.post("/register", data=registration(business_number="12")).get_data(
        as_text=True)
    example = re.search(r"for example ([\d ]+)\.", field_error(html, "business_number")).group(1)
    response = client.post("/register", data=registration(
        business_number=example, email="newcomer@example.com"))
    assert response.status_code == 302
    digits = example.replace(" ", "")
    assert db.session.scalar(select(func.count()).select_from(Employer).where(
        Employer.business_number == digits)) == 1
    assert db.session.scalar(select(User.email).join(Employer).where(
        Employer.business_number == digits)) == "newcomer@example.com"
