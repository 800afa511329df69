"""Hostile paths: titles, slugs and file names that try to leave their folder or clash, output
folders that would swallow the project, and preview requests for files outside the site.

Promise: nothing briefgen writes lands outside its folder; two briefs with one slug are a build
error naming both files, never a silent overwrite; the preview server serves nothing outside the
built site (encoded, double-encoded, backslash, NUL, symlinks out).
"""
from __future__ import annotations

import http.client
import os
import re
import socket
import threading
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from briefgen.brief import frontmatter as fm
from tests.reliability.conftest import manifest, needs, run_cli
from tests.reliability.hostile import FUZZ

PARAGRAPH = ("<p>Les autorités ont annoncé mardi une série de mesures destinées à renforcer la sécurité des "
             "infrastructures, après plusieurs incidents survenus au cours des dernières semaines dans la "
             "région. Le gouvernement a précisé que les travaux commenceraient au printemps.</p>")
HOSTILE_TITLES = ["../../../../tmp/evil", "/etc/passwd", "CON", ".git", "NUL", "..", "COM1.txt", "~root",
                  "\u202egnp.exe", "con.md", "index", "feed", "static", "x" * 600, "C:\\Windows\\system32",
                  "%2e%2e%2f%2e%2e%2fetc", "\u0000nul", "....//....//etc", " ", "lpt9"]
SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.md")
RESERVED = {"con", "prn", "aux", "nul", "git", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


OTHER = ("<p>Le conseil municipal a voté jeudi soir le budget de la culture pour l'année prochaine, en hausse "
         "pour les bibliothèques et les musées de quartier. L'opposition regrette la baisse des subventions "
         "accordées aux festivals d'été.</p>")


def _distinct_paragraph(seed: int) -> str:
    """A paragraph of running French text that shares few word runs with the one of another seed."""
    import random

    words = ("les autorités ont annoncé mardi une série de mesures pour la sécurité des routes du pays après "
             "plusieurs incidents dans la région et le gouvernement précise que les travaux commencent au "
             "printemps avec des budgets nouveaux").split()
    random.Random(seed).shuffle(words)
    return "<p>" + " ".join(words).capitalize() + ". Le ministre a confirmé ces mesures devant la presse.</p>"


def _page(title: str, paragraph: str = PARAGRAPH) -> str:
    from html import escape

    return (f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"<meta property='og:title' content='{escape(title)}'>"
            "<meta property='article:published_time' content='2026-01-21T07:30:00+01:00'></head>"
            f"<body><article><h1>{escape(title)}</h1>{paragraph * 4}</article></body></html>")


def _project(tmp_path: Path, raw: dict[str, str | bytes]) -> Path:
    root = tmp_path / "project"
    (root / "content" / "raw").mkdir(parents=True)
    (root / "briefgen.toml").write_text('title = "Paths"\nlocale = "fr_CH"\n', encoding="utf-8")
    for name, data in raw.items():
        path = root / "content" / "raw" / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "keep.txt").write_text("outside the project", encoding="utf-8")
    return root


def test_hostile_titles_become_safe_brief_file_names(tmp_path):
    needs("briefgen.pipeline")
    # one article per title: the same article saved twice would make one brief
    root = _project(tmp_path, {f"page-{i:02d}.html": _page(t, _distinct_paragraph(i))
                               for i, t in enumerate(HOSTILE_TITLES)})
    before_outside = manifest(tmp_path / "outside")
    proc = run_cli("ingest", cwd=root)
    assert "Traceback" not in proc.stderr
    briefs = sorted((root / "content" / "briefs").rglob("*.md"))
    assert len(briefs) >= len(HOSTILE_TITLES) - 2, proc.stderr  # ' ' and NUL titles may fall back
    for path in briefs:
        assert path.resolve().is_relative_to((root / "content" / "briefs").resolve())
        assert SAFE_NAME.fullmatch(path.name), path.name
        assert path.stem not in RESERVED and len(path.name) <= 100, path.name
        assert fm.read(path).slug == path.stem
    assert not list(root.rglob(".git")) and not (tmp_path / "tmp").exists()
    assert manifest(tmp_path / "outside") == before_outside
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outside", "project"]


@pytest.mark.parametrize("name", ["..txt", "CON.txt", "a\nb.html", "<img src=x onerror=alert(1)>.html",
                                  "x" * 240 + ".html", "-rf.html", "\u202etxt.html", "with space.html"])
def test_hostile_raw_file_names_are_read_not_followed(tmp_path, name):
    needs("briefgen.pipeline")
    root = _project(tmp_path, {name: _page("Un titre ordinaire pour un nom de fichier piégé")})
    before = manifest(root / "content" / "raw")
    proc = run_cli("ingest", cwd=root)
    assert "Traceback" not in proc.stderr and proc.returncode in (0, 1)
    assert manifest(root / "content" / "raw") == before, "a raw file was changed"
    for path in (root / "content" / "briefs").rglob("*.md"):
        assert SAFE_NAME.fullmatch(path.name)
        assert fm.read(path).source.file == name


def test_two_raw_pages_with_one_title_get_two_briefs(tmp_path):
    needs("briefgen.pipeline")
    # two different articles (the same one saved twice makes one brief: tests/unit/test_pipeline.py)
    root = _project(tmp_path, {"a.html": _page("Le même titre"), "b.html": _page("Le même titre", OTHER)})
    proc = run_cli("build", cwd=root)
    briefs = sorted((root / "content" / "briefs").rglob("*.md"))
    assert len(briefs) == 2 and len({fm.read(p).slug for p in briefs}) == 2, proc.stderr
    pages = [p for p in (root / "site").rglob("index.html") if "le-meme-titre" in p.parent.name]
    assert len(pages) == 2


BRIEF = "---\ntitle: {title}\ndate: 2026-01-16T09:41:00+01:00\nlang: fr\nslug: {slug}\n---\n\n{body}\n"


def _clash(tmp_path):
    root = _project(tmp_path, {})
    month = root / "content" / "briefs" / "2026" / "01"
    month.mkdir(parents=True)
    (month / "first.md").write_text(BRIEF.format(title="Premier", slug="meme-slug", body="FIRSTBODY"), "utf-8")
    (month / "second.md").write_text(BRIEF.format(title="Second", slug="meme-slug", body="SECONDBODY"), "utf-8")
    return root, run_cli("build", "--no-ingest", cwd=root)


def test_two_briefs_with_one_slug_are_an_error_never_an_overwrite(tmp_path):
    """The clash is reported (exit 1, a message); the URL holds one whole brief's page, never a mix."""
    needs("briefgen.site.build")
    root, proc = _clash(tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "meme-slug" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    page = root / "site" / "2026" / "01" / "meme-slug" / "index.html"
    if page.exists():
        text = page.read_text("utf-8")
        assert ("FIRSTBODY" in text) != ("SECONDBODY" in text), "the page mixes two briefs"
        title = "Premier" if "FIRSTBODY" in text else "Second"
        assert title in text and ("Second" if title == "Premier" else "Premier") not in text


def test_a_slug_clash_leaves_every_other_page_intact(tmp_path):
    needs("briefgen.site.build")
    root = _project(tmp_path, {})
    month = root / "content" / "briefs" / "2026" / "01"
    month.mkdir(parents=True)
    (month / "first.md").write_text(BRIEF.format(title="Premier", slug="meme-slug", body="FIRSTBODY"), "utf-8")
    (month / "other.md").write_text(BRIEF.format(title="Autre", slug="autre", body="OTHERBODY"), "utf-8")
    run_cli("build", "--no-ingest", cwd=root, check=True)
    other = root / "site" / "2026" / "01" / "autre" / "index.html"
    before = other.read_bytes()
    (month / "second.md").write_text(BRIEF.format(title="Second", slug="meme-slug", body="SECONDBODY"), "utf-8")
    proc = run_cli("build", "--no-ingest", cwd=root)
    assert proc.returncode == 1 and "meme-slug" in proc.stderr, proc.stderr
    assert other.read_bytes() == before
    text = (root / "site" / "2026" / "01" / "meme-slug" / "index.html").read_text("utf-8")
    assert ("FIRSTBODY" in text) != ("SECONDBODY" in text)


def test_two_briefs_with_one_slug_are_an_error_naming_both_files(tmp_path):
    needs("briefgen.site.build")
    _, proc = _clash(tmp_path)
    assert "first.md" in proc.stderr and "second.md" in proc.stderr, proc.stderr


@pytest.mark.parametrize("output", [".", "..", "content", "content/briefs", "briefgen.toml", "../outside"])
def test_build_refuses_an_output_folder_that_would_swallow_the_project(tmp_path, output):
    needs("briefgen.site.build")
    root = _project(tmp_path, {})
    month = root / "content" / "briefs" / "2026" / "01"
    month.mkdir(parents=True)
    (month / "one.md").write_text(BRIEF.format(title="Un", slug="un", body="x"), "utf-8")
    (root / "briefgen.toml").write_text(f'title = "Paths"\n[paths]\noutput = "{output}"\n', encoding="utf-8")
    before_project = {k: v for k, v in manifest(root).items() if not k.startswith(".briefgen-cache")}
    before_outside = manifest(tmp_path / "outside")
    proc = run_cli("build", "--no-ingest", cwd=root)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr, proc.stderr
    assert "refus" in proc.stderr.lower() or "output" in proc.stderr.lower(), proc.stderr
    after = {k: v for k, v in manifest(root).items() if not k.startswith(".briefgen-cache")}
    assert after == before_project and manifest(tmp_path / "outside") == before_outside


def test_a_hand_written_reserved_slug_stays_inside_the_site(tmp_path):
    needs("briefgen.site.build")
    root = _project(tmp_path, {})
    month = root / "content" / "briefs" / "2026" / "01"
    month.mkdir(parents=True)
    for slug in ("con", "index", "static", "feed", "search", "404"):
        (month / f"{slug}.md").write_text(BRIEF.format(title=slug, slug=slug, body=f"BODY-{slug}"), "utf-8")
    proc = run_cli("build", "--no-ingest", cwd=root)
    assert "Traceback" not in proc.stderr
    site = (root / "site").resolve()
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site)
    home = (site / "index.html").read_text("utf-8")
    assert "BODY-index" not in home, "a brief replaced the home page"


# --- the preview server ---------------------------------------------------------------------------

SEGMENTS = ["..", ".", "%2e%2e", "%2E%2e", "%252e%252e", "%c0%ae%c0%ae", "%ef%bc%8e%ef%bc%8e", "%2f", "%252f",
            "%5c", "\\", "%00", "%2500", "/", "//", "outside", "secret.txt", "link", "sub", "index.html",
            "inner", "..;", "%u002e", ".%2e", "%2e.", "..%c0%af", "..%255c", "~", "%3f", "%23", "a" * 300]
request_paths = st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=8).map(lambda s: "/" + "/".join(s))


@pytest.fixture(scope="module")
def layout(tmp_path_factory):
    """A site with symlinks pointing out of it, next to a secret."""
    tmp_path = tmp_path_factory.mktemp("layout")
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "inner").mkdir()
    (site / "index.html").write_text("home", encoding="utf-8")
    (site / "inner" / "index.html").write_text("inner", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("SECRET", encoding="utf-8")
    (site / "link").symlink_to(tmp_path / "outside")
    (site / "secret.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (site / "sub" / "index.html").symlink_to(tmp_path / "outside" / "secret.txt")  # index symlinked out
    return site


def _inside(file: str | None, site: Path) -> bool:
    return file is None or Path(os.path.realpath(file)).is_relative_to(site.resolve())


@FUZZ
@given(request_paths)
@example("/sub/")
@example("/%252e%252e/outside/secret.txt")
@example("/link/secret.txt")
def test_preview_resolves_no_request_to_a_file_outside_the_site(layout, raw):
    run = needs("briefgen.serve.run")
    for mount in ("/", "/briefs/"):
        path = raw if mount == "/" else "/briefs" + raw
        found = run.resolve_request(path, str(layout), mount)
        assert _inside(found.file, layout), (path, found.file)
        if found.redirect:
            assert found.redirect.startswith("/") and not found.redirect.startswith("//"), found.redirect


@pytest.fixture
def live_preview(tmp_path):
    """`briefgen serve`'s real server and real build, in process, on a free port."""
    run = needs("briefgen.serve.run")
    needs("briefgen.site.build")
    from briefgen.config import load_config

    root = tmp_path / "project"
    month = root / "content" / "briefs" / "2026" / "01"
    month.mkdir(parents=True)
    (month / "one.md").write_text(BRIEF.format(title="Un", slug="un", body="x"), "utf-8")
    (root / "briefgen.toml").write_text('title = "P"\n', encoding="utf-8")
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    ready, stop = threading.Event(), threading.Event()
    thread = threading.Thread(target=run.serve, args=(load_config(root),), daemon=True,
                              kwargs={"host": "127.0.0.1", "port": 0, "ready": ready, "stop": stop})
    thread.start()
    assert ready.wait(60), "the preview server did not start"
    port = int(ready.url.split(":")[2].split("/")[0])
    yield port, root
    stop.set()
    thread.join(10)


RAW_TARGETS = ["/../../secret.txt", "/%2e%2e/%2e%2e/secret.txt", "/%252e%252e/%252e%252e/secret.txt",
               "/..%252f..%252fsecret.txt", "/%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt", "/..\\..\\secret.txt",
               "/%5c..%5c..%5csecret.txt", "/..%00/secret.txt", "/%00../secret.txt", "/.%2e/.%2e/secret.txt",
               "/%ef%bc%8e%ef%bc%8e/secret.txt", "http://127.0.0.1/../../secret.txt", "../../secret.txt",
               "/..;/..;/secret.txt", "//../secret.txt", "/" + "../" * 2000 + "secret.txt", "/" + "a/" * 5000,
               "/briefgen.toml", "/../briefgen.toml", "/%2e%2e/briefgen.toml", "/content/briefs/2026/01/one.md"]


def _raw_get(port: int, target: str) -> tuple[int, bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, data


def test_preview_server_refuses_raw_hostile_requests(live_preview):
    port, _ = live_preview
    for target in RAW_TARGETS:
        status, body = _raw_get(port, target)
        assert b"SECRET" not in body and b'title = "P"' not in body and b"slug: un" not in body, target
        assert status in (400, 404, 414), (target, status)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/")
    assert conn.getresponse().status == 200, "the server must still serve the site afterwards"


@pytest.mark.parametrize("dest", [".", "..", "content", "content/raw", "content/briefs/2026", "site",
                                  ".briefgen-cache", "templates"])
def test_publish_refuses_a_folder_that_would_swallow_the_project(tmp_path, dest):
    needs("briefgen.publish.run")
    root = _project(tmp_path, {"page.html": _page("Un titre ordinaire pour publier")})
    month = root / "content" / "briefs" / "2026" / "01"
    month.mkdir(parents=True)
    (month / "one.md").write_text(BRIEF.format(title="Un", slug="un", body="x"), "utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "keep.txt").write_text("mine", encoding="utf-8")
    before = {k: v for k, v in manifest(root).items() if not k.startswith((".briefgen-cache", "site/"))}
    proc = run_cli("publish", "--to", dest, cwd=root)
    assert proc.returncode != 0 and "refusing" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    after = {k: v for k, v in manifest(root).items() if not k.startswith((".briefgen-cache", "site/"))}
    assert after == before and sorted(p.name for p in tmp_path.iterdir()) == ["outside", "project"]
    assert not any(p.is_symlink() for p in root.rglob("*"))


@pytest.mark.browser
def test_preview_error_overlay_shows_hostile_names_and_messages_as_text(live_preview, chromium):
    """A broken brief whose name and error carry markup: the preview's error overlay shows it as text."""
    port, root = live_preview
    fired: list[str] = []
    page = chromium.new_page()
    page.on("dialog", lambda d: (fired.append(d.message), d.dismiss()))
    page.goto(f"http://127.0.0.1:{port}/", wait_until="load")
    payload = "<img src=x onerror=alert('PWN-overlay')>"
    month = root / "content" / "briefs" / "2026" / "01"
    (month / f"{payload}.md").write_text(f"---\ntitle: {payload}\ndate: {payload}\nlang: fr\n---\n\nx\n", "utf-8")
    page.locator("briefgen-error-overlay .problem").first.wait_for(timeout=30000)
    page.wait_for_timeout(300)
    shown = " ".join(page.locator("briefgen-error-overlay .problem").all_inner_texts())
    page.close()
    assert not fired, fired
    assert "PWN-overlay" in shown and "<img" in shown, shown
