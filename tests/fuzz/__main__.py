"""Fuzz parse_message and the changelog loader for a bounded time.

    python -m tests.fuzz --seconds 600 --package generated/40.12.0

Inputs are mutations of the example messages and of a small changelog, plus
random XML. The only exceptions allowed to escape are the documented ones:
MessageError and WebexError from parse_message, InputError from the loader.
Every message is also read and written by xsdata's runtime alone, and must give
the same objects, bytes or error as the compiled readers and writers; and it
must read the same with a trailing comment, which keeps every blank. Anything
else is printed with the input that caused it, and the run fails.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.derive import derive_sets
from generator.errors import InputError
from generator.project import Project

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
SEEDS = sorted((TESTS / "messages").rglob("*.xml"))
NAMES = [
    "message",
    "header",
    "body",
    "bodyContent",
    "securityContext",
    "response",
    "result",
    "exceptionID",
    "sessionKey",
    "metaData",
    "confName",
    "x",
]
XSI_TYPES = [
    "java:com.webex.service.binding.meeting.CreateMeeting",
    "ep:getSessionInfoResponse",
    "meet:getMeetingResponse",
    "java:x",
    "serv:bodyContentType",
    ":",
    "a:b:c",
    "",
]
JUNK = [
    b"<",
    b">",
    b"&",
    b"&lol;",
    b"<!DOCTYPE x [<!ENTITY lol 'x'>]>",
    b"]]>",
    b"\x00",
    b"\xff\xfe",
    b"<![CDATA[",
    b"<?xml version='1.0'?>",
    b"xmlns:a='b'",
    b'"',
    b"</",
]
COUNT = {"messages": 0, "changelogs": 0}


def mutated(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """A seed with a few byte-level edits: cut, insert, duplicate, replace."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        data = bytearray(draw(st.sampled_from(seeds)))
        for _ in range(draw(st.integers(0, 4))):
            at = draw(st.integers(0, len(data)))
            kind = draw(st.sampled_from(["cut", "insert", "junk", "dup", "truncate"]))
            if kind == "cut":
                del data[at : at + draw(st.integers(1, 40))]
            elif kind == "insert":
                data[at:at] = draw(st.binary(max_size=20))
            elif kind == "junk":
                data[at:at] = draw(st.sampled_from(JUNK))
            elif kind == "dup":
                data[at:at] = data[at : at + draw(st.integers(1, 200))]
            else:
                del data[at:]
        return bytes(data)

    return build()


def random_xml() -> st.SearchStrategy[bytes]:
    leaf = st.text(max_size=10).map(lambda t: t.replace("<", "").replace("&", ""))

    def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.builds(
            lambda name, typed, kids: f"<{name}{typed}>{''.join(kids)}</{name}>",
            st.sampled_from(NAMES),
            st.sampled_from(XSI_TYPES).map(lambda t: f' xsi:type="{t}"' if t else ""),
            st.lists(children, max_size=4),
        )

    tree = st.recursive(leaf, element, max_leaves=30)
    namespaces = (
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:serv="http://www.webex.com/schemas/2002/06/service" '
        'xmlns:ep="http://www.webex.com/schemas/2002/06/service/ep"'
    )
    return tree.map(
        lambda body: f"<serv:message {namespaces}>{body}</serv:message>".encode()
    )


def fuzz_messages(package: Path, seconds: float) -> list[str]:
    sys.path.insert(0, str(package))
    webex = importlib.import_module("webex_xmlapi")
    errors = importlib.import_module("webex_xmlapi.errors")
    allowed = (errors.MessageError, errors.WebexError)
    seeds = [p.read_bytes() for p in SEEDS]
    failures: list[str] = []

    @settings(
        max_examples=500,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.one_of(mutated(seeds), random_xml()), st.booleans())
    def attempt(data: bytes, strict: bool) -> None:
        COUNT["messages"] += 1
        try:
            message = webex.parse_message(data, strict=strict)
            webex.serialize_message(message)
        except allowed:
            pass
        except Exception:  # the finding this fuzzer exists to report
            failures.append(f"{data!r}\n{traceback.format_exc()}")
        difference = engines_differ(webex, data, strict)
        if difference:
            failures.append(f"{data!r}\n{difference}")

    _until(seconds, attempt)
    return failures


def engines_differ(webex: object, data: bytes, strict: bool) -> str:
    """How the compiled path and xsdata's runtime disagree on ``data``, or ''."""
    parse = webex.parse_message  # type: ignore[attr-defined]
    write = webex.serialize_message  # type: ignore[attr-defined]
    ours = _outcome(lambda: parse(data, strict=strict))
    theirs = _outcome(lambda: parse(data, strict=strict, engine="xsdata"))
    if repr(ours) != repr(theirs):
        return f"engines differ reading: {ours!r} != {theirs!r}"
    if ours[0] != "value":
        return ""
    if b"<!" not in data and b"<?" not in data[2:]:
        whole = _outcome(lambda: parse(data + b"<!-- -->", strict=strict))
        if repr(whole) != repr(ours):
            return f"blanks between elements changed the result: {whole!r}"
    written = _outcome(lambda: write(ours[1]))
    expected = _outcome(lambda: write(ours[1], engine="xsdata"))
    if written != expected:
        return f"engines differ writing: {written!r} != {expected!r}"
    return ""


def _outcome(action: Callable[[], object]) -> tuple[str, object]:
    try:
        return "value", action()
    except Exception as error:  # compared across engines, not hidden
        return type(error).__name__, str(error)


def fuzz_changelogs(seconds: float) -> list[str]:
    tiny = TESTS / "fixtures" / "tiny"
    seeds = [(tiny / "changelog.yaml").read_bytes()] + [
        p.read_bytes() for p in (TESTS / "corpus" / "changelogs").iterdir()
    ]
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        schemas = Path(folder) / "schemas"
        shutil.copytree(tiny, schemas)

        @settings(
            max_examples=200,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(mutated(seeds))
        def attempt(data: bytes) -> None:
            COUNT["changelogs"] += 1
            (schemas / "changelog.yaml").write_bytes(data)
            try:
                derive_sets(Project(schemas))
            except InputError:
                pass
            except Exception:
                failures.append(f"{data!r}\n{traceback.format_exc()}")

        _until(seconds, attempt)
    return failures


def _until(seconds: float, attempt: object) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        attempt()  # type: ignore[operator]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--package", type=Path, default=Path("generated/40.12.0"))
    options = parser.parse_args()
    share = options.seconds / 2
    failures = fuzz_messages(options.package, share) + fuzz_changelogs(share)
    kinds: dict[str, str] = {}
    for failure in failures:
        kinds.setdefault(failure.rstrip().splitlines()[-1], failure)
    for failure in list(kinds.values())[:10]:
        print(failure, file=sys.stderr)
    tried = COUNT["messages"] + COUNT["changelogs"]
    print(
        f"fuzzed {tried} inputs ({COUNT['messages']} messages, "
        f"{COUNT['changelogs']} changelogs) in {options.seconds:.0f} s: "
        f"{len(failures)} undocumented exceptions"
    )
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
