"""Error pages (400, 403, 404, 405, 413, 429, 500) in the user's language, with no internals;
an edge that answers in another format (the JSON API) registers its renderer (PROBLEM_RENDERER).

A service's NotFound that a view lets through is answered here too (the 404 page, or the edge's
renderer): views never catch it only to abort(404)."""

from __future__ import annotations

import traceback
from types import MethodType
from typing import Any

from flask import Flask, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, StatementError
from werkzeug.exceptions import HTTPException, InternalServerError

from portal.extensions import db
from portal.services.errors import NotFound

# An edge with errors of its own (the JSON API) registers here how it answers its requests:
# (handles the current request?, renders the error: an HTTPException or the domain NotFound).
# Error pages stay the default.
PROBLEM_RENDERER = "portal.error_renderer"

ERROR_TEXT = {
    400: (_l("The request could not be understood"), _l("Check what you entered and try again.")),
    403: (
        _l("You do not have permission to do this"),
        _l("Your account cannot do this. Ask your employer's primary user if you need it."),
    ),
    404: (
        _l("Page not found"),
        _l("Check the address, or go back to the home page. If you followed a link, it may "
           "have expired."),
    ),
    405: (_l("This action is not allowed here"), _l("Go back and use the buttons on the page.")),
    413: (
        _l("The file is too large"),
        _l("Files must be smaller than the limit shown on the page. Go back and choose a "
           "smaller file."),
    ),
    429: (
        _l("Too many attempts"),
        _l("You have tried too many times in a short period. Wait a few minutes, then try "
           "again."),
    ),
    500: (
        _l("Sorry, something went wrong"),
        _l("The portal could not complete your request. Nothing was lost: try again in a "
           "moment."),
    ),
}


def render_error(status: int) -> ResponseReturnValue:
    title, body = ERROR_TEXT.get(status, ERROR_TEXT[500])
    return render_template("errors/error.html", status=status, title=title, body=body), status


def _delegated(error: HTTPException | NotFound) -> ResponseReturnValue | None:
    renderer = current_app.extensions.get(PROBLEM_RENDERER)
    if renderer is not None and renderer[0]():
        return renderer[1](error)
    return None


def database_error_summary(error: StatementError) -> str:
    """A database error as the log may keep it: the SQL (placeholders only: hide_parameters is
    on), the driver's error class, SQLSTATE and constraint, and never the driver's message,
    which on PostgreSQL quotes the values (`Key (email)=(...) already exists`)."""
    orig = error.orig
    diag = getattr(orig, "diag", None)
    details = [type(orig).__name__ if orig is not None else "no driver error"]
    for name in ("sqlstate", "constraint_name", "table_name", "column_name"):
        value = getattr(diag, name, None) or (getattr(orig, name, None) if name == "sqlstate"
                                              else None)
        if value:
            details.append(f"{name}={value}")
    return f"{type(error).__name__} ({', '.join(details)}) [SQL: {error.statement}]"


def _log_exception(app: Flask, exc_info: Any) -> None:
    """Flask's exception log, but a database error's message and its chained driver error (both
    may quote bound values) are replaced by `database_error_summary`."""
    error = exc_info[1]
    if not isinstance(error, DBAPIError | StatementError):
        Flask.log_exception(app, exc_info)
        return
    frames = "".join(traceback.format_tb(error.__traceback__))
    app.logger.error("Exception on %s [%s]\nTraceback (most recent call last):\n%s%s",
                     request.path, request.method, frames, database_error_summary(error))


def init_app(app: Flask) -> None:
    app.log_exception = MethodType(_log_exception, app)  # type: ignore[method-assign]
    @app.errorhandler(CSRFError)
    def csrf_error(_error: CSRFError) -> ResponseReturnValue:
        title = _l("Your form expired")
        body = _l("For your security the form could not be accepted. Go back, reload the page "
                  "and submit it again.")
        return render_template("errors/error.html", status=400, title=title, body=body), 400

    @app.errorhandler(NotFound)
    def domain_not_found(error: NotFound) -> ResponseReturnValue:
        # A service's NotFound (missing, or not the actor's to see: the two look the same).
        delegated = _delegated(error)
        if delegated is not None:
            return delegated
        return render_error(404)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> ResponseReturnValue:
        delegated = _delegated(error)
        if delegated is not None:
            return delegated
        status = error.code or 500
        return render_error(status if status in ERROR_TEXT else 500)

    @app.errorhandler(InternalServerError)
    def unexpected_error(error: InternalServerError) -> ResponseReturnValue:
        # Flask has already logged the exception; the user sees no internals.
        db.session.rollback()
        delegated = _delegated(error)
        if delegated is not None:
            return delegated
        return render_error(500)
