"""The loader refuses a broken case file and names the field to fix."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from portal.rules.practice import CaseFileError, load_case_file
from portal.rules.practice.loader import CASES_DIR, CaseYaml, load_folder

GOOD = "cusma-software-engineer"


def _raw(case_id: str = GOOD) -> dict[str, Any]:
    text = (CASES_DIR / f"{case_id}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=CaseYaml)  # noqa: S506 (a safe loader)


def _write(folder: Path, raw: dict[str, Any], name: str | None = None) -> Path:
    path = folder / f"{name or raw['id']}.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def _refused(tmp_path: Path, change, where: str, problem: str, case_id: str = GOOD) -> None:
    raw = copy.deepcopy(_raw(case_id))
    change(raw)
    with pytest.raises(CaseFileError) as caught:
        load_case_file(_write(tmp_path, raw))
    assert caught.value.where == where
    assert problem in caught.value.problem


def test_a_good_file_round_trips(tmp_path):
    case = load_case_file(_write(tmp_path, _raw()))
    assert case.id == GOOD and case.worker.passport_number == "568210473"


def _set(path: str, value: Any):
    def change(raw: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = raw
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[last] = value
    return change


def _drop(path: str):
    def change(raw: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = raw
        for key in parents:
            node = node[key]
        del node[last]
    return change


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        (_set("employer/business_number", "864542841"), "employer.business_number",
         "check digit"),
        (_set("employer/business_number", "123456782"), "employer.business_number",
         "demo employer"),
        (_set("employer/business_number", 864542840), "employer.business_number",
         "must be text"),
        (_set("job/noc_code", "99999"), "job.noc_code", "not a NOC 2021 unit group"),
        (_set("job/noc_code", 21231), "job.noc_code", "must be text"),
        (_set("expected/code", "T99"), "expected.code", "not an LMIA exemption code key"),
        (_set("expected/code", "t36"), "expected.code", "not an LMIA exemption code key"),
        (_set("expected/code", "C41"), "expected.code", "open work permit code"),
        (_set("expected/alternatives", ["Z00"]), "expected.alternatives",
         "not an LMIA exemption code key"),
        (_set("expected/evidence", ["invitation-to-apply"]), "expected.evidence",
         "not in T36's evidence list"),
        (_set("expected/fee", "exempt"), "expected.evidence", "fee-exemption-proof"),
        (_set("expected/fee", "waived"), "expected.fee", "not one of"),
        (_set("employer/colour", "blue"), "employer", "unknown key(s) colour"),
        (_drop("worker/passport_number"), "worker", "missing key(s) passport_number"),
        (_set("title", {"en": "Only English"}), "title", "missing key(s) fr"),
        (_set("title", "Only one language"), "title", "English and the French"),
        (_set("facts/0/fr", " "), "facts[0].fr", "non-empty text"),
        (_set("worker/citizenship", "USA"), "worker.citizenship", "ISO 3166-1"),
        (_set("worker/sex", "female"), "worker.sex", "not one of"),
        (_set("worker/passport_number", "568210473 "), "worker.passport_number",
         "spaces"),
        (_set("worker/passport_expiry", "2026-11-30"), "worker.passport_expiry",
         "valid on the case date"),
        (_set("job/end_date", "2027-02-01"), "job.end_date", "after the start date"),
        (_set("job/province", "Ontario"), "job.province", "province or territory"),
        (_set("job/wage_unit", "fortnight"), "job.wage_unit", "not one of"),
        (_set("difficulty", "expert"), "difficulty", "not one of"),
        (_set("answers", {"months_with_foreign_employer": "12"}), "answers",
         "unknown key(s) months_with_foreign_employer"),
        (_set("answers", {"cusma_profession": "chef"}), "answers.cusma_profession",
         "not one of the question's choices"),
        (_set("employer/compliance_exempt_category", "diplomatic_or_consular_mission"),
         "expected", "compliance-exempt employer submits no offer"),
        (_set("expected/outcome", "no_offer"), "expected",
         "unknown key(s) code, evidence, fee, fee_source"),
    ],
)
def test_broken_files_are_refused_with_the_field_named(tmp_path, change, where, problem):
    _refused(tmp_path, change, where, problem)


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        (_set("expected/application", "employer_specific"), "expected.application",
         "needs an offer"),
        (_drop("expected/application_code"), "expected.application_code", "names its code"),
        (_set("expected/application_code", "T36"), "expected.application_code",
         "not an open work permit code"),
        (_set("expected/fee", "paid"), "expected", "unknown key(s) fee"),
    ],
)
def test_no_offer_expectations_are_checked(tmp_path, change, where, problem):
    _refused(tmp_path, change, where, problem, case_id="pgwp-graduate")


def test_other_is_only_for_a_compliance_exempt_employer(tmp_path):
    _refused(tmp_path, _drop("employer/compliance_exempt_category"), "expected.application",
             'applies under "Other"', case_id="foreign-mission-staff")


def test_the_file_name_is_the_case_id(tmp_path):
    path = _write(tmp_path, _raw(), name="another-name")
    with pytest.raises(CaseFileError, match="must be the file's name"):
        load_case_file(path)


def test_invalid_yaml_is_refused(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\ntitle: {en: a: b}\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match="not valid YAML"):
        load_case_file(path)


def test_two_cases_cannot_share_a_business_number(tmp_path):
    first, second = _raw(), _raw("cusma-chef-not-listed")
    second["employer"]["business_number"] = first["employer"]["business_number"]
    _write(tmp_path, first)
    _write(tmp_path, second)
    with pytest.raises(CaseFileError) as caught:
        load_folder(tmp_path)
    assert caught.value.where == "employer.business_number"
    assert "already used" in caught.value.problem


def test_only_true_and_false_are_booleans(tmp_path):
    """ON (Ontario), NO (Norway) and "yes" stay text, as an author means them."""
    text = (CASES_DIR / "francophone-cook.yaml").read_text(encoding="utf-8")
    text = text.replace('french_nclc5: "yes"', "french_nclc5: yes").replace(
        "province: NB", "province: ON").replace("country_of_birth: CM", "country_of_birth: NO")
    path = tmp_path / "francophone-cook.yaml"
    path.write_text(text, encoding="utf-8")
    case = load_case_file(path)
    assert case.answers["french_nclc5"] == "yes"
    assert case.job.province == "ON" and case.worker.country_of_birth == "NO"


def test_an_unquoted_number_loses_nothing_silently(tmp_path):
    text = (CASES_DIR / "cusma-ict-executive.yaml").read_text(encoding="utf-8")
    path = tmp_path / "cusma-ict-executive.yaml"
    path.write_text(text.replace('noc_code: "00015"', "noc_code: 00015"), encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        load_case_file(path)
    assert caught.value.where == "job.noc_code"
