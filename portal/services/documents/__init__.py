"""Documents the portal issues: the offer confirmation PDF.

Guarantees of the package: only the offer's employer's users and administrators get a document;
a PDF is rendered at most once per offer version and language (`confirmation`), by a renderer
that fetches nothing but data: URIs (`render`).
"""
