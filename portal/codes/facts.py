"""What the public pages say about a code, in the user's language: the facts of the code page
(fee, TEER, citizenship, location, durations) worded from the rules' data."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from portal.catalogue import say
from portal.rules.codes import ExemptionCode, FeeRule
from portal.rules.countries import country_name, province_name
from portal.rules.fees import compliance_fee


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


def _join(items: list[str]) -> str:
    return ", ".join(items)


def teer_rule(entry: ExemptionCode) -> str:
    if entry.teer_levels is None:
        return _("Any TEER category")
    return _("TEER %(levels)s", levels=_join([str(t) for t in sorted(entry.teer_levels)]))


def citizenship_rule(entry: ExemptionCode, lang: str) -> str:
    if entry.citizenships is None:
        return _("Any citizenship")
    names = sorted(country_name(code, lang) for code in entry.citizenships)
    text = _("Citizens of: %(countries)s.", countries=_join(names))
    if entry.pr_citizenships:
        residents = sorted(country_name(code, lang) for code in entry.pr_citizenships)
        text += " " + _("Permanent residents of: %(countries)s.", countries=_join(residents))
    return text


def location_rule(entry: ExemptionCode, lang: str) -> str:
    if entry.provinces:
        names = sorted(province_name(code, lang) for code in entry.provinces)
        return _("Only in: %(provinces)s", provinces=_join(names))
    if entry.provinces_not:
        names = sorted(province_name(code, lang) for code in entry.provinces_not)
        return _("Anywhere in Canada except: %(provinces)s", provinces=_join(names))
    return _("Anywhere in Canada")


def fee_rule(entry: ExemptionCode, lang: str) -> str:
    text = say(compliance_fee(entry.key).reason)
    if entry.fee_rule is FeeRule.required_unless_worker_fee_exempt:
        text += " " + _(
            "Unless the worker is exempt from the work permit processing fee (R299(2)): then the "
            "employer is exempt too and uploads proof of the exemption with the offer."
        )
    if entry.code == "C23":
        text += " " + _(
            "For a group of 3 or more performing artists and staff hired together, the fee is "
            "capped at $690 in total."
        )
    return text


def permit_type(entry: ExemptionCode) -> str:
    if entry.employer_specific:
        return _(
            "Employer-specific work permit: the employer submits an offer of employment in the "
            "Employer Portal and gives the worker the offer number."
        )
    return _("Open work permit: the worker applies without an offer from an employer.")


def duration_rule(entry: ExemptionCode) -> str | None:
    parts = []
    if entry.code == "T33":
        parts.append(_("At most 90 days in any 12-month period."))
    elif entry.max_duration_months:
        parts.append(_("Up to %(months)s months at first.", months=entry.max_duration_months))
    if entry.max_total_months:
        parts.append(_("At most %(months)s months in total.", months=entry.max_total_months))
    return " ".join(parts) or None


def code_facts(entry: ExemptionCode, lang: str) -> list[Fact]:
    """The rows of the code page's summary, in display order."""
    facts = [
        Fact(_("Regulation"), entry.regulation),
        Fact(
            _("Former code (before 15 December 2022)"),
            entry.legacy_code or _("None"),
        ),
        Fact(_("Type of work permit"), permit_type(entry)),
        Fact(_("Employer compliance fee"), fee_rule(entry, lang)),
        Fact(_("TEER categories"), teer_rule(entry)),
        Fact(_("Citizenship"), citizenship_rule(entry, lang)),
        Fact(_("Where the work can be"), location_rule(entry, lang)),
    ]
    duration = duration_rule(entry)
    if duration:
        facts.append(Fact(_("Length of the work permit"), duration))
    if entry.min_foreign_employment_months:
        facts.append(
            Fact(
                _("Work with the company abroad"),
                _(
                    "At least %(months)s months of continuous full-time work in the last "
                    "%(window)s months.",
                    months=entry.min_foreign_employment_months,
                    window=entry.foreign_employment_window_months or 36,
                ),
            )
        )
    if entry.french_nclc_min:
        facts.append(Fact(_("French"), _("NCLC %(level)s or higher.", level=entry.french_nclc_min)))
    return facts
