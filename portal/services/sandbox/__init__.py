"""The sandbox: data for development, training and demonstrations.

Guarantees of the package: seeding is idempotent and writes no password anywhere (`demo`,
`demo_offer`); simulated time only moves forwards, only where the configuration allows it, and
every move is audited (`clock`).
"""
