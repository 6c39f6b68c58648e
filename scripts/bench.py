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

Timing uses GNU time (`/usr/bin/time`, Debian package `time`) for wall time
and peak resident memory. The table is printed and written to
bench/results.md with the machine's core count. Corpus cases are skipped
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GITLAB = "markdown/spicysoft+jp-www-gitlab-com"
DITA = "xml/eoin-bravent+fardita"
POLICY = "Policies/returns-and-refunds.md"
MARKDOWN_EXTENSIONS = {".md", ".markdown", ".mdown", ".mkd", ".mdx"}
XML_EXTENSIONS = {".xml", ".dita", ".dbk", ".docbook", ".akn"}
CMARK = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist"]
XMLLINT = ["xmllint", "--noout", "--nonet"]
TIME = "/usr/bin/time"


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


def measure(command, cwd, runs, warmup=1):
    """Median wall seconds and the largest peak RSS (KB) over `runs` runs."""
    walls, peaks = [], []
    for index in range(warmup + runs):
        with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
            subprocess.run([TIME, "-f", "%e %M", "-o", report.name] + command, cwd=cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall, peak = report.read().split()[-2:]
        if index >= warmup:
            walls.append(float(wall))
            peaks.append(int(peak))
    return statistics.median(walls), max(peaks)


def output_of(command, cwd):
    return subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout


class Table:
    def __init__(self):
        self.rows = []

    def add(self, case, command, files, size, wall, peak, reference=None):
        self.rows.append({
            "case": case, "command": command, "files": files, "mb": size / 1e6, "wall": wall,
            "mbs": size / 1e6 / wall if wall > 0 and size else None,
            "fps": files / wall if wall > 0 and files else None,
            "rss": peak / 1024, "ratio": wall / reference if reference else None,
        })
        row = self.rows[-1]
        print(f"  {case:<34} {command:<22} {self.format(row)}", flush=True)

    @staticmethod
    def format(row):
        cells = [
            f"{row['wall']:.3f} s", f"{row['mbs']:.1f}" if row["mbs"] else "-",
            f"{row['fps']:.0f}" if row["fps"] else "-", f"{row['rss']:.0f} MB",
            f"{row['ratio']:.2f}x" if row["ratio"] else "-",
        ]
        return "  ".join(cells)

    def markdown(self):
        lines = ["| case | command | files | MB | wall (median) | MB/s | files/s | peak RSS | ratio |",
                 "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for row in self.rows:
            lines.append("| {} | {} | {} | {:.1f} | {:.3f} s | {} | {} | {:.0f} MB | {} |".format(
                row["case"], row["command"], row["files"] or "-", row["mb"], row["wall"],
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
    if not os.access(TIME, os.X_OK):
        sys.exit("bench: GNU time (/usr/bin/time) is missing: scripts/install-deps.sh --bench")
    cores = os.cpu_count() or 1
    corpus = os.path.abspath(args.corpus)
    have_corpus = os.path.isdir(corpus)
    table = Table()
    notes = []
    print(f"bench: {cores} cores, {args.runs} runs per command after a warm-up (median wall time, largest peak RSS)")

    # 3. One typical policy file: the pre-commit case. Needs no corpus.
    policy = os.path.join(ROOT, POLICY)
    runs = max(args.runs, 20)
    wall, peak = measure([friction, "lint", "--format", "json", POLICY], ROOT, runs)
    table.add("one policy file", "friction lint", 1, os.path.getsize(policy), wall, peak)

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
        reference, peak = measure(CMARK + markdown_files, gitlab, args.runs)
        table.add("GitLab handbook", "cmark-gfm", len(markdown_files), size, reference, peak)
        wall, peak = measure([friction, "lint", "--format", "json", "."], gitlab, args.runs)
        table.add("GitLab handbook", "friction lint", len(markdown_files), size, wall, peak, reference)
        gitlab_wall = wall

        # 2. DITA folder against xmllint over the same files, one process.
        xml_files = files_under(dita, XML_EXTENSIONS)
        size = size_of(dita, xml_files)
        reference, peak = measure(XMLLINT + xml_files, dita, args.runs)
        table.add("DITA (FAR)", "xmllint --noout", len(xml_files), size, reference, peak)
        wall, peak = measure([friction, "lint", "--format", "json", "."], dita, args.runs)
        table.add("DITA (FAR)", "friction lint", len(xml_files), size, wall, peak, reference)

        # 4. The GitLab folder copied 1, 2 and 4 times: cost against work.
        size = size_of(gitlab, markdown_files)
        with tempfile.TemporaryDirectory(prefix="friction-bench-") as scratch:
            for copies in (1, 2, 4):
                for index in range(copies):
                    target = os.path.join(scratch, f"copy{index}")
                    if not os.path.exists(target):
                        shutil.copytree(gitlab, target)
                wall, peak = measure([friction, "lint", "--format", "json"] + [f"copy{i}" for i in range(copies)],
                                     scratch, max(1, args.runs // 2) if copies > 1 else args.runs)
                if copies == 1:
                    single = wall
                table.add(f"GitLab x{copies}", "friction lint", len(markdown_files) * copies, size * copies,
                          wall, peak, single)

        # 5. --jobs 1 against the default, and the same bytes either way.
        wall, peak = measure([friction, "lint", "--format", "json", "--jobs", "1", "."], gitlab, args.runs)
        table.add("GitLab --jobs 1 (ratio: default)", "friction lint", len(markdown_files), size, wall, peak,
                  gitlab_wall)
        same = output_of([friction, "lint", "--format", "json", "--jobs", "1", "."], gitlab) == \
            output_of([friction, "lint", "--format", "json", "."], gitlab)
        notes.append(f"`--jobs 1` and the default job count print {'the same bytes' if same else 'DIFFERENT output'}"
                     f" over the GitLab folder; default speed-up {wall / gitlab_wall:.2f}x.")
        print("  " + notes[-1])

    header = [
        "# Benchmark results",
        "",
        f"Generated by `make bench` (scripts/bench.py) on {datetime.date.today().isoformat()}: "
        f"{platform.system()} {platform.machine()}, **{cores} cores**, "
        f"median of {args.runs} runs after a warm-up (one policy file: {runs} runs). "
        "Ratio: wall time over the reference command's on the same files "
        "(GitLab xN: over the x1 run; `--jobs 1`: over the default run).",
        "",
    ]
    body = header + [table.markdown(), ""] + [f"- {note}" for note in notes]
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w") as handle:
        handle.write("\n".join(body) + "\n")
    print(f"bench: wrote {os.path.relpath(args.output, ROOT)}")


if __name__ == "__main__":
    main()
