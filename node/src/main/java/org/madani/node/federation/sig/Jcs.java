package org.madani.node.federation.sig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.erdtman.jcs.JsonCanonicalizer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme over a Jackson tree: properties sorted by UTF-16 code units
 * (§3.2.3), strings escaped as ECMAScript {@code JSON.stringify} does (only {@code "}, {@code \} and
 * controls below U+0020; everything else, Arabic and bidi marks included, stays raw UTF-8, §3.2.2.2),
 * numbers as IEEE-754 doubles printed the ECMAScript way (§3.2.2.3: {@code 1e+21}, {@code 0.000001},
 * {@code -0} as {@code 0}), no whitespace.
 *
 * <p>The tree is written by Jackson and canonicalized by the RFC author's reference implementation
 * ({@code org.erdtman.jcs}); every number therefore passes through a double, as I-JSON (RFC 7493)
 * requires, so integers beyond 2^53 lose precision exactly as they would in any other JCS
 * implementation. NaN and infinities have no JSON form and are refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class Jcs {

    private Jcs() {
    }

    /**
     * The canonical UTF-8 bytes of {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} holds a non-finite number or a lone surrogate
     */
    public static byte[] canonicalize(JsonNode value) {
        return canonicalString(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form as text; see {@link #canonicalize(JsonNode)}. */
    public static String canonicalString(JsonNode value) {
        String text = value.toString(); // Jackson writes standard JSON for any tree (NaN as a bare token, refused below)
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // I-JSON §2.1: a lone surrogate is not Unicode text; its UTF-8 form would be '?' and two
            // different documents would share a canonical form.
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new IllegalArgumentException("lone surrogate in JSON text");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("lone surrogate in JSON text");
            }
        }
        try {
            return new JsonCanonicalizer(text).getEncodedString();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not canonicalizable JSON: " + e.getMessage(), e);
        }
    }
}
