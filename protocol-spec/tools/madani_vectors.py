#!/usr/bin/env python3
"""Madani test vectors made and checked without any of the node's code.

A second implementation of the two signatures Madani uses, written from the specifications alone
(Python 3.11 and the `cryptography` package; no other dependency, so JCS is written out here):

- object proofs: W3C Data Integrity `eddsa-jcs-2022` (FEP-8b32), with RFC 8785 JCS;
- HTTP message signatures: RFC 9421 (Ed25519, `Content-Digest` RFC 9530) and, for the checks,
  draft-cavage-http-signatures-12 (RSA `rsa-sha256`, Ed25519 `hs2019`).

Usage:
  madani_vectors.py generate DIR   write vectors/independent: keys.json, object-proofs/*.json,
                                   http-signatures/*.json, index.json (deterministic output)
  madani_vectors.py verify DIR...  check every case of each directory against its `expected`
                                   outcome (a `keys.json` beside the cases); exit 1 on any mismatch
  madani_vectors.py origin FILE... decide each case of vectors/inbox-origin files by federation.md §6
                                   (written here from the text) and compare with its `expected`

The case formats are those of protocol-spec/vectors/object-proofs/madani and
protocol-spec/vectors/http-signatures/madani (see their README.md), so the node's own vectors and
these are checked by the same code on both sides. Keys here are test keys, published on purpose.
"""

import base64
import hashlib
import json
import math
import sys
from decimal import Decimal
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

# ---------------------------------------------------------------------------------------------
# RFC 8785 JSON Canonicalization Scheme. Objects: members sorted by the UTF-16 code units of their
# names (§3.2.3); strings: the ECMAScript JSON.stringify escaping, everything else raw UTF-8
# (§3.2.2.2); numbers: IEEE-754 doubles printed as ECMAScript Number.prototype.toString does
# (§3.2.2.3); no whitespace.
# ---------------------------------------------------------------------------------------------

_ESCAPES = {'"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r'}


def _jcs_string(s):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20:
            out.append('\\u%04x' % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _jcs_number(value):
    """ECMAScript Number::toString for a double (ECMA-262 §6.1.6.1.20), from the shortest digits."""
    d = float(value)
    if math.isnan(d) or math.isinf(d):
        raise ValueError('NaN and Infinity have no JSON form (RFC 8785 §3.2.2.3)')
    if d == 0:
        return '0'
    sign = '-' if d < 0 else ''
    # repr() gives the shortest digits that round-trip (as ECMAScript requires). Written as
    # 0.DIGITS x 10^n: the k digits without trailing zeros and n, the decimal point's position.
    t = Decimal(repr(abs(d))).as_tuple()
    digits = ''.join(map(str, t.digits))
    stripped = digits.rstrip('0')
    exponent = t.exponent + (len(digits) - len(stripped))
    digits = stripped.lstrip('0')
    n = len(digits) + exponent
    k = len(digits)
    if k <= n <= 21:
        text = digits + '0' * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + '.' + digits[n:]
    elif -6 < n <= 0:
        text = '0.' + '0' * (-n) + digits
    else:
        e = n - 1
        text = digits[0] + ('.' + digits[1:] if k > 1 else '') + 'e' + ('+' if e > 0 else '-') + str(abs(e))
    return sign + text


def jcs(value):
    """The canonical UTF-8 bytes of a parsed JSON value."""
    return _jcs(value).encode('utf-8')


def _jcs(v):
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, str):
        return _jcs_string(v)
    if isinstance(v, (int, float)):
        return _jcs_number(v)
    if isinstance(v, list):
        return '[' + ','.join(_jcs(x) for x in v) + ']'
    if isinstance(v, dict):
        names = sorted(v, key=lambda name: name.encode('utf-16-be'))
        return '{' + ','.join(_jcs_string(name) + ':' + _jcs(v[name]) for name in names) + '}'
    raise TypeError('not JSON: %r' % type(v))


# ---------------------------------------------------------------------------------------------
# Multibase / Multikey (base58btc, ed25519-pub multicodec 0xed 0x01).
# ---------------------------------------------------------------------------------------------

_B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'


def b58encode(data):
    n = int.from_bytes(data, 'big')
    out = ''
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    return '1' * (len(data) - len(data.lstrip(b'\0'))) + out


def b58decode(text):
    n = 0
    for ch in text:
        n = n * 58 + _B58.index(ch)
    body = n.to_bytes((n.bit_length() + 7) // 8, 'big') if n else b''
    return b'\0' * (len(text) - len(text.lstrip('1'))) + body


def multikey(public_key):
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return 'z' + b58encode(b'\xed\x01' + raw)


def from_multikey(text):
    raw = b58decode(text[1:])
    if text[0] != 'z' or raw[:2] != b'\xed\x01' or len(raw) != 34:
        raise ValueError('not an Ed25519 Multikey')
    return ed25519.Ed25519PublicKey.from_public_bytes(raw[2:])


# ---------------------------------------------------------------------------------------------
# eddsa-jcs-2022 (W3C Data Integrity EdDSA Cryptosuites v1.0 §3.3) with the FEP-8b32 rules.
# ---------------------------------------------------------------------------------------------

def _hash_data(proof_config, document):
    return hashlib.sha256(jcs(proof_config)).digest() + hashlib.sha256(jcs(document)).digest()


def sign_object(document, private_key, verification_method, created):
    """§3.3.1 Create Proof: the proof config carries the document's @context; returns a copy with the proof."""
    unsecured = {k: v for k, v in document.items() if k != 'proof'}
    proof = {'type': 'DataIntegrityProof', 'cryptosuite': 'eddsa-jcs-2022',
             'verificationMethod': verification_method, 'proofPurpose': 'assertionMethod', 'created': created}
    if '@context' in unsecured:
        proof['@context'] = unsecured['@context']
    proof['proofValue'] = 'z' + b58encode(private_key.sign(_hash_data(proof, unsecured)))
    return dict(unsecured, proof=proof)


def _origin(uri):
    try:
        u = urlsplit(uri)
    except ValueError:
        return None
    if u.scheme.lower() not in ('http', 'https') or not u.hostname:
        return None
    default = u.port is None or (u.scheme.lower(), u.port) in (('https', 443), ('http', 80))
    return u.scheme.lower() + '://' + u.hostname.lower() + ('' if default else ':%d' % u.port)


def _ids(value):
    if value is None:
        return []
    if isinstance(value, list):
        return [i for v in value for i in _ids(v)]
    if isinstance(value, dict):
        return [value.get('id', '')]
    return [str(value)]


def verify_object(document, keys):
    """'valid' or the rejection reason, in the order integrity.md states the checks."""
    proofs = document.get('proof')
    if proofs is None or proofs == []:
        return 'MISSING_PROOF'
    unsecured = {k: v for k, v in document.items() if k != 'proof'}
    if isinstance(unsecured.get('signature'), dict):
        del unsecured['signature']  # FEP-8b32: an LD signature is made after the proof
    if not isinstance(proofs, list):
        return _verify_one(unsecured, proofs, keys)
    results = [_verify_one(unsecured, p, keys) for p in proofs]
    if 'valid' in results:
        return 'valid'
    decisive = [r for r in results if r not in ('UNKNOWN_KEY', 'UNSUPPORTED_SUITE')]
    return (decisive or results)[0]


def _verify_one(unsecured, proof, keys):
    if not isinstance(proof, dict):
        return 'MALFORMED'
    if proof.get('type') != 'DataIntegrityProof' or proof.get('cryptosuite') != 'eddsa-jcs-2022':
        return 'UNSUPPORTED_SUITE'
    if proof.get('proofPurpose') != 'assertionMethod':
        return 'WRONG_PURPOSE'
    method, value, created = proof.get('verificationMethod'), proof.get('proofValue'), proof.get('created')
    if not all(isinstance(x, str) for x in (method, value, created)) or 'previousProof' in proof:
        return 'MALFORMED'
    try:
        when = datetime.fromisoformat(created.replace('Z', '+00:00'))
        signature = b58decode(value[1:]) if value.startswith('z') else b''
    except ValueError:
        return 'MALFORMED'
    if when.tzinfo is None or len(signature) != 64:
        return 'MALFORMED'
    key = keys.get(method)
    if key is None:
        return 'UNKNOWN_KEY'
    config = {k: v for k, v in proof.items() if k != 'proofValue'}
    document = unsecured
    if '@context' in config:
        # §3.3.2 step 4: the document's @context must start with the proof's.
        have = _as_list(unsecured.get('@context'))
        want = _as_list(config['@context'])
        if have[:len(want)] != want:
            return 'BAD_SIGNATURE'
        document = dict(unsecured, **{'@context': config['@context']})
    try:
        from_multikey(key['publicKeyMultibase']).verify(signature, _hash_data(config, document))
    except (InvalidSignature, ValueError):
        return 'BAD_SIGNATURE'
    owner = _origin(key['ownerId'])
    subjects = _ids(unsecured.get('id')) + _ids(unsecured.get('actor')) + _ids(unsecured.get('attributedTo'))
    if owner is None or (method.startswith('http') and _origin(method) != owner) or not subjects \
            or any(_origin(s) != owner for s in subjects):
        return 'ORIGIN_MISMATCH'  # FEP-fe34: the key's owner is of the object's origin
    if key.get('revokedAt') and when >= _instant(key['revokedAt']):
        return 'KEY_REVOKED'
    if key.get('validFrom') and when < _instant(key['validFrom']):
        return 'KEY_NOT_YET_VALID'
    return 'valid'


def _as_list(context):
    return context if isinstance(context, list) else ([] if context is None else [context])


def _instant(text):
    return datetime.fromisoformat(text.replace('Z', '+00:00'))


# ---------------------------------------------------------------------------------------------
# RFC 9421 HTTP Message Signatures, with RFC 9530 Content-Digest, and draft-cavage-12.
# ---------------------------------------------------------------------------------------------

def content_digest(body):
    return 'sha-256=:' + base64.b64encode(hashlib.sha256(body).digest()).decode() + ':'


def _component(name, request):
    """RFC 9421 §2.2 derived components and §2.1 header fields (values joined by ', ')."""
    uri = urlsplit(request['targetUri'])
    if name == '@method':
        return request['method'].upper()
    if name == '@target-uri':
        return request['targetUri']
    if name == '@authority':
        default = uri.port is None or (uri.scheme, uri.port) in (('https', 443), ('http', 80))
        return uri.hostname.lower() + ('' if default else ':%d' % uri.port)
    if name == '@path':
        return uri.path or '/'
    if name == '@query':
        return '?' + uri.query
    if name == '@request-target':
        return (uri.path or '/') + ('?' + uri.query if uri.query else '')
    values = [v.strip() for k, v in request['headers'] if k.lower() == name]
    if not values:
        raise KeyError(name)
    return ', '.join(values)


def signature_base(request, components, params):
    lines = ['"%s": %s' % (c, _component(c, request)) for c in components]
    lines.append('"@signature-params": ' + params)
    return '\n'.join(lines).encode('utf-8')


def sign_rfc9421(request, private_key, keyid, created, components):
    """Adds Signature-Input and Signature (label sig1) to request['headers']."""
    params = '(' + ' '.join('"%s"' % c for c in components) + ')' + ';created=%d;keyid="%s";alg="ed25519"' % (created, keyid)
    signature = private_key.sign(signature_base(request, components, params))
    request['headers'].append(['signature-input', 'sig1=' + params])
    request['headers'].append(['signature', 'sig1=:' + base64.b64encode(signature).decode() + ':'])


def _header(request, name):
    values = [v for k, v in request['headers'] if k.lower() == name]
    return ', '.join(values) if values else None


def _parse_signature_input(text):
    """The one member of an RFC 8941 dictionary as Madani sends it: label=(inner list);params."""
    label, _, rest = text.partition('=')
    if not rest.startswith('('):
        raise ValueError('not an inner list')
    inner, _, params_text = rest[1:].partition(')')
    components = [c.strip('"') for c in inner.split()]
    params = {}
    for p in params_text.split(';')[1:]:
        k, _, v = p.partition('=')
        params[k] = v.strip('"') if v.startswith('"') else int(v)
    return label.strip(), components, rest, params


_REQUIRED = [{'@method'}, {'@target-uri', '@request-target', '@path'}, {'@target-uri', '@authority', 'host'}]


def verify_request(vector, keys):
    """'valid' or the rejection reason for a Madani http-signatures case under its policy."""
    request, policy = vector['request'], vector['policy']
    now = _instant(vector['now'])
    skew, max_age = policy['maxClockSkewSeconds'], policy['maxAgeSeconds']
    body = request.get('body', '').encode('utf-8')
    if vector['scheme'] == 'rfc9421':
        label, components, raw, params = _parse_signature_input(_header(request, 'signature-input'))
        covered = set(components)
        signature_header = _header(request, 'signature')
        signature = base64.b64decode(signature_header.split('=:', 1)[1].rstrip(':'))
        algorithm = params.get('alg')
        created = params.get('created')
        expires = params.get('expires')
        keyid = params.get('keyid')
        digest_names = {'content-digest', 'digest'}
        base = lambda: signature_base(request, components, raw)
    else:
        fields = dict(_cavage_params(_header(request, 'signature')))
        components = fields.get('headers', 'date').lower().split()
        covered = {'@method' if c == '(request-target)' else c for c in components}
        covered |= {'@request-target'} if '(request-target)' in components else set()
        signature = base64.b64decode(fields['signature'])
        algorithm, keyid = fields.get('algorithm'), fields.get('keyId')
        algorithm = {'rsa-sha256': 'rsa-v1_5-sha256', 'ed25519': 'ed25519'}.get(algorithm, algorithm)
        created = int(fields['created']) if 'created' in fields else None
        expires = int(fields['expires']) if 'expires' in fields else None
        digest_names = {'digest', 'content-digest'}
        base = lambda: _cavage_base(request, components, created, expires)
    for one_of in _REQUIRED + ([digest_names] if body else []):
        if not covered & one_of:
            return 'MISSING_COMPONENT'
    key = keys.get(keyid)
    if key is None:
        return 'UNKNOWN_KEY'
    if algorithm not in (None, 'hs2019', key['algorithm']):
        return 'ALGORITHM_MISMATCH'
    if expires is not None and now.timestamp() > expires:
        return 'EXPIRED'
    times = [created] if created is not None else []
    if _header(request, 'date'):
        times.append(parsedate_to_datetime(_header(request, 'date')).timestamp())
    for t in times:
        if t > now.timestamp() + skew or t < now.timestamp() - max_age - skew:
            return 'CLOCK_SKEW'
    if body:
        cd, d = _header(request, 'content-digest'), _header(request, 'digest')
        if cd is not None and cd.strip() != content_digest(body):
            return 'DIGEST_MISMATCH'
        if d is not None and d.split('=', 1)[1].strip() != base64.b64encode(hashlib.sha256(body).digest()).decode():
            return 'DIGEST_MISMATCH'
    public = serialization.load_pem_public_key(key['publicKeyPem'].encode())
    try:
        if isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, base(), padding.PKCS1v15(), hashes.SHA256())
        else:
            public.verify(signature, base())
    except InvalidSignature:
        return 'BAD_SIGNATURE'
    return 'valid'


def _cavage_params(text):
    for part in text.split('",'):
        k, _, v = part.partition('=')
        yield k.strip(), v.strip().strip('"')


def _cavage_base(request, components, created, expires):
    """draft-cavage-http-signatures-12 §2.3: one 'name: value' line per listed header."""
    lines = []
    for c in components:
        if c == '(request-target)':
            lines.append('(request-target): %s %s' % (request['method'].lower(), _component('@request-target', request)))
        elif c == '(created)':
            lines.append('(created): %d' % created)
        elif c == '(expires)':
            lines.append('(expires): %d' % expires)
        else:
            lines.append('%s: %s' % (c, _header(request, c)))
    return '\n'.join(lines).encode('utf-8')


# ---------------------------------------------------------------------------------------------
# generate / verify
# ---------------------------------------------------------------------------------------------

BASE = 'https://py.example'
ACTOR = BASE + '/orgs/nakhla'
KEY_ID = ACTOR + '#ed25519-1'
INBOX = 'https://madani.example/inbox'
CREATED = '2026-03-01T09:30:00Z'
NOW = '2026-03-01T09:30:00Z'
CONTEXT = ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/data-integrity/v1']


def _key(label):
    """A deterministic test key: its seed is SHA-256 of a published label."""
    return ed25519.Ed25519PrivateKey.from_private_bytes(hashlib.sha256(label.encode()).digest())


def generate(out):
    out = Path(out)
    (out / 'object-proofs').mkdir(parents=True, exist_ok=True)
    (out / 'http-signatures').mkdir(parents=True, exist_ok=True)
    key, other = _key('madani independent vectors: nakhla'), _key('madani independent vectors: intruder')
    pem = lambda k: k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption()).decode()
    pub = lambda k: k.public_key().public_bytes(serialization.Encoding.PEM,
                                                serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    keys = {'note': 'Made by protocol-spec/tools/madani_vectors.py (Python cryptography), not by the node. '
                    'Seeds are SHA-256 of published labels: test keys only.',
            'keys': {KEY_ID: {'ownerId': ACTOR, 'type': 'Multikey', 'algorithm': 'ed25519',
                              'publicKeyMultibase': multikey(key.public_key()), 'publicKeyPem': pub(key),
                              'privateKeyPem': pem(key)},
                     'https://intruder.example/orgs/x#ed25519-1': {
                         'ownerId': 'https://intruder.example/orgs/x', 'type': 'Multikey', 'algorithm': 'ed25519',
                         'publicKeyMultibase': multikey(other.public_key()), 'publicKeyPem': pub(other),
                         'privateKeyPem': pem(other)}}}
    event = {'@context': CONTEXT, 'id': ACTOR + '/entries/01PY0001', 'type': 'Event', 'kind': 'event',
             'attributedTo': ACTOR, 'name': 'ورشة عمل: الإسعافات الأولية',
             'nameMap': {'ar': 'ورشة عمل: الإسعافات الأولية', 'en': 'Workshop: first aid'},
             'summary': 'تدريبٌ عمليّ لِمدة ٣ ساعات، ‏مجاناً.', 'url': ACTOR + '/entries/01PY0001',
             'published': '2026-02-20T08:00:00Z', 'startTime': '2026-04-02T10:00:00+03:00',
             'timeZone': 'Asia/Damascus', 'visibility': 'public', 'version': 3,
             'location': {'type': 'Place', 'name': 'حلب', 'latitude': 36.2021, 'longitude': 37.1343},
             'to': ['https://www.w3.org/ns/activitystreams#Public'], 'cc': [ACTOR + '/followers']}
    signed_event = sign_object(event, key, KEY_ID, CREATED)
    create = {'@context': CONTEXT, 'id': ACTOR + '/activities/01PY0002', 'type': 'Create', 'actor': ACTOR,
              'object': signed_event, 'published': CREATED, 'to': event['to'], 'cc': event['cc']}
    signed_create = sign_object(create, key, KEY_ID, CREATED)
    tampered = json.loads(json.dumps(signed_event))
    tampered['nameMap']['en'] = 'Workshop: first aid (changed)'
    foreign = sign_object(dict(event, id='https://py.example/orgs/nakhla/entries/01PY0003'), other,
                          'https://intruder.example/orgs/x#ed25519-1', CREATED)
    cases = {
        'object-proofs/event-valid.json': ('An Event with Arabic text, a float and an integer, signed eddsa-jcs-2022.',
                                           signed_event, 'valid', None),
        'object-proofs/create-event-valid.json': ('A Create whose embedded Event carries its own proof.',
                                                  signed_create, 'valid', 'valid'),
        'object-proofs/event-tampered.json': ('The signed Event with one English word changed.',
                                              tampered, {'rejected': 'BAD_SIGNATURE'}, None),
        'object-proofs/event-foreign-key.json': ("An Event of py.example signed by another origin's valid key.",
                                                 foreign, {'rejected': 'ORIGIN_MISMATCH'}, None),
    }
    files = []
    for name, (description, document, expected, expected_object) in cases.items():
        case = {'name': Path(name).stem, 'description': description, 'document': document, 'expected': expected}
        if expected_object:
            case['expectedObject'] = expected_object
        _write(out / name, case)
        files.append(name)

    body = json.dumps({'@context': 'https://www.w3.org/ns/activitystreams', 'id': ACTOR + '/activities/01PY0004',
                       'type': 'Follow', 'actor': ACTOR, 'object': 'https://madani.example/orgs/sawa'},
                      ensure_ascii=False, separators=(',', ':'))
    created = int(_instant(NOW).timestamp())
    request = {'method': 'POST', 'targetUri': INBOX, 'headers': [
        ['host', 'madani.example'], ['content-type', 'application/activity+json'],
        ['date', 'Sun, 01 Mar 2026 09:30:00 GMT'], ['content-digest', content_digest(body.encode())]], 'body': body}
    sign_rfc9421(request, key, KEY_ID, created, ['@method', '@target-uri', '@authority', 'date', 'content-digest'])
    policy = {'name': 'federation', 'maxClockSkewSeconds': 300, 'maxAgeSeconds': 3600}
    valid = {'name': 'rfc9421-ed25519-post-valid', 'description': 'An RFC 9421 Ed25519 POST signed by Python cryptography.',
             'scheme': 'rfc9421', 'now': NOW, 'policy': policy, 'request': request, 'expected': 'valid'}
    altered = json.loads(json.dumps(valid))
    altered['name'] = 'rfc9421-body-altered'
    altered['description'] = 'The same request with the body changed after signing: Content-Digest no longer matches.'
    altered['request']['body'] = body.replace('Follow', 'Block')
    altered['expected'] = {'rejected': 'DIGEST_MISMATCH'}
    for case in (valid, altered):
        name = 'http-signatures/%s.json' % case['name']
        _write(out / name, case)
        files.append(name)
    _write(out / 'keys.json', keys)
    _write(out / 'index.json', {'note': 'Case files; classpath directories cannot be listed.', 'files': sorted(files)})


def _write(path, value):
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')


def _cases(directory):
    directory = Path(directory)
    index = directory / 'index.json'
    if index.exists():
        names = json.loads(index.read_text(encoding='utf-8'))['files']
        return [directory / n for n in names if not Path(n).parent.name in ('jcs', 'w3c')]
    return sorted(p for p in directory.glob('*.json') if p.name not in ('keys.json', 'index.json'))


def _keys_for(case_path, root):
    for d in (case_path.parent, Path(root)):
        if (d / 'keys.json').exists():
            return json.loads((d / 'keys.json').read_text(encoding='utf-8'))['keys']
    raise FileNotFoundError('no keys.json for %s' % case_path)


def verify(directories):
    failures = 0
    checked = 0
    for root in directories:
        for path in _cases(root):
            case = json.loads(path.read_text(encoding='utf-8'))
            keys = _keys_for(path, root)
            if 'scheme' in case:
                if 'policy' not in case:
                    continue  # a published vector without a Madani policy: not ours to judge
                outcomes = [(verify_request(case, keys), case['expected'])]
            else:
                outcomes = [(verify_object(case['document'], keys), case['expected'])]
                inner = case['document'].get('object')
                if isinstance(inner, dict) and 'proof' in inner:
                    outcomes.append((verify_object(inner, keys), case.get('expectedObject')))
            for got, expected in outcomes:
                want = expected if isinstance(expected, str) else (expected or {}).get('rejected')
                checked += 1
                status = 'ok  ' if got == want else 'FAIL'
                failures += got != want
                print('%s %s: expected %s, got %s' % (status, path, want, got))
    print('%d checked, %d failed' % (checked, failures))
    return 1 if failures or not checked else 0


# ---------------------------------------------------------------------------------------------
# inbox origin decisions (federation.md §6)
# ---------------------------------------------------------------------------------------------

def _origin(url):
    """(scheme, host, port) of an absolute URL, host without case, default port made explicit."""
    from urllib.parse import urlsplit
    if not isinstance(url, str):
        return None
    try:
        u = urlsplit(url)
        port = u.port
    except ValueError:
        return None
    if not u.scheme or not u.hostname:
        return None
    scheme = u.scheme.lower()
    return scheme, u.hostname.lower(), port if port is not None else (443 if scheme == 'https' else 80)


def _same_origin(a, b):
    return _origin(a) is not None and _origin(a) == _origin(b)


def _id_of(value):
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get('id'), str):
        return value['id']
    return None


def _attributed_ids(value):
    """The ids attributedTo names, or None when its shape is not allowed."""
    if isinstance(value, list):
        if not value or any(isinstance(v, list) for v in value):
            return None
        ids = [_id_of(v) for v in value]
        return None if None in ids else ids
    ident = _id_of(value)
    return None if ident is None else [ident]


def origin_decision(activity, key_owner):
    """(status, reason) of a refusal, or None to accept: federation.md §6, in its order."""
    actor, kind, obj = _id_of(activity.get('actor')), activity.get('type'), activity.get('object')
    if actor is None or actor != key_owner:
        return 403, 'actor-not-key-owner'
    if not _same_origin(activity.get('id'), actor):
        return 403, 'activity-id-origin'
    if kind in ('Create', 'Update') and isinstance(obj, dict):
        if not _same_origin(obj.get('id'), actor):
            return 403, 'object-origin'
        if obj.get('attributedTo') is not None:
            ids = _attributed_ids(obj['attributedTo'])
            if ids is None:
                return 400, 'attribution-malformed'
            if any(i != actor for i in ids):
                return 403, 'attribution-other'
        if kind == 'Update' and 'inbox' in obj and obj.get('id') != actor:
            return 403, 'update-other-actor'
    if kind == 'Delete' and obj is not None and not _same_origin(_id_of(obj), actor):
        return 403, 'delete-origin'
    return None


def origin(files):
    failures = checked = 0
    for path in files:
        vectors = json.loads(Path(path).read_text(encoding='utf-8'))
        for case in vectors['cases']:
            got = origin_decision(case['activity'], vectors['keyOwner'])
            e = case['expected']
            want = None if e['decision'] == 'accept' else (e['status'], e['reason'])
            checked += 1
            failures += got != want
            print('%s %s: expected %s, got %s' % ('ok  ' if got == want else 'FAIL', case['name'],
                                                  want or 'accept', got or 'accept'))
    print('%d checked, %d failed' % (checked, failures))
    return 1 if failures or not checked else 0


if __name__ == '__main__':
    if len(sys.argv) >= 3 and sys.argv[1] == 'generate':
        generate(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == 'verify':
        sys.exit(verify(sys.argv[2:]))
    elif len(sys.argv) >= 3 and sys.argv[1] == 'origin':
        sys.exit(origin(sys.argv[2:]))
    else:
        print(__doc__)
        sys.exit(2)
