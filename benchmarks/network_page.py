"""The network page (« Réseau ») at a network's size, against an empty Streamlit page in the same browser.

    python -m benchmarks.network_page [--councils 280] [--factor 10] [--rounds 3] [--db FILE]

Builds the synthetic network (benchmarks/synthetic.py: the seed's council and N−1 synthetic ones, labelled so) or
takes a copy of --db, adds an account that reads every council (on the copy only), serves the app and an empty
page, signs in in Chromium, then visits /reseau and the empty page in turn: each fully drawn (benchmarks.pages'
method), bytes received and the largest websocket message. The first visit of the page computes its figures (then
cached for the data's version) and is printed apart. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks import pages

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "une phrase de passe (banc d'essai)"
READY = "Conseils couverts"


def _account(db: Path) -> tuple[int, str]:
    """An account `banc-reseau` that reads every council of `db`, and a coordinator `banc-synth` of its last
    (synthetic) council; returns how many councils there are and that council's name."""
    from clsm_data.access import accounts
    from clsm_data.core.config import DEFAULT_COUNCIL
    from clsm_data.core.roles import COORDINATOR, PARTNER, Caller
    from clsm_data.store.db import connect

    con = connect(str(db), read_only=False)
    try:
        ids = [r[0] for r in con.execute("SELECT council_id FROM council ORDER BY council_id <> ?, council_id",
                                         [DEFAULT_COUNCIL]).fetchall()]
        coord = Caller("banc", COORDINATOR)
        if not con.execute("SELECT count(*) FROM app_user").fetchone()[0]:
            accounts.add_user(con, coord, "banc-coordination", COORDINATOR, PASSWORD, council=ids[0])
        accounts.add_user(con, coord, "banc-reseau", PARTNER, PASSWORD, council=ids[0], also=ids[1:])
        accounts.add_user(con, coord, "banc-synth", COORDINATOR, PASSWORD, council=ids[-1])
        return len(ids), con.execute("SELECT name FROM council WHERE council_id = ?", [ids[-1]]).fetchone()[0]
    finally:
        con.close()


def measure(app: str, empty: str, rounds: int, login: str, visits: list[tuple[str, str, str]]) -> dict:
    """{label: {"first", "times", "empty", "bytes", "largest"}}: each page then the empty page, `rounds` + 1 times,
    signed in as `login` (the first round computes and is kept apart)."""
    from playwright.sync_api import sync_playwright

    out = {label: {"first": None, "times": [], "empty": [], "bytes": 0, "largest": 0} for label, _, _ in visits}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=pages.CHROMIUM, headless=True, args=pages.ARGS)
        ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-FR")
        ctx.add_init_script(pages.OBSERVER)
        page = ctx.new_page()
        frames: list[int] = []
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))))
        page.goto(app + "/")
        page.get_by_label("Identifiant").fill(login)
        page.get_by_label("Mot de passe").fill(PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        page.get_by_role("button", name="Se déconnecter").wait_for(timeout=120_000)
        for r in range(rounds + 1):
            for label, path, ready in visits:
                entry = out[label]
                ms = pages._visit(page, app + path, ready, frames)
                entry["bytes"] = max(entry["bytes"], sum(frames))
                entry["largest"] = max(entry["largest"], max(frames, default=0))
                if r == 0:
                    entry["first"] = ms
                else:
                    entry["times"].append(ms)
                ms = pages._visit(page, empty, "Page vide", frames)
                if r > 0:
                    entry["empty"].append(ms)
        browser.close()
    return out


def _line(label: str, got: dict) -> str:
    page, floor = statistics.median(got["times"]), statistics.median(got["empty"])
    return (f"| {label} | {page:.0f} ms | {floor:.0f} ms | {page / floor:.2f}× | {got['first']:.0f} ms | "
            f"{got['bytes'] / 1000:.1f} ko | {got['largest'] / 1000:.1f} ko |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="La page Réseau à la taille d'un réseau, contre une page Streamlit vide.")
    ap.add_argument("--councils", type=int, default=280, help="conseils du réseau synthétique (280 : la nation)")
    ap.add_argument("--factor", type=float, default=10.0, help="échelle du réseau synthétique")
    ap.add_argument("--rounds", type=int, default=3, help="visites mesurées (après une première)")
    ap.add_argument("--network-only", action="store_true", help="la page Réseau seulement")
    ap.add_argument("--db", type=Path, help="une base existante (copiée ; sinon le réseau synthétique est construit)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="clsm-bench-reseau-") as tmp:
        folder = Path(tmp)
        db = folder / "reseau.duckdb"
        if args.db:
            shutil.copy2(args.db, db)
        else:
            from benchmarks.synthetic import make_synthetic

            make_synthetic(db, None, factor=args.factor, councils=args.councils)
        n, synth = _account(db)
        (folder / "empty").mkdir()
        (folder / "empty" / "vide.py").write_text(pages.EMPTY_SCRIPT, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "CLSM_DB"}
        with pages.serve(folder / "empty" / "vide.py", folder / "empty", env, folder / "empty.log") as empty, \
                pages.serve(ROOT / "serve.py", ROOT, dict(env, CLSM_DB=str(db)), folder / "app.log") as app:
            network = measure(app, empty, args.rounds, "banc-reseau", [("Réseau", "/reseau", READY)])
            # a synthetic council's own pages among all the others (its coordinator: every page is open to it)
            own = {} if args.network_only else measure(app, empty, args.rounds, "banc-synth",
                          [(label, path, ready) for label, path, ready in pages.PAGES if label != "Vue d'ensemble"]
                          + [("Vue d'ensemble", "/", "Actions")])
    print(f"{n} conseils ; médiane de {args.rounds} visites, la page vide visitée entre chaque (cible 2,5×, 100 ko)\n")
    print("| page | page | page vide | rapport | première visite | reçu | plus grand message |")
    print("|---|---|---|---|---|---|---|")
    print(_line(f"Réseau ({n} conseils, compte qui les lit tous)", network["Réseau"]))
    for label, got in own.items():
        print(_line(f"{label} ({synth})", got))
    return 0


if __name__ == "__main__":
    sys.exit(main())
