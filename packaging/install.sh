#!/bin/sh
# Installs ecs-image into a prefix (default ~/.local):
#   PREFIX/bin/ecs-image                                   the launcher
#   PREFIX/share/ecs-image/ecs-image.jar                   the tool
#   PREFIX/share/ecs-image/archives/                       its start-up archives, one per java
#   PREFIX/share/bash-completion/completions/ecs-image     bash completion (loaded on demand)
#   PREFIX/share/man/man1/ecs-image.1                      the man page
#   PREFIX/share/man/zh_CN/man1/ecs-image.1                the man page in Chinese
# Usage: install.sh [--prefix DIR] [ecs-image-VERSION.tar.gz]
#        install.sh --uninstall [--prefix DIR]    removes those files again, and nothing else
# Without a tarball it installs the unpacked tree it sits in.
set -eu

prefix=$HOME/.local
tarball=
uninstall=
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) tarball=$1; shift ;;
  esac
done

# Removes the files install.sh puts into $prefix (and the start-up archives it and the tool made in
# share/ecs-image/archives), then the folders it made that are left empty. Anything else stays, also
# a foreign PREFIX/bin/ecs-image, and the per-user archives in ~/.cache/ecs-image (the tool makes
# those when it cannot write to the prefix; `rm -r ~/.cache/ecs-image` removes them). Running it
# again finds nothing to do.
uninstall() {
  removed=0
  launcher=$prefix/bin/ecs-image
  if [ -f "$launcher" ] && ! grep -q '^# ecs-image launcher:' "$launcher"; then
    echo "kept $launcher: it is not the ecs-image launcher"
  elif [ -e "$launcher" ] || [ -h "$launcher" ]; then
    rm -f "$launcher"; echo "removed $launcher"; removed=1
  fi
  if [ -d "$prefix/share/ecs-image/archives" ]; then
    rm -rf "$prefix/share/ecs-image/archives"; echo "removed $prefix/share/ecs-image/archives/"; removed=1
  fi
  for f in share/ecs-image/ecs-image.jar share/bash-completion/completions/ecs-image share/man/man1/ecs-image.1 share/man/zh_CN/man1/ecs-image.1; do
    if [ -e "$prefix/$f" ] || [ -h "$prefix/$f" ]; then
      rm -f "$prefix/$f"; echo "removed $prefix/$f"; removed=1
    fi
  done
  for d in share/ecs-image share/bash-completion/completions share/bash-completion share/man/man1 \
      share/man/zh_CN/man1 share/man/zh_CN share/man share bin; do
    if [ -d "$prefix/$d" ] && rmdir "$prefix/$d" 2>/dev/null; then
      echo "removed $prefix/$d/"
    fi
  done
  [ "$removed" = 1 ] || echo "ecs-image is not installed in $prefix: nothing to remove"
}

if [ -n "$uninstall" ]; then
  uninstall
  exit 0
fi

if [ -n "$tarball" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  tar -xzf "$tarball" -C "$work"
  src=$(echo "$work"/ecs-image-*)
else
  src=$(cd "$(dirname "$0")" && pwd -P)
fi
[ -f "$src/lib/ecs-image.jar" ] || { echo "install.sh: no lib/ecs-image.jar in $src" >&2; exit 1; }

mkdir -p "$prefix/bin" "$prefix/share/ecs-image/archives" "$prefix/share/bash-completion/completions" \
  "$prefix/share/man/man1" "$prefix/share/man/zh_CN/man1"
cp "$src/lib/ecs-image.jar" "$prefix/share/ecs-image/ecs-image.jar"
cp "$src/bin/ecs-image" "$prefix/bin/ecs-image"
chmod 755 "$prefix/bin/ecs-image"
cp "$src/completion/ecs-image.bash" "$prefix/share/bash-completion/completions/ecs-image"
cp "$src/man/ecs-image.1" "$prefix/share/man/man1/ecs-image.1"
cp "$src/man/zh_CN/man1/ecs-image.1" "$prefix/share/man/zh_CN/man1/ecs-image.1"

# The class-data archive is made here, for the java this machine runs, rather than shipped:
# an archive only serves the exact JVM build that wrote it. (For another java, the tool makes one
# in share/ecs-image/archives by itself, in the background, the first time it runs on it.)
if ECS_IMAGE_CDS_CREATE=1 "$prefix/bin/ecs-image"; then
  if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=$(command -v java); fi
  echo "made a class-data archive for $java"  # the java the launcher runs: JAVA_HOME first
else
  echo "no class-data archive (ecs-image still works, it just starts slower)"
fi

echo "installed $("$prefix/bin/ecs-image" --version) into $prefix"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "add $prefix/bin to your PATH" ;;
esac
