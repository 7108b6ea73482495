import datetime as dt

from portal.rules.compliance.points import PERMANENT_BAN, Ban
from portal.rules.compliance.status import BanRecord, PenaltyRecord, eligibility

D = dt.date
DUE = D(2027, 1, 4)


def test_a_ban_begins_on_the_determination_and_ends_the_day_before_the_anniversary():
    record = BanRecord(D(2026, 11, 24), Ban(2))
    assert record.last_day == D(2028, 11, 23)
    assert not record.active_on(D(2026, 11, 23))
    assert record.active_on(D(2026, 11, 24)) and record.active_on(D(2028, 11, 23))
    assert not record.active_on(D(2028, 11, 24))


def test_banned_status_gives_the_last_day_of_the_longest_active_ban():
    bans = [BanRecord(D(2026, 1, 10), Ban(1)), BanRecord(D(2025, 6, 1), Ban(5))]
    status = eligibility(D(2026, 3, 1), bans=bans)
    assert (status.eligible, status.code, status.banned_until) == (
        False,
        "compliance.eligibility.banned",
        D(2030, 5, 31),
    )


def test_a_permanent_ban_never_ends():
    status = eligibility(D(2099, 1, 1), bans=[BanRecord(D(2026, 11, 24), PERMANENT_BAN)])
    assert not status.eligible and status.permanent_ban and status.banned_until is None


def test_unpaid_amp_is_in_default_from_the_day_after_it_is_due():
    penalty = PenaltyRecord(DUE)
    assert eligibility(DUE, penalties=[penalty]).eligible
    status = eligibility(DUE + dt.timedelta(days=1), penalties=[penalty])
    assert (status.eligible, status.code) == (False, "compliance.eligibility.in_default")


def test_paying_in_full_ends_the_default():
    penalty = PenaltyRecord(DUE, paid_in_full_on=D(2027, 3, 1))
    assert not eligibility(D(2027, 2, 1), penalties=[penalty]).eligible
    assert eligibility(D(2027, 3, 1), penalties=[penalty]).eligible


def test_a_payment_agreement_reached_in_time_avoids_default_until_it_is_broken():
    kept = PenaltyRecord(DUE, agreement_made_on=D(2027, 1, 2))
    assert eligibility(D(2027, 6, 1), penalties=[kept]).eligible
    late = PenaltyRecord(DUE, agreement_made_on=D(2027, 1, 5))
    assert not eligibility(D(2027, 6, 1), penalties=[late]).eligible
    broken = PenaltyRecord(DUE, agreement_made_on=D(2027, 1, 2), agreement_broken_on=D(2027, 4, 1))
    assert eligibility(D(2027, 3, 31), penalties=[broken]).eligible
    assert (
        eligibility(D(2027, 4, 1), penalties=[broken]).code == "compliance.eligibility.in_default"
    )


def test_eligible_again_only_when_the_ban_is_over_and_the_amp_is_paid():
    ban = BanRecord(D(2026, 11, 24), Ban(1))
    penalty = PenaltyRecord(DUE)
    assert eligibility(D(2027, 6, 1), bans=[ban], penalties=[penalty]).code == (
        "compliance.eligibility.banned_and_in_default"
    )
    assert eligibility(D(2027, 12, 1), bans=[ban], penalties=[penalty]).code == (
        "compliance.eligibility.in_default"
    )
    paid = PenaltyRecord(DUE, paid_in_full_on=D(2027, 1, 2))
    assert (
        eligibility(D(2027, 6, 1), bans=[ban], penalties=[paid]).code
        == "compliance.eligibility.banned"
    )
    assert eligibility(D(2027, 12, 1), bans=[ban], penalties=[paid]).eligible
