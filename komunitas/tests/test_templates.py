"""Template hygiene that no page test would notice until a user does."""

from pathlib import Path

from django.conf import settings

TEMPLATE_ROOTS = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("*/templates")]


def test_no_comment_spans_lines():
    """``{# … #}`` ends on its own line; one that runs on shows its text to the user."""
    broken = [
        f"{path}:{number}"
        for root in TEMPLATE_ROOTS
        for path in root.rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if line.count("{#") > line.count("#}")
    ]
    assert broken == []
