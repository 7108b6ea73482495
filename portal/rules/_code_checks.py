"""Code-specific eligibility rules used by eligibility.check_offer (citizenship, TEER, province,
duration, intra-company transfers, IEC, and the yes/no requirements of single codes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from portal.rules._facts import (
    add_months,
    as_date,
    as_number,
    block,
    months_between,
    text,
    upper,
    warn,
)
from portal.rules._iec_checks import check_iec, iec_row
from portal.rules._requirement_checks import check_requirements
from portal.rules.codes import ExemptionCode
from portal.rules.messages import (
    CodeName,
    Country,
    CountryList,
    Message,
    Number,
    Param,
    Province,
    ProvinceList,
)
from portal.rules.noc import teer_of
from portal.rules.questions import YES

if TYPE_CHECKING:
    from portal.rules.eligibility import OfferFacts
    from portal.rules.findings import Finding

# NOC 2021 TEER 4/5 unit groups in primary agriculture, excluded from C16 since 2023-06-15.
PRIMARY_AGRICULTURE_TEER_4_5 = frozenset({"84120", "85100", "85101", "85103"})
_AGREEMENT_TAGS = {
    "CPAFTA": "PANAMA",
    "CCFTA": "CHILE",
    "CCOFTA": "COLOMBIA",
    "CKFTA": "KOREA",
    "CPFTA": "PERU",
    "CUKTCA": "UK",
    "CUFTA": "UKRAINE",
}


def _countries(codes: frozenset[str]) -> CountryList | Message:
    if len(codes) > 12:
        return Message("countries.agreement_partners")
    return CountryList(tuple(sorted(codes)))


def _tag(entry: ExemptionCode) -> str:
    if entry.is_iec:
        return "IEC"
    if entry.agreement:
        return _AGREEMENT_TAGS.get(entry.agreement, entry.agreement)
    return entry.code


def citizenship(entry: ExemptionCode, cit: str, pr_of: str | None) -> list[Finding]:
    allowed = entry.citizenships
    if allowed is None or cit in allowed:
        return []
    if pr_of is not None and pr_of in entry.pr_citizenships:
        return []
    params: dict[str, Param] = {
        "code": entry.code,
        "name": CodeName(entry.key),
        "allowed": _countries(allowed),
        "country": Country(cit),
    }
    kind = "ELIG-*-CITIZENSHIP"
    if entry.pr_citizenships:
        kind = "ELIG-*-CITIZENSHIP-PR"
        params["residents"] = _countries(entry.pr_citizenships)
    return [block(f"ELIG-{_tag(entry)}-CITIZENSHIP", "citizenship", "worker", kind=kind, **params)]


def check(
    entry: ExemptionCode, facts: OfferFacts, answers: Mapping[str, str], today: dt.date
) -> list[Finding]:
    found: list[Finding] = []
    found += _teer(entry, text(facts.noc_code), answers)
    found += _province(entry, upper(facts.work_province), upper(facts.employer_province), answers)
    found += _duration(entry, as_date(facts.start_date), as_date(facts.end_date), facts, answers)
    found += _ict(entry, answers)
    found += check_iec(entry, facts, answers, today)
    found += check_requirements(entry, answers)
    return found


def _span(levels: list[int]) -> Param:
    """TEER levels as "2", "0 or 1" or "0 to 3"."""
    if len(levels) == 1:
        return str(levels[0])
    if len(levels) == 2:
        return Message.of("levels.either", first=levels[0], second=levels[1])
    return Message.of("levels.range", low=levels[0], high=levels[-1])


def _teer_finding(
    entry: ExemptionCode, noc: str, teer: int, levels: list[int], kind: str = "ELIG-*-TEER"
) -> Finding:
    return block(
        f"ELIG-{entry.key}-TEER",
        "noc_code",
        "job",
        kind=kind,
        noc=noc,
        teer=teer,
        code=entry.code,
        levels=_span(levels),
    )


def _teer(entry: ExemptionCode, noc: str | None, answers: Mapping[str, str]) -> list[Finding]:
    teer = teer_of(noc)
    if noc is None or teer is None:
        return []
    kind = answers.get("professional_or_technician")
    if kind in ("professional", "technician"):
        return _professional_or_technician_teer(entry, noc, teer, kind)
    special = _special_teer(entry, noc, teer, answers)
    if special is not None:
        return special
    if entry.teer_levels is None or teer in entry.teer_levels:
        return []
    return [_teer_finding(entry, noc, teer, sorted(entry.teer_levels))]


def _professional_or_technician_teer(
    entry: ExemptionCode, noc: str, teer: int, kind: str
) -> list[Finding]:
    """What the employer answered the worker is: a professional (TEER 0 or 1) or a technician
    (TEER 2 or 3)."""
    levels = [0, 1] if kind == "professional" else [2, 3]
    if teer in levels:
        return []
    wording = {
        "professional": "ELIG-*-TEER-PROFESSIONALS",
        "technician": "ELIG-*-TEER-TECHNICIANS",
    }[kind]
    return [_teer_finding(entry, noc, teer, levels, wording)]


def _special_teer(
    entry: ExemptionCode, noc: str, teer: int, answers: Mapping[str, str]
) -> list[Finding] | None:
    """The codes whose TEER rule is not a list of levels; None for every other code."""
    if entry.key == "C21-YP" and teer == 4:
        if answers.get("iec_post_secondary_credential") == YES:
            return []
        return [block("ELIG-C21-YP-TEER", "noc_code", "job", noc=noc)]
    if entry.code == "C16":
        if noc not in PRIMARY_AGRICULTURE_TEER_4_5:
            return []
        return [block("ELIG-C16-PRIMARY-AGRICULTURE", "noc_code", "job", noc=noc, teer=teer)]
    if entry.code == "C63":
        if teer < 3:
            return []
        return [warn("ELIG-C63-TEER-REVIEW", "noc_code", "job", teer=teer)]
    return None


def _province(
    entry: ExemptionCode, work: str | None, employer: str | None, answers: Mapping[str, str]
) -> list[Finding]:
    found: list[Finding] = []
    code = f"ELIG-{entry.code}-PROVINCE"
    if work and work in entry.provinces_not:
        kind = "ELIG-C16-PROVINCE-EXCLUDED" if entry.code == "C16" else "ELIG-*-PROVINCE-EXCLUDED"
        found.append(
            block(code, "work_province", "job", kind=kind, code=entry.code, province=Province(work))
        )
    if entry.provinces:
        found += _provinces_only(entry, code, work, employer)
    nominating = upper(answers.get("nominating_province"))
    if entry.code == "T13" and nominating and employer and employer != nominating:
        found.append(
            block(
                "ELIG-T13-NOMINATING-PROVINCE",
                "employer_province",
                "job",
                nominating=Province(nominating),
                employer=Province(employer),
            )
        )
    return found


def _provinces_only(
    entry: ExemptionCode, code: str, work: str | None, employer: str | None
) -> list[Finding]:
    """The job and the employer must both be in the code's provinces (C18, A73): one sentence
    when both are in the same other province, else one per place, each saying which."""
    allowed = ProvinceList(tuple(sorted(entry.provinces or ())))
    wrong = [(name, where) for name, where in (("work_province", work),
                                               ("employer_province", employer))
             if where and where not in allowed.codes]
    if len(wrong) == 2 and work == employer:
        wrong = wrong[:1]
        kinds = {"work_province": "ELIG-*-PROVINCE-ONLY"}
    else:
        kinds = {"work_province": "ELIG-*-PROVINCE-ONLY-JOB",
                 "employer_province": "ELIG-*-PROVINCE-ONLY-EMPLOYER"}
    return [
        block(code, name, "job", kind=kinds[name], code=entry.code, provinces=allowed,
              province=Province(where))
        for name, where in wrong
    ]


def _duration(
    entry: ExemptionCode,
    start: dt.date | None,
    end: dt.date | None,
    facts: OfferFacts,
    answers: Mapping[str, str],
) -> list[Finding]:
    if start is None or end is None or end <= start:
        return []
    days = (end - start).days
    if entry.code == "T33" and entry.max_duration_days and days > entry.max_duration_days:
        return [
            block(
                "ELIG-T33-DURATION", "end_date", "job", limit=entry.max_duration_days, days=days
            )
        ]
    limit = entry.max_duration_months
    if entry.is_iec:
        limit = iec_row(entry, upper(facts.citizenship)).get("max_months")
    # The end date is a day of work: N months from 2027-03-01 end on 2028-02-29 at the latest.
    last_day = add_months(start, limit) - dt.timedelta(days=1) if limit else None
    if limit and last_day is not None and end > last_day:
        return [
            block(
                f"ELIG-{entry.key}-DURATION",
                "end_date",
                "job",
                kind="ELIG-*-DURATION",
                code=entry.code,
                limit=limit,
                months=months_between(start, min(end, dt.date.max - dt.timedelta(days=1))
                                      + dt.timedelta(days=1)),
                latest=last_day.isoformat(),
            )
        ]
    already = as_number(answers.get("months_already_in_canada_as_ict"))
    if entry.max_total_months and already is not None:
        total = int(already) + months_between(start, end)
        if total > entry.max_total_months:
            return [
                block(
                    "ELIG-ICT-TOTAL-STAY",
                    "end_date",
                    "job",
                    code=entry.code,
                    years=Number(entry.max_total_months / 12),
                    limit=entry.max_total_months,
                    total=total,
                )
            ]
    return []


def _ict(entry: ExemptionCode, answers: Mapping[str, str]) -> list[Finding]:
    needed = entry.min_foreign_employment_months
    months = as_number(answers.get("months_with_foreign_employer"))
    if not needed or months is None or months >= needed:
        return []
    return [
        block(
            "ELIG-ICT-FOREIGN-EMPLOYMENT",
            "answers.months_with_foreign_employer",
            "code",
            needed=needed,
            window=entry.foreign_employment_window_months or 36,
            answer=f"{months:g}",  # as typed, in both languages
        )
    ]
