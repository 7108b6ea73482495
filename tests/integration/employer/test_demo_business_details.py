"""The demo employers hold every business detail an offer needs (issue 13 item 27): a fresh
seed gives them, and seeding again completes a demo employer seeded before they existed
(migration 0024), so a demo draft's review never asks for them."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.models import Employer
from portal.services.offers.review import review_offer
from portal.services.sandbox import demo
from tests.offers_helpers import complete_draft

DETAILS = ("employees_in_canada", "gross_annual_revenue_cents", "business_started_on",
           "principal_activity", "contact_job_title", "contact_phone")


def _demo_employers() -> list[Employer]:
    numbers = [data["business_number"] for data in demo.DEMO_EMPLOYERS]
    return list(db.session.scalars(select(Employer).where(Employer.business_number.in_(numbers))
                                   .order_by(Employer.id)))


def test_a_seeded_demo_employers_draft_needs_no_business_detail(app):
    demo.seed()
    employers = _demo_employers()
    assert len(employers) == len(demo.DEMO_EMPLOYERS)
    for employer in employers:
        assert all(getattr(employer, name) not in (None, "") for name in DETAILS)
        offer = complete_draft(employer.users[0])
        codes = {problem.code for problem in review_offer(offer).problems}
        assert "BUSINESS-DETAIL-MISSING" not in codes


def test_seeding_again_completes_a_demo_employer_seeded_before_the_details(app):
    demo.seed()
    first = _demo_employers()[0]
    for name in DETAILS:
        setattr(first, name, None)
    db.session.commit()
    demo.seed()
    db.session.refresh(first)
    assert first.principal_activity == demo.DEMO_EMPLOYERS[0]["principal_activity"]
    assert all(getattr(first, name) is not None for name in DETAILS)
