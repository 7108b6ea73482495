"""API keys: making, listing, revoking, and recognising them on each API request (`keys`).

Guarantees of the package: a key is shown once and stored only as its SHA-256; only the
employer's primary user makes or revokes keys on the page (the command line makes them for
development and tests); a key acts for one employer as the user who made it, and only while that
user still may act for it; its scopes narrow that user's rights, never widen them; every change
is audited with the key's id. An Idempotency-Key has one effect per key, its first response
replayed for 24 hours, and the same key with another body is refused (`idempotency`).
"""
