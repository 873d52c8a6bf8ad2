package org.madani.node.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.madani.node.model.Problem;
import org.madani.node.text.Csv;

/**
 * A shared block or allow list (protocol-spec/trust.md), and its CSV form. Entries name a node by
 * host key or an organization by actor id. The signed JSON form is built by {@link
 * TrustListService}.
 */
public record TrustList(String name, List<Item> items) {

  public static final int MAX_ITEMS = 10_000;
  public static final String CSV_HEADER = "type,subject,level,note";

  /** One entry: {@code type} is node or actor; level is a wire name. */
  public record Item(String type, String subject, TrustLevel level, String note) {
    public Item {
      if (!type.equals("node") && !type.equals("actor"))
        throw Problem.unprocessable("type is node or actor: " + type);
      subject = type.equals("node") ? TrustService.hostKey(subject) : TrustService.actorId(subject);
      if (level != TrustLevel.BLOCKED
          && level != TrustLevel.ALLOWED
          && level != TrustLevel.TRUSTED) {
        throw Problem.unprocessable(
            "A list entry is blocked, allowed or trusted: " + level.wireName());
      }
      if (note != null && note.length() > 500) note = note.substring(0, 500);
      if (note != null && note.isBlank()) note = null;
    }
  }

  public TrustList {
    if (!name.equals("blocks") && !name.equals("allows"))
      throw Problem.notFound("Lists are blocks and allows.");
    if (items.size() > MAX_ITEMS)
      throw Problem.unprocessable("A list has at most " + MAX_ITEMS + " entries.");
    items = List.copyOf(items);
  }

  /** The list as CSV, through the one writer that defuses spreadsheet formulas ({@link Csv}). */
  public String toCsv() {
    StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
    for (Item i : items) {
      out.append(
          Csv.row(
              List.of(
                  i.type(), i.subject(), i.level().wireName(), i.note() == null ? "" : i.note())));
    }
    return out.toString();
  }

  /** Parses RFC 4180 CSV with the header {@value #CSV_HEADER}; '#' lines are comments. */
  public static TrustList fromCsv(String name, String csv) {
    List<List<String>> rows = parseCsv(csv);
    if (rows.isEmpty()
        || !String.join(",", rows.get(0)).trim().toLowerCase(Locale.ROOT).equals(CSV_HEADER)) {
      throw Problem.unprocessable("The first CSV line must be: " + CSV_HEADER);
    }
    List<Item> items = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() == 1 && row.get(0).isBlank()) continue;
      if (row.get(0).startsWith("#")) continue;
      if (row.size() < 3 || row.size() > 4)
        throw Problem.unprocessable("CSV line " + (r + 1) + " needs 3 or 4 fields.");
      TrustLevel level;
      try {
        level = TrustLevel.parse(row.get(2));
      } catch (IllegalArgumentException e) {
        throw Problem.unprocessable(
            "CSV line " + (r + 1) + ": unknown level '" + row.get(2) + "'.");
      }
      items.add(
          new Item(
              row.get(0).trim().toLowerCase(Locale.ROOT),
              row.get(1).trim(),
              level,
              row.size() == 4 ? row.get(3) : null));
      if (items.size() > MAX_ITEMS)
        throw Problem.unprocessable("A list has at most " + MAX_ITEMS + " entries.");
    }
    return new TrustList(name, items);
  }

  static List<List<String>> parseCsv(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char ch = csv.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          f.append(ch);
        }
      } else if (ch == '"' && f.isEmpty()) {
        quoted = true;
      } else if (ch == ',') {
        row.add(f.toString());
        f.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') i++;
        row.add(f.toString());
        f.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        f.append(ch);
      }
    }
    if (quoted) throw Problem.unprocessable("Unterminated quoted CSV field.");
    if (!f.isEmpty() || !row.isEmpty()) {
      row.add(f.toString());
      rows.add(row);
    }
    return rows;
  }
}
