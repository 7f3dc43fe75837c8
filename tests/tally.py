"""Assertions that count, for the Python test scripts: the same closing
"SUITE: N passed, N failed" line as tests/lib.sh prints for the shell ones."""


class Tally:
    def __init__(self, suite):
        self.suite = suite
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        """Count OK; on failure print WHAT, which says what went wrong."""
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL: {what}")

    def finish(self):
        """Print the closing line; the exit status for sys.exit()."""
        print(f"{self.suite}: {self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0
