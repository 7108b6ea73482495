"""Model answers to every practice case, written out as data (not derived from the case files,
so a case file that drifts from what a reviewer expects fails the tests), and the ways to get
each case wrong with the feedback code a learner must then see."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from portal.rules.practice import Attempt, Identity
from portal.rules.practice.cases import ATTESTATION_IDS

ALL = frozenset(ATTESTATION_IDS)
D = dt.date


def _offer(code: str, fee: str, identity: Identity, evidence: tuple[str, ...]) -> Attempt:
    return Attempt(offer_submitted=True, code=code, fee=fee, identity=identity,
                   attestations=ALL, evidence=frozenset(evidence),
                   application_type="employer_specific", application_identity=identity)


def _apply(kind: str, code: str | None, identity: Identity | None) -> Attempt:
    return Attempt(application_type=kind, application_code=code, application_identity=identity)


MORALES = Identity("MORALES", "DANIEL JAMES", D(1991, 4, 17), "M", "US", "568210473")
GARZA = Identity("GARZA TREVIÑO", "MARIANA", D(1982, 9, 3), "F", "MX", "G41873520")
LEFEVRE = Identity("LEFÈVRE", "Hélène Marie", D(1999, 6, 21), "F", "FR", "21AP48213")
TANAKA = Identity("TANAKA", "HIROSHI", D(1990, 2, 11), "M", "JP", "TR4829173")
BRAUN = Identity("BRAUN", "JONAS FELIX", D(1988, 11, 29), "M", "DE", "C4LJ7RX29")
NDJOCK = Identity("NDJOCK", "ALINE ROSE", D(1994, 3, 8), "F", "CM", "AA0731984")
DELA_CRUZ = Identity("DELA CRUZ", "MARIA TERESA", D(1993, 10, 2), "F", "PH", "P4728193B")
KAMAU = Identity("KAMAU", "GRACE WANJIKU", D(1989, 5, 30), "F", "KE", "AK0391827")
OKONKWO = Identity("OKONKWO", "CHINEDU EMMANUEL", D(1987, 12, 5), "M", "NG", "B50718264")
SANTOS = Identity("SANTOS", "JOHN PAUL", D(1995, 1, 19), "M", "PH", "P6180254C")
EL_AMRANI = Identity("EL AMRANI", "YOUSSEF", D(1996, 8, 22), "M", "MA", "UZ2047361")
OLIVEIRA = Identity("OLIVEIRA SANTOS", "ANA CAROLINA", D(1984, 4, 27), "F", "BR", "FZ482917")
ONEILL = Identity("O'NEILL", "CIARA ANNE", D(2004, 2, 14), "F", "GB", "561284937")
SHARMA = Identity("SHARMA", "PRIYA", D(1993, 9, 9), "F", "IN", "Z4381726")
LIU = Identity("LIU", "WEI", D(1999, 3, 12), "M", "CN", "EJ4829173")
SATO = Identity("SATO", "MISAKI", D(1990, 10, 30), "F", "JP", "TK7391046")
KOWALSKI = Identity("KOWALSKI", "THOMAS ANDREW", D(1985, 6, 6), "M", "US", "A03918264")
MUNOZ = Identity("MUÑOZ SOTO", "JAVIERA ANDREA", D(1991, 12, 3), "F", "CL", "F-0453721K")

ICT_PROOFS = ("proof-of-qualifying-relationship-between-foreign",
              "letter-from-foreign-employer-current-position", "proof-of-at-least-1-year")

MODEL: dict[str, Attempt] = {
    "cusma-software-engineer": _offer("T36", "paid", MORALES, (
        "proof-of-citizenship-of-cusma-party", "proof-of-qualifications-for-the-job",
        "signed-employment-agreement-in-the-worker")),
    "cusma-ict-executive": _offer("T37", "paid", GARZA, (
        *ICT_PROOFS, "signed-employment-agreement-in-the-worker")),
    "iec-young-professional": _offer("C21-YP", "paid", LEFEVRE, (
        "invitation-to-apply", "signed-job-offer-contract")),
    "cptpp-civil-engineer": _offer("T52", "paid", TANAKA, (
        "proof-of-citizenship-or-permanent-residence", "proof-of-qualifications-for-the-job",
        "signed-employment-agreement-in-the-worker")),
    "ceta-ict-specialist": _offer("T41", "paid", BRAUN, (
        *ICT_PROOFS, "proof-of-qualifications-for-the-job")),
    "francophone-cook": _offer("C16", "paid", NDJOCK, (
        "french-proficiency-evidence-at-nclc-5", "proof-work-location-is-outside-quebec")),
    "c50-unpaid-volunteer": _offer("C50", "exempt", DELA_CRUZ, (
        "evidence-the-work-is-religious-in", "fee-exemption-proof")),
    "c51-paid-charity-worker": _offer("C51", "paid", KAMAU, (
        "evidence-the-duties-not-just-the",)),
    "provincial-nominee": _offer("T13", "paid", OKONKWO, (
        "provincial-nomination-confirmation-letter-or-aor",
        "provincial-support-letter-stating-the-worker")),
    "aip-designated-employer": _offer("C18", "paid", SANTOS, (
        "job-offer-from-an-aip-designated", "letter-from-the-endorsing-atlantic-province")),
    "csq-holder-quebec": _offer("A73", "paid", EL_AMRANI, ("valid-csq-rswp-peq-or-listed",)),
    "research-chair": _offer("C31", "exempt", OLIVEIRA, (
        "letter-from-the-sponsoring-institution-program", "fee-exemption-proof")),
    "summer-camp-counsellor": _offer("C24", "paid", ONEILL, (
        "proof-the-camp-is-residential-overnight",)),
    "passport-hyphen": _offer("F22", "paid", MUNOZ, (
        "proof-of-citizenship-of-ccfta-party", "proof-of-qualifications-for-the-job",
        "signed-employment-agreement-in-the-worker")),
    "spouse-open-permit": _apply("open", "C41", SHARMA),
    "pgwp-graduate": _apply("open", "C43", LIU),
    "foreign-mission-staff": _apply("other", "C20", SATO),
    "bridge-authority-inspector": _apply("other", "C20", KOWALSKI),
    "ict-eleven-months": Attempt(),
    "francophone-farmhand": Attempt(),
    "spouse-permit-too-short": Attempt(),
    "cusma-chef-not-listed": Attempt(),
}

# Acceptable alternatives: they score 100 too.
ALTERNATIVES: dict[str, dict[str, Any]] = {
    "cusma-ict-executive": {"code": "C62"},
    "ceta-ict-specialist": {"code": "C63"},
}


def _submitted(code: str, fee: str = "paid") -> dict[str, Any]:
    return {"offer_submitted": True, "code": code, "fee": fee, "attestations": ALL}


# (case id, what the learner did differently from the model answer, a feedback code expected)
WRONG: list[tuple[str, dict[str, Any], str]] = [
    ("cusma-software-engineer", {"code": "C10"}, "practice.code.wrong"),
    ("cusma-software-engineer", {"offer_submitted": False}, "practice.outcome.not_submitted"),
    ("cusma-ict-executive", {"attestations": ALL - {"recruiters"}},
     "practice.attestations.missing"),
    ("iec-young-professional", {"fee": "exempt"}, "practice.fee.waived_but_due"),
    ("iec-young-professional", {"identity": replace(LEFEVRE, family_name="LEFEVRE")},
     "practice.identity.differs"),
    ("cptpp-civil-engineer", {"code": "T36"}, "practice.code.wrong"),
    ("ceta-ict-specialist", {"evidence": frozenset(ICT_PROOFS[:2])}, "practice.evidence.missing"),
    ("francophone-cook", {"code": None}, "practice.code.missing"),
    ("francophone-cook", {"fee": None}, "practice.fee.unsettled"),
    ("c50-unpaid-volunteer", {"fee": "paid"}, "practice.fee.paid_not_due"),
    ("c50-unpaid-volunteer", {"evidence": frozenset({"evidence-the-work-is-religious-in"})},
     "practice.fee.proof_missing"),
    ("c50-unpaid-volunteer", {"code": "C51"}, "practice.code.wrong"),
    ("c51-paid-charity-worker", {"fee": "exempt"}, "practice.fee.waived_but_due"),
    ("provincial-nominee", {"application_type": "open"},
     "practice.application.needs_offer_number"),
    ("aip-designated-employer", {"identity": replace(SANTOS, sex="F")},
     "practice.identity.differs"),
    ("csq-holder-quebec", {"code": "C16"}, "practice.code.wrong"),
    ("research-chair", {"fee": "paid"}, "practice.fee.paid_not_due"),
    ("summer-camp-counsellor", {"identity": replace(ONEILL, family_name="ONEILL")},
     "practice.identity.differs"),
    ("passport-hyphen", {"identity": replace(MUNOZ, passport_number="F0453721K")},
     "practice.identity.no_match"),
    ("passport-hyphen", {"application_identity": replace(MUNOZ, passport_number="f-0453721k")},
     "practice.application.no_match"),
    ("passport-hyphen", {"identity": replace(MUNOZ, family_name="MUNOZ SOTO")},
     "practice.identity.differs"),
    ("spouse-open-permit", {"application_code": "C47"}, "practice.application.code_wrong"),
    ("spouse-open-permit", {**_submitted("C41"), "fee": None}, "practice.outcome.offer_not_needed"),
    ("pgwp-graduate", {**_submitted("C10")}, "practice.outcome.withdraw_for_refund"),
    ("pgwp-graduate", {"application_type": None}, "practice.application.wrong"),
    ("foreign-mission-staff", {**_submitted("C20")}, "practice.outcome.offer_not_needed"),
    ("foreign-mission-staff", {"application_type": "employer_specific"},
     "practice.application.wrong"),
    ("bridge-authority-inspector", {"application_code": None},
     "practice.application.code_missing"),
    ("bridge-authority-inspector", {"application_identity": replace(KOWALSKI, citizenship="CA")},
     "practice.identity.no_match"),
    ("ict-eleven-months", {**_submitted("C63")}, "practice.outcome.offer_not_needed"),
    ("francophone-farmhand", {**_submitted("C16")}, "practice.outcome.offer_not_needed"),
    ("spouse-permit-too-short", {"application_type": "open", "application_code": "C41"},
     "practice.application.wrong"),
    ("cusma-chef-not-listed", {**_submitted("T36")}, "practice.outcome.offer_not_needed"),
]
