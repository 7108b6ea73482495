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
