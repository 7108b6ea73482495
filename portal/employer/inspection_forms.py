"""The employer's inspection forms: an answer with documents, a voluntary disclosure, the reply
to a preliminary finding, and the penalty's test card (checked as the fee page checks it)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf.file import MultipleFileField
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, Regexp

from portal import clock
from portal.catalogue import say
from portal.catalogue.inspections import condition_label
from portal.forms import REQUIRED, PortalForm
from portal.rules.cards import card_problems
from portal.rules.compliance.conditions import all_conditions
from portal.services.offers.payments import TEST_CARDS


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


class PenaltyPaymentForm(PortalForm):
    card_number = StringField(_l("Card number"), validators=[
        InputRequired(message=_l("Enter the card number.")), Length(max=30)],
        description=_l("Use a test card listed on this page."))
    expiry = StringField(_l("Expiry date (MM/YY)"), validators=[
        InputRequired(message=_l("Enter the expiry date.")),
        Regexp(r"^(0[1-9]|1[0-2])\s*/\s*\d{2}$", message=_l("Enter the expiry date as MM/YY."))])
    cvc = StringField(_l("Security code (CVC)"), validators=[
        InputRequired(message=_l("Enter the security code.")),
        Regexp(r"^\d{3,4}$", message=_l("Enter the 3 or 4 digits of the security code."))])
    submit = SubmitField(_l("Pay the penalty"), id="pay_submit")

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if self.has_unsafe_input:
            return valid
        for name, message in card_problems(
            card_number=self.card_number.data, expiry=self.expiry.data, cvc=self.cvc.data,
            today=clock.today(), test_cards=set(TEST_CARDS),
        ):
            field = self[name]
            if not field.errors:
                field.errors = [*field.errors, say(message)]
                valid = False
        return valid
