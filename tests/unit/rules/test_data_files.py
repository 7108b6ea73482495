import json
from pathlib import Path

import pytest

import portal.rules

RULES_DIR = Path(portal.rules.__file__).parent
DATA_FILES = sorted((RULES_DIR / "data").glob("*.json"))


def test_all_six_data_files_exist():
    assert [p.name for p in DATA_FILES] == [
        "codes.json",
        "compliance_regime.json",
        "medical_exam_countries.json",
        "noc2021.json",
        "reference.json",
        "travel_documents.json",
    ]


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_data_file_records_its_source_and_rules_date(path):
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert payload["source"].startswith("https://")
    assert payload["rules_date"] == "2026-11-24"


def test_runtime_modules_never_read_the_shared_research_folder():
    for module in [*RULES_DIR.glob("*.py"), *RULES_DIR.glob("compliance/*.py")]:
        source = module.read_text(encoding="utf-8")
        assert "shared" not in source.replace("shared research", ""), module.name
        assert "import flask" not in source.lower()
        assert "sqlalchemy" not in source.lower()
