# NorthflankJob operator. `make help` lists the targets.
SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

MVN ?= mvn -B -ntp
JAR := target/northflank-job-operator.jar

-include hack/tools.mk
-include hack/ops.mk
-include hack/bench.mk

##@ General
.PHONY: help
help: ## Show this help.
	@awk 'BEGIN {FS = ":.*##"} /^[a-zA-Z_-]+:.*##/ { printf "  %-14s %s\n", $$1, $$2 } /^##@/ { printf "\n%s\n", substr($$0, 5) }' $(MAKEFILE_LIST)

##@ Build
.PHONY: build
build: ## Build the operator jar (target/northflank-job-operator.jar).
	$(MVN) package -DskipTests

.PHONY: crds
crds: ## Regenerate the CRDs from the Java classes into crds/ and the chart.
	$(MVN) test -Dtest=CrdsUpToDateTest -Dcrds.update=true -Dsurefire.failIfNoSpecifiedTests=false
	$(MAKE) --no-print-directory chart-crds

##@ Run
.PHONY: run
run: tools build ## Run the operator: on the current kubeconfig's cluster, else on a local one it starts.
	BIN_DIR=$(BIN_DIR) KUBECTL=$(KUBECTL) hack/run.sh

##@ Test
.PHONY: test
test: ## Run every tier: unit, integration (real API server) and end-to-end (local cluster).
	@times=(); for tier in tools test-unit test-it test-e2e; do \
	  start=$$(date +%s); \
	  $(MAKE) --no-print-directory $$tier || { echo "$$tier failed"; exit 1; }; \
	  times+=("$$tier: $$(( $$(date +%s) - start ))s"); \
	done; \
	echo "== time per tier"; printf '  %s\n' "$${times[@]}"

.PHONY: test-unit
test-unit: tools ## Unit and mock-server tests (no cluster; helm renders the chart).
	$(TOOLS_ENV) $(MVN) verify

.PHONY: test-it
test-it: tools ## Integration tests (*IT) against a real kube-apiserver and etcd.
	$(TOOLS_ENV) $(MVN) verify -Pit

.PHONY: test-e2e
test-e2e: tools ## End-to-end tests (*E2E) on a local cluster (kwok).
	$(TOOLS_ENV) $(MVN) verify -Pe2e
