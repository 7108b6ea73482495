"""Public exemption-code pages: "Which exemption code fits?", the code catalogue, one page per
code, and the NOC 2021 search. Read-only: they call the rules and never touch the database."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from portal.access import public
from portal.catalogue.labels import category_label
from portal.codes import bp
from portal.codes.facts import code_facts
from portal.codes.forms import CatalogueFilterForm, FinderForm, NocSearchForm
from portal.i18n import current_language
from portal.rules.codes import all_codes, codes_by_category, get_code
from portal.rules.finder import suggest_codes
from portal.rules.noc import search_noc

NOC_RESULTS_LIMIT = 50


def _asked() -> bool:
    """Whether the query string carries answers (?lang alone is only a language choice)."""
    return any(key != "lang" for key in request.args)


@bp.route("/exemption-codes/finder")
@public
def find_code() -> ResponseReturnValue:
    asked = _asked()
    form = FinderForm(formdata=request.args if asked else None)
    result = suggest_codes(form.answers()) if asked and form.validate() else None
    return render_template(
        "codes/find_code.html", form=form, result=result, lang=current_language()
    )


@bp.route("/exemption-codes")
@public
def list_codes() -> ResponseReturnValue:
    form = CatalogueFilterForm(formdata=request.args if _asked() else None)
    if _asked():
        form.validate()
    chosen = form.selected_category()
    groups = codes_by_category(employer_only=bool(form.employer_only.data))
    shown = {cat: codes for cat, codes in groups.items() if chosen in (None, cat)}
    return render_template(
        "codes/list_codes.html",
        form=form,
        groups=shown,
        count=sum(len(codes) for codes in shown.values()),
        total=len(all_codes()),
        lang=current_language(),
    )


@bp.route("/exemption-codes/<key>")
@public
def show_code(key: str) -> ResponseReturnValue:
    entry = get_code(key)
    if entry is None:
        abort(404)
    if entry.key != key:  # "t36" or "C21" -> the code's own address
        return redirect(url_for("codes.show_code", key=entry.key), code=301)
    lang = current_language()
    return render_template(
        "codes/show_code.html",
        entry=entry,
        facts=code_facts(entry, lang),
        category=category_label(entry.category),
        lang=lang,
    )


@bp.route("/noc")
@public
def search_noc_groups() -> ResponseReturnValue:
    asked = _asked()
    form = NocSearchForm(formdata=request.args if asked else None)
    lang = current_language()
    groups = None
    if asked and form.validate():
        groups = search_noc(form.q.data, lang, limit=NOC_RESULTS_LIMIT)
    return render_template(
        "codes/search_noc_groups.html",
        form=form,
        groups=groups,
        limit=NOC_RESULTS_LIMIT,
        lang=lang,
    )
