"""The layers are enforced, not only described (ARCHITECTURE.md):

- portal/rules imports neither Flask nor the database nor the rest of the portal;
- services do not import Flask (request, session, g, current_app): they take plain values;
- services never commit or roll back by hand: each use case's one commit point is
  `with write_transaction():` (portal/database.py);
- no module of a blueprint (routes, forms, helpers) queries or writes: no db, no sqlalchemy,
  no session use;
- an area has one name: portal/<area>/ holds the blueprint named <area>, templates/<area>/ its
  pages and tests/integration/<area>/ its tests.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PORTAL = Path(__file__).resolve().parents[2] / "portal"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def violations(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in paths:
        for name in imported_modules(path):
            if any(name == bad or name.startswith(bad + ".") for bad in forbidden):
                found.append(f"{path.relative_to(PORTAL.parent)} imports {name}")
    return found


def blueprint_areas() -> list[Path]:
    """Every package under portal/ that defines a Flask blueprint (an area users see)."""
    areas = [init.parent for init in PORTAL.glob("*/__init__.py")
             if "Blueprint(" in init.read_text(encoding="utf-8")]
    assert len(areas) >= 8
    return areas


def blueprint_modules() -> list[Path]:
    """Every module of every blueprint: routes, forms and their helpers."""
    return [path for area in blueprint_areas() for path in area.rglob("*.py")]


def test_each_area_has_one_name_in_portal_templates_and_tests():
    root = PORTAL.parent
    for area in blueprint_areas():
        source = (area / "__init__.py").read_text(encoding="utf-8")
        assert f'Blueprint("{area.name}"' in source, area.name
        assert (root / "templates" / area.name).is_dir(), area.name
        assert list((root / "tests" / "integration" / area.name).glob("test_*.py")), area.name


def test_rules_are_pure_python():
    paths = list((PORTAL / "rules").rglob("*.py"))
    assert paths
    bad = violations(
        paths,
        ("flask", "flask_sqlalchemy", "flask_babel", "flask_login", "sqlalchemy", "werkzeug",
         "portal.models", "portal.services", "portal.extensions", "portal.database"),
    )
    assert not bad, bad


def test_services_do_not_touch_flask_requests():
    paths = list((PORTAL / "services").rglob("*.py"))
    assert paths
    bad = violations(paths, ("flask", "flask_login", "werkzeug"))
    bad += violations(paths, tuple(f"portal.{area.name}" for area in blueprint_areas()))
    assert not bad, bad


def test_services_commit_only_through_the_write_transaction():
    paths = list((PORTAL / "services").rglob("*.py"))
    bad = []
    for path in paths:
        source = path.read_text(encoding="utf-8")
        for needle in ("session.commit(", "session.rollback(", "begin_write(", "_begin_write("):
            if needle in source:
                bad.append(f"{path.relative_to(PORTAL.parent)} calls {needle}")
    assert not bad, bad


def test_blueprints_do_not_query_or_write():
    paths = blueprint_modules()
    assert any(path.parent.name == "routes" for path in paths)
    bad = violations(paths, ("sqlalchemy", "flask_sqlalchemy", "portal.extensions.db",
                             "portal.database"))
    for path in paths:
        source = path.read_text(encoding="utf-8")
        for needle in ("db.session", "select(", ".query."):
            if needle in source:
                bad.append(f"{path.relative_to(PORTAL.parent)} uses {needle}")
    assert not bad, bad


@pytest.mark.parametrize(
    ("source", "forbidden", "caught"),
    [
        ("from flask import request\n", ("flask",), True),
        ("import sqlalchemy.orm\n", ("sqlalchemy",), True),
        ("from portal.extensions import db\n", ("portal.extensions.db",), True),
        ("from portal.rules import fees\n", ("flask",), False),
    ],
)
def test_the_checker_itself_catches_imports(tmp_path, source, forbidden, caught):
    module = PORTAL / "_layer_probe_tmp.py"
    probe = tmp_path / "probe.py"
    probe.write_text(source)
    names = imported_modules(probe)
    hit = any(n == bad or n.startswith(bad + ".") for n in names for bad in forbidden)
    assert hit is caught
    assert not module.exists()
