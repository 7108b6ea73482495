"""Questions an employer answers to show the offer meets its exemption code.

Question ids are stable: the eligibility and fee rules read the answers by id, and forms store them
as "answers.<id>". Which questions a code gets follows from the code's data (see codes.py). A
question's label and hint are catalogue messages; its choices are labelled by messages or by
bilingual reference data (provinces, CUSMA professions).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from portal.rules._data import load
from portal.rules.countries import PROVINCES
from portal.rules.i18n import pick
from portal.rules.messages import Bilingual, Message, Param, Province

YES, NO = "yes", "no"
NOT_LISTED = "not_listed"
YES_NO: tuple[tuple[str, Param], ...] = ((YES, Message("answer.yes")), (NO, Message("answer.no")))


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "yes_no" | "text" | "date" | "number" | "choice"
    label: Message
    hint: Message | None = None
    choices: tuple[tuple[str, Param], ...] = field(default=())
    required: bool = True

    def choice_label(self, value: str) -> Param | None:
        """The label of one choice (a message or reference data), None for an unknown value."""
        return next((label for val, label in self.choices if val == value), None)


@dataclass(frozen=True)
class EvidenceItem:
    """A document the code asks for; its label is bilingual reference data (data/codes.json)."""

    id: str
    label_en: str
    label_fr: str
    required: bool = True

    def label(self, lang: str) -> str:
        return pick(self.label_en, self.label_fr, lang)

    @property
    def from_employer(self) -> bool:
        """Whether the employer can upload it with the offer (issue 13 item 11): not what the
        portal makes (the offer number, the fee receipt; a fee exemption's proof has its own
        upload on the fee page) nor what only the worker has (their passport, an IEC
        invitation, a medical exam)."""
        return self.id not in NOT_FROM_EMPLOYER


NOT_FROM_EMPLOYER = frozenset({
    # made by the portal
    "offer-of-employment-number-a-7",
    "offer-of-employment-number-a-from",
    "offer-of-employment-submitted-by-the",
    "self-submitted-offer-a-number",
    "employer-compliance-fee-receipt-230-or",
    # the worker's own documents, sent with the work permit application
    "valid-passport-bio-data-page-passport",
    "invitation-to-apply",
    "immigration-medical-exam",
})


@functools.cache
def cusma_professions() -> tuple[tuple[str, Param], ...]:
    """CUSMA Appendix 2 professions as (id, bilingual label) choices (closed list of 63)."""
    rows = load("reference")["cusma_appendix_2"]
    return tuple((row["id"], Bilingual(row["en"], row["fr"])) for row in rows)


def _yes_no(
    qid: str, label: Message, hint: Message | None = None, required: bool = True
) -> Question:
    return Question(qid, "yes_no", label, hint, YES_NO, required)


CUSMA_PROFESSION = Question(
    "cusma_profession",
    "choice",
    Message("question.cusma_profession"),
    Message("question.cusma_profession.hint"),
    (*cusma_professions(), (NOT_LISTED, Message("answer.not_listed"))),
)
PROFESSIONAL_OR_TECHNICIAN = Question(
    "professional_or_technician",
    "choice",
    Message("question.professional_or_technician"),
    Message("question.professional_or_technician.hint"),
    (
        ("professional", Message("answer.professional")),
        ("technician", Message("answer.technician")),
    ),
)
MONTHS_WITH_FOREIGN_EMPLOYER = Question(
    "months_with_foreign_employer",
    "number",
    Message("question.months_with_foreign_employer"),
    Message("question.months_with_foreign_employer.hint"),
)
MONTHS_ALREADY_AS_ICT = Question(
    "months_already_in_canada_as_ict",
    "number",
    Message("question.months_already_in_canada_as_ict"),
    Message("question.months_already_in_canada_as_ict.hint"),
)
IEC_INVITATION_DATE = Question(
    "iec_invitation_date",
    "date",
    Message("question.iec_invitation_date"),
    Message("question.iec_invitation_date.hint"),
)
IEC_CREDENTIAL = _yes_no(
    "iec_post_secondary_credential",
    Message("question.iec_post_secondary_credential"),
    Message("question.iec_post_secondary_credential.hint"),
    required=False,
)
FRENCH_NCLC5 = _yes_no(
    "french_nclc5",
    Message("question.french_nclc5"),
    Message("question.french_nclc5.hint"),
)
NOMINATING_PROVINCE = Question(
    "nominating_province",
    "choice",
    Message("question.nominating_province"),
    Message("question.nominating_province.hint"),
    tuple((code, Province(code)) for code in PROVINCES if code != "QC"),
)
WORKER_UNPAID = _yes_no(
    "worker_unpaid",
    Message("question.worker_unpaid"),
    Message("question.worker_unpaid.hint"),
)
WORKER_FEE_EXEMPT = _yes_no(
    "worker_fee_exempt",
    Message("question.worker_fee_exempt"),
    Message("question.worker_fee_exempt.hint"),
)
FEE_EXEMPTION_BASIS = Question(
    "fee_exemption_basis",
    "text",
    Message("question.fee_exemption_basis"),
    Message("question.fee_exemption_basis.hint"),
    required=False,
)
PERFORMING_ARTISTS = Question(
    "performing_artists_in_group",
    "number",
    Message("question.performing_artists_in_group"),
    Message("question.performing_artists_in_group.hint"),
    required=False,
)
YEARS_EXPERIENCE = Question(
    "years_experience", "number", Message("question.years_experience")
)
OWNERSHIP_PERCENT = Question(
    "ownership_percent",
    "number",
    Message("question.ownership_percent"),
    Message("question.ownership_percent.hint"),
)
AIP_DESIGNATED = _yes_no("aip_designated_employer", Message("question.aip_designated_employer"))
CSQ_HOLDER = _yes_no("csq_holder", Message("question.csq_holder"))
