"""The portal served for real, for the API's end-to-end tests (the README's curl sequence, the
quickstart script, schemathesis): a fresh database built by `flask db upgrade`, `flask
seed-demo`, keys made with `flask api-keys create` (as the README says), gunicorn on a free
loopback port.

The database is a SQLite file, or with TEST_DATABASE_URL a fresh PostgreSQL database beside the
test one (<name>_live_<worker>), dropped at the end. Rate limits are off (PORTAL_RATELIMIT=off):
schemathesis sends hundreds of requests with one key."""

from __future__ import annotations

import base64
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.browser.server import ROOT, _free_port, _wait_until_up
from tests.databases import throwaway_database

VENV_BIN = Path(sys.executable).parent
DEMO_EMPLOYER = "demo@example.com"  # the primary user of the first demo employer
OTHER_EMPLOYER = "demo2@example.com"


@dataclass
class LivePortal:
    base_url: str
    env: dict[str, str]
    log_path: Path

    def flask(self, *args: str) -> str:
        result = subprocess.run(
            [str(VENV_BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT, env=self.env,
            capture_output=True, text=True, timeout=180, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"flask {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
        return result.stdout

    def make_key(self, email: str = DEMO_EMPLOYER, scopes: str = "read,prepare,submit") -> str:
        """A key, as the README makes one: the last line `flask api-keys create` prints."""
        return self.flask("api-keys", "create", "--email", email, "--scopes", scopes
                          ).strip().splitlines()[-1]

    def log_tail(self, lines: int = 60) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def live_portal(workdir: Path) -> Iterator[LivePortal]:
    """Serve a freshly built and seeded portal until the block ends."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with throwaway_database(workdir, f"live_{worker}") as database_url:
        port = _free_port()
        env = {key: value for key, value in os.environ.items() if key != "FLASK_APP"}
        env.update(
            PORTAL_CONFIG="development", DATABASE_URL=database_url,
            SECRET_KEY=secrets.token_hex(32), PORTAL_RATELIMIT="off", PYTHONUNBUFFERED="1",
            HUEY_URL=f"sqlite:///{workdir / 'huey.sqlite'}",
            AUDIT_SIGNING_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
            PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        )
        portal = LivePortal(f"http://127.0.0.1:{port}", env, workdir / "gunicorn.log")
        portal.flask("db", "upgrade")
        portal.flask("seed-demo")
        with portal.log_path.open("w") as log:
            process = subprocess.Popen(
                [str(VENV_BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}",
                 "--error-logfile", "-", "wsgi:app"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(f"{portal.base_url}/healthz", process, portal.log_path, timeout=60)
            yield portal
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
