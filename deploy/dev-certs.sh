#!/usr/bin/env bash
# Makes a private development certificate authority and certificates it signs, with openssl, for TLS between the
# platform's processes (deploy/run.sh --tls, the multi-host test). Never for production: there the CA's key lives
# off the hosts (see deploy/INSTALL.md).
#
#   deploy/dev-certs.sh DIR NAME [IP|DNS ...]
#
# Creates DIR/ca.pem and DIR/ca.key once (kept across runs), then DIR/NAME.pem and DIR/NAME.key: a certificate
# for serving and for client authentication (silo-to-silo TLS is mutual), naming the given addresses (IP addresses
# and host names; 127.0.0.1 and localhost when none are given). A certificate still valid for a day is kept.
# Keys are mode 600 in a folder of mode 700. DUA_CERT_DAYS sets a new certificate's lifetime (30 days).
# Exit codes: 0 ok, 1 failure, 2 usage.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=deploy/lib.sh
source "$root/deploy/lib.sh"

[[ $# -ge 2 ]] || { sed -n '6,7p' "$0" | sed 's/^#  */usage: /' >&2; exit 2; }
dir=$1
name=$2
shift 2
[[ "$name" =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "dev-certs.sh: NAME takes letters, digits, '.', '_' and '-'" >&2; exit 2; }
names=("$@")
((${#names[@]})) || names=(127.0.0.1 localhost)
days=${DUA_CERT_DAYS:-30}
command -v openssl >/dev/null || install_package openssl openssl

mkdir -p "$dir"
chmod 700 "$dir"
umask 077

if [[ ! -s "$dir/ca.pem" || ! -s "$dir/ca.key" ]]; then
  openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 -days 365 \
    -subj "/CN=Dua development CA $(hostname -s 2>/dev/null || echo host) $(date +%Y%m%d%H%M%S)" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null || die "openssl could not make the CA in $dir"
  rm -f "$dir"/*.srl
  say "made a development CA: $(shown "$dir/ca.pem")"
fi

san=""
for entry in "${names[@]}"; do
  if [[ "$entry" =~ ^[0-9.]+$ || "$entry" == *:* ]]; then san+="${san:+,}IP:$entry"; else san+="${san:+,}DNS:$entry"; fi
done

# Kept when it is still valid for a day, names the same addresses and was signed by this CA.
if [[ -s "$dir/$name.pem" && -s "$dir/$name.key" ]] &&
   openssl x509 -in "$dir/$name.pem" -noout -checkend 86400 >/dev/null 2>&1 &&
   openssl verify -CAfile "$dir/ca.pem" "$dir/$name.pem" >/dev/null 2>&1 &&
   [[ "$(cat "$dir/$name.san" 2>/dev/null)" == "$san" ]]; then
  exit 0
fi

openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 -subj "/CN=$name" \
  -keyout "$dir/$name.key" -out "$dir/$name.csr" 2>/dev/null || die "openssl could not make a key for $name"
openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days "$days" \
  -extfile <(printf 'subjectAltName=%s\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\n' "$san") \
  -out "$dir/$name.pem" 2>/dev/null || die "openssl could not sign the certificate for $name"
rm -f "$dir/$name.csr"
echo "$san" >"$dir/$name.san"
say "made $(shown "$dir/$name.pem") for $san, valid $days days"
