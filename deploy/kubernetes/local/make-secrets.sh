#!/usr/bin/env bash
# Makes the Secrets of ../base/secrets.tsv in a local cluster, once, all random: keys, database passwords, the
# services' Keycloak client secrets (the realm import of ../operators takes the same ones), and Keycloak's own
# database login (lookout-db-keycloak). A Secret that exists is left alone: a new identity or secrets key would leave
# what was sealed with the old one unreadable. Optional keys (SMTP login, SMS provider) are not made.
# Usage: deploy/kubernetes/local/make-secrets.sh [namespace]   (default: lookout; kubectl's current context)
set -euo pipefail

namespace="${1:-lookout}"
table="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../base/secrets.tsv"

random_key() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }

value_of() {
  local secret="$1" key="$2"
  case "${secret}" in
    lookout-keys) random_key ;;
    lookout-db-*) if [[ "${key}" == username ]]; then echo "${secret#lookout-db-}" | tr - _; else random_key; fi ;;
    lookout-clients) random_key ;;
    *) echo "no rule for ${secret}/${key}" >&2; return 1 ;;
  esac
}

kubectl get namespace "${namespace}" >/dev/null 2>&1 || kubectl create namespace "${namespace}"
secrets="$(awk -F'\t' '!/^#/ && NF >= 3 && $3 == "no" { print $1 }' "${table}" | sort -u)"
keycloak_database() {
  kubectl --namespace "${namespace}" get secret lookout-db-keycloak >/dev/null 2>&1 && return 0
  kubectl --namespace "${namespace}" create secret generic lookout-db-keycloak --type kubernetes.io/basic-auth \
    --from-literal=username=keycloak --from-literal=password="$(random_key)" >/dev/null
  echo "created lookout-db-keycloak"
}
for secret in ${secrets}; do
  if kubectl --namespace "${namespace}" get secret "${secret}" >/dev/null 2>&1; then
    echo "kept    ${secret}"
    continue
  fi
  args=()
  while IFS=$'\t' read -r name key optional _; do
    [[ "${name}" == "${secret}" && "${optional}" == no ]] || continue
    args+=("--from-literal=${key}=$(value_of "${name}" "${key}")")
  done < <(grep -v '^#' "${table}")
  type=Opaque
  [[ "${secret}" == lookout-db-* ]] && type=kubernetes.io/basic-auth
  kubectl --namespace "${namespace}" create secret generic "${secret}" --type "${type}" "${args[@]}" >/dev/null
  echo "created ${secret}"
done
keycloak_database
