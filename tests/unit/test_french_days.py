"""Days written out in both languages, the first of the month as "1er" in French (issue 13
item 18): one helper for the pages, the rules' messages, the emails and the PDF."""

from __future__ import annotations

from datetime import UTC, date, datetime

from portal.catalogue import language, say
from portal.i18n import format_day
from portal.rules.messages import Day, Message
from portal.template_helpers import date_time, long_date


def test_first_of_the_month_is_an_ordinal_in_french_only():
    assert format_day(date(2026, 12, 1), "fr") == "1er décembre 2026"
    assert format_day(date(2026, 12, 11), "fr") == "11 décembre 2026"
    assert format_day(date(2026, 12, 1), "en") == "December 1, 2026"


def test_page_filters_write_the_first_as_1er(app):
    with app.test_request_context(), language("fr"):
        assert long_date(date(2027, 3, 1)) == "1er mars 2027"
        assert date_time(datetime(2027, 3, 1, 17, tzinfo=UTC)).startswith("1er mars 2027")
    with app.test_request_context(), language("en"):
        assert long_date(date(2027, 3, 1)) == "March 1, 2027"


def test_rules_messages_write_the_first_as_1er(app):
    message = Message.of("compliance.scope.permit_before_regime", start=Day(date(2015, 12, 1)))
    with app.test_request_context():
        with language("fr"):
            assert "1er décembre 2015" in say(message)
        with language("en"):
            assert "December 1, 2015" in say(message)
