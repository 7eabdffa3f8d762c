import sys

from edukg.cli import main

sys.exit(main())
