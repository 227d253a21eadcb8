"""URLs below /programs/<program_id>/forums/. The first four follow the stable URLs of every section
(docs/architecture.md, "Stable URLs")."""

from django.urls import path

from .views import feedback, practice, reflections, sessions, teachers

app_name = "forums"

urlpatterns = [
    path("", sessions.session_list, name="index"),
    path("new/", sessions.session_create, name="create"),
    path("<int:pk>/", sessions.session_detail, name="detail"),
    path("<int:pk>/edit/", sessions.session_edit, name="edit"),
    path("<int:pk>/notulen/", sessions.notulen, name="notulen"),
    path("<int:pk>/feedback/", feedback.feedback_create, name="feedback_create"),
    path("<int:pk>/reflection/", reflections.reflection_mine, name="reflection_mine"),
    path("feedback/received/", feedback.feedback_received, name="feedback_received"),
    path("feedback/<int:pk>/edit/", feedback.feedback_edit, name="feedback_edit"),
    path("reflections/<int:pk>/edit/", reflections.reflection_edit, name="reflection_edit"),
    path("teachers/", teachers.teacher_list, name="teacher_list"),
    path("teachers/<int:person_id>/", teachers.teacher_detail, name="teacher_detail"),
    path("practice/", practice.practice_list, name="practice_list"),
    path("practice/new/", practice.practice_create, name="practice_create"),
    path("practice/<int:pk>/edit/", practice.practice_edit, name="practice_edit"),
    path("practice/<int:pk>/delete/", practice.practice_delete, name="practice_delete"),
    path("practice/<int:pk>/evidence/", practice.practice_evidence, name="practice_evidence"),
    path("methods/", practice.method_list, name="method_list"),
    path("methods/<int:pk>/edit/", practice.method_edit, name="method_edit"),
]
