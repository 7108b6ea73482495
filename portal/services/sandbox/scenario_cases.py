"""The named scenarios' builders (portal.services.sandbox.scenarios lists and loads them).

Each builder finds what an earlier load made (the employer by its fixed business number, then
the step its story has reached) and does only what is missing, through the services a user's or
an officer's action goes through; it returns the sign-ins, with fresh passwords.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import (
    ApplicationStatus,
    ComplianceExemption,
    EmployerBan,
    Offer,
    OfferStatus,
    Permission,
    Role,
    WorkPermitApplication,
)
from portal.models.enums import ExemptionCategory
from portal.services.actor import Actor
from portal.services.compliance.bans import record_ban
from portal.services.compliance.exemptions import (
    ExemptEmployerDetails,
    ExemptionTerms,
    create_exempt_employer,
)
from portal.services.offers.lifecycle import withdraw_offer
from portal.services.sandbox.demo import DemoAccount, upsert_user
from portal.services.sandbox.scenario_kit import (
    ScenarioEmployer,
    ScenarioWorker,
    acting_as,
    ensure_employer,
    find_employer,
    submitted_offer,
    worker_applies,
)
from portal.services.teams.invitations import accept_invitation, invite
from portal.services.teams.membership import acting_access
from portal.services.work_permits.decisions import decide_application

MISSION_NUMBER = "000170017"  # the placeholder kind a foreign mission gets (000...)
MISSION_EMAIL = "scenario-mission@example.com"
BANNED = ScenarioEmployer("871000006", "Shady Staffing Ltd.", "scenario-banned@example.com",
                          "Jordan Price")
WITHDRAWN = ScenarioEmployer("872000005", "Lakeside Robotics Inc.",
                             "scenario-withdrawn@example.com", "Priya Raman")
APPROVED = ScenarioEmployer("873000004", "Prairie Analytics Corp.",
                            "scenario-approved@example.com", "Sam Whitehorse",
                            city="Regina", province="SK", postal_code="S4P 3Y2")
REFUSED = ScenarioEmployer("874000003", "Harbour Logistics Inc.",
                           "scenario-refused@example.com", "Fatima Haddad",
                           city="Halifax", province="NS", postal_code="B3J 1S9")
REPRESENTATIVE = ScenarioEmployer("875000002", "Northern Immigration Consulting Inc.",
                                  "scenario-representative@example.com", "Morgan Leclerc")
CLIENTS = (
    ScenarioEmployer("876000001", "Aurora Games Studio Inc.", "scenario-client1@example.com",
                     "Kenji Watanabe"),
    ScenarioEmployer("877000000", "Bistro Laurentien Inc.", "scenario-client2@example.com",
                     "Élise Tremblay", city="Montréal", province="QC", postal_code="H2Y 1C6"),
    ScenarioEmployer("878000009", "Coastal Engineering Ltd.", "scenario-client3@example.com",
                     "Daniel Okoye", city="Vancouver", province="BC", postal_code="V6C 1A1"),
)
WORKERS = {
    "withdrawn": ScenarioWorker("Novak", "Petra", date(1988, 7, 2), "CZ", "41234567"),
    "approved": ScenarioWorker("Silva", "João Pedro", date(1993, 1, 20), "BR", "FZ123456",
                               sex="M"),
    "refused": ScenarioWorker("Mensah", "Kwame", date(1985, 11, 5), "GH", "G1234567",
                              sex="M"),
}
REFUSAL_REASON = "The officer was not satisfied that the offer is genuine (R200(5))."


def foreign_mission(admin: Actor) -> list[DemoAccount]:
    """A consulate exempt from the compliance regime (R209.9): it must not submit offers."""
    if find_employer(MISSION_NUMBER) is None:
        create_exempt_employer(actor=admin, details=ExemptEmployerDetails(
            legal_name="Consulate General of the Republic of Examplia",
            operating_name="Consulate General of Examplia", business_number=MISSION_NUMBER,
            address_line1="1 Embassy Row", city="Ottawa", province="ON",
            postal_code="K1N 8T3", phone="613-555-0190", contact_name="Ana Ferreira",
            contact_email=MISSION_EMAIL,
        ), terms=ExemptionTerms(
            category=ExemptionCategory.DIPLOMATIC_OR_CONSULAR_MISSION,
            legal_basis="R209.9; FMIOA Part I", effective_date=clock.today(),
            expiry_date=None, note="Sandbox scenario: a foreign mission.",
        ))
    with write_transaction():
        employer = find_employer(MISSION_NUMBER)
        account = upsert_user(MISSION_EMAIL, "Ana Ferreira", Role.EMPLOYER_PRIMARY, employer)
    return [account]


def exemption_of(employer_id: int) -> ComplianceExemption | None:
    return db.session.scalar(select(ComplianceExemption).where(
        ComplianceExemption.employer_id == employer_id))


def banned_employer(admin: Actor) -> list[DemoAccount]:
    """An employer found non-compliant: banned for two years, on the public list."""
    with write_transaction():
        employer, account, _made = ensure_employer(BANNED)
    if ban_of(employer.id) is None:
        record_ban(actor=admin, employer_id=employer.id,
                   reason="Wages lower than those in the offer of employment (R209.3).",
                   reason_fr="Salaire inférieur à celui de l’offre d’emploi (R209.3).",
                   start_date=clock.today(), end_date=clock.today() + timedelta(days=730),
                   penalty_cents=1_500_000)
    return [account]


def ban_of(employer_id: int) -> EmployerBan | None:
    return db.session.scalar(select(EmployerBan).where(EmployerBan.employer_id == employer_id))


def representative(admin: Actor) -> list[DemoAccount]:
    """A consultant acting for three employers (each invited them with submit permission)."""
    with write_transaction():
        _firm, rep_account, _made = ensure_employer(REPRESENTATIVE)
    accounts = [rep_account]
    rep = acting_as(REPRESENTATIVE.email)
    for client in CLIENTS:
        with write_transaction():
            employer, account, _made = ensure_employer(client)
        accounts.append(account)
        if acting_access(user_id=rep.user_id or 0, employer_id=employer.id) is None:
            code = invite(actor=acting_as(client.email), email=REPRESENTATIVE.email,
                          permission=Permission.SUBMIT, language="en",
                          link_base="/team/join/")
            accept_invitation(code=code, user_id=rep.user_id or 0, ip_address=None)
    return accounts


def first_offer(employer_id: int) -> Offer | None:
    return db.session.scalar(select(Offer).where(Offer.employer_id == employer_id)
                             .order_by(Offer.id).limit(1))


def _offer_of(spec: ScenarioEmployer, key: str) -> tuple[Offer, DemoAccount]:
    with write_transaction():
        employer, account, _made = ensure_employer(spec)
    offer = first_offer(employer.id)
    if offer is None:
        offer = submitted_offer(acting_as(spec.email), WORKERS[key],
                                clock.today() + timedelta(days=60), key)
    return offer, account


def withdrawn_offer(admin: Actor) -> list[DemoAccount]:
    """A submitted offer the employer withdrew: the fee is refunded."""
    offer, account = _offer_of(WITHDRAWN, "withdrawn")
    if offer.status == OfferStatus.PENDING:
        withdraw_offer(offer_id=offer.id, actor=acting_as(WITHDRAWN.email),
                       reason="The candidate accepted another position.")
    return [account]


def application_of(offer_id: int) -> WorkPermitApplication | None:
    return db.session.scalar(select(WorkPermitApplication).where(
        WorkPermitApplication.offer_id == offer_id))


def _decided(spec: ScenarioEmployer, key: str, admin: Actor, *, approve: bool) -> DemoAccount:
    offer, account = _offer_of(spec, key)
    application = application_of(offer.id)
    if application is None and offer.status == OfferStatus.PENDING:
        application = worker_applies(offer, WORKERS[key])
    if application is not None and application.status == ApplicationStatus.SUBMITTED:
        decide_application(application_id=application.id, approve=approve,
                           reason="" if approve else REFUSAL_REASON, actor=admin)
    return account


def approved_offer(admin: Actor) -> list[DemoAccount]:
    """An offer the worker matched in the work permit step, and the permit approved."""
    return [_decided(APPROVED, "approved", admin, approve=True)]


def refused_application(admin: Actor) -> list[DemoAccount]:
    """A matched offer whose work permit was refused: the employer's fee is refunded."""
    return [_decided(REFUSED, "refused", admin, approve=False)]
