"""The officer's decision on a work permit application (shape only; the service checks that a
refusal has a reason and that the application is still undecided)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SubmitField, TextAreaField
from wtforms.validators import Length

from portal.forms import PortalForm


class DecisionForm(PortalForm):
    reason = TextAreaField(
        _l("Reason or note"),
        description=_l("Required for a refusal; the worker sees it on the results page."),
        validators=[Length(max=2000)],
    )
    approve = SubmitField(_l("Approve"))
    refuse = SubmitField(_l("Refuse"))
