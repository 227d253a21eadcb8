"""URLs below /programs/<program_id>/lessonstudy/. Built in a later issue; for now one page says what will be here."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from komunitas.views.programs import section_placeholder

app_name = "lessonstudy"

urlpatterns = [
    path("", section_placeholder, {"section": "lessonstudy", "title": _("Lesson study")}, name="index"),
]
