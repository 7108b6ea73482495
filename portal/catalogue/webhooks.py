"""What the webhook services say when they refuse (portal.services.webhooks): the URL, the
events, the number of endpoints, and the endpoint or delivery asked for. French:
fr/LC_MESSAGES/webhooks.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

WEBHOOKS: dict[str, LazyString] = {
    "webhook.url_invalid": _l(
        "Enter the endpoint's full address, starting with https:// (or http:// while testing), "
        "without a user name or password."),
    "webhook.url_https": _l("Enter an address starting with https://: webhooks are sent over "
                            "TLS only."),
    "webhook.url_private": _l(
        "This address is on a private, loopback, link-local or multicast network: webhooks "
        "are sent only to public addresses."),
    "webhook.events": _l("Choose at least one event."),
    "webhook.too_many": _l("This employer already has 20 webhook endpoints. Delete one you no "
                           "longer use."),
    "webhook.not_found": _l("Webhook endpoint not found."),
    "webhook.delivery_not_found": _l("Webhook delivery not found."),
}
