import datetime as dt

import pytest

from portal.rules.compliance.deadlines import (
    Channel,
    NoticeKind,
    deemed_received_on,
    earliest_final_determination,
    inspection_request_deadline,
    inspection_window,
    is_short_track,
    offer_in_scope,
    payment_deadline,
    preliminary_finding_deadline,
)
from portal.rules.compliance.interpretation_act import (
    add_months,
    add_years,
    days_after,
    easter_sunday,
    is_holiday,
    next_non_holiday,
)

D = dt.date


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2016, D(2016, 3, 27)),
        (2019, D(2019, 4, 21)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2038, D(2038, 4, 25)),
    ],
)
def test_easter(year, easter):
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 18),
        D(2026, 7, 1),
        D(2026, 9, 7),
        D(2026, 9, 30),
        D(2026, 10, 12),
        D(2026, 11, 11),
        D(2026, 12, 25),
        D(2026, 11, 29),
        D(2029, 7, 2),
    ],
)
def test_interpretation_act_holidays(day):
    assert is_holiday(day)


@pytest.mark.parametrize(
    "day",
    [D(2026, 11, 28), D(2026, 12, 26), D(2026, 8, 3), D(2020, 9, 30), D(2026, 11, 30)],
)
def test_not_holidays_saturdays_boxing_day_civic_holiday_truth_day_before_2021(day):
    assert not is_holiday(day)


def test_a_deadline_on_a_holiday_moves_to_the_next_day_that_is_not_one():
    assert next_non_holiday(D(2026, 4, 3)) == D(2026, 4, 4)  # Good Friday -> Saturday
    assert next_non_holiday(D(2026, 4, 5)) == D(2026, 4, 7)  # Easter Sunday, Easter Monday
    assert next_non_holiday(D(2026, 3, 10)) == D(2026, 3, 10)
    assert days_after(D(2026, 11, 19), 10) == D(2026, 11, 30)  # 29th is a Sunday


def test_years_and_months_follow_section_28():
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert add_years(D(2026, 11, 24), 5) == D(2031, 11, 24)
    assert add_months(D(2026, 3, 31), -1) == D(2026, 2, 28)
    assert add_months(D(2026, 11, 24), -12) == D(2025, 11, 24)


def test_nopf_is_deemed_received_10_days_after_sending_whatever_the_channel():
    sent = D(2026, 3, 2)
    for channel in Channel:
        assert deemed_received_on(NoticeKind.preliminary_finding, sent, channel=channel) == D(
            2026, 3, 12
        )
    assert deemed_received_on(NoticeKind.final_determination, sent) == D(2026, 3, 12)


def test_opening_letter_sent_electronically_is_received_the_day_it_is_sent():
    sent = D(2026, 3, 2)
    assert deemed_received_on(NoticeKind.inspection_request, sent) == sent
    mailed = deemed_received_on(NoticeKind.inspection_request, sent, channel=Channel.mail)
    assert mailed == D(2026, 3, 12)


def test_opening_letter_deadline_defaults_to_30_days_and_can_be_set():
    deadline = inspection_request_deadline(D(2026, 3, 2))
    assert (deadline.received_on, deadline.due_on, deadline.provision) == (
        D(2026, 3, 2),
        D(2026, 4, 1),
        "R9.3(2)",
    )
    assert inspection_request_deadline(D(2026, 3, 2), days=14).due_on == D(2026, 3, 16)


def test_nopf_response_is_due_40_days_after_sending():
    deadline = preliminary_finding_deadline(D(2026, 3, 2), items=[9])
    assert deadline.received_on == D(2026, 3, 12)
    assert deadline.due_on == D(2026, 4, 11)  # a Saturday is not a holiday
    assert deadline.provision == "R209.994(1)"


def test_nopf_deadline_on_easter_monday_moves_to_tuesday():
    deadline = preliminary_finding_deadline(D(2026, 2, 25), items=[9])
    assert deadline.due_on == D(2026, 4, 7)


def test_short_track_only_when_solely_about_items_18_to_23():
    assert is_short_track([18, 20])
    assert not is_short_track([18, 9])
    assert not is_short_track([])
    deadline = preliminary_finding_deadline(D(2026, 3, 2), items=[18])
    assert (deadline.received_on, deadline.due_on) == (D(2026, 3, 7), D(2026, 3, 12))
    assert deadline.provision == "R209.994(1.1)"


def test_officer_can_extend_the_response_period():
    deadline = preliminary_finding_deadline(D(2026, 3, 2), extended_to=D(2026, 5, 1))
    assert deadline.due_on == D(2026, 5, 1) and deadline.extended
    shorter = preliminary_finding_deadline(D(2026, 3, 2), extended_to=D(2026, 4, 1))
    assert shorter.due_on == D(2026, 4, 11) and not shorter.extended


def test_no_final_determination_before_the_response_period_ends():
    deadline = preliminary_finding_deadline(D(2026, 3, 2))
    assert earliest_final_determination(deadline) == D(2026, 4, 12)


def test_deadlines_follow_the_clock_passed_in():
    deadline = preliminary_finding_deadline(D(2026, 3, 2))
    assert deadline.days_left(D(2026, 3, 2)) == 40
    assert deadline.days_left(D(2026, 4, 11)) == 0 and not deadline.is_past(D(2026, 4, 11))
    assert deadline.is_past(D(2026, 4, 12))


def test_amp_is_due_30_days_after_the_nofd_is_received():
    deadline = payment_deadline(D(2026, 11, 24))
    assert deadline.received_on == D(2026, 12, 4)
    assert deadline.due_on == D(2027, 1, 4)  # January 3 is a Sunday
    assert payment_deadline(D(2026, 11, 24), items=[19]).received_on == D(2026, 11, 29)


def test_inspection_window_is_six_years_beginning_on_the_first_day_of_employment():
    window = inspection_window(D(2020, 1, 15))
    assert (window.opens_on, window.closes_on) == (D(2020, 1, 15), D(2026, 1, 14))
    assert window.contains(D(2026, 1, 14)) and not window.contains(D(2026, 1, 15))


def test_offer_in_scope():
    def scope(today, issued=None):
        return offer_in_scope(
            employment_starts_on=D(2020, 1, 15),
            permit_issued_on=issued or D(2020, 1, 2),
            today=today,
        ).code

    assert scope(D(2023, 1, 1)) == "compliance.scope.in_window"
    assert scope(D(2020, 1, 14)) == "compliance.scope.not_started"
    assert scope(D(2026, 1, 15)) == "compliance.scope.window_closed"
    assert scope(D(2023, 1, 1), issued=D(2013, 12, 30)) == "compliance.scope.permit_before_regime"
    assert offer_in_scope(
        employment_starts_on=D(2020, 1, 15), permit_issued_on=D(2013, 12, 31), today=D(2023, 1, 1)
    ).in_scope
