#!/usr/bin/env bash
#
# Builds the pinned development tools (Kubernetes control plane, etcd, kwok,
# helm) from source with the Go toolchain and links them into bin/.
#
# Every tool is described by a small Go module under hack/tools/<tool>. The
# binaries are cached per tool, keyed by the pinned version and a hash of the
# helper module, so a tool is only rebuilt when its pin changes:
#
#   ${XDG_CACHE_HOME:-$HOME/.cache}/northflank-job-operator/tools/<tool>-<version>-<hash>/
#
# Usage: hack/build-tools.sh [tool...]      (default: all tools)
#        tools: kubernetes etcd kwok helm
#
# Environment:
#   BIN_DIR          where the tools are linked (default: <repo>/bin)
#   TOOLS_CACHE_DIR  cache location (default: see above)
#   GO               go command to use (default: go)
#
# Nothing is downloaded except Go modules through the configured module proxy.

set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_SRC_DIR="${ROOT_DIR}/hack/tools"
BIN_DIR="${BIN_DIR:-${ROOT_DIR}/bin}"
CACHE_DIR="${TOOLS_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME}/.cache}/northflank-job-operator/tools}"
GO="${GO:-go}"

ALL_TOOLS=(kubernetes etcd kwok helm)

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Prints the version that the helper module in hack/tools/<dir> requires for
# <module>, read straight from its go.mod (works without network access).
pinned_version() {
  local dir="$1" module="$2" version
  version="$(sed -nE "s#^[[:space:]]*(require[[:space:]]+)?${module//./\\.}[[:space:]]+(v[^[:space:]]+).*#\\2#p" \
    "${TOOLS_SRC_DIR}/${dir}/go.mod" | head -n 1)"
  [[ -n "${version}" ]] || die "cannot find ${module} in hack/tools/${dir}/go.mod"
  printf '%s\n' "${version}"
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum | cut -c1-64; else shasum -a 256 | cut -c1-64; fi
}

format_duration() {
  local s="$1"
  if ((s >= 60)); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "${s}"; fi
}

command -v "${GO}" >/dev/null 2>&1 || die "go not found (set GO=/path/to/go)"
GOOS="$("${GO}" env GOOS)"
GOARCH="$("${GO}" env GOARCH)"
PLATFORM="${GOOS}-${GOARCH}"

KUBE_VERSION="$(pinned_version kubernetes k8s.io/kubernetes)"
ETCD_VERSION="$(pinned_version etcd go.etcd.io/etcd/server/v3)"
KWOK_VERSION="$(pinned_version kwok sigs.k8s.io/kwok)"
HELM_VERSION="$(pinned_version helm helm.sh/helm/v3)"

# kube_ldflags stamps the release version into the Kubernetes binaries, the
# same variables the upstream release build sets.
kube_ldflags() {
  local v="${KUBE_VERSION}" major minor pkg flags=""
  major="${v#v}"; major="${major%%.*}"
  minor="${v#v*.}"; minor="${minor%%.*}"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    flags+=" -X ${pkg}.gitVersion=${v}"
    flags+=" -X ${pkg}.gitMajor=${major}"
    flags+=" -X ${pkg}.gitMinor=${minor}"
    flags+=" -X ${pkg}.gitTreeState=clean"
    flags+=" -X ${pkg}.buildDate=1970-01-01T00:00:00Z"
  done
  printf '%s' "${flags# }"
}

helm_ldflags() {
  # Helm reports the Kubernetes version of the client libraries it was built
  # with as the default capabilities for `helm template` and `helm lint`.
  local client_go major minor flags=""
  client_go="$(sed -nE 's#^[[:space:]]*k8s\.io/client-go[[:space:]]+v0\.([0-9]+)\..*#\1#p' \
    "${TOOLS_SRC_DIR}/helm/go.mod" | head -n 1)"
  [[ -n "${client_go}" ]] || die "cannot find k8s.io/client-go in hack/tools/helm/go.mod"
  major=1 minor="${client_go}"
  flags+="-X helm.sh/helm/v3/internal/version.version=${HELM_VERSION}"
  flags+=" -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
  for pkg in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
    flags+=" -X ${pkg}.k8sVersionMajor=${major} -X ${pkg}.k8sVersionMinor=${minor}"
  done
  printf '%s' "${flags}"
}

# tool_recipe <tool> sets RECIPE_* for the tool: version, packages to build,
# extra linker flags and the binaries the build produces.
tool_recipe() {
  case "$1" in
    kubernetes)
      RECIPE_VERSION="${KUBE_VERSION}"
      RECIPE_PACKAGES=(k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager
        k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl)
      RECIPE_LDFLAGS="$(kube_ldflags)"
      RECIPE_OUTPUTS=(kube-apiserver kube-controller-manager kube-scheduler kubectl)
      ;;
    etcd)
      RECIPE_VERSION="${ETCD_VERSION}"
      RECIPE_PACKAGES=(.)
      RECIPE_LDFLAGS=""
      RECIPE_OUTPUTS=(etcd)
      ;;
    kwok)
      RECIPE_VERSION="${KWOK_VERSION}"
      RECIPE_PACKAGES=(sigs.k8s.io/kwok/cmd/kwok sigs.k8s.io/kwok/cmd/kwokctl)
      RECIPE_LDFLAGS=""
      RECIPE_OUTPUTS=(kwok kwokctl)
      ;;
    helm)
      RECIPE_VERSION="${HELM_VERSION}"
      RECIPE_PACKAGES=(helm.sh/helm/v3/cmd/helm)
      RECIPE_LDFLAGS="$(helm_ldflags)"
      RECIPE_OUTPUTS=(helm)
      ;;
    *) die "unknown tool '$1' (known: ${ALL_TOOLS[*]})" ;;
  esac
}

# cache_key <tool> hashes everything that influences the build output.
cache_key() {
  local tool="$1" src="${TOOLS_SRC_DIR}/$1"
  {
    printf 'platform=%s\nldflags=%s\npackages=%s\n' "${PLATFORM}" "${RECIPE_LDFLAGS}" "${RECIPE_PACKAGES[*]}"
    (cd "${src}" && find . -type f \( -name '*.go' -o -name go.mod -o -name go.sum \) | LC_ALL=C sort |
      while read -r f; do printf '%s\n' "${f}"; cat "${f}"; done)
  } | sha256 | cut -c1-12
}

# link_into <dir> <source> <name>: points <dir>/<name> at <source>.
link_into() {
  mkdir -p "$1"
  ln -sfn "$2" "$1/$3"
}

build_tool() {
  local tool="$1" key dest start elapsed tmp build_log out
  tool_recipe "${tool}"
  key="$(cache_key "${tool}")"
  dest="${CACHE_DIR}/${tool}-${RECIPE_VERSION}-${key}"
  start=${SECONDS}

  if [[ ! -f "${dest}/.complete" ]]; then
    mkdir -p "${CACHE_DIR}"
    # Serialize concurrent builds of the same tool (e.g. two checkouts).
    exec {lock_fd}>"${CACHE_DIR}/.${tool}.lock"
    if command -v flock >/dev/null 2>&1; then flock "${lock_fd}"; fi
  fi

  if [[ -f "${dest}/.complete" ]]; then
    log "$(printf '%-11s %-9s cached   (%s)' "${tool}" "${RECIPE_VERSION}" "${dest}")"
  else
    log "$(printf '%-11s %-9s building ...' "${tool}" "${RECIPE_VERSION}")"
    rm -rf "${dest}"
    tmp="$(mktemp -d "${CACHE_DIR}/.${tool}.XXXXXX")"
    TMP_BUILD_DIR="${tmp}" # removed by the EXIT trap if we do not get to the end
    build_log="${dest}.log"
    if ! (
      cd "${TOOLS_SRC_DIR}/${tool}"
      export CGO_ENABLED=0
      "${GO}" build -buildvcs=false -trimpath -ldflags "-s -w ${RECIPE_LDFLAGS}" \
        -o "${tmp}/" "${RECIPE_PACKAGES[@]}"
    ) >"${build_log}" 2>&1; then
      log "error: building ${tool} ${RECIPE_VERSION} failed after $(format_duration $((SECONDS - start)));" \
        "last lines of ${build_log}:"
      tail -n 40 "${build_log}" >&2
      exit 1
    fi
    for out in "${RECIPE_OUTPUTS[@]}"; do
      if [[ ! -x "${tmp}/${out}" ]]; then
        log "error: building ${tool} did not produce ${out}; last lines of ${build_log}:"
        tail -n 40 "${build_log}" >&2
        exit 1
      fi
    done
    printf '%s\n' "${RECIPE_VERSION}" >"${tmp}/VERSION"
    mv "${build_log}" "${tmp}/build.log"
    mv "${tmp}" "${dest}"
    TMP_BUILD_DIR=""
    touch "${dest}/.complete"
    elapsed=$((SECONDS - start))
    log "$(printf '%-11s %-9s built in %s' "${tool}" "${RECIPE_VERSION}" "$(format_duration "${elapsed}")")"
  fi
  if [[ -n "${lock_fd:-}" ]]; then exec {lock_fd}>&-; unset lock_fd; fi

  for out in "${RECIPE_OUTPUTS[@]}"; do
    link_into "${BIN_DIR}" "${dest}/${out}" "${out}"
  done
}

# kube-api-test (io.fabric8:kube-api-test) looks for binaries in
# $KUBE_API_TEST_DIR/k8s/<version>-<os>-<arch>/{etcd,kube-apiserver,kubectl}
# and only downloads when that directory is missing.
layout_kube_api_test() {
  local dir="${BIN_DIR}/kube-api-test/k8s/${KUBE_VERSION#v}-${PLATFORM}" name
  for name in etcd kube-apiserver kubectl; do
    [[ -e "${BIN_DIR}/${name}" ]] || return 0
  done
  mkdir -p "${dir}"
  for name in etcd kube-apiserver kubectl; do
    link_into "${dir}" "$(readlink "${BIN_DIR}/${name}")" "${name}"
  done
}

write_env_file() {
  cat >"${BIN_DIR}/tools.env" <<EOF
# Generated by hack/build-tools.sh; versions of the tools linked in this directory.
KUBE_VERSION=${KUBE_VERSION}
ETCD_VERSION=${ETCD_VERSION}
KWOK_VERSION=${KWOK_VERSION}
HELM_VERSION=${HELM_VERSION}
KUBE_API_TEST_DIR=${BIN_DIR}/kube-api-test
KUBE_API_TEST_API_SERVER_VERSION=${KUBE_VERSION#v}
EOF
}

TMP_BUILD_DIR=""
cleanup() {
  if [[ -n "${TMP_BUILD_DIR}" ]]; then rm -rf "${TMP_BUILD_DIR}"; fi
}
trap cleanup EXIT

main() {
  local tools=("$@") tool total_start=${SECONDS}
  ((${#tools[@]})) || tools=("${ALL_TOOLS[@]}")
  for tool in "${tools[@]}"; do tool_recipe "${tool}"; done # validate names first

  mkdir -p "${BIN_DIR}"
  for tool in "${tools[@]}"; do
    build_tool "${tool}"
  done
  layout_kube_api_test
  write_env_file
  log "tools ready in ${BIN_DIR} ($(format_duration $((SECONDS - total_start))) total)"
}

main "$@"
