"""URLs below /programs/<program_id>/parents/. Built in a later issue; for now one page says what will be here."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from komunitas.views.programs import section_placeholder

from .views import involvement

app_name = "parents"

urlpatterns = [
    path("", section_placeholder, {"section": "parents", "title": _("Parent classes")}, name="index"),
    # Each parent's classes, contributions and level (parents/views/involvement.py)
    path("involvement/", involvement.involvement, name="involvement"),
]
