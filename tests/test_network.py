"""The network edition as deploy/network.py starts it: a throwaway PostgreSQL cluster, two app processes on
127.0.0.1, nginx in front on a free port. A write made in the browser through the proxy (process A) is read by
the other process (B, on its own port) at its next run, without a restart; the proxy keeps a browser on one
process, refuses names it does not serve, and replaces a forged X-Forwarded-For.
"""

from __future__ import annotations

import os
import re
import socket
import sys
import uuid
from pathlib import Path

import pytest
from conftest import launch_chromium, wait_idle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy"))

import network  # noqa: E402  (deploy/network.py: the set-up `make network` runs)

from clsm_data.followup.texts import SECTIONS  # noqa: E402

pytestmark = [pytest.mark.timeout(600)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    """(settings, public URL) of a running set-up over a throwaway cluster; everything stopped afterwards."""
    from pg_cluster import Cluster, ClusterUnavailable

    try:
        network.nginx_binary()
    except network.NetworkError as exc:
        if os.environ.get("CI"):  # `make test` installs nginx: under CI its absence is a failure, not a skip
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    try:
        cluster = Cluster().start()
    except ClusterUnavailable as exc:
        pytest.skip(str(exc))
    state = tmp_path_factory.mktemp("network")
    old = os.environ.get("CLSM_LOCAL_DIR")
    os.environ["CLSM_LOCAL_DIR"] = str(state)  # the cookie key and backups of the stand-in path: not in data/
    s = network.Settings(port=_free_port(), app_ports=(_free_port(), _free_port()), db=cluster.create_database(),
                         state=state)
    try:
        url = network.start(s)
        yield s, url
    finally:
        network.stop(s)
        cluster.stop()
        if old is None:
            os.environ.pop("CLSM_LOCAL_DIR", None)
        else:
            os.environ["CLSM_LOCAL_DIR"] = old


def _listening(port: int) -> set[str]:
    """The local addresses a TCP port listens on (from /proc/net/tcp and tcp6), as hex."""
    out = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except FileNotFoundError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hexport = local.rsplit(":", 1)
            if state == "0A" and int(hexport, 16) == port:  # 0A: LISTEN
                out.add(address)
    return out


def test_the_app_ports_listen_on_loopback_only_and_the_proxy_refuses_other_names(edition):
    import urllib.error
    import urllib.request

    s, url = edition
    for port in s.apps():
        assert _listening(port) == {"0100007F"}, port  # 127.0.0.1, nothing else
    request = urllib.request.Request(url + "/", headers={"Host": "rebinding.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 421
    conf = (s.state / "nginx.conf").read_text()
    assert "hash $clsm_node consistent" in conf and "proxy_set_header Upgrade $http_upgrade" in conf
    assert "proxy_set_header X-Forwarded-For $remote_addr" in conf


def _upstreams(state: Path, node: str) -> set[str]:
    log = (state / "nginx-access.log").read_text()
    return set(re.findall(rf"upstream=(\S+) node={node}\b", log))


@pytest.mark.browser
def test_a_write_through_one_process_is_read_by_the_other(edition):
    """The coordinator saves a bilan text in the browser through nginx (process A); process B, opened on its own port
    before the write and again after it, shows the text at its next run."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("chromium absent (make test l'installe)")
    s, url = edition
    pids = network.status(s)
    label = next(iter(SECTIONS.values()))
    text = f"Écrit par le processus A à travers nginx ({uuid.uuid4().hex[:8]})"
    with playwright.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            # A: through the proxy, with a forged X-Forwarded-For that nginx must replace (else the app, seeing a
            # remote client and no account, would refuse to open)
            a_ctx = browser.new_context(extra_http_headers={"X-Forwarded-For": "203.0.113.9"})
            a = a_ctx.new_page()
            a.set_default_timeout(90000)  # a cold process on 2 shared cores: the first run of a page is slow
            a.goto(url + "/rapports")
            a.get_by_role("tab", name="Textes de la coordination").click()
            box = a.get_by_label(label)
            box.wait_for()
            wait_idle(a)
            node = next(c["value"] for c in a_ctx.cookies() if c["name"] == "clsm_node")
            served_a = _upstreams(s.state, node)
            assert len(served_a) == 1, served_a  # sticky: the page, its assets and its websocket on one process
            port_a = int(served_a.pop().rsplit(":", 1)[1])
            port_b = next(p for p in s.apps() if p != port_a)
            assert 'forwarded="203.0.113.9"' in (s.state / "nginx-access.log").read_text()  # the browser did send it

            # B: on its own port, before the write: the box is empty (its caches are warm)
            b = browser.new_page()
            b.set_default_timeout(90000)
            b.goto(f"http://127.0.0.1:{port_b}/rapports")
            b.get_by_role("tab", name="Textes de la coordination").click()
            b.get_by_label(label).wait_for()
            wait_idle(b)
            assert b.get_by_label(label).input_value() == ""

            box.fill(text)
            a.get_by_role("button", name="Enregistrer les textes").click()
            a.get_by_text("texte(s) enregistré(s) au journal").wait_for()

            # B's next run (a new session on the same process, never restarted) reads it
            b.reload()
            b.get_by_role("tab", name="Textes de la coordination").click()
            b.get_by_label(label).wait_for()
            wait_idle(b)
            assert b.get_by_label(label).input_value() == text
            assert _upstreams(s.state, node) == {f"127.0.0.1:{port_a}"}  # A never left its process
            assert not b.locator('[data-testid="stException"]').count()
        finally:
            browser.close()
    assert network.status(s) == pids and all(pids.values())  # the same processes throughout: no restart


@pytest.mark.browser
def test_two_councils_behind_the_two_processes_each_reads_its_own(edition):
    """A second council in the same database (the seed's rows copied, attendance doubled: synthetic test content).
    Through the proxy (one process), an account of both councils reads their sum on « Réseau »; on the other
    process, a partner of the second council reads its own attendance, doubled, and nothing of the first."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("chromium absent (make test l'installe)")
    from test_postgres_councils import OTHER, PASSWORD, _second_council

    from clsm_data.access import accounts
    from clsm_data.core.config import DEFAULT_COUNCIL
    from clsm_data.core.roles import COORDINATOR, PARTNER, Caller
    from clsm_data.read import network as network_view
    from clsm_data.store.db import connect

    s, url = edition
    con = connect(s.db, read_only=False)
    try:
        _second_council(con)
        coord = Caller("coordination", COORDINATOR)
        accounts.add_user(con, coord, "coordination", COORDINATOR, PASSWORD)
        accounts.add_user(con, coord, "ars-grand-est", PARTNER, PASSWORD, also=[OTHER])
        accounts.add_user(con, coord, "partenaire-synth", PARTNER, PASSWORD, council=OTHER)
        year = network_view.latest_year(con, [DEFAULT_COUNCIL, OTHER])
        both = network_view.view(con, [DEFAULT_COUNCIL, OTHER], year)["totals"]
    finally:
        con.close()

    def sign_in(page, base: str, login: str, path: str) -> None:
        page.set_default_timeout(90000)
        page.goto(base + path)
        page.get_by_label("Identifiant").fill(login)
        page.get_by_label("Mot de passe").fill(PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        page.get_by_role("button", name="Se déconnecter").wait_for()

    with playwright.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            a_ctx = browser.new_context()
            a = a_ctx.new_page()
            sign_in(a, url, "ars-grand-est", "/")
            a.goto(url + "/reseau")
            a.get_by_text("Conseils couverts").first.wait_for()
            wait_idle(a)
            said = a.locator("[data-testid=stMarkdown] strong").first.inner_text().replace("\u202f", " ")
            people = f"{both['participants']:,}".replace(",", " ")
            assert said.startswith(f"En {year}, les 2 conseils ont enregistré {both['meetings']} réunions datées "
                                   f"({people} participations comptées"), said
            node = next(c["value"] for c in a_ctx.cookies() if c["name"] == "clsm_node")
            port_a = int(_upstreams(s.state, node).pop().rsplit(":", 1)[1])
            port_b = next(p for p in s.apps() if p != port_a)

            b = browser.new_page()
            sign_in(b, f"http://127.0.0.1:{port_b}", "partenaire-synth", "/")
            b.goto(f"http://127.0.0.1:{port_b}/participation?vue=Pr%C3%A9sences")
            row = b.locator("tr", has_text="professionnel").first
            row.wait_for()
            wait_idle(b)
            assert row.inner_text().split()[-1] == "46"  # the second council's own rows: the seed's 23, doubled
            assert "territoire messin" not in b.locator("[data-testid=stSidebar]").inner_text()
            b.goto(f"http://127.0.0.1:{port_b}/reseau")
            b.get_by_text("n'en lit qu'un").wait_for()
            assert not b.locator('[data-testid="stException"]').count()
            assert not a.locator('[data-testid="stException"]').count()
        finally:
            browser.close()
