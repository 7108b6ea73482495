"""Employer teams: who may act for which employer (`membership`) and inviting people
(`invitations`).

Guarantees of the package: a user acts for an employer only through an active membership, and
`membership.acting_access` is the one place that decides it; only the primary user invites,
changes permissions and removes; an invitation code is shown once and stored only as a hash.
Who must sign in with a second factor (administrators always; a team whose primary user
requires it) is decided in one place (`second_factor_policy`).
"""
