"""``detente serve`` over HTTP (no browser): the JSON API, its bounds and headers, reading
while another process writes, and 50 concurrent requests."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from webfixtures import EVIL_SCRIPT, build_store, running_app


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    build_store(db)
    return db


@pytest.fixture(scope="module")
def base(store: Path):
    with running_app(store) as url:
        yield url


def test_overview_api_counts_the_whole_store(base: str) -> None:
    data = httpx.get(f"{base}/api/overview").json()
    stats = data["stats"]
    assert stats["documents"] == 3
    assert stats["events"] > 80  # the example's events and the six hand-built ones
    top = data["dyads"]["items"][0]
    assert (top["a"], top["b"]) == ("PAK", "RUS") and top["events"] > 50


def test_dyad_api_has_both_directions_gaps_and_pages(base: str) -> None:
    data = httpx.get(f"{base}/api/dyad/DEU/FRA", params={"size": 2}).json()
    lines = data["series"]["lines"]
    assert set(lines) == {"both", "DEU→FRA", "FRA→DEU"}
    both = {p["period"]: p for p in lines["both"]}
    assert both["2006"]["n"] == 0 and both["2006"]["goldstein_mean"] is None  # a gap, not 0
    assert both["2005"]["n"] == 2 and both["2007"]["n"] == 2
    assert {p["period"]: p["n"] for p in lines["FRA→DEU"]}["2010"] == 1
    events = data["events"]
    assert events["total"] == 6 and len(events["items"]) == 2 and events["size"] == 2
    page3 = httpx.get(f"{base}/api/dyad/FRA/DEU", params={"size": 2, "page": 3}).json()
    assert [e["date"] for e in page3["events"]["items"]] == ["2010", "2010"]


def test_dyad_api_has_phases_and_a_cited_summary(base: str) -> None:
    data = httpx.get(f"{base}/api/dyad/RUS/PAK").json()
    turns = data["phases"]["turning_points"]
    # The example's thaw (issue 9: a turning point within 1999–2002), explained by events.
    assert turns and "1999" <= turns[0]["period"] <= "2002" and turns[0]["direction"] == "up"
    assert turns[0]["events"] and all(e["sentence"] for e in turns[0]["events"])
    assert len(data["phases"]["phases"]) >= 2
    statements = data["summary"]["statements"]
    assert statements and all(st["citations"] for st in statements[:2])


def test_search_finds_the_1999_visit_to_moscow(base: str) -> None:
    data = httpx.get(
        f"{base}/api/search", params={"q": "Moscow", "from": "1999", "to": "1999"}
    ).json()
    assert data["total"] >= 1
    assert any("Nawaz Sharif visited Moscow" in e["sentence"] for e in data["items"])
    assert all(e["date"].startswith("1999") for e in data["items"])


def test_page_sizes_and_inputs_are_bounded(base: str) -> None:
    assert httpx.get(f"{base}/api/dyads", params={"size": 10_000}).status_code == 422
    assert httpx.get(f"{base}/api/search", params={"q": "x" * 500}).status_code == 422
    assert httpx.get(f"{base}/api/dyad/PAK/RUS", params={"by": "week"}).status_code == 422
    # Text that looks like SQL is a value, not SQL.
    r = httpx.get(f"{base}/api/search", params={"actor": "PAK' OR 1=1 --"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert httpx.get(f"{base}/dyad/PAK/R%27S").status_code == 404


def test_headers_and_hosts(base: str) -> None:
    r = httpx.get(f"{base}/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    # A page asked for under another host name (DNS rebinding) is refused.
    assert httpx.get(f"{base}/", headers={"Host": "evil.example"}).status_code == 400


def test_hostile_document_is_text_and_its_url_no_link(base: str) -> None:
    page = httpx.get(f"{base}/document", params={"id": "evil"}).text
    assert EVIL_SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert 'href="javascript:' not in page.lower() and "javascript:alert(1)" in page


def test_writes_need_the_header_and_bounded_bodies(base: str) -> None:
    r = httpx.post(f"{base}/api/analyse", data={"text": "Ghana thanked Togo."})
    assert r.status_code == 403  # a cross-site form cannot send X-Detente
    big = "x" * (3 * 1024 * 1024)
    r = httpx.post(f"{base}/api/analyse", data={"text": big}, headers={"X-Detente": "1"})
    assert r.status_code == 413


def test_fifty_concurrent_dyad_pages(base: str) -> None:
    def fetch(_: int) -> tuple[int, str]:
        r = httpx.get(f"{base}/dyad/PAK/RUS", timeout=60)
        return r.status_code, r.text

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(fetch, range(50)))
    elapsed = time.monotonic() - started
    assert all(code == 200 for code, _ in results)
    assert all("PAK – RUS" in text and text.count("class='pt'") > 10 for _, text in results)
    assert elapsed < 60


def test_answers_while_another_process_writes(tmp_path: Path) -> None:
    """A `detente analyze` holds the store writable for its whole run; the app keeps
    answering from its snapshot, says so, and catches up when the writer is done."""
    db = tmp_path / "busy.duckdb"
    build_store(db)
    holder = textwrap.dedent(
        f"""
        import sys, time
        from detente.model import Document
        from detente.store import open_store
        with open_store({str(db)!r}) as store:
            doc = Document(id="late", text="Chile thanked Peru.", title="Late news")
            store.ingest([(doc, [(0, 19, "Chile thanked Peru.")], [])])
            print("holding", flush=True)
            sys.stdin.readline()
        """
    )
    with running_app(db) as url:
        before = httpx.get(f"{url}/api/overview").json()["stats"]["documents"]
        proc = subprocess.Popen(
            [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        try:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
            time.sleep(0.6)  # past the refresh interval
            r = httpx.get(f"{url}/")
            assert r.status_code == 200
            assert "being written by another process" in r.text
            assert httpx.get(f"{url}/api/overview").json()["stats"]["documents"] == before
        finally:
            proc.communicate("\n", timeout=30)
        time.sleep(0.6)
        after = httpx.get(f"{url}/api/overview").json()
        assert after["stats"]["documents"] == before + 1
        assert after["snapshot"]["stale"] is False


def _wait_done(base: str, job: dict) -> dict:
    deadline = time.monotonic() + 90
    while job["state"] not in ("done", "failed"):
        assert time.monotonic() < deadline, job
        time.sleep(0.2)
        job = httpx.get(f"{base}/api/jobs/{job['id']}").json()
    return job


def test_uploads_queue_one_writer_and_store_nothing_else(base: str, store: Path) -> None:
    before = sorted(p.name for p in store.parent.iterdir())
    html = b"<html><head><title>Wire &lt;b&gt;</title></head><body><p>In 2012 Chile thanked Peru for its help.</p></body></html>"
    headers = {"X-Detente": "1"}
    first = httpx.post(
        f"{base}/api/analyse",
        files={"file": ("../../wire.html", html, "text/html")},
        headers=headers,
    )
    second = httpx.post(
        f"{base}/api/analyse",
        data={"text": "In 2013 Peru thanked Chile for its help."},
        headers=headers,
    )
    assert first.status_code == second.status_code == 202
    done = [_wait_done(base, first.json()), _wait_done(base, second.json())]
    assert [j["state"] for j in done] == ["done", "done"]
    assert [(e["source"], e["target"], e["date"]) for e in done[0]["events"]] == [
        ("CHL", "PER", "2012")
    ]
    assert [(e["source"], e["target"], e["date"]) for e in done[1]["events"]] == [
        ("PER", "CHL", "2013")
    ]
    doc = httpx.get(f"{base}/api/document", params={"id": done[0]["doc_id"]}).json()
    assert doc["path"] == "upload:wire.html"  # the file's name only, never a path
    series = httpx.get(f"{base}/api/dyad/CHL/PER").json()["series"]["lines"]["both"]
    assert [(p["period"], p["n"]) for p in series] == [("2012", 1), ("2013", 1)]
    # Nothing was written next to the store (no temporary upload files).
    assert sorted(p.name for p in store.parent.iterdir()) == before
    empty = httpx.post(f"{base}/api/analyse", data={"text": "  "}, headers=headers)
    assert empty.status_code == 422
    binary = httpx.post(
        f"{base}/api/analyse", files={"file": ("blob.bin", bytes(range(256)) * 8)}, headers=headers
    )
    failed = _wait_done(base, binary.json())
    assert failed["state"] == "failed" and failed["message"].startswith("failed: blob.bin: ")


def test_serve_command_listens_on_loopback(store: Path, tmp_path: Path) -> None:
    from webfixtures import free_port

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "detente.cli", "serve", "--db", str(store), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["stats"]["documents"] >= 3
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=30)
    assert f"serving {store} at http://127.0.0.1:{port}/" in stderr
