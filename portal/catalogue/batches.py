"""What the batch services say (portal.services.batches): why a file or a cell is refused, and
the columns' headers in each language. French: fr/LC_MESSAGES/batches.po.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from portal.services.batches.columns import COLUMN_KEYS

BATCHES: dict[str, LazyString] = {
    "batch.not_found": _l("Batch not found."),
    "batch.file.empty": _l("The file is empty: it needs the header row and at least one row "
                           "of offers."),
    "batch.file.too_large": _l("The file is larger than %(limit)s MB. Split it into smaller "
                               "files."),
    "batch.file.too_large_expanded": _l("The workbook expands to more than %(limit)s MB once "
                                        "opened. Save it again with only the template's sheet, "
                                        "or upload it as a CSV file."),
    "batch.file.too_many_rows": _l("The file has more than %(limit)s rows of offers. Split it "
                                   "into several files."),
    "batch.file.type": _l("The file must be a CSV file (.csv) or an Excel workbook (.xlsx)."),
    "batch.file.encoding": _l("The CSV file is not in UTF-8. In your spreadsheet, save it as "
                              "\"CSV UTF-8\" and upload it again."),
    "batch.file.missing_columns": _l("These columns are missing from the header row: "
                                     "%(columns)s. Start from the template."),
    "batch.file.extra_columns": _l("These columns are not in the template: %(columns)s. Remove "
                                   "them or start from the template."),
    "batch.file.extra_cells": _l("Row %(row)s has values beyond the template's columns. Remove "
                                 "them."),
    "batch.row.duplicate": _l("This row is the same as row %(row)s. Remove one of them."),
    "batch.rows_invalid": _l("Some rows have errors. Fix them and upload the file again, or "
                             "choose to leave those rows out."),
    "batch.nothing_to_create": _l("No row of this batch can become an offer: fix the errors "
                                  "and upload the file again."),
    "batch.cell.characters": _l("Remove the control or text-direction characters from this "
                                "cell."),
    "batch.cell.date": _l("Enter the date as year-month-day, for example 2027-03-01."),
    "batch.cell.number": _l("Enter a number, for example 32.50."),
    "batch.cell.range": _l("Enter a number from %(low)s to %(high)s."),
    "batch.cell.too_long": _l("Enter at most %(limit)s characters."),
    "batch.cell.sex": _l("Enter F, M or X."),
    "batch.cell.country": _l("Enter the country's two-letter code, for example FR."),
    "batch.cell.province": _l("Enter the province's two-letter code, for example ON."),
    "batch.cell.noc": _l("Enter the 5 digits of the NOC code."),
    "batch.cell.uci": _l("Enter the UCI as 8 or 10 digits."),
    "batch.cell.yes_no": _l("Enter yes or no."),
    "batch.cell.wage_unit": _l("Enter hour, week, month or year."),
    "batch.cell.answers": _l("Enter the answers as question=answer pairs separated by "
                             "semicolons, for example job_offer_date=2027-01-15."),
}

COLUMN_LABELS: dict[str, LazyString] = {
    "worker_family_name": _l("Family name"),
    "worker_given_names": _l("Given names"),
    "worker_sex": _l("Sex (F, M or X)"),
    "worker_date_of_birth": _l("Date of birth (YYYY-MM-DD)"),
    "worker_country_of_birth": _l("Country of birth (code)"),
    "worker_citizenship": _l("Country of citizenship (code)"),
    "worker_residence_country": _l("Country of residence (code)"),
    "worker_passport_number": _l("Passport number"),
    "worker_passport_expiry": _l("Passport expiry date (YYYY-MM-DD)"),
    "worker_uci": _l("UCI"),
    "job_title": _l("Job title"),
    "noc_code": _l("NOC 2021 code"),
    "duties": _l("Main duties"),
    "location_address": _l("Work location address"),
    "location_city": _l("Work location city"),
    "location_province": _l("Work location province (code)"),
    "location_postal_code": _l("Work location postal code"),
    "start_date": _l("Start date (YYYY-MM-DD)"),
    "end_date": _l("End date (YYYY-MM-DD)"),
    "full_time": _l("Full time (yes or no)"),
    "hours_per_week": _l("Hours per week"),
    "wage": _l("Wage (dollars)"),
    "wage_unit": _l("Wage paid per (hour, week, month or year)"),
    "vacation": _l("Vacation"),
    "benefit_health": _l("Health insurance (yes or no)"),
    "benefit_dental": _l("Dental insurance (yes or no)"),
    "benefit_pension": _l("Pension plan (yes or no)"),
    "benefit_disability": _l("Disability insurance (yes or no)"),
    "benefits_other": _l("Other benefits"),
    "code_key": _l("LMIA exemption code"),
    "explanation": _l("How the job meets the exemption"),
    "code_answers": _l("Answers to the code's questions"),
}
assert set(COLUMN_LABELS) == set(COLUMN_KEYS)  # one label per column


def column_label(key: str | None) -> str:
    """A column's header in the current language ("" for the whole row)."""
    return str(COLUMN_LABELS[key]) if key in COLUMN_LABELS else ""


def headers(lang: str) -> list[str]:
    """The template's header row in `lang`."""
    with force_locale(lang):
        return [str(COLUMN_LABELS[key]) for key in COLUMN_KEYS]


def header_aliases() -> dict[str, str]:
    """Every header people may write (English, French or the key), as the file reader
    compares them (spacing and case aside), to its column key."""
    aliases = {key.casefold(): key for key in COLUMN_KEYS}
    for lang in ("en", "fr"):
        with force_locale(lang):
            aliases.update({" ".join(str(label).split()).casefold(): key
                            for key, label in COLUMN_LABELS.items()})
    return aliases


def missing_columns_text(params: Mapping[str, str]) -> str:
    """The missing columns named by their headers in the current language (the service names
    their keys)."""
    columns = ", ".join(column_label(key) for key in params["columns"].split(","))
    return str(BATCHES["batch.file.missing_columns"]) % {"columns": columns}
