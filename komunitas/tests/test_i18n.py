"""Indonesian by default, English on request; the translation catalogue is complete."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

LOCALE = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES"


def test_interface_is_indonesian_by_default_and_english_on_switch(client, principal, program):
    client.force_login(principal)
    url = reverse("program_dashboard", args=[program.pk])
    html = client.get(url).content.decode()
    assert 'lang="id"' in html and "Guru" in html and "Jadwal" in html
    client.post(reverse("set_language"), {"language": "en", "next": url})
    html = client.get(url).content.decode()
    assert 'lang="en"' in html and "Teacher" in html and "Schedule" in html


def test_dates_are_written_the_indonesian_way(client, principal, program):
    client.force_login(principal)
    html = client.get(reverse("program_stages", args=[program.pk])).content.decode()
    assert "2 Februari 2026" in html


def test_login_page_in_both_languages(client, db):
    assert "Masuk" in client.get(reverse("login")).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Sign in" in client.get(reverse("login")).content.decode()


def test_browser_language_does_not_override_the_indonesian_default(client, db):
    assert "Masuk" in client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()


def test_catalogue_is_complete_and_compiled():
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    entries = po.split("\n\n")[1:]
    untranslated = [
        e
        for e in entries
        if 'msgstr ""' in e.splitlines()[-1]
        and "msgstr[" not in e
        and e.strip().splitlines()[-1] == 'msgstr ""'
        and not e.startswith("#~")
    ]
    fuzzy = [e for e in entries if "#, fuzzy" in e]
    assert untranslated == [] and fuzzy == []
    assert (LOCALE / "django.mo").stat().st_mtime >= (LOCALE / "django.po").stat().st_mtime - 1


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_main_page_renders_in_both_languages(client, facilitator, program, language):
    client.force_login(facilitator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for name in [
        "program_dashboard",
        "people_list",
        "schedule",
        "program_stages",
        "people_import",
        "session_create",
        "person_create",
    ]:
        response = client.get(reverse(name, args=[program.pk]))
        assert response.status_code == 200, name
        assert f'lang="{language}"' in response.content.decode()


def test_no_module_translates_a_text_once_at_import():
    """A module-level text must be lazy (``gettext_lazy``): ``gettext`` at import translates it once, into whatever
    language was active then, and every reader gets that language (an English page showed an Indonesian message
    depending on which test imported the view first)."""
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in root.glob("*/**/*.py"):
        if ".venv" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text())
        eager = {
            alias.asname or alias.name
            for node in tree.body
            if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
            for alias in node.names
            if alias.name in {"gettext", "ngettext", "pgettext"}
        }
        for node in tree.body:  # module level only: inside functions gettext runs per request
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            calls = [call for call in ast.walk(value) if isinstance(call, ast.Call)] if value else []
            if any(isinstance(call.func, ast.Name) and call.func.id in eager for call in calls):
                offenders.append(f"{path.relative_to(root)}:{node.lineno}")
    assert offenders == []
