# The operator at scale against a real kube-apiserver and etcd (not part of `make test`).
#
# Include this file from the top-level Makefile, after hack/tools.mk:
#
#   -include hack/bench.mk
#
#   make bench              # N=1000, then N=10000
#   make bench N=1000       # one size; N=1000,5000 for several
#   make bench BENCH_ARGS=--jfr    # with a flight recording of the operator, in target/bench/n<N>/
#
# Prints a table and writes target/bench/results.json; the files of each size (API server and
# operator logs, audit log, metrics, heap histograms) are kept in target/bench/n<N>/.

N ?= 1000,10000
BENCH_DIR ?= target/bench
BENCH_ARGS ?=
BENCH_JAVA ?= java -Xmx2g

.PHONY: bench
bench: tools ## Benchmark: convergence, steady state and churn of N jobs (N=1000,10000).
	$(MVN) -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
	  -Dmdep.outputFile=$(BENCH_DIR)/classpath
	$(BENCH_JAVA) -cp target/test-classes:target/classes:$$(cat $(BENCH_DIR)/classpath) \
	  io.northflankjob.operator.bench.Bench --sizes '$(N)' --bin '$(BIN_DIR)' --out '$(BENCH_DIR)' $(BENCH_ARGS)
