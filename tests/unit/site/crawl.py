"""A small site crawler for tests: well-formed HTML, internal links and assets that exist, feeds
and sitemap that parse. Real checks, no third-party HTML library: html.parser with a tag stack."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end tag HTML lets one leave out; the theme always closes them, so none is optional.
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, int]] = []
        self.problems: list[str] = []
        self.links: list[str] = []
        self.ids: list[str] = []
        self.seen_doctype = False

    def handle_decl(self, decl: str) -> None:
        self.seen_doctype = self.seen_doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs) -> None:
        a = dict(attrs)
        for name in ("href", "src"):
            if a.get(name) is not None:
                self.links.append(a[name])
        if a.get("data-index"):
            self.links.append(a["data-index"])
        if a.get("id"):
            self.ids.append(a["id"])
        if tag not in VOID:
            self.stack.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.problems.append(f"line {self.getpos()[0]}: end tag for void element </{tag}>")
            return
        if not self.stack or self.stack[-1][0] != tag:
            open_tag = self.stack[-1] if self.stack else None
            self.problems.append(f"line {self.getpos()[0]}: </{tag}> closes {open_tag}")
            return
        self.stack.pop()


def check_html(text: str) -> tuple[list[str], list[str]]:
    """(problems, links) of one page: balanced tags, a doctype, unique ids, html/head/body/main."""
    c = _Checker()
    c.feed(text)
    c.close()
    problems = list(c.problems)
    if c.stack:
        problems.append(f"unclosed: {c.stack}")
    if not c.seen_doctype:
        problems.append("no <!doctype html>")
    dupes = {i for i in c.ids if c.ids.count(i) > 1}
    if dupes:
        problems.append(f"duplicate ids: {sorted(dupes)}")
    for tag in ("<html", "<head>", "<body>", "<main", "<h1"):
        if tag not in text:
            problems.append(f"missing {tag}")
    return problems, c.links


class Site:
    """A built site served at base_url (which may have a sub-path)."""

    def __init__(self, root: Path, base_url: str) -> None:
        self.root = root
        self.base_url = base_url
        parts = urlsplit(base_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.base_path = parts.path

    def file_for(self, absolute: str) -> Path | None:
        """The file an absolute URL of this site resolves to; None for other sites."""
        parts = urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}" != self.origin or not parts.path.startswith(self.base_path):
            return None
        rel = unquote(parts.path[len(self.base_path):])
        target = self.root / rel
        return target / "index.html" if rel == "" or rel.endswith("/") else target

    def crawl(self) -> list[str]:
        """Every problem found in every HTML page, feed, the sitemap and the search index."""
        problems: list[str] = []
        for page in sorted(self.root.rglob("*.html")):
            rel = page.relative_to(self.root).as_posix()
            url = self.base_url + (rel.removesuffix("index.html"))
            found, links = check_html(page.read_text(encoding="utf-8"))
            problems += [f"{rel}: {p}" for p in found]
            for link in links:
                if link.startswith(("mailto:", "#")):
                    continue
                target = urljoin(url, link)
                if urlsplit(target).scheme not in ("http", "https"):
                    problems.append(f"{rel}: link with scheme {link!r}")
                    continue
                path = self.file_for(target.split("#")[0].split("?")[0])
                if path is not None and not path.is_file():
                    problems.append(f"{rel}: broken link {link}")
        for feed in sorted(self.root.rglob("feed.xml")):
            problems += self.check_feed(feed)
        problems += self.check_sitemap()
        problems += self.check_search()
        return problems

    def check_feed(self, feed: Path) -> list[str]:
        rel = feed.relative_to(self.root).as_posix()
        try:
            tree = ET.parse(feed)
        except ET.ParseError as exc:
            return [f"{rel}: not XML: {exc}"]
        root = tree.getroot()
        problems = [] if root.tag == f"{ATOM}feed" else [f"{rel}: not an Atom feed"]
        for tag in ("id", "title", "updated"):
            if root.find(f"{ATOM}{tag}") is None:
                problems.append(f"{rel}: no <{tag}>")
        for entry in root.findall(f"{ATOM}entry"):
            link = entry.find(f"{ATOM}link").get("href")
            path = self.file_for(link)
            if path is None or not path.is_file():
                problems.append(f"{rel}: entry link {link} is not a page of this site")
        return problems

    def check_sitemap(self) -> list[str]:
        root = ET.parse(self.root / "sitemap.xml").getroot()
        problems = []
        for loc in root.iter(f"{SITEMAP}loc"):
            path = self.file_for(loc.text or "")
            if path is None or not path.is_file():
                problems.append(f"sitemap.xml: {loc.text} does not exist")
        return problems

    def check_search(self) -> list[str]:
        index = json.loads((self.root / "search.json").read_text(encoding="utf-8"))
        problems = []
        for shard in index["shards"]:
            path = self.root / shard["url"]
            if not path.is_file():
                problems.append(f"search.json: shard {shard['url']} does not exist")
                continue
            docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
            problems += [f"{shard['url']}: {doc[0]} does not exist" for doc in docs
                         if not (self.root / doc[0] / "index.html").is_file()]
        return problems
