"""URLs below /programs/<program_id>/evaluation/ (the summary table's two are stable URLs), and the public
questionnaire at /q/<token>/ (``public_urlpatterns``, included at the site's root by the plug-in contract)."""

from django.urls import path

from .views import baseline, instruments, links, overview, responses, results

app_name = "evaluation"

urlpatterns = [
    path("", overview.index, name="index"),
    path("aspects/", overview.aspect_list, name="aspect_list"),
    path("aspects/new/", overview.aspect_create, name="aspect_create"),
    path("aspects/restore/", overview.aspects_restore, name="aspects_restore"),
    path("aspects/<int:pk>/edit/", overview.aspect_edit, name="aspect_edit"),
    path("aspects/<int:pk>/delete/", overview.aspect_delete, name="aspect_delete"),
    path("instruments/new/", instruments.instrument_create, name="instrument_create"),
    path("instruments/import/", instruments.instrument_import, name="instrument_import"),
    path("instruments/starter/", instruments.starter_load, name="starter_load"),
    path("baseline/", baseline.baseline_page, name="baseline"),
    path("instruments/<int:pk>/", instruments.instrument_detail, name="instrument_detail"),
    path("instruments/<int:pk>/edit/", instruments.instrument_edit, name="instrument_edit"),
    path("instruments/<int:pk>/delete/", instruments.instrument_delete, name="instrument_delete"),
    path("instruments/<int:pk>/copy/", instruments.instrument_copy, name="instrument_copy"),
    path("instruments/<int:pk>/items/new/", instruments.item_create, name="item_create"),
    path("items/<int:pk>/edit/", instruments.item_edit, name="item_edit"),
    path("items/<int:pk>/delete/", instruments.item_delete, name="item_delete"),
    path("instruments/<int:pk>/record/", responses.record, name="record"),
    path("instruments/<int:pk>/answer/", responses.answer_mine, name="answer_mine"),
    path("instruments/<int:pk>/links/", links.link_list, name="link_list"),
    path("links/<int:pk>/revoke/", links.link_revoke, name="link_revoke"),
    path("links/<int:pk>/qr.svg", links.link_qr, name="link_qr"),
    path("sessions/<int:session_id>/observe/", responses.observe, name="observe"),
    path("responses/", responses.response_list, name="response_list"),
    path("responses/<int:pk>/", responses.response_detail, name="response_detail"),
    path("responses/<int:pk>/edit/", responses.response_edit, name="response_edit"),
    path("responses/<int:pk>/delete/", responses.response_delete, name="response_delete"),
    path("triangulation/", results.triangulation, name="triangulation"),
    path("summary/", results.summary, name="summary"),
    path("summary.pdf", results.summary_pdf, name="summary_pdf"),
    path("gallery/", results.gallery, name="gallery"),
    path("export.xlsx", results.export_xlsx, name="export_xlsx"),
    path("export.csv", results.export_csv, name="export_csv"),
]

public_urlpatterns = [
    path("q/<str:token>/", links.questionnaire_public, name="questionnaire_public"),
]
