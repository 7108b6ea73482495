"""The API end to end, against the portal served for real (tests/live_portal.py: gunicorn on a
database built by the migrations, on SQLite or, with TEST_DATABASE_URL, PostgreSQL): the
README's curl walk-through run as written, examples/api_quickstart.py, and schemathesis over
every operation of /api/v1/openapi.json (examples, coverage, fuzzing, and the stateful walk
along its links) with no server error and no answer outside the document."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.live_portal import OTHER_EMPLOYER, ROOT, VENV_BIN, LivePortal, live_portal

STATEFUL = re.compile(
    r"Scenarios:\s+(?P<scenarios>\d+)\s+API Links:\s+(?P<links>\d+) covered[^\n]*")
CONFIG = ROOT / "tests" / "api" / "schemathesis.toml"  # the stateful walk's scenarios and steps
README_BLOCK = re.compile(r"<!-- api-walkthrough -->\n```sh\n(?P<script>.*?)```", re.S)
# Server errors and answers the document does not describe (status, content type, headers,
# body): the checks that must find nothing.
CHECKS = ("not_a_server_error,status_code_conformance,content_type_conformance,"
          "response_headers_conformance,response_schema_conformance")


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    with live_portal(tmp_path_factory.mktemp("live")) as served:
        yield served


def _run(portal: LivePortal, command: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=kwargs.pop("cwd", ROOT), capture_output=True,
                            text=True, timeout=600, check=False, **kwargs)
    assert result.returncode == 0, (
        f"{command[0]} exited {result.returncode}:\n{result.stdout[-4000:]}\n"
        f"{result.stderr[-4000:]}\nportal log:\n{portal.log_tail()}")
    return result


def test_the_readme_walkthrough_runs_as_written(portal):
    if not (shutil.which("curl") and shutil.which("python3")):
        pytest.fail("curl and python3 are needed to run the README's API walk-through")
    script = README_BLOCK.search((ROOT / "README.md").read_text())["script"]
    pdf = ROOT / "offer.pdf"
    try:
        result = _run(portal, ["bash", "-e", "-o", "pipefail", "-c", script],
                      env={**portal.env, "PORTAL": portal.base_url})
        answers = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        me, *sections, validation, payment = answers
        assert me["employer"]["legal_name"] == "Maple Software Solutions Inc."
        assert len(sections) == 5 and sections[-1]["attestations"]["attestations"]
        assert validation["ready"] is True and validation["blocking"] == []
        assert validation["fee"]["amount_cents"] == 23000
        assert payment["payment"]["result"] == "succeeded"
        assert payment["payment"]["card_last4"] == "4242"
        assert payment["offer"]["status"] == "pending"
        assert re.fullmatch(r"A\d{7}", payment["offer"]["number"])
        assert pdf.read_bytes().startswith(b"%PDF")
    finally:
        pdf.unlink(missing_ok=True)


def test_the_quickstart_takes_an_offer_to_its_number_and_verifies_it(portal, tmp_path):
    result = _run(portal, [sys.executable, str(ROOT / "examples" / "api_quickstart.py"),
                           portal.base_url, portal.make_key()], cwd=tmp_path)
    number = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"A\d{7}", number)
    assert "Verified as the worker: Maple Software" in result.stdout
    assert (tmp_path / f"offer-{number}.pdf").read_bytes().startswith(b"%PDF")


def test_the_quickstart_says_what_failed(portal, tmp_path):
    read_only = portal.make_key(OTHER_EMPLOYER, scopes="read")
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "api_quickstart.py"), portal.base_url,
         read_only], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "POST /api/v1/offers: 403" in result.stderr and "scope.missing" in result.stderr


def _stateful_walk(report_dir) -> tuple[int, set[str]]:
    """From schemathesis's NDJSON report: the stateful phase's scenarios, and the links it
    followed whose target answered 2xx."""
    scenarios, followed = 0, set()
    for line in next(report_dir.glob("ndjson-*.ndjson")).read_text().splitlines():
        finished = json.loads(line).get("ScenarioFinished")
        if not finished or finished["phase"] != "stateful":
            continue
        scenarios += 1
        recorder = finished["recorder"]
        for case_id, case in recorder.get("cases", {}).items():
            response = recorder.get("interactions", {}).get(case_id, {}).get("response") or {}
            if case.get("transition") and case.get("is_transition_applied") \
                    and 200 <= response.get("status_code", 0) < 300:
                followed.add(case["transition"]["id"].split(" -> ")[-2].split("] ")[-1])
    return scenarios, followed


def test_schemathesis_finds_no_server_error_and_no_answer_outside_the_document(
        portal, tmp_path):
    reports = tmp_path / "reports"
    examples = os.environ.get("SCHEMATHESIS_MAX_EXAMPLES")
    result = _run(portal, [
        str(VENV_BIN / "schemathesis"), "--config-file", str(CONFIG), "run",
        f"{portal.base_url}/api/v1/openapi.json",
        "--header", f"Authorization: Bearer {portal.make_key()}", "--checks", CHECKS,
        *(["--max-examples", examples] if examples else []), "--seed", "16",
        "--workers", "1", "--no-shrink", "--request-timeout", "60",
        "--report", "json,ndjson", "--report-dir", str(reports),
    ], env={**os.environ, "NO_COLOR": "1"}, cwd=tmp_path)  # its cache (.schemathesis) there
    run = json.loads(next(reports.glob("json-*.json")).read_text())
    walked = STATEFUL.search(result.stdout)
    assert walked, result.stdout[-3000:]
    scenarios, followed = _stateful_walk(reports)
    print("schemathesis:", json.dumps({key: run[key] for key in (
        "operations", "test_cases", "running_time")}), " ".join(walked[0].split()),
        f"stateful scenarios: {scenarios}; links followed to a 2xx: {sorted(followed)}")
    assert run["complete"] and run["exit_code"] == 0
    assert run["operations"]["tested"] == run["operations"]["total"] >= 30
    assert run["test_cases"]["with_failures"] == 0 and run["failures"] == []
    assert run["errors"] == []
    assert all(phase["status"] == "success" for phase in run["phases"].values()), run["phases"]
    # The walk follows the document's links, those that carry an example body among them.
    assert int(walked["links"]) >= 30
    assert any(name.endswith("WithExample") or name == "createCompleteDraft"
               for name in followed), followed
