"""The program navigation (``templates/includes/_program_nav.html``), rendered once per process for each program,
page and language.

It shows no one's data and the same entries to every role (the core's pages and each activity's, from the plug-in
contract, komunitas/activities.py), so its HTML depends only on the key below; rendering it took a signed-in page
0.4 ms, as long as the rest of the base layout.
"""

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language

from komunitas import activities

register = template.Library()


@register.simple_tag(takes_context=True)
def program_navigation(context) -> str:
    match = context["request"].resolver_match
    entries = tuple((activity.app, activity.index_url_name) for activity in activities.navigation())
    return _navigation(
        context["program"].pk,
        (match.url_name or "") if match else "",
        match.namespace if match else "",
        entries,
        get_language(),
        (get_script_prefix(), get_urlconf()),
    )


@lru_cache(maxsize=1024)
def _navigation(program_id: int, here: str, ns: str, entries: tuple, language: str, urls: tuple) -> str:
    # ``entries``, ``language`` and ``urls`` are in the key for what they change: the template reads them from the
    # registry, the active language and the URL resolver.
    return render_to_string(
        "includes/_program_nav.html",
        {"program_id": program_id, "here": here, "ns": ns, "entries": activities.navigation()},
    )
