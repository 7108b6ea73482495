"""`flask sandbox ...`: the clock (show | advance | set), the named scenarios (scenarios, load
NAME) and reset --yes. Each acts as the operator at the console (an administrator)."""

from __future__ import annotations

from typing import Any

import click
from flask import current_app

from portal.catalogue import say
from portal.services.actor import Actor
from portal.services.errors import DomainError

OPERATOR = Actor(user_id=None, is_admin=True)  # the operator at the console


@click.group("sandbox")
def sandbox_group() -> None:
    """Sandbox controls (development and integration testing)."""


def _print_accounts(accounts: Any) -> None:
    click.echo("Sign in at /sign-in with (passwords shown once, stored nowhere):")
    for account in accounts:
        click.echo(f"  {say(account.label):<48} {account.email:<40} {account.password}")


@sandbox_group.command("scenarios")
def scenarios_list() -> None:
    """List the named scenarios, one per line: the name, then what it makes."""
    from portal.services.sandbox import scenarios

    listed = scenarios.all_scenarios()
    width = max(len(scenario.name) for scenario in listed)
    for scenario in listed:
        click.echo(f"{scenario.name:<{width}}  {say(scenario.description)}")


@sandbox_group.command("load")
@click.argument("name")
def scenario_load(name: str) -> None:
    """Load the scenario NAME into its own fresh employers (again: nothing new is made) and
    print its sign-ins with fresh passwords."""
    from portal.services.sandbox import scenarios

    try:
        accounts = scenarios.load(name=name, actor=OPERATOR,
                                  allowed=bool(current_app.config.get("SEED_DEMO_ALLOWED")))
    except DomainError as error:
        raise click.ClickException(say(error.message)) from error
    click.echo(f"Scenario {name} is loaded.")
    _print_accounts(accounts)


@sandbox_group.command("reset")
@click.option("--yes", is_flag=True, help="Confirm: every table is emptied.")
def sandbox_reset(yes: bool) -> None:
    """Empty every table and seed the demo data again (refused without --yes, and in
    production)."""
    from portal.services.sandbox import reset

    if not yes:
        raise click.ClickException(
            "reset empties every table of this database: run it again with --yes to confirm.")
    try:
        accounts = reset.reset(actor=OPERATOR,
                               allowed=bool(current_app.config.get("SEED_DEMO_ALLOWED")))
    except DomainError as error:
        raise click.ClickException(say(error.message)) from error
    click.echo("The database is back to the demo state.")
    _print_accounts(accounts)


@sandbox_group.group("clock")
def clock_group() -> None:
    """The simulated date: shown, or moved forwards (never backwards)."""


def _print_clock(state: Any) -> None:
    click.echo(f"simulated date: {state.today.isoformat()}")
    click.echo(f"real date:      {state.real_today.isoformat()} "
               f"({state.days_ahead} day{'' if state.days_ahead == 1 else 's'} ahead)")


def _move_clock(move: Any, **kwargs: Any) -> None:
    try:
        state = move(actor=OPERATOR, enabled=current_app.config["SANDBOX_CLOCK_ENABLED"],
                     **kwargs)
    except DomainError as error:
        raise click.ClickException(say(error.message)) from error
    _print_clock(state)


@clock_group.command("show")
def clock_show() -> None:
    """Print the simulated date and the real one."""
    from portal.services.sandbox import clock as sandbox_clock

    _print_clock(sandbox_clock.state(enabled=current_app.config["SANDBOX_CLOCK_ENABLED"]))


@clock_group.command("advance")
@click.option("--days", type=int, required=True, help="How many days forwards (1 to 3660).")
def clock_advance(days: int) -> None:
    """Move simulated time forwards by whole days."""
    from portal.services.sandbox import clock as sandbox_clock

    _move_clock(sandbox_clock.advance, days=days)


@clock_group.command("set")
@click.argument("day", type=click.DateTime(formats=["%Y-%m-%d"]))
def clock_set(day: Any) -> None:
    """Move simulated time forwards to DAY (YYYY-MM-DD; an earlier day is refused)."""
    from portal.services.sandbox import clock as sandbox_clock

    _move_clock(sandbox_clock.set_day, day=day.date())
