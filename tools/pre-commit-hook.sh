#!/bin/sh
# Entry point of the pre-commit hooks (.pre-commit-hooks.yaml): builds
# virtlint in pre-commit's clone of this repository on first use, then runs
# it on the staged files pre-commit passes.  Quiet build; its errors show.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -x "$here/virtlint" ]; then
    make -s -C "$here" virtlint >&2
fi
# --filter-files: the files pre-commit names are treated like those of a
# directory run (.virtlintrc excludes apply, other XML is skipped)
exec "$here/virtlint" --concise --filter-files "$@"
