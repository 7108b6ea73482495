"""The `blocked-drafts` scenario: one employer whose drafts are each complete but for one kind
of eligibility finding (portal.rules.eligibility), so the review page shows each kind blocking
submission: the worker's citizenship, the occupation's TEER level, the work province, the job's
duration, an answer the code requires, a Canadian worker, and no wage.

Each draft is found again by its job title, so a second load adds none.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import Offer
from portal.services.actor import Actor
from portal.services.sandbox.demo import DemoAccount
from portal.services.sandbox.scenario_kit import (
    ScenarioEmployer,
    ScenarioWorker,
    acting_as,
    complete_sections,
    draft_offer,
    ensure_employer,
    job_section,
)

BLOCKED = ScenarioEmployer("879000008", "Blocked Drafts Training Inc.",
                           "scenario-drafts@example.com", "Robin Castonguay",
                           city="Moncton", province="NB", postal_code="E1C 1B9")
FRENCH = ScenarioWorker("Moreau", "Camille", date(1990, 6, 12), "FR", "19FR12345")
AMERICAN = ScenarioWorker("Baker", "Taylor", date(1987, 9, 3), "US", "567891234")
CANADIAN = ScenarioWorker("Roy", "Mathieu", date(1992, 2, 29), "CA", "AB123456", sex="M")

# kind -> (the finding's code the review shows, the sections that differ from a complete draft)
DRAFTS: dict[str, tuple[str, dict[str, dict[str, Any]]]] = {
    "citizenship": ("ELIG-CUSMA-CITIZENSHIP", {
        "code": {"code_key": "T36", "answers": {"cusma_profession": "computer-systems-analyst"},
                 "explanation": "A CUSMA professional: computer systems analyst."},
        "worker": FRENCH.section(),
        "job": {"job_title": "Computer systems analyst (citizenship)"}}),
    "teer": ("ELIG-C88-TEER", {
        "code": {"code_key": "C88", "answers": {},
                 "explanation": "Innovation Stream: a Global Hypergrowth Project employer."},
        "job": {"job_title": "Food counter attendant (TEER)", "noc_code": "65201"}}),
    "province": ("ELIG-C18-PROVINCE", {
        "code": {"code_key": "C18", "answers": {"aip_designated_employer": "yes"},
                 "explanation": "Atlantic Immigration Program: a designated employer."},
        "job": {"job_title": "Software developer in Ontario (province)", "province": "ON"}}),
    "duration": ("ELIG-T33-DURATION", {
        "code": {"code_key": "T33", "answers": {},
                 "explanation": "Reciprocal employment under an international agreement."},
        "worker": AMERICAN.section(),
        "job": {"job_title": "Software developer for five years (duration)", "days": 1830}}),
    "answer": ("ANSWER-MISSING", {
        "code": {"code_key": "C18", "answers": {},
                 "explanation": "Atlantic Immigration Program: a designated employer."},
        "job": {"job_title": "Software developer (unanswered question)", "province": "NB"}}),
    "canadian": ("WORKER-CANADIAN", {
        "worker": CANADIAN.section(),
        "job": {"job_title": "Software developer (Canadian worker)"}}),
    "wage": ("WAGE-ZERO", {
        "wages": {"wage_cents": 0, "wage_unit": "hour", "hours_per_week": 37},
        "job": {"job_title": "Software developer (no wage)"}}),
}


def _sections(changes: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    starts = clock.today() + timedelta(days=60)
    sections = complete_sections(FRENCH, starts)
    for name, values in changes.items():
        if name == "job":
            sections["job"] = job_section(starts, title=values["job_title"],
                                          noc=values.get("noc_code", "21232"),
                                          days=values.get("days", 730),
                                          province=values.get("province", "NB"))
        else:
            sections[name] = values
    sections.setdefault("job", job_section(starts, province="NB"))
    return sections


def _titles(employer_id: int) -> set[str]:
    return set(db.session.scalars(select(Offer.job_title).where(
        Offer.employer_id == employer_id)))


def blocked_drafts(admin: Actor) -> list[DemoAccount]:
    """One draft per kind of finding, each blocked by that kind only."""
    with write_transaction():
        employer, account, _made = ensure_employer(BLOCKED)
    present = _titles(employer.id)
    actor = acting_as(BLOCKED.email)
    for _code, changes in DRAFTS.values():
        if changes["job"]["job_title"] not in present:
            draft_offer(actor, _sections(changes))
    return [account]
