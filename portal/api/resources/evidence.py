"""An offer's evidence files: list (with the items its code asks for), upload (multipart),
download and delete, through the same service and checks as the evidence page."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, request, url_for
from flask_babel import lazy_gettext as _l
from flask_smorest import Blueprint

from portal.api.auth import actor, key_required
from portal.api.docs import PATH_OFFER_ID, links, problems
from portal.api.errors import from_domain_error
from portal.api.idempotency import header_doc, idempotent
from portal.api.schemas.evidence import (
    FILE_EXAMPLE,
    LIST_EXAMPLE,
    EvidenceFileSchema,
    EvidenceListSchema,
    EvidenceUpload,
)
from portal.i18n import current_language
from portal.models.enums import FEE_EXEMPTION_PROOF, Scope
from portal.rules.codes import get_code
from portal.services.errors import DomainError
from portal.services.offers import evidence
from portal.services.offers.access import get_offer
from portal.services.offers.filecheck import UploadLimits

blp = Blueprint("api_evidence", __name__, description="Evidence files of a draft offer.")
_PROOF = _l("Proof of the fee exemption")
_EXTENSIONS = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}


def file_body(item: Any) -> dict[str, Any]:
    return {"id": item.id, "item_id": item.item_id, "filename": item.filename,
            "content_type": item.content_type, "size": item.size, "created_at": item.created_at}


@blp.route("/offers/<int:offer_id>/evidence", methods=["GET"])
@blp.response(200, EvidenceListSchema, example=LIST_EXAMPLE)
@problems(blp, 401, 403, 404, 429)
@blp.doc(summary="List the evidence", description="The evidence items the offer's exemption "
         "code asks for, in the language asked for, and the files uploaded (without content).")
@key_required(Scope.READ)
def list_evidence(offer_id: int) -> Any:
    try:
        offer = get_offer(offer_id=offer_id, actor=actor())
        files = evidence.list_files(offer_id=offer_id, actor=actor())
    except DomainError as error:
        return from_domain_error(error)
    french = current_language() == "fr"
    entry = get_code(offer.code_key) if offer.code_key else None
    items = [(e.id, e.label_fr if french else e.label_en, e.required)
             for e in (entry.employer_evidence if entry else ())]
    if any(f.item_id == FEE_EXEMPTION_PROOF for f in files):
        items.append((FEE_EXEMPTION_PROOF, str(_PROOF), False))
    return {
        "items": [{"id": item, "label": label, "required": required,
                   "file_count": sum(1 for f in files if f.item_id == item)}
                  for item, label, required in items],
        "files": [file_body(f) for f in files],
    }


@blp.route("/offers/<int:offer_id>/evidence", methods=["POST"])
@key_required(Scope.PREPARE)
@idempotent()
@blp.arguments(EvidenceUpload, location="form", content_type="multipart/form-data",
               example={"item_id": "contract", "file": "(the PDF's bytes)"})
@blp.response(201, EvidenceFileSchema, example=FILE_EXAMPLE)
@problems(blp, 401, 403, 404, 409, 413, 422, 429)
@links(blp, 201, ("listEvidence",), PATH_OFFER_ID, **{
    name: {"offer_id": PATH_OFFER_ID, "file_id": "$response.body#/id"}
    for name in ("downloadEvidence", "deleteEvidence")})
@blp.doc(summary="Upload an evidence file", parameters=[header_doc(required=False)],
         description="multipart/form-data with `item_id` and the file as `file`. Only drafts "
         "take files; the file's type is read from its content, not its name, and the file is "
         "parsed: a PDF must open (not encrypted, within the page limit, no JavaScript, launch "
         "action or embedded file), an image must decode within the pixel limit and is stored "
         "re-encoded without its metadata; each refusal is a 422 with its own code.")
def upload_evidence(body: dict[str, Any], offer_id: int) -> Any:
    upload = request.files.get("file")
    try:
        item = evidence.add_file(
            offer_id=offer_id, actor=actor(), item_id=body["item_id"],
            filename=(upload.filename or "") if upload else "",
            data=upload.read() if upload else b"",
            max_file_bytes=current_app.config["EVIDENCE_MAX_FILE_BYTES"],
            max_offer_bytes=current_app.config["EVIDENCE_MAX_OFFER_BYTES"],
            limits=UploadLimits.of(current_app.config),
        )
    except DomainError as error:
        return from_domain_error(error)
    location = url_for("api_evidence.download_evidence", offer_id=offer_id, file_id=item.id)
    return file_body(item), 201, {"Location": location}


@blp.route("/offers/<int:offer_id>/evidence/<int:file_id>", methods=["GET"])
@blp.response(200, description="The file's content (PDF, PNG or JPEG).",
              content_type="application/octet-stream")
@problems(blp, 401, 403, 404, 429)
@blp.doc(summary="Download an evidence file")
@key_required(Scope.READ)
def download_evidence(offer_id: int, file_id: int) -> Any:
    try:
        item = evidence.get_file(offer_id=offer_id, file_id=file_id, actor=actor())
    except DomainError as error:
        return from_domain_error(error)
    response = Response(item.data, mimetype=item.content_type)
    name = f"evidence-{item.id}{_EXTENSIONS.get(item.content_type, '')}"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@blp.route("/offers/<int:offer_id>/evidence/<int:file_id>", methods=["DELETE"])
@blp.response(204)
@problems(blp, 401, 403, 404, 409, 429)
@blp.doc(summary="Delete an evidence file", description="Only a draft's files can be removed.")
@key_required(Scope.PREPARE)
def delete_evidence(offer_id: int, file_id: int) -> Any:
    try:
        evidence.remove_file(offer_id=offer_id, file_id=file_id, actor=actor())
    except DomainError as error:
        return from_domain_error(error)
    return Response(status=204)
