"""Read a PEP 503 simple index: which files a project version has, and their bytes."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urldefrag

from packaging.utils import (
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

from generator.errors import InputError

TIMEOUT = 30


@dataclass(frozen=True)
class RemoteFile:
    name: str
    url: str


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


@dataclass(frozen=True)
class IndexClient:
    """``url`` is the index root, as twine takes it; the simple API is below it."""

    url: str

    @property
    def simple(self) -> str:
        root = self.url if self.url.endswith("/") else self.url + "/"
        return root if root.endswith("/simple/") else root + "simple/"

    def files(self, project: str, version: str) -> list[RemoteFile]:
        page_url = f"{self.simple}{canonicalize_name(project)}/"
        page = self._get(page_url, missing_ok=True)
        if page is None:
            return []
        parser = _Links()
        parser.feed(page.decode("utf-8", "replace"))
        found = []
        for href in parser.links:
            url = urldefrag(urljoin(page_url, href))[0]
            name = url.rsplit("/", 1)[-1]
            if _version_of(name) == Version(version):
                found.append(RemoteFile(name, url))
        return found

    def download(self, remote: RemoteFile) -> bytes:
        content = self._get(remote.url)
        assert content is not None
        return content

    def _get(self, url: str, missing_ok: bool = False) -> bytes | None:
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
                return bytes(response.read())
        except urllib.error.HTTPError as error:
            if missing_ok and error.code == 404:
                return None
            raise InputError(url, f"the index answered HTTP {error.code}") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise InputError(
                url,
                f"cannot reach the index ({reason})",
                fix="start one with 'make index' or pass --repository-url",
            ) from None


def _version_of(filename: str) -> Version | None:
    try:
        if filename.endswith(".whl"):
            return parse_wheel_filename(filename)[1]
        if re.search(r"\.(tar\.gz|zip)$", filename):
            return parse_sdist_filename(filename)[1]
    except (ValueError, InvalidVersion):
        return None
    return None
