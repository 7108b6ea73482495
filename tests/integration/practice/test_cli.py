"""`flask practice list [--lang fr]`: the cases one per line, id first, in either language."""

from __future__ import annotations

from portal.rules.practice import all_cases


def test_lists_every_case_id_first_in_english(runner):
    result = runner.invoke(args=["practice", "list"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == [case.id for case in all_cases()]
    first = lines[0]
    assert "Easy" in first and "A US software engineer for a Toronto software company" in first
    assert any("Hard" in line and line.startswith("passport-hyphen") for line in lines)


def test_lists_them_in_french(runner):
    result = runner.invoke(args=["practice", "list", "--lang", "fr"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == len(all_cases())
    assert "Facile" in lines[0] and "Un ingénieur logiciel américain" in lines[0]
    francophone = next(line for line in lines if line.startswith("francophone-cook"))
    assert "Intermédiaire" in francophone and "Une cuisinière francophone" in francophone


def test_refuses_an_unknown_language(runner):
    result = runner.invoke(args=["practice", "list", "--lang", "de"])
    assert result.exit_code != 0 and "'de' is not one of" in result.output
