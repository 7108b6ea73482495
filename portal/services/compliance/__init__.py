"""The employer compliance regime: who is exempt from it, who is banned, and on which day.

Guarantees of the package:
- `standing.get_standing` is the one question other packages ask (exempt? banned? on a day);
- only administrators grant or revoke exemptions (`exemptions`) and record or lift bans
  (`bans`); rows are never deleted, every change is audited without personal data;
- the administrators' employer search and employer page are read-only (`employers`);
- an exemption or ban that ends on its date is announced to the employer once (`expiry`).
"""
