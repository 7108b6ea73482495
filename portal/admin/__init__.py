"""The admin area (administrators who passed the second factor): employers, their compliance-regime
exemptions and bans, work permit decisions, the audit log, the sandbox clock, and the second factor
itself. Views are in portal/admin/routes/, one module per part."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from portal.admin.routes import (  # noqa: E402, F401
    audit,
    checkpoints,
    decisions,
    email,
    employers,
    home,
    inspections,
    sandbox,
    sandbox_scenarios,
    second_factor,
)
