"""The API reference page (/api/v1/docs): made on the server from the OpenAPI document, so it
lists every operation with its scope and examples; in English and French; our own files only
(no CDN, no script of its own: it works offline and without JavaScript); linked from the
landing page in the reader's language."""

from __future__ import annotations

import re


def _operations(spec):
    return [(path, method, operation) for path, item in spec["paths"].items()
            for method, operation in item.items() if method != "parameters"]


def test_the_page_lists_every_operation_of_the_document(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    response = client.get("/api/v1/docs?lang=en")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "<h1>API reference</h1>" in page
    for path, method, operation in _operations(spec):
        assert f'id="{operation["operationId"]}"' in page, operation["operationId"]
        assert f"<code lang=\"en\">{method.upper()} {path}</code>" in page
    assert "Key scope needed: submit" in page and "No key needed." in page
    assert "&#34;card_number&#34;: &#34;4242 4242 4242 4242&#34;" in page  # the pay example
    assert page.count('<section class="card"') == len(_operations(spec))


def test_the_page_is_in_french_with_the_documents_english_marked(client):
    page = client.get("/api/v1/docs?lang=fr").get_data(as_text=True)
    assert '<html lang="fr">' in page and "<h1>Référence de l'API</h1>" in page
    assert "Portée de clé requise : submit" in page
    assert ">Créer une ébauche</h3>" in page
    assert '<p lang="en">An empty body makes an empty draft' in page
    assert 'href="/api/v1/docs?lang=en"' in page  # the toggle, to the same page


def test_the_page_uses_only_the_portals_own_files(client):
    page = client.get("/api/v1/docs").get_data(as_text=True)
    addresses = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert addresses and all(a.startswith(("/", "#")) for a in addresses), addresses
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script src="/static/js/error-summary.js" defer>']


def test_the_landing_page_links_to_it_in_the_readers_language(client):
    english = client.get("/?lang=en").get_data(as_text=True)
    assert 'href="/api/v1/docs?lang=en">Read the API reference</a>' in english
    french = client.get("/?lang=fr").get_data(as_text=True)
    assert 'href="/api/v1/docs?lang=fr">Lire la référence de l\'API</a>' in french
