"""Entry script of the PyInstaller bundle: the `artdesk` command, exactly as installed by pip.

PyInstaller runs this file as ``__main__``; it only hands over to the real command so that the
bundle and ``pip install artdesk`` behave the same.
"""

import multiprocessing
import sys

from artdesk.cli.main import main

if __name__ == "__main__":
    # Worker processes (e.g. the demo catalog's picture drawing) re-run the executable;
    # freeze_support() turns those runs into workers instead of a second artdesk command.
    multiprocessing.freeze_support()
    sys.exit(main())
