#!/usr/bin/env bash
# Makes the certificates of compose.cluster.yaml's nodes with Kurrent's es-gencert-cli image, as
# KurrentDB's docs do (Security, certificate generation tool): a private CA, and one certificate per
# node naming its host name and fixed address, all with the tool's common name. Into docker/certs/:
#   ca/       the CA's certificate and key: the key stays here, no container mounts it
#   trusted/  a copy of the CA's certificate, which the nodes and the replicas trust
#   node1-3/  each node's certificate and key
# Run once; remove docker/certs to make new ones (then restart the cluster).
set -euo pipefail
cd "$(dirname "$0")"

image=${GENCERT_IMAGE:-eventstore/es-gencert-cli:1.0.2}
certs=$PWD/certs

if [ -e "$certs/ca/ca.crt" ]; then
  echo "docker/certs/ already holds a CA: remove that folder to make new certificates" >&2
  exit 1
fi
mkdir -p "$certs"

gencert() {
  docker run --rm --user "$(id -u):$(id -g)" --volume "$certs:/certs" "$image" "$@"
}

gencert create-ca -out /certs/ca
for n in 1 2 3; do
  # The replicas reach a node by name first, then by the address gossip gives (compose.cluster.yaml);
  # localhost serves the node's healthcheck and the UI through its published port.
  gencert create-node -ca-certificate /certs/ca/ca.crt -ca-key /certs/ca/ca.key -out "/certs/node$n" \
    -ip-addresses "127.0.0.1,172.30.240.1$n" -dns-names "localhost,node$n"
done
mkdir -p "$certs/trusted"
cp "$certs/ca/ca.crt" "$certs/trusted/ca.crt"

# The nodes run as the image's user (uid 1001) and the replicas as node (uid 1000), not as whoever
# ran this: they must be able to read what they mount. The CA's key is mounted nowhere.
chmod 755 "$certs" "$certs"/*/
chmod 644 "$certs"/*/*.crt "$certs"/node*/node.key
chmod 600 "$certs/ca/ca.key"
echo "Certificates in docker/certs/: $(cd "$certs" && echo */)"
