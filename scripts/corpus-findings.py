#!/usr/bin/env python3
"""Findings per 1,000 prose sentences for each folder of ../shared/corpus.

    scripts/corpus-findings.py [--tool .build/release/friction] [--sample N]

Runs `friction lint --format json` over each corpus folder and prints, per
folder: files, unreadable files, sentences, findings by rule and the rate per
1,000 sentences. --sample N prints N random findings (seeded) to judge by hand.
"""
import argparse, collections, json, os, random, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = os.path.join(os.path.dirname(root), "shared", "corpus")
ap = argparse.ArgumentParser()
ap.add_argument("--tool", default=os.path.join(root, ".build/release/friction"))
ap.add_argument("--sample", type=int, default=0)
ap.add_argument("--seed", type=int, default=7)
a = ap.parse_args()
a.tool = os.path.abspath(a.tool)
if not os.path.isdir(corpus):
    sys.exit(f"{corpus} is absent; nothing to measure")
folders = [os.path.join(kind, name) for kind in ("markdown", "xml")
           for name in sorted(os.listdir(os.path.join(corpus, kind))) if os.path.isdir(os.path.join(corpus, kind, name))]
sample_pool = []
# An empty configuration, so the project's own .friction.yml does not apply.
empty_config = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False).name
# Owner and review date are about the file, not its sentences: they are
# counted apart so the rate per 1,000 sentences measures sentence-level rules.
DOCUMENT_RULES = {"missing-owner", "missing-review-date"}
print(f"{'folder':52s} {'files':>6s} {'bad':>4s} {'sentences':>9s} {'findings':>8s} {'per 1k':>7s} {'doc-level':>9s}  top rules")
for folder in folders:
    p = subprocess.run([a.tool, "lint", "--format", "json", "--config", empty_config, folder],
                       cwd=corpus, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        print(f"{folder}: tool failed ({p.returncode}): {p.stderr[:300]}")
        continue
    doc = json.loads(p.stdout)
    sentences = sum(f.get("sentences", 0) for f in doc["files"])
    rules = collections.Counter()
    for f in doc["files"]:
        for fd in f["findings"]:
            if fd["rule"] == "parse-error":
                continue
            rules[fd["rule"]] += 1
            if fd["rule"] not in DOCUMENT_RULES:
                sample_pool.append((folder, f["path"], fd))
    bad = sum(1 for f in doc["files"] if f.get("error"))
    document_level = sum(n for r, n in rules.items() if r in DOCUMENT_RULES)
    total = sum(rules.values()) - document_level
    rate = 1000 * total / sentences if sentences else 0
    top = ", ".join(f"{r} {n}" for r, n in rules.most_common() if r not in DOCUMENT_RULES)
    print(f"{folder:52s} {len(doc['files']):6d} {bad:4d} {sentences:9d} {total:8d} {rate:7.1f} {document_level:9d}  {top}")
if a.sample:
    random.seed(a.seed)
    for folder, path, fd in random.sample(sample_pool, min(a.sample, len(sample_pool))):
        print(f"\n{path}:{fd['line']}:{fd['column']} [{fd['rule']}] {fd['text']}\n  {fd['message']}")
