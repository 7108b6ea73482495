"""Every message of the compliance rules renders in English and French, with its parameters.

The scenarios below make the rules emit every "compliance.*" code of the catalogue, so a code
whose parameters and wording disagree fails here rather than on a page."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.catalogue import say_in
from portal.catalogue.compliance import COMPLIANCE
from portal.rules.compliance.conditions import ViolationType
from portal.rules.compliance.consequences import PriorNotice, assess_notice
from portal.rules.compliance.deadlines import offer_in_scope
from portal.rules.compliance.justifications import JustificationClaim
from portal.rules.compliance.points import PERMANENT_BAN, Ban, BusinessSize, Severity
from portal.rules.compliance.scoring import PriorViolation
from portal.rules.compliance.status import BanRecord, PenaltyRecord, eligibility
from portal.rules.compliance.violations import ConditionFinding, Disclosure, FindingStatus
from portal.rules.messages import Day, Message

D = dt.date
TODAY = D(2026, 11, 24)
NC, OK, JUST = FindingStatus.non_compliant, FindingStatus.compliant, FindingStatus.justified


def _f(condition, status=NC, element=None, worker="w1", **kwargs):
    return ConditionFinding(condition, status, worker=worker, element=element, **kwargs)


def _assessments():
    sev = Severity
    yield assess_notice(
        [
            _f("offer_terms", OK, "wages"),
            _f(
                "offer_terms",
                JUST,
                "wages",
                worker="w2",
                justification=JustificationClaim("law_change"),
            ),
            _f(
                "abuse_free_workplace",
                element="psychological",
                severity=sev(abuse=10, remediation=3),
            ),
            _f("abuse_free_workplace", element="psychological"),
            _f("active_business", severity=sev(economy=4, remediation=2)),
            _f("documents_retained", severity=sev(benefit=6, economy=6, remediation=3)),
            _f(
                "provide_documents",
                worker=None,
                disclosure=Disclosure(D(2026, 1, 1), complete=True),
            ),
            _f("report_and_answer", disclosure=Disclosure(D(2026, 1, 1), complete=False)),
            _f("attend_inspection", disclosure=Disclosure(D(2026, 7, 1), complete=True)),
            _f(
                "health_care_access",
                disclosure=Disclosure(D(2026, 1, 1), True, enforcement_action_under_way=True),
            ),
            _f(
                "no_fees_charged",
                disclosure=Disclosure(D(2026, 1, 1), True, rejected_on_considerations=True),
            ),
            _f("employment_laws", occurred_on=D(2015, 3, 1)),
            _f("offer_terms", element="occupation", worker="w3", severity=sev(prevention=1)),
            _f(
                "offer_terms",
                element="working_conditions",
                worker="w3",
                severity=sev(worker_disease_risk=2),
            ),
            *[
                _f(
                    "abuse_free_workplace",
                    element=e,
                    worker="w3",
                    severity=sev(public_disease_risk=1),
                )
                for e in ("physical", "financial", "reprisal")
            ],
            *[
                _f(
                    "abuse_free_workplace",
                    element="sexual",
                    worker=f"x{i}",
                    severity=sev(abuse=10, remediation=3),
                )
                for i in range(10)
            ],
        ],
        size=BusinessSize.large,
        determined_on=TODAY,
        history=[
            PriorViolation("I1", ViolationType.A, D(2020, 1, 1)),
            PriorViolation("I2", ViolationType.A, D(2021, 1, 1)),
            PriorViolation("I1", ViolationType.C, D(2020, 1, 1)),
            PriorViolation("I9", ViolationType.B, D(2024, 1, 1)),
            PriorViolation("I3", ViolationType.B, D(2024, 1, 1), justified=True),
            PriorViolation("I0", ViolationType.B, D(2015, 1, 1)),
        ],
        prior_notices=[PriorNotice(D(2026, 2, 1), 50_000_00)],
        inspection="I9",
        inspection_opened_on=D(2026, 6, 1),
    )
    yield assess_notice(
        [_f("rights_information_given")], size=BusinessSize.small, determined_on=TODAY
    )
    yield assess_notice([], size=BusinessSize.small, determined_on=TODAY)
    yield assess_notice(
        [
            _f("active_business", severity=sev(economy=4, remediation=2)),
            _f("offer_terms", element="wages", severity=sev(benefit=6, economy=4)),
        ],
        size=BusinessSize.small,
        determined_on=TODAY,
    )
    yield assess_notice(
        [
            _f("nope"),
            _f("offer_terms"),
            _f("offer_terms", element="bonus"),
            _f("active_business", element="wages"),
            _f("no_fees_charged", occurred_on=D(2021, 1, 1)),
            _f("abuse_free_workplace", element="reprisal", occurred_on=D(2021, 1, 1)),
            _f("offer_terms", JUST, "wages"),
            _f("offer_terms", JUST, "wages", justification=JustificationClaim("because")),
            _f("documents_retained", JUST, justification=JustificationClaim("superior_force")),
            _f(
                "offer_terms",
                JUST,
                "wages",
                justification=JustificationClaim(
                    "economic_change", disproportionate_on_foreign_nationals=True
                ),
            ),
            _f("offer_terms", JUST, "wages", justification=JustificationClaim("accounting_error")),
            _f(
                "offer_terms",
                JUST,
                "wages",
                justification=JustificationClaim(
                    "accounting_error", compensated=True, compensated_on=D(2026, 9, 1)
                ),
            ),
            _f(
                "no_fees_charged",
                JUST,
                justification=JustificationClaim(
                    "fees_efforts_and_repayment", compensated=True, compensated_on=D(2026, 1, 1)
                ),
            ),
            _f(
                "attend_inspection",
                JUST,
                justification=JustificationClaim("cooperation_good_faith"),
            ),
            _f("active_business", severity=sev(benefit=9)),
            _f("active_business", status="maybe"),
        ],
        size=BusinessSize.small,
        determined_on=TODAY,
        preliminary_finding_on=D(2026, 8, 1),
    )
    yield assess_notice([_f("active_business")], size="medium", determined_on=TODAY)


def _messages() -> list[Message]:
    messages = []
    for assessment in _assessments():
        messages += [s.message for s in assessment.steps]
        messages += [p.message for p in assessment.problems]
    for today, issued in (
        (D(2023, 1, 1), D(2020, 1, 2)),
        (D(2020, 1, 1), D(2020, 1, 2)),
        (D(2027, 1, 1), D(2020, 1, 2)),
        (D(2023, 1, 1), D(2013, 1, 2)),
    ):
        messages.append(
            offer_in_scope(
                employment_starts_on=D(2020, 1, 15), permit_issued_on=issued, today=today
            ).message
        )
    ban, forever = BanRecord(TODAY, Ban(2)), BanRecord(TODAY, PERMANENT_BAN)
    unpaid = PenaltyRecord(D(2027, 1, 4))
    later = D(2027, 6, 1)
    for bans, penalties in (
        ((), ()),
        ((ban,), ()),
        ((forever,), ()),
        ((), (unpaid,)),
        ((ban,), (unpaid,)),
        ((forever,), (unpaid,)),
    ):
        messages.append(eligibility(later, bans=bans, penalties=penalties).message)
    return messages


@pytest.fixture(scope="module")
def speak(make_app):
    app = make_app()

    def both(message: Message) -> tuple[str, str]:
        with app.test_request_context():
            return say_in(message, "en"), say_in(message, "fr")

    return both


def test_the_scenarios_emit_every_compliance_code():
    emitted = {part.code for message in _messages() for part in message.walk()}
    assert emitted == set(COMPLIANCE)


def test_every_compliance_message_renders_in_both_languages(speak):
    for message in set(_messages()):
        english, french = speak(message)
        assert english.strip() and french.strip(), message
        assert "%(" not in english and "%(" not in french, message
        assert english != french, message


def test_amounts_dates_and_labels_are_written_the_readers_way(speak):
    ban = Message.of("compliance.outcome.ban", years=5, starts_on=Day(TODAY))
    assert speak(ban) == (
        "Outcome: ineligible to employ a foreign national who needs a work permit for 5 years, "
        "beginning on November 24, 2026 (R209.99(2)).",
        "Résultat : inadmissible à employer un étranger qui a besoin d'un permis de travail "
        "pendant 5 ans, à compter du 24 novembre 2026 (R209.99(2)).",
    )
    example_6 = assess_notice(
        [_f("active_business", severity=Severity(economy=4, remediation=2))],
        size=BusinessSize.large,
        determined_on=TODAY,
    )
    (amp,) = [s.message for s in example_6.steps if s.code == "compliance.amp.table_2"]
    english, french = speak(amp)
    assert english == (
        "Administrative monetary penalty: $60,000 (Table 2: 8 points, Type C, large business)."
    )
    assert french == (
        "Sanction administrative pécuniaire : 60\u00a0000\u00a0$ (tableau 2 : 8 points, type C, "
        "grande entreprise)."
    )


@pytest.mark.parametrize(("years", "english", "french"), [
    (1, "for 1 year, beginning", "pendant 1 an, à compter"),
    (2, "for 2 years, beginning", "pendant 2 ans, à compter"),
    (10, "for 10 years, beginning", "pendant 10 ans, à compter"),
])
def test_a_ban_says_year_or_years_by_its_length(speak, years, english, french):
    ban = Message.of("compliance.outcome.ban", years=years, starts_on=Day(TODAY))
    said_en, said_fr = speak(ban)
    assert english in said_en and french in said_fr
    assert "(s)" not in said_en + said_fr


def test_points_follow_each_languages_plural_rule(speak):
    # French takes the singular for 0 and 1 ("0 point"), English only for 1 ("0 points").
    def at(points):
        return speak(Message.of("compliance.amp.none", points=points, type="A"))

    assert at(0) == ("No administrative monetary penalty at 0 points (Table 2, Type A).",
                     "Aucune sanction administrative pécuniaire à 0 point (tableau 2, type A).")
    assert at(1)[0].endswith("at 1 point (Table 2, Type A).")
    assert at(5)[1].endswith("à 5 points (tableau 2, type A).")
