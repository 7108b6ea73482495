"""What the administrators' services say when they refuse (portal.services.actor and
portal.services.compliance): bans, compliance-regime exemptions and exempt employers.
French: fr/LC_MESSAGES/admin.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

ADMINISTRATION: dict[str, LazyString] = {
    "admin.only": _l("Only an administrator can do this."),
    "ban.reason_missing": _l("Give the reason for the finding."),
    "ban.reason_fr_missing": _l("Give the reason for the finding in French too: the French "
                                "public list shows it."),
    "ban.end_before_start": _l("The end date cannot be before the start date."),
    "ban.penalty_negative": _l("The penalty cannot be negative."),
    "ban.lift_reason_missing": _l("Give the reason for lifting the ban."),
    "ban.not_found": _l("Ban not found."),
    "ban.already_lifted": _l("This ban is already lifted."),
    "exemption.expiry_before_effective": _l("The expiry date must be after the effective date."),
    "exemption.legal_basis_missing": _l("Enter the legal basis, for example R209.9(c)."),
    "exemption.revoke_reason_missing": _l("Give the reason for revoking."),
    "exemption.not_found": _l("Exemption not found."),
    "exemption.already_revoked": _l("This exemption is already revoked."),
    "exemption.business_number_taken": _l("This business number is already registered."),
    "exemption.overlap": _l("An exemption already covers these dates. Revoke it first."),
}
