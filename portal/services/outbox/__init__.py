"""The simulator's outbox: the messages the portal would email, stored and shown instead.

Guarantees of the package: a message joins the transaction of the change it reports (`messages`
never commits), is written in its recipient's language; without SMTP_URL nothing leaves over the
network, with it the queue emails it (`delivery`: at least once, one stable Message-ID).
"""
