"""URLs below /programs/<program_id>/parents/. Built in a later issue; for now one page says what will be here."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from komunitas.views.programs import section_placeholder

from .views import involvement

app_name = "parents"

urlpatterns = [
    path("", section_placeholder, {"section": "parents", "title": _("Parent classes")}, name="index"),
    # Each parent's classes, contributions and level (parents/views/involvement.py)
    path("involvement/", involvement.involvement, name="involvement"),
]

# The self check-in (parents/views/check_in.py); <pk> is the class's session.
from .views import check_in, public  # noqa: E402

urlpatterns += [
    path("<int:pk>/check-in/", check_in.check_in, name="check_in"),
    path("<int:pk>/check-in/<int:link_pk>/revoke/", check_in.check_in_revoke, name="check_in_revoke"),
    path("<int:pk>/check-in/<int:link_pk>/qr.svg", check_in.check_in_qr, name="check_in_qr"),
    path("<int:pk>/check-in/<int:link_pk>/screen/", check_in.check_in_screen, name="check_in_screen"),
    path("<int:pk>/check-in/names/<int:check_in_pk>/confirm/", check_in.check_in_confirm, name="check_in_confirm"),
    path("<int:pk>/check-in/names/<int:check_in_pk>/merge/", check_in.check_in_merge, name="check_in_merge"),
    path("<int:pk>/check-in/names/<int:check_in_pk>/reject/", check_in.check_in_reject, name="check_in_reject"),
    path("<int:pk>/invitation/", check_in.invitation, name="invitation"),
]

# At the site's root (the contract's ``public_urls``): the page parents check in on, without an account.
public_urlpatterns = [
    path("c/<str:token>/", public.check_in_public, name="parent_check_in"),
]
