"""The types are checked (ARCHITECTURE.md): mypy, configured in pyproject.toml, passes on
portal/ (strict on portal.rules and portal.services, a baseline elsewhere), and on the tests'
and benchmarks' annotated helpers. bin/test runs it too;
running it here makes every landing's suite check it. The cache (.mypy_cache) keeps reruns fast.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_passes():
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
