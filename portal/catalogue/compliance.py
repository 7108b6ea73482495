"""What the employer compliance rules say (portal.rules.compliance): the step-by-step computation
of a consequence, the problems with an officer's findings, an offer's inspection scope and an
employer's eligibility. French: fr/LC_MESSAGES/compliance.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from portal.catalogue.plural import Plural, _n

_LABELS: dict[str, LazyString] = {
    "compliance.criterion.benefit": _l("the employer derived a competitive or economic benefit"),
    "compliance.criterion.abuse": _l("the violation involved abuse of a foreign national"),
    "compliance.criterion.economy": _l(
        "the violation harmed the Canadian labour market or the Canadian economy"
    ),
    "compliance.criterion.remediation": _l(
        "the employer did not make reasonable efforts to minimize or remedy its effects"
    ),
    "compliance.criterion.prevention": _l(
        "the employer did not make reasonable efforts to prevent it from happening again"
    ),
    "compliance.criterion.worker_disease_risk": _l(
        "it put the foreign national's health or safety at risk from a communicable disease"
    ),
    "compliance.criterion.public_disease_risk": _l(
        "it put the public's health or safety at risk from a communicable disease"
    ),
    "compliance.element.occupation": _l("occupation"),
    "compliance.element.wages": _l("wages"),
    "compliance.element.working_conditions": _l("working conditions"),
    "compliance.element.physical": _l("physical abuse"),
    "compliance.element.sexual": _l("sexual abuse"),
    "compliance.element.psychological": _l("psychological abuse"),
    "compliance.element.financial": _l("financial abuse"),
    "compliance.element.reprisal": _l("reprisal"),
    "compliance.size.small": _l("individual or small business"),
    "compliance.size.large": _l("large business"),
}

_COUNTING: dict[str, LazyString | Plural] = {
    "compliance.finding.compliant": _l(
        "Finding %(finding)s: compliant with %(provision)s (Schedule 2, item %(item)s)."
    ),
    "compliance.finding.justified": _l(
        "Finding %(finding)s: the failure to comply with %(provision)s is justified under "
        "%(ground)s, so it is not a violation and does not count in later compliance history."
    ),
    "compliance.finding.duplicate": _l(
        "Finding %(finding)s repeats violation %(violation)s and is not counted again."
    ),
    "compliance.violation.counted": _l(
        "Violation %(violation)s (finding %(finding)s): failure to comply with %(provision)s, "
        "Schedule 2, item %(item)s."
    ),
    "compliance.violation.worker": _l(
        "It concerns worker %(worker)s: a failure that affects several foreign nationals is a "
        "separate violation for each of them (R209.96(1))."
    ),
    "compliance.violation.element": _l(
        "Element: %(element)s. Each element is a separate violation (%(provision)s)."
    ),
}

_SCORING: dict[str, LazyString | Plural] = {
    "compliance.violation.type": _l(
        "Violation %(violation)s: item %(item)s is a Type %(type)s violation (R209.97)."
    ),
    "compliance.history.first": _n(
        "Compliance history: first Type %(type)s violation, %(points)s point (Table 4, item "
        "%(table_item)s).",
        "Compliance history: first Type %(type)s violation, %(points)s points (Table 4, item "
        "%(table_item)s).",
        "points",
    ),
    "compliance.history.second": _n(
        "Compliance history: second Type %(type)s violation, %(points)s point (Table 4, item "
        "%(table_item)s).",
        "Compliance history: second Type %(type)s violation, %(points)s points (Table 4, item "
        "%(table_item)s).",
        "points",
    ),
    "compliance.history.third_or_later": _n(
        "Compliance history: third or subsequent Type %(type)s violation, %(points)s point "
        "(Table 4, item %(table_item)s).",
        "Compliance history: third or subsequent Type %(type)s violation, %(points)s points "
        "(Table 4, item %(table_item)s).",
        "points",
    ),
    "compliance.history.prior_counted": _l(
        "Earlier inspections that found a Type %(type)s violation: %(inspections)s (all the "
        "violations of one inspection count as one)."
    ),
    "compliance.history.ignored_same_inspection": _l(
        "Inspection %(inspection)s is the one being assessed: its violations are not history."
    ),
    "compliance.history.ignored_justified": _l(
        "A justified failure found in inspection %(inspection)s does not count in compliance "
        "history."
    ),
    "compliance.history.ignored_before_amp_regime": _l(
        "A violation of inspection %(inspection)s that happened before December 1, 2015 does not "
        "count in compliance history."
    ),
    "compliance.severity.criterion": _l(
        "Severity: %(criterion)s, %(points)s of %(maximum)s points (Table 5)."
    ),
    "compliance.severity.none": _l("Severity: no criterion of Table 5 applies (0 points)."),
    "compliance.points.total": _l(
        "Total points: %(history)s for compliance history + %(severity)s for severity = "
        "%(total)s (R209.991(1)(c))."
    ),
    "compliance.disclosure.accepted": _l(
        "The voluntary disclosure made on %(made_on)s is acceptable (R209.991(2))."
    ),
    "compliance.disclosure.deducted": _l(
        "Voluntary disclosure: the point total goes from %(before)s to %(after)s (4 points off, "
        "or 0 below 4: R209.991(1)(d))."
    ),
    "compliance.disclosure.incomplete": _l(
        "The voluntary disclosure made on %(made_on)s is not complete, so it is not acceptable "
        "(R209.991(2)(a)): no points are deducted."
    ),
    "compliance.disclosure.during_inspection": _l(
        "The voluntary disclosure made on %(made_on)s came after the inspection began, so it is "
        "not acceptable (R209.991(2)(b)): no points are deducted."
    ),
    "compliance.disclosure.during_enforcement": _l(
        "The voluntary disclosure made on %(made_on)s came while an enforcement action for an "
        "offence under the Act was under way, so it is not acceptable (R209.991(2)(b)): no points "
        "are deducted."
    ),
    "compliance.disclosure.rejected": _l(
        "The voluntary disclosure made on %(made_on)s was found not acceptable after considering "
        "the factors of R209.991(3): no points are deducted."
    ),
    "compliance.amp.table_2": _l(
        "Administrative monetary penalty: %(amount)s (Table 2: %(points)s points, Type %(type)s, "
        "%(size)s)."
    ),
    "compliance.amp.none": _n(
        "No administrative monetary penalty at %(points)s point (Table 2, Type %(type)s).",
        "No administrative monetary penalty at %(points)s points (Table 2, Type %(type)s).",
        "points",
    ),
    "compliance.ban.table_3": _n(
        "Period of ineligibility: %(years)s year (Table 3: %(points)s points, Type %(type)s).",
        "Period of ineligibility: %(years)s years (Table 3: %(points)s points, Type %(type)s).",
        "years",
    ),
    "compliance.ban.table_3_permanent": _l(
        "Period of ineligibility: permanent (Table 3: %(points)s points, Type %(type)s)."
    ),
    "compliance.ban.none": _n(
        "No period of ineligibility at %(points)s point (Table 3, Type %(type)s).",
        "No period of ineligibility at %(points)s points (Table 3, Type %(type)s).",
        "points",
    ),
    "compliance.legacy.flat_ban": _l(
        "Violation %(violation)s happened on %(occurred_on)s, before December 1, 2015: the former "
        "rule applies, a period of ineligibility of %(years)s years and publication, without "
        "points or penalty."
    ),
}

_NOTICE: dict[str, LazyString | Plural] = {
    "compliance.notice.amp_sum": _l(
        "The penalties of the violations add up to %(amount)s (R209.992(1))."
    ),
    "compliance.notice.cap_per_notice": _l(
        "The penalties of one notice may not exceed $1,000,000: %(before)s is reduced to "
        "%(after)s (R209.992(1))."
    ),
    "compliance.notice.prior_notice_counted": _l(
        "Final determination of %(determined_on)s, within the previous 12 months: %(amount)s."
    ),
    "compliance.notice.cap_twelve_months": _l(
        "With %(previous)s imposed in final determinations since %(since)s, the total may not "
        "exceed $1,000,000: %(before)s is reduced to %(after)s (R209.996(5))."
    ),
    "compliance.notice.longest_ban": _n(
        "The %(bans)s periods of ineligibility are not added together: only the longest, "
        "%(years)s year, applies (R209.992(2)).",
        "The %(bans)s periods of ineligibility are not added together: only the longest, "
        "%(years)s years, applies (R209.992(2)).",
        "years",
    ),
    "compliance.notice.longest_ban_permanent": _l(
        "The %(bans)s periods of ineligibility are not added together: only the longest, which "
        "is permanent, applies (R209.992(2))."
    ),
    "compliance.outcome.no_violation": _l(
        "No violation: the employer complied, or its failures are justified. No warning, penalty "
        "or publication."
    ),
    "compliance.outcome.warning": _n(
        "Outcome: a warning. There is no administrative monetary penalty, but the "
        "%(violations)s violation will count in the compliance history of any later violation "
        "(R209.95(1)(a)).",
        "Outcome: a warning. There is no administrative monetary penalty, but the "
        "%(violations)s violations will count in the compliance history of any later violation "
        "(R209.95(1)(a)).",
        "violations",
    ),
    "compliance.outcome.not_published": _l(
        "A warning is not published on the list of non-compliant employers (R209.997(1))."
    ),
    "compliance.outcome.penalty": _l("Outcome: an administrative monetary penalty of %(amount)s."),
    "compliance.outcome.ban": _n(
        "Outcome: ineligible to employ a foreign national who needs a work permit for %(years)s "
        "year, beginning on %(starts_on)s (R209.99(2)).",
        "Outcome: ineligible to employ a foreign national who needs a work permit for %(years)s "
        "years, beginning on %(starts_on)s (R209.99(2)).",
        "years",
    ),
    "compliance.outcome.permanent_ban": _l(
        "Outcome: permanently ineligible to employ a foreign national who needs a work permit, "
        "from %(starts_on)s."
    ),
    "compliance.outcome.published": _l(
        "Published on the list of non-compliant employers: name, address, conditions breached "
        "(Schedule 2, items %(items)s), date of the determination, eligibility status, penalty "
        "and period of ineligibility (R209.997)."
    ),
}

_PROBLEMS: dict[str, LazyString | Plural] = {
    "compliance.problem.condition_unknown": _l("Unknown condition: %(condition)s."),
    "compliance.problem.condition_not_in_force": _l(
        "This condition applies only since %(since)s: the failure happened before."
    ),
    "compliance.problem.element_required": _l(
        "Choose the element that was breached: each one is a separate violation."
    ),
    "compliance.problem.element_unknown": _l("Unknown element: %(element)s."),
    "compliance.problem.element_not_allowed": _l(
        "This condition has no separate elements: remove %(element)s."
    ),
    "compliance.problem.element_not_in_force": _l(
        "This element applies only since %(since)s: the failure happened before."
    ),
    "compliance.problem.justification_missing": _l(
        "Choose the justification the Regulations accept for this failure."
    ),
    "compliance.problem.justification_unknown": _l("Unknown justification: %(ground)s."),
    "compliance.problem.justification_not_for_condition": _l(
        "This justification does not apply to %(provision)s: a failure to comply with it can only "
        "be justified under %(subsection)s."
    ),
    "compliance.problem.requirement_compensated": _l(
        "%(provision)s requires that the employer compensated the foreign nationals (for fees, "
        "repaid them in full), or made sufficient efforts to where that was not possible."
    ),
    "compliance.problem.requirement_not_disproportionate": _l(
        "%(provision)s requires that the measures were not directed disproportionately at the "
        "foreign nationals employed."
    ),
    "compliance.problem.requirement_reasonable_efforts": _l(
        "%(provision)s requires that the employer made all reasonable efforts to comply."
    ),
    "compliance.problem.requirement_good_faith": _l(
        "%(provision)s requires that the failure resulted from something done or omitted in good "
        "faith."
    ),
    "compliance.problem.compensation_too_late": _l(
        "Compensation must be shown before the notice of preliminary finding "
        "(%(preliminary_finding_on)s) for the justification to count; shown later, it only lowers "
        "severity criteria 4 and 5."
    ),
    "compliance.problem.severity_out_of_range": _l(
        "Severity, %(criterion)s: enter a whole number of points from 0 to %(maximum)s (Table 5)."
    ),
    "compliance.problem.size_unknown": _l(
        "Say whether the employer is an individual or small business, or a large business "
        "(R209.93)."
    ),
    "compliance.problem.status_unknown": _l(
        "Unknown finding: %(status)s. Choose compliant, justified or non-compliant."
    ),
}

_STATUS: dict[str, LazyString | Plural] = {
    "compliance.scope.in_window": _l(
        "In scope: the work permit can be inspected from %(opens_on)s to %(closes_on)s, six years "
        "beginning on the first day of employment (R209.2(1)(b))."
    ),
    "compliance.scope.not_started": _l(
        "Not yet in scope: the period of employment begins on %(opens_on)s."
    ),
    "compliance.scope.permit_before_regime": _l(
        "Not in scope: inspections cover work permits issued on or after %(start)s."
    ),
    "compliance.scope.window_closed": _l("Out of scope: the six years ended on %(closes_on)s."),
    "compliance.eligibility.eligible": _l("Eligible"),
    "compliance.eligibility.banned": _l("Ineligible up to and including %(until)s"),
    "compliance.eligibility.banned_permanently": _l("Permanently ineligible"),
    "compliance.eligibility.in_default": _l(
        "Ineligible: in default on an administrative monetary penalty"
    ),
    "compliance.eligibility.banned_and_in_default": _l(
        "Ineligible up to and including %(until)s, and for as long as an administrative monetary "
        "penalty is in default"
    ),
    "compliance.eligibility.banned_permanently_and_in_default": _l(
        "Permanently ineligible, and in default on an administrative monetary penalty"
    ),
}

COMPLIANCE: dict[str, LazyString | Plural] = {
    **_LABELS,
    **_COUNTING,
    **_SCORING,
    **_NOTICE,
    **_PROBLEMS,
    **_STATUS,
}
