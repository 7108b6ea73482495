"""Mapping a service's DomainError onto the form field it names (or the form as a whole)."""

from __future__ import annotations

from flask_wtf import FlaskForm

from portal.services.errors import DomainError


def apply_domain_error(form: FlaskForm, error: DomainError) -> None:
    field = form._fields.get(error.field) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)
