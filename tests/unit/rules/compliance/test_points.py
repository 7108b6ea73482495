import pytest

from portal.rules.compliance.conditions import ViolationType
from portal.rules.compliance.points import (
    PERMANENT_BAN,
    Ban,
    BusinessSize,
    Severity,
    amp_cents,
    amp_range_cents,
    apply_disclosure,
    ban_for,
    business_size,
    history_points,
    history_table_item,
    severity_out_of_range,
)

A, B, C = ViolationType.A, ViolationType.B, ViolationType.C
SMALL, LARGE = BusinessSize.small, BusinessSize.large

# compliance_regime.md 3.6, row by row: points -> (A small, A large, B small, B large, C ...).
TABLE_2 = {
    2: (500, 750, 750, 1_000, 1_000, 2_000),
    3: (750, 1_000, 1_250, 2_000, 5_000, 10_000),
    4: (1_000, 2_000, 3_000, 7_000, 10_000, 20_000),
    5: (4_000, 6_000, 7_000, 12_000, 15_000, 30_000),
    6: (8_000, 10_000, 12_000, 20_000, 20_000, 40_000),
    7: (12_000, 20_000, 20_000, 30_000, 35_000, 50_000),
    8: (20_000, 30_000, 35_000, 45_000, 45_000, 60_000),
    9: (30_000, 45_000, 50_000, 60_000, 60_000, 70_000),
    10: (30_000, 45_000, 50_000, 60_000, 60_000, 70_000),
    11: (40_000, 60_000, 60_000, 70_000, 70_000, 80_000),
    12: (40_000, 60_000, 60_000, 70_000, 70_000, 80_000),
    13: (50_000, 70_000, 70_000, 80_000, 80_000, 90_000),
    14: (50_000, 70_000, 70_000, 80_000, 80_000, 90_000),
    15: (100_000,) * 6,
    29: (100_000,) * 6,
}
COLUMNS = [(A, SMALL), (A, LARGE), (B, SMALL), (B, LARGE), (C, SMALL), (C, LARGE)]

# compliance_regime.md 3.7: points -> (A, B, C) years, "P" for permanent.
TABLE_3 = {
    5: (None, None, None),
    6: (None, None, 1),
    7: (None, 1, 2),
    8: (1, 2, 5),
    9: (2, 5, 10),
    10: (2, 5, 10),
    11: (5, 10, 10),
    12: (5, 10, 10),
    13: (10, 10, 10),
    14: (10, 10, 10),
    15: ("P", "P", "P"),
    40: ("P", "P", "P"),
}


@pytest.mark.parametrize("points", sorted(TABLE_2))
def test_table_2_amounts(points):
    got = tuple(amp_cents(points, t, size) for t, size in COLUMNS)
    assert got == tuple(d * 100 for d in TABLE_2[points])


@pytest.mark.parametrize("points", [0, 1])
def test_table_2_has_no_amp_at_0_or_1_point(points):
    assert {amp_cents(points, t, size) for t, size in COLUMNS} == {None}


def test_amp_range_per_violation_is_500_to_100000():
    assert amp_range_cents() == (500_00, 100_000_00)


@pytest.mark.parametrize("points", sorted(TABLE_3))
def test_table_3_bans(points):
    expected = tuple(
        None if y is None else PERMANENT_BAN if y == "P" else Ban(y) for y in TABLE_3[points]
    )
    assert (ban_for(points, A), ban_for(points, B), ban_for(points, C)) == expected


def test_no_ban_below_6_points_whatever_the_type():
    assert {ban_for(p, t) for p in range(6) for t in ViolationType} == {None}


def test_permanent_ban_is_longer_than_any_number_of_years():
    assert PERMANENT_BAN.is_permanent and PERMANENT_BAN.years is None
    assert max([Ban(10), PERMANENT_BAN, Ban(5)], key=lambda b: b.length) == PERMANENT_BAN


@pytest.mark.parametrize(
    ("vtype", "ordinal", "points", "item"),
    [
        (A, 1, 1, 1),
        (A, 2, 2, 2),
        (A, 5, 2, 2),
        (B, 1, 1, 1),
        (B, 2, 2, 3),
        (B, 3, 3, 5),
        (B, 9, 3, 5),
        (C, 1, 2, 4),
        (C, 2, 3, 6),
        (C, 3, 4, 7),
        (C, 7, 4, 7),
    ],
)
def test_table_4_history_escalates_by_type_and_caps(vtype, ordinal, points, item):
    assert history_points(vtype, ordinal) == points
    assert history_table_item(vtype, ordinal) == item


@pytest.mark.parametrize(("before", "after"), [(0, 0), (1, 0), (3, 0), (4, 0), (5, 1), (17, 13)])
def test_voluntary_disclosure_takes_4_points_off_or_to_zero(before, after):
    assert apply_disclosure(before) == after


@pytest.mark.parametrize(
    ("employees", "revenue_dollars", "size"),
    [
        (99, 50_000_000, SMALL),  # fewer than 100 employees is enough
        (5_000, 4_999_999, SMALL),  # less than $5M revenue is enough
        (100, 5_000_000, LARGE),  # exactly 100 and exactly $5M: large (the PDI's "<=" is wrong)
        (100, 4_999_999, SMALL),
        (1, 1, SMALL),
    ],
)
def test_business_size_follows_r209_93(employees, revenue_dollars, size):
    assert (
        business_size(employees=employees, annual_gross_revenue_cents=revenue_dollars * 100) is size
    )


def test_an_individual_uses_the_small_column():
    big = {"employees": 1_000, "annual_gross_revenue_cents": 10_000_000_00}
    assert business_size(**big) is LARGE
    assert business_size(**big, individual=True) is SMALL


def test_size_picks_the_column_but_never_adds_points_or_changes_the_ban():
    assert amp_cents(8, C, SMALL) == 45_000_00 and amp_cents(8, C, LARGE) == 60_000_00
    assert ban_for(8, C) == Ban(5)


def test_severity_ranges_follow_table_5():
    top = Severity(
        benefit=6,
        abuse=10,
        economy=6,
        remediation=3,
        prevention=3,
        worker_disease_risk=10,
        public_disease_risk=10,
    )
    assert severity_out_of_range(top) == []
    assert top.total() == 48
    assert severity_out_of_range(Severity(benefit=7, remediation=-1)) == [
        ("benefit", 7, 6),
        ("remediation", -1, 3),
    ]
    assert severity_out_of_range(Severity(abuse=True)) == [("abuse", True, 10)]
