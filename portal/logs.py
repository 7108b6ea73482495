"""Logs: a request id on every line, and JSON lines when LOG_FORMAT=json.

Every request gets an id: the caller's `X-Request-Id` when it is a plain token (letters,
digits, `.`, `_`, `-`, at most 128), otherwise a new random one; it is sent back in the
response's `X-Request-Id` and added to every log record made while the request runs
(`request_id`; `-` outside a request); text lines show it in brackets. With LOG_FORMAT=json
the root logger writes one JSON object per line (time, level, logger, message, request_id, and
the exception's traceback when there is one), and each request adds one line of its own
(method, path without the query string, status, duration in ms). Nothing personal goes in:
no query strings, no addresses, no form data; the services log identifiers only.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from datetime import UTC, datetime

from flask import Flask, Response, g, has_request_context, request

_TOKEN = re.compile(r"[A-Za-z0-9._-]{1,128}")
HEADER = "X-Request-Id"
logger = logging.getLogger("portal.request")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def current_request_id() -> str:
    if has_request_context():
        return str(getattr(g, "request_id", "-"))
    return "-"


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (a filter on the handlers, so library loggers too)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", current_request_id()),
        }
        for key in ("method", "path", "status", "duration_ms"):
            if hasattr(record, key):
                line[key] = getattr(record, key)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def configure(app: Flask) -> None:
    """Install the request id hooks, and the JSON handler when LOG_FORMAT=json."""
    as_json = app.config.get("LOG_FORMAT", "text") == "json"
    root = logging.getLogger()
    if as_json:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        root.handlers[:] = [handler]
        root.setLevel(app.config.get("LOG_LEVEL", "INFO"))
    elif not root.handlers and not app.testing:  # gunicorn, flask run: nothing set up yet
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
        root.addHandler(handler)
        root.setLevel(app.config.get("LOG_LEVEL", "INFO"))
    for installed in root.handlers:
        if not any(isinstance(f, RequestIdFilter) for f in installed.filters):
            installed.addFilter(RequestIdFilter())

    @app.before_request
    def _take_request_id() -> None:
        offered = request.headers.get(HEADER, "")
        g.request_id = offered if _TOKEN.fullmatch(offered) else uuid.uuid4().hex
        g.request_started = time.perf_counter()

    @app.after_request
    def _give_request_id(response: Response) -> Response:
        response.headers[HEADER] = current_request_id()
        if as_json:
            started = getattr(g, "request_started", None)
            logger.info("request", extra={
                "method": request.method, "path": request.path, "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1)
                if started is not None else None,
            })
        return response
