"""komunitas.charts: the server-side SVG charts every app draws with (tested here, where they were first used)."""

from komunitas.charts import bar_chart, line_chart, nice_ceiling


def test_a_bar_chart_is_accessible_svg_with_its_numbers_as_a_table():
    chart = bar_chart(
        ["1", "2", "3"],
        [5, None, 9],
        title="Guru <hadir>",
        description="Per minggu.",
        value_labels=["5/10", "–", "9/10"],
        max_value=10,
        label_header="Week",
        value_header="Present",
        extra_columns=[("Share", ["50%", "–", "90%"])],
        chart_id="c1",
    )
    svg, table = str(chart.svg), str(chart.table)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 200"')
    assert 'role="img" aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Guru &lt;hadir&gt;</title>' in svg  # escaped
    assert '<desc id="c1-desc">Per minggu. 1: 5/10; 2: –; 3: 9/10.</desc>' in svg
    assert svg.count("<rect") == 2  # no bar where there is no data
    assert "<script" not in svg and "class=" not in svg and "style=" not in svg  # attributes only: PDF and CSP safe
    assert "<details" in table and '<th scope="row">3</th><td>9/10</td><td>90%</td>' in table
    assert '<th scope="col">Week</th><th scope="col">Present</th><th scope="col">Share</th>' in table
    assert str(chart) == svg + table


def test_bars_scale_to_the_maximum():
    chart = bar_chart(["a", "b"], [10, 5], title="t", max_value=10, chart_id="c")
    heights = [float(part.split('height="')[1].split('"')[0]) for part in str(chart.svg).split("<rect")[1:]]
    assert heights[0] == 2 * heights[1]


def test_a_line_chart_breaks_at_missing_values_and_has_a_legend():
    chart = line_chart(["1", "2", "3", "4"], [("A", [1, 2, None, 4]), ("B", [0, 1, 1, 2])], title="Garis", chart_id="l")
    svg = str(chart.svg)
    assert svg.count("<polyline") == 2  # A: one segment of two points (the lone 4 has none); B: one
    assert svg.count("<circle") == 7
    assert ">A</text>" in svg and ">B</text>" in svg
    assert "A: 1 1; 2 2; 3 –; 4 4." in svg


def test_nice_ceiling():
    assert [nice_ceiling(v) for v in (0, 0.7, 3, 7, 10, 11, 42)] == [1, 1, 5, 10, 10, 20, 50]
