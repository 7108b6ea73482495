"""Webhooks: signed events pushed to the employer's own endpoints (Standard Webhooks).

Guarantees of the package:
- `events.emit` joins the transaction of the change it reports: the event and one delivery per
  enabled endpoint subscribed to its type exist only if the change commits (an outbox), and the
  delivery task is asked for only after the commit; the sweep asks again for any delivery due.
- A payload carries ids, numbers, statuses and timestamps, never a worker's personal data.
- `delivery` gives each attempt a lease (two consumers never send one delivery at once; one
  killed mid-attempt leaves it due again), retries with backoff and jitter for about a day
  (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), and disables an endpoint whose every attempt has
  failed for 5 days, telling its owner. Every attempt of an event carries the same webhook-id.
- `endpoints`: only the employer's primary user manages them; the secret (`whsec_...`) is
  returned once, by `create_endpoint`; a URL is http(s) only, https in production, and no
  loopback, private, link-local or multicast address unless allowed (`addresses`).
"""
