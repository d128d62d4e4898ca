#!/usr/bin/env bash
# Proves that `make install` gives a sharelens that works without the Swift toolchain, and that
# `make uninstall` takes back all of it. make check-install runs it; make test does not, because the
# static release build it needs took about 8.5 minutes from a clean tree on 2 shared cores (under a
# minute once built).
#
# 1. make install PREFIX=<a new temporary directory>
# 2. ldd: the binary needs no library from the toolchain (libswift*, libFoundation*, libdispatch,
#    libBlocksRuntime, or anything under the toolchain directory); system ones (libgsl, libpq, libz,
#    libc …) are fine.
# 3. In a private mount namespace with an empty tmpfs over the toolchain directory (so, for these
#    processes only, /opt/swift is empty): sharelens --help, the yearly shares of the bundled dataset
#    (exit 0 and a CNY column), man -l on the installed page (at 80 columns, no example wrapped
#    mid-command), and the bash completion sourced by bash (complete -p sharelens). zsh and fish check their scripts' syntax where they are installed.
# 4. make uninstall PREFIX=… and nothing is left in the prefix.
#
# Needs root (or CAP_SYS_ADMIN) for unshare --mount; without it the toolchain cannot be hidden and
# the check fails rather than passing on a machine that still has the toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLCHAIN=${TOOLCHAIN:-$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")}
DATASET=datasets/btc-volume-by-currency-monthly.csv
prefix=$(mktemp -d "${TMPDIR:-/tmp}/sharelens-install.XXXXXX")
trap 'rm -rf "$prefix"' EXIT
fail() { echo "check-install: FAIL: $*" >&2; exit 1; }

echo "check-install: toolchain $TOOLCHAIN, prefix $prefix"
make --no-print-directory install PREFIX="$prefix"

binary=$prefix/bin/sharelens
for f in bin/sharelens share/man/man1/sharelens.1 share/bash-completion/completions/sharelens \
  share/zsh/site-functions/_sharelens share/fish/vendor_completions.d/sharelens.fish; do
  [ -s "$prefix/$f" ] || fail "make install did not write $f"
done

echo "check-install: ldd $binary"
libs=$(ldd "$binary")
echo "$libs" | sed 's/^/  /'
if echo "$libs" | grep -E "libswift|libFoundation|libdispatch|libBlocksRuntime|$TOOLCHAIN/"; then
  fail "the installed binary still needs the toolchain's libraries (above)"
fi

# Everything in this namespace runs with the toolchain directory hidden; each command's output goes
# to a file in $out, read afterwards.
out=$(mktemp -d "${TMPDIR:-/tmp}/sharelens-install-out.XXXXXX")
trap 'rm -rf "$prefix" "$out"' EXIT
unshare --mount --propagation private env \
  TOOLCHAIN="$TOOLCHAIN" PREFIX="$prefix" DATASET="$DATASET" OUT="$out" MANPAGER=cat MANWIDTH=80 bash -c '
  set -euo pipefail
  mount -t tmpfs tmpfs "$TOOLCHAIN"
  ls -A "$TOOLCHAIN" >"$OUT/toolchain"
  "$PREFIX/bin/sharelens" --help >"$OUT/help"
  "$PREFIX/bin/sharelens" shares "$DATASET" --every year >"$OUT/shares" 2>"$OUT/shares.err"
  man -l "$PREFIX/share/man/man1/sharelens.1" >"$OUT/man" 2>"$OUT/man.err"
  bash -c "source \"$PREFIX/share/bash-completion/completions/sharelens\" && complete -p sharelens" >"$OUT/complete"
  if command -v zsh >/dev/null; then zsh -n "$PREFIX/share/zsh/site-functions/_sharelens"; fi
  if command -v fish >/dev/null; then fish --no-execute "$PREFIX/share/fish/vendor_completions.d/sharelens.fish"; fi
' || { tail -n 5 "$out"/*.err 2>/dev/null || true; fail "a command failed with $TOOLCHAIN hidden"; }

[ ! -s "$out/toolchain" ] || fail "$TOOLCHAIN was not hidden: $(cat "$out/toolchain")"
echo "check-install: with $TOOLCHAIN hidden (an empty tmpfs over it, 0 entries):"
echo "  sharelens --help: $(head -n 1 "$out/help")"
grep -q "^OVERVIEW: " "$out/help" || fail "sharelens --help printed no overview"
echo "  sharelens shares $DATASET --every year:"
sed 's/^/    /' "$out/shares"
head -n 1 "$out/shares" | grep -qw "CNY" || fail "sharelens shares printed no CNY column"
echo "  man -l share/man/man1/sharelens.1:"
head -n 6 "$out/man" | sed 's/^/    /'
grep -q "^SHARELENS(1)" "$out/man" || fail "man -l did not render sharelens.1: $(cat "$out/man.err")"
# The man page, at 80 columns, keeps each example a command that can be pasted: in every EXAMPLE(S)
# block (to a blank line) each line is a command or follows a line ending in a backslash.
wrapped=$(awk '/^ *EXAMPLES?$/ { inside = 1; next }
  inside && /^ *$/ { inside = 0 }
  inside { if ($1 != "sharelens" && !continues) print; continues = /\\$/ }' "$out/man")
[ -z "$wrapped" ] || fail "man sharelens wraps an example mid-command at 80 columns: $wrapped"
echo "  man: $(grep -c "^ *EXAMPLES\?$" "$out/man") example sections, no example wrapped at 80 columns"
echo "  bash: $(cat "$out/complete")"
grep -q "^complete .* sharelens$" "$out/complete" || fail "the bash completion did not register for sharelens"

make --no-print-directory uninstall PREFIX="$prefix"
left=$(find "$prefix" -mindepth 1)
[ -z "$left" ] || fail "make uninstall left: $left"
echo "check-install: ok (installed, ran with $TOOLCHAIN hidden, uninstalled, nothing left)"
