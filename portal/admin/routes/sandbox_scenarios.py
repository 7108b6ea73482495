"""The named scenarios (issue 17 item 2): the list, a Load button each, and the sign-ins a load
made, shown once on the answer to the POST (never redirected through the session). Refused, with
the reason, where the configuration keeps the sandbox off (production)."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, render_template
from flask.typing import ResponseReturnValue

from portal.access import admin_required, current_actor
from portal.admin import bp
from portal.admin.sandbox_forms import LoadScenarioForm
from portal.catalogue import say
from portal.services.errors import Conflict, DomainError, NotFound
from portal.services.sandbox import scenarios


def _allowed() -> bool:
    return bool(current_app.config.get("SEED_DEMO_ALLOWED"))


def _page(form: LoadScenarioForm, status: int = 200, **shown: Any) -> Any:
    return render_template("admin/sandbox_scenarios.html", scenarios=scenarios.all_scenarios(),
                           form=form, allowed=_allowed(), **shown), status


@bp.route("/sandbox/scenarios")
@admin_required
def sandbox_scenarios_page() -> ResponseReturnValue:
    return _page(LoadScenarioForm(formdata=None))


@bp.route("/sandbox/scenarios/<name>/load", methods=["POST"])
@admin_required
def sandbox_scenario_load(name: str) -> ResponseReturnValue:
    form = LoadScenarioForm()
    if not form.validate_on_submit():
        return _page(form, 400)
    try:
        accounts = scenarios.load(name=name, actor=current_actor(), allowed=_allowed())
    except NotFound:
        abort(404)
    except (Conflict, DomainError) as error:
        return _page(form, 400, refusal=say(error.message))
    return _page(LoadScenarioForm(formdata=None), loaded=name, accounts=accounts)
