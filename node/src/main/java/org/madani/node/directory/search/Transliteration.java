package org.madani.node.directory.search;

import java.util.Locale;

/**
 * A consonant skeleton of one word, the same for an Arabic organization name and its usual Latin
 * spelling: «سوا» and "Sawa" both give {@code sw}, «غراس» and "Ghiras" {@code grs}, «النخيل» and
 * "al-Nakheel" {@code nxl}, «بسمة» and "Basma" {@code bsm}.
 *
 * <p>How: Arabic letters map to one Latin class each (emphatic and plain letters share a class: ت ط
 * → t, س ص → s, د ض ذ ظ → d, ك ق → k); alef, hamza, ain, ha/heh and taa marbuta are dropped like
 * Latin vowels and h; waw and yeh count as consonants only before a vowel letter or at the start of
 * a word (otherwise they are long vowels). Latin digraphs sh, kh, gh, th, dh fold to the same
 * classes; a, e, i, o, u and h are dropped; doubled consonants collapse; the article al-/el- is
 * removed.
 *
 * <p>Limits (documented, deliberate): a heuristic for names only, not a transliteration. It cannot
 * tell ث from ت or ذ from د, misses spellings that write a long vowel as a consonant ("Souria" vs
 * «سوريا»), and a final taa marbuta written as "-at" ("Hayat") does not match. Keys shorter than
 * two letters are not used at all (too many accidental matches). Pure; thread-safe.
 */
public final class Transliteration {

  private Transliteration() {}

  /**
   * The skeleton of one word (Arabic or Latin script), or "" when it has fewer than 2 consonants.
   */
  public static String key(String word) {
    if (word == null || word.isEmpty()) return "";
    String w = ArabicNormalizer.normalize(word).toLowerCase(Locale.ROOT);
    String k = isArabic(w) ? arabic(w) : latin(w);
    return k.length() < 2 ? "" : k;
  }

  private static boolean isArabic(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.UnicodeBlock.of(w.charAt(i)) == Character.UnicodeBlock.ARABIC) return true;
    }
    return false;
  }

  private static String arabic(String w) {
    if (w.startsWith("ال") && w.length() > 3) w = w.substring(2);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      char next = i + 1 < w.length() ? w.charAt(i + 1) : 0;
      char k =
          switch (c) {
            case 'ب' -> 'b';
            case 'ت', 'ط', 'ث' -> 't';
            case 'ج' -> 'j';
            case 'خ' -> 'x';
            case 'د', 'ذ', 'ض', 'ظ' -> 'd';
            case 'ر' -> 'r';
            case 'ز' -> 'z';
            case 'س', 'ص' -> 's';
            case 'ش' -> '$';
            case 'غ' -> 'g';
            case 'ف' -> 'f';
            case 'ق', 'ك' -> 'k';
            case 'ل' -> 'l';
            case 'م' -> 'm';
            case 'ن' -> 'n';
            case 'و' -> i == 0 || next == 'ا' ? 'w' : 0;
            case 'ي' -> i == 0 || next == 'ا' ? 'y' : 0;
            default -> 0; // ا ه ح ع and anything else
          };
      append(b, k);
    }
    return b.toString();
  }

  private static String latin(String w) {
    w = w.replaceFirst("^(al|el)-", "");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      char next = i + 1 < w.length() ? w.charAt(i + 1) : 0;
      if (next == 'h' && "skgtd".indexOf(c) >= 0) {
        append(
            b,
            switch (c) {
              case 's' -> '$';
              case 'k' -> 'x';
              case 'g' -> 'g';
              case 't' -> 't';
              default -> 'd';
            });
        i++;
        continue;
      }
      char k =
          switch (c) {
            case 'b', 'p' -> 'b';
            case 't' -> 't';
            case 'j' -> 'j';
            case 'x' -> 'x';
            case 'd' -> 'd';
            case 'r' -> 'r';
            case 'z' -> 'z';
            case 's', 'c' -> 's';
            case 'g' -> 'g';
            case 'f', 'v' -> 'f';
            case 'q', 'k' -> 'k';
            case 'l' -> 'l';
            case 'm' -> 'm';
            case 'n' -> 'n';
            case 'w' -> 'w';
            case 'y' -> 'y';
            default -> 0; // vowels, h, apostrophes (ain), digits
          };
      append(b, k);
    }
    return b.toString();
  }

  private static void append(StringBuilder b, char k) {
    if (k == 0) return;
    if (!b.isEmpty() && b.charAt(b.length() - 1) == k) return; // doubled consonants and shadda
    b.append(k);
  }
}
