{{/* The chart name, or nameOverride. */}}
{{- define "northflank-job-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The name of the objects of this release: fullnameOverride, else the release name with the chart name unless it contains it. */}}
{{- define "northflank-job-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* A Service name is a DNS label: at most 63 characters. */}}
{{- define "northflank-job-operator.metricsServiceName" -}}
{{- printf "%s-metrics" (include "northflank-job-operator.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "northflank-job-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "northflank-job-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "northflank-job-operator.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "northflank-job-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: operator
{{- end }}

{{- define "northflank-job-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "northflank-job-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "northflank-job-operator.subjects" -}}
- kind: ServiceAccount
  name: {{ include "northflank-job-operator.serviceAccountName" . }}
  namespace: {{ .Release.Namespace }}
{{- end }}

{{- define "northflank-job-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
What the operator does, and nothing more: it reads and updates NorthflankJobs and
NorthflankJobRuns, manages CronJobs and Jobs (server-side apply is a patch that may create), and
records events. It reads no pods and no secrets. The finalizers rule lets it set
blockOwnerDeletion on the objects it owns.
*/}}
{{- define "northflank-job-operator.rules" -}}
- apiGroups: ["northflank.com"]
  resources: ["northflankjobs", "northflankjobruns"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["northflank.com"]
  resources: ["northflankjobs/status", "northflankjobruns/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["northflank.com"]
  resources: ["northflankjobs/finalizers", "northflankjobruns/finalizers"]
  verbs: ["update"]
- apiGroups: ["batch"]
  resources: ["cronjobs"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
- apiGroups: ["events.k8s.io"]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}
