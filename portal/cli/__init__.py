"""Command-line tasks: `flask create-admin`, `flask seed-demo`, `flask audit verify|checkpoint|
publish`, `flask translate check`, `flask practice list`, `flask api-keys create`, `flask sandbox
clock show|advance|set`, `flask sandbox scenarios|load|reset` (portal.cli.sandbox)."""

from __future__ import annotations

import json
from typing import Any

import click
from flask import Flask, current_app

from portal.catalogue import say
from portal.services.accounts import registration
from portal.services.audit import checkpoints
from portal.services.audit.verify import verify_chain
from portal.services.errors import DomainError
from portal.services.sandbox import demo


def init_app(app: Flask) -> None:
    app.cli.add_command(create_admin)
    app.cli.add_command(seed_demo)
    app.cli.add_command(audit_group)
    app.cli.add_command(translate_group)
    app.cli.add_command(practice_group)
    app.cli.add_command(api_keys_group)
    from portal.cli.sandbox import sandbox_group

    app.cli.add_command(sandbox_group)


@click.command("create-admin")
@click.option("--email", prompt=True)
@click.option("--name", "full_name", prompt="Full name")
@click.password_option(
    "--password", prompt=True, help="At least 15 characters; prompted (hidden) if not given."
)
def create_admin(email: str, full_name: str, password: str) -> None:
    """Create an administrator. There is no default admin account or password."""
    try:
        user = registration.create_admin(email=email, full_name=full_name, password=password)
    except DomainError as error:
        raise click.ClickException(say(error.message)) from error
    click.echo(f"Administrator {user.email} created.")


@click.command("seed-demo")
def seed_demo() -> None:
    """Create demo employers and an admin (idempotent; development and testing only).

    Passwords are generated afresh on every run and printed once.
    """
    if not current_app.config.get("SEED_DEMO_ALLOWED"):
        raise click.ClickException("seed-demo only runs in the development or testing config.")
    accounts_made = demo.seed()
    click.echo("Demo data is ready. Sign in at /sign-in with:")
    for account in accounts_made:
        click.echo(f"  {say(account.label):<36} {account.email:<32} {account.password}")


@click.group("audit")
def audit_group() -> None:
    """The audit log."""


@audit_group.command("verify")
@click.option("--checkpoints", "checkpoints_file", type=click.File("r"), default=None,
              help="A checkpoints JSON file published earlier: also prove that the log has "
              "only been appended to since.")
@click.option("--public-key", default=None,
              help="The trusted Ed25519 public key (base64); default: this portal's own.")
def audit_verify(checkpoints_file: Any, public_key: str | None) -> None:
    """Check the audit log's hash chains (one per stream); exit 1 naming each stream's first
    broken event. With --checkpoints, also check every signed checkpoint against the log."""
    report = verify_chain()
    if report.ok:
        click.echo(
            f"Audit log intact: {report.checked} events checked in {report.streams} streams."
        )
    for broken in report.breaks:
        reason = _BREAK_REASONS[broken.kind].format(
            expected=broken.expected_seq, found=broken.found_seq
        )
        click.echo(
            f"Audit log broken at event {broken.event_id} in stream {broken.stream}: {reason}."
        )
    intact = report.ok
    if checkpoints_file is not None:
        intact = _check_checkpoints(checkpoints_file, public_key) and intact
    if not intact:
        raise SystemExit(1)


def _check_checkpoints(checkpoints_file: Any, public_key: str | None) -> bool:
    try:
        document = json.load(checkpoints_file)
        trusted = public_key or checkpoints.public_key_text(
            checkpoints.private_key(current_app.config.get("AUDIT_SIGNING_KEY") or "")
        )
        result = checkpoints.check_published(document, public_key=trusted)
    except ValueError as error:
        raise click.ClickException(f"Cannot check the checkpoints: {error}") from error
    for problem in result.problems:
        click.echo(
            f"Checkpoint {problem.checkpoint}: "
            + _CHECKPOINT_PROBLEMS[problem.kind].format(
                stream=problem.stream, position=problem.position,
                key=checkpoints.key_id(trusted),
            )
            + "."
        )
    if result.ok:
        click.echo(
            f"Checkpoints verified: {result.checked} signed checkpoints, {result.positions} "
            "signed positions unchanged: the log has only been appended to since."
        )
    return result.ok


_BREAK_REASONS = {
    "changed": "its content does not match its hash (changed)",
    "unlinked": "it does not carry the hash of the event before it (that one changed or replaced)",
    "out_of_order": "position {found} where {expected} was due (events deleted, inserted or "
    "reordered)",
    "beyond_head": "it lies beyond the stream's recorded head (inserted)",
    "missing_at_end": "the stream's head records {expected} events, {found} remain (deleted)",
    "not_head": "it is not the last event the stream's head recorded (replaced)",
}
_CHECKPOINT_PROBLEMS = {
    checkpoints.FORGED: "REFUSED, its signature does not verify with key {key} (forged or "
    "altered)",
    checkpoints.MALFORMED: "not a checkpoint of this portal's format",
    checkpoints.UNCHAINED: "does not name the checkpoint before it (one removed or replaced)",
    checkpoints.SHRANK: "stream {stream} is shorter than an earlier checkpoint signed",
    checkpoints.MISSING: "stream {stream} position {position} was signed and no longer exists "
    "(deleted since)",
    checkpoints.REWRITTEN: "stream {stream} position {position} is not the event signed "
    "(rewritten since)",
}


@audit_group.command("checkpoint")
def audit_checkpoint() -> None:
    """Sign the heads of the streams that moved now (the queue does it every ten minutes)."""
    try:
        written = checkpoints.write_checkpoint(
            signing_key=current_app.config.get("AUDIT_SIGNING_KEY") or ""
        )
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    if written is None:
        click.echo("Nothing new to sign: no stream moved since the last checkpoint.")
    else:
        click.echo(f"Checkpoint {written.id} signed: {written.events} events, "
                   f"{written.streams} streams.")


@audit_group.command("publish")
@click.argument("output", type=click.File("w"))
def audit_publish(output: Any) -> None:
    """Write the published checkpoints (JSON: the public key and every checkpoint) to OUTPUT
    (`-` for standard output)."""
    document = checkpoints.published(
        signing_key=current_app.config.get("AUDIT_SIGNING_KEY") or ""
    )
    json.dump(document, output, indent=1)
    output.write("\n")


@click.group("translate")
def translate_group() -> None:
    """Translation chores."""


@translate_group.command("check")
def translate_check() -> None:
    """List English strings with no French translation, and text rules or services make
    instead of returning codes (exit 1 if any)."""
    from portal.translation_check import missing_translations, text_outside_catalogue

    missing = missing_translations("fr")
    for msgid, where in missing:
        click.echo(f"missing: {msgid!r} ({where})")
    outside = text_outside_catalogue()
    for where, what in outside:
        click.echo(f"text outside the catalogue: {what} ({where}): return a code instead")
    if missing or outside:
        raise SystemExit(1)
    click.echo("French catalogue complete; rules and services speak in codes.")


@translate_group.command("extract")
def translate_extract() -> None:
    """Print the French entries still missing, as .po text to paste into the area's file."""
    from portal.translation_check import missing_translations

    for msgid, where in missing_translations("fr"):
        escaped = msgid.replace("\\", "\\\\").replace('"', '\\"')
        click.echo(f'#: {where}\nmsgid "{escaped}"\nmsgstr ""\n')


@click.group("practice")
def practice_group() -> None:
    """Practice cases for learners."""


@practice_group.command("list")
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="The language of the titles and difficulties.")
def practice_list(lang: str) -> None:
    """Print the practice cases, one per line: id, difficulty, title (easiest first)."""
    from portal.catalogue import say_in
    from portal.rules.practice import all_cases

    cases = all_cases()
    width = max(len(case.id) for case in cases)
    for case in cases:
        difficulty = say_in(case.difficulty_label, lang)
        click.echo(f"{case.id:<{width}}  {difficulty:<13}  {say_in(case.title, lang)}")


@practice_group.command("make-instructor")
@click.option("--email", required=True, help="The employer user who becomes an instructor.")
@click.option("--undo", is_flag=True, help="Take the instructor role away instead.")
def practice_make_instructor(email: str, undo: bool) -> None:
    """Let an employer user see every learner's practice results (/practice/instructor)."""
    from portal.services.practice import results

    try:
        user = results.set_instructor(email=email, value=not undo)
    except DomainError as error:
        raise click.ClickException(say(error.message)) from error
    state = "no longer an instructor" if undo else "an instructor"
    click.echo(f"{user.email} is now {state}.")


@click.group("api-keys")
def api_keys_group() -> None:
    """API keys for the JSON API (/api/v1)."""


@api_keys_group.command("create")
@click.option("--email", required=True, help="The employer user the key acts as.")
@click.option("--scopes", default="read,prepare,submit", show_default=True,
              help="Comma-separated: read, prepare, submit.")
@click.option("--name", default="", help="A name to tell the key apart.")
@click.option("--employer-id", type=int, default=None,
              help="For a representative: the employer the key acts for (default: their own).")
def api_keys_create(email: str, scopes: str, name: str, employer_id: int | None) -> None:
    """Make an API key (development and tests) and print it on the last line: shown once."""
    from portal.services.api_keys import keys

    try:
        key, token = keys.create_key_for_user(
            email=email, scopes=scopes.split(","), name=name, employer_id=employer_id
        )
    except DomainError as error:
        raise click.ClickException(say(error.message)) from error
    click.echo(f"API key {key.prefix}... ({key.scopes}) made for employer {key.employer_id}. "
               "It is shown once; keep it secret:")
    click.echo(token)
