# Install and operate: the Helm chart, the CRDs on a cluster, the container image.
# Included by the Makefile.

CHART_DIR := helm/northflank-job-operator
RELEASE ?= northflank-job-operator
NAMESPACE ?= northflank-system
# Extra flags for helm, e.g. HELM_ARGS="--set image.tag=dev --set logFormat=json".
HELM_ARGS ?=
IMG ?= ghcr.io/northflankjob/northflank-job-operator:dev
HELM ?= $(if $(wildcard bin/helm),bin/helm,helm)
KUBECTL ?= $(if $(wildcard bin/kubectl),bin/kubectl,kubectl)

##@ Deployment
.PHONY: chart-crds
chart-crds: ## Copy crds/ into the Helm chart (HelmChartCrdsTest fails when they differ).
	rm -f $(CHART_DIR)/crds/*.yaml
	cp crds/*.yaml $(CHART_DIR)/crds/

.PHONY: install
install: ## Install or upgrade the CRDs on the current cluster (server-side apply).
	$(KUBECTL) apply --server-side --force-conflicts -f crds/

.PHONY: uninstall
uninstall: ## Delete the CRDs, and with them every NorthflankJob and NorthflankJobRun.
	$(KUBECTL) delete --ignore-not-found -f crds/

.PHONY: deploy
deploy: install ## Apply the CRDs, then install or upgrade the chart (RELEASE, NAMESPACE, HELM_ARGS).
	$(HELM) upgrade --install $(RELEASE) $(CHART_DIR) --namespace $(NAMESPACE) --create-namespace $(HELM_ARGS)

.PHONY: undeploy
undeploy: ## Uninstall the chart; the CRDs and the jobs stay.
	$(HELM) uninstall $(RELEASE) --namespace $(NAMESPACE) --ignore-not-found

.PHONY: chart-lint
chart-lint: ## Lint the chart and render it with the default and the non-default settings.
	$(HELM) lint --strict $(CHART_DIR)
	$(HELM) lint --strict $(CHART_DIR) --set 'watchNamespaces={team-a,team-b}' \
	  --set metrics.serviceMonitor.enabled=true --set logFormat=json --set replicas=2
	$(HELM) template $(RELEASE) $(CHART_DIR) --namespace $(NAMESPACE) >/dev/null
	$(HELM) template $(RELEASE) $(CHART_DIR) --namespace $(NAMESPACE) \
	  --set 'watchNamespaces={team-a,team-b}' --set metrics.serviceMonitor.enabled=true \
	  --set leaderElection.enabled=false >/dev/null

.PHONY: docker-build
docker-build: ## Build the container image IMG (needs Docker with BuildKit).
	docker build -t $(IMG) .
