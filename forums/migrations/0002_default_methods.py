"""Programs created before the forum received its default teaching methods when a program is created
(forums/activity.py, ``on_program_created``) got them the first time a page needed them. Give every program
still without a list its defaults now, so that no page writes on a GET."""

from django.conf import settings
from django.db import migrations
from django.utils import translation


def add_default_methods(apps, schema_editor):
    from forums.models import DEFAULT_METHODS

    Program = apps.get_model("komunitas", "Program")
    Method = apps.get_model("forums", "Method")
    with translation.override(settings.LANGUAGE_CODE):
        names = [str(name) for name in DEFAULT_METHODS]
    Method.objects.bulk_create(
        Method(program=program, name=name)
        for program in Program.objects.filter(methods__isnull=True)
        for name in names
    )


class Migration(migrations.Migration):
    dependencies = [("forums", "0001_initial"), ("komunitas", "0002_plugin_contract")]

    operations = [migrations.RunPython(add_default_methods, migrations.RunPython.noop)]
