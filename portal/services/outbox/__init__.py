"""The simulator's outbox: the messages the portal would email, stored and shown instead.

Guarantees of the package: a message joins the transaction of the change it reports (`messages`
never commits), is written in its recipient's language, and nothing leaves over the network.
"""
