"""Every registered export format of a 200-nugget design with random asset files (10 MB
and 50 MB in all): wall time and peak memory of a fresh subprocess per format (its peak
resident set is reset just before the export and read just after it, next to its resident
set before the export), beside `zip -r` and `tar czf` of the same output (unpacked when it
is a zip).

    python bench/bench_exports.py [--nuggets 200] [--asset-mb 10,50]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from _support import bench_app, import_generated, machine
from _support import table as render

ASSET_FILES = 50


def _status_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak since the last reset) of this process, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def _reset_peak() -> None:
    """Linux: writing 5 to clear_refs resets the peak resident set (VmHWM), so the peak
    read afterwards belongs to the export alone and not to what the process did before."""
    Path("/proc/self/clear_refs").write_text("5")


def child(data_dir: Path, design_id: int, key: str, out: Path) -> None:
    """Runs in its own process: export once, print time and memory as JSON."""
    from designer.extensions import db
    from designer.models import Design
    from designer.queries.exporting import export_to_file

    app = bench_app(data_dir)
    with app.app_context():
        design = db.session.get(Design, design_id)
        before = _status_mb("VmRSS")
        _reset_peak()
        start = time.perf_counter()
        export_to_file(design, key, out)
        seconds = time.perf_counter() - start
        peak = _status_mb("VmHWM")
    print(json.dumps({"seconds": seconds, "rss_before": before, "rss_peak": peak}))


def _timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def baselines(output: Path, work: Path) -> tuple[float, float]:
    """Seconds of `zip -r` and `tar czf` over the same content."""
    content = work / "content"
    shutil.rmtree(content, ignore_errors=True)
    content.mkdir()
    if zipfile.is_zipfile(output):
        with zipfile.ZipFile(output) as zf:
            zf.extractall(content)
    else:
        shutil.copy(output, content / output.name)
    zip_s = _timed(["zip", "-qr", str(work / "baseline.zip"), "."], content)
    tar_s = _timed(["tar", "czf", str(work / "baseline.tgz"), "."], content)
    return zip_s, tar_s


def prepare(folder: Path, nuggets: int, total_mb: int) -> int:
    from designer.extensions import db
    from designer.services import accounts, workspaces

    assets = folder / "assets"
    assets.mkdir(parents=True)
    per_file = total_mb * 1024 * 1024 // ASSET_FILES
    for i in range(ASSET_FILES):
        (assets / f"material-{i:02d}.bin").write_bytes(os.urandom(per_file))
    app = bench_app(folder / "data")
    with app.app_context():
        user = accounts.register(
            "bench@example.org",
            "Bench",
            "benchmark password",
            hash_method=app.config["PASSWORD_HASH_METHOD"],
        )
        workspace = workspaces.create_workspace(user, "Bench")
        db.session.commit()
        design_id = import_generated(app, workspace, nuggets, assets).id
        db.session.remove()
        db.engine.dispose()
    return design_id


def run(nuggets: int, sizes: list[int]) -> str:
    from designer.export.formats import formats

    rows = []
    for total_mb in sizes:
        folder = Path(tempfile.mkdtemp(prefix="kurswerk-bench-export-"))
        design_id = prepare(folder, nuggets, total_mb)
        for key, fmt in formats().items():
            out = folder / f"export.{fmt.extension}"
            result = subprocess.run(
                [sys.executable, __file__, "--child", key, str(folder / "data"), str(design_id)]
                + [str(out)],
                check=True,
                capture_output=True,
                text=True,
            )
            measured = json.loads(result.stdout.strip().splitlines()[-1])
            zip_s, tar_s = baselines(out, folder)
            rows.append(
                [
                    total_mb,
                    key,
                    f"{out.stat().st_size / 2**20:.1f}",
                    f"{measured['seconds']:.2f}",
                    f"{measured['rss_before']:.0f}",
                    f"{measured['rss_peak']:.0f}",
                    f"{measured['rss_peak'] - measured['rss_before']:.0f}",
                    f"{zip_s:.2f}",
                    f"{tar_s:.2f}",
                ]
            )
        shutil.rmtree(folder, ignore_errors=True)
    headers = [
        "assets MB",
        "format",
        "output MB",
        "export s",
        "RSS before MB",
        "peak RSS MB",
        "growth MB",
        "zip -r s",
        "tar czf s",
    ]
    return f"{nuggets} nuggets, {ASSET_FILES} random asset files; {machine()}\n\n" + render(
        headers, rows
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        key, data_dir, design_id, out = sys.argv[2:6]
        child(Path(data_dir), int(design_id), key, Path(out))
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nuggets", type=int, default=200)
    parser.add_argument("--asset-mb", default="10,50", help="total asset sizes to compare")
    args = parser.parse_args()
    print(run(args.nuggets, [int(x) for x in args.asset_mb.split(",")]))


if __name__ == "__main__":
    main()
