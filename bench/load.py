"""The benchmark table's load and its measure: gunicorn on loopback, `wrk` as the load (a client in
a separate process when wrk is not installed), and the server's CPU read from /proc.

- `Server`: gunicorn serving `bench.bench_verify:make_bench_app()` on a free loopback port, with
  N sync workers, on the database `url`; `cpu_seconds()` is utime+stime of the master and its
  workers (/proc/<pid>/stat), so CPU per request = the delta over a load / its requests.
- `Load`: what to send (method, path, headers, optional bodies cycled through).
- `run_load`: drive a `Load` for some seconds over some connections; `LoadResult` gives
  requests, errors (non-2xx/3xx and socket errors), the duration, p50 and p95 latency.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from bench.bench_verify import free_port, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Load:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    bodies: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoadResult:
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


class Server:
    """gunicorn with `workers` sync workers on `url`; use as a context manager."""

    def __init__(self, url: str, workers: int = 2) -> None:
        self.url, self.workers, self.port = url, workers, free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        env = {**os.environ, "BENCH_DATABASE_URI": self.url}
        env.pop("DATABASE_URL", None)  # the app reads BENCH_DATABASE_URI (bench_verify)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", str(self.workers), "--worker-class",
             "sync", "--bind", f"127.0.0.1:{self.port}", "--pythonpath", str(ROOT),
             "--log-level", "warning", "--timeout", "120", "bench.bench_verify:make_bench_app()"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        )
        wait_until_up(self.port, timeout=60)
        self._wait_for_workers()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.process is not None
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _wait_for_workers(self) -> None:
        deadline = time.monotonic() + 30
        while len(self.pids()) < 1 + self.workers and time.monotonic() < deadline:
            time.sleep(0.2)

    def pids(self) -> list[int]:
        assert self.process is not None
        master = self.process.pid
        return [master, *_children(master)]

    def cpu_seconds(self) -> float:
        """utime + stime of the master and its workers, in seconds."""
        total = 0
        for pid in self.pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
        return total / CLOCK_TICKS

    def worker_rss_kib(self) -> list[int]:
        return [_rss_kib(pid) for pid in self.pids()[1:]]

    def sign_in(self, email: str, password: str) -> str:
        """POST /sign-in; the Cookie header value the signed-in session needs."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request("POST", "/sign-in", body=urlencode({"email": email, "password": password}),
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = conn.getresponse()
        response.read()
        conn.close()
        if response.status != 302:
            raise RuntimeError(f"sign-in answered {response.status}")
        return "; ".join(value.split(";", 1)[0] for key, value in response.getheaders()
                         if key.lower() == "set-cookie")

    def fetch(self, method: str, path: str, *, body: str | None = None,
              cookie: str = "") -> http.client.HTTPResponse:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"Cookie": cookie} if cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        conn.close()
        return response


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found.extend(int(child) for child in task.read_text().split())
        except OSError:
            continue
    return found


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_per_request(server: Server, load: Load, seconds: float, connections: int
                    ) -> tuple[float, LoadResult]:
    """Server CPU seconds per request while `load` runs (the load itself is not counted)."""
    before = server.cpu_seconds()
    result = run_load(server.port, load, seconds, connections)
    spent = server.cpu_seconds() - before
    if result.requests == 0:
        raise RuntimeError(f"no request completed on {load.path}")
    if result.errors:
        raise RuntimeError(f"{result.errors} of {result.requests} requests to {load.path} failed")
    return spent / result.requests, result


def run_load(port: int, load: Load, seconds: float, connections: int) -> LoadResult:
    if shutil.which("wrk"):
        return _run_wrk(port, load, seconds, connections)
    return _run_client(port, load, seconds, connections)


WRK_SCRIPT = """
local method, path, headers, bodies = %(method)s, %(path)s, %(headers)s, %(bodies)s
local counter = 0
request = function()
  local body = nil
  if #bodies > 0 then counter = counter %% #bodies + 1; body = bodies[counter] end
  return wrk.format(method, path, headers, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCHJSON {\\"requests\\": %%d, \\"us\\": %%d, \\"p50\\": %%d, " ..
    "\\"p95\\": %%d, \\"errors\\": %%d}\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def _lua(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"[{_lua(k)}] = {_lua(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "{" + ", ".join(_lua(v) for v in value) + "}"
    return json.dumps(str(value), ensure_ascii=True)  # ASCII: JSON string = Lua string


def _run_wrk(port: int, load: Load, seconds: float, connections: int) -> LoadResult:
    headers = dict(load.headers)
    if load.bodies:
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    script = WRK_SCRIPT % {"method": _lua(load.method), "path": _lua(load.path),
                           "headers": _lua(headers), "bodies": _lua(load.bodies)}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        threads = max(1, min(2, connections))
        out = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s",
             "--timeout", "60s", "-s", handle.name, f"http://127.0.0.1:{port}{load.path}"],
            capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    line = next(x for x in out.splitlines() if x.startswith("BENCHJSON "))
    data = json.loads(line.removeprefix("BENCHJSON "))
    return LoadResult(requests=data["requests"], errors=data["errors"],
                      seconds=data["us"] / 1e6, p50_ms=data["p50"] / 1000,
                      p95_ms=data["p95"] / 1000)


def _run_client(port: int, load: Load, seconds: float, connections: int) -> LoadResult:
    """No wrk: bench.client in its own process (so its CPU is not the server's)."""
    spec = json.dumps({"port": port, "method": load.method, "path": load.path,
                       "headers": load.headers, "bodies": list(load.bodies),
                       "seconds": seconds, "connections": connections})
    out = subprocess.run([sys.executable, "-m", "bench.client"], input=spec, cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return LoadResult(**data)
