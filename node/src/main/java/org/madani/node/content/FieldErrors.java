package org.madani.node.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the validator's raw output into one error per field that a person can act on: a JSON
 * pointer to the field, a machine {@code code} (the admin UI words it in Arabic or English) and
 * {@code params} (limits, lengths, the kind of value expected), plus the validator's English {@code
 * message} for API clients.
 *
 * <p>Only leaf keywords become errors: "does not match every subschema" and the like only say that
 * something below failed. {@code unevaluatedProperties} errors are kept only when nothing else
 * failed, because a failing {@code allOf} branch drops its annotations and every valid property
 * would then be reported as unknown.
 *
 * <p>Codes: required, requiredOneOf, empty, tooShort, tooLong, tooFew, tooMany, duplicate, format,
 * choice, type, tooSmall, tooLarge, unknownField, invalid; {@link DocumentChecks} adds unknownTerm,
 * and the services unknownZone and endBeforeStart.
 */
public final class FieldErrors {

  private static final Set<String> CONTAINERS =
      Set.of(
          "allOf",
          "anyOf",
          "oneOf",
          "if",
          "then",
          "else",
          "$ref",
          "properties",
          "items",
          "prefixItems",
          "propertyNames",
          "not",
          "patternProperties",
          "dependentSchemas",
          "contains",
          "");
  private static final Pattern COMPARISON =
      Pattern.compile("\\((\\d+(?:\\.\\d+)?) [<>]=? (\\d+(?:\\.\\d+)?)\\)");
  private static final Pattern REQUIRED = Pattern.compile("required property \"([^\"]+)\"");
  private static final Pattern PROPERTY = Pattern.compile("Property \"([^\"]+)\"");
  private static final Pattern DEF = Pattern.compile("\\$defs/([A-Za-z]+)/");

  private FieldErrors() {}

  /** One error per field and code, in document order. */
  public static List<Map<String, Object>> of(List<SchemaValidator.Violation> violations) {
    List<Map<String, Object>> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> oneOf = new ArrayList<>();
    String oneOfParent = null;
    List<Map<String, Object>> unevaluated = new ArrayList<>();
    for (SchemaValidator.Violation v : violations) {
      String keyword = lastSegment(v.keywordLocation());
      if (CONTAINERS.contains(keyword)) continue;
      if (keyword.equals("additionalProperties") && hasErrorBelow(violations, v.pointer()))
        continue;
      if (keyword.equals("required") && v.keywordLocation().contains("/anyOf/")) {
        Matcher m = REQUIRED.matcher(v.message());
        if (m.find()) {
          oneOf.add(m.group(1));
          oneOfParent = v.pointer();
        }
        continue;
      }
      Map<String, Object> e = error(keyword, v);
      if (keyword.equals("unevaluatedProperties")) {
        unevaluated.add(e);
        continue;
      }
      if (seen.add(e.get("pointer") + " " + e.get("code"))) out.add(e);
    }
    if (!oneOf.isEmpty()) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("fields", List.copyOf(oneOf));
      out.add(
          entry(
              oneOfParent + "/" + oneOf.get(0),
              "requiredOneOf",
              params,
              "one of " + String.join(", ", oneOf) + " is required"));
    }
    if (out.isEmpty()) {
      for (Map<String, Object> e : unevaluated) {
        if (seen.add(e.get("pointer") + " " + e.get("code"))) out.add(e);
      }
    }
    return out;
  }

  /** The problem's detail: which fields are wrong, for clients that show one line. */
  public static String summary(String what, List<Map<String, Object>> errors) {
    Set<String> fields = new LinkedHashSet<>();
    for (Map<String, Object> e : errors) fields.add(e.get("pointer") + " (" + e.get("code") + ")");
    return "The "
        + what
        + " is not valid: "
        + String.join(", ", fields)
        + ". See errors[] for each field.";
  }

  /** An error record in the wire shape: pointer, code, params, message. */
  public static Map<String, Object> entry(
      String pointer, String code, Map<String, Object> params, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("pointer", pointer);
    e.put("code", code);
    e.put("params", params == null ? Map.of() : params);
    e.put("message", message);
    return e;
  }

  private static Map<String, Object> error(String keyword, SchemaValidator.Violation v) {
    Map<String, Object> params = new LinkedHashMap<>();
    String pointer = v.pointer();
    Matcher cmp = COMPARISON.matcher(v.message());
    boolean compared = cmp.find();
    if (compared) {
      params.put("actual", number(cmp.group(1)));
      params.put("limit", number(cmp.group(2)));
    }
    String code =
        switch (keyword) {
          case "required" -> {
            Matcher m = REQUIRED.matcher(v.message());
            if (m.find()) pointer = pointer + "/" + m.group(1);
            yield "required";
          }
          case "minLength" ->
              compared && ((Number) params.get("limit")).intValue() <= 1 ? "empty" : "tooShort";
          case "maxLength" -> "tooLong";
          case "minItems" -> "tooFew";
          case "maxItems" -> "tooMany";
          case "uniqueItems" -> "duplicate";
          case "minProperties" -> "empty";
          case "maxProperties" -> "tooMany";
          case "pattern", "format" -> {
            Matcher d = DEF.matcher(v.absoluteKeywordLocation());
            params.put("kind", d.find() ? d.group(1) : keyword);
            yield "format";
          }
          case "enum", "const" -> "choice";
          case "type" -> "type";
          case "minimum", "exclusiveMinimum" -> "tooSmall";
          case "maximum", "exclusiveMaximum" -> "tooLarge";
          case "additionalProperties", "unevaluatedProperties" -> {
            Matcher m = PROPERTY.matcher(v.message());
            if (m.find() && !pointer.endsWith("/" + m.group(1)))
              pointer = pointer + "/" + m.group(1);
            yield "unknownField";
          }
          default -> "invalid";
        };
    return entry(pointer, code, params, v.message());
  }

  private static boolean hasErrorBelow(List<SchemaValidator.Violation> all, String pointer) {
    for (SchemaValidator.Violation v : all) {
      String k = lastSegment(v.keywordLocation());
      if (!CONTAINERS.contains(k)
          && !k.equals("additionalProperties")
          && v.pointer().startsWith(pointer)) return true;
    }
    return false;
  }

  private static String lastSegment(String location) {
    int slash = location.lastIndexOf('/');
    return slash < 0 ? location : location.substring(slash + 1);
  }

  private static Number number(String s) {
    return s.contains(".") ? (Number) Double.valueOf(s) : (Number) Long.valueOf(s);
  }
}
