"""The dashboard's search form, read from the query string (shared by the page and the CSV)."""

from __future__ import annotations

from flask import request
from flask_babel import lazy_gettext as _l

from portal.employer.forms import DashboardForm
from portal.forms import options
from portal.i18n import current_language
from portal.rules.codes import employer_codes
from portal.services.offers.queue import OfferQuery


def dashboard_form() -> DashboardForm:
    form = DashboardForm(request.args)
    lang = current_language()
    form.code.choices = options([("", str(_l("All")))] + [
        (c.key, f"{c.key} – {c.name(lang)}") for c in employer_codes()
    ])
    return form


def dashboard_query(form: DashboardForm | None = None) -> OfferQuery:
    form = form or dashboard_form()
    page = request.args.get("page", "1")
    return OfferQuery(
        search=(form.q.data or "")[:100],
        status=form.status.data or "",
        code=form.code.data or "",
        sort=form.sort.data or "updated",
        descending=(form.order.data or "desc") != "asc",
        page=int(page) if page.isdigit() and len(page) < 7 else 1,
    )
