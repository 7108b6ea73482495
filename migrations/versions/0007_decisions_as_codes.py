"""Work permit decisions stored as codes and parameters, not as English and French text

Revision ID: 0007
Revises: 0006

A work permit application kept what the rules decided (fee lines, travel note, medical exam,
two-week processing, port of entry) as text in both languages: {"en": [...], "fr": [...]}.
It now keeps the rules' codes and parameters ({"code": ..., "params": {...}}, as
portal.rules.messages.Message.to_json writes them), worded in the reader's language when shown.

Upgrade recognises each stored English text by the catalogue's English wording at the time of
this revision (TEXTS, a frozen copy: a migration must not change when the catalogue does) and
takes its parameters back out of it. A text no wording matches (written by an older version of
the portal) is kept as it was, in both languages, under the code "stored.text". Downgrade words
every code again in English and French from the same copy.
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

STORED_TEXT = "stored.text"
SPECIAL_RULES = "travel.special_rules"
SPECIAL_RULES_FR = (
    "Des règles particulières s'appliquent selon le passeport (voir la note en anglais)."
)

# code -> (English, French), as portal/catalogue/decisions.py and decisions.po word them today.
TEXTS = {
    "fee_line.iec_participation": (
        "IEC participation fee",
        "Frais de participation à EIC",
    ),
    "fee_line.processing": (
        "Work permit processing fee",
        "Frais de traitement du permis de travail",
    ),
    "fee_line.open_permit_holder": (
        "Open work permit holder fee",
        "Frais de privilège du titulaire de permis de travail ouvert",
    ),
    "fee_line.biometrics": (
        "Biometrics",
        "Données biométriques",
    ),
    "fee_line.exempt_r299": (
        "Exempt under R299(2) for this situation.",
        "Dispense prévue au paragraphe R299(2) dans cette situation.",
    ),
    "fee_line.exempt_r303_2": (
        "Exempt for this category (R303.2).",
        "Dispense pour cette catégorie (R303.2).",
    ),
    "fee_line.biometrics_us": (
        "U.S. nationals do not give biometrics for a work permit.",
        "Les ressortissants des États-Unis ne fournissent pas de données biométriques pour un permis de travail.",
    ),
    "fee_line.biometrics_on_file": (
        "Biometrics already given in the last 10 years.",
        "Données biométriques déjà fournies au cours des 10 dernières années.",
    ),
    "fee_line.biometrics_age": (
        "Only people aged 14 to 79 give biometrics.",
        "Seules les personnes de 14 à 79 ans fournissent des données biométriques.",
    ),
    "gss.eligible": (
        "Eligible for 2-week processing: applies from outside Canada; applies online; employer-specific, LMIA-exempt permit; not an IEC application; job in TEER 0 or 1; offer submitted and fee paid (or exempt); biometrics within 14 days.",
        "Admissible au traitement en 2 semaines : présente sa demande de l'extérieur du Canada; présente sa demande en ligne; permis propre à un employeur, dispensé d'EIMT; il ne s'agit pas d'une demande d'EIC; emploi de FEER 0 ou 1; offre présentée et frais payés (ou dispense); données biométriques fournies dans les 14 jours.",
    ),
    "gss.not_from_outside": (
        "Not eligible for 2-week processing: only applications from outside Canada qualify.",
        "Non admissible au traitement en 2 semaines : seules les demandes présentées de l'extérieur du Canada sont admissibles.",
    ),
    "gss.not_online": (
        "Not eligible for 2-week processing: paper applications do not qualify.",
        "Non admissible au traitement en 2 semaines : les demandes sur papier ne sont pas admissibles.",
    ),
    "gss.not_employer_specific": (
        "Not eligible for 2-week processing: only employer-specific permits qualify.",
        "Non admissible au traitement en 2 semaines : seuls les permis propres à un employeur sont admissibles.",
    ),
    "gss.iec": (
        "Not eligible for 2-week processing: International Experience Canada applications are excluded.",
        "Non admissible au traitement en 2 semaines : les demandes d'Expérience internationale Canada sont exclues.",
    ),
    "gss.not_teer_0_1": (
        "Not eligible for 2-week processing: the job must be TEER 0 or 1.",
        "Non admissible au traitement en 2 semaines : l'emploi doit être de FEER 0 ou 1.",
    ),
    "gss.offer_not_settled": (
        "Not eligible for 2-week processing: the employer must submit the offer and pay the compliance fee (or record an exemption) first.",
        "Non admissible au traitement en 2 semaines : l'employeur doit d'abord présenter l'offre et payer les frais de conformité (ou inscrire une dispense).",
    ),
    "gss.biometrics_late": (
        "Not eligible for 2-week processing: biometrics must be given within 14 days of applying.",
        "Non admissible au traitement en 2 semaines : les données biométriques doivent être fournies dans les 14 jours suivant la demande.",
    ),
    "gss.medical_not_upfront": (
        "Not eligible for 2-week processing: the medical exam is required and must be done upfront, with a panel physician, before applying.",
        "Non admissible au traitement en 2 semaines : l'examen médical est exigé et doit être passé à l'avance, auprès d'un médecin désigné, avant de présenter la demande.",
    ),
    "medical.public_health": (
        "Required: the job involves protecting public health (health care, schools or child care), whatever the length of stay.",
        "Exigé : l'emploi touche la protection de la santé publique (soins de santé, écoles ou garde d'enfants), peu importe la durée du séjour.",
    ),
    "medical.agriculture": (
        "Required: agricultural work by a worker who lived in a designated country or territory.",
        "Exigé : travail agricole par un travailleur ayant vécu dans un pays ou territoire désigné.",
    ),
    "medical.long_stay": (
        "Required: a stay over 6 months after living 6 months or more in the past year in a designated country (%(countries)s).",
        "Exigé : séjour de plus de 6 mois après avoir vécu au moins 6 mois au cours de la dernière année dans un pays désigné (%(countries)s).",
    ),
    "medical.not_required": (
        "Not required for this job and travel history.",
        "Non exigé pour cet emploi et ces antécédents de voyage.",
    ),
    "poe.code_excluded": (
        "%(code)s applications cannot be made at a port of entry.",
        "Les demandes au titre du code %(code)s ne peuvent pas être présentées à un point d'entrée.",
    ),
    "poe.iec": (
        "IEC participants apply online before travelling; only US citizens and permanent residents may apply at the border.",
        "Les participants d'EIC présentent leur demande en ligne avant le voyage; seuls les citoyens et résidents permanents des États-Unis peuvent la présenter à la frontière.",
    ),
    "poe.us_exempt": (
        "US citizens and permanent residents are exempt from the flagpoling restriction.",
        "Les citoyens et résidents permanents des États-Unis sont exemptés de la restriction sur le « flagpoling ».",
    ),
    "poe.fta_professional": (
        "Free trade agreement professionals and technicians may still apply at the border.",
        "Les professionnels et techniciens visés par un accord de libre-échange peuvent encore présenter leur demande à la frontière.",
    ),
    "poe.fta_spouse": (
        "Spouses under this free trade agreement may still apply at the border.",
        "Les époux visés par cet accord de libre-échange peuvent encore présenter leur demande à la frontière.",
    ),
    "poe.truck_driver": (
        "Certain truck drivers may still apply at the border.",
        "Certains camionneurs peuvent encore présenter leur demande à la frontière.",
    ),
    "poe.cbsa_appointment": (
        "A pre-booked CBSA appointment is honoured.",
        "Un rendez-vous préalablement fixé avec l'ASFC est honoré.",
    ),
    "poe.flagpoling": (
        "Since 2024-12-24, most people already in Canada can no longer apply at a port of entry (\"flagpoling\"); apply online instead.",
        "Depuis le 2024-12-24, la plupart des personnes qui se trouvent déjà au Canada ne peuvent plus présenter leur demande à un point d'entrée (« flagpoling »); présentez-la en ligne.",
    ),
    "poe.visa_exempt": (
        "Visa-exempt travellers arriving from abroad may apply on arrival (R198).",
        "Les voyageurs dispensés de visa qui arrivent de l'étranger peuvent présenter leur demande à l'arrivée (R198).",
    ),
    "poe.visa_required": (
        "Visa-required nationals must apply before travelling to Canada.",
        "Les ressortissants de pays dont les citoyens ont besoin d'un visa doivent présenter leur demande avant de se rendre au Canada.",
    ),
    "travel.unknown_citizenship": (
        "Unknown citizenship: assume a visa is needed.",
        "Citoyenneté inconnue : présumez qu'un visa est exigé.",
    ),
    "travel.eta_conditional": (
        "An eTA is possible only when flying, for a traveller who held a Canadian visitor visa in the last 10 years or holds a valid US non-immigrant visa; otherwise a visa is needed, and always by land or sea.",
        "Une AVE n'est possible que par avion, pour le voyageur qui a détenu un visa de visiteur canadien au cours des 10 dernières années ou qui détient un visa de non-immigrant américain valide; sinon, un visa est exigé, et il l'est toujours par voie terrestre ou maritime.",
    ),
}

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _pattern(english):
    parts = _PLACEHOLDER.split(english)  # text, name, text, name, ..., text
    regex = "".join(
        re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
        for index, part in enumerate(parts)
    )
    return re.compile(regex + r"\Z", re.S)


_PATTERNS = [(code, _pattern(en)) for code, (en, _fr) in TEXTS.items()]

applications = sa.table(
    "work_permit_application",
    sa.column("id", sa.Integer),
    sa.column("fee_lines", sa.JSON),
    sa.column("travel_note", sa.JSON),
    sa.column("medical_reasons", sa.JSON),
    sa.column("gss_reasons", sa.JSON),
    sa.column("poe_reasons", sa.JSON),
)
REASONS = ("medical_reasons", "gss_reasons", "poe_reasons")


def coded(english, french):
    """The stored message an English text (and its French) were worded from."""
    for code, pattern in _PATTERNS:
        found = pattern.match(english or "")
        if found:
            return {"code": code, "params": found.groupdict()}
    if french == SPECIAL_RULES_FR:
        return {"code": SPECIAL_RULES, "params": {"note": english}}
    return {"code": STORED_TEXT, "params": {"en": english, "fr": french or english}}


def worded(message):
    """(English, French) of a stored message."""
    code, params = message["code"], message.get("params") or {}
    if code == STORED_TEXT:
        return params["en"], params["fr"]
    if code == SPECIAL_RULES:
        return params["note"], SPECIAL_RULES_FR
    if code not in TEXTS:  # a code newer than this revision: its name is all there is
        return code, code
    english, french = TEXTS[code]
    return english % params, french % params


def _is_coded(value):
    return isinstance(value, dict) and "code" in value


def upgrade_row(row):
    """The new values of one application's columns (unchanged ones are left out)."""
    values = {}
    lines = row["fee_lines"] or []
    if lines and not _is_coded(lines[0].get("label")):
        values["fee_lines"] = [
            {
                "key": line["key"],
                "label": coded(line.get("label_en"), line.get("label_fr")),
                "amount_cents": line["amount_cents"],
                "exempt_reason": coded(line["exempt_reason_en"], line.get("exempt_reason_fr"))
                if line.get("exempt_reason_en") else None,
            }
            for line in lines
        ]
    note = row["travel_note"]
    if note and not _is_coded(note):
        values["travel_note"] = coded(note.get("en"), note.get("fr"))
    for column in REASONS:
        reasons = row[column]
        if isinstance(reasons, dict):
            english, french = reasons.get("en") or [], reasons.get("fr") or []
            values[column] = [
                coded(text, french[index] if index < len(french) else text)
                for index, text in enumerate(english)
            ]
    return values


def downgrade_row(row):
    values = {}
    lines = row["fee_lines"] or []
    if lines and _is_coded(lines[0].get("label")):
        converted = []
        for line in lines:
            label_en, label_fr = worded(line["label"])
            reason = worded(line["exempt_reason"]) if line.get("exempt_reason") else (None, None)
            converted.append({
                "key": line["key"], "label_en": label_en, "label_fr": label_fr,
                "amount_cents": line["amount_cents"],
                "exempt_reason_en": reason[0], "exempt_reason_fr": reason[1],
            })
        values["fee_lines"] = converted
    note = row["travel_note"]
    if note and _is_coded(note):
        english, french = worded(note)
        values["travel_note"] = {"en": english, "fr": french}
    for column in REASONS:
        reasons = row[column]
        if isinstance(reasons, list):
            pairs = [worded(reason) for reason in reasons]
            values[column] = {"en": [en for en, _fr in pairs], "fr": [fr for _en, fr in pairs]}
    return values


def _convert(change):
    connection = op.get_bind()
    rows = connection.execute(sa.select(applications)).mappings().all()
    for row in rows:
        values = change(row)
        if values:
            connection.execute(
                applications.update().where(applications.c.id == row["id"]).values(**values)
            )


def upgrade():
    _convert(upgrade_row)


def downgrade():
    _convert(downgrade_row)
