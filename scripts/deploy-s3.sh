#!/usr/bin/env bash
# Uploads the built dist/ to an S3 bucket with the AWS CLI, setting every
# object's Content-Type and Cache-Control, then prints the website URL.
#
#   scripts/deploy-s3.sh BUCKET [--prefix P] [--profile NAME] [--region R]
#                        [--endpoint-url URL] [--dist DIR] [--website] [--no-gzip] [--dry-run]
#
#   --prefix P        put everything under the key prefix P/ (the app is then at /P/)
#   --profile NAME    AWS CLI profile; --region R: the bucket's region (else
#                     AWS_REGION, AWS_DEFAULT_REGION, `aws configure get region`)
#   --endpoint-url    another S3 endpoint (AWS_ENDPOINT_URL works too); tests use moto
#   --dist DIR        what to upload (default: dist/ of this repository; build it first)
#   --website         also turn on static website hosting: index.html, and
#                     [P/]404.html as the error document
#   --no-gzip         upload the .wasm uncompressed (see below)
#   --dry-run         show what would be uploaded
#
# What each object gets:
#   - content-hashed files (Trunk's name-<16 hex>.ext): public, max-age=31536000,
#     immutable. A new build has new names, so these never go stale.
#   - everything else (index.html, 404.html, sw.js, loader.js): no-cache, so
#     browsers revalidate them and see a deploy on the next visit, and the
#     service worker notices its new version.
#   - an explicit Content-Type from the table below, never a guess: S3 stores
#     binary/octet-stream for a .wasm it can't place, and browsers then refuse
#     streaming compilation. An unknown extension stops the deploy.
#   - the .wasm gzipped (gzip -9), with Content-Encoding: gzip: neither S3
#     nor CloudFront compresses application/wasm, and it is most of the
#     download (about 650 KB, 270 KB gzipped). Every browser that runs the
#     app accepts gzip; --no-gzip if a CDN in front compresses it instead.
# Hashed files go up first, index.html and sw.js last, so no visitor gets an
# index.html whose assets are not there yet. Old hashed files are kept: a tab
# still running the previous version can finish loading (a lifecycle rule, or
# `aws s3 rm`, can clear them out later). Every file is uploaded on every run
# (dist/ is small): `aws s3 sync` skips objects whose size and date look
# unchanged, which would leave a wrong Content-Type from an earlier upload.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AWS="${AWS_CLI:-aws}"

die() {
  printf 'deploy-s3: %s\n' "$*" >&2
  exit 2
}
# The comment above, as help.
usage() { sed -n '2,/^set -euo/{/^set/d;s/^# \{0,1\}//;p;}' "${BASH_SOURCE[0]}"; }

bucket='' prefix='' region='' dist="$ROOT/dist" website=0 gzip_wasm=1
profile_args=() aws_args=() cp_args=()
while (($#)); do
  case "$1" in
    --prefix | --profile | --region | --endpoint-url | --dist)
      [[ $# -ge 2 && -n "$2" ]] || die "$1 needs a value"
      case "$1" in
        --prefix) prefix="$2" ;;
        --profile) profile_args=(--profile "$2") ;;
        --region) region="$2" ;;
        --endpoint-url) aws_args+=(--endpoint-url "$2") ;;
        --dist) dist="$2" ;;
      esac
      shift 2
      ;;
    --website) website=1 && shift ;;
    --no-gzip) gzip_wasm=0 && shift ;;
    --dry-run) cp_args+=(--dryrun) && shift ;;
    -h | --help) usage && exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *)
      [[ -z "$bucket" ]] || die "one bucket only (got '$bucket' and '$1')"
      bucket="$1" && shift
      ;;
  esac
done
[[ -n "$bucket" ]] || { usage >&2 && exit 2; }
[[ "$bucket" =~ ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ ]] || die "'$bucket' is not an S3 bucket name"
command -v "$AWS" >/dev/null || die "the AWS CLI ('$AWS') is not installed"
[[ -f "$dist/index.html" && -f "$dist/sw.js" ]] ||
  die "$dist has no index.html and sw.js: build first (scripts/build.sh)"

# Key prefix: no leading or trailing slash, then "P/" (or nothing).
prefix="${prefix#/}" && prefix="${prefix%/}"
[[ "$prefix" != *//* ]] || die "--prefix '$prefix' has an empty path segment"
key_prefix="${prefix:+$prefix/}"

if [[ -z "$region" ]]; then region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"; fi
if [[ -z "$region" ]]; then region="$("$AWS" "${profile_args[@]}" configure get region 2>/dev/null || true)"; fi
if [[ -z "$region" ]]; then region=us-east-1 && printf 'deploy-s3: no region configured; assuming %s\n' "$region" >&2; fi
aws_args+=("${profile_args[@]}" --region "$region")

content_type() {
  case "${1##*.}" in
    html) echo 'text/html; charset=utf-8' ;;
    js | mjs) echo 'text/javascript; charset=utf-8' ;;
    wasm) echo 'application/wasm' ;;
    css) echo 'text/css; charset=utf-8' ;;
    svg) echo 'image/svg+xml' ;;
    json | map) echo 'application/json; charset=utf-8' ;;
    webmanifest) echo 'application/manifest+json; charset=utf-8' ;;
    png) echo 'image/png' ;;
    ico) echo 'image/x-icon' ;;
    txt) echo 'text/plain; charset=utf-8' ;;
    woff2) echo 'font/woff2' ;;
    *) return 1 ;;
  esac
}
IMMUTABLE='public, max-age=31536000, immutable'
hashed() { [[ "${1##*/}" =~ -[0-9a-f]{16}(_bg)?\.[A-Za-z0-9]+$ ]]; }

# Upload order: hashed files, then the other files, then index.html and sw.js.
first=() middle=()
while IFS= read -r -d '' file; do
  rel="${file#"$dist"/}"
  content_type "$rel" >/dev/null || die "$rel: unknown file type; add its Content-Type to scripts/deploy-s3.sh"
  if hashed "$rel"; then
    first+=("$rel")
  elif [[ "$rel" != index.html && "$rel" != sw.js ]]; then
    middle+=("$rel")
  fi
done < <(find "$dist" -mindepth 1 -name '.*' -prune -o -type f -print0 | LC_ALL=C sort -z)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "deploying $dist to s3://$bucket/$key_prefix ($region)" >&2
for rel in "${first[@]}" "${middle[@]}" index.html sw.js; do
  cache='no-cache'
  if hashed "$rel"; then cache="$IMMUTABLE"; fi
  type="$(content_type "$rel")"
  src="$dist/$rel" enc_args=() enc=''
  if ((gzip_wasm)) && [[ "$rel" == *.wasm ]]; then
    src="$tmp/$(basename "$rel").gz"
    gzip -9 -n -c "$dist/$rel" >"$src"
    enc_args=(--content-encoding gzip) enc=' (gzip)'
  fi
  printf '  %-52s %-38s %s%s\n' "$rel" "$type" "$cache" "$enc" >&2
  "$AWS" "${aws_args[@]}" s3 cp "$src" "s3://$bucket/$key_prefix$rel" \
    --content-type "$type" --cache-control "$cache" "${enc_args[@]}" --only-show-errors "${cp_args[@]}"
done

if ((website)) && ((${#cp_args[@]} == 0)); then
  "$AWS" "${aws_args[@]}" s3 website "s3://$bucket/" \
    --index-document index.html --error-document "${key_prefix}404.html"
  echo "website hosting on: index.html, error document ${key_prefix}404.html" >&2
fi

# The S3 website endpoint: older regions use s3-website-REGION, newer ones
# s3-website.REGION (AWS's "Website endpoints" table).
case "$region" in
  us-east-1 | us-west-1 | us-west-2 | ap-southeast-1 | ap-southeast-2 | ap-northeast-1 | eu-west-1 | sa-east-1 | us-gov-west-1)
    host="$bucket.s3-website-$region.amazonaws.com" ;;
  cn-*) host="$bucket.s3-website.$region.amazonaws.com.cn" ;;
  *) host="$bucket.s3-website.$region.amazonaws.com" ;;
esac
echo "http://$host/$key_prefix"
