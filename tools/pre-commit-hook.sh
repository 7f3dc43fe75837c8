#!/bin/sh
# Entry point of the pre-commit hooks (.pre-commit-hooks.yaml): builds
# virtlint in pre-commit's clone of this repository on first use, then runs
# it on the staged files pre-commit passes.  Quiet build; its errors show.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -x "$here/virtlint" ]; then
    make -s -C "$here" virtlint >&2
fi
exec "$here/virtlint" --concise "$@"
