"""Page speed in a real browser: every page against an empty Streamlit page, interleaved, in one headless Chromium.

`python -m benchmarks.pages [--factor F] [--rounds N]` builds the seed database and a synthetic copy
(benchmarks.synthetic, factor F) in a temporary folder, serves the app over each and an empty
Streamlit page beside it, then visits, round after round, the empty page and each app page in turn.
A page is "fully drawn" when its DOM has stopped changing for 0.6 s: the time reported is that of
its last change, from the start of navigation (the same rule for the empty page). It prints, per
page, the median time, its ratio to the empty page's median, the first visit (cold caches), the bytes
received over the websocket and the largest single message (one element's payload). Target: every
ratio within 2.5, no message over 100 kB. It downloads nothing and removes its files.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
PAGES = [  # (label, path, a text present once the page has drawn its content)
    ("Vue d'ensemble", "/", "Histoire du CLSM"),
    ("Avancement par axe", "/avancement", "Statut des actions par axe"),
    ("Fiches actions", "/fiches_actions", "action(s) trouvée(s)"),
    ("Participation", "/participation", "Réunions par année"),
    ("Partenaires", "/partenaires", "Placées sur la carte"),
    ("Ressources", "/ressources", "ressource(s)"),
    ("Diaporama", "/diaporama?sequence=pleniere&diapo=2", "données au"),
    ("Sources", "/sources", "Lignes : valeurs transcrites"),
    ("Rapports", "/rapports", "Rapports"),
    ("Administration", "/administration", "Importer"),
    ("À compléter", "/a_completer", "compléter"),
]
EMPTY_SCRIPT = 'import streamlit as st\nst.set_page_config(layout="wide")\nst.title("Page vide")\n'
QUIET_MS = 600
RATIO_TARGET = 2.5
MESSAGE_TARGET = 100_000
OBSERVER = """
window.__lastChange = 0;
new MutationObserver(() => { window.__lastChange = performance.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(script: Path, cwd: Path, env: dict, log: Path):
    """`streamlit run script` on a free port (its output in `log`); yields the URL once /_stcore/health answers.

    The benchmark serves the app and the empty page with it, the browser tests the app (tests/conftest.served)."""
    with serve_process(script, cwd, env, log) as (url, _):
        yield url


@contextlib.contextmanager
def serve_process(script: Path, cwd: Path, env: dict, log: Path):
    """As `serve`, yielding (URL, the server's process): its memory and CPU are read by the network benchmark."""
    port = _port()
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port), "--server.address",
             "127.0.0.1", "--server.headless", "true"], cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(240):
                try:
                    if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                        break
                except OSError:
                    time.sleep(0.25)
            else:
                raise RuntimeError("le serveur ne répond pas : " + log.read_text()[-2000:])
            yield url, proc
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


def _visit(page, url: str, ready: str, frames: list[int]) -> float:
    """Milliseconds from navigation to the page's last DOM change (after it has been quiet for QUIET_MS)."""
    frames.clear()
    page.goto(url, wait_until="commit")
    page.get_by_text(ready, exact=False).first.wait_for(timeout=120_000)
    while True:
        page.wait_for_timeout(150)
        quiet = page.evaluate("performance.now() - window.__lastChange")
        busy = page.locator('[data-testid="stStatusWidget"]').count()
        if quiet >= QUIET_MS and not busy:
            return float(page.evaluate("window.__lastChange"))


def measure(urls: dict[str, str], empty: str, rounds: int) -> dict:
    """{label: {"times": [...], "first": ms, "bytes": n, "largest": n}} with "empty" for the empty page."""
    from playwright.sync_api import sync_playwright

    out: dict[str, dict] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
        ctx.add_init_script(OBSERVER)
        page = ctx.new_page()
        frames: list[int] = []
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))))
        for r in range(rounds + 1):
            for label, path, ready in [("empty", "", "Page vide"), *PAGES]:
                base = empty if label == "empty" else urls["app"]
                ms = _visit(page, base + path, ready, frames)
                entry = out.setdefault(label, {"times": [], "first": ms, "bytes": 0, "largest": 0})
                if r > 0:
                    entry["times"].append(ms)
                entry["bytes"] = max(entry["bytes"], sum(frames))
                entry["largest"] = max(entry["largest"], max(frames, default=0))
                if label != "empty":  # interleaved: the empty page before every app page
                    ms = _visit(page, empty, "Page vide", frames)
                    if r > 0:
                        out["empty"]["times"].append(ms)
        browser.close()
    return out


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f}".replace(",", " ").replace(".", ",") + " ko"


def render(results: dict[str, dict]) -> str:
    lines = []
    for name, res in results.items():
        floor = statistics.median(res["empty"]["times"])
        lines.append(f"\n== {name} : page vide {floor:.0f} ms (médiane de {len(res['empty']['times'])} visites) ==")
        lines.append(f"{'page':<22}{'médiane':>10}{'ratio':>8}{'1re visite':>12}{'reçu':>12}{'plus gros message':>20}")
        for label, _, _ in PAGES:
            r = res[label]
            med = statistics.median(r["times"])
            flag = " ⚠" if med / floor > RATIO_TARGET or r["largest"] > MESSAGE_TARGET else ""
            lines.append(f"{label:<22}{med:>8.0f} ms{med / floor:>7.2f}×{r['first']:>9.0f} ms{_kb(r['bytes']):>12}"
                         f"{_kb(r['largest']):>20}{flag}")
    lines.append(f"\nCible : chaque page en moins de {RATIO_TARGET}× la page vide, aucun message de plus de "
                 f"{_kb(MESSAGE_TARGET)} (⚠ signale un dépassement).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Vitesse des pages dans Chromium, comparée à une page vide.")
    parser.add_argument("--factor", type=float, default=1.0, help="taille des données synthétiques (0 : base seule)")
    parser.add_argument("--rounds", type=int, default=3, help="tours de visites mesurés (après un tour d'échauffement)")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print("chromium absent : make test (ou apt-get install chromium) l'installe.", file=sys.stderr)
        return 2
    from benchmarks.synthetic import make_synthetic
    from clsm_data.core.config import SEED_DIR
    from clsm_data.store.build import build

    with tempfile.TemporaryDirectory(prefix="clsm-bench-pages-") as tmp:
        folder = Path(tmp)
        seed = folder / "seed.duckdb"
        print("Construction de la base depuis data/seed…", file=sys.stderr)
        build(seed, SEED_DIR)
        dbs = {"base des documents (seed)": seed}
        if args.factor > 0:
            print(f"Base synthétique (facteur {args.factor:g})…", file=sys.stderr)
            synth = folder / "synthetique.duckdb"
            make_synthetic(synth, seed, factor=args.factor, overwrite=True)
            dbs[f"base synthétique, facteur {args.factor:g}"] = synth
        (folder / "empty").mkdir()
        empty_script = folder / "empty" / "vide.py"
        empty_script.write_text(EMPTY_SCRIPT, encoding="utf-8")
        results = {}
        env = {k: v for k, v in os.environ.items() if k != "CLSM_DB"}
        with serve(empty_script, folder / "empty", env, folder / "empty.log") as empty:
            for name, db in dbs.items():
                print(f"Visites : {name}…", file=sys.stderr)
                with serve(ROOT / "serve.py", ROOT, {**env, "CLSM_DB": str(db)}, folder / "app.log") as url:
                    results[name] = measure({"app": url}, empty, args.rounds)
    print(render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
