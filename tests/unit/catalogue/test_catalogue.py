"""The catalogue words every code the rules and services emit, in English and in French.

Two proofs: the source (every code-shaped string in portal/rules and every code a service builds a
Message with is a catalogue code, and every catalogue code is used there) and the rules' actual
output over many inputs (every message, nested ones included, renders in both languages)."""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.catalogue import ENTRIES, RENDERERS, known_codes, say_in
from portal.catalogue.labels import CATEGORY_LABELS, TRAVEL_DOCUMENT_LABELS
from portal.catalogue.plural import Plural
from portal.i18n import catalogue_files
from portal.rules import fees, finder, travel
from portal.rules.codes import Category, ExemptionCode, all_codes
from portal.rules.eligibility import OfferFacts, check_offer
from portal.rules.messages import Message
from portal.rules.travel import TravelDocument

PORTAL = Path(__file__).resolve().parents[3] / "portal"
# Catalogue codes are "finding.style" dotted names or FINDING-STYLE ones ("ELIG-*-TEER").
CODE_SHAPE = re.compile(r"^(?:[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+|[A-Z]{2,}(?:-[A-Z0-9*]+)+)$")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _trees(folder: Path) -> Iterator[tuple[Path, ast.AST]]:
    for path in sorted(folder.rglob("*.py")):
        if path.parent.name != "data":  # the build script of the reference data
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _message_codes() -> dict[str, str]:
    """The codes services build a Message with: `Message("code")`, `Message.of("a" if x else
    "b", ...)` (services also hold other dotted strings, such as audit actions)."""
    found: dict[str, str] = {}
    for path, tree in _trees(PORTAL / "services"):
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and ast.unparse(node.func) in (
                "Message", "Message.of"
            ):
                for part in ast.walk(node.args[0]):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        found.setdefault(part.value, f"{path.name}:{part.lineno}")
    return found


def code_like_strings() -> dict[str, str]:
    """Code-shaped string literals in the rules (f-string pieces excluded) and the codes the
    services build messages with."""
    found: dict[str, str] = _message_codes()
    for path, tree in _trees(PORTAL / "rules"):
        pieces = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                  for v in node.values}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in pieces and CODE_SHAPE.match(node.value)
                    and not node.value.startswith("answers.")):  # form fields, not codes
                found.setdefault(node.value, f"{path.name}:{node.lineno}")
    return found


def test_every_code_the_rules_and_services_write_has_a_catalogue_entry():
    unknown = {code: where for code, where in code_like_strings().items()
               if code not in known_codes()}
    assert not unknown


def _migration_codes() -> set[str]:
    """Special codes only a migration writes (texts stored before decisions were codes)."""
    versions = PORTAL.parent / "migrations" / "versions"
    text = "".join(path.read_text(encoding="utf-8") for path in versions.glob("*.py"))
    return {code for code in RENDERERS if f'"{code}"' in text}


def test_every_catalogue_entry_is_a_code_the_rules_or_services_use():
    used = set(code_like_strings()) | _migration_codes()
    assert sorted(known_codes() - used) == []


def _french() -> dict[str, tuple[str, bool]]:
    from babel.messages.pofile import read_po

    result: dict[str, tuple[str, bool]] = {}
    for path in catalogue_files("fr"):
        with path.open("rb") as handle:
            for message in read_po(handle, locale="fr"):
                if message.id and isinstance(message.id, str):
                    result[message.id] = (str(message.string or ""), message.fuzzy)
                elif message.id:  # a plural entry: each English form keyed to its French one
                    forms = tuple(message.string or ())
                    for english, french in zip(message.id, forms, strict=True):
                        result[english] = (str(french or ""), message.fuzzy)
    return result


def _msgids() -> Iterator[tuple[str, str]]:
    for code, entry in ENTRIES.items():
        if isinstance(entry, Plural):
            yield code, entry.singular
            yield code, entry.plural
        else:
            yield code, entry._args[0]
    for table in (CATEGORY_LABELS, TRAVEL_DOCUMENT_LABELS):
        for key, lazy in table.items():
            yield str(key), lazy._args[0]


@pytest.mark.parametrize(("code", "msgid"), list(_msgids()))
def test_every_entry_has_french_with_the_same_placeholders(code, msgid):
    french, fuzzy = _french().get(msgid, ("", False))
    assert french and not fuzzy, f"{code}: no French for {msgid!r}"
    assert set(PLACEHOLDER.findall(french)) == set(PLACEHOLDER.findall(msgid)), code


def test_every_enum_of_the_rules_has_a_label():
    assert set(CATEGORY_LABELS) == set(Category)
    assert set(TRAVEL_DOCUMENT_LABELS) == set(TravelDocument)


def test_special_renderers_are_few_and_known():
    # batch.file.missing_columns names the columns by their headers in the reader's language
    # (the service names their keys).
    assert set(RENDERERS) == {"travel.special_rules", "stored.text",
                              "batch.file.missing_columns"}


@pytest.fixture(scope="module")
def speak(make_app):
    app = make_app()

    def both(message: Message) -> tuple[str, str]:
        with app.test_request_context():
            return say_in(message, "en"), say_in(message, "fr")

    return both


def _assert_worded(message: Message, speak) -> None:
    for part in message.walk():
        assert part.code in known_codes(), part.code
    english, french = speak(message)
    assert english.strip() and french.strip(), message
    assert "%(" not in english and "%(" not in french, message


def _rule_messages() -> Iterator[Message]:
    for entry in all_codes():
        yield from _code_messages(entry)
        yield from _fee_messages(entry.key)
        for inside in (False, True):
            for citizenship in ("US", "IN", "FR"):
                yield from travel.port_of_entry_allowed(
                    citizenship=citizenship, currently_in_canada=inside, code=entry.key
                ).reasons


def _code_messages(entry: ExemptionCode) -> Iterator[Message]:
    yield entry.description
    if entry.not_selectable_reason is not None:
        yield entry.not_selectable_reason
    for question in entry.questions:
        yield question.label
        if question.hint is not None:
            yield question.hint
        yield from (label for _value, label in question.choices if isinstance(label, Message))


def _fee_messages(key: str) -> Iterator[Message]:
    for group in (1, 2, 3):
        for answers in (None, {"worker_unpaid": "yes"}, {"worker_fee_exempt": "yes"}):
            fee = fees.compliance_fee(key, answers=answers, performing_artists_in_group=group)
            yield fee.reason
    for permit in fees.PERMIT_TYPES:
        for citizenship, on_file, age in (("US", False, 30), ("IN", True, 30),
                                          ("IN", False, 90), ("IN", False, 30)):
            for line in fees.worker_fees(permit_type=permit, code=key, citizenship=citizenship,
                                         has_biometrics_on_file=on_file, age=age):
                yield line.label
                if line.exempt_reason is not None:
                    yield line.exempt_reason


def test_the_rules_output_is_worded_in_both_languages(speak):
    seen = set()
    for message in _rule_messages():
        if message not in seen:
            seen.add(message)
            _assert_worded(message, speak)
    for country in ("US", "MX", "FR", "IN", "ZZ"):
        note = travel.travel_requirement(country).note
        if note is not None:
            _assert_worded(note, speak)
    for noc, countries, months in (("31102", (), 1), ("82030", ("IN",), 1),
                                   ("21232", ("IN",), 12), ("21232", (), 1)):
        for reason in travel.medical_exam(noc_code=noc, resided_countries=countries,
                                          stay_months=months).reasons:
            _assert_worded(reason, speak)


answers = st.builds(
    finder.FinderAnswers,
    citizenship=st.sampled_from([None, "US", "MX", "FR", "GB", "IN", "KR", "CL"]),
    relationship=st.sampled_from([None, "transfer", "new_hire", "owner", "spouse_or_student"]),
    kind_of_work=st.sampled_from([None, "professional", "technician", "manager", "specialist",
                                  "trader_investor", "research_academic", "performing_arts",
                                  "youth_exchange", "other"]),
    teer=st.sampled_from([None, 0, 1, 2, 3, 4, 5]),
    work_province=st.sampled_from([None, "QC", "ON"]),
    francophone=st.booleans(),
    iec_category=st.sampled_from([None, "yp", "ic", "wh"]),
    age=st.sampled_from([None, 20, 27, 40]),
    has_pgwp_or_study_status=st.booleans(),
    provincial_nomination=st.sampled_from([None, "ON", "QC"]),
    employer_kind=st.sampled_from(["normal", "foreign_government", "diplomatic"]),
    months_with_foreign_employer=st.sampled_from([None, 6, 24]),
)


@settings(max_examples=150, deadline=None)
@given(answers=answers)
def test_the_finders_reasons_are_worded(answers, speak):
    result = finder.suggest_codes(answers)
    for message in (result.lmia_explanation, result.employer_exempt_explanation,
                    result.open_permit_explanation, *(s.why for s in result.suggestions)):
        if message is not None:
            _assert_worded(message, speak)


offers = st.builds(
    OfferFacts,
    code=st.sampled_from([c.key for c in all_codes()] + [None, "T99"]),
    citizenship=st.sampled_from([None, "US", "MX", "FR", "IN", "CA", "KR", "ZZ"]),
    date_of_birth=st.sampled_from([None, dt.date(1990, 1, 1), dt.date(1985, 1, 1), "x"]),
    noc_code=st.sampled_from([None, "21232", "63200", "85101", "44100", "84120", "x"]),
    work_province=st.sampled_from([None, "QC", "ON", "NB", "ZZ"]),
    employer_province=st.sampled_from([None, "QC", "ON", "NS"]),
    start_date=st.sampled_from([None, dt.date(2027, 1, 1), dt.date(2020, 1, 1), "x"]),
    end_date=st.sampled_from([None, dt.date(2027, 2, 1), dt.date(2032, 1, 1)]),
    wage_cents=st.sampled_from([None, 0, -1, 5000]),
    wage_unit=st.sampled_from([None, "hour", "fortnight"]),
    hours_per_week=st.sampled_from([None, 40, 0]),
    answers=st.dictionaries(
        st.sampled_from(sorted({q.id for c in all_codes() for q in c.questions})),
        st.sampled_from(["yes", "no", "0", "2.5", "100", "not_listed", "2027-12-01", "QC", "x"]),
        max_size=6,
    ),
    employer_compliance_exempt=st.booleans(),
    employer_banned=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(facts=offers)
def test_every_finding_is_worded(facts, speak):
    for finding in check_offer(facts, today=dt.date(2026, 11, 24)):
        _assert_worded(finding.message, speak)
