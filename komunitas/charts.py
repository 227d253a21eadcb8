"""Charts drawn on the server as SVG, so the same chart shows on a page and in a PDF.

No JavaScript and no library: ``bar_chart`` and ``line_chart`` return a ``Chart`` holding an accessible SVG
(``role="img"`` with ``<title>`` and a ``<desc>`` that spells out every number) and the same numbers as an HTML
table inside a collapsible ``<details>``, for screen readers and small phones. Drawing uses presentation
attributes only (no CSS classes), so WeasyPrint renders it as the browser does.

The SVG's coordinate box is phone-sized (360 wide) and scales with its container; text stays legible at 390 px.

    chart = bar_chart(["1", "2"], [5, 9], title="Teachers present", max_value=10, value_labels=["5/10", "9/10"])
    {{ chart }}            in a template: the SVG and the table
    {{ chart.svg }}        the SVG alone (e.g. in a PDF, with {{ chart.table }} elsewhere)
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 360
HEIGHT = 200
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 30, 8, 20, 24
PALETTE = ["#198754", "#0d6efd", "#fd7e14", "#6f42c1", "#d63384", "#20c997"]
GRID = "#dee2e6"
TEXT = "#212529"
MUTED = "#6c757d"
FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif\""

Number = int | float | None


@dataclass(frozen=True)
class Chart:
    svg: SafeString
    table: SafeString

    def __html__(self) -> SafeString:
        return mark_safe(self.svg + self.table)  # both parts are built escaped

    def __str__(self) -> str:
        return self.__html__()


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k that is at least ``value`` (for a tidy axis)."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude  # pragma: no cover


def _number(value: Number) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}"
    return str(int(value))


def _chart_id(title: str, chart_id: str | None) -> str:
    return chart_id or "chart-" + hashlib.md5(title.encode(), usedforsecurity=False).hexdigest()[:8]


class _Frame:
    """Scales and the axis of one chart."""

    def __init__(self, count: int, max_value: float, width: int, height: int):
        self.count = max(count, 1)
        self.max_value = max_value
        self.width, self.height = width, height
        self.left, self.top = MARGIN_LEFT, MARGIN_TOP
        self.plot_width = width - MARGIN_LEFT - MARGIN_RIGHT
        self.plot_height = height - MARGIN_TOP - MARGIN_BOTTOM
        self.slot = self.plot_width / self.count

    def x_center(self, index: int) -> float:
        return self.left + self.slot * (index + 0.5)

    def y(self, value: float) -> float:
        share = min(max(value / self.max_value, 0), 1) if self.max_value else 0
        return self.top + self.plot_height * (1 - share)

    def axis(self, labels: Sequence[str], tick_format) -> list[str]:
        parts = []
        for fraction in (0, 0.5, 1):
            value = self.max_value * fraction
            y = self.y(value)
            parts.append(
                f'<line x1="{self.left}" x2="{self.width - MARGIN_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                f'stroke="{GRID}" stroke-width="1"/>'
            )
            parts.append(
                f'<text x="{self.left - 4}" y="{y + 3.5:.1f}" text-anchor="end" font-size="10" fill="{MUTED}">'
                f"{escape(tick_format(value))}</text>"
            )
        baseline = self.y(0)
        for index, label in enumerate(labels):
            parts.append(
                f'<text x="{self.x_center(index):.1f}" y="{baseline + 15:.1f}" text-anchor="middle" '
                f'font-size="11" fill="{TEXT}">{escape(label)}</text>'
            )
        return parts


def _svg(chart_id: str, title: str, description: str, body: list[str], width: int, height: int) -> SafeString:
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT} data-chart="{chart_id}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def _table(
    chart_id: str,
    title: str,
    label_header: str,
    columns: list[tuple[str, list[str]]],
    labels: Sequence[str],
) -> SafeString:
    head = format_html_join("", '<th scope="col">{}</th>', ((header,) for header, _values in columns))
    body = format_html_join(
        "",
        '<tr><th scope="row">{}</th>{}</tr>',
        (
            (label, format_html_join("", "<td>{}</td>", ((values[index],) for _header, values in columns)))
            for index, label in enumerate(labels)
        ),
    )
    return format_html(
        '<details class="chart-data mt-1" id="{}-data"><summary class="small">{}</summary>'
        '<div class="table-responsive"><table class="table table-sm table-bordered small mb-0" '
        'data-testid="{}-table"><caption class="visually-hidden">{}</caption>'
        '<thead><tr><th scope="col">{}</th>{}</tr></thead><tbody>{}</tbody></table></div></details>',
        chart_id,
        _("Show the numbers"),
        chart_id,
        title,
        label_header,
        head,
        body,
    )


def _spelled_out(description: str, labels: Sequence[str], texts: Sequence[str]) -> str:
    numbers = "; ".join(f"{label}: {text}" for label, text in zip(labels, texts))
    return f"{description} {numbers}." if description else f"{numbers}."


def _legend_entry(number: int, name: str, colour: str) -> list[str]:
    """The legend's swatch and name of the ``number``-th series, in a row along the chart's top."""
    x = MARGIN_LEFT + number * 110
    return [
        f'<rect x="{x}" y="4" width="10" height="10" fill="{colour}"/>',
        f'<text x="{x + 14}" y="13" font-size="10" fill="{TEXT}">{escape(name[:18])}</text>',
    ]


def _series_chart(chart_id, title, description, label_header, labels, series, body, width, height) -> Chart:
    """A chart of several (name, values) series: every number spelled out in its description and its table."""
    spelled = " ".join(
        f"{name}: " + "; ".join(f"{label} {_number(v)}" for label, v in zip(labels, values)) + "."
        for name, values in series
    )
    columns = [(name, [_number(v) for v in values]) for name, values in series]
    return Chart(
        svg=_svg(chart_id, title, f"{description} {spelled}".strip(), body, width, height),
        table=_table(chart_id, title, label_header, columns, labels),
    )


def bar_chart(
    labels: Sequence[str],
    values: Sequence[Number],
    *,
    title: str,
    description: str = "",
    value_labels: Sequence[str] | None = None,
    max_value: float | None = None,
    label_header: str = "",
    value_header: str = "",
    extra_columns: Sequence[tuple[str, Sequence]] = (),
    highlight: int | None = None,
    color: str = PALETTE[0],
    chart_id: str | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> Chart:
    """Vertical bars, one per label; ``None`` draws no bar (no data). ``highlight`` (an index) marks e.g. the
    current week. ``extra_columns`` add (header, values) columns to the data table only."""
    chart_id = _chart_id(title, chart_id)
    texts = list(value_labels) if value_labels is not None else [_number(v) for v in values]
    top = max_value or nice_ceiling(max((v for v in values if v is not None), default=0))
    frame = _Frame(len(labels), top, width, height)
    body = frame.axis(labels, _number)
    bar_width = frame.slot * 0.66
    for index, (value, text) in enumerate(zip(values, texts)):
        x = frame.x_center(index)
        if value is not None and value > 0:
            y = frame.y(value)
            opacity = 1 if highlight is None or index == highlight else 0.6
            body.append(
                f'<rect x="{x - bar_width / 2:.1f}" y="{y:.1f}" width="{bar_width:.1f}" '
                f'height="{frame.y(0) - y:.1f}" rx="2" fill="{color}" fill-opacity="{opacity}"/>'
            )
        label_y = frame.y(value or 0) - 4
        body.append(
            f'<text x="{x:.1f}" y="{label_y:.1f}" text-anchor="middle" font-size="9.5" fill="{TEXT}">'
            f"{escape(text)}</text>"
        )
    columns = [(value_header or title, texts)]
    columns += [(header, [_number(v) if not isinstance(v, str) else v for v in col]) for header, col in extra_columns]
    return Chart(
        svg=_svg(chart_id, title, _spelled_out(description, labels, texts), body, width, height),
        table=_table(chart_id, title, label_header, columns, labels),
    )


def line_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number]]],
    *,
    title: str,
    description: str = "",
    max_value: float | None = None,
    label_header: str = "",
    chart_id: str | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> Chart:
    """One line per (name, values) series; ``None`` breaks the line. A legend is drawn for two or more series."""
    chart_id = _chart_id(title, chart_id)
    all_values = [v for _name, values in series for v in values if v is not None]
    top = max_value or nice_ceiling(max(all_values, default=0))
    frame = _Frame(len(labels), top, width, height)
    body = frame.axis(labels, _number)
    for number, (name, values) in enumerate(series):
        colour = PALETTE[number % len(PALETTE)]
        segment: list[str] = []
        segments = [segment]
        for index, value in enumerate(values):
            if value is None:
                segment = []
                segments.append(segment)
                continue
            x, y = frame.x_center(index), frame.y(value)
            segment.append(f"{x:.1f},{y:.1f}")
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour}"/>')
        for points in segments:
            if len(points) > 1:
                body.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="2"/>')
        if len(series) > 1:
            body += _legend_entry(number, name, colour)
    return _series_chart(chart_id, title, description, label_header, labels, series, body, width, height)


def grouped_bar_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number]]],
    *,
    title: str,
    description: str = "",
    max_value: float | None = None,
    label_header: str = "",
    highlight: int | None = None,
    axis_labels: Sequence[str] | None = None,
    chart_id: str | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> Chart:
    """Bars side by side for each label, one per (name, values) series (e.g. sessions planned and held per
    week), with a legend; ``None`` draws no bar. ``axis_labels``: short labels under the bars (e.g. numbers)
    when ``labels`` are too long for the axis; the description and the table keep ``labels``."""
    chart_id = _chart_id(title, chart_id)
    all_values = [v for _name, values in series for v in values if v is not None]
    top = max_value or nice_ceiling(max(all_values, default=0))
    frame = _Frame(len(labels), top, width, height)
    body = frame.axis(axis_labels or labels, _number)
    count = max(len(series), 1)
    bar_width = frame.slot * 0.8 / count
    for number, (name, values) in enumerate(series):
        colour = PALETTE[number % len(PALETTE)]
        for index, value in enumerate(values):
            if value is None or value <= 0:
                continue
            x = frame.x_center(index) - frame.slot * 0.4 + bar_width * number
            y = frame.y(value)
            opacity = 1 if highlight is None or index == highlight else 0.6
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{frame.y(0) - y:.1f}" '
                f'fill="{colour}" fill-opacity="{opacity}"/>'
            )
        body += _legend_entry(number, name, colour)
    return _series_chart(chart_id, title, description, label_header, labels, series, body, width, height)
