# Development tools built from source (see hack/README.md).
#
# Include this file from the top-level Makefile:
#
#   include hack/tools.mk
#
# `make tools` builds/links everything into $(BIN_DIR); the variables below
# point at the individual binaries.

TOOLS_MK_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
TOOLS_ROOT_DIR := $(abspath $(TOOLS_MK_DIR)/..)

BIN_DIR ?= $(TOOLS_ROOT_DIR)/bin

# Pinned versions, read from the helper modules in hack/tools/*/go.mod.
tools_pinned = $(shell sed -nE 's|^[[:space:]]*(require[[:space:]]+)?$(subst .,\.,$(2))[[:space:]]+(v[^[:space:]]+).*|\2|p' $(TOOLS_ROOT_DIR)/hack/tools/$(1)/go.mod | head -n 1)
KUBE_VERSION := $(call tools_pinned,kubernetes,k8s.io/kubernetes)
ETCD_VERSION := $(call tools_pinned,etcd,go.etcd.io/etcd/server/v3)
KWOK_VERSION := $(call tools_pinned,kwok,sigs.k8s.io/kwok)
HELM_VERSION := $(call tools_pinned,helm,helm.sh/helm/v3)

KUBECTL ?= $(BIN_DIR)/kubectl
KUBE_APISERVER ?= $(BIN_DIR)/kube-apiserver
KUBE_CONTROLLER_MANAGER ?= $(BIN_DIR)/kube-controller-manager
KUBE_SCHEDULER ?= $(BIN_DIR)/kube-scheduler
ETCD ?= $(BIN_DIR)/etcd
KWOK ?= $(BIN_DIR)/kwok
KWOKCTL ?= $(BIN_DIR)/kwokctl
HELM ?= $(BIN_DIR)/helm

# io.fabric8:kube-api-test finds etcd, kube-apiserver and kubectl in
# $(KUBE_API_TEST_DIR)/k8s/<version>-<os>-<arch>/ and then needs no download.
KUBE_API_TEST_DIR ?= $(BIN_DIR)/kube-api-test
KUBE_API_TEST_VERSION := $(patsubst v%,%,$(KUBE_VERSION))

# Local kwok cluster (hack/cluster.sh).
CLUSTER_NAME ?= northflank-dev
CLUSTER_STATE_DIR ?= $(BIN_DIR)/kwok-state
CLUSTER_KUBECONFIG ?= $(CLUSTER_STATE_DIR)/$(CLUSTER_NAME).kubeconfig

# Environment for test runs that use the tools, e.g. `$(TOOLS_ENV) mvn verify`.
TOOLS_ENV = KUBE_API_TEST_DIR=$(KUBE_API_TEST_DIR) KUBECTL=$(KUBECTL) HELM=$(HELM)

.PHONY: tools
tools: ## Build the pinned Kubernetes/etcd/kwok/helm binaries into bin/ (cached)
	BIN_DIR=$(BIN_DIR) $(TOOLS_ROOT_DIR)/hack/build-tools.sh

.PHONY: cluster-up
cluster-up: tools ## Start the local kwok cluster $(CLUSTER_NAME)
	BIN_DIR=$(BIN_DIR) CLUSTER_STATE_DIR=$(CLUSTER_STATE_DIR) $(TOOLS_ROOT_DIR)/hack/cluster.sh up $(CLUSTER_NAME)

.PHONY: cluster-down
cluster-down: ## Stop the local kwok cluster $(CLUSTER_NAME)
	BIN_DIR=$(BIN_DIR) CLUSTER_STATE_DIR=$(CLUSTER_STATE_DIR) $(TOOLS_ROOT_DIR)/hack/cluster.sh down $(CLUSTER_NAME)
