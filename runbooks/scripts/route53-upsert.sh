#!/bin/sh
# Upserts one Route 53 record set and waits until Route 53 reports the change INSYNC.
# Usage: route53-upsert.sh HOSTED_ZONE_ID NAME TYPE TARGET [TTL]
#   TARGET is a plain value (198.51.100.25) or alias:ALIAS_HOSTED_ZONE_ID:DNS_NAME for a
#   CloudFront distribution or load balancer (alias records take no TTL).
# Credentials come from the usual AWS environment (AWS_PROFILE, AWS_ACCESS_KEY_ID, ...).
set -eu

if [ $# -lt 4 ] || [ $# -gt 5 ]; then
  echo "usage: $0 HOSTED_ZONE_ID NAME TYPE TARGET [TTL]" >&2
  exit 64
fi
zone=$1 name=$2 type=$3 target=$4 ttl=${5:-60}

case $target in
  alias:*:*)
    rest=${target#alias:}
    record=$(printf '{"Name":"%s","Type":"%s","AliasTarget":{"HostedZoneId":"%s","DNSName":"%s","EvaluateTargetHealth":false}}' \
      "$name" "$type" "${rest%%:*}" "${rest#*:}")
    ;;
  *)
    record=$(printf '{"Name":"%s","Type":"%s","TTL":%d,"ResourceRecords":[{"Value":"%s"}]}' \
      "$name" "$type" "$ttl" "$target")
    ;;
esac
batch=$(printf '{"Comment":"%s","Changes":[{"Action":"UPSERT","ResourceRecordSet":%s}]}' \
  "${CHANGE_COMMENT:-runbook change}" "$record")

change=$(aws route53 change-resource-record-sets --hosted-zone-id "$zone" \
  --change-batch "$batch" --query ChangeInfo.Id --output text)
echo "route53: submitted $change ($name $type -> $target)"
aws route53 wait resource-record-sets-changed --id "$change"
echo "route53: $change in sync"
