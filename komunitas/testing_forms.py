"""Forms under arbitrary input (hypothesis), for every app's tests: every form is posted arbitrary text, numbers and
dates, and the answer is never a 500 — either the form was saved (a redirect) or it is shown again with an error.
An app lists its form pages as ``FormPage`` rows and gets the test from ``form_fuzz_test(PAGES)``. Split from
``komunitas/testing.py``, which holds the rest of what tests share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from .testing import program_url


@dataclass(frozen=True)
class FormPage:
    """A form to fuzz: posted to ``url_name`` (kwargs name objects of the test's ``world``), by ``role``; its
    fields are read from the page at ``page`` (url name, kwargs) when the form lives on another page."""

    url_name: str
    kwargs: dict = field(default_factory=dict)
    role: str | None = "facilitator"  # None: posted by someone not signed in (sign-in, forgotten password)
    page: tuple[str, dict] | None = None
    in_program: bool = True  # False: a URL outside /programs/<id>/ (e.g. a new school)

    def url(self, name: str, kwargs: dict, world: dict) -> str:
        return program_url(name, kwargs, world) if self.in_program else reverse(name, kwargs=kwargs)


class _FieldReader(HTMLParser):
    """Names, types and offered values of the fields of the form that posts to ``action``."""

    def __init__(self, action: str, page_path: str):
        super().__init__()
        self.action, self.page_path = action, page_path
        self.inside, self.select = False, None
        self.fields: dict[str, dict] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.inside = (attrs.get("action") or self.page_path).split("#")[0] == self.action
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button"):
            entry = self.fields.setdefault(name, {"type": attrs.get("type", "text"), "options": []})
            if "value" in attrs and attrs.get("type") in ("checkbox", "radio", "hidden"):
                entry["options"].append(attrs["value"])
        elif tag in ("select", "textarea") and name:
            self.fields.setdefault(name, {"type": tag, "options": []})
            self.select = name if tag == "select" else None
        elif tag == "option" and self.select:
            self.fields[self.select]["options"].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


def form_fields(html: str, action: str, page_path: str) -> dict[str, dict]:
    reader = _FieldReader(action, page_path)
    reader.feed(html)
    return reader.fields


def junk():
    """Values a person, a broken browser or an attacker might post in any field."""
    from hypothesis import strategies as st

    return st.one_of(
        st.just(""),
        st.text(max_size=300),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.dates(min_value=dt.date(1, 1, 1)).map(lambda day: day.isoformat()),
        st.sampled_from(["9999-12-31", "0001-01-01", "2026-02-30", "-1", "1e309", "NaN", "null", "on", "present"]),
        st.sampled_from(["<script>alert(1)</script>", "' OR 1=1 --", "\x00", "../../etc/passwd", "x" * 5000]),
    )


def field_values(fields: dict[str, dict]):
    """For each field: one of the values the page offers (so that valid forms get saved too), or junk."""
    from hypothesis import strategies as st

    def value(entry):
        offered = [option for option in entry["options"] if option]
        choices = [st.sampled_from(offered), junk()] if offered else [junk()]
        if entry["type"] == "checkbox":
            return st.one_of(st.just(None), st.lists(st.one_of(*choices), max_size=3))
        if entry["type"] == "file":
            return st.one_of(st.just(None), st.binary(max_size=200))
        return st.one_of(st.just(None), *choices)

    return st.fixed_dictionaries(
        {name: value(entry) for name, entry in fields.items() if name != "csrfmiddlewaretoken"}
    )


def _as_post(values: dict) -> dict:
    data = {"csrfmiddlewaretoken": "x"}  # a browser always sends it (the test client does not check it)
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, bytes):
            data[name] = SimpleUploadedFile("fuzz.bin", value)
        else:
            data[name] = value
    return data


ERROR_MARKS = ("is-invalid", "invalid-feedback", "alert-danger", "errorlist", "alert-warning")


def form_fuzz_test(pages: list[FormPage], *, max_examples: int = 25):
    """The test that posts arbitrary input to each of ``pages``: never a 500; a redirect, or the page again
    with an error shown. Use: ``test_forms_take_any_input = form_fuzz_test(PAGES)`` beside a ``world``."""
    from hypothesis import HealthCheck, given, settings

    @pytest.mark.parametrize("page", pages, ids=[f"{p.url_name}-{p.role}" for p in pages])
    def test_forms_take_any_input(client, world, page, english):
        if page.role:
            client.force_login(world["users"][page.role])
        url = page.url(page.url_name, page.kwargs, world)
        shown = page.url(*page.page, world) if page.page else url
        fields = form_fields(client.get(shown).content.decode(), url, shown)
        assert fields, f"no form posting to {url} on {shown}"

        @settings(
            max_examples=max_examples,
            deadline=None,
            derandomize=True,  # the same inputs every run: a failure repeats
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )
        @given(values=field_values(fields))
        def post(values):
            response = client.post(url, _as_post(values))
            assert response.status_code in (200, 302), response.status_code
            if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
                html = response.content.decode()
                assert (
                    "is-invalid" in html or "alert-danger" in html or "invalid-feedback" in html or "errorlist" in html
                ), f"{url} answered 200 with no error shown for {values!r}"

        post()

    return test_forms_take_any_input
