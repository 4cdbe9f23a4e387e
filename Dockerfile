# syntax=docker/dockerfile:1
# The operator image: the shaded jar on a Java 17 runtime, run as a non-root numeric user.
#   docker build -t ghcr.io/northflankjob/northflank-job-operator:dev .   (or: make docker-build IMG=...)

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src ./src
# The cache mount keeps the Maven repository between builds.
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -DskipTests package \
 && test -f target/northflank-job-operator.jar

FROM eclipse-temurin:17-jre
LABEL org.opencontainers.image.title="northflank-job-operator" \
      org.opencontainers.image.description="Runs Northflank-style jobs on Kubernetes as CronJobs and Jobs"
WORKDIR /app
COPY --from=build /src/target/northflank-job-operator.jar /app/northflank-job-operator.jar
COPY jvm.options /app/jvm.options
# Numeric, so Kubernetes can verify runAsNonRoot without an /etc/passwd entry.
USER 65532:65532
# /metrics, /healthz, /readyz (NF_METRICS_PORT).
EXPOSE 8080
# The JVM options are in jvm.options (compiler, collector, heap from the memory limit). Only /tmp
# is writable (readOnlyRootFilesystem in the chart).
ENTRYPOINT ["java", "@/app/jvm.options", "-Djava.io.tmpdir=/tmp", "-jar", "/app/northflank-job-operator.jar", "run"]
