"""The portal served for the browser tests: a fresh SQLite file, `flask db upgrade`,
`flask seed-demo`, then gunicorn on a free port of 127.0.0.1.

The app runs in the development config (plain http, demo seeding allowed) with its own
SECRET_KEY and PORTAL_RATELIMIT=off, so a run that registers and signs in many times from one
address is not throttled. The schema comes from the migrations, as in production: a page that
fails because a table or column is missing is a real bug (a missing migration), not something
to hide. BROWSER_SCHEMA=models (see schema_source) is an explicit, announced escape hatch.
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
SEED_LINE = re.compile(r"^\s+(?P<label>.+?)\s+(?P<email>\S+@\S+)\s+(?P<password>\S+)\s*$")


@dataclass
class LiveServer:
    base_url: str
    log_path: Path
    process: subprocess.Popen
    demo_passwords: dict[str, str] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base_url + path

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(database: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PORTAL_CONFIG="development",
        DATABASE_URL=f"sqlite:///{database}",
        SECRET_KEY=secrets.token_hex(32),
        PORTAL_RATELIMIT="off",
        PYTHONUNBUFFERED="1",
    )
    env.pop("FLASK_APP", None)
    return env


def _flask(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [str(VENV_BIN / "flask"), "--app", "wsgi", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    if result.returncode != 0:
        command = " ".join(args)
        tail = "\n".join(result.stderr.splitlines()[-6:])
        hint = ""
        if "no such table" in tail or "has no column" in tail:
            hint = ("\nThe migrations lag the models (a migration is missing). "
                    "BROWSER_SCHEMA=models runs the journeys on tables built from the models.")
        raise RuntimeError(
            f"`flask {command}` failed ({result.returncode}):\n{result.stdout}\n{tail}{hint}"
        )
    return result.stdout


def _wait_until_up(url: str, process: subprocess.Popen, log_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited early:\n{log_path.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (our loopback URL)
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the portal did not answer at {url} within {timeout} s")


CREATE_ALL = (
    "from wsgi import app\n"
    "from portal.extensions import db\n"
    "with app.app_context():\n"
    "    db.create_all()\n"
)


def schema_source() -> str:
    """BROWSER_SCHEMA=models builds the tables from the models (as tests/conftest.py does)
    instead of the migrations: for trying journeys on models whose migration is not written
    yet. The default, and CI, is "migrations"."""
    source = os.environ.get("BROWSER_SCHEMA", "migrations")
    if source not in {"migrations", "models"}:
        raise RuntimeError(f"BROWSER_SCHEMA must be 'migrations' or 'models', not {source!r}")
    return source


def _build_schema(env: dict[str, str]) -> None:
    if schema_source() == "migrations":
        _flask(env, "db", "upgrade")
        return
    result = subprocess.run(
        [sys.executable, "-c", CREATE_ALL],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"create_all failed:\n{result.stdout}\n{result.stderr}")


def start_server(workdir: Path, log_path: Path) -> LiveServer:
    """Build a fresh database under `workdir`, seed it and serve it; the caller stops it."""
    env = _environment(workdir / "portal.sqlite")
    _build_schema(env)
    seeded = _flask(env, "seed-demo")
    passwords = {
        match["email"]: match["password"]
        for match in map(SEED_LINE.match, seeded.splitlines())
        if match
    }
    port = _free_port()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = log_path.open("w")
    process = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}",
         "--access-logfile", "-", "--error-logfile", "-", "wsgi:app"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    log.close()
    server = LiveServer(f"http://127.0.0.1:{port}", log_path, process, passwords)
    try:
        _wait_until_up(server.url("/"), process, log_path, timeout=30)
    except BaseException:
        server.stop()
        raise
    return server
