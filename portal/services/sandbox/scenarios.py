"""Named scenarios (issue 17 item 2): ready-made situations loaded into fresh employers, for
integrators and trainers; `flask sandbox scenarios | load NAME` and /admin/sandbox/scenarios.

Guarantees: only an administrator loads one, and only where the configuration allows the
sandbox (SEED_DEMO_ALLOWED: development and testing, never production); loading is idempotent
(each scenario's employers have fixed business numbers and emails, and a second load finds what
the first made and adds nothing: it only gives the sign-ins fresh passwords, printed once and
stored nowhere); everything is made through the services a user's actions go through, so it is
audited as they are, and each load is audited too (`sandbox.scenario_loaded`, the name only).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from portal.database import write_transaction
from portal.rules.messages import Message
from portal.services.actor import Actor, require_admin
from portal.services.audit import chain as audit
from portal.services.errors import Conflict, NotFound
from portal.services.sandbox import scenario_cases as cases
from portal.services.sandbox.demo import DemoAccount
from portal.services.sandbox.scenario_drafts import blocked_drafts


@dataclass(frozen=True)
class Scenario:
    name: str
    description: Message
    build: Callable[[Actor], list[DemoAccount]]


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("foreign-mission", Message.of("sandbox.scenario.foreign-mission"),
             cases.foreign_mission),
    Scenario("banned-employer", Message.of("sandbox.scenario.banned-employer"),
             cases.banned_employer),
    Scenario("representative", Message.of("sandbox.scenario.representative"),
             cases.representative),
    Scenario("withdrawn-offer", Message.of("sandbox.scenario.withdrawn-offer"),
             cases.withdrawn_offer),
    Scenario("approved-offer", Message.of("sandbox.scenario.approved-offer"),
             cases.approved_offer),
    Scenario("refused-application", Message.of("sandbox.scenario.refused-application"),
             cases.refused_application),
    Scenario("blocked-drafts", Message.of("sandbox.scenario.blocked-drafts"),
             blocked_drafts),
)


def all_scenarios() -> tuple[Scenario, ...]:
    return SCENARIOS


def get_scenario(name: str) -> Scenario:
    for scenario in SCENARIOS:
        if scenario.name == name:
            return scenario
    raise NotFound(Message.of("sandbox.scenario_unknown", name=name[:40]), field="name")


def load(*, name: str, actor: Actor, allowed: bool) -> list[DemoAccount]:
    """Load the scenario `name` (again: nothing new is made) and return its sign-ins. Raises
    Forbidden (not an administrator), Conflict (the configuration refuses it), NotFound."""
    require_admin(actor)
    if not allowed:
        raise Conflict(Message.of("sandbox.scenarios_disabled"))
    scenario = get_scenario(name)
    accounts = scenario.build(actor)
    with write_transaction():
        audit.record("sandbox.scenario_loaded", actor=actor, object_type="sandbox_scenario",
                     details={"scenario": scenario.name})
    return accounts
