"""Building batch spreadsheets for the batch tests: rows a user would type in the template."""

from __future__ import annotations

import csv
import io
from datetime import date

from portal.services.batches.columns import COLUMN_KEYS


def good_row(index: int = 1, **changes: str) -> dict[str, str]:
    """A row that becomes a ready C10 offer (worker `index` is a different person)."""
    start = date(date.today().year + 1, 3, 1)
    row = {
        "worker_family_name": f"Dupont{index}", "worker_given_names": "Marie",
        "worker_sex": "F", "worker_date_of_birth": "1990-04-25",
        "worker_country_of_birth": "FR", "worker_citizenship": "FR",
        "worker_residence_country": "FR", "worker_passport_number": f"18AV{index:05d}",
        "worker_passport_expiry": f"{start.year + 5}-01-01", "worker_uci": "",
        "job_title": "Exhibition designer", "noc_code": "52120",
        "duties": "Design the touring exhibition.", "location_address": "100 Queen Street",
        "location_city": "Ottawa", "location_province": "ON", "location_postal_code": "K1P 1J9",
        "start_date": start.isoformat(), "end_date": f"{start.year + 2}-02-28",
        "full_time": "yes", "hours_per_week": "40", "wage": "45.00", "wage_unit": "hour",
        "vacation": "", "benefit_health": "yes", "benefit_dental": "no", "benefit_pension": "",
        "benefit_disability": "", "benefits_other": "", "code_key": "C10",
        "explanation": "Lead designer of a touring exhibition: a significant cultural benefit.",
        "code_answers": "",
    }
    row.update(changes)
    return row


def csv_bytes(rows: list[dict[str, str]], header: list[str] | None = None, *,
              bom: bool = False) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header or list(COLUMN_KEYS))
    for row in rows:
        writer.writerow([row.get(key, "") for key in COLUMN_KEYS])
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")
