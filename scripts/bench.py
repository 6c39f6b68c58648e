#!/usr/bin/env python3
"""Benchmark harness for `make bench` (issue 6).

Measures the release build of `friction` against the reference C parsers'
own command-line tools reading the same files, each command run several
times after a warm-up, and reports the median wall time, throughput, peak
memory and the ratio to the reference:

  1. the GitLab handbook folder: `friction lint --format json` against
     `cmark-gfm -e table -e strikethrough -e autolink -e tasklist` over the
     same files in one process;
  2. the DITA folder: `friction lint --format json` against
     `xmllint --noout --nonet` over the same files;
  3. one typical policy file (the pre-commit case);
  4. the GitLab folder copied 1, 2 and 4 times (time and memory growth);
  5. `--jobs 1` against the default job count (parallel speed-up), and
     whether both print the same bytes.

Each command is started with posix_spawn, not `subprocess` (which took some
5 ms to start a process here), and timed with a monotonic clock; CPU time
and peak resident memory come from the child's own resource usage
(wait4). No wrapper process: run under GNU time, friction took some 5%
more time than alone here, and cmark-gfm did not. The table is printed and written to
bench/results.md with the machine's core count, the load average and the
steal time over the whole run (time the host gave to other guests). Corpus cases are skipped
with a message when ../shared/corpus is absent.

  scripts/bench.py [--runs N] [--binary PATH] [--corpus DIR] [--output FILE]
"""
import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GITLAB = "markdown/spicysoft+jp-www-gitlab-com"
DITA = "xml/eoin-bravent+fardita"
POLICY = "Policies/returns-and-refunds.md"
MARKDOWN_EXTENSIONS = {".md", ".markdown", ".mdown", ".mkd", ".mdx"}
XML_EXTENSIONS = {".xml", ".dita", ".dbk", ".docbook", ".akn"}
CMARK = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist"]
XMLLINT = ["xmllint", "--noout", "--nonet"]


def files_under(folder, extensions):
    """Relative paths of the files friction would read, sorted."""
    found = []
    for directory, _, names in os.walk(folder):
        for name in names:
            if os.path.splitext(name)[1].lower() in extensions:
                found.append(os.path.relpath(os.path.join(directory, name), folder))
    return sorted(found)


def size_of(folder, files):
    return sum(os.path.getsize(os.path.join(folder, f)) for f in files)


def run_once(command, cwd):
    """Wall and CPU (user + system) seconds and peak RSS (KB) of one run."""
    # posix_spawn takes no working directory (before Python 3.13): the
    # parent moves to `cwd` for the spawn and back.
    quiet = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
             (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
    here = os.getcwd()
    os.chdir(cwd)
    try:
        start = time.perf_counter()
        child = os.posix_spawnp(command[0], command, os.environ, file_actions=quiet)
        _, status, usage = os.wait4(child, 0)
        wall = time.perf_counter() - start
    finally:
        os.chdir(here)
    if not os.WIFEXITED(status):
        sys.exit(f"bench: {command[0]} did not finish (status {status})")
    # ru_maxrss is in kilobytes on Linux.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(command, cwd, runs, warmup=1):
    """Median wall and CPU seconds and the largest peak RSS (KB) over `runs`
    runs. CPU time says what the work costs when the machine is shared and
    wall time drifts with its load."""
    return measure_interleaved([command], cwd, runs, warmup)[0]


def measure_interleaved(commands, cwd, runs, warmup=1):
    """`measure` for several commands taken in turn, so that a drift in the
    machine's speed falls on all of them alike and their ratio holds. The
    order is reversed every other round (A B, B A, A B ...): on the 2-core
    machines a command run right after another was often a few percent
    faster, which favoured whichever came second."""
    samples = [[] for _ in commands]
    for index in range(warmup + runs):
        order = list(zip(commands, samples))
        if index % 2:
            order.reverse()
        for command, kept in order:
            sample = run_once(command, cwd)
            if index >= warmup:
                kept.append(sample)
    return [Measurement(statistics.median(s[0] for s in kept), statistics.median(s[1] for s in kept),
                        max(s[2] for s in kept)) for kept in samples]


class Measurement:
    def __init__(self, wall, cpu, peak):
        self.wall, self.cpu, self.peak = wall, cpu, peak


def steal_seconds():
    """CPU time the hypervisor gave to other guests on this machine's cores
    so far (Linux /proc/stat), or None where the kernel does not say. On a
    shared virtual machine it tells a slow run caused by the host from one
    caused by the code: friction uses every core and the reference tools
    one, so time taken from a core falls on friction's side of the ratio."""
    try:
        with open("/proc/stat") as stat:
            fields = stat.readline().split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def output_of(command, cwd):
    return subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout


class Table:
    def __init__(self):
        self.rows = []

    def add(self, case, command, files, size, measured, reference=None):
        wall = measured.wall
        self.rows.append({
            "case": case, "command": command, "files": files, "mb": size / 1e6, "wall": wall, "cpu": measured.cpu,
            "mbs": size / 1e6 / wall if wall > 0 and size else None,
            "fps": files / wall if wall > 0 and files else None,
            "rss": measured.peak / 1024, "ratio": wall / reference.wall if reference else None,
        })
        row = self.rows[-1]
        print(f"  {case:<34} {command:<22} {self.format(row)}", flush=True)

    @staticmethod
    def format(row):
        cells = [
            f"{row['wall']:.3f} s", f"{row['cpu']:.2f} s", f"{row['mbs']:.1f}" if row["mbs"] else "-",
            f"{row['fps']:.0f}" if row["fps"] else "-", f"{row['rss']:.0f} MB",
            f"{row['ratio']:.2f}x" if row["ratio"] else "-",
        ]
        return "  ".join(cells)

    def markdown(self):
        lines = ["| case | command | files | MB | wall (median) | CPU (median) | MB/s | files/s | peak RSS | ratio |",
                 "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for row in self.rows:
            lines.append("| {} | {} | {} | {:.1f} | {:.3f} s | {:.2f} s | {} | {} | {:.0f} MB | {} |".format(
                row["case"], row["command"], row["files"] or "-", row["mb"], row["wall"], row["cpu"],
                f"{row['mbs']:.1f}" if row["mbs"] else "-", f"{row['fps']:.0f}" if row["fps"] else "-",
                row["rss"], f"{row['ratio']:.2f}x" if row["ratio"] else "-"))
        return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command after one warm-up (default 5)")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/friction"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--output", default=os.path.join(ROOT, "bench", "results.md"))
    args = parser.parse_args()

    friction = os.path.abspath(args.binary)
    if not os.access(friction, os.X_OK):
        sys.exit(f"bench: {friction} is missing; build it first (make bench does)")
    cores = os.cpu_count() or 1
    corpus = os.path.abspath(args.corpus)
    have_corpus = os.path.isdir(corpus)
    table = Table()
    notes = []
    print(f"bench: {cores} cores, {args.runs} runs per command after a warm-up (median wall and CPU time, largest peak RSS)")
    load_before = os.getloadavg()[0]
    steal_before = steal_seconds()
    started = time.perf_counter()

    # 3. One typical policy file: the pre-commit case. Needs no corpus.
    policy = os.path.join(ROOT, POLICY)
    runs = max(args.runs, 20)
    table.add("one policy file", "friction lint", 1, os.path.getsize(policy),
              measure([friction, "lint", "--format", "json", POLICY], ROOT, runs))

    if not have_corpus:
        message = f"bench: {corpus} is absent; skipping the corpus cases (GitLab, DITA, scaling, jobs)"
        print(message)
        notes.append(message)
    else:
        for tool in ("cmark-gfm", "xmllint"):
            if shutil.which(tool) is None:
                sys.exit(f"bench: {tool} is missing: scripts/install-deps.sh --bench")
        gitlab = os.path.join(corpus, GITLAB)
        dita = os.path.join(corpus, DITA)

        # 1. GitLab handbook against cmark-gfm over the same files, one process.
        markdown_files = files_under(gitlab, MARKDOWN_EXTENSIONS)
        size = size_of(gitlab, markdown_files)
        reference, gitlab_default = measure_interleaved(
            [CMARK + markdown_files, [friction, "lint", "--format", "json", "."]], gitlab, args.runs)
        table.add("GitLab handbook", "cmark-gfm", len(markdown_files), size, reference)
        table.add("GitLab handbook", "friction lint", len(markdown_files), size, gitlab_default, reference)

        # 2. DITA folder against xmllint over the same files, one process.
        xml_files = files_under(dita, XML_EXTENSIONS)
        size = size_of(dita, xml_files)
        reference, linted = measure_interleaved(
            [XMLLINT + xml_files, [friction, "lint", "--format", "json", "."]], dita, args.runs)
        table.add("DITA (FAR)", "xmllint --noout", len(xml_files), size, reference)
        table.add("DITA (FAR)", "friction lint", len(xml_files), size, linted, reference)

        # 4. The GitLab folder copied 1, 2 and 4 times: cost against work.
        size = size_of(gitlab, markdown_files)
        with tempfile.TemporaryDirectory(prefix="friction-bench-") as scratch:
            for index in range(4):
                shutil.copytree(gitlab, os.path.join(scratch, f"copy{index}"))
            # Taken in turn, so that all three see the machine alike.
            counts = (1, 2, 4)
            measured = measure_interleaved(
                [[friction, "lint", "--format", "json"] + [f"copy{i}" for i in range(copies)] for copies in counts],
                scratch, args.runs)
            for copies, result in zip(counts, measured):
                table.add(f"GitLab x{copies}", "friction lint", len(markdown_files) * copies, size * copies,
                          result, measured[0])

        # 5. --jobs 1 against the default, and the same bytes either way.
        serial, parallel = measure_interleaved([[friction, "lint", "--format", "json", "--jobs", "1", "."],
                                                [friction, "lint", "--format", "json", "."]], gitlab, args.runs)
        table.add("GitLab --jobs 1 (ratio: default, measured beside it)", "friction lint", len(markdown_files), size,
                  serial, parallel)
        same = output_of([friction, "lint", "--format", "json", "--jobs", "1", "."], gitlab) == \
            output_of([friction, "lint", "--format", "json", "."], gitlab)
        notes.append(f"`--jobs 1` and the default job count print {'the same bytes' if same else 'DIFFERENT output'}"
                     f" over the GitLab folder; default speed-up {serial.wall / parallel.wall:.2f}x"
                     f" (default run beside it: {parallel.wall:.3f} s wall, {parallel.cpu:.2f} s CPU).")
        print("  " + notes[-1])

    steal_after = steal_seconds()
    if steal_before is not None and steal_after is not None:
        elapsed = time.perf_counter() - started
        steal = (f"Steal time (the host running other work on these cores): {steal_after - steal_before:.1f} s "
                 f"of {elapsed * cores:.0f} core-seconds.")
    else:
        steal = "Steal time: not reported by this system."
    print(f"bench: {steal}")
    header = [
        "# Benchmark results",
        "",
        f"Generated by `make bench` (scripts/bench.py) on {datetime.date.today().isoformat()}: "
        f"{platform.system()} {platform.machine()}, **{cores} cores**, "
        f"median of {args.runs} runs after a warm-up (one policy file: {runs} runs). "
        "Ratio: wall time over the reference command's on the same files "
        "(GitLab xN: over the x1 run; `--jobs 1`: over the default run). "
        "Commands compared with each other run in turn, the order reversed every other round (A B, B A, ...). "
        "CPU is user + system time; it holds better than wall time on a busy machine. "
        f"Load average (1 min): {load_before:.1f} before, {os.getloadavg()[0]:.1f} after. {steal}",
        "",
    ]
    body = header + [table.markdown(), ""] + [f"- {note}" for note in notes]
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w") as handle:
        handle.write("\n".join(body) + "\n")
    print(f"bench: wrote {os.path.relpath(args.output, ROOT)}")


if __name__ == "__main__":
    main()
