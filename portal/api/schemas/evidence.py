"""Evidence files: the upload form, a file as the API lists it, and an offer's evidence."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate as v

from portal.api.schemas.offers import Strict


class EvidenceUpload(Strict):
    item_id = ma.fields.String(required=True, validate=v.Length(min=1, max=64), metadata={
        "description": "Which evidence item the file is for: an id from GET .../evidence "
                       "(the code's evidence list), or fee-exemption-proof."})
    file = ma.fields.Raw(load_only=True, metadata={
        "type": "string", "format": "binary",
        "description": "The file: PDF, PNG or JPEG (recognised by its content), at most 5 MB; "
                       "an offer's files together at most 25 MB."})


class EvidenceFileSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    item_id = ma.fields.String(required=True)
    filename = ma.fields.String(required=True)
    content_type = ma.fields.String(required=True, validate=v.OneOf(
        ["application/pdf", "image/png", "image/jpeg"]))
    size = ma.fields.Integer(required=True, metadata={"description": "In bytes."})
    created_at = ma.fields.DateTime(required=True)


class EvidenceItemSchema(ma.Schema):
    id = ma.fields.String(required=True)
    label = ma.fields.String(required=True, metadata={
        "description": "What to upload, in the language asked for."})
    required = ma.fields.Boolean(required=True, metadata={
        "description": "The code's instructions expect this evidence."})
    file_count = ma.fields.Integer(required=True)


class EvidenceListSchema(ma.Schema):
    items = ma.fields.List(ma.fields.Nested(EvidenceItemSchema), required=True, metadata={
        "description": "The evidence the offer's exemption code asks for (none without a code)."})
    files = ma.fields.List(ma.fields.Nested(EvidenceFileSchema), required=True)


FILE_EXAMPLE = {"id": 12, "item_id": "contract", "filename": "contract.pdf",
                "content_type": "application/pdf", "size": 48213,
                "created_at": "2026-12-01T14:02:00+00:00"}
LIST_EXAMPLE = {"items": [{"id": "contract", "label": "The signed employment contract",
                           "required": True, "file_count": 1}], "files": [FILE_EXAMPLE]}
