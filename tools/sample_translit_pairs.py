#!/usr/bin/env python3
"""Samples native-script / Latin name pairs into a tamiz pairs CSV (all true pairs).

Source: steveash/NETransliteration-COLING2018 Wikidata name pairs (CC0), files wd_russian_20,
wd_arabic_20 (`latin<TAB>n a t i v e letters spaced<TAB>count`) and wd_hebrew
(`Latin Name<TAB>Native Name`). Deterministic: random.seed(7), N pairs per script.

Usage: sample_translit_pairs.py WIKIDATA_PAIRS_DIR OUT.csv [N]
"""
import csv
import os
import random
import sys


def read(path, spaced):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            latin, native = parts[0], parts[1]
            if spaced:
                native = native.replace(" ", "")
            if latin and native:
                rows.append((latin, native))
    return rows


def main():
    src, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    random.seed(7)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["schema", "name1", "name2", "is_match", "category"])
        for script, name, spaced in (("cyrillic", "wd_russian_20", True),
                                     ("arabic", "wd_arabic_20", True),
                                     ("hebrew", "wd_hebrew", False)):
            rows = read(os.path.join(src, name), spaced)
            for latin, native in random.sample(rows, min(n, len(rows))):
                w.writerow(["Person", native, latin, "true", script])


if __name__ == "__main__":
    main()
