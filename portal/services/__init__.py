"""Use cases. One commit point per use case; domain errors raised; no Flask request objects.

Views call a service with plain values and an `Actor` (who acts, for which employer, from
which address) and map `DomainError`s onto form fields.

One package per aggregate; the packages depend on one another without cycles (an import-linter
contract). What several share sits beside them: `actor`, `errors`, `pages`.
"""
