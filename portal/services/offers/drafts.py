"""Drafts: creating an offer, saving its sections, copying and deleting.

Guarantees: only drafts change; a section save stores whatever the caller passes (the form has
already dropped values that are not the right shape, so nothing well-formed that was typed is
lost) and audits the names of the fields changed, never their values; employers exempt from the
compliance regime cannot create offers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import EvidenceFile, Offer, OfferLocation, OfferStatus
from portal.models.enums import FEE_EXEMPTION_PROOF
from portal.rules.codes import get_code
from portal.rules.countries import is_province, is_valid_country
from portal.rules.messages import Message
from portal.rules.noc import get_unit_group
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.compliance.standing import get_standing
from portal.services.errors import Conflict, DomainError, Forbidden
from portal.services.offers.access import get_offer, get_offer_for_update
from portal.services.offers.date_checks import check_offer_dates

SECTIONS = ("code", "worker", "job", "wages", "attestations")

WORKER_FIELDS = (
    "worker_family_name", "worker_given_names", "worker_sex", "worker_date_of_birth",
    "worker_country_of_birth", "worker_citizenship", "worker_residence_country",
    "worker_passport_number", "worker_passport_expiry", "worker_uci",
)
JOB_FIELDS = (
    "job_title", "noc_code", "duties", "education_requirements", "training_requirements",
    "experience_requirements", "licence_requirements", "language_requirements", "start_date",
    "end_date", "full_time",
)
WAGES_FIELDS = (
    "wage_cents", "wage_unit", "hours_per_week", "overtime", "vacation", "benefit_health",
    "benefit_dental", "benefit_pension", "benefit_disability", "benefits_other",
    "alternate_compensation", "additional_information",
)
SECTION_FIELDS: dict[str, tuple[str, ...]] = {
    "code": ("code_key", "explanation", "answers"),
    "worker": WORKER_FIELDS,
    "job": (*JOB_FIELDS, "locations"),
    "wages": WAGES_FIELDS,
    "attestations": ("attestations",),
}
LOCATION_FIELDS = ("address_line1", "city", "province", "postal_code")

# The employer's attestations and certifications (IRPR R209.2-R209.4, R209.11; a summary in
# plain words, not IRCC's exact wording).
ATTESTATIONS: tuple[tuple[str, Message], ...] = (
    ("accurate", Message.of("attestation.accurate")),
    ("agreement", Message.of("attestation.agreement")),
    ("no_fee_recovery", Message.of("attestation.no_fee_recovery")),
    ("recruiters", Message.of("attestation.recruiters")),
    ("actively_engaged", Message.of("attestation.actively_engaged")),
    ("laws", Message.of("attestation.laws")),
    ("same_conditions", Message.of("attestation.same_conditions")),
    ("abuse_free", Message.of("attestation.abuse_free")),
    ("no_sex_industry", Message.of("attestation.no_sex_industry")),
    ("documents", Message.of("attestation.documents")),
)
ATTESTATION_IDS = tuple(key for key, _label in ATTESTATIONS)


def _require_draft(offer: Offer) -> None:
    if offer.status != OfferStatus.DRAFT:
        raise Conflict(Message.of("offer.not_draft"))


def _audit(action: str, offer: Offer, actor: Actor, **details: Any) -> None:
    audit.record(
        action,
        actor=actor,
        employer_id=offer.employer_id,
        object_type="offer",
        object_id=offer.id,
        details=details,
    )


def _require_may_create(actor: Actor) -> int:
    if actor.employer_id is None:
        raise Forbidden(Message.of("offer.employers_only"))
    standing = get_standing(employer_id=actor.employer_id, on=clock.today())
    if standing.exempt:
        raise Forbidden(
            Message.of("offer.employer_exempt")
        )
    return actor.employer_id


def _new_draft(employer_id: int, actor: Actor) -> Offer:
    now = clock.now()
    return Offer(
        employer_id=employer_id,
        status=OfferStatus.DRAFT,
        created_by_user_id=actor.user_id,
        created_at=now,
        updated_at=now,
        answers={},
        attestations=[],
    )


def create_draft(*, actor: Actor) -> Offer:
    """A new empty draft for the actor's employer. Raises Forbidden for an employer exempt from
    the compliance regime (its workers apply as "Other", without an offer number)."""
    employer_id = _require_may_create(actor)
    with write_transaction():
        offer = _new_draft(employer_id, actor)
        db.session.add(offer)
        db.session.flush()
        _audit("offer.draft_created", offer, actor)
    return offer


def preview_draft(
    *, employer_id: int, actor: Actor, sections: Mapping[str, Mapping[str, Any]]
) -> Offer:
    """An offer that is never stored (not added to the session), holding `sections` as
    `save_section` would store them: what the review checks before anything is written (a
    spreadsheet batch's dry run). Call `check_section` on each section first."""
    offer = _new_draft(employer_id, actor)
    offer.locations = []
    for values in sections.values():
        for name, value in values.items():
            if name == "locations":
                offer.locations = [
                    OfferLocation(position=position, **{
                        n: (raw.get(n) or None) for n in LOCATION_FIELDS})
                    for position, raw in enumerate(value[:2], start=1)
                ]
            else:
                setattr(offer, name, _stored_value(offer, name, value, values, actor))
        _derive(offer, values)
    return offer


def add_draft(
    *, actor: Actor, sections: Mapping[str, Mapping[str, Any]], **audit_details: Any
) -> Offer:
    """A new draft holding `sections`, inside the caller's write transaction (it never
    commits): a spreadsheet batch makes all its drafts in one. Checks each section first, as
    `save_section` does; raises as `create_draft` and `check_section` do."""
    employer_id = _require_may_create(actor)
    for section, values in sections.items():
        check_section(section, values)
    offer = _new_draft(employer_id, actor)
    db.session.add(offer)
    db.session.flush()
    _audit("offer.draft_created", offer, actor, **audit_details)
    for section, values in sections.items():
        changed = _apply(offer, values, actor)
        _audit("offer.section_saved", offer, actor, section=section, fields=changed)
    return offer


class StaleOffer(Conflict):
    """The offer changed since the caller read it (its content tag no longer matches)."""


def content_tag(offer: Offer) -> str:
    """A tag of everything the offer holds that a caller can read or change (sections, status,
    fee, number): equal tags mean equal content. The API sends it as the ETag."""
    values: dict[str, Any] = {
        name: getattr(offer, name)
        for fields in SECTION_FIELDS.values() for name in fields if name != "locations"
    }
    values["locations"] = [
        [getattr(loc, name) for name in LOCATION_FIELDS] for loc in offer.locations
    ]
    for name in ("status", "fee_status", "number", "fee_exemption_reason", "withdrawal_reason"):
        values[name] = getattr(offer, name)
    text = json.dumps(values, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def check_section(section: str, values: Mapping[str, Any]) -> None:
    """Raise as `save_section` would for values that are well formed but mean nothing, without
    touching any offer (to check every section before creating a draft with them)."""
    if section not in SECTION_FIELDS:
        raise ValueError(f"unknown section {section!r}")
    unknown = set(values) - set(SECTION_FIELDS[section])
    if unknown:
        raise ValueError(f"not in section {section}: {sorted(unknown)}")
    _check_meaning(values)
    check_offer_dates(values)


def save_section(
    *, offer_id: int, actor: Actor, section: str, values: Mapping[str, Any],
    expected_tag: str | None = None,
) -> Offer:
    """Store `values` (a subset of SECTION_FIELDS[section]) on a draft and audit the change.

    With `expected_tag`, the save happens only if the draft's `content_tag` still equals it
    (checked under the row lock), else StaleOffer: no update is lost to a concurrent one.
    Raises NotFound, Conflict (not a draft), DomainError naming the field for a value that is
    well formed but means nothing (unknown code, NOC, country or province), InvalidFields for
    dates that do not fit together (services.offers.date_checks). Nothing is saved
    when it raises, so the caller keeps the form as typed."""
    check_section(section, values)
    with write_transaction():
        offer = get_offer_for_update(offer_id=offer_id, actor=actor)
        if expected_tag is not None and content_tag(offer) != expected_tag:
            raise StaleOffer(Message.of("offer.stale"))
        _require_draft(offer)
        check_offer_dates(values, offer)
        changed = _apply(offer, values, actor)
        offer.updated_at = clock.now()
        _audit("offer.section_saved", offer, actor, section=section, fields=changed)
    return offer


def _check_meaning(values: Mapping[str, Any]) -> None:
    code = values.get("code_key")
    if code:
        entry = get_code(code)
        if entry is None or not entry.employer_specific:
            raise DomainError(
                Message.of("offer.code_needs_no_offer"),
                field="code_key",
            )
    noc = values.get("noc_code")
    if noc and get_unit_group(noc) is None:
        raise DomainError(
            Message.of("offer.noc_unknown"), field="noc_code"
        )
    for name in ("worker_country_of_birth", "worker_citizenship", "worker_residence_country"):
        if values.get(name) and not is_valid_country(values[name]):
            raise DomainError(Message.of("offer.country_unknown"), field=name)
    if values.get("wage_unit") and values["wage_unit"] not in ("hour", "week", "month", "year"):
        raise DomainError(Message.of("offer.wage_unit_unknown"), field="wage_unit")
    for index, location in enumerate(values.get("locations") or (), start=1):
        if location.get("province") and not is_province(location["province"]):
            raise DomainError(
                Message.of("offer.province_unknown"),
                field=f"location{index}_province",
            )
    unknown = set(values.get("attestations") or ()) - set(ATTESTATION_IDS)
    if unknown:
        raise ValueError(f"unknown attestations {sorted(unknown)}")


def _apply(offer: Offer, values: Mapping[str, Any], actor: Actor) -> list[str]:
    changed: list[str] = []
    for name, value in values.items():
        if name == "locations":
            if _set_locations(offer, value):
                changed.append(name)
            continue
        value = _stored_value(offer, name, value, values, actor)
        if getattr(offer, name) != value:
            setattr(offer, name, value)
            changed.append(name)
    _derive(offer, values)
    return changed


def _stored_value(
    offer: Offer, name: str, value: Any, values: Mapping[str, Any], actor: Actor
) -> Any:
    """The value stored for field `name`: answers kept for the code's own questions,
    attestations in their order (stamped with who attested and when), text stripped (the
    passport number is kept exactly as typed) and empty text stored as None."""
    if name == "answers":
        value = _answers_for(values.get("code_key", offer.code_key), offer.answers, value)
    if name == "attestations":
        value = [key for key in ATTESTATION_IDS if key in set(value)]
        offer.attested_at = clock.now() if value else None
        offer.attested_by_user_id = actor.user_id if value else None
    if isinstance(value, str) and name != "worker_passport_number":
        value = value.strip() or None
    return value


def _derive(offer: Offer, values: Mapping[str, Any]) -> None:
    """What follows from the saved values: the new code's answers, the NOC's TEER, the
    code's canonical key."""
    if "code_key" in values and "answers" not in values:
        offer.answers = _answers_for(offer.code_key, offer.answers, {})
    if "noc_code" in values:
        group = get_unit_group(offer.noc_code) if offer.noc_code else None
        offer.teer = group.teer if group else None
    if "code_key" in values and offer.code_key:
        entry = get_code(offer.code_key)
        offer.code_key = entry.key if entry else offer.code_key


def _answers_for(
    code_key: str | None, old: Mapping[str, str], new: Mapping[str, str]
) -> dict[str, str]:
    """Answers for the code's own questions only (a changed code drops the others)."""
    entry = get_code(code_key) if code_key else None
    if entry is None:
        return {}
    ids = {question.id for question in entry.questions}
    merged = {**{k: v for k, v in (old or {}).items() if k in ids}, **new}
    return {k: v for k, v in merged.items() if k in ids and v not in (None, "")}


def _set_locations(offer: Offer, locations: list[Mapping[str, Any]]) -> bool:
    wanted: list[dict[str, Any]] = []
    for position, raw in enumerate(locations[:2], start=1):
        row = {name: (raw.get(name) or None) for name in LOCATION_FIELDS}
        if position == 1 or any(row.values()):
            wanted.append(row)
    current = [{name: getattr(loc, name) for name in LOCATION_FIELDS} for loc in offer.locations]
    if current == wanted:
        return False
    offer.locations.clear()
    db.session.flush()
    for position, row in enumerate(wanted, start=1):
        offer.locations.append(OfferLocation(position=position, **row))
    return True


def copy_offer(*, offer_id: int, actor: Actor) -> Offer:
    """A new draft with every section of the offer except the worker's identity, the
    attestations (made again for each offer) and the fee. Evidence files for the exemption code
    are copied too. Works from any status (renewals copy matched offers). Raises NotFound,
    Forbidden (compliance-exempt employer)."""
    source = get_offer(offer_id=offer_id, actor=actor)
    standing = get_standing(employer_id=source.employer_id, on=clock.today())
    if standing.exempt:
        raise Forbidden(
            Message.of("offer.employer_exempt")
        )
    with write_transaction():
        source = get_offer(offer_id=offer_id, actor=actor)
        now = clock.now()
        copy = Offer(
            employer_id=source.employer_id,
            status=OfferStatus.DRAFT,
            created_by_user_id=actor.user_id,
            copied_from_id=source.id,
            created_at=now,
            updated_at=now,
            attestations=[],
            answers=dict(source.answers or {}),
        )
        for name in ("code_key", "explanation", "teer", *JOB_FIELDS, *WAGES_FIELDS):
            setattr(copy, name, getattr(source, name))
        copy.locations = [
            OfferLocation(position=loc.position, **{n: getattr(loc, n) for n in LOCATION_FIELDS})
            for loc in source.locations
        ]
        db.session.add(copy)
        db.session.flush()
        for item in db.session.scalars(
            db.select(EvidenceFile).where(
                EvidenceFile.offer_id == source.id, EvidenceFile.item_id != FEE_EXEMPTION_PROOF
            )
        ):
            db.session.add(
                EvidenceFile(
                    offer_id=copy.id, item_id=item.item_id, filename=item.filename,
                    content_type=item.content_type, size=item.size, data=item.data,
                    uploaded_by=actor.user_id, created_at=now,
                )
            )
        _audit("offer.copied", copy, actor, source_offer_id=source.id)
    return copy


def delete_draft(*, offer_id: int, actor: Actor) -> None:
    """Delete a draft and its files. Raises NotFound, Conflict (only drafts can be deleted)."""
    with write_transaction():
        offer = get_offer_for_update(offer_id=offer_id, actor=actor)
        _require_draft(offer)
        _audit("offer.draft_deleted", offer, actor)
        db.session.execute(db.delete(EvidenceFile).where(EvidenceFile.offer_id == offer.id))
        db.session.delete(offer)
