"""`python -m clsm_data …`: the command line lives in clsm_data.cli."""

import sys

from clsm_data.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
