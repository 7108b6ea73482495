"""Named scenarios (issue 17 item 2): `flask sandbox scenarios` lists them, `flask sandbox load
NAME` and /admin/sandbox/scenarios load each into fresh employers, twice without duplicates,
and each scenario's defining fact holds; the production config refuses to load one."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from portal import clock
from portal.extensions import db
from portal.models import (
    ApplicationStatus,
    AuditEvent,
    ComplianceExemption,
    Employer,
    EmployerBan,
    Membership,
    Offer,
    OfferStatus,
    Payment,
    Refund,
    User,
    WorkPermitApplication,
)
from portal.services.errors import Forbidden
from portal.services.offers.review import review_offer
from portal.services.sandbox import scenario_cases as cases
from portal.services.sandbox.scenario_drafts import BLOCKED, DRAFTS
from portal.services.sandbox.scenario_kit import acting_as, draft_offer
from portal.services.sandbox.scenarios import all_scenarios
from tests.admin_helpers import NOW, admin_client

NAMES = [scenario.name for scenario in all_scenarios()]
COUNTED = (Employer, User, Membership, Offer, Payment, Refund, WorkPermitApplication,
           EmployerBan, ComplianceExemption)


@pytest.fixture
def sandbox(app):
    clock.freeze(NOW)
    return app


def counts() -> dict[str, int]:
    return {model.__name__: db.session.scalar(select(func.count()).select_from(model)) or 0
            for model in COUNTED}


def load(app, name: str) -> str:
    result = app.test_cli_runner().invoke(args=["sandbox", "load", name])
    assert result.exit_code == 0, result.output
    return result.output


def employer(number: str) -> Employer:
    found = db.session.scalar(select(Employer).where(Employer.business_number == number))
    assert found is not None
    return found


def offers_of(number: str) -> list[Offer]:
    return list(db.session.scalars(select(Offer).where(
        Offer.employer_id == employer(number).id)))


def test_the_command_lists_every_scenario_one_per_line_name_first(sandbox):
    result = sandbox.test_cli_runner().invoke(args=["sandbox", "scenarios"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert [line.split()[0] for line in lines] == NAMES
    assert len(NAMES) == 7
    assert "exempt from the compliance regime" in lines[0]


@pytest.mark.parametrize("name", NAMES)
def test_every_scenario_loads_twice_without_duplicates(sandbox, name):
    first = load(sandbox, name)
    made = counts()
    assert made["Employer"] >= 1
    emails = re.findall(r"\S+@example\.com", first)
    assert emails, first
    second = load(sandbox, name)
    assert counts() == made  # the second load makes nothing new
    assert re.findall(r"\S+@example\.com", second) == emails
    loaded = db.session.scalar(select(func.count(AuditEvent.id)).where(
        AuditEvent.action == "sandbox.scenario_loaded"))
    assert loaded == 2


def test_the_foreign_mission_is_exempt_and_cannot_submit(sandbox):
    load(sandbox, "foreign-mission")
    mission = employer(cases.MISSION_NUMBER)
    assert cases.exemption_of(mission.id) is not None
    with pytest.raises(Forbidden) as refused:  # an exempt employer starts no offer
        draft_offer(acting_as(cases.MISSION_EMAIL), {})
    assert refused.value.message.code == "offer.employer_exempt"
    page = sandbox.test_client().get("/non-compliant-employers")
    assert mission.legal_name not in page.get_data(as_text=True)


def test_the_banned_employer_is_on_the_public_list(sandbox):
    load(sandbox, "banned-employer")
    page = sandbox.test_client().get("/non-compliant-employers")
    assert page.status_code == 200
    assert "Shady Staffing Ltd." in page.get_data(as_text=True)


def test_the_representative_acts_for_three_employers(sandbox):
    load(sandbox, "representative")
    rep = db.session.scalar(select(User).where(User.email == cases.REPRESENTATIVE.email))
    clients = {employer(c.business_number).id for c in cases.CLIENTS}
    acting = set(db.session.scalars(select(Membership.employer_id).where(
        Membership.user_id == rep.id)))
    assert clients <= acting and len(clients) == 3


def test_the_withdrawn_offer_has_its_fee_refunded(sandbox):
    load(sandbox, "withdrawn-offer")
    [offer] = offers_of(cases.WITHDRAWN.business_number)
    assert offer.status == OfferStatus.WITHDRAWN
    payment = db.session.scalar(select(Payment).where(Payment.offer_id == offer.id))
    assert payment is not None and payment.refunds


def test_the_approved_offer_was_matched_and_its_permit_approved(sandbox):
    load(sandbox, "approved-offer")
    [offer] = offers_of(cases.APPROVED.business_number)
    assert offer.status == OfferStatus.MATCHED
    application = cases.application_of(offer.id)
    assert application is not None and application.status == ApplicationStatus.APPROVED


def test_the_refused_application_has_the_fee_refunded(sandbox):
    load(sandbox, "refused-application")
    [offer] = offers_of(cases.REFUSED.business_number)
    application = cases.application_of(offer.id)
    assert application is not None and application.status == ApplicationStatus.REFUSED
    payment = db.session.scalar(select(Payment).where(Payment.offer_id == offer.id))
    assert payment is not None and payment.refunds


def test_each_blocked_draft_is_blocked_by_its_own_kind_of_finding(sandbox):
    load(sandbox, "blocked-drafts")
    drafts = {offer.job_title: offer for offer in offers_of(BLOCKED.business_number)}
    assert len(drafts) == len(DRAFTS)
    for code, changes in DRAFTS.values():
        review = review_offer(drafts[changes["job"]["job_title"]])
        blocking = [problem.code for problem in review.blocking]
        assert blocking == [code], (code, blocking)  # that kind and nothing else


def test_the_admin_page_lists_them_and_loads_one_showing_its_sign_ins_en_fr(sandbox):
    client = admin_client(sandbox)
    page = client.get("/admin/sandbox/scenarios")
    assert page.status_code == 200
    for name in NAMES:
        assert f"/admin/sandbox/scenarios/{name}/load" in page.text
    french = client.get("/admin/sandbox/scenarios?lang=fr")
    assert "Scénarios du bac à sable" in french.text
    assert "Une mission étrangère exemptée du régime de conformité" in french.text
    loaded = client.post("/admin/sandbox/scenarios/banned-employer/load?lang=fr")
    assert loaded.status_code == 200
    assert "Le scénario banned-employer est chargé" in loaded.text
    assert cases.BANNED.email in loaded.text
    assert "<td>Employeur (" in loaded.text and "<td>Employer (" not in loaded.text
    assert cases.ban_of(employer(cases.BANNED.business_number).id) is not None
    assert client.post("/admin/sandbox/scenarios/no-such-thing/load").status_code == 404


def _token(page: str) -> str:
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def test_the_load_button_needs_its_csrf_token(make_app):
    from tests.admin_helpers import _password, current_code, enrolled_admin

    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        clock.freeze(NOW)
        client = app.test_client()
        admin = enrolled_admin()
        client.post("/sign-in", data={"email": admin.email, "password": _password(),
                                      "csrf_token": _token(client.get("/sign-in").text)})
        second = client.get("/admin/second-factor").text
        client.post("/admin/second-factor", data={"code": current_code(admin.totp_secret),
                                                  "csrf_token": _token(second)})
        page = client.get("/admin/sandbox/scenarios")
        assert page.status_code == 200
        refused = client.post("/admin/sandbox/scenarios/banned-employer/load")
        assert refused.status_code == 400
        assert db.session.scalar(select(func.count(EmployerBan.id))) == 0
        done = client.post("/admin/sandbox/scenarios/banned-employer/load",
                           data={"csrf_token": _token(page.text)})
        assert done.status_code == 200 and cases.BANNED.email in done.text


def test_a_configuration_without_the_sandbox_refuses_to_load(make_app):
    app = make_app(SEED_DEMO_ALLOWED=False)
    with app.app_context():
        clock.freeze(NOW)
        result = app.test_cli_runner().invoke(args=["sandbox", "load", "banned-employer"])
        assert result.exit_code != 0 and "SEED_DEMO_ALLOWED" in result.output
        client = admin_client(app)
        page = client.post("/admin/sandbox/scenarios/banned-employer/load?lang=fr")
        assert page.status_code == 400
        assert "Les scénarios sont désactivés" in page.text
        assert db.session.scalar(select(func.count(Employer.id)).where(
            Employer.business_number == cases.BANNED.business_number)) == 0


def test_the_production_config_keeps_scenarios_and_reset_off():
    from config import ProductionConfig

    assert ProductionConfig.SEED_DEMO_ALLOWED is False
