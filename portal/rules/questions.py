"""Questions an employer answers to show the offer meets its exemption code.

Question ids are stable: the eligibility and fee rules read the answers by id, and forms store them
as "answers.<id>". Which questions a code gets follows from the code's data (see codes.py).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from portal.rules._data import load
from portal.rules.countries import PROVINCES
from portal.rules.i18n import pick

YES, NO = "yes", "no"
NOT_LISTED = "not_listed"
YES_NO = ((YES, "Yes", "Oui"), (NO, "No", "Non"))


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "yes_no" | "text" | "date" | "number" | "choice"
    label_en: str
    label_fr: str
    hint_en: str = ""
    hint_fr: str = ""
    choices: tuple[tuple[str, str, str], ...] = field(default=())
    required: bool = True

    def label(self, lang: str) -> str:
        return pick(self.label_en, self.label_fr, lang)

    def hint(self, lang: str) -> str:
        return pick(self.hint_en, self.hint_fr, lang)

    def choice_label(self, value: str, lang: str) -> str | None:
        for val, en, fr in self.choices:
            if val == value:
                return pick(en, fr, lang)
        return None


@dataclass(frozen=True)
class EvidenceItem:
    id: str
    label_en: str
    label_fr: str
    required: bool = True

    def label(self, lang: str) -> str:
        return pick(self.label_en, self.label_fr, lang)


@functools.cache
def cusma_professions() -> tuple[tuple[str, str, str], ...]:
    """CUSMA Appendix 2 professions as (id, label_en, label_fr) choices (closed list of 63)."""
    return tuple((p["id"], p["en"], p["fr"]) for p in load("reference")["cusma_appendix_2"])


def _yes_no(
    qid: str, en: str, fr: str, hint_en: str = "", hint_fr: str = "", required: bool = True
) -> Question:
    return Question(qid, "yes_no", en, fr, hint_en, hint_fr, YES_NO, required)


CUSMA_PROFESSION = Question(
    "cusma_profession",
    "choice",
    "Which CUSMA Appendix 2 profession is this job?",
    "De quelle profession de l'appendice 2 de l'ACEUM s'agit-il?",
    "The list is closed: if the job is not one of these professions, T36 does not apply.",
    "La liste est fermée : si l'emploi ne figure pas parmi ces professions, le code T36 ne "
    "s'applique pas.",
    (
        *cusma_professions(),
        (NOT_LISTED, "None of these professions", "Aucune de ces professions"),
    ),
)
PROFESSIONAL_OR_TECHNICIAN = Question(
    "professional_or_technician",
    "choice",
    "Is the worker coming as a professional or as a technician?",
    "Le travailleur vient-il à titre de professionnel ou de technicien?",
    "Professionals: TEER 0 or 1 jobs. Technicians: TEER 2 or 3 jobs.",
    "Professionnels : emplois de FEER 0 ou 1. Techniciens : emplois de FEER 2 ou 3.",
    (("professional", "Professional", "Professionnel"), ("technician", "Technician", "Technicien")),
)
MONTHS_WITH_FOREIGN_EMPLOYER = Question(
    "months_with_foreign_employer",
    "number",
    "Months of continuous full-time work with the foreign enterprise in the last 3 years",
    "Mois de travail continu à temps plein auprès de l'entreprise étrangère au cours des 3 "
    "dernières années",
    "At least 12 months, in a similar position, within the 36 months before the application.",
    "Au moins 12 mois, dans un poste semblable, au cours des 36 mois précédant la demande.",
)
MONTHS_ALREADY_AS_ICT = Question(
    "months_already_in_canada_as_ict",
    "number",
    "Months the worker has already spent in Canada as an intra-company transferee",
    "Nombre de mois déjà passés au Canada à titre de personne mutée à l'interne",
    "Enter 0 for a first permit. Time under free trade and R205(a) transfer codes counts together.",
    "Inscrivez 0 pour un premier permis. Le temps passé sous les codes de mutation des accords de "
    "libre-échange et de l'alinéa R205a) est cumulé.",
)
IEC_INVITATION_DATE = Question(
    "iec_invitation_date",
    "date",
    "Date the worker received the IEC Invitation to Apply",
    "Date à laquelle le travailleur a reçu l'invitation à présenter une demande d'EIC",
    "The age limits are checked on this date.",
    "Les limites d'âge sont vérifiées à cette date.",
)
IEC_CREDENTIAL = _yes_no(
    "iec_post_secondary_credential",
    "Does the worker hold a post-secondary credential?",
    "Le travailleur détient-il un diplôme d'études postsecondaires?",
    "Needed only when the job is TEER 4.",
    "Exigé seulement si l'emploi est de FEER 4.",
    required=False,
)
FRENCH_NCLC5 = _yes_no(
    "french_nclc5",
    "Does the worker speak and understand French at NCLC 5 or higher?",
    "Le travailleur parle-t-il et comprend-il le français au niveau NCLC 5 ou plus?",
    "Proof: TEF or TCF results, or studies completed in French.",
    "Preuve : résultats du TEF ou du TCF, ou études terminées en français.",
)
NOMINATING_PROVINCE = Question(
    "nominating_province",
    "choice",
    "Which province or territory nominated the worker?",
    "Quelle province ou quel territoire a désigné le travailleur?",
    "Quebec does not nominate under T13.",
    "Le Québec ne désigne pas de candidats au titre du code T13.",
    tuple((code, en, fr) for code, (en, fr) in PROVINCES.items() if code != "QC"),
)
WORKER_UNPAID = _yes_no(
    "worker_unpaid",
    "Is the worker unpaid (a stipend below minimum wage, or room and board only)?",
    "Le travailleur est-il non rémunéré (allocation inférieure au salaire minimum, ou gîte et "
    "couvert seulement)?",
    "An unpaid worker is exempt from the work permit fee, so the employer does not pay the $230 "
    "fee but must upload proof.",
    "Un travailleur non rémunéré est dispensé des frais de permis de travail; l'employeur ne paie "
    "donc pas les frais de 230 $, mais doit téléverser une preuve.",
)
WORKER_FEE_EXEMPT = _yes_no(
    "worker_fee_exempt",
    "Is the worker exempt from the work permit processing fee under R299(2)?",
    "Le travailleur est-il dispensé des frais de traitement du permis de travail en vertu du "
    "paragraphe R299(2)?",
    "For example a Fulbright participant, a cultural-agreement exchange or a family member of "
    "accredited mission staff.",
    "Par exemple, un participant au programme Fulbright, un échange au titre d'un accord culturel "
    "ou un membre de la famille du personnel d'une mission accréditée.",
)
FEE_EXEMPTION_BASIS = Question(
    "fee_exemption_basis",
    "text",
    "Basis of the fee exemption",
    "Motif de la dispense des frais",
    "Name the agreement or program; you will upload proof.",
    "Indiquez l'accord ou le programme; vous téléverserez une preuve.",
    required=False,
)
PERFORMING_ARTISTS = Question(
    "performing_artists_in_group",
    "number",
    "Number of performing artists and staff you are hiring together",
    "Nombre d'artistes de la scène et de membres du personnel embauchés ensemble",
    "For a group of 3 or more, the compliance fee is capped at $690 in total.",
    "Pour un groupe de 3 personnes ou plus, les frais de conformité sont plafonnés à 690 $ au "
    "total.",
    required=False,
)
YEARS_EXPERIENCE = Question(
    "years_experience",
    "number",
    "Years of professional experience in the sector",
    "Années d'expérience professionnelle dans le secteur",
)
OWNERSHIP_PERCENT = Question(
    "ownership_percent",
    "number",
    "Percentage of the Canadian business the worker owns",
    "Pourcentage de l'entreprise canadienne que possède le travailleur",
    "The owner must control at least 51%.",
    "Le propriétaire doit détenir au moins 51 %.",
)
AIP_DESIGNATED = _yes_no(
    "aip_designated_employer",
    "Is your business designated under the Atlantic Immigration Program?",
    "Votre entreprise est-elle désignée dans le cadre du Programme d'immigration au Canada "
    "atlantique?",
)
CSQ_HOLDER = _yes_no(
    "csq_holder",
    "Does the worker hold a valid Quebec Selection Certificate (CSQ) and live in Quebec?",
    "Le travailleur est-il titulaire d'un certificat de sélection du Québec (CSQ) valide et "
    "réside-t-il au Québec?",
)
