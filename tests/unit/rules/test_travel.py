import pytest

from portal.catalogue import language
from portal.catalogue.labels import travel_document_label
from portal.rules.travel import (
    TravelDocument,
    medical_exam,
    port_of_entry_allowed,
    travel_document,
    travel_requirement,
)


@pytest.mark.parametrize(
    ("citizenship", "document"),
    [
        ("US", TravelDocument.none),
        ("FR", TravelDocument.eta),
        ("GB", TravelDocument.eta),
        ("IN", TravelDocument.visa),
        ("MX", TravelDocument.visa),
        ("BR", TravelDocument.visa),
        ("fr ", TravelDocument.eta),
        ("XX", TravelDocument.visa),
    ],
)
def test_travel_document_by_citizenship(citizenship, document):
    assert travel_document(citizenship) is document


def test_mexico_is_visa_with_a_note_on_when_an_eta_is_enough(say):
    req = travel_requirement("MX")
    assert req.conditional_eta
    assert req.document is TravelDocument.visa
    assert "US non-immigrant visa" in say(req.note, "en")
    assert "AVE" in say(req.note, "fr")


def test_labels_are_bilingual(make_app):
    with make_app().test_request_context(), language("fr"):
        label = travel_document_label(travel_document("FR"))
    assert label.startswith("Autorisation de voyage électronique")
    assert travel_requirement("IN").note is None


@pytest.mark.parametrize(
    ("noc", "countries", "months", "required"),
    [
        ("31301", [], 3, True),  # registered nurse: public health, any stay
        ("42202", [], 1, True),  # early childhood educator
        ("41221", [], None, True),  # elementary teacher
        ("21232", [], 24, False),
        ("21232", ["IN"], 24, True),  # over 6 months after living in a listed country
        ("21232", ["IN"], 6, False),
        ("21232", ["FR"], 24, False),
        ("85101", ["MX"], 4, False),  # Mexico is not listed
        ("85101", ["GT"], 4, True),
    ],  # agricultural worker from a listed country
)
def test_medical_exam(noc, countries, months, required, say):
    decision = medical_exam(noc_code=noc, resided_countries=countries, stay_months=months)
    assert decision.required is required
    assert [say(reason, "en") for reason in decision.reasons]
    assert all(say(reason, "fr") for reason in decision.reasons)


@pytest.mark.parametrize(
    ("kwargs", "allowed"),
    [
        ({"citizenship": "US", "currently_in_canada": True}, True),
        ({"citizenship": "IN", "currently_in_canada": True, "us_permanent_resident": True}, True),
        ({"citizenship": "MX", "currently_in_canada": True, "code": "T36"}, True),
        ({"citizenship": "FR", "currently_in_canada": True, "code": "C62"}, False),
        ({"citizenship": "FR", "currently_in_canada": True, "cbsa_appointment": True}, True),
        ({"citizenship": "FR", "currently_in_canada": False, "code": "C62"}, True),
        ({"citizenship": "IN", "currently_in_canada": False, "code": "C62"}, False),
        ({"citizenship": "FR", "currently_in_canada": False, "code": "C21-YP"}, False),
        ({"citizenship": "US", "currently_in_canada": False, "code": "C21-YP"}, True),
        ({"citizenship": "US", "currently_in_canada": True, "code": "A75"}, False),
    ],
)
def test_port_of_entry(kwargs, allowed, say):
    decision = port_of_entry_allowed(**kwargs)
    assert decision.eligible is allowed
    assert [say(reason, "fr") for reason in decision.reasons]
