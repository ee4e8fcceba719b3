#!/usr/bin/env python3
"""Checks an HTML report of `centric assess --format html` in a real browser.

Headless Chromium loads the file three times, each time with a fresh profile and a NetLog:
  --dump-dom        the DOM after loading: language, nothing executable or external, the
                    charts (inline SVG) with their accessible names and their tables, and
                    no card for a department hidden for anonymity;
  --screenshot      a PNG that must not be blank (kept in the work directory to look at);
  --print-to-pdf    a PDF with at least one page.
Every NetLog must show that the page asked for nothing outside itself (no http:, https:,
ws:, ftp:, ... request and no host lookup on its behalf). Chromium's own background
requests (time, sign-in, component updates; initiator "not an origin", outside the page's
network partition) are listed but allowed, and every host lookup is answered locally with
"not found" (--host-resolver-rules), so that nothing leaves the machine.

--self-test runs the same checks on pages made on the spot and proves that they can fail:
a page with an external image and one with a <script> must be rejected, a blank page must
fail the screenshot check, and a good page must pass.

Run with the system Python (/usr/bin/python3): stdlib and PIL (python3-pil) only.
"""

import argparse
import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

try:
    from PIL import Image
except ImportError:  # reported as a failed check, with what to install
    Image = None

TIMEOUT_SECONDS = 60
BASE_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# Added to every run: no host name resolves, so no request can leave the machine (the
# NetLog still records every request that was attempted), and a NetLog of everything.
NETWORK_FLAGS = ("--host-resolver-rules=MAP * ~NOTFOUND", "--net-log-capture-mode=Everything")
WINDOW_SIZE = (1280, 2400)
# Schemes that never reach the network.
LOCAL_SCHEMES = {"file", "data", "about", "blob", "chrome", "chrome-extension", "chrome-search",
                 "chrome-untrusted", "devtools", "javascript"}
# Elements that run code or load something from elsewhere: none may be in the report.
FORBIDDEN_ELEMENTS = ("script", "link", "iframe", "frame", "object", "embed", "base")
URL_ATTRIBUTES = ("src", "href", "xlink:href", "srcset", "poster", "action", "formaction", "data")
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                 "source", "track", "wbr"}
FIXED_CHARTS = ("chart-organisation", "chart-heatmap", "chart-distribution")
DEPARTMENT_CHART_CLASS = "chart-department"
MIN_NON_BACKGROUND_SHARE = 0.05
MIN_DISTINCT_COLOURS = 8
# NetLog parameters that name the host of a stream, socket or lookup (a socket group's
# partition, after " <", is left out), and the host that --host-resolver-rules maps every
# name to.
HOST_KEYS = ("host", "destination", "logical_destination", "url", "group_id")
MAPPED_HOST = "~notfound"
EXTERNAL_URL = re.compile(r"\b((?:https?|wss?|ftps?|gopher)://[^\s\"'<>/]*)", re.IGNORECASE)


class CheckFailed(Exception):
    """A check found a problem; its message says which."""


class Results:
    """One line per check; remembers which failed."""

    def __init__(self):
        self.failed = []

    def run(self, name, check, *args):
        try:
            detail = check(*args)
        except CheckFailed as error:
            self.failed.append(name)
            print(f"FAIL  {name}: {error}", flush=True)
            return False
        print(f"ok    {name}" + (f": {detail}" if detail else ""), flush=True)
        return True


# --- Chromium -------------------------------------------------------------------------


def run_chromium(chromium, work_dir, label, page, extra_flags):
    """Runs chromium on `page` with a fresh profile and a NetLog; returns (stdout, NetLog, seconds)."""
    profiles = work_dir / "profiles"
    profiles.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix=f"{label}-", dir=profiles))
    netlog = work_dir / f"netlog-{label}.json"
    stderr_log = work_dir / f"chromium-{label}.log"
    netlog.unlink(missing_ok=True)
    command = [chromium, *BASE_FLAGS, f"--user-data-dir={profile}", *NETWORK_FLAGS,
               f"--log-net-log={netlog}", *extra_flags, page.resolve().as_uri()]
    started = time.monotonic()
    try:
        with open(stderr_log, "wb") as stderr:
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL,
                                       start_new_session=True)
            try:
                stdout, _ = process.communicate(timeout=TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                kill_group(process)
                process.communicate()
                raise CheckFailed(f"chromium {label} did not finish within {TIMEOUT_SECONDS} s "
                                  f"(killed; its stderr is in {stderr_log})")
            finally:
                kill_group(process)  # a renderer or zygote left behind by the browser
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    elapsed = time.monotonic() - started
    if process.returncode != 0:
        raise CheckFailed(f"chromium {label} exited with {process.returncode}; "
                          f"last lines of {stderr_log}:\n{tail(stderr_log)}")
    return stdout.decode("utf-8", errors="replace"), netlog, elapsed


def kill_group(process):
    """Ends the process group that this script started for one chromium run."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def tail(path, lines=15):
    text = Path(path).read_text(errors="replace").splitlines()
    useful = [line for line in text if "dbus" not in line]
    return "\n".join(useful[-lines:])


# --- the DOM --------------------------------------------------------------------------


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = {name: (value if value is not None else "") for name, value in attrs}
        self.parent = parent
        self.children = []  # Elements and strings, in document order

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def text(self):
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def classes(self):
        return self.attrs.get("class", "").split()

    def ancestor(self, tag):
        node = self.parent
        while node is not None and node.tag != tag:
            node = node.parent
        return node


class TreeBuilder(HTMLParser):
    """Builds a tree from Chromium's serialised DOM (which closes every non-void element)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID_ELEMENTS:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse_dom(text):
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def check_lang(root):
    html_elements = [e for e in root.iter() if e.tag == "html"]
    if not html_elements:
        raise CheckFailed("no <html> element")
    lang = html_elements[0].attrs.get("lang", "").strip()
    if not lang:
        raise CheckFailed("<html> has no lang or an empty one")
    return f'lang="{lang}"'


def check_no_active_content(root):
    found = sorted({f"<{e.tag}>" for e in root.iter() if e.tag in FORBIDDEN_ELEMENTS})
    if any(e.tag == "meta" and e.attrs.get("http-equiv", "").lower() == "refresh" for e in root.iter()):
        found.append('<meta http-equiv="refresh">')
    if found:
        raise CheckFailed("found " + ", ".join(found))
    handlers = sorted({name for e in root.iter() for name in e.attrs if name.startswith("on")})
    if handlers:
        raise CheckFailed("event handler attributes: " + ", ".join(handlers))
    return "no " + ", ".join(f"<{tag}>" for tag in FORBIDDEN_ELEMENTS) + ", no on* handlers"


def is_inside_page(reference):
    reference = reference.strip()
    return reference == "" or reference.startswith("#") or reference.lower().startswith("data:")


def check_no_external_references(root):
    bad = []
    for element in root.iter():
        for name in URL_ATTRIBUTES:
            if name in element.attrs and not is_inside_page(element.attrs[name]):
                bad.append(f'<{element.tag} {name}="{element.attrs[name]}">')
        for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", element.attrs.get("style", "")):
            if not is_inside_page(url):
                bad.append(f'<{element.tag} style="...url({url})...">')
        if element.tag == "style":
            css = element.text()
            if re.search(r"@import", css, re.IGNORECASE):
                bad.append("@import in a <style>")
            bad += [f"url({url}) in a <style>" for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", css)
                    if not is_inside_page(url)]
    if bad:
        raise CheckFailed("references outside the page: " + "; ".join(bad[:10]))
    return "every src/href/url() is a #fragment or data:"


def check_unique_ids(root):
    seen, duplicates = set(), set()
    for element in root.iter():
        element_id = element.attrs.get("id")
        if element_id is not None:
            (duplicates if element_id in seen else seen).add(element_id)
    if duplicates:
        raise CheckFailed("duplicate ids: " + ", ".join(sorted(duplicates)))
    return f"{len(seen)} ids"


def chart_svgs(root):
    return [e for e in root.iter() if e.tag == "svg" and (e.attrs.get("id") in FIXED_CHARTS
                                                          or DEPARTMENT_CHART_CLASS in e.classes())]


def check_charts_present(root, report):
    svgs = [e for e in root.iter() if e.tag == "svg"]
    problems = []
    for chart_id in FIXED_CHARTS:
        count = sum(1 for e in svgs if e.attrs.get("id") == chart_id)
        if count != 1:
            problems.append(f'{count} <svg id="{chart_id}"> (want 1)')
    shown = [d["id"] for d in report["departments"] if not d.get("suppressed")]
    department_charts = [e for e in svgs if DEPARTMENT_CHART_CLASS in e.classes()]
    if len(department_charts) != len(shown):
        problems.append(f'{len(department_charts)} <svg class="{DEPARTMENT_CHART_CLASS}"> but {len(shown)} '
                        f"departments shown ({', '.join(shown)})")
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"{', '.join(FIXED_CHARTS)} and {len(department_charts)} department charts"


def check_charts_accessible(root):
    by_id = {e.attrs["id"]: e for e in root.iter() if "id" in e.attrs}
    problems = []
    charts = chart_svgs(root)
    for svg in charts:
        name = svg_name(svg)
        if svg.attrs.get("role") != "img":
            problems.append(f'{name} has no role="img"')
        label = svg.attrs.get("aria-label", "").strip()
        labelledby = svg.attrs.get("aria-labelledby", "").split()
        if labelledby:
            missing = [i for i in labelledby if i not in by_id]
            if missing:
                problems.append(f"{name}: aria-labelledby names missing ids {', '.join(missing)}")
            elif not " ".join(by_id[i].text() for i in labelledby).strip():
                problems.append(f"{name}: aria-labelledby points at empty text")
        elif not label:
            problems.append(f"{name} has no aria-label or aria-labelledby")
    if problems:
        raise CheckFailed("; ".join(problems))
    if not charts:
        raise CheckFailed("no chart to check")
    return f'{len(charts)} charts with role="img" and a name'


def svg_name(svg):
    if "id" in svg.attrs:
        return f'<svg id="{svg.attrs["id"]}">'
    return f'<svg class="{svg.attrs.get("class", "")}" aria-label="{svg.attrs.get("aria-label", "")}">'


def check_charts_have_tables(root):
    problems = []
    charts = chart_svgs(root)
    for svg in charts:
        figure = svg.ancestor("figure")
        if figure is None:
            problems.append(f"{svg_name(svg)} is not in a <figure>")
            continue
        order = list(figure.iter())
        after = order[order.index(svg) + 1:]
        if not any(e.tag == "table" and e.ancestor("svg") is None for e in after):
            problems.append(f"{svg_name(svg)} has no <table> after it in its <figure>")
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"{len(charts)} charts, each followed by a table in its figure"


def check_table_rows(root):
    """Every row of a table has as many columns as the others (colspan counted), so that no
    figure stands under another column's heading. Tables with a rowspan are left out."""
    problems, checked = [], 0
    for table in (e for e in root.iter() if e.tag == "table"):
        rows = [e for e in table.iter() if e.tag == "tr" and e.ancestor("table") is table]
        cells = [[c for c in row.children if isinstance(c, Element) and c.tag in ("td", "th")] for row in rows]
        if any(span(cell, "rowspan") > 1 for row in cells for cell in row):
            continue
        checked += 1
        widths = [sum(span(cell, "colspan") for cell in row) for row in cells]
        if len(set(widths)) > 1:
            caption = next((e.text().strip() for e in table.iter() if e.tag == "caption"), "a table without caption")
            problems.append(f"{caption!r}: rows of {widths} columns")
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"{checked} tables"


def span(cell, attribute):
    try:
        return max(1, int(cell.attrs.get(attribute, "1")))
    except ValueError:
        return 1


def check_suppressed_departments(root, report):
    suppressed = [d["id"] for d in report["departments"] if d.get("suppressed")]
    text = html.unescape(root.text())
    headings = {e.text().strip() for e in root.iter() if e.tag == "h3"}
    problems = []
    for department in suppressed:
        if not re.search(rf"(?<![\w-]){re.escape(department)}(?![\w-])", text):
            problems.append(f"{department} is not named anywhere (the reader should see it is hidden)")
        if any(re.search(rf"(?<![\w-]){re.escape(department)}(?![\w-])", heading) for heading in headings):
            problems.append(f"{department} has an <h3> heading, like a department card")
    if problems:
        raise CheckFailed("; ".join(problems))
    return (f"{', '.join(suppressed)} named, without a card" if suppressed else "no department is suppressed")


# --- the network ----------------------------------------------------------------------


def load_netlog(path):
    """A NetLog JSON file; one cut short (chromium killed) is closed before parsing."""
    if not path.exists():
        raise CheckFailed(f"chromium wrote no NetLog {path}")
    text = path.read_text(errors="replace")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        try:
            return json.loads(text.rstrip().rstrip(",") + "]}")
        except json.JSONDecodeError as error:
            raise CheckFailed(f"{path} is not a NetLog: {error}") from None


def external_requests(netlog):
    """Returns (requests made for the page, hosts that Chromium itself asked for)."""
    constants = netlog.get("constants", {})
    event_names = {number: name for name, number in constants.get("logEventTypes", {}).items()}
    if "events" not in netlog or not event_names:
        raise CheckFailed("the NetLog has no events or no constants")
    # Pass 1: every URL request (a source of type URL_REQUEST) with its url, initiator and partition.
    requests = {}
    for event in netlog["events"]:
        params = event.get("params") or {}
        if event_names.get(event["type"]) in ("REQUEST_ALIVE", "URL_REQUEST_START_JOB", "CORS_REQUEST") \
                and "url" in params:
            request = requests.setdefault(event["source"]["id"], {"url": params["url"]})
            for key in ("initiator", "network_isolation_key"):
                if key in params:
                    request[key] = params[key]
    page_requests, browser_hosts = [], set()
    for request in requests.values():
        if urlsplit(request["url"]).scheme.lower() in LOCAL_SCHEMES:
            continue
        own = (request.get("initiator") == "not an origin"
               and "file:" not in request.get("network_isolation_key", "file:"))
        if own:
            browser_hosts.add(host_of(request["url"]))
        else:
            page_requests.append(f"{request['url']} (initiator {request.get('initiator', '?')})")
    # Pass 2: everything else (host lookups, streams, sockets, cache entries). One that is in
    # the page's (file://) network partition and names an external URL is the page's; so is
    # one naming a host that Chromium's own requests did not name.
    for event in netlog["events"]:
        params = event.get("params")
        if not params or event["source"]["id"] in requests:
            continue
        name = event_names.get(event["type"], str(event["type"]))
        text = json.dumps(params)
        urls = EXTERNAL_URL.findall(text)
        if urls and "file:" in text:
            page_requests.append(f"{name} in the page's network partition names {urls[-1]}")
            continue
        for key in HOST_KEYS:
            for url in EXTERNAL_URL.findall(str(params.get(key, "")).split(" <")[0]):
                if host_of(url) not in browser_hosts | {MAPPED_HOST}:
                    page_requests.append(f"{name} names {url}")
    return list(dict.fromkeys(page_requests)), browser_hosts


def host_of(url):
    return (urlsplit(url).hostname or "").lower()


def check_network(netlogs):
    problems, browser_hosts = [], set()
    for netlog_path in netlogs:
        found, hosts = external_requests(load_netlog(netlog_path))
        problems += [f"{netlog_path.name}: {item}" for item in found]
        browser_hosts |= hosts
    if problems:
        raise CheckFailed("the page asked for something outside itself: " + "; ".join(problems[:10]))
    detail = f"{len(netlogs)} NetLogs"
    if browser_hosts:
        detail += f" (ignored Chromium's own background requests to {', '.join(sorted(browser_hosts))})"
    return detail


# --- the screenshot and the PDF -------------------------------------------------------


def check_screenshot(png):
    if Image is None:
        raise CheckFailed("PIL is missing: install python3-pil (./build.sh test does)")
    if not png.exists():
        raise CheckFailed(f"chromium wrote no screenshot {png}")
    with Image.open(png) as image:
        rgb = image.convert("RGB")
    width, height = rgb.size
    colours = rgb.getcolors(maxcolors=width * height)
    background_count, background = max(colours)
    share = 1 - background_count / (width * height)
    if share < MIN_NON_BACKGROUND_SHARE or len(colours) < MIN_DISTINCT_COLOURS:
        raise CheckFailed(f"looks blank: {share:.1%} of the pixels differ from the background {background} "
                          f"(want >= {MIN_NON_BACKGROUND_SHARE:.0%}), {len(colours)} colours "
                          f"(want >= {MIN_DISTINCT_COLOURS}); see {png}")
    return f"{width}x{height}, {share:.1%} non-background pixels, {len(colours)} colours: {png}"


def check_pdf(pdf):
    if not pdf.exists():
        raise CheckFailed(f"chromium wrote no PDF {pdf}")
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF"):
        raise CheckFailed(f"{pdf} does not start with %PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))
    if pages < 1:
        raise CheckFailed(f"{pdf} has no /Type /Page object")
    return f"{pages} page(s), {len(data)} bytes: {pdf}"


# --- the whole check ------------------------------------------------------------------


def check_report(chromium, page, report_path, work_dir):
    """Runs every check on one page; returns the names of the failed checks."""
    results = Results()
    work_dir.mkdir(parents=True, exist_ok=True)
    try:
        report = json.loads(Path(report_path).read_text())
    except (OSError, json.JSONDecodeError) as error:
        print(f"FAIL  report: the JSON report is readable: {report_path}: {error}")
        return ["report: the JSON report is readable"]
    png, pdf = work_dir / "screenshot.png", work_dir / "report.pdf"
    png.unlink(missing_ok=True)
    pdf.unlink(missing_ok=True)
    runs = {}

    def load(label, flags):
        runs[label] = run_chromium(chromium, work_dir, label, page, flags)
        return f"{runs[label][2]:.1f} s"

    if results.run("chromium: --dump-dom", load, "dom", ["--dump-dom"]):
        root = parse_dom(runs["dom"][0])
        (work_dir / "dom.html").write_text(runs["dom"][0])
        results.run("dom: <html> has a lang", check_lang, root)
        results.run("dom: nothing executable or embedded", check_no_active_content, root)
        results.run("dom: no reference outside the page", check_no_external_references, root)
        results.run("dom: ids are unique", check_unique_ids, root)
        results.run("dom: the charts are there", check_charts_present, root, report)
        results.run("dom: every chart has role=img and an accessible name", check_charts_accessible, root)
        results.run("dom: every chart is followed by its table in its <figure>", check_charts_have_tables, root)
        results.run("dom: every row of a table has as many columns as its header", check_table_rows, root)
        results.run("dom: suppressed departments are named but get no card", check_suppressed_departments,
                    root, report)
    if results.run("chromium: --screenshot", load, "screenshot",
                   [f"--screenshot={png}", f"--window-size={WINDOW_SIZE[0]},{WINDOW_SIZE[1]}"]):
        results.run("screenshot: not blank", check_screenshot, png)
    if results.run("chromium: --print-to-pdf", load, "pdf", [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"]):
        results.run("pdf: a PDF with pages", check_pdf, pdf)
    if runs:
        results.run("network: the page requested nothing outside itself", check_network,
                    [netlog for _, netlog, _ in runs.values()])
    return results.failed


# --- the self-test --------------------------------------------------------------------

SELF_TEST_REPORT = {
    "format": "centric-report/1",
    "departments": [
        {"id": "alpha", "name": "Alpha", "n": 9, "suppressed": False},
        {"id": "beta", "n": 2, "suppressed": True},
    ],
}
SELF_TEST_CSP = ('<meta http-equiv="Content-Security-Policy" '
                 "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
COLOURS = ("#d73027", "#fc8d59", "#fee08b", "#91cf60", "#1a9850", "#4575b4", "#762a83", "#c2a5cf")


def self_test_chart(attributes, title_id, title):
    bars = "".join(f'<rect x="10" y="{10 + 30 * i}" width="{200 + 50 * i}" height="26" fill="{colour}"/>'
                   for i, colour in enumerate(COLOURS))
    return (f'<figure><svg {attributes} role="img" aria-labelledby="{title_id}" viewBox="0 0 600 250" '
            f'width="600" height="250"><title id="{title_id}">{title}</title>{bars}</svg>'
            f"<table><tr><th>{title}</th><td>42</td></tr></table></figure>")


def self_test_page(head_extra="", body_extra=""):
    charts = "".join([
        self_test_chart('id="chart-organisation" class="chart"', "t-org", "The organisation"),
        self_test_chart('id="chart-heatmap" class="chart"', "t-heat", "Departments by dimension"),
        self_test_chart('id="chart-distribution" class="chart"', "t-dist", "Answers"),
        '<section><h3>Alpha</h3>'
        + self_test_chart('class="chart chart-department"', "t-alpha", "Alpha") + "</section>",
    ])
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' + head_extra
            + "<title>self-test</title><style>body{font-family:sans-serif;margin:2em}</style></head><body>"
            + "<h1>Self-test report</h1>" + charts
            + "<p>Hidden for anonymity: beta (fewer than 5 respondents).</p>" + body_extra + "</body></html>")


def self_test(chromium, work_dir):
    """Proves the checks pass a good page and fail bad ones; returns a list of problems."""
    work_dir.mkdir(parents=True, exist_ok=True)
    report = work_dir / "self-test-report.json"
    report.write_text(json.dumps(SELF_TEST_REPORT))
    external = '<img alt="" src="http://example.invalid/x.png">'
    cases = [
        # name, page, the checks that must fail (None: every check must pass)
        ("good", self_test_page(SELF_TEST_CSP), None),
        # no CSP here: it would block the image before any request, and the NetLog must see one
        ("external-image", self_test_page(body_extra=external),
         {"dom: no reference outside the page", "network: the page requested nothing outside itself"}),
        ("script", self_test_page(body_extra="<script>document.title = 'ran';</script>"),
         {"dom: nothing executable or embedded"}),
        ("blank", '<!DOCTYPE html><html lang="en"><head><title>blank</title></head><body></body></html>',
         {"screenshot: not blank"}),
    ]
    problems = []
    for name, text, must_fail in cases:
        page = work_dir / f"self-test-{name}.html"
        page.write_text(text)
        expectation = "must pass" if must_fail is None else "must fail: " + ", ".join(sorted(must_fail))
        print(f"--- self-test: the {name} page ({expectation})", flush=True)
        failed = set(check_report(chromium, page, report, work_dir / f"self-test-{name}"))
        if must_fail is None and failed:
            problems.append(f"the good page failed: {', '.join(sorted(failed))}")
        elif must_fail is not None and not must_fail <= failed:
            problems.append(f"the {name} page passed {', '.join(sorted(must_fail - failed))}")
        else:
            print(f"      as expected: the {name} page {'passed' if must_fail is None else 'was rejected'}", flush=True)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chromium", required=True, help="the chromium binary")
    parser.add_argument("--work-dir", required=True, type=Path, help="where the PNG, PDF, NetLogs and DOM go")
    parser.add_argument("--html", type=Path, help="the HTML report")
    parser.add_argument("--report-json", type=Path, help="the same report as centric-report/1 JSON")
    parser.add_argument("--self-test", action="store_true", help="prove the checks can fail (no --html needed)")
    args = parser.parse_args()
    started = time.monotonic()
    if args.self_test:
        problems = self_test(args.chromium, args.work_dir)
        print(f"self-test took {time.monotonic() - started:.1f} s")
        if problems:
            print("FAILED: the self-test: " + "; ".join(problems))
            return 1
        print("the self-test passed: the checks accept a good page and reject an external image, "
              "a <script> and a blank page")
        return 0
    if args.html is None or args.report_json is None:
        parser.error("--html and --report-json are needed (or --self-test)")
    if not args.html.is_file():
        print(f"FAILED: no HTML report {args.html}")
        return 1
    failed = check_report(args.chromium, args.html, args.report_json, args.work_dir)
    print(f"browser check took {time.monotonic() - started:.1f} s")
    if failed:
        print("FAILED: " + "; ".join(failed))
        return 1
    print("every browser check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
