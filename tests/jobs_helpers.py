"""The queue in tests: immediate mode, and a real consumer process (`flask jobs worker`).

The consumer runs with PORTAL_CONFIG=testing on the test database and on a Huey SQLite file in
the test's temporary folder, or on TEST_QUEUE_URL when set (CI: the Redis at 127.0.0.1:6379).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from portal.extensions import queue

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def tasks_at_once() -> Iterator[None]:
    """Huey's immediate mode for the block: a task runs as soon as it is queued, in this
    process (the `immediate` fixture, tests/conftest.py, holds it for a whole test)."""
    queue.huey.immediate = True
    try:
        yield
    finally:
        queue.huey.immediate = False


def queue_url(tmp_path: Path) -> str:
    return os.environ.get("TEST_QUEUE_URL") or f"sqlite:///{tmp_path / 'huey.sqlite'}"


class ConsumerProcess:
    """`flask jobs worker` in a child process, on the given database and queue."""

    def __init__(self, *, database_url: str, queue_url: str, queue_name: str,
                 env: dict[str, str] | None = None) -> None:
        self.env = {
            **os.environ,
            "PORTAL_CONFIG": "testing",
            "DATABASE_URL": database_url,
            "HUEY_URL": queue_url,
            "QUEUE_NAME": queue_name,
            "FLASK_APP": "wsgi",
            "PYTHONUNBUFFERED": "1",
            **(env or {}),
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.lines: list[str] = []
        self._reader: threading.Thread | None = None

    def start(self) -> ConsumerProcess:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flask", "jobs", "worker", "--workers", "1"],
            cwd=ROOT, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        return self

    def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for raw in self.process.stdout:
            self.lines.append(raw.decode(errors="replace"))

    def wait_for_output(self, text: str, timeout: float = 90) -> None:
        """Wait until the consumer has printed a line containing `text` (Huey logs "Executing
        <task>" as a task starts). Generous: under a loaded parallel suite a consumer can take
        well over 15 s to import the app and start."""
        try:
            wait_for(lambda: any(text in line for line in self.lines), timeout=timeout,
                     every=0.01)
        except AssertionError:
            raise AssertionError(f"{text!r} not printed; got:\n{''.join(self.lines)}") from None

    def stop(self) -> str:
        """Stop it as Ctrl+C does (Huey finishes the running task) and return what it printed."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self._output()

    def _output(self) -> str:
        assert self.process is not None and self.process.stdout is not None
        if self._reader is not None:
            self._reader.join(timeout=10)
        self.process.stdout.close()
        return "".join(self.lines)

    def kill(self) -> None:
        """SIGKILL: the consumer dies wherever it is, as on a power cut."""
        assert self.process is not None
        self.process.kill()
        self.process.wait()
        self._output()


def new_queue_name() -> str:
    """A queue of the test's own (Redis is shared by every test process)."""
    return f"portal-test-{uuid.uuid4().hex[:12]}"


def wait_for(condition: Callable[[], object], *, timeout: float = 60,
             every: float = 0.05) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"not true within {timeout} s: {condition}")
