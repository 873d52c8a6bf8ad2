#!/usr/bin/env python3
"""Independent implementation of the spaces cryptography (protocol-spec/spaces.md), for a second opinion.

It uses only the Python `cryptography` package's primitives (X25519, HMAC/HKDF-Expand with SHA-256,
AES-256-GCM, Ed25519); HPKE base mode (RFC 9180 §4-§5) is composed here from them, not taken from
any HPKE library, so it shares no code with the node (Java, Bouncy Castle).

  spaces_vectors.py generate > protocol-spec/vectors/spaces/spaces-v1.json
  spaces_vectors.py verify protocol-spec/vectors/spaces/spaces-v1.json   # exit 0 when every vector holds

Keys, ephemeral keys and nonces in the vectors are fixed (derived from labels with SHA-256) so that
every implementation must reproduce the ciphertexts byte for byte.
"""
import hashlib
import json
import struct
import sys

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

KEM_ID, KDF_ID, AEAD_ID = 0x0020, 0x0001, 0x0002
NK, NN = 32, 12


def i2osp(v, n):
    return v.to_bytes(n, "big")


def extract(salt, ikm):
    h = hmac.HMAC(salt if salt else b"\x00" * 32, hashes.SHA256())
    h.update(ikm)
    return h.finalize()


def expand(prk, info, length):
    return HKDFExpand(hashes.SHA256(), length, info).derive(prk)


def labeled_extract(suite, salt, label, ikm):
    return extract(salt, b"HPKE-v1" + suite + label + ikm)


def labeled_expand(suite, prk, label, info, length):
    return expand(prk, i2osp(length, 2) + b"HPKE-v1" + suite + label + info, length)


def raw_pub(pub):
    return pub.public_bytes(Encoding.Raw, PublicFormat.Raw)


def kem_shared_secret(dh, enc, pk_r):
    suite = b"KEM" + i2osp(KEM_ID, 2)
    prk = labeled_extract(suite, b"", b"eae_prk", dh)
    return labeled_expand(suite, prk, b"shared_secret", enc + pk_r, 32)


def key_schedule(shared_secret, info):
    suite = b"HPKE" + i2osp(KEM_ID, 2) + i2osp(KDF_ID, 2) + i2osp(AEAD_ID, 2)
    psk_id_hash = labeled_extract(suite, b"", b"psk_id_hash", b"")
    info_hash = labeled_extract(suite, b"", b"info_hash", info)
    context = b"\x00" + psk_id_hash + info_hash  # mode_base
    secret = labeled_extract(suite, shared_secret, b"secret", b"")
    return labeled_expand(suite, secret, b"key", context, NK), labeled_expand(suite, secret, b"base_nonce", context, NN)


def hpke_seal(pk_r_raw, sk_e_raw, info, aad, pt):
    sk_e = X25519PrivateKey.from_private_bytes(sk_e_raw)
    enc = raw_pub(sk_e.public_key())
    dh = sk_e.exchange(X25519PublicKey.from_public_bytes(pk_r_raw))
    key, nonce = key_schedule(kem_shared_secret(dh, enc, pk_r_raw), info)
    return enc, AESGCM(key).encrypt(nonce, pt, aad)  # sequence number 0: the base nonce itself


def hpke_open(sk_r_raw, enc, info, aad, ct):
    sk_r = X25519PrivateKey.from_private_bytes(sk_r_raw)
    dh = sk_r.exchange(X25519PublicKey.from_public_bytes(enc))
    key, nonce = key_schedule(kem_shared_secret(dh, enc, raw_pub(sk_r.public_key())), info)
    return AESGCM(key).decrypt(nonce, ct, aad)


def lp(s):
    b = s.encode("utf-8")
    return struct.pack(">H", len(b)) + b


def wrap_info(space, epoch):
    return b"madani-space-key/v1" + lp(space) + struct.pack(">I", epoch)


def post_aad(space, epoch, author, post_id):
    return b"madani-space-post/v1" + lp(space) + struct.pack(">I", epoch) + lp(author) + lp(post_id)


def sig_input(aad, nonce, ct):
    return b"madani-space-sig/v1" + aad + nonce + struct.pack(">I", len(ct)) + ct


def fixed(label, n=32):
    return hashlib.sha256(b"madani spaces test vector: " + label.encode()).digest()[:n]


SPACE = "https://a.example/orgs/sawa/spaces/6f1c2a4e-8b1d-4d6e-9a51-0c3e2f7b9d10"
A, B, C = "https://a.example/orgs/sawa", "https://b.example/orgs/nour", "https://c.example/orgs/amal"


def generate():
    wraps, posts = [], []
    for epoch, recipient in [(1, A), (1, B), (1, C), (2, A), (2, B)]:
        sk = fixed("space key " + recipient)
        pk = raw_pub(X25519PrivateKey.from_private_bytes(sk).public_key())
        ck = fixed("content key epoch %d" % epoch)
        eph = fixed("ephemeral %d %s" % (epoch, recipient))
        info, aad = wrap_info(SPACE, epoch), lp(recipient)
        enc, ct = hpke_seal(pk, eph, info, aad, ck)
        wraps.append({"spaceId": SPACE, "epoch": epoch, "recipient": recipient, "recipientPrivate": sk.hex(),
                      "recipientPublic": pk.hex(), "ephemeralPrivate": eph.hex(), "contentKey": ck.hex(),
                      "info": info.hex(), "aad": aad.hex(), "enc": enc.hex(), "ciphertext": ct.hex()})
    for epoch, author, text in [(1, A, "خطة المشروع المشترك: لا تنشر أسماء الشركاء"),
                                (1, B, "Draft budget for the joint project: confidential"),
                                (2, A, "بعد خروج عضو: مفتاح جديد")]:
        post_id = author + "/spaces/posts/" + fixed("post id %d %s" % (epoch, author), 8).hex()
        ck = fixed("content key epoch %d" % epoch)
        nonce = fixed("nonce %d %s" % (epoch, author), NN)
        plaintext = json.dumps({"content": text, "published": "2026-12-07T12:00:00Z"},
                               ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        aad = post_aad(SPACE, epoch, author, post_id)
        ct = AESGCM(ck).encrypt(nonce, plaintext, aad)
        seed = fixed("signing key " + author)
        signer = Ed25519PrivateKey.from_private_bytes(seed)
        si = sig_input(aad, nonce, ct)
        posts.append({"spaceId": SPACE, "epoch": epoch, "author": author, "postId": post_id, "contentKey": ck.hex(),
                      "nonce": nonce.hex(), "plaintext": plaintext.decode("utf-8"), "aad": aad.hex(),
                      "ciphertext": ct.hex(), "authorSigningSeed": seed.hex(),
                      "authorPublic": raw_pub(signer.public_key()).hex(), "signatureInput": si.hex(),
                      "signature": signer.sign(si).hex()})
    return {"description": "Spaces v1 vectors (protocol-spec/spaces.md §7). Bytes are hex. Generated by "
                           "protocol-spec/tools/spaces_vectors.py (Python cryptography, HPKE composed from "
                           "X25519, HKDF-SHA256 and AES-256-GCM).",
            "suite": {"mode": 0, "kem": KEM_ID, "kdf": KDF_ID, "aead": AEAD_ID},
            "wraps": wraps, "posts": posts,
            "refusals": [
                {"post": 0, "change": "epoch", "value": 2},
                {"post": 0, "change": "author", "value": B},
                {"post": 0, "change": "spaceId", "value": SPACE + "x"},
                {"post": 0, "change": "postId", "value": A + "/spaces/posts/replayed"},
                {"post": 1, "change": "ciphertextBit", "value": 0},
            ]}


def check(v):
    bad = []
    for i, w in enumerate(v["wraps"]):
        info, aad = bytes.fromhex(w["info"]), bytes.fromhex(w["aad"])
        if info != wrap_info(w["spaceId"], w["epoch"]) or aad != lp(w["recipient"]):
            bad.append("wrap %d: info/aad" % i)
        enc, ct = hpke_seal(bytes.fromhex(w["recipientPublic"]), bytes.fromhex(w["ephemeralPrivate"]), info, aad,
                            bytes.fromhex(w["contentKey"]))
        if enc.hex() != w["enc"] or ct.hex() != w["ciphertext"]:
            bad.append("wrap %d: seal differs" % i)
        if hpke_open(bytes.fromhex(w["recipientPrivate"]), bytes.fromhex(w["enc"]), info, aad,
                     bytes.fromhex(w["ciphertext"])).hex() != w["contentKey"]:
            bad.append("wrap %d: open" % i)
    for i, p in enumerate(v["posts"]):
        aad = post_aad(p["spaceId"], p["epoch"], p["author"], p["postId"])
        if aad.hex() != p["aad"]:
            bad.append("post %d: aad" % i)
        nonce, ct = bytes.fromhex(p["nonce"]), bytes.fromhex(p["ciphertext"])
        if AESGCM(bytes.fromhex(p["contentKey"])).decrypt(nonce, ct, aad).decode("utf-8") != p["plaintext"]:
            bad.append("post %d: plaintext" % i)
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(p["authorPublic"])).verify(
                bytes.fromhex(p["signature"]), sig_input(aad, nonce, ct))
        except InvalidSignature:
            bad.append("post %d: signature" % i)
    for r in v["refusals"]:
        p = dict(v["posts"][r["post"]])
        ct = bytearray(bytes.fromhex(p["ciphertext"]))
        if r["change"] == "ciphertextBit":
            ct[r["value"]] ^= 1
        else:
            p[r["change"]] = r["value"]
        try:
            AESGCM(bytes.fromhex(p["contentKey"])).decrypt(bytes.fromhex(p["nonce"]), bytes(ct),
                                                            post_aad(p["spaceId"], p["epoch"], p["author"], p["postId"]))
            bad.append("refusal %s opened" % r["change"])
        except InvalidTag:
            pass
    return bad


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "generate":
        print(json.dumps(generate(), ensure_ascii=False, indent=2))
    elif len(sys.argv) == 3 and sys.argv[1] == "verify":
        with open(sys.argv[2], encoding="utf-8") as f:
            problems = check(json.load(f))
        for p in problems:
            print("FAIL", p)
        print("ok" if not problems else "%d failure(s)" % len(problems))
        sys.exit(1 if problems else 0)
    else:
        print(__doc__)
        sys.exit(2)
