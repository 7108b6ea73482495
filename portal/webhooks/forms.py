"""The webhook endpoint forms: the URL, a description and the events (a box per event type)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, Optional

from portal.forms import REQUIRED, PortalForm
from portal.models.enums import WebhookEventType


def event_field_name(event: WebhookEventType) -> str:
    return "event_" + event.value.replace(".", "_")


class EventsMixin:
    """One box per event type (the fields are added below, from the enum)."""

    def chosen_events(self) -> list[str]:
        return [event.value for event in WebhookEventType if self[event_field_name(event)].data]  # type: ignore[index]  # a Form

    def event_fields(self) -> list[Any]:
        return [self[event_field_name(event)] for event in WebhookEventType]  # type: ignore[index]  # a Form

    def tick(self, values: list[str]) -> None:
        for event in WebhookEventType:
            self[event_field_name(event)].data = event.value in values  # type: ignore[index]  # a Form


class NewEndpointForm(EventsMixin, PortalForm):
    url = StringField(
        _l("Endpoint URL"),
        description=_l("Where the portal sends the events, for example "
                       "https://hr.example.com/webhooks/portal."),
        validators=[InputRequired(REQUIRED), Length(max=2000)],
    )
    description = StringField(_l("Description (optional)"), validators=[Optional(),
                                                                        Length(max=200)])
    submit = SubmitField(_l("Add the endpoint"))


class EventsForm(EventsMixin, PortalForm):
    submit = SubmitField(_l("Save the events"))


for _event in WebhookEventType:
    for _form in (NewEndpointForm, EventsForm):
        setattr(_form, event_field_name(_event),
                BooleanField(_event.label, default=_form is NewEndpointForm))


class EnabledForm(PortalForm):
    enabled = HiddenField()
    submit = SubmitField(_l("Change"))


class ButtonForm(PortalForm):
    """A button that posts (send a test event, replay, delete): CSRF token only."""

    submit = SubmitField(_l("Continue"))
