"""Offer (A#######), application and receipt numbers, and the PDF verification code."""

from __future__ import annotations

import hashlib
import hmac
import random
import re
import secrets

OFFER_NUMBER_RE = re.compile(r"^A\d{7}$")
APPLICATION_NUMBER_RE = re.compile(r"^W\d{9}$")
RECEIPT_NUMBER_RE = re.compile(r"^R\d{10}$")
# Crockford-style alphabet without 0/O, 1/I/L and U, so a code read aloud or typed is unambiguous.
VERIFICATION_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
VERIFICATION_LENGTH = 10

Rng = random.Random | secrets.SystemRandom


def _digits(rng: Rng, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def is_offer_number(value: object) -> bool:
    """True for "A" followed by exactly 7 digits (IRCC's format; no spaces, capital A)."""
    return isinstance(value, str) and OFFER_NUMBER_RE.fullmatch(value) is not None


def new_offer_number(rng: Rng) -> str:
    """A random (not sequential) offer number; the caller retries when it is already taken."""
    return "A" + _digits(rng, 7)


def is_application_number(value: object) -> bool:
    return isinstance(value, str) and APPLICATION_NUMBER_RE.fullmatch(value) is not None


def new_application_number(rng: Rng) -> str:
    return "W" + _digits(rng, 9)


def receipt_number(rng: Rng) -> str:
    return "R" + _digits(rng, 10)


def verification_code(offer_number: str, secret: bytes) -> str:
    """A 10-character code derived from the offer number with HMAC-SHA256, printed on the PDF so
    anyone can check a printout against the simulator without seeing the offer's contents."""
    digest = hmac.new(secret, offer_number.encode("utf-8"), hashlib.sha256).digest()
    value = int.from_bytes(digest[:8], "big")
    chars = []
    for _ in range(VERIFICATION_LENGTH):
        value, index = divmod(value, len(VERIFICATION_ALPHABET))
        chars.append(VERIFICATION_ALPHABET[index])
    return "".join(chars)


def format_verification_code(code: str) -> str:
    """ "ABCDE-FGHJK": easier to read on paper."""
    return f"{code[:5]}-{code[5:]}"


def check_verification_code(offer_number: str, code: str, secret: bytes) -> bool:
    """True when `code` (dashes, spaces and case ignored) belongs to `offer_number`."""
    if not isinstance(code, str) or not isinstance(offer_number, str):
        return False
    cleaned = code.replace("-", "").replace(" ", "").upper()
    expected = verification_code(offer_number, secret)
    return hmac.compare_digest(cleaned.encode("utf-8"), expected.encode("utf-8"))
