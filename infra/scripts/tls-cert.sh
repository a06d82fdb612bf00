#!/usr/bin/env bash
# Makes a self-signed TLS pair for trying HTTPS/WSS on this machine: DIR/key.pem (PKCS#8, no
# passphrase, mode 600) and DIR/cert.pem, valid 30 days for localhost, 127.0.0.1 and ::1 (and any
# extra names given as TLS_SANS="DNS:chat.test,IP:10.0.0.5"). DIR defaults to .run/tls. Keeps an
# existing pair unless it expires within a day or --force is given. Prints the two paths.
# For a real deployment use a certificate from your CA; the gateways read the same two files.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
force=0
dir=""
for arg in "$@"; do
    case $arg in
        --force) force=1 ;;
        -h | --help)
            sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *) dir=$arg ;;
    esac
done
dir=${dir:-$root/.run/tls}
key="$dir/key.pem"
cert="$dir/cert.pem"

command -v openssl >/dev/null || {
    echo "tls: openssl is not installed (apt-get install openssl)" >&2
    exit 1
}
if [[ $force == 0 && -s $key && -s $cert ]] &&
    openssl x509 -checkend 86400 -noout -in "$cert" >/dev/null 2>&1; then
    echo "$key"
    echo "$cert"
    exit 0
fi

mkdir -p "$dir"
sans="DNS:localhost,IP:127.0.0.1,IP:::1${TLS_SANS:+,$TLS_SANS}"
(
    umask 077
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
        -subj "/CN=parley-local" -addext "subjectAltName=$sans" \
        -addext "basicConstraints=critical,CA:FALSE" \
        -addext "extendedKeyUsage=serverAuth" \
        -keyout "$key.tmp" -out "$cert.tmp" 2>/dev/null
)
mv "$key.tmp" "$key"
mv "$cert.tmp" "$cert"
chmod 644 "$cert"
echo "$key"
echo "$cert"
