"""Import the generated package from generated/allllms_translators (it is vendorable on its own)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "generated" / "allllms_translators"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
