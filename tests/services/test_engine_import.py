"""The similarity engine (NumPy, SciPy, scikit-learn: seconds to import) is imported when it is
needed, and a server warms it up in the background instead of making a request wait for it."""

import subprocess
import sys

from tests.conftest import REPO

CODE = """
import sys
from pathlib import Path
from artdesk.services.container import open_services

root = Path(sys.argv[1])
services = open_services(f"sqlite:///{root / 'catalog.sqlite'}", root / 'files')
partner = services.catalog.create_partner(name="Gallery One")
before = sorted(m for m in ("sklearn", "scipy") if m in sys.modules)
services.similar.warm_up().join(120)
after = sorted(m for m in ("sklearn", "scipy") if m in sys.modules)
match = services.similar.auto_link_artist("Gerhard Richter")
print(",".join(before) + "|" + ",".join(after) + "|" + repr(match))
services.close()
"""


def test_opening_a_catalog_does_not_import_the_engine_and_warm_up_does(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", CODE, str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    before, after, match = proc.stdout.strip().splitlines()[-1].split("|")
    assert before == ""  # a plain open (artdesk import, export, keys ...) pays nothing for it
    assert after == "scipy,sklearn"
    assert match == "None"  # the warmed-up engine answers: no artists yet, nothing to link
