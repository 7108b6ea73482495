"""The versioned JSON API (/api/v1), built with flask-smorest and marshmallow.

Resources (portal/api/resources) parse input with the schemas (portal/api/schemas), call the
same services as the pages, and return JSON; the OpenAPI 3.1 document is generated from them at
/api/v1/openapi.json. Keys come as `Authorization: Bearer` (`auth`); errors are problem+json
(`problems`, `errors`); the API reads no cookies and sets none (`cookieless`) and so needs no
CSRF token; no CORS headers are sent (browsers on other sites cannot call it).
"""

from __future__ import annotations

import http
from typing import Any

from flask import Flask, Response, current_app, request
from flask.typing import ResponseReturnValue
from flask_smorest import Api, Blueprint
from flask_smorest.spec import prepare_response

from portal.access import public
from portal.api import errors, input_checks, rate_limits
from portal.api.cookieless import CookielessApiSessions
from portal.api.docs import ProblemSchema, name_operations
from portal.api.problems import PROBLEM_TYPE
from portal.api.reference_page import reference_page

PREFIX = "/api/v1"


class PortalApi(Api):
    """flask-smorest's Api, with problem+json as its error responses. Its own error handler
    is not installed: portal.errors sends API errors to portal.api.errors."""

    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self) -> None:
        pass

    def _register_responses(self) -> None:
        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        default: dict[str, Any] = {"description": "Default error response",
                                   "schema": self.ERROR_SCHEMA}
        prepare_response(default, self.spec, PROBLEM_TYPE)
        self.spec.components.response("DEFAULT_ERROR", default, lazy=True)

    def register_blueprint(self, blp: Blueprint, *, parameters: Any = None,
                           **options: Any) -> None:
        name_operations(blp)
        super().register_blueprint(blp, parameters=parameters, **options)


api = PortalApi()


def init_app(app: Flask) -> None:
    from portal.api.resources import (
        account,
        batches,
        evidence,
        offer_actions,
        offer_sections,
        offers,
        reference,
        webhooks,
        worker,
    )
    from portal.extensions import csrf

    app.config.update(
        API_TITLE="Employer Portal simulator API",
        API_VERSION="v1",
        OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX=None,  # the document is served by `openapi_document`, below
        API_SPEC_OPTIONS={
            "info": {
                "description": (
                    "The integration sandbox of the Employer Portal simulator: everything an "
                    "employer does, as JSON. A simulator, not a Government of Canada service."
                ),
            },
            "servers": [{"url": "/", "description": "This portal"}],
            "security": [{"bearerAuth": []}],
        },
    )
    app.session_interface = CookielessApiSessions()
    api.init_app(app)
    api.spec.components.security_scheme(
        "bearerAuth",
        {"type": "http", "scheme": "bearer", "description": "An API key: ep_test_..."},
    )
    for module in (
        account, offers, offer_sections, offer_actions, evidence, reference, worker, webhooks,
        batches,
    ):
        csrf.exempt(module.blp)
        rate_limits.limit_blueprint(module.blp)
        api.register_blueprint(module.blp, url_prefix=PREFIX)
    app.add_url_rule(f"{PREFIX}/openapi.json", "api_openapi", openapi_document)
    app.add_url_rule(f"{PREFIX}/docs", "api_docs", reference_page)
    errors.init_app(app)
    input_checks.init_app(app)
    rate_limits.init_app(app)

    @app.after_request
    def no_store(response: Response) -> Response:
        if request.path.startswith(PREFIX):
            response.headers["Cache-Control"] = "no-store"
        return response


@public
def openapi_document() -> ResponseReturnValue:
    """The OpenAPI 3.1 document, generated from the resources and their schemas."""
    return current_app.json.response(api.spec.to_dict())
