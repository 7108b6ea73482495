"""What the sandbox services say (portal.services.sandbox): the clock's refusals.
French: fr/LC_MESSAGES/sandbox.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

SANDBOX: dict[str, LazyString] = {
    "sandbox.clock_disabled": _l(
        "The sandbox clock is off in this configuration: simulated time cannot be moved "
        "(production refuses it unless SANDBOX_CLOCK_ALLOWED=1)."
    ),
    "sandbox.clock_days": _l("Enter a whole number of days from 1 to %(maximum)s."),
    "sandbox.clock_backwards": _l(
        "Simulated time never moves backwards: choose %(today)s or a later day."
    ),
}
