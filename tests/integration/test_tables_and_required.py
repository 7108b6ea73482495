"""Markup the validators flagged (issue 13 items 22 and 26): every table has a caption and its
own scroll container (so a wide table never makes the page scroll sideways at 375 px), and a
required field says so once (`required`, not also `aria-required`)."""

from __future__ import annotations

import re

from portal.extensions import db
from tests.admin_helpers import admin_client
from tests.factories import EmployerFactory, OfferFactory
from tests.offers_helpers import complete_draft

_TABLE = re.compile(r"<table[^>]*>(.*?)</table>", re.S)


def table_problems(html: str, where: str) -> list[str]:
    problems = []
    for match in _TABLE.finditer(html):
        if "<caption" not in match.group(1):
            problems.append(f"{where}: a table without a caption")
        before = html[:match.start()].rstrip()
        if not re.search(r'<div class="table-scroll"[^>]*>$', before):
            problems.append(f"{where}: a table outside a scroll container")
    return problems


def test_tables_have_captions_and_scroll_containers(app, client, signed_in):
    draft = complete_draft(signed_in)
    pages = {path: client.get(path).get_data(as_text=True) for path in (
        "/employer/", f"/employer/offers/{draft.id}/pay", "/employer/team", "/exemption-codes",
        "/employer/history", "/non-compliant-employers", "/employer/webhooks",
        "/noc?q=engineer")}
    officer = admin_client(app)
    employer = EmployerFactory()
    OfferFactory(employer=employer)
    db.session.commit()
    for path in ("/admin/audit", f"/admin/employers/{employer.id}", "/admin/employers",
                 "/admin/decisions/", "/admin/email"):
        pages[path] = officer.get(path).get_data(as_text=True)
    assert sum(page.count("<table") for page in pages.values()) >= 8
    problems = [p for path, html in pages.items() for p in table_problems(html, path)]
    assert problems == []


def test_required_fields_are_marked_once(client):
    for path in ("/sign-in", "/register", "/verify-offer", "/work-permit/apply"):
        html = client.get(path).get_data(as_text=True)
        assert " required" in html, path
        assert "aria-required" not in html, path
