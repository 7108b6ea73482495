"""The dashboard's search form. It is posted (never a GET form: a worker's name typed in it
would otherwise go into the address, the browser history and the access log); the criteria are
held on the server for the user (portal.services.held) and the page is then read with `?s=`, a
random token, and `page=`. The CSV export takes the same token."""

from __future__ import annotations

from flask import request
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal.employer.forms import DashboardForm
from portal.forms import options
from portal.i18n import current_language
from portal.rules.codes import employer_codes
from portal.services.held import forms as held
from portal.services.offers.queue import OfferQuery

CRITERIA = ("q", "status", "code", "sort", "order")


def dashboard_form() -> DashboardForm:
    """The posted search (POST), or the held search the address names (GET, `?s=`)."""
    if request.method == "POST":
        form = DashboardForm()
    else:
        criteria = held.held_search(user_id=current_user.id, token=request.args.get("s"))
        form = DashboardForm(formdata=None, data=criteria or {})
    lang = current_language()
    form.code.choices = options([("", str(_l("All")))] + [
        (c.key, c.label(lang)) for c in employer_codes()
    ])
    return form


def hold_search(form: DashboardForm) -> str:
    """Keep the posted criteria for the user; the token to put in the address."""
    criteria = {name: str(form[name].data or "") for name in CRITERIA}
    return held.hold_search(user_id=current_user.id, path=request.path, criteria=criteria)


def is_searching(form: DashboardForm) -> bool:
    return any(form[name].data for name in ("q", "status", "code"))


def dashboard_query(form: DashboardForm | None = None) -> OfferQuery:
    form = form or dashboard_form()
    if form.has_unsafe_input:  # refused (the message is by the field): search for nothing
        form = DashboardForm(formdata=None)
    page = request.args.get("page", "1")
    return OfferQuery(
        search=(form.q.data or "")[:100],
        status=form.status.data or "",
        code=form.code.data or "",
        sort=form.sort.data or "updated",
        descending=(form.order.data or "desc") != "asc",
        page=int(page) if page.isdigit() and len(page) < 7 else 1,
    )
