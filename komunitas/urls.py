"""Root URLs. The paths are a public contract (docs/architecture.md, "Stable URLs"): change none of them.

Each activity's URLs (forums/, projects/ …) come from its declaration in the plug-in contract
(komunitas/activities.py, ``Activity.path`` and ``Activity.urls``), not from a list here."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import activities
from .auth_forms import SignInForm
from .views import (
    accounts,
    export,
    people,
    planning,
    privacy,
    programs,
    report,
    schedule,
    school,
    sessions,
    setup,
    staff,
    staff_accounts,
)

program_patterns = [
    path("", programs.program_dashboard, name="program_dashboard"),
    path("settings/", programs.program_settings, name="program_settings"),
    path("setup/", setup.program_setup, name="program_setup"),
    path("school/", school.school_edit, name="school_edit"),
    path("school/logo", school.school_logo, name="school_logo"),
    path("stages/", programs.program_stages, name="program_stages"),
    path("stages/new/", programs.stage_create, name="stage_create"),
    path("stages/<int:stage_id>/edit/", programs.stage_edit, name="stage_edit"),
    path("stages/<int:stage_id>/delete/", programs.stage_delete, name="stage_delete"),
    path("stages/<int:stage_id>/tasks/", programs.checklist_add, name="checklist_add"),
    path("tasks/<int:item_id>/toggle/", programs.checklist_toggle, name="checklist_toggle"),
    path("tasks/<int:item_id>/delete/", programs.checklist_delete, name="checklist_delete"),
    path("people/", people.people_list, name="people_list"),
    path("people/new/", people.person_create, name="person_create"),
    path("people/participants/", people.participants_update, name="participants_update"),
    path("people/<int:person_id>/edit/", people.person_edit, name="person_edit"),
    path("people/<int:person_id>/delete/", people.person_delete, name="person_delete"),
    path("people/<int:person_id>/data/", privacy.person_data, name="person_data"),
    path("people/<int:person_id>/data.json", privacy.person_data_json, name="person_data_json"),
    path("people/<int:person_id>/erase/", privacy.person_erase, name="person_erase"),
    path("people/import/", people.people_import, name="people_import"),
    path("people/import/confirm/", people.people_import_confirm, name="people_import_confirm"),
    path("people/import/template.<str:fmt>", people.import_template, name="import_template"),
    path("staff/", staff.staff_list, name="staff_list"),
    path("audit/", privacy.audit_log, name="audit_log"),
    path("staff/invite/", staff.staff_invite, name="staff_invite"),
    path("staff/accounts/", staff_accounts.staff_accounts, name="staff_accounts"),
    path("staff/accounts/sheet/", staff_accounts.staff_accounts_sheet, name="staff_accounts_sheet"),
    path("staff/<int:membership_id>/role/", staff.staff_role, name="staff_role"),
    path("staff/<int:membership_id>/revoke/", staff.staff_revoke, name="staff_revoke"),
    path("staff/<int:membership_id>/resend/", staff.staff_resend, name="staff_resend"),
    path("staff/<int:membership_id>/unlock/", staff.staff_unlock, name="staff_unlock"),
    path("schedule/", schedule.schedule, name="schedule"),
    path("schedule.ics", schedule.schedule_ics, name="schedule_ics"),
    path("schedule/plan/", planning.schedule_plan, name="schedule_plan"),
    path("sessions/new/", sessions.session_create, name="session_create"),
    path("sessions/<int:session_id>/", sessions.session_detail, name="session_detail"),
    path("sessions/<int:session_id>/edit/", sessions.session_edit, name="session_edit"),
    path("sessions/<int:session_id>/delete/", sessions.session_delete, name="session_delete"),
    path("sessions/<int:session_id>/attendance/", sessions.attendance_edit, name="attendance_edit"),
    path("sessions/<int:session_id>/attendance/print/", sessions.attendance_print, name="attendance_print"),
    path("sessions/<int:session_id>/documentation/", sessions.attachment_add, name="attachment_add"),
    path("files/<int:attachment_id>/", sessions.attachment_download, name="attachment_download"),
    path("files/<int:attachment_id>/delete/", sessions.attachment_delete, name="attachment_delete"),
    path("export/", export.export_page, name="program_export"),
    path("export.xlsx", export.export_xlsx, name="program_export_xlsx"),
    path("export/<slug:key>.csv", export.export_csv, name="program_export_csv"),
    path("report/", report.report_page, name="report_page"),
    path("report/preview/", report.report_preview, name="report_preview"),
    path("report.pdf", report.report_pdf, name="report_pdf"),
    path("report/progress/", report.report_progress, name="report_progress"),
    path("report/obstacles/", report.obstacle_list, name="obstacle_list"),
    path("report/obstacles/new/", report.obstacle_create, name="obstacle_create"),
    path("report/obstacles/<int:pk>/edit/", report.obstacle_edit, name="obstacle_edit"),
    path("report/obstacles/<int:pk>/delete/", report.obstacle_delete, name="obstacle_delete"),
    *activities.url_patterns(),
]

urlpatterns = [
    path("", programs.home, name="home"),
    path("healthz", programs.healthz, name="healthz"),
    path("schools/new/", programs.school_create, name="school_create"),
    path("programs/new/", programs.program_create, name="program_create"),
    path("programs/<int:program_id>/", include(program_patterns)),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=SignInForm),
        name="login",
    ),
    path("accounts/profile/", accounts.profile, name="profile"),
    path("accounts/email/", accounts.email_change, name="email_change"),
    path("accounts/email/verify/", accounts.email_verify, name="email_verify"),
    path("accounts/email/confirm/<str:token>/", accounts.email_confirm, name="email_confirm"),
    path("accounts/password_reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/password_change/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path(
        "accounts/reset/<uidb64>/<token>/", accounts.PasswordResetConfirmView.as_view(), name="password_reset_confirm"
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    *activities.public_url_patterns(),
]
