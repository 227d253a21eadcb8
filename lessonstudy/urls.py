"""URLs below /programs/<program_id>/lessonstudy/. The first four follow the stable URLs of every section
(docs/architecture.md, "Stable URLs"); a cycle's plan, its versions and files, its seating chart sit below the cycle
(``pk``). Open lessons and reflection meetings are sessions: their ``session_pk`` is the session's, wherever they were
planned (the cycle's page or the schedule)."""

from django.urls import path

from .views import cycles, lessons, notes, plans, reflections, seating

app_name = "lessonstudy"

urlpatterns = [
    path("", cycles.cycle_list, name="index"),
    path("new/", cycles.cycle_create, name="create"),
    path("<int:pk>/", cycles.cycle_detail, name="detail"),
    path("<int:pk>/edit/", cycles.cycle_edit, name="edit"),
    path("<int:pk>/delete/", cycles.cycle_delete, name="delete"),
    path("<int:pk>/close/", cycles.cycle_close, name="close"),
    path("<int:pk>/reopen/", cycles.cycle_reopen, name="reopen"),
    path("<int:pk>/next/", cycles.cycle_next, name="next"),
    # Plan: every save a new version (lessonstudy/views/plans.py)
    path("<int:pk>/plan/", plans.plan_edit, name="plan"),
    path("<int:pk>/plan/versions/", plans.plan_versions, name="plan_versions"),
    path("<int:pk>/plan/compare/", plans.plan_compare, name="plan_compare"),
    path("<int:pk>/plan/files/new/", plans.plan_file_create, name="plan_file_create"),
    path("<int:pk>/plan/files/<int:file_pk>/", plans.plan_file_download, name="plan_file"),
    path("<int:pk>/plan/files/<int:file_pk>/delete/", plans.plan_file_delete, name="plan_file_delete"),
    # Do: open lessons, the class's seating chart, the observers' focus and their notes
    # (lessonstudy/views/{lessons,seating,notes}.py)
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
    # See: a cycle's reflection meeting and its agenda (lessonstudy/views/reflections.py)
    path("<int:pk>/reflection/new/", reflections.reflection_create, name="reflection_create"),
    path("reflections/<int:session_pk>/", reflections.reflection_detail, name="reflection"),
    path("reflections/<int:session_pk>/edit/", reflections.reflection_edit, name="reflection_edit"),
    path("reflections/<int:session_pk>/agenda/", reflections.agenda, name="agenda"),
]
