"""Path converters. `<int:...>` in every route is a database row id: 1 to 2147483647 (the
largest INTEGER PostgreSQL stores), so an id outside that range is an unknown address (404)
before any query, instead of the database refusing the value (a 500 on PostgreSQL).

The range is in the converter's regular expression, not only in its `to_python`: werkzeug
checks the method before converting, so a value refused by `to_python` on a path that other
methods also serve would be a 405 instead of a 404."""

from __future__ import annotations

from werkzeug.routing import IntegerConverter, Map

MAX_ROW_ID = 2_147_483_647
# 1..2147483647 without leading zeros, digit by digit below the maximum.
ROW_ID_PATTERN = (
    r"(?:[1-9]\d{0,8}|1\d{9}|20\d{8}|21[0-3]\d{7}|214[0-6]\d{6}|2147[0-3]\d{5}|21474[0-7]\d{4}"
    r"|214748[0-2]\d{3}|2147483[0-5]\d{2}|21474836[0-3]\d|214748364[0-7])"
)


class RowIdConverter(IntegerConverter):
    """werkzeug's int converter with the bounds of a row id unless a route gives its own."""

    def __init__(self, map: Map, fixed_digits: int = 0, min: int | None = 1,
                 max: int | None = MAX_ROW_ID, signed: bool = False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)
        if (fixed_digits, min, max, signed) == (0, 1, MAX_ROW_ID, False):
            self.regex = ROW_ID_PATTERN
