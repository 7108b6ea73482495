"""Finding every form of the pages a user can open, as a browser would read them: the page
URLs from the app's routes (with sample ids), and each page's forms, fields and default values
(stdlib html.parser)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit


@dataclass
class Form:
    page: str
    action: str
    method: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name -> default values
    kinds: dict[str, str] = field(default_factory=dict)  # name -> input type / textarea / select
    buttons: dict[str, str] = field(default_factory=dict)  # submit button name -> value

    def defaults(self) -> dict[str, list[str]]:
        return {name: list(values) for name, values in self.fields.items()}


class _FormParser(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._textarea: str | None = None

    def _add(self, name: str, kind: str, value: str | None) -> None:
        assert self._form is not None
        self._form.kinds.setdefault(name, kind)
        values = self._form.fields.setdefault(name, [])
        if value is not None:
            values.append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            action = urljoin(self.page, a.get("action") or self.page)
            self._form = Form(self.page, action, (a.get("method") or "get").lower())
            self.forms.append(self._form)
        elif self._form is None or "name" not in a or "disabled" in a:
            return
        elif tag == "input":
            self._input(a)
        elif tag == "button" and a.get("type", "submit") == "submit":
            self._button(a)
        elif tag == "textarea":
            self._textarea = a["name"]
            self._add(a["name"], "textarea", "")
        elif tag == "select":
            self._select = a["name"]
            self._select_first = None
            self._add(a["name"], "select", None)
        elif tag == "option" and self._select is not None:
            self._option(a)

    def _button(self, a: dict[str, str]) -> None:
        assert self._form is not None
        self._form.kinds.setdefault(a["name"], "submit")
        self._form.fields.setdefault(a["name"], [])  # only the button pressed is sent
        self._form.buttons.setdefault(a["name"], a.get("value", ""))

    def _input(self, a: dict[str, str]) -> None:
        assert self._form is not None
        kind = a.get("type", "text").lower()
        if kind in ("file", "image", "reset"):
            self._form.kinds.setdefault(a["name"], kind)
        elif kind == "submit":
            self._button(a)
        elif kind in ("checkbox", "radio"):
            self._add(a["name"], kind, a.get("value", "on") if "checked" in a else None)
        else:
            self._add(a["name"], kind, a.get("value", ""))

    def _option(self, a: dict[str, str]) -> None:
        assert self._form is not None and self._select is not None
        value = a.get("value", "")
        if self._select_first is None:
            self._select_first = value
        if "selected" in a:
            self._form.fields[self._select] = [value]

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None and self._form is not None:
            if not self._form.fields[self._select] and self._select_first is not None:
                self._form.fields[self._select] = [self._select_first]
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None and self._form is not None:
            self._form.fields[self._textarea] = [data.strip("\n")]


def forms_of(page: str, html: str) -> list[Form]:
    parser = _FormParser(page)
    parser.feed(html)
    return parser.forms


def page_urls(app, *, prefixes: tuple[str, ...], samples: dict[str, object],
              skip: tuple[str, ...] = ()) -> list[str]:
    """Every GET page under `prefixes` whose arguments `samples` can fill (not under `skip`)."""
    adapter = app.url_map.bind("localhost")
    urls = set()
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        if not rule.rule.startswith(prefixes) or rule.rule.startswith(skip):
            continue
        if any(name not in samples for name in rule.arguments):
            continue
        urls.add(adapter.build(rule.endpoint, {n: samples[n] for n in rule.arguments}))
    return sorted(urls)


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
