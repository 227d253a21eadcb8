"""URLs below /programs/<program_id>/parents/. The classes follow the stable URLs of every section
(docs/architecture.md, "Stable URLs"): a class is a session, its pk the session's. ``public_urlpatterns`` sit at the
site's root (the contract's ``public_urls``): the page parents check in on, without an account."""

from django.urls import path

from .views import check_in, classes, contributions, dialogue, follow_ups, involvement, public

app_name = "parents"

urlpatterns = [
    path("", classes.class_list, name="index"),
    path("new/", classes.class_create, name="create"),
    path("<int:pk>/", classes.class_detail, name="detail"),
    path("<int:pk>/edit/", classes.class_edit, name="edit"),
    # What parents said at a class, and every class's notes by tag and theme
    path("<int:pk>/dialogue/new/", dialogue.note_create, name="note_create"),
    path("<int:pk>/dialogue/<int:note_pk>/edit/", dialogue.note_edit, name="note_edit"),
    path("<int:pk>/dialogue/<int:note_pk>/delete/", dialogue.note_delete, name="note_delete"),
    path("dialogue/", dialogue.summary, name="dialogue"),
    # What parents did, at a class (?class=<pk> chooses it) or between classes
    path("contributions/", contributions.contribution_list, name="contributions"),
    path("contributions/new/", contributions.contribution_create, name="contribution_create"),
    path("contributions/<int:contribution_pk>/edit/", contributions.contribution_edit, name="contribution_edit"),
    path("contributions/<int:contribution_pk>/delete/", contributions.contribution_delete, name="contribution_delete"),
    # What the school agreed to do after a class
    path("<int:pk>/follow-ups/new/", follow_ups.follow_up_create, name="follow_up_create"),
    path("<int:pk>/follow-ups/<int:follow_up_pk>/edit/", follow_ups.follow_up_edit, name="follow_up_edit"),
    path("<int:pk>/follow-ups/<int:follow_up_pk>/delete/", follow_ups.follow_up_delete, name="follow_up_delete"),
    path("follow-ups/", follow_ups.follow_up_list, name="follow_ups"),
    # Each parent's classes, contributions and level (parents/views/involvement.py)
    path("involvement/", involvement.involvement, name="involvement"),
    # The self check-in (parents/views/check_in.py): links, their QR codes, the names parents wrote
    path("<int:pk>/check-in/", check_in.check_in, name="check_in"),
    path("<int:pk>/check-in/<int:link_pk>/revoke/", check_in.check_in_revoke, name="check_in_revoke"),
    path("<int:pk>/check-in/<int:link_pk>/qr.svg", check_in.check_in_qr, name="check_in_qr"),
    path("<int:pk>/check-in/<int:link_pk>/screen/", check_in.check_in_screen, name="check_in_screen"),
    path("<int:pk>/check-in/names/<int:check_in_pk>/confirm/", check_in.check_in_confirm, name="check_in_confirm"),
    path("<int:pk>/check-in/names/<int:check_in_pk>/merge/", check_in.check_in_merge, name="check_in_merge"),
    path("<int:pk>/check-in/names/<int:check_in_pk>/reject/", check_in.check_in_reject, name="check_in_reject"),
    path("<int:pk>/invitation/", check_in.invitation, name="invitation"),
]

public_urlpatterns = [
    path("c/<str:token>/", public.check_in_public, name="parent_check_in"),
]
