"""The layers are enforced, not only described (ARCHITECTURE.md).

The import rules are import-linter contracts in pyproject.toml (`lint-imports`, run by bin/test
and by this module, so every landing's suite checks them):
- imports only go downwards: edges (blueprints, cli, api, jobs) -> what the edges share ->
  services -> rules and models -> database, extensions, clock;
- each area's blueprint stands alone: areas do not import one another;
- portal.rules imports neither Flask nor the database nor the rest of the portal;
- services do not import Flask (request, session, g, current_app) nor forms: they take plain
  values;
- the edges (blueprints, API, queue tasks, command line) import neither SQLAlchemy nor the
  database, and no models but their enums;
- the service packages depend on one another without cycles.

What an import graph cannot see is checked here on the source text:
- services never commit or roll back by hand: each use case's one commit point is
  `with write_transaction():` (portal/database.py);
- no module of a blueprint (routes, forms, helpers) queries or writes: no db.session, select()
  or .query;
- an area has one name: portal/<area>/ holds the blueprint named <area>, templates/<area>/ its
  pages and tests/integration/<area>/ its tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PORTAL = ROOT / "portal"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def blueprint_areas() -> list[Path]:
    """Every package under portal/ that defines a Flask blueprint (an area users see)."""
    areas = [init.parent for init in PORTAL.glob("*/__init__.py")
             if "Blueprint(" in init.read_text(encoding="utf-8")]
    assert len(areas) >= 8
    return areas


def blueprint_modules() -> list[Path]:
    """Every module of every blueprint: routes, forms and their helpers."""
    return [path for area in blueprint_areas() for path in area.rglob("*.py")]


def lint_imports(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", *args], cwd=cwd,
                          env={"PYTHONPATH": str(cwd)}, capture_output=True, text=True,
                          check=False)


def test_the_import_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_contracts_name_every_blueprint_area():
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for area in blueprint_areas():
        assert config.count(f'"portal.{area.name}"') >= 2, area.name  # both edge contracts
        assert f"portal.{area.name} |" in config or f"| portal.{area.name}" in config, area.name


def test_each_area_has_one_name_in_portal_templates_and_tests():
    for area in blueprint_areas():
        source = (area / "__init__.py").read_text(encoding="utf-8")
        assert f'Blueprint("{area.name}"' in source, area.name
        assert (ROOT / "templates" / area.name).is_dir(), area.name
        assert list((ROOT / "tests" / "integration" / area.name).glob("test_*.py")), area.name


def test_services_commit_only_through_the_write_transaction():
    paths = list((PORTAL / "services").rglob("*.py"))
    assert paths
    bad = []
    for path in paths:
        source = path.read_text(encoding="utf-8")
        for needle in ("session.commit(", "session.rollback(", "begin_write(", "_begin_write("):
            if needle in source:
                bad.append(f"{path.relative_to(ROOT)} calls {needle}")
    assert not bad, bad


def test_blueprints_do_not_query_or_write():
    paths = blueprint_modules()
    assert any(path.parent.name == "routes" for path in paths)
    bad = []
    for path in paths:
        source = path.read_text(encoding="utf-8")
        for needle in ("db.session", "select(", ".query."):
            if needle in source:
                bad.append(f"{path.relative_to(ROOT)} uses {needle}")
    assert not bad, bad


AREAS = ("admin", "api_keys", "auth", "batches", "codes", "employer", "offers", "outbox",
         "public", "registry", "teams", "webhooks", "worker")


def fake_portal(root: Path, modules: dict[str, str]) -> None:
    """A stand-in `portal` package in `root`: every area, rules and models, plus `modules`."""
    files = {"__init__": "", "rules/__init__": "", "models/__init__": "", "models/enums": "",
             "models/offer": "", "services/__init__": "", "catalogue/__init__": "", "i18n": "",
             "extensions": "", "database": "", "api/__init__": "", "jobs/__init__": "", "cli": "",
             "offers/sections": "from portal.models import Offer\n",
             **{f"{area}/__init__": "" for area in AREAS}, **modules}
    for name, source in files.items():
        path = root / "portal" / f"{name}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)


@pytest.mark.parametrize(
    ("contract", "module", "source", "kept"),
    [
        ("rules-pure", "rules/fees", "from flask import request\n", False),
        ("rules-pure", "rules/fees", "import sqlalchemy.orm\n", False),
        ("rules-pure", "rules/fees", "from portal.models import offer\n", False),
        ("rules-pure", "rules/fees", "import decimal\n", True),
        ("edges-enums-only", "offers/views", "from portal.models.offer import Offer\n", False),
        ("edges-enums-only", "offers/views", "from portal.models import Offer\n", False),
        ("edges-enums-only", "offers/views", "from portal.models.enums import OfferStatus\n",
         True),
    ],
)
def test_the_contracts_catch_what_they_forbid(tmp_path, contract, module, source, kept):
    fake_portal(tmp_path, {module: source})
    config = tmp_path / "pyproject.toml"
    config.write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    result = lint_imports(tmp_path, "--contract", contract, "--config", str(config))
    assert (result.returncode == 0) is kept, result.stdout + result.stderr
