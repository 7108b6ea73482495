"""Operations: readiness (`health.readiness`: can the portal reach its database and its
queue), and the queue's figures for administrators (`health.queue_figures`, failed attempts
recorded by `health.record_failed_task`).

Guarantees: a check never raises (a component that cannot be reached is reported with the
exception's class as the reason, never its message, which can quote data or addresses); the
figures and failures hold no personal data (task names, ids, exception classes).
"""
