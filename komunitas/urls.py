"""Root URLs. The paths are a public contract (DESIGN.md, "Public contract"): change none of them."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views, views_people, views_sessions
from .auth_forms import SignInForm

program_patterns = [
    path("", views.program_dashboard, name="program_dashboard"),
    path("settings/", views.program_settings, name="program_settings"),
    path("stages/", views.program_stages, name="program_stages"),
    path("stages/new/", views.stage_create, name="stage_create"),
    path("stages/<int:stage_id>/edit/", views.stage_edit, name="stage_edit"),
    path("stages/<int:stage_id>/delete/", views.stage_delete, name="stage_delete"),
    path("stages/<int:stage_id>/tasks/", views.checklist_add, name="checklist_add"),
    path("tasks/<int:item_id>/toggle/", views.checklist_toggle, name="checklist_toggle"),
    path("tasks/<int:item_id>/delete/", views.checklist_delete, name="checklist_delete"),
    path("people/", views_people.people_list, name="people_list"),
    path("people/new/", views_people.person_create, name="person_create"),
    path("people/participants/", views_people.participants_update, name="participants_update"),
    path("people/<int:person_id>/edit/", views_people.person_edit, name="person_edit"),
    path("people/<int:person_id>/delete/", views_people.person_delete, name="person_delete"),
    path("people/import/", views_people.people_import, name="people_import"),
    path("people/import/confirm/", views_people.people_import_confirm, name="people_import_confirm"),
    path("people/import/template.<str:fmt>", views_people.import_template, name="import_template"),
    path("schedule/", views_sessions.schedule, name="schedule"),
    path("schedule.ics", views_sessions.schedule_ics, name="schedule_ics"),
    path("sessions/new/", views_sessions.session_create, name="session_create"),
    path("sessions/<int:session_id>/", views_sessions.session_detail, name="session_detail"),
    path("sessions/<int:session_id>/edit/", views_sessions.session_edit, name="session_edit"),
    path("sessions/<int:session_id>/delete/", views_sessions.session_delete, name="session_delete"),
    path("sessions/<int:session_id>/attendance/", views_sessions.attendance_edit, name="attendance_edit"),
    path("sessions/<int:session_id>/attendance/print/", views_sessions.attendance_print, name="attendance_print"),
    path("sessions/<int:session_id>/documentation/", views_sessions.attachment_add, name="attachment_add"),
    path("files/<int:attachment_id>/", views_sessions.attachment_download, name="attachment_download"),
    path("files/<int:attachment_id>/delete/", views_sessions.attachment_delete, name="attachment_delete"),
    path("forums/", include("forums.urls")),
    path("projects/", include("projects.urls")),
    path("parents/", include("parents.urls")),
    path("lessonstudy/", include("lessonstudy.urls")),
    path("evaluation/", include("evaluation.urls")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("schools/new/", views.school_create, name="school_create"),
    path("programs/new/", views.program_create, name="program_create"),
    path("programs/<int:program_id>/", include(program_patterns)),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=SignInForm),
        name="login",
    ),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
