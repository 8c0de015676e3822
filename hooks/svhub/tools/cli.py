"""What every command-line script shares: clean errors and no tracebacks."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NoReturn


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with wrong flags reported in the hub's error style."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n    hint: run '{self.prog} --help' for the options\n")


def run(main: Callable[[], int]) -> NoReturn:
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = 0
    sys.exit(code)
