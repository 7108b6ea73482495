import pytest

from portal.rules import fees
from portal.rules.fees import compliance_fee, gss_two_week, total_cents, worker_fees


def test_fee_constants_match_the_regulations():
    assert fees.COMPLIANCE_FEE_CENTS == 23000
    assert fees.COMPLIANCE_FEE_GROUP_CAP_CENTS == 69000
    assert fees.WORK_PERMIT_FEE_CENTS == 15500
    assert fees.BIOMETRICS_CENTS == 8500
    assert fees.BIOMETRICS_FAMILY_CAP_CENTS == 17000
    assert fees.OPEN_PERMIT_HOLDER_FEE_CENTS == 10000
    assert fees.IEC_PARTICIPATION_FEE_CENTS == 17975


@pytest.mark.parametrize(
    ("code", "answers", "amount", "exempt", "proof"),
    [
        ("T36", None, 23000, False, False),
        ("C31", None, 0, True, True),  # research: R303.1(5)
        ("C50", {"worker_unpaid": "yes"}, 0, True, True),  # unpaid religious work
        ("C50", {"worker_unpaid": "no"}, 23000, False, False),
        ("C51", {"worker_unpaid": "yes"}, 0, True, True),
        ("C20", {"worker_fee_exempt": "yes"}, 0, True, True),
        ("C20", {"worker_fee_exempt": "no"}, 23000, False, False),
        ("C21-YP", None, 23000, False, False),  # IEC: employers still pay
        ("C21-IC", None, 23000, False, False),
        ("C43", None, 0, True, False),  # open permit: no offer, no fee
    ],
)
def test_compliance_fee(code, answers, amount, exempt, proof, say):
    fee = compliance_fee(code, answers=answers)
    assert (fee.amount_cents, fee.exempt, fee.proof_required) == (amount, exempt, proof)
    assert say(fee.reason, "en")
    assert say(fee.reason, "fr")
    assert say(fee.reason, "en") != say(fee.reason, "fr")


def test_exempt_fee_names_the_regulation_and_asks_for_proof(say):
    fee = compliance_fee("C50", answers={"worker_unpaid": "yes"})
    assert "R303.1(5)" in fee.regulation
    assert "preuve" in say(fee.reason, "fr")
    assert "proof" in say(fee.reason, "en")


def test_iec_reason_explains_the_carve_out(say):
    assert "R303.1(5)" in say(compliance_fee("C21-YP").reason, "en")


@pytest.mark.parametrize(("group", "total"), [(1, 23000), (2, 46000), (3, 69000), (10, 69000)])
def test_performing_artists_group_is_capped_at_690(group, total):
    assert compliance_fee("C23", performing_artists_in_group=group).amount_cents == total


def test_group_cap_only_applies_to_performing_arts():
    assert compliance_fee("T36", performing_artists_in_group=5).amount_cents == 23000


def lines_by_key(**kwargs):
    defaults = {
        "permit_type": "employer_specific",
        "code": "T36",
        "citizenship": "MX",
        "has_biometrics_on_file": False,
    }
    return {line.key: line for line in worker_fees(**{**defaults, **kwargs})}


def test_employer_specific_worker_pays_processing_and_biometrics():
    lines = lines_by_key()
    assert lines["processing"].amount_cents == 15500
    assert lines["biometrics"].amount_cents == 8500
    assert "open_permit_holder" not in lines
    assert total_cents(lines.values()) == 24000


@pytest.mark.parametrize(
    ("kwargs", "biometrics"),
    [
        ({"citizenship": "US"}, 0),
        ({"has_biometrics_on_file": True}, 0),
        ({"family_size": 2}, 17000),
        ({"family_size": 4}, 17000),
        ({"age": 80}, 0),
        ({"age": 30}, 8500),
    ],
)
def test_biometrics_exemptions_and_family_cap(kwargs, biometrics):
    line = lines_by_key(**kwargs)["biometrics"]
    assert line.amount_cents == biometrics
    assert (line.exempt_reason is None) is (biometrics > 0)


@pytest.mark.parametrize(
    ("code", "owp_fee"), [("C43", 10000), ("C41", 10000), ("A75", 10000), ("C32", 0), ("A72", 0)]
)
def test_open_work_permit_holder_fee(code, owp_fee):
    lines = lines_by_key(permit_type="open", code=code, citizenship="IN")
    assert lines["open_permit_holder"].amount_cents == owp_fee


def test_iec_working_holiday_pays_iec_fee_and_100_but_no_processing_fee():
    lines = lines_by_key(permit_type="open", code="C21-WH", citizenship="FR")
    assert lines["iec_participation"].amount_cents == 17975
    assert lines["open_permit_holder"].amount_cents == 10000
    assert lines["processing"].amount_cents == 0


@pytest.mark.parametrize(
    ("code", "answers", "processing"),
    [
        ("C31", None, 0),
        ("C50", {"worker_unpaid": "yes"}, 0),
        ("C50", None, 15500),
        ("C62", None, 15500),
    ],
)
def test_worker_processing_fee_exemptions(code, answers, processing):
    assert lines_by_key(code=code, answers=answers)["processing"].amount_cents == processing


def test_compliance_exempt_employer_worker_still_pays_processing():
    lines = lines_by_key(permit_type="other", code="C10")
    assert lines["processing"].amount_cents == 15500
    assert "open_permit_holder" not in lines


GSS_OK = {
    "applies_from": "outside",
    "applies_online": True,
    "employer_specific": True,
    "code": "T36",
    "teer": 1,
    "offer_submitted_and_fee_paid": True,
    "biometrics_within_14_days": True,
}


def test_gss_us_professional_teer_1_outside_online_is_eligible(say):
    decision = gss_two_week(**GSS_OK)
    assert decision.eligible
    assert say(decision.reasons[0], "fr").startswith("Admissible")


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"code": "C21-YP"}, "International Experience Canada"),
        ({"applies_from": "inside"}, "outside"),
        ({"applies_online": False}, "paper"),
        ({"teer": 2}, "TEER 0 or 1"),
        ({"teer": None}, "TEER"),
        ({"offer_submitted_and_fee_paid": False}, "submit the offer"),
        ({"biometrics_within_14_days": False}, "14 days"),
        ({"employer_specific": False}, "employer-specific"),
        ({"code": "C43"}, "employer-specific"),
    ],
)
def test_gss_not_eligible_says_why(change, why, say):
    decision = gss_two_week(**{**GSS_OK, **change})
    assert not decision.eligible
    assert any(why in say(reason, "en") for reason in decision.reasons)
    # Every reason is told in French too.
    assert all(say(reason, "fr") != say(reason, "en") for reason in decision.reasons)
