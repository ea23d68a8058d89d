#!/usr/bin/env python
"""The floor under import-100k: the least work any pure-Python importer of the consolidated
workbook has to do, with none of lzfk's checks.

    python benchmarks/floor.py WORKBOOK OUTDIR [--normalise]

It reads the sheet with python-calamine (as lzfk does), then for every row: takes the cells by
header position, hashes an ID, splits the measures cell on a naive marker pattern, renders the
point as YAML text, and finally writes one file per department. Nothing is validated or
normalised; there is no safety scan of the zip, no records, no merging with an existing
register, no atomic writes. With ``--normalise`` the text cells go through lzfk's own
``clean_text`` and the measures through ``split_numbered`` (the two normalisers every imported
point needs).

run.py times it like an lzfk command (a fresh interpreter, stdout captured) and prints its ratio
to calamine's read as a reference line, so that the margin the import-100k goal leaves for
everything lzfk really does can be read off. It prints a JSON summary (rows, measures, files).
"""

from __future__ import annotations

import gc
import json
import re
import sys
from hashlib import blake2b
from pathlib import Path

# The generated workbook's header (benchmarks/datagen.py); cells are found by these labels.
COLUMNS = ("单位/科室", "岗位", "风险类别", "风险点", "廉政风险主要内容及表现形式", "风险等级", "防控措施", "部门负责人", "责任领导")
NAIVE_MARKER = re.compile(r"[；;。\n]?\s*(?:\d{1,2}[.．、]|[(（]\d{1,2}[)）]|[①-⑳])")


def main(argv: list[str]) -> int:
    gc.disable()  # as lzfk's console script does
    workbook, out = Path(argv[0]), Path(argv[1])
    normalise = "--normalise" in argv[2:]
    if normalise:
        from lzfk.normalize import clean_text, split_numbered
    else:
        def clean_text(text: object) -> str:
            return str(text)

        def split_numbered(text: object) -> list[str]:
            return [part for part in NAIVE_MARKER.split(str(text)) if part]

    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(workbook)).get_sheet_by_index(0).to_python()
    header_row = next(i for i, row in enumerate(rows) if "风险点" in row)
    header = rows[header_row]
    dept_i, title_i, type_i, desc_i, manif_i, level_i, meas_i, head_i, leader_i = (header.index(c) for c in COLUMNS)
    files: dict[str, list[str]] = {}
    measures = 0
    for row in rows[header_row + 1:]:
        dept, title, description = row[dept_i], row[title_i], clean_text(row[desc_i])
        key = f"{dept}\x1f{title}\x1f{description}".encode()
        parts = [
            "  - id: R-", blake2b(key, digest_size=6).hexdigest(),
            "\n    position: ", title,
            "\n    type: ", row[type_i],
            "\n    description: ", description,
            "\n    manifestation: ", clean_text(row[manif_i]),
            "\n    level: ", row[level_i],
            "\n    department_head: ", row[head_i],
            "\n    responsible_leader: ", row[leader_i],
            "\n    measures:\n",
        ]
        for text in split_numbered(row[meas_i]):
            parts += ("      - text: ", text, "\n")
            measures += 1
        files.setdefault(dept, []).append("".join(parts))
    out.mkdir(parents=True, exist_ok=True)
    for n, (dept, points) in enumerate(files.items()):
        (out / f"{n:04d}.yaml").write_text(f"department: {dept}\nrisk_points:\n" + "".join(points), "utf-8")
    json.dump({"rows": sum(map(len, files.values())), "measures": measures, "files": len(files)}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
