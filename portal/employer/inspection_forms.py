"""The employer's inspection forms: an answer with documents, a voluntary disclosure, the reply
to a preliminary finding, and the penalty's test card (checked as the fee page checks it)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf.file import MultipleFileField
from wtforms import SelectField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from portal.catalogue.inspections import condition_label
from portal.forms import REQUIRED, CardFieldsForm, PortalForm
from portal.rules.compliance.conditions import all_conditions


class AnswerForm(PortalForm):
    condition = SelectField(_l("Condition"), validators=[InputRequired(REQUIRED)])
    offer = SelectField(_l("Worker (offer)"), validators=[Optional()],
                        description=_l("Choose the offer of the worker this answer is about."))
    explanation = TextAreaField(_l("Explanation"), validators=[InputRequired(REQUIRED),
                                                              Length(max=5000)])
    documents = MultipleFileField(
        _l("Documents (optional)"),
        description=_l("Payroll, schedules, contracts: PDF, PNG or JPEG, at most 5 MB each."))
    submit = SubmitField(_l("Send the answer"), id="answer_submit")

    def __init__(self, *args: Any, conditions: Any = (), offers: Any = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.condition.choices = [SelectChoice(c, condition_label(c)) for c in conditions]
        self.offer.choices = [SelectChoice("", _l("The employer as a whole")),
                              *(SelectChoice(str(o.id), o.number) for o in offers)]


class DisclosureForm(PortalForm):
    condition = SelectField(_l("Condition you did not meet"), validators=[InputRequired(REQUIRED)])
    statement = TextAreaField(
        _l("What happened"),
        description=_l("Say what happened, to which workers (by offer number), when, and what "
                       "you did to fix it."),
        validators=[InputRequired(REQUIRED), Length(max=2000)])
    submit = SubmitField(_l("Make the voluntary disclosure"))

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.condition.choices = [SelectChoice("", _l("Choose a condition")),
                                  *(SelectChoice(c.code, condition_label(c.code))
                                    for c in all_conditions())]


class ReplyForm(PortalForm):
    reply = TextAreaField(_l("Your reply"), validators=[InputRequired(REQUIRED),
                                                        Length(max=5000)])
    submit = SubmitField(_l("Send the reply"), id="reply_submit")


class PenaltyPaymentForm(CardFieldsForm):
    submit = SubmitField(_l("Pay the penalty"), id="pay_submit")
