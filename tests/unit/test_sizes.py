"""The house stays legible (GUIDE.md, issue 11): no module over 400 lines, no view over 40 lines,
no function over 60 lines, unless the `def` line gives its reason in a `# size:` comment.

A view is a function a route decorator registers (`@bp.route`, `@bp.get`, ...). Lengths count
from the `def` line to the function's last line (decorators not counted, the docstring counted).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PORTAL = Path(__file__).resolve().parents[2] / "portal"
MODULE_LINES, VIEW_LINES, FUNCTION_LINES = 400, 40, 60
ROUTE_DECORATORS = {"route", "get", "post", "put", "patch", "delete"}


def portal_modules() -> list[Path]:
    """Every module of the portal but the reference data's build scripts (run by hand)."""
    return [path for path in sorted(PORTAL.rglob("*.py"))
            if not path.is_relative_to(PORTAL / "rules" / "data")]


def _is_view(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute)
               and d.func.attr in ROUTE_DECORATORS for d in node.decorator_list)


def oversized(source: str) -> list[str]:
    """What in `source` is over its limit and does not say why."""
    lines = source.splitlines()
    found = []
    if len(lines) > MODULE_LINES:
        found.append(f"module: {len(lines)} lines")
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        limit, kind = (VIEW_LINES, "view") if _is_view(node) else (FUNCTION_LINES, "function")
        if length > limit and "# size:" not in lines[node.lineno - 1]:
            found.append(f"{kind} {node.name}: {length} lines")
    return found


def test_no_module_view_or_function_is_over_its_size():
    paths = portal_modules()
    assert len(paths) > 100
    found = [f"{path.relative_to(PORTAL.parent)}: {what}"
             for path in paths for what in oversized(path.read_text(encoding="utf-8"))]
    assert not found, found


def _function(lines: int, *, decorator: str = "", reason: str = "") -> str:
    body = "".join(f"    x = {n}\n" for n in range(lines - 1))
    return f"{decorator}def f():{reason}\n{body}"


@pytest.mark.parametrize(
    ("source", "count"),
    [
        (_function(60), 0),
        (_function(61), 1),
        (_function(40, decorator="@bp.route('/')\n"), 0),
        (_function(41, decorator="@bp.post('/')\n"), 1),
        (_function(61, reason="  # size: one table of cases, read top to bottom"), 0),
        ("x = 1\n" * 401, 1),
    ],
)
def test_the_size_check_itself(source, count):
    assert len(oversized(source)) == count
