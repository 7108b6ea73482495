"""Examples of the reference answers in the OpenAPI document (real data, shortened)."""

from __future__ import annotations

from typing import Any

_FEE = {"amount_cents": 23000, "exempt": False, "regulation": "R303.1(1)",
        "reason": "The $230 employer compliance fee applies to this offer.",
        "proof_required": False}
_SUMMARY: dict[str, Any] = {
    "key": "T36", "code": "T36", "name": "CUSMA – Professionals", "category": "free_trade",
    "category_label": "Free trade agreements", "regulation": "R204(a)",
    "employer_specific": True, "fee": _FEE,
}
_EVIDENCE = [{"id": "proof-of-citizenship-of-cusma-party", "required": True,
              "label": "Proof of citizenship of a CUSMA party (US or Mexican passport)"}]
CODE_EXAMPLE: dict[str, dict[str, Any]] = {
    "summary": _SUMMARY,
    "full": {
        **_SUMMARY, "legacy_code": "T23", "teer_levels": [0, 1, 2, 3],
        "citizenships": ["MX", "US"], "provinces": None, "max_duration_days": 1095,
        "questions": [{
            "id": "cusma_profession", "kind": "choice", "required": True,
            "label": "Which CUSMA Appendix 2 profession is this job?",
            "hint": "The list is closed: if the job is not one of these professions, T36 does "
                    "not apply.",
            "choices": [{"value": "accountant", "label": "Accountant"},
                        {"value": "engineer", "label": "Engineer"}],
        }],
        "evidence": _EVIDENCE,
        "source": "IRCC program delivery instructions: CUSMA professionals",
    },
}
NOC_EXAMPLE = {"unit_groups": [{"code": "21232", "teer": 1,
                                "title": "Software developers and programmers",
                                "title_en": "Software developers and programmers",
                                "title_fr": "Développeurs/développeuses et "
                                            "programmeurs/programmeuses de logiciels"}]}
FINDER_EXAMPLE = {
    "suggestions": [{"code": _SUMMARY, "why": "CUSMA professionals: a citizen of the United "
                     "States or Mexico in one of the listed professions.",
                     "evidence": _EVIDENCE}],
    "lmia_needed": False, "lmia_explanation": None, "employer_exempt": False,
    "employer_exempt_explanation": None, "open_permit": False, "open_permit_explanation": None,
}
