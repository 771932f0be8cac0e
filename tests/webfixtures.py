"""A store for the web tests and a live server over it (not a test module).

The store holds the analysed example (a real document: examples/pakistan-russia.txt) and
hand-built events (tests/builders.py): a France–Germany dyad with an empty year (2006)
between two busy ones, and a document whose text, title and url are hostile markup.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from builders import make_event
from detente.model import Document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "pakistan-russia.txt"

EVIL_SCRIPT = "<script>alert(1)</script>"
EVIL_IMG = '"><img src=x onerror=alert(1)>'
HOSTILE_TEXT = (
    f"France warned Germany {EVIL_SCRIPT} about the tariffs. "
    f"Germany visited France {EVIL_IMG} in spring."
)
FRA_DEU_TEXT = (
    "In 2005 France met Germany in Paris. "
    "In 2005 Germany praised France for its help. "
    "In 2007 France attacked Germany's trade position. "
    "In 2007 Germany met France again."
)


def _sentences(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for part in text.split(". "):
        piece = part if part.endswith(".") else part + "."
        start = text.index(piece.rstrip("."), pos)
        out.append((start, start + len(piece), text[start : start + len(piece)]))
        pos = start + len(piece)
    return out


_TEMPLATE: dict[str, Path] = {}


def build_store(db: Path) -> None:
    """The test store at ``db``: built once per test session, then copied."""
    import shutil

    if "db" not in _TEMPLATE:
        template = db.parent / ("template-" + db.name)
        _build(template)
        _TEMPLATE["db"] = template
    shutil.copyfile(_TEMPLATE["db"], db)


def _build(db: Path) -> None:
    """Analyse the example into ``db``, then add the hand-built documents."""
    from detente.analyze import analyze
    from detente.store import open_store

    analyze([str(EXAMPLE)], db=str(db))
    fra = Document(
        id="fra-deu", text=FRA_DEU_TEXT, title="France and Germany", url="https://example.org/fd"
    )
    s = [x[2] for x in _sentences(FRA_DEU_TEXT)]
    fra_events = [
        make_event(fra, s[0], cameo="042", date="2005", trigger="met"),
        make_event(fra, s[1], source="DEU", target="FRA", cameo="051", date="2005",
                   source_text="Germany", target_text="France", trigger="praised"),
        make_event(fra, s[2], cameo="190", date="2007", trigger="attacked"),
        make_event(fra, s[3], source="DEU", target="FRA", cameo="042", date="2007",
                   source_text="Germany", target_text="France", trigger="met"),
    ]  # fmt: skip
    evil = Document(
        id="evil",
        text=HOSTILE_TEXT,
        title=f"Hostile {EVIL_SCRIPT} title",
        url="javascript:alert(1)",
    )
    h = [x[2] for x in _sentences(HOSTILE_TEXT)]
    evil_events = [
        make_event(evil, h[0], cameo="130", date="2010", trigger="warned"),
        make_event(evil, h[1], source="DEU", target="FRA", cameo="042", date="2010",
                   source_text="Germany", target_text="France", trigger="visited"),
    ]  # fmt: skip
    with open_store(db) as store:
        store.ingest(
            [
                (fra, _sentences(FRA_DEU_TEXT), fra_events),
                (evil, _sentences(HOSTILE_TEXT), evil_events),
            ]
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app(db: Path) -> Iterator[str]:
    """Serve the app over ``db`` on a free loopback port; yield its base URL."""
    import uvicorn

    from detente.web.app import create_app

    port = free_port()
    config = uvicorn.Config(
        create_app(db), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
