"""File sizes as people read them (issue 13 item 25: a 200-byte upload showed "0 KB")."""

from __future__ import annotations

import pytest

from portal.catalogue import language
from portal.template_helpers import file_size


@pytest.mark.parametrize(("size", "en", "fr"), [
    (1, "1 byte", "1 octet"),
    (200, "200 bytes", "200 octets"),
    (1024, "1\u00a0KB", "1\u00a0Ko"),
    (4608, "4.5\u00a0KB", "4,5\u00a0Ko"),
    (5 * 1024 * 1024, "5\u00a0MB", "5\u00a0Mo"),
    (1288490, "1.2\u00a0MB", "1,2\u00a0Mo"),
])
def test_file_sizes_in_both_languages(app, size, en, fr):
    with app.test_request_context():
        with language("en"):
            assert file_size(size) == en
        with language("fr"):
            assert file_size(size) == fr
