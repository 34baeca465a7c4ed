"""Runs `leakscan scan` on one app at a time and measures it: shared by eval-taintbench and eval-realapps.

One run is one process (`bin/leakscan scan APP -f json ...`), its JSON report read from standard
output, its wall time measured here and its peak resident set size taken from the kernel's
accounting of that child (wait4's ru_maxrss: bin/leakscan execs java, so it is the JVM's own). A
run past the outer timeout is killed with its whole process group and counted as a failure.
"""
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
SHARED = os.path.normpath(os.path.join(PROJECT, "..", "shared"))
DEFAULT_LAUNCHER = os.path.join(PROJECT, "bin", "leakscan")
LIMIT_KIND = "analysis-limit"


class Run:
    """One scan of one app: how it ended, what it cost, and its report when there is one."""

    def __init__(self, app, status, exit_code, wall_s, peak_rss_kib, report, message):
        self.app = app
        self.status = status          # ok | timeout | failed
        self.exit_code = exit_code
        self.wall_s = wall_s
        self.peak_rss_kib = peak_rss_kib
        self.report = report
        self.message = message        # why it failed, or the report's errors; "" when none

    @property
    def ok(self):
        return self.status == "ok"

    @property
    def peak_rss_mib(self):
        return None if self.peak_rss_kib is None else self.peak_rss_kib / 1024

    def apps(self):
        return self.report["apps"] if self.report else []

    def flows(self):
        return [f for a in self.apps() for f in a.get("flows", [])]

    def limit_hit(self):
        """The `analysis-limit` entries of `unanalysed`, as one line each."""
        out = []
        for a in self.apps():
            for u in a.get("unanalysed", []):
                if u.get("kind") == LIMIT_KIND:
                    out.append("; ".join(u.get("where", [])) or LIMIT_KIND)
        return out

    def errors(self):
        """The report's `errors` messages."""
        return [e.get("message", "") for e in (self.report or {}).get("errors", [])]

    def as_json(self):
        return {"app": self.app, "status": self.status, "exitCode": self.exit_code, "wallSeconds": round(self.wall_s, 2),
                "peakRssMiB": None if self.peak_rss_kib is None else round(self.peak_rss_kib / 1024),
                "flows": len(self.flows()), "limitHit": self.limit_hit(), "errors": self.errors(),
                "message": self.message}


def check_launcher(launcher):
    """An error message when the launcher or the jar it runs is missing, else None."""
    if not os.path.isfile(launcher) or not os.access(launcher, os.X_OK):
        return f"{launcher} is not an executable launcher"
    if os.path.normpath(launcher) == os.path.normpath(DEFAULT_LAUNCHER) \
            and not os.path.isfile(os.path.join(PROJECT, "target", "leakscan.jar")):
        return "target/leakscan.jar missing: build with 'mvn -B -q package -DskipTests'"
    return None


def scan(launcher, app, extra_args=(), timeout_s=600.0):
    """Runs `launcher scan APP -f json EXTRA...`; a Run, never an exception for a failed scan."""
    command = [launcher, "scan", app, "-f", "json", *extra_args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout_s, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: keep Popen from waiting again
        rss = usage.ru_maxrss  # KiB on Linux
        if timed_out.is_set():
            return Run(app, "timeout", None, wall, rss, None, f"killed after the outer timeout of {timeout_s:g} s")
        out.seek(0)
        err.seek(0)
        stdout = out.read()
        stderr = err.read().decode("utf-8", "replace")
    code = process.returncode
    if code not in (0, 1, 3):
        return Run(app, "failed", code, wall, rss, None, f"exit {code}: {last_line(stderr)}")
    try:
        report = json.loads(stdout)
    except ValueError as e:
        return Run(app, "failed", code, wall, rss, None, f"exit {code}, no JSON report ({e}): {last_line(stderr)}")
    run = Run(app, "ok", code, wall, rss, report, "")
    if not run.apps():
        run.status = "failed"
        run.message = "; ".join(run.errors()) or f"exit {code}: no app in the report"
    else:
        run.message = "; ".join(run.errors())
    return run


def last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "(nothing on standard error)"


def apks_under(folder):
    """Every .apk/.xapk/.apks/.aab below `folder`, sorted by path."""
    found = []
    for directory, _, files in os.walk(folder):
        for name in files:
            if name.lower().endswith((".apk", ".xapk", ".apks", ".aab")):
                found.append(os.path.join(directory, name))
    return sorted(found)


def timing_summary(runs):
    """Median and max wall time and max peak RSS over the runs (failures included, they cost time too)."""
    times = [r.wall_s for r in runs]
    rss = [r.peak_rss_mib for r in runs if r.peak_rss_mib is not None]
    return {"runs": len(runs), "medianSeconds": statistics.median(times) if times else 0.0,
            "maxSeconds": max(times) if times else 0.0, "maxRssMiB": max(rss) if rss else 0.0}


def progress(message):
    print(message, file=sys.stderr, flush=True)
