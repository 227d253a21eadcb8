"""URLs below /programs/<program_id>/projects/. The first four follow the stable URLs of every section
(docs/architecture.md, "Stable URLs"); a club's projects and meetings sit below the club."""

from django.urls import path

from .views import artifacts, assessments, clubs, meetings, projects, showcase, students, work

app_name = "projects"

urlpatterns = [
    path("", clubs.club_list, name="index"),
    path("new/", clubs.club_create, name="create"),
    path("<int:pk>/", clubs.club_detail, name="detail"),
    path("<int:pk>/edit/", clubs.club_edit, name="edit"),
    path("<int:pk>/delete/", clubs.club_delete, name="delete"),
    path("<int:pk>/projects/new/", projects.project_create, name="project_create"),
    path("<int:pk>/projects/<int:project_pk>/edit/", projects.project_edit, name="project_edit"),
    path("<int:pk>/projects/<int:project_pk>/delete/", projects.project_delete, name="project_delete"),
    path("<int:pk>/meetings/new/", meetings.meeting_create, name="meeting_create"),
    # A meeting is a session: its pk is the session's, wherever it was planned (club page or schedule).
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    # A project's page, its milestones and its artifacts (projects/views/work.py, projects/views/artifacts.py)
    path("<int:pk>/projects/<int:project_pk>/", work.project_detail, name="project"),
    path("<int:pk>/projects/<int:project_pk>/milestones/new/", work.milestone_create, name="milestone_create"),
    path(
        "<int:pk>/projects/<int:project_pk>/milestones/<int:milestone_pk>/edit/",
        work.milestone_edit,
        name="milestone_edit",
    ),
    path(
        "<int:pk>/projects/<int:project_pk>/milestones/<int:milestone_pk>/delete/",
        work.milestone_delete,
        name="milestone_delete",
    ),
    path("<int:pk>/projects/<int:project_pk>/artifacts/new/", artifacts.artifact_create, name="artifact_create"),
    path(
        "<int:pk>/projects/<int:project_pk>/artifacts/<int:artifact_pk>/",
        artifacts.artifact_download,
        name="artifact",
    ),
    path(
        "<int:pk>/projects/<int:project_pk>/artifacts/<int:artifact_pk>/edit/",
        artifacts.artifact_edit,
        name="artifact_edit",
    ),
    path(
        "<int:pk>/projects/<int:project_pk>/artifacts/<int:artifact_pk>/delete/",
        artifacts.artifact_delete,
        name="artifact_delete",
    ),
    # The 4C assessment: a whole club on one screen (?phase=baseline|weekly|endline&week=N), the school's scale,
    # and a student's profile.
    path("<int:pk>/assess/", assessments.assess, name="assess"),
    path("rubric/", assessments.rubric, name="rubric"),
    path("students/<int:person_pk>/", students.student_detail, name="student"),
    # What a club shows of its work: projects and photos the report may show (no child named).
    path("<int:pk>/showcase/", showcase.showcase, name="showcase"),
    path("<int:pk>/showcase/photos/<int:artifact_pk>/", showcase.showcase_photo, name="showcase_photo"),
]
