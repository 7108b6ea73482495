"""The load when wrk is not installed: `python -m bench.client` reads a JSON spec on stdin (port,
method, path, headers, bodies, seconds, connections), drives it with bench_verify.drive (one
thread per connection, in this process, not the server's) and prints one JSON line: requests,
errors, seconds, p50_ms, p95_ms."""

from __future__ import annotations

import itertools
import json
import random
import sys

from bench.bench_verify import drive


def main() -> None:
    spec = json.load(sys.stdin)
    bodies = itertools.cycle(spec["bodies"] or [None])
    headers = dict(spec["headers"])
    if spec["bodies"]:
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")

    def make_request(_rng: random.Random) -> tuple[str, str, str | None, dict[str, str]]:
        return spec["method"], spec["path"], next(bodies), headers

    latencies, wall, errors = drive(spec["port"], make_request, 10**9, spec["connections"],
                                    spec["seconds"])
    ordered = sorted(latencies) or [0.0]
    print(json.dumps({
        "requests": len(latencies), "errors": errors, "seconds": wall,
        "p50_ms": ordered[len(ordered) // 2] * 1000,
        "p95_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000,
    }))


if __name__ == "__main__":
    main()
