"""The audit log: append-only and hash-chained per stream (`chain`), checked (`verify`), read
(`log`), and sealed by signed checkpoints that prove it was only appended to (`checkpoints`).

Guarantees of the package: an event joins the transaction of the change it describes (it never
commits by itself); events are chained per stream (one per employer, one for the system), so
appends about different employers never wait on each other; tampering with stored events
(changed, deleted, inserted or reordered rows) breaks the chain there, and `verify.verify_chain`
names the event; administrators read every event, an employer's users only their employer's
events; details never hold personal data.
"""
