"""The administrators' inspection forms: opening one, a finding, the business size, and the
final decision. Shape only: the services check scope, states and the rules."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import (
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from portal.catalogue import say
from portal.catalogue.inspections import condition_label, justification_label
from portal.forms import REQUIRED, PortalForm
from portal.models.enums import FindingOutcome, InspectionGround
from portal.rules.compliance.conditions import all_conditions, all_justifications
from portal.rules.compliance.points import BusinessSize, severity_maximums
from portal.rules.compliance.violations import ELEMENT_LABELS
from portal.rules.messages import Message
from portal.validators import NumberRange

CHOOSE_ONE = _l("Choose at least one.")


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def condition_choices() -> list[SelectChoice]:
    return [SelectChoice(c.code, f"{condition_label(c.code)} ({c.provision})")
            for c in all_conditions()]


class OpenInspectionForm(PortalForm):
    ground = RadioField(
        _l("Ground"),
        choices=[SelectChoice(g.value, g.label) for g in InspectionGround
                 if g is not InspectionGround.VOLUNTARY_DISCLOSURE],
        validators=[InputRequired(REQUIRED)],
    )
    offers = MultiCheckboxField(
        _l("Offers in scope"), coerce=int, validators=[InputRequired(CHOOSE_ONE)],
        description=_l("Offers whose work permit was approved and is still in its six-year "
                       "window."),
    )
    conditions = MultiCheckboxField(
        _l("Conditions examined"), validators=[InputRequired(CHOOSE_ONE)])
    documents_requested = TextAreaField(
        _l("Documents requested"),
        description=_l("For example: payroll records, work schedules, employment contracts."),
        validators=[InputRequired(REQUIRED), Length(max=2000)],
    )
    submit = SubmitField(_l("Open the inspection and send the notice"))

    def __init__(self, *args: Any, offers: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offers.choices = [SelectChoice(o.offer_id, o.number) for o in offers]
        self.conditions.choices = condition_choices()


class FindingForm(PortalForm):
    condition = SelectField(_l("Condition"), validators=[InputRequired(REQUIRED)])
    offer = SelectField(_l("Worker (offer)"), validators=[Optional()])
    element = SelectField(
        _l("Element (offer terms and abuse only)"),
        validators=[Optional()],
    )
    outcome = RadioField(_l("Finding"), choices=[SelectChoice(o.value, o.label)
                                                 for o in FindingOutcome],
                         validators=[InputRequired(REQUIRED)])
    ground = SelectField(
        _l("Justification (when justified)"),
        choices=[SelectChoice("", _l("None")),
                 *(SelectChoice(j.code, justification_label(j.code))
                   for j in all_justifications())],
        validators=[Optional()],
    )
    facts = MultiCheckboxField(
        _l("Facts the employer showed"),
        choices=[SelectChoice("compensated", _l("Compensated the workers or repaid the fees")),
                 SelectChoice("reasonable_efforts", _l("Made all reasonable efforts")),
                 SelectChoice("good_faith", _l("Acted in good faith")),
                 SelectChoice("disproportionate",
                              _l("The change fell disproportionately on foreign workers"))],
        validators=[Optional()],
    )
    submit = SubmitField(_l("Record the finding"), id="finding_submit")

    def __init__(self, *args: Any, conditions: Any = (), offers: Any = (),
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.condition.choices = [SelectChoice(c, condition_label(c)) for c in conditions]
        self.element.choices = [SelectChoice("", _l("None")),
                                *(SelectChoice(k, say(Message(code)))
                                  for k, code in ELEMENT_LABELS.items())]
        self.offer.choices = [SelectChoice("", _l("The employer as a whole")),
                              *(SelectChoice(str(o.id), o.number) for o in offers)]


SEVERITY_LABELS = {
    "benefit": _l("Severity: competitive or economic benefit"),
    "abuse": _l("Severity: abuse of a foreign national"),
    "economy": _l("Severity: harm to the labour market or the economy"),
    "remediation": _l("Severity: no reasonable efforts to remedy"),
    "prevention": _l("Severity: no reasonable efforts to prevent a repeat"),
    "worker_disease_risk": _l("Severity: communicable disease risk to the worker"),
    "public_disease_risk": _l("Severity: communicable disease risk to the public"),
}


def _severity_field(name: str, maximum: int) -> IntegerField:
    return IntegerField(
        SEVERITY_LABELS[name], default=0,
        description=_l("From 0 to %(maximum)s points (Table 5).", maximum=maximum),
        validators=[Optional(), NumberRange(min=0, max=maximum)])


for _name, _maximum in severity_maximums().items():
    setattr(FindingForm, f"severity_{_name}", _severity_field(_name, _maximum))


class SizeForm(PortalForm):
    size = RadioField(
        _l("Business size (Table 2 column)"),
        description=_l("Small: fewer than 100 employees or less than $5 million in annual "
                       "gross revenue, with affiliates (R209.93)."),
        choices=[SelectChoice(BusinessSize.small.value, _l("Individual or small business")),
                 SelectChoice(BusinessSize.large.value, _l("Large business"))],
        validators=[InputRequired(REQUIRED)],
    )
    submit = SubmitField(_l("Save the size"), id="size_submit")


class DecisionForm(PortalForm):
    reason_en = TextAreaField(
        _l("Reason in English (as published)"),
        validators=[InputRequired(REQUIRED), Length(max=2000)])
    reason_fr = TextAreaField(
        _l("Reason in French (as published)"),
        validators=[InputRequired(REQUIRED), Length(max=2000)])
    submit = SubmitField(_l("Make the final decision"), id="decision_submit")
