"""Measure generation, parsing, serializing and import against references.

    python -m tests.bench [--repeat 5]

Every figure is a ratio against a reference measured in the same run, so the
table means the same on a slow or a busy machine. Prints one table.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
LATEST = "40.12.0"
SESSIONS = 5000
FIELDS = (
    ("sessionKey", "{key}"),
    ("MeetingUUID", "{key:032x}"),
    ("confName", "Team meeting {key}"),
    ("sessionType", "3"),
    ("serviceType", "MeetingCenter"),
    ("hostWebExID", "host{key}"),
    ("hostFirstName", "Host"),
    ("hostLastName", "Number {key}"),
    ("otherHostWebExID", "host{key}"),
    ("timeZoneID", "4"),
    ("timeZone", "GMT-08:00, Pacific (San Francisco)"),
    ("status", "NOT_INPROGRESS"),
    ("startTime", "10/12/2026 09:30:00"),
    ("duration", "60"),
    ("listStatus", "PUBLIC"),
    ("hostEmail", "host{key}@example.com"),
    ("passwordReq", "true"),
    ("hostJoined", "false"),
    ("participantsJoined", "false"),
    ("confID", "{conf}"),
    ("registration", "false"),
    ("isRecurring", "true"),
    ("hostType", "1019001"),
    ("isAudioOnly", "false"),
    ("isTCSingleRecurrence", "false"),
    ("isAllowJBH", "false"),
    ("isCETMeeting", "true"),
    ("isException", "false"),
    ("isNextUpcomingInstance", "false"),
    ("seriesMeetingKey", "0"),
    ("recurrenceId", "0"),
    ("isScheduledPMR", "false"),
    ("isPrivateMeeting", "false"),
)
SESSION = (
    "<ep:session>"
    + "".join(f"<ep:{name}>{value}</ep:{name}>\n" for name, value in FIELDS)
    + "</ep:session>\n"
)
SERVICE = "http://www.webex.com/schemas/2002/06/service"
ENVELOPE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<serv:message xmlns:serv="{SERVICE}" xmlns:ep="{SERVICE}/ep"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
    "<serv:header><serv:response><serv:result>SUCCESS</serv:result>"
    "</serv:response></serv:header>\n"
    '<serv:body><serv:bodyContent xsi:type="ep:lstsummarySessionResponse">\n'
    "<ep:matchingRecords><serv:total>{n}</serv:total><serv:returned>{n}</serv:returned>"
    "<serv:startFrom>1</serv:startFrom></ep:matchingRecords>\n"
    "{sessions}</serv:bodyContent></serv:body></serv:message>\n"
)


def session_list(count: int = SESSIONS) -> bytes:
    rows = "".join(
        SESSION.format(key=800000000 + i, conf=141672157056861215 + i)
        for i in range(count)
    )
    return ENVELOPE.format(n=count, sessions=rows).encode()


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB) of a command with every
    process it starts, summed across them while they run together."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,
        )
        peak = 0
        while process.poll() is None:
            peak = max(peak, _group_memory(process.pid))
            time.sleep(0.01)
        elapsed = time.perf_counter() - start
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(errors.read().decode(errors="replace"))
    return elapsed, peak // 2**20


def _group_memory(group: int) -> int:
    """Bytes resident in the processes of a process group (Linux /proc)."""
    total = 0
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group:
                total += int((entry / "statm").read_text().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue  # the process ended meanwhile
    return total


def generate(output: Path, *releases: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "generator.cli",
        "generate",
        *releases,
        "--output",
        str(output),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    rows: list[tuple[str, float, str, float, float, str]] = []
    work = Path(tempfile.mkdtemp(prefix="bench-"))

    latest, _ = run_timed(generate(work / "one", LATEST))
    full, memory = run_timed(generate(work / "all"))
    again, _ = run_timed(generate(work / "all"))
    rows.append(
        (
            "generate all releases, cold",
            full,
            f"{LATEST} alone, cold",
            latest,
            full / latest,
            "<= 2.5",
        )
    )
    rows.append(
        (
            "regenerate, inputs unchanged",
            again,
            "all releases, cold",
            full,
            again / full,
            "<= 0.10",
        )
    )
    rows.append(
        (
            "peak memory of a full run, all processes (MB)",
            memory,
            "limit (MB)",
            1024,
            memory / 1024,
            "< 1.0",
        )
    )

    sys.path.insert(0, str(work / "all" / LATEST))
    webex = importlib.import_module("webex_xmlapi")
    from lxml import etree
    from xsdata.formats.dataclass.parsers import XmlParser
    from xsdata.formats.dataclass.serializers import XmlSerializer
    from webex_xmlapi.models.service import Message
    from webex_xmlapi.wire import CONTEXT

    data = session_list()
    ours = median_seconds(lambda: webex.parse_message(data), options.repeat)
    lxml_time = median_seconds(lambda: etree.fromstring(data), options.repeat)
    generic = median_seconds(
        lambda: XmlParser(context=CONTEXT).from_bytes(data, Message), options.repeat
    )
    size = f"{len(data) / 1e6:.1f} MB"
    rows.append(
        (
            f"parse_message, {SESSIONS} sessions ({size})",
            ours,
            "lxml.etree.fromstring",
            lxml_time,
            lxml_time / ours,
            ">= 0.33",
        )
    )
    rows.append(
        ("parse_message", ours, "xsdata XmlParser", generic, generic / ours, ">= 8")
    )

    message = webex.parse_message(data)
    ours = median_seconds(lambda: webex.serialize_message(message), options.repeat)
    generic = median_seconds(
        lambda: XmlSerializer(context=CONTEXT).render(message), options.repeat
    )
    rows.append(
        (
            "serialize_message",
            ours,
            "xsdata XmlSerializer",
            generic,
            generic / ours,
            ">= 5",
        )
    )

    same = webex.serialize_message(message) == webex.serialize_message(
        message, engine="xsdata"
    ) and webex.parse_message(data) == webex.parse_message(data, engine="xsdata")
    rows.extend(_import_rows(work, options.repeat))
    _print(rows)
    print(f"compiled paths give what xsdata's runtime gives: {'yes' if same else 'NO'}")


SMALL = ROOT / "tests" / "messages" / "40.9.0" / "getsessioninfo-uuid-response.xml"


def _import_rows(
    work: Path, repeat: int
) -> list[tuple[str, float, str, float, float, str]]:
    """Import plus one small parse, against xsdata's own plain package."""
    plain = work / "plain"
    plain.mkdir()
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "xsdata",
            "generate",
            str(ROOT / "schemas" / LATEST),
            "--recursive",
            "--package",
            "plain",
            "--structure-style",
            "single-package",
        ],
        cwd=plain,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        },
    )
    if made.returncode != 0:
        reason = made.stderr.strip().splitlines()[-1:]
        print(f"no import measure: xsdata could not generate {reason}")
        return []
    ours = (
        f"import sys; sys.path.insert(0, {str(work / 'all' / LATEST)!r}); "
        "import webex_xmlapi; "
        f"webex_xmlapi.parse_message(open({str(SMALL)!r}, 'rb').read())"
    )
    theirs = (
        "import plain; from xsdata.formats.dataclass.parsers import XmlParser; "
        f"XmlParser().from_bytes(open({str(SMALL)!r}, 'rb').read(), plain.Message)"
    )
    ours_time = median_seconds(
        lambda: subprocess.run([sys.executable, "-c", ours], check=True), repeat
    )
    theirs_time = median_seconds(
        lambda: subprocess.run([sys.executable, "-c", theirs], check=True, cwd=plain),
        repeat,
    )
    ratio = ours_time / theirs_time
    return [
        (
            "import + parse one message",
            ours_time,
            "xsdata plain package",
            theirs_time,
            ratio,
            "<= 1.5",
        )
    ]


def _print(rows: list[tuple[str, float, str, float, float, str]]) -> None:
    line = "{:<44} {:>9}  {:<28} {:>9}  {:>7}  {}"
    print(line.format("measure", "value", "reference", "value", "ratio", "goal"))
    for name, value, reference, base, ratio, goal in rows:
        figures = (f"{value:.3f}", f"{base:.3f}", f"{ratio:.3f}")
        print(line.format(name, figures[0], reference, figures[1], figures[2], goal))


if __name__ == "__main__":
    main()
