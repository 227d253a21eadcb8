"""URLs below /programs/<program_id>/lessonstudy/. Built in a later issue; for now one page says what will be here."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from komunitas.views.programs import section_placeholder

from .views import lessons, notes, seating

app_name = "lessonstudy"

urlpatterns = [
    path("", section_placeholder, {"section": "lessonstudy", "title": _("Lesson study")}, name="index"),
    # Do: open lessons (pk: the cycle's; session_pk: the lesson's session), the class's seating chart, the
    # observers' focus and their notes (lessonstudy/views/{lessons,seating,notes}.py)
    path("<int:pk>/lessons/new/", lessons.lesson_create, name="lesson_create"),
    path("lessons/<int:session_pk>/", lessons.lesson_detail, name="lesson"),
    path("lessons/<int:session_pk>/edit/", lessons.lesson_edit, name="lesson_edit"),
    path("lessons/<int:session_pk>/observers/", lessons.observers, name="observers"),
    path("<int:pk>/seating/", seating.seating, name="seating"),
    path("lessons/<int:session_pk>/notes/", notes.notes_page, name="notes"),
    path("lessons/<int:session_pk>/notes/add/", notes.note_add, name="note_add"),
    path("lessons/<int:session_pk>/notes/<int:note_pk>/edit/", notes.note_edit, name="note_edit"),
    path("lessons/<int:session_pk>/notes/<int:note_pk>/delete/", notes.note_delete, name="note_delete"),
    path("lessons/<int:session_pk>/notes/<int:note_pk>/photo/", notes.note_photo, name="note_photo"),
]
