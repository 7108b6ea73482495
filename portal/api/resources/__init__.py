"""The API's resources: one flask-smorest blueprint per kind of thing (account, offers, ...)."""
