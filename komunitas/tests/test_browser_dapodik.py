"""Importing Dapodik's student list in a browser, on a phone: upload, preview, untick a class, confirm."""

import pytest
from django.urls import reverse

from komunitas.models import Person
from komunitas.testing import assert_fits, settle, sign_in
from komunitas.tests.dapodik_files import DEMO_STUDENTS, daftar_pd_xlsx

pytestmark = pytest.mark.browser


def test_a_facilitator_imports_a_daftar_pd_on_a_phone(phone, live_program):
    sign_in(phone, "fasilitator")
    phone.goto(reverse("people_import", args=[live_program.pk]))
    settle(phone)
    assert "Unduh" in phone.inner_text("main")  # where Dapodik's lists are downloaded
    phone.set_input_files(
        "input[name=file]",
        files=[
            {"name": "daftar_pd.xlsx", "mimeType": "application/octet-stream", "buffer": daftar_pd_xlsx(DEMO_STUDENTS)}
        ],
    )
    phone.click("main form[enctype] button[type=submit]")
    settle(phone)
    assert phone.locator("input[name=classes]").count() == 2
    assert_fits(phone)
    phone.uncheck("input[name=classes][value='7B']")
    phone.click("main button[formaction]")
    settle(phone)
    assert phone.is_checked("input[name=classes][value='7A']")
    assert not phone.is_checked("input[name=classes][value='7B']")
    phone.click("main form[action$='confirm/'] button.btn-success:not([formaction])")
    settle(phone)
    assert phone.url.endswith(reverse("people_list", args=[live_program.pk]))
    assert Person.objects.filter(kind="student", class_name="7A").count() == 15
    assert not Person.objects.filter(kind="student", class_name="7B").exists()
