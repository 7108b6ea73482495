"""Statuses, roles and permissions have one label each, on their enum, in both languages; the
database gives the enum members back, so pages compare members and read `.label`."""

from __future__ import annotations

import pytest

from portal import models  # noqa: F401  (defines every enum)
from portal.catalogue import language
from portal.extensions import db
from portal.models import BusinessType, FeeStatus, Offer, OfferStatus
from portal.models.enums import LabelledEnum
from portal.translation_check import translated_msgids
from tests.factories import OfferFactory

LABELLED = sorted(LabelledEnum.__subclasses__(), key=lambda enum: enum.__name__)


def test_the_portals_labelled_enums():
    names = {enum.__name__ for enum in LABELLED}
    assert {"OfferStatus", "FeeStatus", "ApplicationStatus", "PermitType", "AppliesFrom",
            "MemberRole", "Permission", "BusinessType", "ExemptionCategory"} <= names


@pytest.mark.parametrize("enum", LABELLED, ids=lambda enum: enum.__name__)
def test_every_member_has_a_label_with_french(enum):
    done = translated_msgids("fr")
    for member in enum:
        msgid = member.label._args[0]
        assert done.get(msgid), f"{enum.__name__}.{member.name}: no French for {msgid!r}"


def test_labels_follow_the_readers_language(app):
    with app.test_request_context():
        with language("en"):
            assert str(OfferStatus.WITHDRAWN.label) == "Withdrawn"
            assert str(FeeStatus.UNPAID.label) == "Not paid"
        with language("fr"):
            assert str(OfferStatus.WITHDRAWN.label) != "Withdrawn"
            assert str(BusinessType.OTHER.label) == "Autre"


def test_the_database_gives_enum_members_back(app):
    offer = OfferFactory(fee_status=FeeStatus.REFUNDED)
    db.session.commit()
    offer_id = offer.id
    db.session.expunge_all()
    stored = db.session.get(Offer, offer_id)
    assert stored.status is OfferStatus.PENDING
    assert stored.fee_status is FeeStatus.REFUNDED
    assert stored.status.label
