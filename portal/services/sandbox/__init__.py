"""The sandbox: data for development, training and demonstrations.

Guarantees of the package: seeding is idempotent and writes no password anywhere (`demo`).
"""
