"""`flask translate check` finds what French readers would see in English: a msgid with no
entry, a fuzzy entry, or a translation whose placeholders do not match (extract + update, as
pybabel does). It reads the whole portal, the catalogue of the rules' codes included."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal import translation_check
from portal.catalogue import ENTRIES

PO = '''msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

msgid "Translated"
msgstr "Traduit"

#, fuzzy
msgid "Fuzzy one"
msgstr "Flou"

#, python-format
msgid "Hello %(name)s"
msgstr "Bonjour %(nom)s"

msgid "In a template"
msgstr "Dans un gabarit"

msgid "Gone from the code"
msgstr "Disparu du code"
'''


@pytest.fixture
def small_portal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "portal" / "services").mkdir(parents=True)
    (tmp_path / "templates").mkdir()
    (tmp_path / "portal" / "services" / "things.py").write_text(
        "from flask_babel import gettext as _, lazy_gettext as _l\n"
        "A = _l('Translated')\nB = _l('Forgotten')\nC = _('Fuzzy one')\n"
        "D = _('Hello %(name)s', name='x')\n",
        encoding="utf-8",
    )
    (tmp_path / "templates" / "page.html").write_text(
        '<p>{{ _("In a template") }}</p>', encoding="utf-8"
    )
    po = tmp_path / "area.po"
    po.write_text(PO, encoding="utf-8")
    monkeypatch.setattr(translation_check, "ROOT", tmp_path)
    monkeypatch.setattr(translation_check, "catalogue_files", lambda lang: [po])
    return tmp_path


def test_missing_fuzzy_and_broken_entries_are_reported(small_portal):
    problems = dict(translation_check.missing_translations("fr"))
    assert set(problems) == {"Forgotten", "Fuzzy one", "Hello %(name)s"}
    assert "placeholder" in problems["Hello %(name)s"]
    assert problems["Forgotten"].startswith("portal/services/things.py:")


def test_a_complete_catalogue_passes(small_portal):
    po = small_portal / "area.po"
    po.write_text(
        PO.replace("#, fuzzy\n", "").replace("%(nom)s", "%(name)s")
        + '\nmsgid "Forgotten"\nmsgstr "Oublié"\n',
        encoding="utf-8",
    )
    assert translation_check.missing_translations("fr") == []


def test_the_check_reads_the_catalogue_of_the_rules_codes():
    extracted = translation_check.extract_msgids()
    assert ENTRIES["CODE-MISSING"]._args[0] in extracted
    assert ENTRIES["gss.eligible"]._args[0] in extracted


def test_rules_and_services_make_no_text_they_return_codes():
    assert translation_check.text_outside_catalogue() == []


def test_text_made_in_rules_or_services_is_reported(tmp_path, monkeypatch):
    (tmp_path / "portal" / "services" / "outbox").mkdir(parents=True)
    (tmp_path / "portal" / "rules").mkdir(parents=True)
    (tmp_path / "portal" / "services" / "things.py").write_text(
        "from flask_babel import lazy_gettext as _l\n"
        "from portal.rules.messages import Message\n"
        "A = Message.of('thing.code')\nB = _l('Worded here')\n",
        encoding="utf-8",
    )
    (tmp_path / "portal" / "rules" / "pure.py").write_text(
        "import flask_babel\nC = flask_babel.gettext('Also here')\n", encoding="utf-8"
    )
    # The outbox renders the email templates, an edge: its gettext is allowed.
    (tmp_path / "portal" / "services" / "outbox" / "messages.py").write_text(
        "from flask_babel import gettext, ngettext\n", encoding="utf-8"
    )
    monkeypatch.setattr(translation_check, "ROOT", tmp_path)
    assert translation_check.text_outside_catalogue() == [
        ("portal/rules/pure.py:2", "gettext(...)"),
        ("portal/services/things.py:1", "from flask_babel import lazy_gettext"),
        ("portal/services/things.py:4", "_l(...)"),
    ]
