#!/usr/bin/env python3
"""Adds an `expected_id` column to the yente UN positives (opensanctions/yente, MIT).

positives_un_untreated.csv holds real UN Security Council list names; positives_un_treated.csv
holds the same rows scrambled (reordered, typos); row i of one is row i of the other. The id
of row i is found by matching the *untreated* full_name exactly (case-insensitive, whitespace
collapsed) against the names of the UN consolidated XML: FIRST..FOURTH_NAME joined, and every
alias. Rows whose name is not found, or is found on more than one record, get no id.

Usage: derive_un_expected_ids.py UN_XML UNTREATED.csv TREATED.csv OUT_UNTREATED OUT_TREATED
Ids are written as tamiz ids: un_sc:<REFERENCE_NUMBER>.
"""
import csv
import sys
import xml.etree.ElementTree as ET


def norm(s):
    return " ".join((s or "").upper().split())


def main():
    un_xml, untreated, treated, out_u, out_t = sys.argv[1:6]
    names = {}
    root = ET.parse(un_xml).getroot()
    for rec in list(root.iter("INDIVIDUAL")) + list(root.iter("ENTITY")):
        ref = (rec.findtext("REFERENCE_NUMBER") or "").strip()
        if not ref:
            continue
        parts = [rec.findtext(t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
        cands = [" ".join(p for p in parts if p)]
        for alias in list(rec.iter("INDIVIDUAL_ALIAS")) + list(rec.iter("ENTITY_ALIAS")):
            cands.append(alias.findtext("ALIAS_NAME") or "")
        for c in cands:
            k = norm(c)
            if k:
                names.setdefault(k, set()).add("un_sc:" + ref)
    with open(untreated, newline="", encoding="utf-8") as f:
        urows = list(csv.DictReader(f))
    with open(treated, newline="", encoding="utf-8") as f:
        trows = list(csv.DictReader(f))
    assert len(urows) == len(trows)
    found = 0
    for u, t in zip(urows, trows):
        ids = names.get(norm(u["full_name"]), set())
        eid = next(iter(ids)) if len(ids) == 1 else ""
        found += 1 if eid else 0
        u["expected_id"] = eid
        t["expected_id"] = eid
    for rows, path in ((urows, out_u), (trows, out_t)):
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            w.writeheader()
            w.writerows(rows)
    print(f"{found}/{len(urows)} rows with an expected id", file=sys.stderr)


if __name__ == "__main__":
    main()
