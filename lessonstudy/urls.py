"""URLs below /programs/<program_id>/lessonstudy/. The first four follow the stable URLs of every section
(docs/architecture.md, "Stable URLs"); a cycle's plan, its versions and files sit below the cycle."""

from django.urls import path

from .views import cycles, plans

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
    # The plan: every save a new version (lessonstudy/views/plans.py)
    path("<int:pk>/plan/", plans.plan_edit, name="plan"),
    path("<int:pk>/plan/versions/", plans.plan_versions, name="plan_versions"),
    path("<int:pk>/plan/compare/", plans.plan_compare, name="plan_compare"),
    path("<int:pk>/plan/files/new/", plans.plan_file_create, name="plan_file_create"),
    path("<int:pk>/plan/files/<int:file_pk>/", plans.plan_file_download, name="plan_file"),
    path("<int:pk>/plan/files/<int:file_pk>/delete/", plans.plan_file_delete, name="plan_file_delete"),
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
