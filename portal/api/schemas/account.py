"""Who am I: the employer, the user and the key of the call."""

from __future__ import annotations

import marshmallow as ma


class EmployerSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    legal_name = ma.fields.String(required=True)
    operating_name = ma.fields.String(required=True)
    business_number = ma.fields.String(required=True, metadata={
        "description": "The 9-digit CRA business number."})
    compliance_exempt = ma.fields.Boolean(required=True, metadata={
        "description": "Exempt from the employer compliance regime (it then submits no offers)."})


class UserSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    full_name = ma.fields.String(required=True)
    permission = ma.fields.String(required=True, metadata={
        "description": "The user's permission for this employer: prepare or submit."})
    representative = ma.fields.Boolean(required=True, metadata={
        "description": "The user acts for this employer as its representative."})


class KeySchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    prefix = ma.fields.String(required=True, metadata={
        "description": "The first characters of the key, to tell keys apart."})
    scopes = ma.fields.List(ma.fields.String(), required=True)


class MeSchema(ma.Schema):
    employer = ma.fields.Nested(EmployerSchema, required=True)
    user = ma.fields.Nested(UserSchema, required=True)
    key = ma.fields.Nested(KeySchema, required=True)


ME_EXAMPLE = {
    "employer": {"id": 12, "legal_name": "Maple Software Inc.", "operating_name": "Maple Software",
                 "business_number": "123456782", "compliance_exempt": False},
    "user": {"id": 31, "full_name": "Pat Primary", "permission": "submit",
             "representative": False},
    "key": {"id": 4, "name": "HR system", "prefix": "ep_test_Ab3dE9",
            "scopes": ["read", "prepare", "submit"]},
}
