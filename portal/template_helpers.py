"""Filters and globals the templates share (money, dates, business numbers)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from babel.numbers import format_currency, format_decimal
from flask import Flask, current_app

from portal import clock
from portal.catalogue import say, say_stored
from portal.catalogue.inspections import condition_label, justification_label
from portal.catalogue.labels import category_label, travel_document_label
from portal.i18n import babel_locale, current_language, format_day, french_first, one_period
from portal.models.enums import (
    ApplicationStatus,
    FeeStatus,
    InspectionState,
    MemberRole,
    OfferStatus,
    Permission,
)
from portal.rules.codes import shown_code
from portal.rules.countries import country_name, province_name


def money(cents: int | None) -> str:
    """Cents as Canadian dollars in the user's language: $230.00 / 230,00 $."""
    if cents is None:
        return ""
    locale = "fr_CA" if current_language() == "fr" else "en_CA"
    return format_currency(cents / 100, "CAD", locale=locale)


def whole_number(value: int | None) -> str:
    """A whole number with the reader's digit grouping: 1,200 / 1 200."""
    if value is None:
        return ""
    return format_decimal(value, locale="fr_CA" if current_language() == "fr" else "en_CA")


def decimal(value: Decimal | float | int | None) -> str:
    """A number as the reader writes it, without trailing zeros: 37.5 / 37,5 (never 37.50)."""
    if value is None:
        return ""
    return format_decimal(value, format="#,##0.###", locale=babel_locale())


def long_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(ZoneInfo(current_app.config["DISPLAY_TIMEZONE"])).date()
    return format_day(value)


def date_time(value: datetime | None) -> str:
    if value is None:
        return ""
    locale = "fr_CA" if current_language() == "fr" else "en_CA"
    tz = ZoneInfo(current_app.config["DISPLAY_TIMEZONE"])
    text: str = format_datetime(value, format="medium", tzinfo=tz, locale=locale)
    return french_first(text) if current_language() == "fr" else text


def file_size(size: int | None) -> str:
    """A file's size as people read it: 200 bytes, 4.5 KB, 1.2 MB (200 octets, 4,5 Ko, 1,2 Mo)."""
    if size is None:
        return ""
    french = current_language() == "fr"
    locale = "fr_CA" if french else "en_CA"
    if size < 1024:
        unit = ("octet" if french else "byte") + ("" if size == 1 else "s")
        return f"{format_decimal(size, locale=locale)} {unit}"
    if size < 1024 * 1024:
        unit, scale = ("Ko" if french else "KB"), 1024
    else:
        unit, scale = ("Mo" if french else "MB"), 1024 * 1024
    return f"{format_decimal(size / scale, format='#,##0.#', locale=locale)}\u00a0{unit}"


def country_label(code: str | None) -> str:
    return country_name(code, current_language()) if code else ""


def province_label(code: str | None) -> str:
    return province_name(code, current_language()) if code else ""


def code_label(key: str | None) -> str:
    return shown_code(key, current_language()) if key else ""


def simulated_day() -> tuple[date, date] | None:
    """(simulated date, real date) while the sandbox clock runs ahead (the banner says so)."""
    today, real = clock.today(), clock.real_now().date()
    return (today, real) if today != real else None


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(
        money=money, long_date=long_date, date_time=date_time, file_size=file_size,
        whole_number=whole_number, decimal=decimal, one_period=one_period,
    )
    app.jinja_env.globals.update(
        say=say,
        say_stored=say_stored,
        simulated_day=simulated_day,
        category_label=category_label,
        province_name=province_label,
        country_label=country_label,
        code_label=code_label,
        travel_document_label=travel_document_label,
        # Templates compare these enums' members (never bare strings) and show their labels.
        OfferStatus=OfferStatus,
        FeeStatus=FeeStatus,
        ApplicationStatus=ApplicationStatus,
        MemberRole=MemberRole,
        Permission=Permission,
        InspectionState=InspectionState,
        condition_label=condition_label,
        justification_label=justification_label,
    )
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
