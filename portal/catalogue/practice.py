"""What the practice grader says (portal.rules.practice): each part's verdict, naming the rule
and its source, and the labels of difficulties and application types. Case-specific reasons and
sources come from the case files as bilingual parameters (%(why)s, %(source)s).
French: fr/LC_MESSAGES/practice.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

_LABELS: dict[str, LazyString] = {
    "practice.difficulty.easy": _l("Easy"),
    "practice.difficulty.medium": _l("Intermediate"),
    "practice.difficulty.hard": _l("Hard"),
    "practice.application_type.employer_specific": _l(
        "an employer-specific permit with the offer number (“Exemption from Labour Market "
        "Impact Assessment”)"
    ),
    "practice.application_type.other": _l(
        "“Other”: a job offer that doesn't need an offer of employment number"
    ),
    "practice.application_type.open": _l("an open work permit"),
    "practice.application_type.none": _l("no work permit application for now"),
    "practice.field.family_name": _l("Family name"),
    "practice.field.given_names": _l("Given names"),
    "practice.field.date_of_birth": _l("Date of birth"),
    "practice.field.sex": _l("Sex"),
    "practice.field.citizenship": _l("Citizenship"),
    "practice.field.passport_number": _l("Passport number"),
    "practice.evidence.fee_exemption_proof": _l("Proof of the fee exemption"),
}

_OUTCOME_AND_CODE: dict[str, LazyString] = {
    "practice.outcome.submitted": _l(
        "The offer was submitted, as this case requires: the worker quotes its number in the "
        "work permit application (R209.11)."
    ),
    "practice.outcome.not_submitted": _l(
        "The offer was not submitted. Without a submitted offer and its number, the work "
        "permit must be refused (R209.11; R200(3)(f.1))."
    ),
    "practice.outcome.no_offer": _l(
        "Right: no offer of employment should be submitted here. %(why)s (%(source)s)"
    ),
    "practice.outcome.offer_not_needed": _l(
        "No offer of employment should be submitted in this case. %(why)s (%(source)s)"
    ),
    "practice.outcome.withdraw_for_refund": _l(
        "Withdraw the offer while it is pending: a withdrawn offer's compliance fee is "
        "refunded (R303.1)."
    ),
    "practice.code.right": _l(
        "%(expected)s – %(name)s is the right code for this case (%(source)s)."
    ),
    "practice.code.acceptable": _l(
        "%(code)s is acceptable for this case; %(expected)s – %(name)s fits it best "
        "(%(source)s)."
    ),
    "practice.code.missing": _l(
        "No exemption code was chosen. The code for this case is %(expected)s – %(name)s "
        "(%(source)s)."
    ),
    "practice.code.wrong": _l(
        "%(chosen)s does not fit this case: the code is %(expected)s – %(name)s. %(why)s "
        "(%(source)s)"
    ),
}

_FEE: dict[str, LazyString] = {
    "practice.fee.paid": _l(
        "The $230 employer compliance fee was paid, as required (%(source)s)."
    ),
    "practice.fee.exempt": _l(
        "The fee exemption was claimed with its proof, as allowed (%(source)s)."
    ),
    "practice.fee.waived_but_due": _l(
        "A fee exemption was claimed, but the $230 fee is due for this offer (%(source)s). "
        "Without the payment the work permit must be refused (R200(3)(f.1))."
    ),
    "practice.fee.proof_missing": _l(
        "The fee exemption was claimed without proof: the employer must upload proof of the "
        "exemption with the offer (%(source)s)."
    ),
    "practice.fee.paid_not_due": _l(
        "The $230 fee was paid although the employer is exempt (%(source)s): the exemption "
        "could have been claimed, with its proof, instead."
    ),
    "practice.fee.unsettled": _l(
        "The compliance fee was neither paid nor claimed as exempt, so the offer cannot be "
        "submitted (%(source)s)."
    ),
}

_IDENTITY: dict[str, LazyString] = {
    "practice.identity.exact": _l("The worker's identity is exactly as on the passport."),
    "practice.identity.missing": _l("The worker's identity was not entered."),
    "practice.identity.differs": _l(
        "%(field)s: “%(entered)s” was entered, but the passport reads “%(expected)s”. Copy it "
        "exactly, character for character."
    ),
    "practice.identity.left_empty": _l(
        "%(field)s was left empty, but the passport reads “%(expected)s”."
    ),
    "practice.identity.no_match": _l(
        "Because the passport number or the citizenship differs, the worker's application will "
        "not match the offer: IRCC compares them exactly, capital letters, spaces, hyphens and "
        "accents included (IRCC instructions, matching the offer)."
    ),
    "practice.attestations.made": _l(
        "Every attestation and certification was made (R209.11; R209.2 to R209.4)."
    ),
    "practice.attestations.missing": _l(
        "Attestations not made: %(count)s. The portal submits an offer only once the employer "
        "makes every one (R209.11; R209.2 to R209.4)."
    ),
    "practice.evidence.complete": _l(
        "The evidence a reviewer expects is attached (%(source)s)."
    ),
    "practice.evidence.missing": _l("Missing evidence: %(item)s (%(source)s)."),
}

_APPLICATION: dict[str, LazyString] = {
    "practice.application.matched": _l(
        "The worker's application quotes the offer and matches its passport number and "
        "citizenship exactly."
    ),
    "practice.application.no_match": _l(
        "The worker's application does not match the offer: the passport number and the "
        "citizenship must be exactly those on the offer."
    ),
    "practice.application.needs_offer_number": _l(
        "The worker applied for %(chosen)s, but this case needs an employer-specific permit "
        "quoting the offer number (“Exemption from Labour Market Impact Assessment”)."
    ),
    "practice.application.right": _l(
        "The worker's step is right: %(type)s (%(source)s)."
    ),
    "practice.application.wrong": _l(
        "The worker's step is %(chosen)s; this case needs %(expected)s (%(source)s)."
    ),
    "practice.application.code_right": _l(
        "The application cites %(expected)s – %(name)s, as this case needs (%(source)s)."
    ),
    "practice.application.code_missing": _l(
        "The application cites no code; it should cite %(expected)s – %(name)s (%(source)s)."
    ),
    "practice.application.code_wrong": _l(
        "The application cites %(chosen)s; it should cite %(expected)s – %(name)s "
        "(%(source)s)."
    ),
}

_PAGES: dict[str, LazyString] = {
    "practice.case_not_found": _l("There is no such practice case."),
    "practice.not_started": _l("Start this case first: checking your work grades the practice "
                               "employer it makes."),
    "practice.instructors_only": _l("Only an instructor sees the learners' results."),
    "practice.no_such_user": _l("No employer user has this email address."),
}

PRACTICE: dict[str, LazyString] = {
    **_LABELS, **_PAGES, **_OUTCOME_AND_CODE, **_FEE, **_IDENTITY, **_APPLICATION,
}
