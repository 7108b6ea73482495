"""Pure domain rules of the Employer Portal simulator: no Flask, no database.

Plain data in, findings and decisions out. Reference data is read from portal/rules/data/ once per
process (see _data.py); data/build_data.py regenerates it from the team's research files.
"""
