"""Assertions that count, for the Python test scripts: the same closing
"SUITE: N passed, N failed" line as tests/lib.sh prints for the shell ones,
and the same skips: skip(WHY) says a check cannot run here, and is a
failure when VIRTLINT_TEST_NO_SKIP=1 (CI sets it in .ci/run)."""
import os


def no_skip():
    """True when skipping is forbidden (VIRTLINT_TEST_NO_SKIP=1)."""
    return os.environ.get("VIRTLINT_TEST_NO_SKIP") == "1"


class Tally:
    def __init__(self, suite):
        self.suite = suite
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def check(self, ok, what):
        """Count OK; on failure print WHAT, which says what went wrong."""
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL: {what}")

    def skip(self, why):
        """A check that cannot run here, WHY: a skip, or with
        VIRTLINT_TEST_NO_SKIP=1 a failure with WHY under it."""
        if no_skip():
            self.check(False, "a skip, and VIRTLINT_TEST_NO_SKIP=1 forbids skipping:")
            print(f"  | {why}")
        else:
            self.skipped += 1
            print(f"{self.suite}: SKIP: {why}")

    def finish(self):
        """Print the closing line; the exit status for sys.exit()."""
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        print(f"{self.suite}: {self.passed} passed, {self.failed} failed{skipped}")
        return 1 if self.failed else 0
