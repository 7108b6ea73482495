"""Practice cases for learners, and the grader that marks what a learner did in the portal.

- `cases`: a case as data: the brief (employer, worker and passport, job, the facts that decide
  the code, each with its source) and what a reviewer expects (outcome, code and acceptable
  alternatives, fee outcome, evidence, the worker's application).
- `loader`: reads and validates the case files in portal/rules/data/practice/ (one YAML file
  per case, English and French side by side); a broken file is refused with the field named.
- `grader`: `grade(case, attempt)` gives a score out of 100 and feedback as catalogue codes
  with parameters that name the rule and its source.

Pure rules: no Flask, no database. The practice pages, the practice employer and the progress
page are edges and services built on these.
"""

from portal.rules.practice.cases import Case, Difficulty
from portal.rules.practice.grader import Attempt, Grade, Identity, grade
from portal.rules.practice.loader import CaseFileError, all_cases, get_case, load_case_file

__all__ = [
    "Attempt",
    "Case",
    "CaseFileError",
    "Difficulty",
    "Grade",
    "Identity",
    "all_cases",
    "get_case",
    "grade",
    "load_case_file",
]
