"""URLs below /programs/<program_id>/lessonstudy/. Built in a later issue; for now one page says what will be here."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from komunitas.views.programs import section_placeholder

app_name = "lessonstudy"

urlpatterns = [
    path("", section_placeholder, {"section": "lessonstudy", "title": _("Lesson study")}, name="index"),
]

# See: a cycle's reflection meeting (lessonstudy/views/reflections.py). A meeting is a session: its pk is the
# session's, wherever it was planned (the cycle's page or the schedule).
from .views import reflections  # noqa: E402

urlpatterns += [
    path("<int:pk>/reflection/new/", reflections.reflection_create, name="reflection_create"),
    path("reflections/<int:session_pk>/", reflections.reflection_detail, name="reflection"),
    path("reflections/<int:session_pk>/edit/", reflections.reflection_edit, name="reflection_edit"),
    path("reflections/<int:session_pk>/agenda/", reflections.agenda, name="agenda"),
]
