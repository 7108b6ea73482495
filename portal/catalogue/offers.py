"""What the offer services say (portal.services.offers and documents): the attestations an
employer accepts, and why a draft, a file, a payment, a fee exemption, a submission or a
withdrawal is refused. French: fr/LC_MESSAGES/offers.po (and pdf.po).
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

OFFERS: dict[str, LazyString] = {
    "offer.no_confirmation": _l(
        "This offer has not been submitted, so it has no confirmation yet."
    ),
    "offer.not_found": _l("Offer not found."),
    "offer.stale": _l(
        "This offer changed since you read it. Read it again, then make your change."
    ),
    "offer.submit_permission": _l(
        "You can prepare offers, but only a user with the submit permission can pay, submit or "
        "withdraw them."
    ),
    "attestation.accurate": _l("The information in this offer is true, complete and accurate."),
    "attestation.agreement": _l(
        "I have signed an employment agreement with the worker for the same occupation, wages and"
        " working conditions as this offer, in the official language the worker chose, and the "
        "worker has a copy."
    ),
    "attestation.no_fee_recovery": _l(
        "I have not charged or recovered from the worker, directly or indirectly, the employer "
        "compliance fee or any recruitment fee."
    ),
    "attestation.recruiters": _l(
        "I have made sure that anyone recruiting for me has not charged or recovered such fees "
        "from the worker."
    ),
    "attestation.actively_engaged": _l(
        "My business is actively engaged in the business for which the offer is made, and will "
        "remain so during the employment."
    ),
    "attestation.laws": _l(
        "I comply with the federal, provincial and territorial laws that regulate employment and "
        "the recruitment of employees, and with any collective agreement."
    ),
    "attestation.same_conditions": _l(
        "I will give the worker the same occupation, and wages and working conditions that are "
        "substantially the same as, and not less favourable than, those in this offer."
    ),
    "attestation.abuse_free": _l(
        "I will make reasonable efforts to provide a workplace free of physical, sexual, "
        "psychological and financial abuse, and of reprisals."
    ),
    "attestation.no_sex_industry": _l(
        "My business does not regularly offer striptease, erotic dance, escort services or erotic"
        " massage."
    ),
    "attestation.documents": _l(
        "I will keep the documents that show I meet these conditions for six years and give them "
        "to IRCC on request."
    ),
    "offer.not_draft": _l("Only a draft can be changed. This offer was already submitted."),
    "offer.employers_only": _l("Only employer users can create offers."),
    "offer.employer_exempt": _l(
        "Your organization is exempt from the employer compliance regime, so it does not submit "
        "offers of employment."
    ),
    "offer.noc_unknown": _l("Enter a 5-digit NOC 2021 code from the list, for example 21232."),
    "offer.wage_unit_unknown": _l("Choose how the wage is paid."),
    "offer.code_needs_no_offer": _l(
        "Choose an LMIA exemption code from the list: this one does not need an offer from the "
        "employer."
    ),
    "offer.country_unknown": _l("Choose a country from the list."),
    "offer.province_unknown": _l("Choose a Canadian province or territory from the list."),
    "evidence.no_file": _l("Choose a file to upload."),
    "evidence.file_too_big": _l("The file is too big: each file can be at most %(mb)s MB."),
    "evidence.file_type": _l(
        "The file must be a PDF, PNG or JPEG. Save it in one of these formats and try again."
    ),
    "evidence.pdf_unreadable": _l(
        "The PDF cannot be opened: it is damaged or is not really a PDF. Save or export it "
        "again as a PDF and try again."
    ),
    "evidence.pdf_encrypted": _l(
        "The PDF is protected by a password or encrypted. Upload a copy without protection."
    ),
    "evidence.pdf_too_many_pages": _l(
        "The PDF has more than %(pages)s pages. Upload only the pages that show the evidence."
    ),
    "evidence.pdf_javascript": _l(
        "The PDF contains JavaScript, which the portal does not accept. Print it to a new PDF "
        "(or export it without scripts) and try again."
    ),
    "evidence.pdf_launch": _l(
        "The PDF contains an action that launches a program, which the portal does not accept. "
        "Print it to a new PDF and try again."
    ),
    "evidence.pdf_embedded": _l(
        "The PDF has files attached inside it, which the portal does not accept. Remove the "
        "attachments (or print it to a new PDF) and upload each document on its own."
    ),
    "evidence.pdf_expands": _l(
        "The PDF expands to more than %(mb)s MB once opened, so it cannot be checked. Upload a "
        "smaller or simpler PDF."
    ),
    "evidence.image_unreadable": _l(
        "The image cannot be read: it is damaged or is not really a PNG or JPEG. Save it again "
        "as PNG or JPEG and try again."
    ),
    "evidence.image_too_large": _l(
        "The image is too large: at most %(mp)s megapixels. Reduce its size and try again."
    ),
    "evidence.add_not_draft": _l("Files can be added only to a draft."),
    "evidence.item_unknown": _l("Choose what the file shows."),
    "evidence.offer_too_big": _l(
        "The files of one offer can be at most %(mb)s MB in total. Remove a file or upload a "
        "smaller one."
    ),
    "evidence.not_found": _l("File not found."),
    "evidence.remove_not_draft": _l("Files can be removed only from a draft."),
    "offer.not_pending": _l("This offer is not pending, so it cannot be matched."),
    "withdrawal.reason_missing": _l("Enter the reason for withdrawing the offer."),
    "payment.no_receipt": _l("This offer has no payment receipt."),
    "withdrawal.not_pending": _l(
        "Only a pending offer can be withdrawn in the portal. To withdraw a matched offer, write "
        "to the Employer Portal mailbox."
    ),
    "payment.card_invalid": _l(
        "This card number is not valid. Check the number, or use a test card listed on this page."
    ),
    "payment.card_not_test": _l(
        "This simulator accepts only the test cards listed on this page. Never enter a real card "
        "number."
    ),
    "submission.already_submitted": _l("This offer was already submitted."),
    "submission.not_ready": _l(
        "The offer cannot be submitted yet: fix the problems listed on the review page."
    ),
    "payment.card_expired": _l(
        "This card has expired. Enter the expiry date on the card: any month from this month on."
    ),
    "payment.cvc_length": _l("Enter the %(digits)s digits of the security code for this card."),
    "payment.page_expired": _l("This payment page has expired. Try again."),
    "fee_exemption.reason_missing": _l("Explain why the employer is exempt from the fee."),
    "payment.no_fee_due": _l("No fee is due for this offer: claim the fee exemption instead."),
    "fee_exemption.fee_due_for_code": _l(
        "The compliance fee is due for this offer's exemption code: pay it to submit the offer."
    ),
    "submission.fee_due": _l("The compliance fee is due for this offer: pay it to submit."),
    "submission.exemption_unclaimed": _l(
        "Claim the fee exemption, with its proof, before submitting."
    ),
    "fee_exemption.proof_missing": _l("Upload proof of the fee exemption."),
}
