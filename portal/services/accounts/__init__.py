"""People's accounts: registering, signing in, passwords, the employer's profile, the second factor.

Guarantees of the package:
- emails are stored lower-case and unique; passwords follow one rule and are stored only as
  Argon2id hashes (`registration`, `passwords`);
- an unknown email and a wrong password look the same; ending sessions bumps the session
  version, which ends every copy of the old cookie (`authentication`);
- the business number never changes; only the primary user edits the profile (`profile`);
- an administrator's TOTP code works once, recovery codes once each (`second_factor`);
- a confirmation or password-reset link is single-use, expires after 24 h and is stored only
  as its SHA-256 (`email_links`);
- ten wrong passwords or second-factor codes in an hour, from any addresses, lock the account
  for fifteen minutes, an unknown email exactly like a known one; the owner is told once per
  lockout (`lockout`);
- a session id that timed out or was signed out is refused however often its cookie is
  replayed (`session_ids`).
"""
