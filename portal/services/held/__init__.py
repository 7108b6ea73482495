"""Form input held on the server for one user (portal.models.HeldForm, `forms`): dashboard
searches, and what a section posted after its session ended.

Guarantees of the package: what is held is read back only by the user it was held for (a
token or a path alone finds nothing); nothing held goes into a cookie or a URL (a search is
named by a random token); held input lives at most HOLD_HOURS (24 h): reading ignores older
rows and `purge_expired` (the sweep, every minute) deletes them.
"""
