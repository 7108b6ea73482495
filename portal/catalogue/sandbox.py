"""What the sandbox services say (portal.services.sandbox): the clock's refusals, the named
scenarios' descriptions and refusals, and reset's.
French: fr/LC_MESSAGES/sandbox.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

SANDBOX: dict[str, LazyString] = {
    "sandbox.account.admin": _l("Administrator"),
    "sandbox.account.employer": _l("Employer (%(employer)s)"),
    "sandbox.clock_disabled": _l(
        "The sandbox clock is off in this configuration: simulated time cannot be moved "
        "(production refuses it unless SANDBOX_CLOCK_ALLOWED=1)."
    ),
    "sandbox.clock_days": _l("Enter a whole number of days from 1 to %(maximum)s."),
    "sandbox.clock_backwards": _l(
        "Simulated time never moves backwards: choose %(today)s or a later day."
    ),
    "sandbox.scenarios_disabled": _l(
        "Scenarios are off in this configuration: they load only in development and testing "
        "(SEED_DEMO_ALLOWED), never in production."
    ),
    "sandbox.reset_disabled": _l(
        "Reset is off in this configuration: it runs only in development and testing "
        "(SEED_DEMO_ALLOWED), never in production."
    ),
    "sandbox.scenario_unknown": _l(
        "There is no scenario named %(name)s: `flask sandbox scenarios` lists them."
    ),
    "sandbox.scenario.foreign-mission": _l(
        "A foreign mission exempt from the compliance regime (R209.9): it must not submit offers."
    ),
    "sandbox.scenario.banned-employer": _l(
        "An employer banned for two years with a penalty, on the public list of non-compliant "
        "employers."
    ),
    "sandbox.scenario.representative": _l(
        "A representative acting for three employers, each of which invited them with submit "
        "permission."
    ),
    "sandbox.scenario.withdrawn-offer": _l(
        "An offer submitted, then withdrawn by the employer: its fee is refunded."
    ),
    "sandbox.scenario.approved-offer": _l(
        "An offer matched by the worker in the work permit step, and the work permit approved."
    ),
    "sandbox.scenario.refused-application": _l(
        "A matched offer whose work permit application was refused: the employer's fee is "
        "refunded."
    ),
    "sandbox.scenario.blocked-drafts": _l(
        "An employer with seven drafts, each blocked by one kind of eligibility finding: "
        "citizenship, TEER level, province, duration, an unanswered question, a Canadian worker, "
        "no wage."
    ),
}
