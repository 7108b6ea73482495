"""The audit log: append-only and hash-chained (`chain`), and reading it (`log`).

Guarantees of the package: an event joins the transaction of the change it describes (it never
commits by itself); tampering with a stored event breaks the chain at that event, which
`chain.verify_chain` reports; administrators read every event, an employer's users only their
employer's events; details never hold personal data.
"""
