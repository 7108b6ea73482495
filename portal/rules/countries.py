"""Countries (ISO 3166-1 alpha-2, names from pycountry), agreement partners and provinces."""

from __future__ import annotations

import functools
import gettext
from collections.abc import Mapping
from types import MappingProxyType

import pycountry

from portal.rules._data import load
from portal.rules.i18n import fold, pick

# pycountry's French catalogue writes some names in inverted index form ("Corée, République de");
# these are the names Canadians read on IRCC's French pages.
_FR_OVERRIDES = {
    "BO": "Bolivie",
    "CD": "République démocratique du Congo",
    "FM": "Micronésie",
    "IR": "Iran",
    "KP": "Corée du Nord",
    "KR": "Corée du Sud",
    "LA": "Laos",
    "MD": "Moldavie",
    "PS": "Palestine",
    "RU": "Russie",
    "SY": "Syrie",
    "TW": "Taïwan",
    "TZ": "Tanzanie",
    "VA": "Saint-Siège (Vatican)",
    "VE": "Venezuela",
}

PROVINCES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "AB": ("Alberta", "Alberta"),
        "BC": ("British Columbia", "Colombie-Britannique"),
        "MB": ("Manitoba", "Manitoba"),
        "NB": ("New Brunswick", "Nouveau-Brunswick"),
        "NL": ("Newfoundland and Labrador", "Terre-Neuve-et-Labrador"),
        "NS": ("Nova Scotia", "Nouvelle-Écosse"),
        "NT": ("Northwest Territories", "Territoires du Nord-Ouest"),
        "NU": ("Nunavut", "Nunavut"),
        "ON": ("Ontario", "Ontario"),
        "PE": ("Prince Edward Island", "Île-du-Prince-Édouard"),
        "QC": ("Quebec", "Québec"),
        "SK": ("Saskatchewan", "Saskatchewan"),
        "YT": ("Yukon", "Yukon"),
    }
)
ATLANTIC_PROVINCES = frozenset({"NB", "NS", "PE", "NL"})

EU27: frozenset[str] = frozenset(load("reference")["eu27"])
CPTPP_MEMBERS: frozenset[str] = frozenset(load("reference")["cptpp_members"])
IEC_COUNTRIES: frozenset[str] = frozenset(load("reference")["iec_countries"])

# Who may use each agreement's codes (citizens; the per-code lists in codes.json are narrower
# where a category excludes some members, e.g. CPTPP professionals).
PARTNERS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "cusma": frozenset({"US", "MX"}),
        "ceta": EU27,
        "cptpp": CPTPP_MEMBERS,
        "chile": frozenset({"CL"}),
        "colombia": frozenset({"CO"}),
        "korea": frozenset({"KR"}),
        "panama": frozenset({"PA"}),
        "peru": frozenset({"PE"}),
        "uk": frozenset({"GB"}),
        "ukraine": frozenset({"UA"}),
        "iec": IEC_COUNTRIES,
    }
)


@functools.cache
def _fr_catalogue() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)


def _normalise(alpha2: object) -> str | None:
    if not isinstance(alpha2, str):
        return None
    code = alpha2.strip().upper()
    return code if len(code) == 2 and code.isalpha() else None


def is_valid_country(alpha2: object) -> bool:
    code = _normalise(alpha2)
    return code is not None and pycountry.countries.get(alpha_2=code) is not None


@functools.cache
def _name(code: str, lang: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    if lang == "fr":
        return _FR_OVERRIDES.get(code) or _fr_catalogue().gettext(country.name)
    return getattr(country, "common_name", None) or country.name


def country_name(alpha2: str, lang: str = "en") -> str:
    """Short country name in English or French; an unknown code is returned as given."""
    code = _normalise(alpha2)
    if code is None:
        return str(alpha2)
    return _name(code, "fr" if pick("en", "fr", lang) == "fr" else "en")


@functools.cache
def _all_countries(lang: str) -> tuple[tuple[str, str], ...]:
    pairs = [(c.alpha_2, country_name(c.alpha_2, lang)) for c in pycountry.countries]
    # Accent-insensitive order ("Égypte" sorts with E), ties broken by the accented spelling.
    return tuple(sorted(pairs, key=lambda p: (fold(p[1]), p[1])))


def all_countries(lang: str = "en") -> list[tuple[str, str]]:
    """(alpha-2, name) for every ISO 3166-1 country, sorted by name in that language."""
    return list(_all_countries("fr" if pick("en", "fr", lang) == "fr" else "en"))


def province_name(code: str, lang: str = "en") -> str:
    names = PROVINCES.get(str(code).upper()) if isinstance(code, str) else None
    return pick(*names, lang) if names else str(code)


def all_provinces(lang: str = "en") -> list[tuple[str, str]]:
    """(code, name) for the 13 provinces and territories, sorted by name in that language."""
    pairs = [(code, province_name(code, lang)) for code in PROVINCES]
    return sorted(pairs, key=lambda p: fold(p[1]))


def is_province(code: object) -> bool:
    return isinstance(code, str) and code.upper() in PROVINCES
