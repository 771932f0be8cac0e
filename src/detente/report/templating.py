"""The Jinja2 environment shared by the static report and the web app (autoescaping on)."""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib.resources import files

from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from markupsafe import Markup

from detente.report.view import QUAD_NAMES, actor_name

_HERE = files("detente.report")


def asset(name: str) -> str:
    """A file of ``detente/report/static`` (the shared script and style sheet)."""
    return (_HERE / "static" / name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script or style."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


@cache
def environment(*extra_dirs: str) -> Environment:
    """Templates of ``extra_dirs`` first, then the report's; HTML always escaped."""
    loaders = [FileSystemLoader(d) for d in extra_dirs]
    loaders.append(FileSystemLoader(str(_HERE / "templates")))
    env = Environment(
        loader=ChoiceLoader(loaders), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.globals.update(quad_names=QUAD_NAMES, actor_name=actor_name)
    return env


def inline(text: str) -> Markup:
    """Our own script or style sheet, placed in the page as is (it is not data)."""
    if "</" in text:
        raise ValueError("an inline asset must not contain '</'")
    return Markup(text)
