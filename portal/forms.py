"""Form pieces shared by several areas: the base form and choice lists in the user's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, SubmitField
from wtforms.fields.choices import SelectChoice

from portal.i18n import current_language
from portal.models import BusinessType
from portal.rules.countries import all_provinces

REQUIRED = _l("This field is required.")

class PortalForm(FlaskForm):
    """Base form: strips surrounding spaces from every text field."""

    class Meta:
        def bind_field(self, form, unbound_field, options):  # type: ignore[no-untyped-def]
            # Passwords are kept exactly as typed; every other text loses surrounding spaces.
            # The strip filter is added to this binding only: the unbound field is shared by
            # every instance of the form, so changing its kwargs would add one more filter on
            # every request.
            if not issubclass(unbound_field.field_class, PasswordField):
                filters = [_strip, *unbound_field.kwargs.get("filters", [])]
                return unbound_field.bind(form=form, filters=filters, **options)
            return unbound_field.bind(form=form, **options)


class ActionForm(PortalForm):
    """A button that posts (start, copy, delete, submit, remove): CSRF token only."""

    submit = SubmitField(_l("Continue"))


def _strip(value):  # type: ignore[no-untyped-def]
    return value.strip() if isinstance(value, str) else value


def options(pairs) -> list[SelectChoice]:  # type: ignore[no-untyped-def]
    """(value, label) pairs as WTForms choices (WTForms 3.3 wants SelectChoice objects)."""
    return [SelectChoice(value, label) for value, label in pairs]


def province_choices(*, blank: bool = True) -> list[tuple[str, str]]:
    choices = list(all_provinces(current_language()))
    return [("", _l("Choose a province or territory")), *choices] if blank else choices


def business_type_choices() -> list[tuple[str, str]]:
    return [("", _l("Choose a type of business"))] + [
        (kind.value, kind.label) for kind in BusinessType
    ]
