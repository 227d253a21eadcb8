"""The benchmark command runs and leaves the database as it was."""

from io import StringIO

from django.core.management import call_command

from komunitas.models import School, Session


def test_bench_measures_pages_and_rolls_back(db):
    out = StringIO()
    call_command("bench", schools=1, repeat=1, stdout=out)
    text = out.getvalue()
    assert "dashboard" in text and "queries" in text
    assert not School.objects.exists() and not Session.objects.exists()
