"""python -m artdesk"""

import sys

from artdesk.cli.main import main

sys.exit(main())
