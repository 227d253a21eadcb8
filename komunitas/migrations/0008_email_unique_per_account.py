"""One account per e-mail address, whatever its case: a reset link for one address must reach one account.

An address found on several accounts stays on the one that signed in last (the one in use) and is cleared from
the others; their owners give it again on "My account" and confirm it. Django cannot declare this constraint on
its own user model, hence an index on LOWER(email) created here (SQLite and PostgreSQL both take it).
"""

from django.conf import settings
from django.db import migrations
from django.db.models import F
from django.db.models.functions import Lower

INDEX = "komunitas_user_email_unique_ci"


def clear_duplicates(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    seen = set()
    users = User.objects.exclude(email="").order_by(Lower("email"), F("last_login").desc(nulls_last=True), "pk")
    for user in users:
        key = user.email.lower()
        if key in seen:
            User.objects.filter(pk=user.pk).update(email="")
        seen.add(key)


def create_index(apps, schema_editor):
    table = schema_editor.quote_name(apps.get_model(*settings.AUTH_USER_MODEL.split("."))._meta.db_table)
    schema_editor.execute(f"CREATE UNIQUE INDEX {INDEX} ON {table} (LOWER(email)) WHERE email <> ''")


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("komunitas", "0007_accounts_verified_email"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(clear_duplicates, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]
