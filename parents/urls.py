"""URLs below /programs/<program_id>/parents/. Built in a later issue; for now one page says what will be here."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from komunitas.views.programs import section_placeholder

app_name = "parents"

urlpatterns = [
    path("", section_placeholder, {"section": "parents", "title": _("Parent classes")}, name="index"),
]
