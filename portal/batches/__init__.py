"""The batches area: a spreadsheet of offers (template, upload and dry run, error report,
confirm into drafts, pay and submit all). Routes in portal/batches/routes.py; the work is done
by portal.services.batches."""

from flask import Blueprint

bp = Blueprint("batches", __name__, url_prefix="/employer/batches")

from portal.batches import routes  # noqa: E402, F401
