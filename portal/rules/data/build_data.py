"""Build portal/rules/data/*.json from the team's shared research files.

Run from the repository root:  .venv/bin/python portal/rules/data/build_data.py [SHARED_DIR]
SHARED_DIR defaults to ../shared (relative to the repository root). The app never reads SHARED_DIR:
it only reads the JSON files this script writes next to it, which are committed.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import yaml
from build_text_fr import AGREEMENTS_FR, CUSMA_PROFESSIONS_FR, EVIDENCE_FR, NAMES_FR

HERE = Path(__file__).resolve().parent
RULES_DATE = "2026-11-24"
CODES_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/"
    "operational-bulletins-manuals/temporary-residents/foreign-workers/exemption-codes.html"
)
NOC_URL = "https://www.statcan.gc.ca/en/subjects/standard/noc/2021/indexV1"
TRAVEL_URL = "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/"
MEDICAL_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/application/medical-police/"
    "medical-exams/requirements-temporary-residents/country-requirements.html"
)
IEC_VARIANTS = {"working_holiday": "WH", "young_professionals": "YP", "international_coop": "IC"}
IEC_CATEGORY_KEYS = {
    "working_holiday": "wh",
    "young_professionals": "yp",
    "international_coop": "ic",
}
# YAML 1.1 reads the bare ISO code NO (Norway) as the boolean false; map names back to codes.
ISO_FIXES = {"Norway": "NO"}


def fee_rule(raw: str) -> str:
    raw = str(raw)
    if raw.startswith("required_unless"):
        return "required_unless_worker_fee_exempt"
    if raw.startswith("required"):
        return "required"
    if raw.startswith("exempt"):
        return "exempt"
    return "not_applicable"


def pr_countries(basis: str | None, citizenships: list[str] | None) -> list[str]:
    """Countries whose permanent residents also qualify, read from the YAML's citizenship_basis."""
    if not basis or not citizenships:
        return []
    if basis in ("citizen_or_pr", "citizen_national_or_pr"):
        return list(citizenships)
    match = re.search(r"\(([A-Z/]+): (?:also PR|citizen or PR)\)", basis)
    return match.group(1).split("/") if match else []


def _owp_fee(raw: object) -> str | None:
    """ "required" or "exempt" from free text such as "exempt; WP processing fee also exempt"."""
    match = re.match(r"(required|exempt)", str(raw or ""))
    return match.group(1) if match else None


def slug(text: str, taken: set[str]) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    base = "-".join(words[:6]) or "item"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def evidence_fr(text: str) -> str:
    if text in EVIDENCE_FR:
        return EVIDENCE_FR[text]
    match = re.fullmatch(r"Proof of citizenship(.*) of (\w+) party", text)
    if match and match.group(2) in AGREEMENTS_FR:
        pr = " ou de résidence permanente" if "permanent" in match.group(1) else ""
        return (
            f"Preuve de citoyenneté{pr} d'un pays partie à {AGREEMENTS_FR[match.group(2)]}".replace(
                "à du", "au"
            )
        )
    raise SystemExit(f"missing French evidence text: {text!r}")


def iec_table(raw: list[dict]) -> dict[str, dict]:
    table: dict[str, dict] = {}
    for row in raw:
        iso = row["iso"] if isinstance(row["iso"], str) else ISO_FIXES[row["country"]]
        cats: dict[str, dict] = {}
        for cat in row["categories"]:
            key = IEC_CATEGORY_KEYS[cat["category"]]
            prev = cats.get(key)
            # Some countries list a category twice (two programmes); keep the widest age range.
            cats[key] = {
                "age_min": min(cat["age_min"], prev["age_min"]) if prev else cat["age_min"],
                "age_max": max(cat["age_max"], prev["age_max"]) if prev else cat["age_max"],
                "max_months": max(cat["max_months"], prev["max_months"])
                if prev
                else cat["max_months"],
            }
        table[iso] = {
            "country_en": row["country"],
            "participations": row["participations_allowed"],
            "categories": cats,
        }
    return table


def build_code(raw: dict, iec: dict[str, dict]) -> dict:
    el = raw.get("eligibility") or {}
    variant = raw.get("variant")
    key = f"{raw['code']}-{IEC_VARIANTS[variant]}" if variant else raw["code"]
    citizenships = el.get("citizenship")
    iec_category = IEC_CATEGORY_KEYS.get(variant) if variant else None
    if iec_category:
        citizenships = sorted(iso for iso, row in iec.items() if iec_category in row["categories"])
    elif not isinstance(citizenships, list):
        citizenships = None  # "any", "any WTO member" or no rule
    taken: set[str] = set()
    evidence = [
        {
            "id": slug(text, taken),
            "en": text,
            "fr": evidence_fr(text),
            "required": not re.search(r"where required|\bif\b", text),
        }
        for text in el.get("evidence_required", [])
    ]
    mfe = el.get("min_foreign_employment") or {}
    language = el.get("language") or {}
    return {
        "key": key,
        "code": raw["code"],
        "legacy_code": raw.get("legacy_code") if raw.get("legacy_code") != raw["code"] else None,
        "name_en": raw["name"],
        "name_fr": NAMES_FR[key],
        "source_category": raw["category"],
        "agreement": raw.get("agreement"),
        "regulation": raw["regulation"],
        "employer_specific": bool(raw["employer_specific"]),
        "fee_rule": fee_rule(raw["compliance_fee"]),
        "open_permit_holder_fee": _owp_fee(raw.get("open_work_permit_holder_fee")),
        "teer_levels": el.get("teer_levels"),
        "citizenships": citizenships,
        "pr_citizenships": pr_countries(el.get("citizenship_basis"), citizenships),
        "iec_category": iec_category,
        "max_initial_months": raw.get("max_initial_duration_months"),
        "max_total_months": raw.get("max_total_months"),
        "min_foreign_employment_months": mfe.get("months"),
        "foreign_employment_window_months": mfe.get("within_months"),
        "capacity": el.get("capacity"),
        "provinces": el.get("province"),
        "provinces_not": el.get("province_not"),
        "min_experience_years": el.get("min_experience_years"),
        "ownership_min_percent": el.get("ownership_min_percent"),
        "occupation_list": el.get("occupation_list"),
        "french_nclc_min": language.get("french_clb_nclc_min"),
        "poe_still_allowed": bool(raw.get("port_of_entry_application_still_allowed", False)),
        "other_rules_en": el.get("other_rules", []),
        "evidence": evidence,
        "source": raw["source"],
    }


def write(name: str, payload: dict) -> None:
    path = HERE / name
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(HERE.parent.parent.parent)}")


def main(shared: Path) -> None:
    src = yaml.safe_load((shared / "domain" / "exemption_codes.yaml").read_text(encoding="utf-8"))
    iec = iec_table(src["iec_countries"])
    codes = [build_code(raw, iec) for raw in src["codes"]]
    professions = [
        {"id": slug(name, set()), "group": group, "en": name, "fr": CUSMA_PROFESSIONS_FR[name]}
        for group, names in src["cusma_appendix_2_professions"].items()
        for name in names
    ]
    meta = {
        "source": CODES_URL,
        "rules_date": RULES_DATE,
        "source_snapshot": src["meta"]["source_snapshot_note"],
    }
    write("codes.json", {**meta, "codes": codes})
    groups = src["country_groups"]
    fees = src["fees_cad"]
    write(
        "reference.json",
        {
            **meta,
            "fees_cents": {k: round(float(v) * 100) for k, v in fees.items()},
            "cusma_appendix_2": professions,
            "eu27": groups["EU_CETA"],
            "cptpp_members": groups["CPTPP_members_in_IRCC_page"],
            "iec_countries": iec,
        },
    )
    with (shared / "data" / "noc2021_unit_groups.csv").open(encoding="utf-8", newline="") as fh:
        noc = [
            {"code": r["code"], "teer": int(r["teer"]), "en": r["title_en"], "fr": r["title_fr"]}
            for r in csv.DictReader(fh)
        ]
    write(
        "noc2021.json",
        {
            "source": NOC_URL,
            "rules_date": RULES_DATE,
            "version": "NOC 2021 V1.0",
            "unit_groups": noc,
        },
    )
    with (shared / "data" / "travel_documents.csv").open(encoding="utf-8", newline="") as fh:
        travel = {
            r["iso2"]: {"document": r["document"], "note_en": r["notes"] or None}
            for r in csv.DictReader(fh)
        }
    write(
        "travel_documents.json",
        {
            "source": TRAVEL_URL,
            "rules_date": RULES_DATE,
            "regulations_current_to": "2026-01-19",
            "countries": travel,
        },
    )
    with (shared / "data" / "medical_exam_countries.csv").open(encoding="utf-8", newline="") as fh:
        medical = sorted(r["iso2"] for r in csv.DictReader(fh))
    write(
        "medical_exam_countries.json",
        {
            "source": MEDICAL_URL,
            "rules_date": RULES_DATE,
            "list_as_of": "2025-11-03",
            "countries": medical,
        },
    )


if __name__ == "__main__":
    default = HERE.parents[2].parent / "shared"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
