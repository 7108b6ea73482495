"""Password hashing (Argon2id) and the password rule.

The rule follows NIST SP 800-63B and ASVS V2.1: 15 to 256 characters, any characters, no
composition rules, and not a known common password. Hashes use argon2-cffi's Argon2id defaults
(RFC 9106 low-memory profile); `needs_rehash` lets sign-in upgrade old hashes.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 15
MAX_LENGTH = 256
_DATA = Path(__file__).resolve().parent / "data"
_hasher = PasswordHasher()

# A hash of a random password, checked when the email is unknown so that both failures
# take the same time.
_DUMMY_HASH = _hasher.hash("a-password-nobody-has-0f3c9d2e")


@cache
def _common_passwords() -> frozenset[str]:
    with gzip.open(_DATA / "common-passwords.txt.gz", "rt", encoding="utf-8") as handle:
        words = {line.strip().lower() for line in handle if line.strip()}
    extra = (_DATA / "common-passphrases.txt").read_text(encoding="utf-8").splitlines()
    words.update(line.strip().lower() for line in extra if line.strip())
    return frozenset(words)


def is_common(password: str) -> bool:
    return password.strip().lower() in _common_passwords()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; always does the work of one verification."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
