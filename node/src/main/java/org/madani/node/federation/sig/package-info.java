/**
 * Signatures for federation. HTTP message signatures: RFC 9421 (HTTP Message Signatures) and the
 * older draft-cavage-http-signatures-12 that Mastodon and most of the fediverse still send,
 * together with the body digests they rely on (legacy {@code Digest}, RFC 9530 {@code
 * Content-Digest}), a small RFC 8941 structured-field codec, and key handling (PEM, FEP-521a
 * Multikey). Object integrity proofs: FEP-8b32 with the Data Integrity {@code eddsa-jcs-2022}
 * cryptosuite over RFC 8785 JCS ({@link org.madani.node.federation.sig.ObjectProofs},
 * protocol-spec/integrity.md).
 *
 * <p>This package is deliberately self-contained: it imports only the JDK, Bouncy Castle's
 * lightweight API and the native JCA provider for Ed25519 and RSA ({@link
 * org.madani.node.federation.sig.NativeSignatures}; Jackson trees plus the JCS reference
 * implementation for object proofs), nothing else of ours and nothing from Vert.x or H2, so it can
 * be tested against published vectors in isolation and reused by any transport. Signing large
 * bodies is CPU work; callers on an event loop run it on a worker.
 *
 * <p>Entry points: {@link org.madani.node.federation.sig.Rfc9421Signer}, {@link
 * org.madani.node.federation.sig.Rfc9421Verifier}, {@link
 * org.madani.node.federation.sig.CavageSigner}, {@link
 * org.madani.node.federation.sig.CavageVerifier}. Both verifiers answer with the same sealed {@link
 * org.madani.node.federation.sig.Verification} under the same {@link
 * org.madani.node.federation.sig.SignaturePolicy}. Object proofs answer with {@link
 * org.madani.node.federation.sig.ProofVerification}.
 */
package org.madani.node.federation.sig;
