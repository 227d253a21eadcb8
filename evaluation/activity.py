"""What the evaluation adds to a program (the plug-in contract, komunitas/activities.py): its section, Table 1's
aspects in every new program, the public questionnaire, and "Record an observation" on every session page.
It owns no session type; it reads the activities' weekly indicators (``activities.weekly_indicators``)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from komunitas.activities import Activity, register

from .baseline import STEP as BASELINE_STEP
from .dashboard import missing_questionnaires, scales_panel
from .demo import seed_evaluation
from .export import evaluation_sheets
from .privacy import erase_person, person_data
from .report import evaluation_results, expected_results, instruments_appendix, instruments_used
from .starter import aspects_create
from .views.responses import observe_action


def bench_pages(program) -> dict[str, str]:
    """The analysis pages, the summary table and its PDF (the bench also times WeasyPrint alone on its HTML)."""
    questionnaire = program.instruments.filter(kind="questionnaire").first()
    pages = {
        "summary table": reverse("evaluation:summary", args=[program.pk]),
        "triangulation": reverse("evaluation:triangulation", args=[program.pk]),
        "summary.pdf": reverse("evaluation:summary_pdf", args=[program.pk]),
    }
    if questionnaire:
        pages["questionnaire results"] = questionnaire.get_absolute_url()
    return pages


register(
    Activity(
        app="evaluation",
        label=_("Evaluation"),
        path="evaluation/",
        urls="evaluation.urls",
        public_urls="evaluation.urls.public_urlpatterns",
        order=90,
        on_program_created=[aspects_create],
        session_actions=[observe_action],
        dashboard_panels=[scales_panel],
        attention=[missing_questionnaires],
        demo_seeders=[seed_evaluation],
        bench_pages=bench_pages,
        permission_rows="evaluation.tests.test_permissions.TABLE",
        person_data=person_data,
        export_sheets=[evaluation_sheets],
        erase_person=erase_person,
        report_sections=[expected_results, instruments_used, evaluation_results, instruments_appendix],
        setup_steps=[BASELINE_STEP],  # the first run's last step
    )
)
