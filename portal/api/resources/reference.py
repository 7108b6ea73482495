"""Reference data, public like the pages it mirrors (no key needed; rate-limited by address, or
by key when one is sent): the exemption codes with their questions and evidence lists, the
NOC 2021 search, and the code finder. Worded in the language asked for (?lang=, else
Accept-Language); read from portal/rules, never from the database."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint

from portal.access import public
from portal.api.docs import problems
from portal.api.problems import ApiProblem
from portal.api.schemas.reference import (
    CodeListQuery,
    CodeListSchema,
    CodeSchema,
    FinderQuery,
    FinderSchema,
    LangQuery,
    NocListSchema,
    NocQuery,
)
from portal.api.schemas.reference_examples import CODE_EXAMPLE, FINDER_EXAMPLE, NOC_EXAMPLE
from portal.catalogue import say
from portal.catalogue.labels import category_label
from portal.i18n import current_language
from portal.rules.codes import ExemptionCode, all_codes, get_code
from portal.rules.fees import compliance_fee
from portal.rules.finder import FinderAnswers, suggest_codes
from portal.rules.noc import search_noc
from portal.rules.questions import EvidenceItem, Question

blp = Blueprint("api_reference", __name__, description="Exemption codes, NOC 2021 and the "
                "code finder: public reference data, in English or French.")
PUBLIC: dict[str, Any] = {"security": []}


def _lang() -> str:
    return current_language()


def summary(entry: ExemptionCode) -> dict[str, Any]:
    fee = compliance_fee(entry.key)
    return {
        "key": entry.key, "code": entry.code,
        "name": entry.name_fr if _lang() == "fr" else entry.name_en,
        "category": str(entry.category), "category_label": category_label(entry.category),
        "regulation": entry.regulation, "employer_specific": entry.employer_specific,
        "fee": {"amount_cents": fee.amount_cents, "exempt": fee.exempt, "reason": say(fee.reason),
                "regulation": fee.regulation, "proof_required": fee.proof_required},
    }


def question_body(question: Question) -> dict[str, Any]:
    return {
        "id": question.id, "kind": question.kind, "label": say(question.label),
        "hint": say(question.hint) if question.hint else None, "required": question.required,
        "choices": [{"value": value, "label": say(label)} for value, label in question.choices],
    }


def evidence_body(item: EvidenceItem) -> dict[str, Any]:
    return {"id": item.id, "label": item.label(_lang()), "required": item.required}


def _sorted(values: Any) -> list[Any] | None:
    return None if values is None else sorted(values)


def code_body(entry: ExemptionCode) -> dict[str, Any]:
    return {
        **summary(entry), "legacy_code": entry.legacy_code,
        "teer_levels": _sorted(entry.teer_levels), "citizenships": _sorted(entry.citizenships),
        "provinces": _sorted(entry.provinces), "max_duration_days": entry.max_duration_days,
        "questions": [question_body(q) for q in entry.questions],
        "evidence": [evidence_body(e) for e in entry.evidence], "source": entry.source,
    }


@blp.route("/codes", methods=["GET"])
@blp.arguments(CodeListQuery, location="query")
@blp.response(200, CodeListSchema, example={"codes": [CODE_EXAMPLE["summary"]]})
@problems(blp, 422, 429)
@blp.doc(summary="List the exemption codes", description="All LMIA exemption codes (IRCC's "
         "table), by category; filter by category or to the codes an employer can choose.",
         **PUBLIC)
@public
def list_codes(query: dict[str, Any]) -> dict[str, Any]:
    chosen = query.get("category")
    codes = [e for e in all_codes() if chosen in (None, str(e.category))
             and (e.employer_specific or not query["employer_only"])]
    return {"codes": [summary(e) for e in codes]}


@blp.route("/codes/<key>", methods=["GET"])
@blp.arguments(LangQuery, location="query")
@blp.response(200, CodeSchema, example=CODE_EXAMPLE["full"])
@problems(blp, 404, 422, 429)
@blp.doc(summary="Read an exemption code", description="Its rules, the questions an offer "
         "under it answers (ids for the code section's answers) and the evidence it asks for. "
         "Case-insensitive (t36 is T36).", **PUBLIC)
@public
def read_code(query: dict[str, Any], key: str) -> dict[str, Any]:
    entry = get_code(key[:32])
    if entry is None:
        raise ApiProblem(404, "not_found")
    return code_body(entry)


@blp.route("/noc", methods=["GET"])
@blp.arguments(NocQuery, location="query")
@blp.response(200, NocListSchema, example=NOC_EXAMPLE)
@problems(blp, 422, 429)
@blp.doc(summary="Search NOC 2021", description="Unit groups whose code starts with the digits "
         "given, or whose English or French title has words starting with every word given "
         "(accents and case ignored).", **PUBLIC)
@public
def search_noc_groups(query: dict[str, Any]) -> dict[str, Any]:
    lang = _lang()
    groups = search_noc(query["q"], lang, limit=query["limit"])
    return {"unit_groups": [
        {"code": g.code, "teer": g.teer, "title": g.title_fr if lang == "fr" else g.title_en,
         "title_en": g.title_en, "title_fr": g.title_fr} for g in groups]}


@blp.route("/code-finder", methods=["GET"])
@blp.arguments(FinderQuery, location="query")
@blp.response(200, FinderSchema, example=FINDER_EXAMPLE)
@problems(blp, 422, 429)
@blp.doc(summary="Which exemption code fits?", description="The code finder's questions as "
         "query parameters (no personal data); the answer suggests codes with the reason and "
         "evidence for each, or says when an LMIA, an open permit or the employer's own "
         "exemption applies. A guide, not a decision.", **PUBLIC)
@public
def find_codes(query: dict[str, Any]) -> dict[str, Any]:
    answers = FinderAnswers(**{k: v for k, v in query.items() if k != "lang"})
    result = suggest_codes(answers)
    return {
        "suggestions": [{"code": summary(s.code), "why": say(s.why),
                         "evidence": [evidence_body(e) for e in s.evidence]}
                        for s in result.suggestions],
        "lmia_needed": result.lmia_needed,
        "lmia_explanation": say(result.lmia_explanation) or None,
        "employer_exempt": result.employer_exempt,
        "employer_exempt_explanation": say(result.employer_exempt_explanation) or None,
        "open_permit": result.open_permit,
        "open_permit_explanation": say(result.open_permit_explanation) or None,
    }
