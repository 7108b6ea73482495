"""Showing a service's DomainError to the user: next to the form field it names (or on the form
as a whole), or as a flashed message.

A NotFound is not a refusal to word on the page: `flash_refusal` and `apply_refusal` raise it
on, and the app-wide handler answers 404 (portal/errors.py). `apply_domain_error` words every
error, NotFound included, for the forms where "not found" is the answer (an expired code)."""

from __future__ import annotations

from flask import flash
from flask_wtf import FlaskForm

from portal.catalogue import say
from portal.services.errors import DomainError, InvalidFields, NotFound


def apply_domain_error(form: FlaskForm, error: DomainError) -> None:
    """Every message of the error (several for an InvalidFields) next to its field."""
    pairs = error.errors if isinstance(error, InvalidFields) else ((error.field, error.message),)
    for name, message in pairs:
        field = form._fields.get(name) if name else None
        if field is not None:
            field.errors = [*field.errors, say(message)]
        else:
            form.form_errors.append(say(message))


def apply_refusal(form: FlaskForm, error: DomainError) -> None:
    """`apply_domain_error` for a refusal; a NotFound goes on to the 404 handler."""
    if isinstance(error, NotFound):
        raise error
    apply_domain_error(form, error)


def flash_refusal(error: DomainError) -> None:
    """Flash a refusal's message; a NotFound goes on to the 404 handler."""
    if isinstance(error, NotFound):
        raise error
    flash(say(error.message), "error")
