"""What the API key services say when they refuse (portal.services.api_keys): the scopes,
the expiry, the number of keys, and the user or key asked for. French: fr/LC_MESSAGES/api.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

API_KEYS: dict[str, LazyString] = {
    "api_key.scopes": _l("Choose at least one scope: read, prepare or submit."),
    "api_key.expiry_past": _l("Choose an expiry date after today, or leave it empty."),
    "api_key.too_many": _l(
        "This employer already has 50 active keys. Revoke one you no longer use."
    ),
    "api_key.no_user": _l("No employer user has this email address."),
    "api_key.no_access": _l("This user cannot act for that employer."),
    "api_key.not_found": _l("API key not found."),
}
