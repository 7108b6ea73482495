"""GET /api/v1/me: the employer, user and key a call acts as."""

from __future__ import annotations

from typing import Any

from flask_smorest import Blueprint

from portal.api.auth import current_access, key_required
from portal.api.docs import problems
from portal.api.schemas.account import ME_EXAMPLE, MeSchema
from portal.models.enums import Scope
from portal.services.api_keys import keys

blp = Blueprint("api_account", __name__, description="Who the key acts as.")


@blp.route("/me", methods=["GET"])
@blp.response(200, MeSchema, example=ME_EXAMPLE)
@problems(blp, 401, 403, 429)
@blp.doc(summary="Who am I",
         description="The employer the key acts for, the user who made it, and its scopes.")
@key_required(Scope.READ)
def who_am_i() -> dict[str, Any]:
    access = current_access()
    identity = keys.describe(access)
    employer, user = identity.employer, identity.user
    return {
        "employer": {
            "id": employer.id, "legal_name": employer.legal_name,
            "operating_name": employer.operating_name,
            "business_number": employer.business_number,
            "compliance_exempt": identity.compliance_exempt,
        },
        "user": {"id": user.id, "full_name": user.full_name,
                 "permission": identity.permission, "representative": identity.representative},
        "key": {"id": access.key_id, "name": access.name, "prefix": access.prefix,
                "scopes": [scope.value for scope in Scope if scope in access.scopes]},
    }
