"""The web app and the static report in a real browser (Debian's Chromium, driven by
Playwright; never a downloaded browser). Each test keeps a screenshot, in
``$DETENTE_SCREENSHOTS`` when set (CI keeps them as artifacts), else in its tmp dir; a
blank page fails."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from webfixtures import EVIL_IMG, EVIL_SCRIPT, build_store, running_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(
        "Debian's chromium is not installed (apt-get install chromium; .ci/run installs it)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("browser") / "web.duckdb"
    build_store(db)
    return db


@pytest.fixture(scope="module")
def base(store: Path):
    with running_app(store) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request: pytest.FixtureRequest, tmp_path: Path):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # any alert() would be an injected script running
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    shots = Path(os.environ.get("DETENTE_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    png = pg.screenshot(path=str(shots / f"{request.node.name}.png"), full_page=False)
    text = pg.evaluate("document.body ? document.body.innerText.trim().length : 0")
    context.close()
    assert text > 40 and len(png) > 8000, "blank page"
    assert pg.dialogs == [] and pg.errors == []


def test_dyad_page_point_lists_its_events(page, base: str) -> None:
    page.goto(f"{base}/dyad/PAK/RUS")
    points = page.locator("svg.chart circle.pt[data-line='both']")
    assert points.count() > 10
    page.locator("svg.chart circle.pt[data-line='both'][data-period='1999']").click()
    panel = page.locator(".point-events")
    assert "1999 (both directions)" in panel.inner_text()
    assert "Nawaz Sharif visited Moscow" in panel.inner_text()
    # The panel's sentence keeps the marks of the table (actor and trigger), as text.
    assert panel.locator("mark.trigger").count() >= 1


def test_dyad_page_shows_phases_turning_point_and_summary(page, base: str) -> None:
    page.goto(f"{base}/dyad/PAK/RUS")
    chart = page.locator("svg.chart")
    assert chart.locator("rect.phase").count() >= 2
    assert chart.locator("line.turn").count() >= 1
    turns = page.locator("ul.turns > li")
    first = turns.first.inner_text()
    assert "1999" <= first[:4] <= "2002" and "up" in first  # the thaw (issue 9)
    assert turns.first.locator("span.sentence").count() >= 1  # with its driving events' sources
    summary = page.locator(".summary")
    assert "PAK and RUS" in summary.inner_text()
    page.locator(".summary a.cite").first.click()
    assert page.url.endswith("#cite-PAK-RUS-1")


def test_timeline_filters_by_quad_class_and_sorts(page, base: str) -> None:
    page.goto(f"{base}/dyad/PAK/RUS")
    rows = page.locator("table.events tbody tr")
    total = rows.count()
    for q in ("1", "3", "4"):
        page.locator(f"form.filters input[name=quad][value='{q}']").uncheck()
    visible = page.locator("table.events tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    assert set(visible.evaluate_all("rs => rs.map(r => r.dataset.quad)")) == {"2"}
    assert f"{visible.count()} of {total} events shown" in page.locator(".shown").inner_text()
    page.locator("form.filters input[name=quad][value='1']").check()
    page.locator("form.filters input[name=from]").fill("2014")
    years = page.locator("table.events tbody tr:not([hidden])").evaluate_all(
        "rs => rs.map(r => r.dataset.year)"
    )
    assert years and all(y >= "2014" for y in years)
    page.locator("th[data-sort='goldstein']").click()
    scores = page.locator("table.events tbody tr:not([hidden])").evaluate_all(
        "rs => rs.map(r => parseFloat(r.dataset.goldstein))"
    )
    assert scores == sorted(scores)


def test_search_finds_the_1999_visit(page, base: str) -> None:
    page.goto(f"{base}/search")
    page.fill("input[name=q]", "Moscow")
    page.click("form.search button")
    page.wait_for_selector("p.result-count")
    row = page.locator("table.events tbody tr", has_text="Nawaz Sharif")
    assert row.count() >= 1
    assert row.first.locator("td.date").inner_text() == "1999"


def test_hostile_document_renders_as_text(page, base: str) -> None:
    page.goto(f"{base}/dyad/DEU/FRA")
    assert EVIL_IMG in page.locator("table.events").inner_text()
    assert page.locator("table.events img").count() == 0
    page.goto(f"{base}/document?id=evil")
    body = page.locator(".doc-text").inner_text()
    assert EVIL_SCRIPT in body and EVIL_IMG in body  # shown, as the text says it
    assert EVIL_SCRIPT in page.locator("h1").inner_text()
    assert page.locator(".doc-text script, .doc-text img, h1 script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert "javascript:alert(1)" in page.locator(".url").inner_text()


def test_pasted_text_is_analysed_and_its_events_appear(page, base: str) -> None:
    page.goto(f"{base}/analyse")
    page.fill("textarea[name=text]", "In 2014 Ghana thanked Togo for its help.")
    page.click("#analyse button")
    sync_api.expect(page.locator("#job-status")).to_have_text(re.compile("^done"), timeout=60_000)
    assert page.locator("#job-progress").evaluate("p => p.value") == 1
    new = page.locator("ul.new-events li")
    assert new.count() == 1 and "GHA → TGO" in new.inner_text() and "2014" in new.inner_text()
    page.click("#job-result a")
    assert "Ghana thanked Togo" in page.locator(".doc-text").inner_text()
    page.goto(f"{base}/dyad/GHA/TGO")
    assert page.locator("svg.chart circle.pt[data-period='2014']").count() >= 1
    assert "Ghana thanked Togo" in page.locator("table.events").inner_text()


def test_report_opens_offline_with_a_gap(page, store: Path, tmp_path: Path) -> None:
    from detente.report import write_store_report

    out = write_store_report(store, tmp_path / "report.html")
    requests: list[str] = []

    def refuse(route):
        if route.request.url != out.as_uri():
            requests.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.context.route("**/*", refuse)
    page.context.set_offline(True)
    page.goto(out.as_uri())
    assert requests == []
    pak_rus = page.locator("#dyad-PAK-RUS svg.chart")
    assert pak_rus.locator("circle.pt").count() > 10
    fra = page.locator("#dyad-DEU-FRA svg.chart")
    # 2005, 2007 and 2010 have events, 2006 none: a gap, so the combined line breaks there.
    assert fra.locator("rect.gap[data-period='2006']").count() == 1
    assert fra.locator("polyline[data-line='both']").count() == 3  # 2005, 2007, 2010
    fra.locator("circle.pt[data-line='both'][data-period='2005']").click()
    assert "France met Germany in Paris" in page.locator("#dyad-DEU-FRA .point-events").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    assert EVIL_SCRIPT in page.locator("table.events").inner_text()
    # The signed network for a chosen period.
    assert page.locator("div.network:not([hidden])").count() == 1
    page.locator("form.network-period select").select_option("2016")
    shown = page.locator("div.network:not([hidden])")
    assert shown.count() == 1 and shown.get_attribute("data-period") == "2016"
    assert shown.locator("text", has_text="IND").count() == 1
    page.locator("#dyad-PAK-RUS").scroll_into_view_if_needed()
    assert requests == []


def test_every_page_answers_in_the_browser(page, base: str) -> None:
    for path in ("/", "/actor/PAK", f"/document?id={quote('fra-deu')}", "/api/docs"):
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
    page.goto(base + "/")
    page.click("text=PAK – RUS")
    assert page.locator("h1").inner_text().startswith("PAK – RUS")
