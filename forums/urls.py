"""URLs below /programs/<program_id>/forums/. The first four follow the public contract (DESIGN.md)."""

from django.urls import path

from . import views

app_name = "forums"

urlpatterns = [
    path("", views.session_list, name="index"),
    path("new/", views.session_create, name="create"),
    path("<int:pk>/", views.session_detail, name="detail"),
    path("<int:pk>/edit/", views.session_edit, name="edit"),
    path("<int:pk>/notulen/", views.notulen, name="notulen"),
    path("<int:pk>/feedback/", views.feedback_create, name="feedback_create"),
    path("<int:pk>/reflection/", views.reflection_mine, name="reflection_mine"),
    path("feedback/received/", views.feedback_received, name="feedback_received"),
    path("feedback/<int:pk>/edit/", views.feedback_edit, name="feedback_edit"),
    path("reflections/<int:pk>/edit/", views.reflection_edit, name="reflection_edit"),
    path("teachers/", views.teacher_list, name="teacher_list"),
    path("teachers/<int:person_id>/", views.teacher_detail, name="teacher_detail"),
    path("practice/", views.practice_list, name="practice_list"),
    path("practice/new/", views.practice_create, name="practice_create"),
    path("practice/<int:pk>/edit/", views.practice_edit, name="practice_edit"),
    path("practice/<int:pk>/delete/", views.practice_delete, name="practice_delete"),
    path("practice/<int:pk>/evidence/", views.practice_evidence, name="practice_evidence"),
    path("methods/", views.method_list, name="method_list"),
    path("methods/<int:pk>/edit/", views.method_edit, name="method_edit"),
]
