"""Loading the practice cases: portal/rules/data/practice/<id>.yaml, one case per file.

The case files sit with the other reference data the rules read (portal/rules/data/), not with
the practice pages: the grader is a pure rule and the pages are only one of its edges (the
command line is another). Every file is validated when it is loaded, and a broken one is refused
with a `CaseFileError` naming the file, the field and the problem:

- the schema: required keys present, no unknown key, English and French for every text a
  learner reads, dates as dates, identifiers as quoted text (an unquoted "00015" is not a NOC);
- the facts: a business number valid by its check digit (python-stdnum's ca.bn) and not the
  demo employer's; NOC 2021 codes, countries and provinces that exist; passport valid on the
  case date; the job's end after its start;
- the expectations: exemption codes known by their exact key (T36, C21-YP); an offer's codes
  employer-specific; evidence ids from the code's evidence list; a claimed fee exemption with
  its proof; answers only to the questions the code asks; a compliance-exempt employer
  submitting no offer, its worker applying under "Other".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import yaml
from stdnum.ca import bn

from portal.rules._data import DATA_DIR
from portal.rules.codes import ExemptionCode, get_code
from portal.rules.countries import is_province, is_valid_country
from portal.rules.eligibility import WAGE_UNITS
from portal.rules.messages import Bilingual
from portal.rules.noc import get_unit_group
from portal.rules.practice._reader import CaseFileError, Node
from portal.rules.practice.cases import (
    BUSINESS_TYPES,
    COMPLIANCE_EXEMPT_CATEGORIES,
    DIFFICULTY_ORDER,
    FEE_EXEMPTION_PROOF,
    SEXES,
    ApplicationType,
    Case,
    Difficulty,
    Employer,
    Expected,
    Fact,
    FeeOutcome,
    Job,
    Outcome,
    Worker,
)

__all__ = ["CASES_DIR", "CaseFileError", "CaseYaml", "all_cases", "get_case", "load_case_file",
           "load_folder", "parse_case"]

CASES_DIR = DATA_DIR / "practice"
DEMO_BUSINESS_NUMBER = "123456782"  # the demo employer's (portal.services' demo data)
CASE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_OFFER_KEYS = ("code", "why", "source", "fee", "fee_source", "evidence")
_NO_OFFER_KEYS = ("why", "source", "application")


class CaseYaml(yaml.SafeLoader):
    """YAML with only true/false as booleans: in YAML 1.1 (PyYAML's default) ON, NO, yes and
    off are booleans too, so Ontario, Norway and the answer "yes" would silently change type."""


_BOOL = "tag:yaml.org,2002:bool"
CaseYaml.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CaseYaml.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|false)$"), list("tf"))


def load_case_file(path: Path) -> Case:
    """One case file, validated; its id must be the file's name."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=CaseYaml)  # noqa: S506
    except yaml.YAMLError as error:
        raise CaseFileError(path.name, "(file)", f"not valid YAML: {error}") from error
    case = parse_case(raw, file=path.name)
    if case.id != path.stem:
        raise CaseFileError(path.name, "id", f"{case.id!r} must be the file's name, {path.stem!r}")
    return case


def load_folder(folder: Path) -> tuple[Case, ...]:
    """Every case file of `folder`, easiest first; ids and business numbers are unique."""
    cases = [load_case_file(path) for path in sorted(folder.glob("*.yaml"))]
    numbers: dict[str, str] = {}
    for case in cases:
        other = numbers.setdefault(case.employer.business_number, case.id)
        if other != case.id:
            employer = Node({}, ("employer",), f"{case.id}.yaml")
            employer.fail(f"already used by case {other!r}", "business_number")
    return tuple(sorted(cases, key=lambda c: (DIFFICULTY_ORDER.index(c.difficulty), c.id)))


@functools.cache
def all_cases() -> tuple[Case, ...]:
    """The practice cases shipped with the portal (loaded once per process)."""
    return load_folder(CASES_DIR)


def get_case(case_id: object) -> Case | None:
    return next((c for c in all_cases() if c.id == case_id), None)


def parse_case(raw: object, *, file: str) -> Case:
    top = Node(raw, (), file).open(
        ("id", "difficulty", "case_date", "title", "brief", "research", "employer", "worker",
         "job", "facts", "expected"),
        ("answers",),
    )
    case_id = top.text("id")
    if not CASE_ID.fullmatch(case_id):
        top.fail("must be lower-case words joined by hyphens", "id")
    case_date = top.date("case_date")
    expected = _expected(top.child("expected"))
    employer = _employer(top.child("employer"))
    _check_employer_and_outcome(top, employer, expected)
    code = get_code(expected.code or expected.tempting_code or "")
    return Case(
        id=case_id,
        difficulty=Difficulty(top.choice("difficulty", Difficulty)),
        case_date=case_date,
        title=top.bilingual("title"),
        brief=top.bilingual("brief"),
        employer=employer,
        worker=_worker(top.child("worker"), case_date),
        job=_job(top.child("job")),
        facts=tuple(_fact(node) for node in top.items("facts")),
        expected=expected,
        research=top.text("research"),
        answers=_answers(top, code),
    )


def _employer(node: Node) -> Employer:
    node.open(
        ("legal_name", "business_number", "business_type", "province", "city", "activity"),
        ("operating_name", "compliance_exempt_category"),
    )
    number = node.text("business_number")
    if not (len(number) == 9 and number.isdigit() and bn.is_valid(number)):
        node.fail(f"{number!r} is not a valid 9-digit business number (check digit)",
                  "business_number")
    if number == DEMO_BUSINESS_NUMBER:
        node.fail("is the demo employer's number: give the case its own", "business_number")
    category = node.choice("compliance_exempt_category", COMPLIANCE_EXEMPT_CATEGORIES,
                           optional=True)
    return Employer(
        legal_name=node.text("legal_name"),
        business_number=number,
        business_type=node.choice("business_type", BUSINESS_TYPES),
        province=_province(node, "province"),
        city=node.text("city"),
        activity=node.bilingual("activity"),
        operating_name=node.text("operating_name", optional=True) or None,
        compliance_exempt_category=category or None,
    )


def _worker(node: Node, case_date: dt.date) -> Worker:
    node.open(
        ("family_name", "sex", "date_of_birth", "country_of_birth", "citizenship",
         "residence_country", "passport_number", "passport_expiry"),
        ("given_names",),
    )
    born, expiry = node.date("date_of_birth"), node.date("passport_expiry")
    if born >= case_date:
        node.fail("must be before the case date", "date_of_birth")
    if expiry <= case_date:
        node.fail("the passport must be valid on the case date", "passport_expiry")
    return Worker(
        family_name=node.text("family_name"),
        given_names=node.text("given_names", optional=True) or None,
        sex=node.choice("sex", SEXES),
        date_of_birth=born,
        country_of_birth=_country(node, "country_of_birth"),
        citizenship=_country(node, "citizenship"),
        residence_country=_country(node, "residence_country"),
        passport_number=node.text("passport_number"),
        passport_expiry=expiry,
    )


def _job(node: Node) -> Job:
    node.open(("title", "noc_code", "duties", "city", "province", "start_date", "end_date",
               "hours_per_week", "wage", "wage_unit"))
    noc = node.text("noc_code")
    if get_unit_group(noc) is None:
        node.fail(f"{noc!r} is not a NOC 2021 unit group", "noc_code")
    start, end = node.date("start_date"), node.date("end_date")
    if end <= start:
        node.fail("must be after the start date", "end_date")
    wage = node.number("wage", low=Decimal("0.01"), high=Decimal(10_000_000))
    return Job(
        title=node.bilingual("title"),
        noc_code=noc,
        duties=node.bilingual("duties"),
        city=node.text("city"),
        province=_province(node, "province"),
        start_date=start,
        end_date=end,
        hours_per_week=node.number("hours_per_week", low=Decimal(1), high=Decimal(80)),
        wage_cents=int(wage * 100),
        wage_unit=node.choice("wage_unit", WAGE_UNITS),
    )


def _fact(node: Node) -> Fact:
    node.open(("en", "fr", "source"))
    return Fact(Bilingual(node.prose("en"), node.prose("fr")),
                node.bilingual("source", plain_ok=True))


def _expected(node: Node) -> Expected:
    node.open(("outcome",), (*_OFFER_KEYS, *_NO_OFFER_KEYS, "alternatives", "application_code",
                            "tempting_code"))
    outcome = Outcome(node.choice("outcome", Outcome))
    if outcome is Outcome.submit_offer:
        return _offer_expected(node)
    return _no_offer_expected(node)


def _offer_expected(node: Node) -> Expected:
    node.open(("outcome", *_OFFER_KEYS), ("alternatives", "application"))
    entry = _code(node, "code", employer_specific=True)
    alternatives = node.texts("alternatives")
    for alternative in alternatives:
        _check_code(node, "alternatives", alternative, employer_specific=True)
    if entry.key in alternatives:
        node.fail("must not repeat the expected code", "alternatives")
    fee = FeeOutcome(node.choice("fee", (FeeOutcome.paid, FeeOutcome.exempt)))
    evidence = node.texts("evidence")
    known = {item.id for item in entry.evidence} | {FEE_EXEMPTION_PROOF}
    unknown = [item for item in evidence if item not in known]
    if unknown:
        node.fail(f"{', '.join(unknown)} not in {entry.key}'s evidence list", "evidence")
    if fee is FeeOutcome.exempt and FEE_EXEMPTION_PROOF not in evidence:
        node.fail(f"a fee exemption needs its proof: add {FEE_EXEMPTION_PROOF}", "evidence")
    node.choice("application", (ApplicationType.employer_specific,), optional=True)
    return Expected(
        outcome=Outcome.submit_offer,
        why=node.bilingual("why"),
        source=node.bilingual("source", plain_ok=True),
        application=ApplicationType.employer_specific,
        code=entry.key,
        alternatives=alternatives,
        fee=fee,
        fee_source=node.bilingual("fee_source", plain_ok=True),
        evidence=evidence,
    )


def _no_offer_expected(node: Node) -> Expected:
    node.open(("outcome", *_NO_OFFER_KEYS), ("application_code", "tempting_code"))
    application = ApplicationType(node.choice("application", ApplicationType))
    if application is ApplicationType.employer_specific:
        node.fail("an employer-specific application needs an offer", "application")
    code = None
    if application in (ApplicationType.other, ApplicationType.open):
        if not node.has("application_code"):
            node.fail(f"an application of type {application} names its code",
                      "application_code")
        # "Other": the exemption the worker claims without an offer number; "open": the
        # open work permit's code.
        code = _code(node, "application_code",
                     employer_specific=application is ApplicationType.other).key
    elif node.has("application_code"):
        node.fail("no application is expected, so no code either", "application_code")
    tempting = _code(node, "tempting_code").key if node.has("tempting_code") else None
    return Expected(
        outcome=Outcome.no_offer,
        why=node.bilingual("why"),
        source=node.bilingual("source", plain_ok=True),
        application=application,
        application_code=code,
        tempting_code=tempting,
    )


def _check_employer_and_outcome(top: Node, employer: Employer, expected: Expected) -> None:
    if employer.compliance_exempt_category is None:
        if expected.application is ApplicationType.other:
            top.child("expected").fail(
                'only a compliance-exempt employer\'s worker applies under "Other"', "application"
            )
        return
    if expected.outcome is not Outcome.no_offer or expected.application is not (
        ApplicationType.other
    ):
        top.fail('a compliance-exempt employer submits no offer; its worker applies under '
                 '"Other" (R209.9(1))', "expected")


def _answers(top: Node, entry: ExemptionCode | None) -> Mapping[str, str]:
    if not top.has("answers"):
        return {}
    node = top.child("answers")
    if entry is None:
        node.fail("answers need the expected code or the tempting code")
    questions = {question.id: question for question in entry.questions}
    node.open((), questions)
    answers: dict[str, str] = {}
    for qid, question in questions.items():
        if node.has(qid):
            value = node.text(qid)
            if question.choices and question.choice_label(value) is None:
                node.fail(f"{value!r} is not one of the question's choices", qid)
            answers[qid] = value
    return answers


def _code(node: Node, key: str, *, employer_specific: bool | None = None) -> ExemptionCode:
    return _check_code(node, key, node.value(key), employer_specific=employer_specific)


def _check_code(
    node: Node, where: str, raw: object, *, employer_specific: bool | None = None
) -> ExemptionCode:
    entry = get_code(raw) if isinstance(raw, str) else None
    if entry is None or entry.key != raw:
        node.fail(f"{raw!r} is not an LMIA exemption code key (e.g. T36, C21-YP)", where)
    if employer_specific is True and not entry.employer_specific:
        node.fail(f"{raw} is an open work permit code: no offer is made under it", where)
    if employer_specific is False and entry.employer_specific:
        node.fail(f"{raw} is not an open work permit code", where)
    return entry


def _country(node: Node, key: str) -> str:
    value = node.text(key)
    if not (value.isupper() and is_valid_country(value)):
        node.fail(f"{value!r} is not an ISO 3166-1 alpha-2 country code", key)
    return value


def _province(node: Node, key: str) -> str:
    value = node.text(key)
    if not (value.isupper() and is_province(value)):
        node.fail(f"{value!r} is not a province or territory code (ON, QC...)", key)
    return value
