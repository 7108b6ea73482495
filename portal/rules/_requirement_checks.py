"""Single-code requirements answered by the employer (French level, AIP designation, CSQ,
years of experience, ownership share, CUSMA Appendix 2 profession)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from portal.rules._facts import as_number, block
from portal.rules.codes import ExemptionCode
from portal.rules.questions import NO, NOT_LISTED

if TYPE_CHECKING:
    from portal.rules.findings import Finding


# Yes/no questions whose "no" rules the code out: (question id, finding code).
_MUST_BE_YES = (
    ("french_nclc5", "ELIG-C16-FRENCH"),
    ("aip_designated_employer", "ELIG-C18-DESIGNATION"),
    ("csq_holder", "ELIG-A73-CSQ"),
)


def check_requirements(entry: ExemptionCode, answers: Mapping[str, str]) -> list[Finding]:
    found: list[Finding] = []
    asked = {qn.id for qn in entry.questions}
    for qid, code in _MUST_BE_YES:
        if qid in asked and answers.get(qid) == NO:
            found.append(block(code, f"answers.{qid}", "code"))
    if "cusma_profession" in asked and answers.get("cusma_profession") == NOT_LISTED:
        found.append(block("ELIG-CUSMA-PROFESSION", "answers.cusma_profession", "code"))
    for qid, minimum, code in (
        ("years_experience", entry.min_experience_years, "ELIG-EXPERIENCE"),
        ("ownership_percent", entry.ownership_min_percent, "ELIG-C11-OWNERSHIP"),
    ):
        value = as_number(answers.get(qid))
        if minimum and value is not None and value < minimum:
            found.append(
                block(
                    code,
                    f"answers.{qid}",
                    "code",
                    code=entry.code,
                    minimum=minimum,
                    answer=f"{value:g}",  # as typed, in both languages
                )
            )
    return found
