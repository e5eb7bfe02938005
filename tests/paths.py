"""Where the test fixtures live."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "designer" / "seed"
EXAMPLE_JSON = SEED / "blended-course.json"
EXAMPLE_FILES = SEED / "files"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
