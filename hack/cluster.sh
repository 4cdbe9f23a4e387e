#!/usr/bin/env bash
#
# Starts and stops a local Kubernetes cluster made of real control-plane
# processes (etcd, kube-apiserver, kube-controller-manager, kube-scheduler)
# and kwok, which simulates one worker node and the pods scheduled on it.
# Only the binaries built by hack/build-tools.sh are used; nothing is
# downloaded and no container runtime is needed.
#
# Usage:
#   hack/cluster.sh up [NAME]          start the cluster (no-op if it is running)
#   hack/cluster.sh down [NAME]        stop it and delete its state
#   hack/cluster.sh kubeconfig [NAME]  print the path of its kubeconfig
#   hack/cluster.sh env [NAME]         print `export KUBECONFIG=...`
#   hack/cluster.sh status [NAME]      exit 0 if the cluster answers
#   hack/cluster.sh logs [NAME]        print the tail of all component logs
#
# NAME defaults to $CLUSTER_NAME or "northflank-dev"; clusters with different
# names are fully independent (ports are picked among the free ones).
#
# Environment:
#   BIN_DIR            directory with the tools (default: <repo>/bin)
#   CLUSTER_STATE_DIR  where cluster state lives (default: $BIN_DIR/kwok-state)
#   CLUSTER_TIMEOUT    seconds allowed for `up` to become ready (default: 180)
#
# The kubeconfig written by `up` is $CLUSTER_STATE_DIR/<NAME>.kubeconfig; it
# is self-contained (certificates inline), its context is kwok-<NAME> and the
# server is https://127.0.0.1:<port>.

set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="${BIN_DIR:-${ROOT_DIR}/bin}"
STATE_DIR="${CLUSTER_STATE_DIR:-${BIN_DIR}/kwok-state}"
TIMEOUT="${CLUSTER_TIMEOUT:-180}"
KWOK_CONFIG_DIR="${ROOT_DIR}/hack/kwok"

# kwokctl keeps everything (config, pki, etcd data, logs, pids) under
# $KWOK_WORKDIR/clusters/<name>; keep it out of ~/.kwok.
export KWOK_WORKDIR="${STATE_DIR}"
# kwokctl looks kubectl up on PATH; make sure it finds ours.
export PATH="${BIN_DIR}:${PATH}"

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  sed -n '/^# Usage:/,/^# NAME/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' | sed '$d' >&2
  exit 2
}

cmd="${1:-}"
[[ -n "${cmd}" ]] || usage
NAME="${2:-${CLUSTER_NAME:-northflank-dev}}"
[[ "${NAME}" =~ ^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$ ]] ||
  die "invalid cluster name '${NAME}' (lowercase letters, digits and '-', at most 40 characters)"

CLUSTER_DIR="${STATE_DIR}/clusters/${NAME}"
KUBECONFIG_OUT="${STATE_DIR}/${NAME}.kubeconfig"
CREATE_LOG="${STATE_DIR}/${NAME}.create.log"
KUBECTL="${BIN_DIR}/kubectl"
KWOKCTL="${BIN_DIR}/kwokctl"

REQUIRED_BINARIES=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok kwokctl)

check_binaries() {
  local b missing=()
  for b in "${REQUIRED_BINARIES[@]}"; do
    [[ -x "${BIN_DIR}/${b}" ]] || missing+=("${b}")
  done
  ((${#missing[@]} == 0)) ||
    die "missing in ${BIN_DIR}: ${missing[*]}; build them with hack/build-tools.sh (make tools)"
}

kube_version() {
  "${BIN_DIR}/kube-apiserver" --version 2>/dev/null | awk '{print $2}'
}

# kubectl against the admin kubeconfig that kwokctl generated.
k() {
  "${KUBECTL}" --kubeconfig "${CLUSTER_DIR}/kubeconfig.yaml" --request-timeout=10s "$@"
}

cluster_exists() { [[ -f "${CLUSTER_DIR}/kwok.yaml" ]]; }

cluster_answers() {
  cluster_exists && [[ -f "${CLUSTER_DIR}/kubeconfig.yaml" ]] &&
    k get --raw /readyz >/dev/null 2>&1
}

# Prints the tail of every component log (and of the kwokctl output).
dump_logs() {
  local f lines="${1:-25}"
  if [[ -s "${CREATE_LOG}" ]]; then
    log "---- kwokctl (${CREATE_LOG}) ----"
    tail -n "${lines}" "${CREATE_LOG}" >&2
  fi
  for f in "${CLUSTER_DIR}"/logs/*.log; do
    [[ -f "${f}" ]] || continue
    [[ "$(basename "${f}")" == audit.log ]] && continue
    log "---- $(basename "${f}" .log) (${f}) ----"
    tail -n "${lines}" "${f}" >&2
  done
}

# Fails with the component's log if one of the cluster processes has exited.
check_processes() {
  local f pid name
  for f in "${CLUSTER_DIR}"/pids/*.pid; do
    [[ -f "${f}" ]] || continue
    pid="$(cat "${f}" 2>/dev/null || true)"
    name="$(basename "${f}" .pid)"
    if [[ -z "${pid}" ]] || ! kill -0 "${pid}" 2>/dev/null; then
      log "error: ${name} is not running"
      if [[ -f "${CLUSTER_DIR}/logs/${name}.log" ]]; then
        log "---- ${name} (${CLUSTER_DIR}/logs/${name}.log) ----"
        tail -n 40 "${CLUSTER_DIR}/logs/${name}.log" >&2
      fi
      return 1
    fi
  done
}

STARTUP_LOCK_FD=""
lock_startup() {
  local lock="${TMPDIR:-/tmp}/northflank-job-operator-cluster-$(id -u).lock"
  # The descriptor must not leak into the cluster processes, or they would
  # hold the lock for their whole life: kwokctl is started with it closed.
  exec {STARTUP_LOCK_FD}>>"${lock}"
  command -v flock >/dev/null 2>&1 || return 0
  if ! flock -n "${STARTUP_LOCK_FD}"; then
    log "waiting for another cluster to finish starting ..."
    flock -w $((TIMEOUT + 60)) "${STARTUP_LOCK_FD}" ||
      die "timed out waiting for another cluster start-up (lock ${lock})"
  fi
}
unlock_startup() {
  [[ -n "${STARTUP_LOCK_FD}" ]] || return 0
  exec {STARTUP_LOCK_FD}>&-
  STARTUP_LOCK_FD=""
}

DEADLINE=0
start_deadline() { DEADLINE=$((SECONDS + TIMEOUT)); }

# wait_for <description> <command...>: retries the command until it succeeds,
# a cluster process dies or the deadline passes.
wait_for() {
  local what="$1"
  shift
  until "$@" >/dev/null 2>&1; do
    if ! check_processes; then
      fail_up quiet "a component exited while waiting for ${what}"
    fi
    if ((SECONDS >= DEADLINE)); then
      fail_up verbose "timed out after ${TIMEOUT}s waiting for ${what}"
    fi
    sleep 1
  done
}

# fail_up quiet|verbose <message>: reports a failed start, keeps the logs
# (verbose also prints the tail of every log) and removes the cluster.
fail_up() {
  local mode="$1"
  shift
  log "error: $*"
  [[ "${mode}" == verbose ]] && dump_logs 15
  local saved="${STATE_DIR}/${NAME}.failed-logs"
  rm -rf "${saved}"
  mkdir -p "${saved}"
  cp -r "${CLUSTER_DIR}"/logs/. "${saved}/" 2>/dev/null || true
  cp "${CREATE_LOG}" "${saved}/kwokctl-create.log" 2>/dev/null || true
  log "logs kept in ${saved}"
  log "cleaning up cluster ${NAME}"
  stop_cluster >/dev/null 2>&1 || true
  exit 1
}

lease_held() {
  local holder
  holder="$(k -n kube-system get lease "$1" -o jsonpath='{.spec.holderIdentity}')" && [[ -n "${holder}" ]]
}

node_ready() {
  [[ "$(k get node kwok-node-0 -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}')" == True ]]
}

up() {
  check_binaries
  mkdir -p "${STATE_DIR}"

  if cluster_answers && [[ -s "${KUBECONFIG_OUT}" ]]; then
    log "cluster ${NAME} is already running"
    print_summary
    return 0
  fi
  if cluster_exists; then
    log "cluster ${NAME} exists but does not answer; recreating it"
    stop_cluster
  fi

  local version start=${SECONDS}
  version="$(kube_version)"
  [[ -n "${version}" ]] || die "cannot read the version of ${BIN_DIR}/kube-apiserver"
  log "starting cluster ${NAME} (Kubernetes ${version}, kwok $("${KWOKCTL}" --version 2>/dev/null | awk '{print $3}'))"

  rm -rf "${STATE_DIR}/${NAME}.failed-logs"
  # kwokctl picks "free" ports by probing them, so two clusters starting at
  # the same time (even from different checkouts) could pick the same ones.
  # Start-ups are serialized until every component has bound its ports.
  lock_startup
  start_deadline
  # `timeout` guards against kwokctl itself getting stuck; it gets the same
  # budget as the whole start-up.
  if ! KWOK_KUBE_VERSION="${version}" timeout --kill-after=10 "${TIMEOUT}" "${KWOKCTL}" create cluster \
    --name "${NAME}" \
    --config "${KWOK_CONFIG_DIR}/kwokctl.yaml" \
    --config "${KWOK_CONFIG_DIR}/node-stages.yaml" \
    --config "${KWOK_CONFIG_DIR}/pod-stages.yaml" \
    --runtime binary \
    --etcd-binary "${BIN_DIR}/etcd" \
    --kube-apiserver-binary "${BIN_DIR}/kube-apiserver" \
    --kube-controller-manager-binary "${BIN_DIR}/kube-controller-manager" \
    --kube-scheduler-binary "${BIN_DIR}/kube-scheduler" \
    --kwok-controller-binary "${BIN_DIR}/kwok" \
    --kubeconfig "" \
    --wait 0 \
    --timeout "${TIMEOUT}s" >"${CREATE_LOG}" 2>&1 {STARTUP_LOCK_FD}>&-; then
    fail_up verbose "kwokctl create cluster failed"
  fi

  wait_for "kube-apiserver to be ready" k get --raw /readyz
  wait_for "kube-controller-manager to take its lease" lease_held kube-controller-manager
  wait_for "kube-scheduler to take its lease" lease_held kube-scheduler
  unlock_startup
  wait_for "the node to be registered" k apply -f "${KWOK_CONFIG_DIR}/node.yaml"
  wait_for "node kwok-node-0 to be Ready" node_ready
  wait_for "the default service account" k -n default get serviceaccount default
  check_processes || fail_up quiet "a component exited during start-up"

  write_kubeconfig
  log "cluster ${NAME} is ready after $((SECONDS - start))s"
  print_summary
}

write_kubeconfig() {
  local tmp="${KUBECONFIG_OUT}.tmp"
  k config view --raw --minify --flatten >"${tmp}"
  chmod 600 "${tmp}"
  mv "${tmp}" "${KUBECONFIG_OUT}"
}

print_summary() {
  log "kubeconfig: ${KUBECONFIG_OUT}"
  log "  export KUBECONFIG=${KUBECONFIG_OUT}"
  log "stop with: hack/cluster.sh down ${NAME}"
  # stdout carries only the path so that callers can capture it.
  printf '%s\n' "${KUBECONFIG_OUT}"
}

# Stops every process of the cluster and removes its state.
stop_cluster() {
  local pids=() f pid
  for f in "${CLUSTER_DIR}"/pids/*.pid; do
    [[ -f "${f}" ]] || continue
    pid="$(cat "${f}" 2>/dev/null || true)"
    [[ -n "${pid}" ]] && pids+=("${pid}")
  done

  if [[ -x "${KWOKCTL}" ]] && cluster_exists; then
    local out
    if ! out="$(timeout --kill-after=10 60 "${KWOKCTL}" delete cluster --name "${NAME}" 2>&1)"; then
      log "${out}"
      log "warning: kwokctl delete cluster failed; stopping the processes directly"
    fi
  fi

  # Whatever is still alive (kwokctl failed or was interrupted) is stopped by
  # the process ids recorded for this cluster, nothing else.
  local alive=()
  for pid in "${pids[@]}"; do
    kill -0 "${pid}" 2>/dev/null && alive+=("${pid}")
  done
  if ((${#alive[@]})); then
    kill "${alive[@]}" 2>/dev/null || true
    local i
    for i in $(seq 1 20); do
      local still=()
      for pid in "${alive[@]}"; do kill -0 "${pid}" 2>/dev/null && still+=("${pid}"); done
      ((${#still[@]})) || break
      sleep 0.5
    done
    for pid in "${alive[@]}"; do kill -9 "${pid}" 2>/dev/null || true; done
  fi
  rm -rf "${CLUSTER_DIR}"
  rm -f "${KUBECONFIG_OUT}" "${KUBECONFIG_OUT}.tmp"
}

down() {
  if ! cluster_exists && [[ ! -d "${CLUSTER_DIR}" ]]; then
    log "cluster ${NAME} does not exist"
    rm -f "${KUBECONFIG_OUT}" "${CREATE_LOG}"
    return 0
  fi
  stop_cluster
  rm -f "${CREATE_LOG}"
  log "cluster ${NAME} stopped"
}

case "${cmd}" in
  up) up ;;
  down) down ;;
  kubeconfig)
    [[ -s "${KUBECONFIG_OUT}" ]] || die "cluster ${NAME} is not running (hack/cluster.sh up ${NAME})"
    printf '%s\n' "${KUBECONFIG_OUT}"
    ;;
  env)
    [[ -s "${KUBECONFIG_OUT}" ]] || die "cluster ${NAME} is not running (hack/cluster.sh up ${NAME})"
    printf 'export KUBECONFIG=%q\n' "${KUBECONFIG_OUT}"
    ;;
  status)
    if cluster_answers; then log "cluster ${NAME} is running"; else log "cluster ${NAME} is not running"; exit 1; fi
    ;;
  logs) dump_logs 50 ;;
  -h | --help | help) usage ;;
  *) usage ;;
esac
