#!/usr/bin/env bash
# Installs sharelens under a prefix, or removes what an earlier install wrote there.
# Usage: scripts/install.sh install PREFIX BINARY MANUAL_DIR
#        scripts/install.sh uninstall PREFIX
# (make install / make uninstall run it; they build BINARY and the man pages in MANUAL_DIR first.)
#
# install writes PREFIX/bin/sharelens, the man pages (share/man/man1/sharelens.1 and one per
# subcommand), the bash, zsh and fish completions, and a list of every file and every directory it
# created, PREFIX/share/sharelens/install-manifest. uninstall removes the files on that list and then
# the directories on it that are empty, so a directory that was there before (bin, share/man) stays.
set -euo pipefail

usage() {
  echo "usage: $0 install PREFIX BINARY MANUAL_DIR | uninstall PREFIX" >&2
  exit 64
}

manifest_path() { echo "$1/share/sharelens/install-manifest"; }

# Creates a directory and each missing parent, writing every one it made to the manifest list.
make_dir() {
  local dir=$1 missing=()
  while [ ! -d "$dir" ]; do
    missing=("$dir" "${missing[@]}")
    dir=$(dirname "$dir")
  done
  for dir in "${missing[@]}"; do
    mkdir "$dir"
    created_dirs+=("$dir")
  done
}

put() { # put MODE SOURCE DEST
  make_dir "$(dirname "$3")"
  install -m "$1" "$2" "$3"
  created_files+=("$3")
}

do_install() {
  local prefix=$1 binary=$2 manual=$3
  [ -x "$binary" ] || { echo "install: no binary at $binary (make install builds it)" >&2; exit 66; }
  compgen -G "$manual/*.1" >/dev/null || { echo "install: no man pages in $manual" >&2; exit 66; }
  if [ -e "$(manifest_path "$prefix")" ]; then
    echo "install: $prefix already holds a sharelens install; make uninstall PREFIX=$prefix first" >&2
    exit 73
  fi
  created_dirs=()
  created_files=()
  put 755 "$binary" "$prefix/bin/sharelens"
  local page
  for page in "$manual"/*.1; do
    put 644 "$page" "$prefix/share/man/man1/$(basename "$page")"
  done
  local shell
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  for shell in bash zsh fish; do
    "$binary" --generate-completion-script "$shell" >"$scratch/$shell"
    [ -s "$scratch/$shell" ] || { echo "install: empty $shell completion script" >&2; exit 70; }
  done
  put 644 "$scratch/bash" "$prefix/share/bash-completion/completions/sharelens"
  put 644 "$scratch/zsh" "$prefix/share/zsh/site-functions/_sharelens"
  put 644 "$scratch/fish" "$prefix/share/fish/vendor_completions.d/sharelens.fish"
  local manifest
  manifest=$(manifest_path "$prefix")
  make_dir "$(dirname "$manifest")"
  created_files+=("$manifest")
  {
    printf 'file %s\n' "${created_files[@]}"
    # Deepest first, so uninstall can remove them in order.
    if ((${#created_dirs[@]})); then printf 'dir %s\n' "${created_dirs[@]}" | sort -r; fi
  } >"$manifest"
  printf 'installed %s\n' "${created_files[@]}"
}

do_uninstall() {
  local prefix=$1 manifest kind path
  manifest=$(manifest_path "$prefix")
  [ -f "$manifest" ] || { echo "uninstall: no sharelens install under $prefix ($manifest is missing)" >&2; exit 66; }
  local dirs=()
  while read -r kind path; do
    case $kind in
      file) rm -f -- "$path" && echo "removed $path" ;;
      dir) dirs+=("$path") ;;
    esac
  done <"$manifest"
  for path in "${dirs[@]}"; do
    rmdir -- "$path" 2>/dev/null || true
  done
}

# The manifest holds absolute paths, so uninstall works from any directory.
absolute() { realpath -m -- "$1"; }

case ${1:-} in
  install) [ $# -eq 4 ] || usage; do_install "$(absolute "$2")" "$3" "$4" ;;
  uninstall) [ $# -eq 2 ] || usage; do_uninstall "$(absolute "$2")" ;;
  *) usage ;;
esac
