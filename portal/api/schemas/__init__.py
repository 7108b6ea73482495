"""marshmallow schemas of the API: what each operation reads and returns (and so the OpenAPI
document). They check shape; the services check meaning."""
