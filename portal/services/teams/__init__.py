"""Employer teams: who may act for which employer (`membership`) and inviting people
(`invitations`).

Guarantees of the package: a user acts for an employer only through an active membership, and
`membership.acting_access` is the one place that decides it; only the primary user invites,
changes permissions and removes; an invitation code is shown once and stored only as a hash.
"""
