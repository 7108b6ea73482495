"""`flask jobs ...`: run a queue consumer, or look at the queue.

Production runs any number of `flask jobs worker` processes on any number of hosts, all with
the same HUEY_URL (Redis) and DATABASE_URL; each takes tasks as they come.
"""

from __future__ import annotations

import logging

import click
from flask import Flask, current_app
from flask.cli import AppGroup

jobs_group = AppGroup("jobs", help="The task queue: run a consumer, or look at the queue.")


def init_app(app: Flask) -> None:
    app.cli.add_command(jobs_group)


def _queue():
    return current_app.extensions["queue"]


@jobs_group.command("worker")
@click.option("--workers", type=int, default=None,
              help="Worker threads in this consumer (default: QUEUE_WORKERS, 2).")
def worker(workers: int | None) -> None:
    """Run a consumer: take tasks from the queue and run them until Ctrl+C (or SIGTERM)."""
    queue = _queue()
    if queue.huey.immediate or queue.kind == "memory":
        raise click.ClickException(
            "This queue runs tasks in the process that asks for them (memory or immediate "
            "mode): there is nothing for a consumer to take. Set HUEY_URL."
        )
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # a line per render step
    count = workers or current_app.config["QUEUE_WORKERS"]
    click.echo(f"Queue consumer: {count} worker(s) on {queue.kind} storage "
               f"({', '.join(queue.names())}).")
    queue.enqueue("jobs.sweep")  # what a consumer killed earlier left undone
    consumer = queue.huey.create_consumer(workers=count, worker_type="thread", periodic=True)
    consumer.run()


@jobs_group.command("status")
def status() -> None:
    """The queue's storage, the tasks waiting and the tasks scheduled for later."""
    queue = _queue()
    click.echo(f"storage: {queue.kind}")
    click.echo(f"pending: {queue.pending_count()}")
    click.echo(f"scheduled: {queue.scheduled_count()}")


@jobs_group.command("run")
def run_pending() -> None:
    """Run the tasks waiting now, in this process, then exit (no consumer needed)."""
    click.echo(f"{_queue().run_pending(limit=10_000)} task(s) ran.")
