"""``detente serve``: the store in a browser (FastAPI + Jinja2), and the same data as JSON.

Pages: overview, dyad, actor, document, search, analyse (paste or upload). Every page's data
is also under ``/api/`` (paginated; described by ``/openapi.json`` and ``/api/docs``).

Safety, because the app reads texts from anywhere: it binds to 127.0.0.1 unless told
otherwise and then only answers to loopback host names (no DNS rebinding); no user-supplied
SQL, every query parameterised (:mod:`detente.web.queries`); page sizes, query strings and
request bodies bounded; a strict Content-Security-Policy (scripts and styles only from the
app itself); writes need the ``X-Detente`` header, which a cross-site form cannot send;
a corpus ``url`` is a link only when it is http(s).
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from detente.report.chart import render_chart
from detente.report.relations_view import relations_view
from detente.report.series import RESOLUTIONS, dyad_series_of
from detente.report.templating import asset, environment
from detente.report.view import event_row, highlight, legend_actors, safe_href
from detente.web import queries as q
from detente.web.jobs import Writer
from detente.web.snapshot import Snapshot

_TEMPLATES = str(Path(__file__).parent / "templates")
#: Largest request body (an uploaded or pasted text), and the largest page of results.
MAX_BODY = 2 * 1024 * 1024
MAX_PAGE = 200
#: Events listed on one dyad page (the chart always uses all of them).
DYAD_ROWS = 2000
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_CODE = re.compile(r"^[A-Z0-9]{3,15}$")
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")

Size = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"items per page (≤ {MAX_PAGE})")]
PageNo = Annotated[int, Query(ge=1, le=1_000_000, description="page number, from 1")]
Text = Annotated[str | None, Query(max_length=200)]


class _Guard:
    """Security headers on every response; bodies larger than ``MAX_BODY`` refused (413)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _too_large(send)
            return
        seen = 0

        async def bounded() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    # A body without Content-Length that grows too large: stop reading it.
                    return {"type": "http.disconnect"}
            return message

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, bounded, with_headers)


async def _too_large(send: Send) -> None:
    body = b'{"detail":"request body too large"}'
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"content-security-policy", CSP.encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _code(value: str) -> str:
    code = value.upper()
    if not _CODE.match(code):
        raise HTTPException(404, f"no such actor code: {value[:40]!r}")
    return code


def _doc_url(doc_id: str) -> str:
    return "/document?id=" + quote(doc_id, safe="")


def create_app(
    db: str | Path,
    *,
    hosts: tuple[str, ...] = LOOPBACK,
    model: str | None = None,
    wait: float = 600.0,
) -> FastAPI:
    """The app over the store ``db`` (created empty if missing). ``hosts``: the Host names
    it answers to (``("*",)`` for any, when bound to a public address on purpose)."""
    from detente.store import open_store

    if not Path(db).exists():
        open_store(db).close()
    snapshot = Snapshot(db)
    writer = Writer(snapshot, wait=wait, model=model)
    env = environment(_TEMPLATES)
    app = FastAPI(
        title="detente",
        summary="Events between states, read from texts: the store of one detente project.",
        docs_url=None,  # FastAPI's own pages load scripts from a CDN; /api/docs is offline
        redoc_url=None,
    )
    app.state.snapshot, app.state.writer = snapshot, writer

    def page(name: str, request: Request, **context: Any) -> HTMLResponse:
        state = snapshot.state
        html = env.get_template(name).render(
            request=request, snapshot=state, doc_url=_doc_url, safe_href=safe_href, **context
        )
        return HTMLResponse(html)

    # -- static files (the report's own script and style sheet) -----------------------------

    @app.get("/static/detente.js", include_in_schema=False)
    def script() -> Response:
        return Response(asset("detente.js"), media_type="text/javascript")

    @app.get("/static/detente.css", include_in_schema=False)
    def style() -> Response:
        return Response(asset("detente.css"), media_type="text/css")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    # -- JSON API ----------------------------------------------------------------------------

    @app.get("/api/overview", summary="Corpus statistics, the busiest dyads and actors")
    def api_overview(top: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20) -> dict[str, Any]:
        cur = snapshot.cursor()
        return {
            "stats": q.corpus_stats(cur),
            "dyads": q.dyads(cur, actor=None, page=1, size=top).as_dict(),
            "actors": q.actors(cur, limit=top),
            "snapshot": {"taken_at": snapshot.state.taken_at, "stale": snapshot.state.stale},
        }

    @app.get("/api/dyads", summary="Dyads by number of events (optionally of one actor)")
    def api_dyads(actor: Text = None, page: PageNo = 1, size: Size = 50) -> dict[str, Any]:
        return q.dyads(
            snapshot.cursor(), actor=_code(actor) if actor else None, page=page, size=size
        ).as_dict()

    @app.get("/api/dyad/{a}/{b}", summary="A dyad's series (both directions) and its events")
    def api_dyad(
        a: str, b: str, by: Text = None, page: PageNo = 1, size: Size = 50
    ) -> dict[str, Any]:
        from detente.relations import phases, summary

        a, b = sorted((_code(a), _code(b)))
        cur = snapshot.cursor()
        series = dyad_series_of(q.dyad_all(cur, a, b), (a, b), _by(by))
        ph = phases(series.relations) if series.periods else None
        return {
            "series": series.as_dict(),
            "phases": ph.to_json() if ph else None,
            "summary": summary(series.relations, ph).to_json() if ph else None,
            "events": _events_page(q.dyad_events(cur, a, b, page=page, size=size)),
        }

    @app.get("/api/actor/{code}", summary="An actor's dyads (its network neighbourhood)")
    def api_actor(code: str, page: PageNo = 1, size: Size = 50) -> dict[str, Any]:
        code = _code(code)
        return {
            "actor": code,
            "dyads": q.dyads(snapshot.cursor(), actor=code, page=page, size=size).as_dict(),
        }

    @app.get("/api/documents", summary="Stored documents, newest first")
    def api_documents(page: PageNo = 1, size: Size = 50) -> dict[str, Any]:
        return q.documents(snapshot.cursor(), page=page, size=size).as_dict()

    @app.get("/api/document", summary="One document: its sentences and the events they report")
    def api_document(id: Annotated[str, Query(max_length=2000)]) -> dict[str, Any]:
        doc = q.document(snapshot.cursor(), id)
        if doc is None:
            raise HTTPException(404, "no such document")
        return doc

    @app.get("/api/search", summary="Events by actor, CAMEO code, root, date range, words")
    def api_search(
        actor: Text = None,
        code: Text = None,
        root: Text = None,
        date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
        date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
        words: Annotated[str | None, Query(alias="q", max_length=200)] = None,
        page: PageNo = 1,
        size: Size = 50,
    ) -> dict[str, Any]:
        found = q.search(
            snapshot.cursor(), actor=actor, code=code, root=root, date_from=date_from,
            date_to=date_to, words=words, page=page, size=size,
        )  # fmt: skip
        return _events_page(found)

    @app.post("/api/analyse", summary="Queue a pasted text or an uploaded file for analysis")
    async def api_analyse(
        text: Annotated[str | None, Form(max_length=MAX_BODY)] = None,
        file: Annotated[UploadFile | None, File()] = None,
        pubdate: Annotated[str | None, Form(max_length=10)] = None,
        x_detente: Annotated[str | None, Header()] = None,
    ) -> JSONResponse:
        if x_detente != "1":
            raise HTTPException(403, "send the X-Detente: 1 header (the page's form does)")
        if file is not None and file.filename:
            data = await file.read(MAX_BODY + 1)
            name = Path(file.filename).name[:200] or "upload"
        elif text and text.strip():
            data, name = text.encode("utf-8"), "pasted text"
        else:
            raise HTTPException(422, "paste a text or choose a file")
        if len(data) > MAX_BODY:
            raise HTTPException(413, "the text is too large")
        if pubdate and not re.match(r"^\d{4}(-\d{2}){0,2}$", pubdate):
            raise HTTPException(422, "pubdate: YYYY, YYYY-MM or YYYY-MM-DD")
        job = writer.submit(name, data, pubdate or None)
        return JSONResponse(job.as_dict(), status_code=202)

    @app.get("/api/jobs/{job_id}", summary="The state of an analysis")
    def api_job(job_id: str) -> dict[str, Any]:
        job = writer.get(job_id)
        if job is None:
            raise HTTPException(404, "no such job")
        return job.as_dict()

    @app.get("/api/docs", include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        return page("api.html.j2", request, spec=app.openapi())

    # -- pages -------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def overview(request: Request) -> HTMLResponse:
        cur = snapshot.cursor()
        return page(
            "overview.html.j2", request, stats=q.corpus_stats(cur),
            dyads=q.dyads(cur, actor=None, page=1, size=25), actors=q.actors(cur, limit=25),
            documents=q.documents(cur, page=1, size=10),
        )  # fmt: skip

    @app.get("/dyad/{a}/{b}", include_in_schema=False)
    def dyad(request: Request, a: str, b: str, by: Text = None) -> HTMLResponse:
        a, b = sorted((_code(a), _code(b)))
        cur = snapshot.cursor()
        events = q.dyad_all(cur, a, b)
        if not events:
            raise HTTPException(404, f"no events between {a} and {b}")
        docs = q.docs_of(events)
        series = dyad_series_of(events, (a, b), _by(by))
        rv = relations_view(series, docs)
        rows = [event_row(e, docs) for e in events[:DYAD_ROWS]]
        svg = render_chart(series, phases=rv.phases, turning_points=rv.turning_periods)
        return page(
            "dyad.html.j2", request, series=series, svg=svg, relations=rv, key=f"{a}-{b}",
            rows=rows, total=len(events), resolutions=RESOLUTIONS,
            actors=legend_actors(c for r in rows for c in (r.source, r.target)),
        )  # fmt: skip

    @app.get("/actor/{code}", include_in_schema=False)
    def actor(request: Request, code: str) -> HTMLResponse:
        code = _code(code)
        found = q.dyads(snapshot.cursor(), actor=code, page=1, size=MAX_PAGE)
        if not found.items:
            raise HTTPException(404, f"no events of {code}")
        shown = found.items[:24]
        spokes = [
            (
                d,
                d["b"] if d["a"] == code else d["a"],
                math.cos(2 * math.pi * i / len(shown)),
                math.sin(2 * math.pi * i / len(shown)),
            )
            for i, d in enumerate(shown)
        ]
        return page("actor.html.j2", request, code=code, dyads=found, spokes=spokes)

    @app.get("/document", include_in_schema=False)
    def document(request: Request, id: Annotated[str, Query(max_length=2000)]) -> HTMLResponse:
        doc = q.document(snapshot.cursor(), id)
        if doc is None:
            raise HTTPException(404, "no such document")
        docs = q.docs_of(doc["events"])
        by_sentence: dict[int, list[Any]] = {}
        for e in doc["events"]:
            by_sentence.setdefault(int(e["start"]), []).append(e)
        texts = {int(s["start"]): s["text"] for s in doc["sentences"]}
        marked = {
            start: highlight(
                texts.get(start, evs[0]["sentence"]),
                [t for e in evs for t in (e["source_text"], e["target_text"])],
                [e["trigger"] for e in evs],
            )
            for start, evs in by_sentence.items()
        }
        rows = {k: [event_row(e, docs) for e in v] for k, v in by_sentence.items()}
        return page("document.html.j2", request, doc=doc, by_sentence=rows, marked=marked)

    @app.get("/search", include_in_schema=False)
    def search_page(
        request: Request,
        actor: Text = None,
        code: Text = None,
        root: Text = None,
        date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
        date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
        words: Annotated[str | None, Query(alias="q", max_length=200)] = None,
        page_no: Annotated[int, Query(alias="page", ge=1, le=1_000_000)] = 1,
    ) -> HTMLResponse:
        form = {
            "actor": actor,
            "code": code,
            "root": root,
            "from": date_from,
            "to": date_to,
            "q": words,
        }
        asked = any(form.values())
        found = (
            q.search(
                snapshot.cursor(),
                actor=actor,
                code=code,
                root=root,
                date_from=date_from,
                date_to=date_to,
                words=words,
                page=page_no,
                size=50,
            )
            if asked
            else None
        )
        rows = [event_row(e, q.docs_of(found.items)) for e in found.items] if found else []
        return page("search.html.j2", request, form=form, found=found, rows=rows)

    @app.get("/analyse", include_in_schema=False)
    def analyse_page(request: Request) -> HTMLResponse:
        return page("analyse.html.j2", request, max_mb=MAX_BODY // (1024 * 1024))

    @app.exception_handler(StarletteHTTPException)
    async def errors(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return HTMLResponse(
            env.get_template("error.html.j2").render(status=exc.status_code, detail=exc.detail),
            status_code=exc.status_code,
        )

    if "*" not in hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.add_middleware(_Guard, max_body=MAX_BODY + 64 * 1024)  # room for form fields
    return app


def _by(by: str | None) -> str | None:
    if by is None or by == "":
        return None
    if by not in RESOLUTIONS:
        raise HTTPException(422, "by: year, quarter or month")
    return by


def _events_page(found: q.Page) -> dict[str, Any]:
    docs = q.docs_of(found.items)
    out = found.as_dict()
    out["items"] = [
        {
            **event_row(e, docs).as_dict(),
            "doc_title": e.get("doc_title"),
            "doc_url": e.get("doc_url"),
        }
        for e in found.items
    ]
    return out
