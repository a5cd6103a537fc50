"""Many concurrent sessions against the app processes, through Streamlit's own websocket protocol (no browser).

`python -m benchmarks.load --url http://127.0.0.1:PORT [--url …] --pid PID [--pid …] --sessions 50 --runs 3
--pages ",participation,avancement"` opens the sessions (round-robin over the URLs, one URL per app process), runs
the pages in bursts and prints a French table: errors, run times, throughput, the server's CPU and memory, and the
physical floor the median run time is compared with. `--compare` measures the first process alone first. It only
connects to this computer (loopback addresses), never elsewhere.

Target: 50 concurrent sessions on two processes, 0 errors; two processes give at least 1.8× the throughput of one
on the 2-core machine; the median run time stays within 1.5× of the physical floor (`floor_median` below).

What a session says and answers, as Streamlit 1.67's frontend does (static/js index.*.js, web/server/starlette):

- it opens ws://host:port[/base]/_stcore/stream with the subprotocols ["streamlit", token]: the frontend's token is
  the `_streamlit_xsrf` cookie, or "PLACEHOLDER_AUTH_TOKEN" without one; it only serves to read a st.login cookie,
  so the placeholder is sent. An Origin header naming the same host is sent, as a browser does.
- the server runs nothing until the client asks: every run, the first included, is a BackMsg `rerun_script`
  (a ClientState). An address typed in the browser sends `page_name` = the page's url path ("" for the default
  page) with an empty `page_script_hash`; a click in the menu sends that page's `page_script_hash` (known from the
  `navigation` ForwardMsg of the run before) and no `page_name`. A session does the first, then the second for the
  pages it knows. `query_string` is what follows "?" in a page of `pages`; `context_info` says the time zone,
  locale, page URL and colour scheme.
- frames are binary, one serialized ForwardMsg each. A run ends at `script_finished` with a status other than
  FINISHED_EARLY_FOR_RERUN (that one only says st.rerun() started the run again): FINISHED_SUCCESSFULLY, or
  FINISHED_WITH_COMPILE_ERROR (the main script did not compile, an error).
- the message cache: a ForwardMsg with `metadata.cacheable` (an element over `global.minCachedMessageSize`) is
  kept by the client under its `hash`, and the client lists the hashes it keeps in `cached_message_hashes` of each
  rerun; the server then sends a `ref_hash` message in place of such an element. After each ended run, entries not
  used for more than `config.max_cached_message_age` runs (from `new_session`) are dropped, as the frontend does.
  A `ref_hash` the client does not hold is a protocol error.
- nothing else needs an answer: `session_status_changed`, `new_session`, `page_config_changed` only inform;
  `app_heartbeat` is sent by the frontend only when a hosting page asks; the server's websocket pings are answered
  by the websocket library. The frontend's HTTP requests before the websocket (/_stcore/health, host-config) play
  no part in a session and are not made.

A run is an error when the session could not connect, the connection closed, no end came within `timeout`, the
script did not compile, an element is an exception (an uncaught one of the page, or st.exception; not the warnings
Streamlit draws the same way), the server answered `page_not_found` (it then runs the default page), or it served
another page than the one asked (read from the `navigation` message).

Bursts and floors. All sessions connect first; then, burst after burst, every session sends its next run at the
same moment, and the next burst starts when the last run of this one has ended (a barrier between bursts). Session
i runs pages[(i + j) % len(pages)] in burst j, so each burst mixes the pages. With cpu_per_run = the server CPU
seconds the load used (utime + stime of every pid, children included) / the runs the server finished, the floors
of one burst of N = `sessions` runs on C = os.cpu_count() cores are:

- floor_burst = cpu_per_run × N / C: the soonest the burst's last run can end;
- floor_median = floor_burst / 2 + cpu_per_run / 2: a perfectly shared CPU ends the runs evenly spread over the
  burst, the median one at half of it.

The runs must be bursts for these to hold: if each session sent its next run as soon as the last one ended, every
run would wait for the N - 1 others the whole time (Little's law: N·cpu_per_run/C each), never for half of them.
One process runs its sessions' scripts in threads under one GIL: about one core whatever C, and the threads share
it evenly, so a burst's runs end together near its end; its ratio stays well above that of two processes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import math
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

CLK_TCK = os.sysconf("SC_CLK_TCK")
RSS_PERIOD = 0.2  # seconds between two memory samples
TOKEN = "PLACEHOLDER_AUTH_TOKEN"  # what the frontend sends without an XSRF cookie
TIME_ZONE = "Europe/Paris"
ERROR_LENGTH = 160  # characters kept of an error text


@dataclass
class RunRecord:
    """One page run of one session."""

    session: int
    burst: int
    url: str
    page: str
    seconds: float  # from the rerun_script sent to the script_finished received (or to the failure)
    ok: bool
    finished: bool  # the server ended the script run (script_finished), whatever the outcome
    error: str = ""  # short, in French; empty when ok
    bytes: int = 0  # received during the run


@dataclass
class LoadResult:
    """What run_load measured: every run, the wall time, the server's CPU and memory, and the figures derived."""

    urls: list[str]
    sessions: int
    runs_per_session: int
    cores: int
    wall_s: float  # from the first burst's start to the last burst's end
    server_cpu_s: float  # CPU seconds of every pid over that time (nan if a process vanished)
    client_cpu_s: float  # this process's own CPU over that time: it shares the machine with the servers
    other_cpu_s: float  # CPU the machine's other processes used meanwhile: the figures are fair only when it is small
    rss_peak_mb: dict[int, float]  # highest resident memory sampled, per pid, in MiB
    records: list[RunRecord] = field(default_factory=list)

    @property
    def times(self) -> list[float]:
        """Seconds of the successful runs."""
        return [r.seconds for r in self.records if r.ok]

    @property
    def errors(self) -> int:
        """Runs that did not succeed."""
        return sum(not r.ok for r in self.records)

    @property
    def p50(self) -> float:
        """Median run time of the successful runs."""
        return _percentile(self.times, 0.5)

    @property
    def p95(self) -> float:
        """95th percentile of the successful runs' times."""
        return _percentile(self.times, 0.95)

    @property
    def max_s(self) -> float:
        """Longest successful run."""
        return max(self.times, default=math.nan)

    @property
    def throughput(self) -> float:
        """Successful runs per wall-clock second."""
        return len(self.times) / self.wall_s if self.wall_s > 0 else math.nan

    @property
    def cpu_per_run(self) -> float:
        """Server CPU seconds per run the server finished."""
        finished = sum(r.finished for r in self.records)
        return self.server_cpu_s / finished if finished else math.nan

    @property
    def floor_burst(self) -> float:
        """cpu_per_run × sessions / cores: the soonest the last run of one burst can end."""
        return self.cpu_per_run * self.sessions / self.cores

    @property
    def floor_median(self) -> float:
        """floor_burst / 2 + cpu_per_run / 2: the median run's end on a perfectly shared CPU."""
        return self.floor_burst / 2 + self.cpu_per_run / 2

    @property
    def ratio(self) -> float:
        """p50 / floor_median (target: at most 1.5)."""
        return self.p50 / self.floor_median if self.floor_median > 0 else math.nan

    def error_counts(self) -> Counter[str]:
        """How many runs failed for each reason."""
        return Counter(r.error for r in self.records if not r.ok)


def _percentile(values: list[float], q: float) -> float:
    """The q-quantile (0 ≤ q ≤ 1) by linear interpolation between the closest ranks; nan without values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _short(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= ERROR_LENGTH else line[: ERROR_LENGTH - 1] + "…"


# ---------------------------------------------------------------- addresses


@dataclass(frozen=True)
class _Endpoint:
    url: str  # as given
    origin: str  # scheme://host:port, what a browser's Origin header says
    base: str  # the app's base path ("" or "/something")
    stream: str  # the websocket address


def _endpoint(url: str) -> _Endpoint:
    """The websocket address of an app URL; ValueError (in French) for anything but this computer."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss") or not parts.hostname:
        raise ValueError(f"Adresse non reconnue : « {url} » (attendu : http://127.0.0.1:PORT).")
    host = parts.hostname
    try:
        local = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name other than localhost: never resolved, never used
        local = False
    if not local or parts.username or parts.password:
        raise ValueError(f"Refusé : « {url} » n'est pas une adresse de cet ordinateur. Seules 127.0.0.1, ::1 et "
                         "localhost sont acceptées, pour ne charger que ses propres processus.")
    secure = parts.scheme in ("https", "wss")
    origin = f"{'https' if secure else 'http'}://{parts.netloc}"
    base = parts.path.rstrip("/")
    return _Endpoint(url, origin, base, f"{'wss' if secure else 'ws'}://{parts.netloc}{base}/_stcore/stream")


# ---------------------------------------------------------------- the server processes


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a process and of its waited-for children, in seconds (/proc/<pid>/stat)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rpartition(")")[2].split()  # after the command name, which may hold spaces
    # fields[0] is the state (field 3 of proc(5)): utime, stime, cutime, cstime are fields 14-17
    return sum(int(v) for v in fields[11:15]) / CLK_TCK


def _machine_busy_seconds() -> float:
    """CPU seconds every core of the machine has spent busy since boot, steal included (first line of /proc/stat)."""
    with open("/proc/stat", encoding="ascii") as f:
        user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in f.readline().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / CLK_TCK


def _rss_mb(pid: int) -> float:
    """Resident memory of a process in MiB (VmRSS of /proc/<pid>/status)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0  # a zombie has no memory left


async def _sample_rss(pids: list[int], peaks: dict[int, float], stop: asyncio.Event) -> None:
    """Keep each pid's highest resident memory in `peaks`: every RSS_PERIOD, and once more when `stop` is set."""
    while True:
        for pid in pids:
            with contextlib.suppress(OSError):  # a process that ended has no memory to read
                peaks[pid] = max(peaks.get(pid, 0.0), _rss_mb(pid))
        if stop.is_set():
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), RSS_PERIOD)


# ---------------------------------------------------------------- one session


class _Failure(Exception):
    """A session can go on no more: its remaining runs are errors for this reason."""


class _Session:
    """One browser tab's worth of protocol: a websocket, the message cache, the pages the menu knows."""

    def __init__(self, index: int, target: _Endpoint, timeout: float) -> None:
        self.index = index
        self.target = target
        self.timeout = timeout
        self.ws: ClientConnection | None = None
        self.broken = ""  # why the session cannot go on, once it cannot
        self.cache: dict[str, tuple[int, bytes]] = {}  # hash -> (run count when last used, the message)
        self.run_count = 0  # ended runs, the clock of the cache's ages
        self.max_age = 2  # config.max_cached_message_age, from new_session
        self.page_hashes: dict[str, str] = {}  # url path -> page_script_hash, from the last navigation message

    async def connect(self) -> None:
        try:
            self.ws = await connect(
                self.target.stream, subprotocols=["streamlit", TOKEN], origin=self.target.origin,
                max_size=None, max_queue=None, proxy=None, ping_interval=None, open_timeout=self.timeout,
                close_timeout=5)
        except (OSError, InvalidHandshake, TimeoutError) as exc:
            self.broken = _short(f"connexion impossible à {self.target.stream} : {exc or type(exc).__name__}")

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()

    def _rerun_message(self, page: str) -> bytes:
        path, _, query = page.partition("?")
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query
        known = self.page_hashes.get(path)
        if known is not None:
            state.page_script_hash = known  # a click in the menu
        else:
            state.page_name = path  # an address typed in the browser
        state.cached_message_hashes.extend(self.cache)
        info = state.context_info
        info.timezone = TIME_ZONE
        info.timezone_offset = -int(datetime.now(ZoneInfo(TIME_ZONE)).utcoffset().total_seconds() // 60)
        info.locale = "fr-FR"
        info.url = f"{self.target.origin}{self.target.base}/{page}"
        info.is_embedded = False
        info.color_scheme = "light"
        return msg.SerializeToString()

    def _end_run(self) -> None:
        """Age the cache as the frontend does after a run that ended."""
        self.run_count += 1
        self.cache = {h: e for h, e in self.cache.items() if self.run_count - e[0] <= self.max_age}

    def _take(self, data: bytes, path: str, problems: list[str]) -> bool:
        """Read one ForwardMsg of a run of the page at `path`: note what is wrong, keep the cache; True at the end."""
        msg = ForwardMsg.FromString(data)
        if msg.WhichOneof("type") == "ref_hash":
            entry = self.cache.get(msg.ref_hash)
            if entry is None:
                raise _Failure(f"message en cache inconnu (hash {msg.ref_hash})")
            self.cache[msg.ref_hash] = (self.run_count, entry[1])
            msg = ForwardMsg.FromString(entry[1])
        elif msg.metadata.cacheable and msg.hash and msg.hash not in self.cache:
            self.cache[msg.hash] = (self.run_count, data)
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.max_age = msg.new_session.config.max_cached_message_age
        elif kind == "navigation":
            self.page_hashes = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
            served = next((p for p, h in self.page_hashes.items() if h == msg.navigation.page_script_hash), path)
            if served != path:
                problems.append(f"page servie « {served} » au lieu de « {path} »")
        elif kind == "page_not_found":
            problems.insert(0, f"page introuvable : « {path} »")  # the reason why another page is served
        elif kind == "delta" and msg.delta.new_element.HasField("exception"):
            exc = msg.delta.new_element.exception
            if not exc.is_warning:
                problems.append("exception dans la page : " + " : ".join(t for t in (exc.type, exc.message) if t))
        elif kind == "script_finished" and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                problems.append("le script ne compile pas")
            return True
        return False

    async def run(self, page: str, burst: int) -> RunRecord:
        """One page run: rerun_script sent, messages read up to the run's end; never longer than the timeout."""
        record = RunRecord(self.index, burst, self.target.url, page, 0.0, ok=False, finished=False)
        if self.broken or self.ws is None:
            record.error = self.broken
            return record
        path = page.partition("?")[0]
        problems: list[str] = []
        start = time.perf_counter()
        try:
            async with asyncio.timeout(self.timeout):
                await self.ws.send(self._rerun_message(page))
                while True:
                    data = await self.ws.recv()
                    record.bytes += len(data)
                    if self._take(data, path, problems):
                        break
        except TimeoutError:
            self.broken = f"session abandonnée : une exécution n'a pas fini en {self.timeout:g} s"
            problems.append(f"pas de fin d'exécution en {self.timeout:g} s")
        except ConnectionClosed as exc:
            self.broken = _short(f"connexion fermée par le serveur ({exc})")
            problems.append(self.broken)
        except _Failure as exc:
            self.broken = f"session abandonnée : {exc}"
            problems.append(str(exc))
        else:
            record.finished = True
            self._end_run()
        record.seconds = time.perf_counter() - start
        record.ok = not problems
        record.error = _short(problems[0]) if problems else ""
        return record


# ---------------------------------------------------------------- the load


async def _load(targets: list[_Endpoint], sessions: int, runs: int, pages: list[str], pids: list[int],
                timeout: float) -> LoadResult:
    clients = [_Session(i, targets[i % len(targets)], timeout) for i in range(sessions)]
    await asyncio.gather(*(c.connect() for c in clients))
    peaks: dict[int, float] = {}
    stop = asyncio.Event()
    sampler = asyncio.create_task(_sample_rss(pids, peaks, stop))
    cpu_before = sum(_cpu_seconds(pid) for pid in pids)
    client_before = time.process_time()
    machine_before = _machine_busy_seconds()
    start = time.perf_counter()
    records: list[RunRecord] = []
    try:
        for burst in range(runs):  # every run of a burst sent at once; the next burst once all have ended
            records += await asyncio.gather(*(c.run(pages[(c.index + burst) % len(pages)], burst) for c in clients))
        wall = time.perf_counter() - start
        client_cpu = time.process_time() - client_before
        machine = _machine_busy_seconds() - machine_before
        try:
            server_cpu = sum(_cpu_seconds(pid) for pid in pids) - cpu_before
        except OSError:  # a server process ended during the load
            server_cpu = math.nan
        other_cpu = max(0.0, machine - server_cpu - client_cpu)  # max: clock ticks make it a little negative at rest
    finally:
        stop.set()
        await sampler
        await asyncio.gather(*(c.close() for c in clients))
    return LoadResult([t.url for t in targets], sessions, runs, os.cpu_count() or 1, wall, server_cpu, client_cpu,
                      other_cpu, {pid: peaks.get(pid, math.nan) for pid in pids}, records)


def _check(urls: list[str], pids: list[int]) -> list[_Endpoint]:
    """The websocket addresses of `urls`, once each URL is known to be this computer's and each pid a process."""
    if not urls:
        raise ValueError("Il faut au moins une adresse.")
    targets = [_endpoint(url) for url in urls]
    for pid in pids:
        try:
            _cpu_seconds(pid)
        except OSError:
            raise ValueError(f"Aucun processus {pid} sur cet ordinateur.") from None
    return targets


def run_load(urls: list[str], sessions: int, runs: int, pages: list[str], pids: list[int],
             timeout: float = 120) -> LoadResult:
    """Run `sessions` concurrent Streamlit sessions, `runs` page runs each, against the app processes at `urls`.

    Args:
        urls: one address per app process (http://127.0.0.1:PORT); sessions go to them in turn. Loopback only.
        sessions: concurrent sessions, each a fresh Streamlit session (its own websocket).
        runs: page runs per session, in bursts: run j of every session is sent at the same moment, and burst
            j + 1 starts when the last run of burst j has ended. The first run of a session is its first page load.
        pages: url paths of st.navigation pages ("" for the default page, "participation"…), optionally with
            "?query"; session i runs pages[(i + j) % len(pages)] in burst j.
        pids: the app processes, whose CPU time (utime + stime, children included) is read before and after the
            bursts, and whose resident memory is sampled every 0.2 s meanwhile.
        timeout: seconds allowed to connect, and to each run; a session that exceeds it counts its remaining
            runs as errors, with the reason.

    Returns:
        The runs and the figures of the module docstring (p50, p95, throughput, cpu_per_run, floor_burst,
        floor_median, ratio, peak memory). Not to be called from a running event loop.

    Raises:
        ValueError: an address other than this computer's, no page, or a pid that is not a running process.
    """
    targets = _check(urls, pids)
    if sessions < 1 or runs < 1 or not pages:
        raise ValueError("Il faut au moins une session, une exécution et une page.")
    return asyncio.run(_load(targets, sessions, runs, [p.lstrip("/") for p in pages], pids, timeout))


# ---------------------------------------------------------------- the table


def _fr(value: float, digits: int = 2) -> str:
    return "–" if math.isnan(value) else f"{value:.{digits}f}".replace(".", ",")


def render(results: dict[str, LoadResult]) -> str:
    """A French plain-text table, one line per scenario (labelled "1 processus", "2 processus"…), then the errors."""
    header = ["scénario", "sessions", "exécutions", "erreurs", "p50 s", "p95 s", "max s", "débit (exécutions/s)",
              "CPU serveur s", "plancher médian s", "p50/plancher", "mémoire max Mo"]
    rows = [header]
    for label, r in results.items():
        memory = " / ".join(_fr(mb, 0) for mb in r.rss_peak_mb.values()) or "–"
        rows.append([label, str(r.sessions), str(len(r.records)), str(r.errors), _fr(r.p50), _fr(r.p95),
                     _fr(r.max_s), _fr(r.throughput), _fr(r.server_cpu_s, 1), _fr(r.floor_median),
                     _fr(r.ratio), memory])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                       for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
             for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    labels = list(results)
    if len(labels) > 1 and results[labels[0]].throughput > 0:
        for label in labels[1:]:
            lines.append(f"Débit « {label} » : {_fr(results[label].throughput / results[labels[0]].throughput)} × "
                         f"celui de « {labels[0]} ».")
    first = results[labels[0]] if labels else None
    if first is not None:
        lines.append("Plancher médian = plancher d'une salve / 2 + CPU par exécution / 2 ; plancher d'une salve = "
                     f"CPU serveur par exécution × sessions / {first.cores} cœurs. Exécutions par salves "
                     "simultanées.")
    for label, r in results.items():
        lines.append(f"{label} : durée {_fr(r.wall_s, 1)} s ; CPU du client de charge {_fr(r.client_cpu_s, 1)} s, "
                     f"des autres processus de la machine {_fr(r.other_cpu_s, 1)} s (une mesure juste le veut proche "
                     "de 0).")
        for reason, count in r.error_counts().most_common():
            lines.append(f"  {count} × {reason}")
    return "\n".join(lines)


# ---------------------------------------------------------------- the command


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n > 1 else ''}"


def main(argv: list[str] | None = None) -> int:
    """`python -m benchmarks.load …`: run the load, print the table; 2 for an address refused or a bad pid."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load",
        description="Charge de sessions Streamlit simultanées sur les processus de l'application (protocole "
                    "websocket de Streamlit, sans navigateur).")
    parser.add_argument("--url", action="append", required=True,
                        help="adresse d'un processus (http://127.0.0.1:PORT), une par processus ; cet ordinateur seul")
    parser.add_argument("--pid", action="append", type=int, required=True,
                        help="pid d'un processus, pour son CPU et sa mémoire (dans l'ordre des --url)")
    parser.add_argument("--sessions", type=int, default=50, help="sessions simultanées (50)")
    parser.add_argument("--runs", type=int, default=3, help="exécutions de page par session (3)")
    parser.add_argument("--pages", default=",participation,avancement",
                        help="chemins des pages, séparés par des virgules (vide : la page d'accueil)")
    parser.add_argument("--timeout", type=float, default=120, help="secondes permises par connexion et par exécution")
    parser.add_argument("--compare", action="store_true",
                        help="mesurer d'abord le premier processus seul (premier --url, premier --pid), puis tous")
    parser.add_argument("--no-warmup", action="store_true",
                        help="sans échauffement (sinon une session par processus ouvre chaque page, non comptée)")
    args = parser.parse_args(argv)
    pages = args.pages.split(",")
    scenarios = {f"{len(args.url)} processus": (args.url, args.pid)}
    if args.compare and len(args.url) > 1:
        scenarios = {"1 processus": (args.url[:1], args.pid[:1]), **scenarios}
    try:
        _check(args.url, args.pid)
        if not args.no_warmup:
            print("Échauffement…", file=sys.stderr)
            run_load(args.url, len(args.url), len(pages), pages, args.pid, args.timeout)
        results = {}
        for label, (urls, pids) in scenarios.items():
            print(f"{label} : {_count(args.sessions, 'session')} × {_count(args.runs, 'exécution')}…",
                  file=sys.stderr)
            results[label] = run_load(urls, args.sessions, args.runs, pages, pids, args.timeout)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
