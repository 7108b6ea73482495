"""What the inspection services say (portal.services.inspections): refusals, and the names of
the conditions examined and of the justifications the Regulations accept (the provisions come from
portal.rules.compliance.conditions). French: fr/LC_MESSAGES/inspections.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

# What the services say.
INSPECTIONS: dict[str, LazyString] = {
    "inspection.not_found": _l("Inspection not found."),
    "inspection.conditions_missing": _l("Choose at least one condition to examine."),
    "inspection.documents_too_long": _l("Keep the list of documents under 2,000 characters."),
    "inspection.ground_disclosure_is_employers": _l(
        "A voluntary disclosure is made by the employer, not opened by an officer."
    ),
    "inspection.offers_not_in_scope": _l(
        "Choose at least one offer whose work permit can be inspected today."
    ),
    "inspection.disclosure_missing": _l("Say what you are disclosing (up to 2,000 characters)."),
    "inspection.explanation_missing": _l("Enter your explanation."),
    "inspection.explanation_too_long": _l("Keep the explanation under 5,000 characters."),
    "inspection.employer_answers": _l("Only the employer answers an inspection."),
    "inspection.not_open": _l("This inspection no longer takes answers."),
    "inspection.condition_not_examined": _l("Choose a condition this inspection examines."),
    "inspection.worker_not_in_scope": _l("Choose a worker (offer) in this inspection's scope."),
    "inspection.already_decided": _l(
        "This inspection is decided: its findings can no longer change."
    ),
    "inspection.findings_to_fix": _l(
        "Some findings cannot be used yet: fix the problems shown in the computation."
    ),
    "inspection.preliminary_already_sent": _l(
        "The notice of preliminary finding was already sent."
    ),
    "inspection.no_violation_to_notify": _l(
        "No violation was found: there is no preliminary finding to send."
    ),
    "inspection.reply_missing": _l("Enter your reply (up to 5,000 characters)."),
    "inspection.not_awaiting_reply": _l("This inspection is not waiting for a reply."),
    "inspection.reply_too_late": _l("The period to reply to the preliminary finding has ended."),
    "inspection.reason_missing": _l("Enter the reason as published (up to 2,000 characters)."),
    "inspection.not_ready_to_decide": _l(
        "Send the notice of preliminary finding before deciding."
    ),
    "inspection.too_early_to_decide": _l(
        "The employer may still reply: the final decision can be made from %(on)s."
    ),
    "inspection.pay_permission": _l(
        "Your permission does not allow paying. Ask a user who can submit."
    ),
    "inspection.employer_pays": _l("Only the employer pays its penalty."),
    "inspection.nothing_to_pay": _l("There is no penalty to pay on this inspection."),
    "application.employer_in_default": _l(
        "This employer has not paid an administrative monetary penalty by its due date, "
        "so it is not eligible to hire foreign workers and this offer cannot be used."
    ),
}

# The conditions, by their code in portal.rules.compliance.conditions.
CONDITION_LABELS: dict[str, LazyString] = {
    "active_business": _l("Be actively engaged in the business of the offer"),
    "employment_laws": _l(
        "Comply with federal and provincial employment and recruitment laws"
    ),
    "rights_information_available": _l(
        "Make information about workers' rights available"
    ),
    "offer_terms": _l(
        "Provide the occupation, wages and working conditions of the offer"
    ),
    "abuse_free_workplace": _l("Keep a workplace free of abuse and reprisal"),
    "emergency_orders": _l("Comply with emergency orders"),
    "covid_public_health": _l("Comply with public health orders on COVID-19"),
    "quarantine_wages": _l("Pay wages during quarantine"),
    "health_care_access": _l(
        "Provide health care insurance until the worker is covered"
    ),
    "no_fees_charged": _l("Not charge the worker recruitment fees"),
    "no_fees_by_recruiters": _l(
        "Ensure recruiters charge the worker no fees"
    ),
    "rights_information_given": _l(
        "Give the worker information about their rights"
    ),
    "accurate_information": _l(
        "The information given in the offer was accurate"
    ),
    "documents_retained": _l("Keep the documents for six years"),
    "report_and_answer": _l(
        "Report at the time and place requested and answer questions"
    ),
    "provide_documents": _l("Provide the documents requested"),
    "attend_inspection": _l("Attend and allow the inspection on site"),
}

# The justifications the Regulations accept, by their code (rules.compliance.conditions).
JUSTIFICATION_LABELS: dict[str, LazyString] = {
    "law_change": _l("A change in federal or provincial law (R209.2(3)(a))"),
    "collective_agreement_change": _l(
        "A change to a collective agreement (R209.2(3)(b))"
    ),
    "economic_change": _l(
        "A change in the economic situation, not aimed at foreign workers (R209.2(3)(c))"
    ),
    "good_faith_error": _l(
        "An error in interpretation made in good faith, with compensation (R209.2(3)(d))"
    ),
    "accounting_error": _l(
        "An unintentional accounting or administrative error, with compensation (R209.2(3)(e))"
    ),
    "similar_circumstances": _l(
        "Circumstances similar to those above (R209.2(3)(f))"
    ),
    "superior_force": _l("Force majeure (R209.2(3)(g))"),
    "good_faith_emergency_error": _l(
        "A good-faith error on an emergency or public health order (R209.2(3)(h))"
    ),
    "fees_efforts_and_repayment": _l(
        "Reasonable efforts, and the fees fully repaid (R209.2(3.1))"
    ),
    "records_reasonable_efforts": _l(
        "All reasonable efforts were made (R209.2(4))"
    ),
    "cooperation_reasonable_efforts": _l(
        "All reasonable efforts were made to co-operate (R209.4(2))"
    ),
    "cooperation_good_faith": _l("Done or omitted in good faith (R209.4(2))"),
}


def condition_label(code: str) -> LazyString | str:
    """The condition's name in the current language (the code itself if unknown)."""
    return CONDITION_LABELS.get(code, code)


def justification_label(code: str) -> LazyString | str:
    return JUSTIFICATION_LABELS.get(code, code)
