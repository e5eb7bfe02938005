"""Analytics (and the quality check, when `designer.quality` exists) of a snapshot at 10,
50, 200 and 500 nuggets: median time of N runs. Pure functions: no database involved.

    python bench/bench_analysis.py [--repeat 50]
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util

from _support import SIZES, generated_design, machine, median_ms
from _support import table as render

from designer.core.analytics import analyse
from designer.core.snapshot import from_dict


def quality_check():
    """The quality engine's entry point, when the quality package is installed."""
    if importlib.util.find_spec("designer.quality") is None:
        return None
    quality = importlib.import_module("designer.quality")
    for name in ("check", "run_checks", "evaluate"):
        if callable(getattr(quality, name, None)):
            return getattr(quality, name)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    check = quality_check()
    rows = []
    for size in SIZES:
        snap = from_dict(generated_design(size))
        row = [size, f"{median_ms(lambda s=snap: analyse(s), args.repeat):.2f}"]
        if check is not None:
            row.append(f"{median_ms(lambda s=snap: check(s), args.repeat):.2f}")
        rows.append(row)
    headers = ["nuggets", "analyse() ms"] + (["quality check ms"] if check else [])
    note = "" if check else " (designer.quality not present: quality check not measured)"
    print(f"median of {args.repeat}{note}; {machine()}\n\n{render(headers, rows)}")


if __name__ == "__main__":
    main()
