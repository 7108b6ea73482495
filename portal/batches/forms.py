"""Forms of the batches area: the upload, the confirm step (attestations made once for the
whole batch, leaving invalid rows out) and "pay and submit all". Shape only."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, SubmitField

from portal.catalogue import say
from portal.forms import PortalForm
from portal.services.offers.drafts import ATTESTATIONS


class UploadForm(PortalForm):
    file = FileField(_l("Spreadsheet of offers"),
                     description=_l("CSV (UTF-8) or Excel (.xlsx), at most 5 MB and 500 rows."))
    check = SubmitField(_l("Check the file"))


def confirm_form(**kwargs: Any) -> Any:
    attrs: dict[str, Any] = {f"attest_{key}": BooleanField(say(label))
                             for key, label in ATTESTATIONS}
    attrs["skip_invalid"] = BooleanField(
        _l("Leave out the rows with errors and create the others"))
    attrs["confirm"] = SubmitField(_l("Create the drafts"))
    form_class = type("ConfirmForm", (PortalForm,), attrs)
    return form_class(**kwargs)


class PayAllForm(PortalForm):
    pay_all = SubmitField(_l("Pay and submit all"))
