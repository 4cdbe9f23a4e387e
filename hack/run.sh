#!/usr/bin/env bash
# `make run`: runs the operator in the foreground against the cluster of the current kubeconfig.
# When no cluster is configured or none answers, it starts the local cluster (hack/cluster.sh),
# installs the CRDs and runs the operator against that; Ctrl-C stops both.
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="${BIN_DIR:-${ROOT_DIR}/bin}"
KUBECTL="${KUBECTL:-${BIN_DIR}/kubectl}"
JAR="${ROOT_DIR}/target/northflank-job-operator.jar"
CLUSTER_NAME="${CLUSTER_NAME:-northflank-dev}"

[[ -f "${JAR}" ]] || { echo "error: ${JAR} is missing; run 'make build'" >&2; exit 1; }

if "${KUBECTL}" version --request-timeout=5s >/dev/null 2>&1; then
  echo "Using the cluster of the current kubeconfig (context: $("${KUBECTL}" config current-context 2>/dev/null || echo in-cluster))."
else
  echo "No cluster answers with the current kubeconfig: starting the local cluster '${CLUSTER_NAME}'."
  "${ROOT_DIR}/hack/cluster.sh" up "${CLUSTER_NAME}"
  KUBECONFIG="$("${ROOT_DIR}/hack/cluster.sh" kubeconfig "${CLUSTER_NAME}")"
  export KUBECONFIG
  trap '"${ROOT_DIR}/hack/cluster.sh" down "${CLUSTER_NAME}"' EXIT
fi

"${KUBECTL}" apply --server-side --force-conflicts -f "${ROOT_DIR}/crds/"
# kubectl wait fails outright on a CRD whose status has no conditions yet; ask again.
for attempt in $(seq 1 30); do
  "${KUBECTL}" wait --for=condition=Established --timeout=30s \
    crd/northflankjobs.northflank.com crd/northflankjobruns.northflank.com >/dev/null 2>&1 && break
  [[ ${attempt} -lt 30 ]] || { echo "error: the CRDs did not become Established" >&2; exit 1; }
  sleep 1
done

cat <<MSG

The operator is starting. In another terminal:
  export KUBECONFIG=${KUBECONFIG:-~/.kube/config}
  export PATH=${BIN_DIR}:\$PATH      # the kubectl and helm built by 'make tools'
  kubectl apply -f examples/cron-job.yaml
  kubectl get nfjob -w
Stop with Ctrl-C$( [[ -n "$(trap -p EXIT)" ]] && echo " (this also stops the local cluster)").

MSG
# Not exec: the EXIT trap must run after the operator stops.
java @"${ROOT_DIR}/jvm.options" -jar "${JAR}" run
