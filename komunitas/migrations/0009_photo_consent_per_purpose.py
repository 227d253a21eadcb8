"""Photo consent per purpose (staff pages, the report, anything public), with who gave and recorded it.

A consent recorded before (one yes/no for "may be shared") becomes consent for staff pages and the report —
what it allowed — given by the guardian named then; nothing public, which nobody was asked about. Backwards, a
student with staff consent in force gets the yes back.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def one_consent_to_purposes(apps, schema_editor):
    Person = apps.get_model("komunitas", "Person")
    PhotoConsent = apps.get_model("komunitas", "PhotoConsent")
    PhotoConsent.objects.bulk_create(
        PhotoConsent(
            person=person, purpose=purpose, given_by=person.photo_consent_by, given_on=person.photo_consent_date
        )
        for person in Person.objects.filter(kind="student", photo_consent=True)
        for purpose in ("staff", "report")
    )


def purposes_to_one_consent(apps, schema_editor):
    Person = apps.get_model("komunitas", "Person")
    PhotoConsent = apps.get_model("komunitas", "PhotoConsent")
    for consent in PhotoConsent.objects.filter(purpose="staff", withdrawn_at__isnull=True):
        Person.objects.filter(pk=consent.person_id).update(
            photo_consent=True, photo_consent_by=consent.given_by, photo_consent_date=consent.given_on
        )


class Migration(migrations.Migration):
    dependencies = [
        ("komunitas", "0008_email_unique_per_account"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PhotoConsent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "purpose",
                    models.CharField(
                        choices=[
                            ("staff", "the school's staff pages"),
                            ("report", "the program's report (also read by the district)"),
                            ("public", "anything public"),
                        ],
                        max_length=8,
                        verbose_name="purpose",
                    ),
                ),
                (
                    "given_by",
                    models.CharField(
                        blank=True,
                        help_text="The parent or guardian (not named by an import).",
                        max_length=120,
                        verbose_name="given by",
                    ),
                ),
                ("given_on", models.DateField(blank=True, null=True, verbose_name="given on")),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="recorded at")),
                ("withdrawn_at", models.DateTimeField(blank=True, null=True, verbose_name="withdrawn at")),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="photo_consents",
                        to="komunitas.person",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "withdrawn_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "photo consent",
                "verbose_name_plural": "photo consents",
                "ordering": ["-recorded_at", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("withdrawn_at__isnull", True)),
                        fields=("person", "purpose"),
                        name="photo_consent_one_in_force_per_purpose",
                    )
                ],
            },
        ),
        migrations.RunPython(one_consent_to_purposes, purposes_to_one_consent),
        migrations.RemoveField(
            model_name="person",
            name="photo_consent",
        ),
        migrations.RemoveField(
            model_name="person",
            name="photo_consent_by",
        ),
        migrations.RemoveField(
            model_name="person",
            name="photo_consent_date",
        ),
    ]
